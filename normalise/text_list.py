"""Statements without a table: one action per numbered commitment.

Numbers or letters are typed ("1.", "- 1.", "(a)", "b)") or come from Word list numbering
(`list_label`). The last
commitment may be printed without a number: a paragraph right after the numbered run that reads
like the others belongs to the list; a trailing URL or footer does not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .cleaning import clean_cell
from .plan_likeness import reads_as_commitment
from .themes import definition_pillar, heading_pillar

_TYPED_MARKER = re.compile(
    r"^\s*(?:[-\u2013\u2022*]\s*)?(\()?(\d{1,2}|[a-zA-Z]|[ivxIVX]{2,5})([.)])\s+(?=\S)"
)
# "1 - Increase awareness ...", "2: Update ...": a number set off by a spaced dash or a colon
# "Objective 2: ...", "Priority 3 - ...": a numbered heading named by what it numbers
_DASH_MARKER = re.compile(
    r"(?i)^\s*(?:(?:objective|aim|goal|priority|action|commitment|area|point)\s+(\d{1,2})"
    r"(?:[.):]|\s+[-\u2013\u2014])?|(\d{1,2})(?:\s+[-\u2013\u2014]|\s*:))\s+(?=\S)"
)
_LABEL_MARKER = re.compile(r"^\s*(\()?(\d{1,2}|[a-zA-Z]|[ivxIVX]{2,5})([.)])?\s*$")
# Small roman numerals in their canonical form; the index is the value ("" holds place 0).
_ROMAN_NUMERALS = (
    "",
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
)
KINDS = ("number", "letter", "roman")
_URL = re.compile(r"(?i)^\s*(?:https?://|www\.)\S+\s*$|^\S+@\S+\.\S+$")
_PAGE_NUMBER = re.compile(r"(?i)^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$")
SENTENCE_END = (".", "!", "?", ";", ":")
MIN_RUN = 3


@dataclass(frozen=True)
class ListLine:
    """A line of document text as the list reader needs it."""

    text: str
    page: int | None = None
    list_label: str = ""
    bulleted: bool = False  # a word processor's bullet, not printed in the text
    heading: bool = False  # styled as a heading (Word "Heading 2", a web page's <h3>)
    row: bool = False  # a spreadsheet row: one whole paragraph, never wrapped or bulleted


@dataclass(frozen=True)
class Commitment:
    """One listed item. `objective` is set when the item is a numbered heading with the
    paragraphs beneath as its action; `progress` when it sits under a progress-review heading."""

    number: str
    text: str
    page: int | None
    theme: str = ""
    objective: str = ""
    progress: str = ""


@dataclass(frozen=True)
class Marker:
    """An item marker: its kind ("number" or "letter"), its place in the sequence (a = 1), and its
    label as the contract's ref ("3", "c")."""

    kind: str
    ordinal: int
    label: str


def _roman(token: str) -> int | None:
    """ "iv" -> 4; None for what is not a well-formed small roman numeral."""
    lower = token.lower()
    return _ROMAN_NUMERALS.index(lower) if lower in _ROMAN_NUMERALS[1:] else None


def _markers_from(opening: str | None, token: str, closing: str | None) -> tuple[Marker, ...]:
    """Every reading of a marker: "i)" is the ninth letter or the first roman numeral."""
    if opening and closing != ")":
        return ()  # "(a." is not a marker
    if token.isdigit():
        return (Marker("number", int(token), token),)
    if not opening and closing == "." and token.isupper():
        return ()  # "A. Smith will ..." reads as initials, not a list
    found = []
    if len(token) == 1:
        found.append(Marker("letter", ord(token.lower()) - ord("a") + 1, token))
    roman = _roman(token)
    if roman:
        found.append(Marker("roman", roman, token))
    return tuple(found)


def _markers(line: ListLine) -> tuple[tuple[Marker, ...], str]:
    """The readings of the item marker a line starts with, and its text without it."""
    if line.list_label:
        hit = _LABEL_MARKER.match(line.list_label)
        if hit:
            found = _markers_from(hit.group(1), hit.group(2), hit.group(3))
            if found:
                return found, line.text
    hit = _TYPED_MARKER.match(line.text)
    if hit:
        found = _markers_from(hit.group(1), hit.group(2), hit.group(3))
        if found:
            return found, line.text[hit.end() :]
    hit = _DASH_MARKER.match(line.text)
    if hit:
        number = hit.group(1) or hit.group(2)
        return (Marker("number", int(number), number),), line.text[hit.end() :]
    return (), line.text


def _longest_run(markers: list[Marker | None]) -> list[int]:
    """Positions of the longest 1, 2, 3, ... (or a, b, c, ...) sequence of marked lines (gaps allowed)."""
    best: list[int] = []
    for start, first in enumerate(markers):
        if first is None or first.ordinal != 1:
            continue
        run, expect = [start], 2
        for pos in range(start + 1, len(markers)):
            marker = markers[pos]
            if marker is not None and marker.kind == first.kind and marker.ordinal == expect:
                run.append(pos)
                expect += 1
            elif marker is not None and marker.kind == first.kind:
                break
        if len(run) > len(best):
            best = run
    return best


def _next_label(marker: Marker) -> str:
    if marker.kind == "number":
        return str(marker.ordinal + 1)
    if marker.kind == "roman":
        nxt = marker.ordinal + 1
        label = _ROMAN_NUMERALS[nxt] if nxt < len(_ROMAN_NUMERALS) else ""
        return label.upper() if marker.label.isupper() else label
    return chr(ord(marker.label) + 1)


def _best_run(readings: list[tuple[Marker, ...]]) -> tuple[list[int], list[Marker | None]]:
    """The longest run over any one kind of marker (numbers first on a tie)."""
    best: tuple[list[int], list[Marker | None]] = ([], [None] * len(readings))
    for kind in KINDS:
        markers = [next((m for m in found if m.kind == kind), None) for found in readings]
        run = _longest_run(markers)
        if len(run) > len(best[0]):
            best = (run, markers)
    return best


def _is_noise(text: str) -> bool:
    return not text.strip() or bool(_URL.match(text) or _PAGE_NUMBER.match(text))


def _opening(text: str, words: int = 2) -> str:
    return " ".join(text.casefold().split()[:words])


def _paragraph_breaks(texts: list[str]) -> list[bool]:
    """For wrapped lines (PDF): True where a line ends a paragraph (ends a sentence and stops short)."""
    longest = max((len(t) for t in texts), default=0)
    return [t.rstrip().endswith(SENTENCE_END) and len(t) < 0.8 * longest for t in texts]


def commitments(lines: list[ListLine]) -> list[Commitment]:
    """One commitment per numbered item, plus an unnumbered last item of the same form.

    When the numbered lines are headings ("1 - Increase awareness ...", no full stop) with
    paragraphs or bullets beneath, each heading is the objective and the lines beneath its action.
    """
    lines = [ln for ln in lines if not _is_noise(ln.text)]
    parsed = [_markers(ln) for ln in lines]
    run, markers = _best_run([found for found, _ in parsed])
    numbered = [(markers[i], text) for i, (_, text) in enumerate(parsed)]
    if len(run) < MIN_RUN:
        return []
    items: list[tuple[str, list[str], int | None]] = []
    themes: list[str] = []
    theme = _theme_before(lines[: run[0]], "")
    for k, pos in enumerate(run):
        end = run[k + 1] if k + 1 < len(run) else pos + 1
        between = [lines[p].text for p in range(pos + 1, end)]
        own = [t for t in between if not _is_pillar_heading(t)]
        items.append((numbered[pos][0].label, [numbered[pos][1]] + own, lines[pos].page))
        themes.append(theme)
        theme = _theme_before(lines[pos + 1 : end], theme)
    after_last = lines[run[-1] + 1 : run[-1] + 2]
    probe = [*items[:-1], (items[-1][0], items[-1][1] + [ln.text for ln in after_last], items[-1][2])]
    headed = _numbered_headings(probe, [lines[pos] for pos in run])
    # the last numbered item's own wrapped lines (its paragraphs, under a heading), then perhaps
    # one unnumbered item
    tail = lines[run[-1] + 1 :]
    beneath = _beneath_heading(tail) if headed else _continuation(items[-1][1], [ln.text for ln in tail])
    items[-1][1].extend(beneath)
    consumed = len(items[-1][1]) - 1
    rest = lines[run[-1] + 1 + consumed :]
    openings = Counter(_opening(t[1][0]) for t in items)
    common, count = openings.most_common(1)[0]
    if rest and not headed and count * 2 >= len(items) and _opening(rest[0].text) == common:
        texts = [rest[0].text] + _continuation([rest[0].text], [ln.text for ln in rest[1:]])
        items.append((_next_label(numbered[run[-1]][0]), texts, rest[0].page))
        themes.append(themes[-1])
    if headed:
        return [
            Commitment(
                num,
                _lines_text(texts[1:]) or clean_cell(texts[0]),
                page,
                theme,
                objective=clean_cell(texts[0]) if texts[1:] else "",
            )  # fmt: skip
            for (num, texts, page), theme in zip(items, themes, strict=True)
        ]
    return [
        Commitment(num, clean_cell("\n".join(texts)).replace("\n", " "), page, theme)
        for (num, texts, page), theme in zip(items, themes, strict=True)
    ]


def _lines_text(texts: list[str]) -> str:
    """Paragraphs or bullets beneath a heading, one per line, typed bullet marks dropped."""
    out = []
    for text in texts:
        hit = _BULLET.match(text)
        out.append(clean_cell(text[hit.end() :] if hit else text))
    return "\n".join(t for t in out if t)


def _is_heading_text(line: ListLine, text: str) -> bool:
    """A numbered line that is a heading: styled so, or a short line that ends no sentence."""
    text = text.strip()
    return line.heading or (len(text) <= HEADING_MAX_CHARS and not text.endswith(SENTENCE_END))


def _starts_paragraph(text: str) -> bool:
    """A line beneath a heading that starts its own paragraph or bullet (not a wrapped line)."""
    text = text.strip()
    return bool(_BULLET.match(text)) or text[:1].isupper() or text[:1].isdigit()


def _numbered_headings(items: list[tuple[str, list[str], int | None]], numbered: list[ListLine]) -> bool:
    """Most items are headings with paragraphs beneath: "1 - Increase awareness" / "Currently ..."."""
    with_lines = [
        (line, texts) for line, (_, texts, _) in zip(numbered, items, strict=True) if len(texts) > 1
    ]
    shaped = sum(
        1 for line, texts in with_lines if _is_heading_text(line, texts[0]) and _starts_paragraph(texts[1])
    )
    return len(with_lines) * 2 >= len(items) and shaped * 2 > len(items)


def _beneath_heading(tail: list[ListLine]) -> list[str]:
    """The paragraphs under the last numbered heading: up to the next heading or the end."""
    taken = []
    for line in tail:
        if line.heading or _is_heading(line.text) or _is_pillar_heading(line.text):
            break
        if not line.text.rstrip().endswith(SENTENCE_END) and len(line.text) <= HEADING_MAX_CHARS // 2:
            break  # a short line that ends no sentence: a new heading, a signature, a footer
        taken.append(line.text)
    return taken


def _is_pillar_heading(text: str) -> bool:
    """A short line naming a pillar ("Visibility", "2. Recognition"): a heading between items."""
    return len(text) <= 80 and not text.rstrip().endswith(SENTENCE_END) and bool(heading_pillar(text))


def _theme_before(lines: list[ListLine], current: str) -> str:
    """The pillar a heading, or a sentence restating a pillar's definition, sets for what follows."""
    for line in lines:
        if _is_pillar_heading(line.text):
            current = heading_pillar(line.text)
        elif definition_pillar(line.text):
            current = definition_pillar(line.text)
    return current


def _continuation(item: list[str], tail: list[str]) -> list[str]:
    """The wrapped lines that continue an item: none once the item has ended its paragraph."""
    taken: list[str] = []
    current = list(item)
    for text in tail:
        ends = _paragraph_breaks(current + [text])
        if ends[len(current) - 1] or _is_heading(text) or _is_pillar_heading(text):
            break
        if len(current) == 1 and current[0].rstrip().endswith(SENTENCE_END) and text[:1].isupper():
            break  # one-line item that already ended its sentence: a new paragraph begins
        taken.append(text)
        current.append(text)
    return taken


def _is_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and text.isupper() and len(text) < 120


_BULLET = re.compile(
    r"^\s*[\u2022\u25cf\u25aa\u25e6\u2023\u2219\u00b7\u25a0\u25a1\u27a2\uf0b7*\u2013-]\s+(?=\S)"
)
_COMMITMENT_HEADING = re.compile(
    r"(?i)^\s*(?:\d{1,2}[.)]?\s+)?(?:we\s+(?:will|commit\s+to|are\s+committed\s+to|pledge\s+to)|"
    r"our\s+(?:commitments?|pledges?|actions?(?!\s+plan))|(?:key\s+)?commitments?|actions?\s+we\s+will\s+take)\b"
)
HEADING_MAX_CHARS = 100
MIN_BULLETS = 2


def _bullet_text(line: ListLine) -> str | None:
    """The item's text when the line is a bulleted item (a typed bullet, or a Word bullet style)."""
    hit = _BULLET.match(line.text)
    if hit:
        return line.text[hit.end() :]
    return line.text if line.bulleted else None


def is_commitment_heading(text: str) -> bool:
    """ "We commit to:", "Our commitments", "Key commitments": a short line that opens a list."""
    return (
        len(text) <= HEADING_MAX_CHARS
        and bool(_COMMITMENT_HEADING.match(text))
        and (text.rstrip().endswith(":") or not text.rstrip().endswith(SENTENCE_END))
    )


_PROGRESS_HEADING = re.compile(
    r"(?i)\bprogress\b|\bachievements?\b|\bwhat\s+(?:we\s+have|has\s+been)\s+(?:done|achieved)\b"
)
SUBSTANTIVE_CHARS = 40  # a contents list or a list of pillar names has short entries


def is_progress_heading(text: str) -> bool:
    """ "Year One - progress", "Progress to date", "Our achievements": a short line that opens a
    progress review."""
    text = text.strip()
    return (
        len(text) <= HEADING_MAX_CHARS // 2
        and bool(_PROGRESS_HEADING.search(text))
        and (text.endswith(":") or not text.endswith(SENTENCE_END))
    )


@dataclass
class _Run:
    """Consecutive items under one opening: "commitments", "progress", "pillar" or "other"."""

    opening: str
    items: list[Commitment]


def _opening_of(line: ListLine) -> tuple[str, str | None]:
    """What a line that is not an item opens, and the pillar it names (None: leave the theme)."""
    text = line.text
    if _is_pillar_heading(text):
        return "pillar", heading_pillar(text)
    if is_commitment_heading(text):
        return "commitments", None
    if is_progress_heading(text):
        return "progress", None
    defined = definition_pillar(text)
    if defined:
        return "", defined
    if line.heading:
        return "other", ""
    return "", None


def _bullet_runs(lines: list[ListLine]) -> list[_Run]:
    """Items in runs, each under what opened it; a plain paragraph ends a run (under a progress
    heading, a paragraph is an item itself)."""
    runs: list[_Run] = []
    theme, opening, current = "", "other", None
    pos = 0
    while pos < len(lines):
        line = lines[pos]
        text = _bullet_text(line) if not line.row else _row_item(line, opening)
        if text is None:
            opened, pillar = _opening_of(line)
            theme = theme if pillar is None else pillar
            if opened:
                opening, current = opened, None
            elif pillar is None and _paragraph_item(line.text, opening):
                if current is None:
                    current = _Run(opening, [])
                    runs.append(current)
                current.items.append(_item(line.text, line.page, theme, progress=opening == "progress"))
            elif pillar is None:
                opening, current = ("progress" if opening == "progress" else "other"), None
            pos += 1
            continue
        if line.row:  # a row is a whole item: nothing below it continues it
            if current is None:
                current = _Run(opening, [])
                runs.append(current)
            current.items.append(_item(text, line.page, theme, progress=opening == "progress"))
            pos += 1
            continue
        following = []
        for later in lines[pos + 1 :]:
            if _bullet_text(later) is not None or later.heading or _opening_of(later)[0]:
                break
            following.append(later.text)
        item = [text] + _continuation([text], following)
        if current is None:
            current = _Run(opening, [])
            runs.append(current)
        current.items.append(_item(" ".join(item), line.page, theme, progress=opening == "progress"))
        pos += len(item)
    return runs


TITLE_MAX_WORDS = 10


def _row_item(line: ListLine, opening: str) -> str | None:
    """A spreadsheet row as an item, unless it opens a list (a heading, a pillar, its definition)
    or, outside any list, reads as a title (short, no full stop)."""
    opened, pillar = _opening_of(line)
    if opened or pillar is not None:
        return None
    text = line.text.strip()
    titled = len(text.split()) <= TITLE_MAX_WORDS and not text.endswith(SENTENCE_END)
    if opening == "other" and titled:
        return None
    return text


def _paragraph_item(text: str, opening: str) -> bool:
    """An unbulleted paragraph that is an item: any sentence under a progress heading; under a
    pillar or commitments heading, one that reads as an undertaking ("We will ...", "Develop ...")."""
    if opening == "progress":
        return text.rstrip().endswith(SENTENCE_END)
    return opening in ("pillar", "commitments") and reads_as_commitment(text)


def _item(text: str, page: int | None, theme: str, progress: bool) -> Commitment:
    text = clean_cell(text)
    return Commitment("", text, page, theme, progress=text if progress else "")


def _mean_chars(items: list[Commitment]) -> float:
    return sum(len(c.text) for c in items) / len(items)


def bulleted_commitments(lines: list[ListLine]) -> list[Commitment]:
    """Unnumbered items of a technicians' document: bullets under a commitments heading ("We
    commit to:"), a pillar heading or a progress-review heading ("Year One - progress", where
    paragraphs count as items too); failing those, other runs of substantial bullets.

    A pillar heading, or a sentence restating a pillar's definition, sets the theme; a heading that
    names no pillar clears it.
    """
    runs = _bullet_runs([ln for ln in lines if not _is_noise(ln.text)])
    headed = any(r.opening in ("commitments", "progress") for r in runs)
    chosen = [
        r
        for r in runs
        if r.opening in ("commitments", "progress", "pillar")
        or (not headed and len(r.items) >= MIN_BULLETS and _mean_chars(r.items) >= SUBSTANTIVE_CHARS)
    ]
    found = [c for r in chosen for c in r.items]
    return found if len(found) >= MIN_BULLETS else []
