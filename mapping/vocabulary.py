"""Curated cue phrases per recommendation (`data/vocabulary.csv`) and finding them in a text.

The phrases were written from the recommendations' own wording and the TALENT Commission's themes
(what an institution does when it acts on each one), not from any plan's wording. Weights: 3 = a
cue that on its own says which recommendation (`athena swan`, `hesa`, `co-investigator`); 2-2.5 =
strong but shared with one neighbour; 1-1.5 = supporting context. A phrase may sit under several
recommendations with different weights.

A phrase written `left ... right` is a proximity cue: `right` within NEAR_WINDOW words after `left`
(`involve ... planning` finds "include technical staff in equipment and space planning"). It
catches who-is-involved-in-what constructions that a fixed phrase cannot, and it does not hide the
plain phrases inside its span.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .reference import read_data_csv
from .text import stemmed_words

NEAR_MARK = "..."
NEAR_WINDOW = 6  # words allowed between the two halves of a proximity cue
# Cue kinds (`kind` column): a `role` names a person's job title (`technical specialist`), an
# `occasion` names a setting (`induction`, `conference`), a `generic` word turns up in actions about
# anything (`academic`, `skills`). Each says less about what an action is for than an activity does;
# `similarity.py` weighs them down in the circumstances where that shows.
ROLE = "role"
OCCASION = "occasion"
GENERIC = "generic"  # a word found in actions about anything (`academic`, `skills`)
# `at` / `during` up to OCCASION_LEAD words before an occasion cue make it the setting of the action
# ("promote the network at technician induction"), not its purpose.
OCCASION_WORDS = frozenset({"at", "during"})
OCCASION_LEAD = 3


@dataclass(frozen=True)
class Cue:
    rec_id: str
    phrase: str  # as written in the CSV, for evidence
    weight: float
    kind: str = ""  # "", ROLE or OCCASION


@dataclass(frozen=True)
class CueHit:
    """A vocabulary phrase found in a text, with every recommendation it speaks for."""

    phrase: str
    key: tuple[str, ...]
    cues: tuple[Cue, ...]
    as_setting: bool = False  # every occurrence follows `at` / `during` (see OCCASION_WORDS)


@dataclass(frozen=True)
class NearCue:
    """`left ... right`: both stemmed word sequences, right starting within NEAR_WINDOW words of left."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    cues: tuple[Cue, ...]

    @property
    def key(self) -> tuple[str, ...]:
        return (*self.left, NEAR_MARK, *self.right)

    def occurs_in(self, text_tokens: Sequence[str]) -> bool:
        nl, nr = len(self.left), len(self.right)
        for i in range(len(text_tokens) - nl + 1):
            if tuple(text_tokens[i : i + nl]) != self.left:
                continue
            start = i + nl
            for j in range(start, min(start + NEAR_WINDOW + 1, len(text_tokens) - nr + 1)):
                if tuple(text_tokens[j : j + nr]) == self.right:
                    return True
        return False


@dataclass(frozen=True)
class Vocabulary:
    by_key: dict[tuple[str, ...], tuple[Cue, ...]]
    longest: int
    near: tuple[NearCue, ...] = ()
    # Every leading part of a phrase (`apprenticeship`, `apprenticeship levy`): a search from a word
    # stops at the first length no phrase starts with, instead of trying every length up to `longest`.
    prefixes: frozenset[tuple[str, ...]] = field(init=False, repr=False, compare=False)
    first_words: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = {key[:n] for key in self.by_key for n in range(1, len(key) + 1)}
        object.__setattr__(self, "prefixes", frozenset(starts))
        object.__setattr__(self, "first_words", frozenset(key[0] for key in self.by_key if key))

    def find(self, text_tokens: Sequence[str]) -> list[CueHit]:
        """Longest phrases first, without overlap: a longer phrase hides the shorter ones inside it
        (`apprenticeship levy` is not also `levy`). Each distinct phrase is reported once, in text order;
        proximity cues follow."""
        present = set(text_tokens)  # a proximity cue needs its first and last word in the text
        return self._find_phrases(text_tokens) + [
            CueHit(n.cues[0].phrase, n.key, n.cues)
            for n in self.near
            if n.left[0] in present and n.right[-1] in present and n.occurs_in(text_tokens)
        ]

    def _find_phrases(self, text_tokens: Sequence[str]) -> list[CueHit]:
        found = []
        size = len(text_tokens)
        for i in range(size):
            if text_tokens[i] not in self.first_words:
                continue
            for n in range(1, min(self.longest, size - i) + 1):
                key = tuple(text_tokens[i : i + n])
                if key not in self.prefixes:
                    break
                if key in self.by_key:
                    found.append((n, i, key))
        taken = [False] * size
        accepted: list[tuple[int, tuple[str, ...]]] = []
        for n, i, key in sorted(found, key=lambda f: (-f[0], -f[1])):
            if not any(taken[i : i + n]):
                taken[i : i + n] = [True] * n
                accepted.append((i, key))
        hits: dict[tuple[str, ...], CueHit] = {}
        for i, key in sorted(accepted):
            cues = self.by_key[key]
            setting = _follows_setting_word(text_tokens, i)
            if key in hits:
                setting = setting and hits[key].as_setting
            hits[key] = CueHit(cues[0].phrase, key, cues, setting)
        return list(hits.values())


def _follows_setting_word(text_tokens: Sequence[str], start: int) -> bool:
    lead = text_tokens[max(0, start - OCCASION_LEAD) : start]
    return any(w in OCCASION_WORDS for w in lead)


def build_vocabulary(cues: Iterable[Cue]) -> Vocabulary:
    """Index cues by stemmed phrase; spellings that stem alike keep the heaviest cue per recommendation."""
    by_key: dict[tuple[str, ...], dict[str, Cue]] = {}
    for cue in cues:
        left, mark, right = cue.phrase.partition(NEAR_MARK)
        key = (
            (*stemmed_words(left), NEAR_MARK, *stemmed_words(right))
            if mark
            else tuple(stemmed_words(cue.phrase))
        )
        if not key or (mark and (key[0] == NEAR_MARK or key[-1] == NEAR_MARK)):
            continue
        per_rec = by_key.setdefault(key, {})
        if cue.rec_id not in per_rec or cue.weight > per_rec[cue.rec_id].weight:
            per_rec[cue.rec_id] = cue
    phrases = {k: tuple(v.values()) for k, v in by_key.items() if NEAR_MARK not in k}
    near = tuple(
        NearCue(k[: k.index(NEAR_MARK)], k[k.index(NEAR_MARK) + 1 :], tuple(v.values()))
        for k, v in by_key.items()
        if NEAR_MARK in k
    )
    return Vocabulary(phrases, max((len(k) for k in phrases), default=1), near)


def load_vocabulary() -> Vocabulary:
    return build_vocabulary(
        Cue(
            row["rec_id"].strip(),
            row["phrase"].strip(),
            float(row["weight"]),
            (row.get("kind") or "").strip(),
        )
        for row in read_data_csv("vocabulary.csv")
    )


def generic_cues(vocabulary: Vocabulary) -> frozenset[tuple[str, str]]:
    """(rec_id, phrase) of every generic-kind cue: evidence that says little on its own."""
    cues = [c for group in vocabulary.by_key.values() for c in group]
    cues += [c for near in vocabulary.near for c in near.cues]
    return frozenset((c.rec_id, c.phrase) for c in cues if c.kind == GENERIC)
