"""Curated cue phrases per recommendation (`data/vocabulary.csv`) and finding them in a text.

The phrases were written from the recommendations' own wording and the TALENT Commission's themes
(what an institution does when it acts on each one), not from any plan's wording. Weights: 3 = a
cue that on its own says which recommendation (`athena swan`, `hesa`, `co-investigator`); 2-2.5 =
strong but shared with one neighbour; 1-1.5 = supporting context. A phrase may sit under several
recommendations with different weights.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .reference import read_data_csv
from .text import stemmed_words


@dataclass(frozen=True)
class Cue:
    rec_id: str
    phrase: str  # as written in the CSV, for evidence
    weight: float


@dataclass(frozen=True)
class CueHit:
    """A vocabulary phrase found in a text, with every recommendation it speaks for."""

    phrase: str
    key: tuple[str, ...]
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class Vocabulary:
    by_key: dict[tuple[str, ...], tuple[Cue, ...]]
    longest: int

    def find(self, text_tokens: Sequence[str]) -> list[CueHit]:
        """Longest phrases first, without overlap: a longer phrase hides the shorter ones inside it
        (`apprenticeship levy` is not also `levy`). Each distinct phrase is reported once, in text order."""
        found = [
            (n, i, tuple(text_tokens[i : i + n]))
            for i in range(len(text_tokens))
            for n in range(1, min(self.longest, len(text_tokens) - i) + 1)
            if tuple(text_tokens[i : i + n]) in self.by_key
        ]
        taken: set[int] = set()
        accepted: list[tuple[int, tuple[str, ...]]] = []
        for n, i, key in sorted(found, key=lambda f: (-f[0], f[1])):
            span = set(range(i, i + n))
            if not span & taken:
                taken |= span
                accepted.append((i, key))
        hits: dict[tuple[str, ...], CueHit] = {}
        for _, key in sorted(accepted):
            cues = self.by_key[key]
            hits.setdefault(key, CueHit(cues[0].phrase, key, cues))
        return list(hits.values())


def build_vocabulary(cues: Iterable[Cue]) -> Vocabulary:
    """Index cues by stemmed phrase; spellings that stem alike keep the heaviest cue per recommendation."""
    by_key: dict[tuple[str, ...], dict[str, Cue]] = {}
    for cue in cues:
        key = tuple(stemmed_words(cue.phrase))
        if not key:
            continue
        per_rec = by_key.setdefault(key, {})
        if cue.rec_id not in per_rec or cue.weight > per_rec[cue.rec_id].weight:
            per_rec[cue.rec_id] = cue
    frozen = {k: tuple(v.values()) for k, v in by_key.items()}
    return Vocabulary(frozen, max((len(k) for k in frozen), default=1))


def load_vocabulary() -> Vocabulary:
    return build_vocabulary(
        Cue(row["rec_id"].strip(), row["phrase"].strip(), float(row["weight"]))
        for row in read_data_csv("vocabulary.csv")
    )
