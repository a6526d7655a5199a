"""Text to comparable tokens: lower-cased, light-stemmed content words.

A small suffix stripper (not Porter) is enough here: the vocabulary is written in stemmed form
through the same function, so the only requirement is that inflections of one word collapse
(apprentice/apprentices/apprenticeship, recognise/recognised/recognition).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_STOPWORD_TEXT = """
    a about above across after again all also am an and any are as at be because been before both
    but by can could did do does doing down during each either etc e.g eg i.e ie few for from
    further had has have having here how if in into is it its itself just may might more most must
    no nor not now of off on once only or other our ours ourselves out over own per same shall
    should so some such than that the their theirs them then there these they this those through to
    too until up upon us very via was we were what when where whether which while who whom why will
    with within would yet you your
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Suffixes stripped longest first; each keeps a stem of at least three letters.
_SUFFIXES = (
    "isations",
    "izations",
    "isation",
    "ization",
    "ational",
    "fulness",
    "ousness",
    "iveness",
    "ations",
    "nesses",
    "ements",
    "atives",
    "ative",
    "ates",
    "itions",
    "ition",
    "ments",
    "ation",
    "ships",
    "ities",
    "ively",
    "ingly",
    "ement",
    "ising",
    "izing",
    "ised",
    "ized",
    "ises",
    "izes",
    "ment",
    "ship",
    "ness",
    "ings",
    "able",
    "ible",
    "ions",
    "ists",
    "ist",
    "ity",
    "ies",
    "ing",
    "ion",
    "ics",
    "ate",
    "ise",
    "ize",
    "ive",
    "ers",
    "ed",
    "es",
    "er",
    "ly",
    "al",
    "ic",
    "is",
    "s",
    "e",
    "y",
)


_QUOTES = re.compile(r"[\u2018\u2019\u201c\u201d`]")


def normalise(text: str) -> str:
    """Fold accents, quotes, dashes and `&` so that copies of a text compare equal."""
    if text.isascii():  # most text: nothing to decompose, no typographic dashes or quotes
        text = text.replace("&", " and ").replace("`", "'")
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("&", " and ").replace("\u2013", "-").replace("\u2014", "-")
        text = _QUOTES.sub("'", text)
    return " ".join(text.split()).lower()  # split() and re's \s agree on what is white space


# Second pass: only derivational endings left behind by the first (`apprenticeship` -> `apprentice`).
_SECOND_SUFFIXES = ("ship", "ment", "ive", "iv", "ate", "al", "er", "e", "y")

# Words whose stems would collide with unrelated words or split one meaning in two.
_IRREGULAR = {
    "committee": "committee",
    "committees": "committee",
    "commitment": "commitment",
    "commitments": "commitment",
    "registration": "regist",
    "registrations": "regist",
    "careers": "career",
    "career": "career",
    "promotion": "promotion",
    "promotions": "promotion",
    "trainee": "trainee",
    "trainees": "trainee",
    "policy": "policy",
    "policies": "policy",
    "data": "data",
    "levels": "level",
    "publication": "publication",
    "publications": "publication",
    "publicise": "publicise",
    "publicised": "publicise",
    "publicising": "publicise",
    "publicity": "publicise",
    "institute": "institute",
    "institutes": "institute",
    "institution": "institution",
    "institutions": "institution",
    "institutional": "institution",
    "secondment": "secondment",
    "secondments": "secondment",
    "placement": "placement",
    "placements": "placement",
    "community": "community",
    "accessibility": "accessibility",
    "accessible": "accessibility",
    "communities": "community",
    # Stems that would otherwise collide with a cue of another meaning (found by listing every
    # corpus word whose stem equals a single-word cue): internal/internship, success/succession,
    # charter/chartered, poster/post, a skills register/professional registration, funding/funder,
    # propose/proposal, cost/costed, teaching/teachers, staff/staffing, meet/meetings, brief/briefings,
    # a teaching fellow (a job title)/a fellowship (a scheme).
    "internal": "internal",
    "internally": "internal",
    "succession": "succession",
    "charter": "charter",
    "charters": "charter",
    "chartered": "chartered",
    "poster": "poster",
    "posters": "poster",
    "register": "register",
    "registers": "register",
    "funder": "funder",
    "funders": "funder",
    "proposal": "proposal",
    "proposals": "proposal",
    "costed": "costed",
    "costing": "costing",
    "staffing": "staffing",
    "teacher": "teacher",
    "teachers": "teacher",
    "briefing": "briefing",
    "briefings": "briefing",
    "meeting": "meeting",
    "meetings": "meeting",
    "fellowship": "fellowship",
    "fellowships": "fellowship",
}


def _strip_once(word: str, suffixes: tuple[str, ...] = _SUFFIXES) -> str:
    for suffix in suffixes:
        if (
            word.endswith(suffix)
            and len(word) - len(suffix) >= 4
            and not (suffix == "s" and word.endswith("ss"))
        ):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Strip up to two suffixes (`apprenticeships` -> `apprentic`), then a doubled final consonant."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 4 or not word.isalpha():
        return word
    word = word.replace("ibility", "ible").replace("ability", "able")
    word = _strip_once(_strip_once(word), _SECOND_SUFFIXES)
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower-case word tokens; `t-level` -> `t`, `level`; `ed&i` -> `ed`, `and`, `i` (stop words kept)."""
    return re.findall(r"[a-z0-9]+", normalise(text))


def stemmed_words(text: str) -> list[str]:
    """Every word stemmed, stop words kept: the stream cue phrases are matched on, so that
    `representation on` does not collapse into `representation`."""
    return [stem(w) for w in words(text)]


def tokens(text: str) -> list[str]:
    """Stemmed content tokens in order (stop words dropped, single letters kept: `t level`)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


EXAMPLE_SHARE = 0.6
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z*\u2022-])|\n+")
_EXAMPLE_MARK = re.compile(r"\b(?:e\.?\s?g\.?|for example|for instance|such as|including)(?=[\s,:(]|$)", re.I)


def weighted_segments(text: str) -> list[tuple[str, float]]:
    """Split a text into (part, weight): within each sentence, what follows `e.g.` / `such as` /
    `including` gets EXAMPLE_SHARE. The main clause says what an action is for; examples list how, and often
    touch other recommendations (`... avoid losing skills, e.g. shadowing, mentoring`)."""
    parts: list[tuple[str, float]] = []
    for sentence in _SENTENCE_END.split(text):
        mark = _EXAMPLE_MARK.search(sentence)
        if mark:
            parts.append((sentence[: mark.start()], 1.0))
            parts.append((sentence[mark.end() :], EXAMPLE_SHARE))
        else:
            parts.append((sentence, 1.0))
    return [(p, w) for p, w in parts if p.strip()]
