"""Small geometry helpers shared by the PDF steps: printed lines, typical spacing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from statistics import median

from .page import Word

# A row reference as printed: "1.1", "B12.", "R3", "2.4.1", "A5)".
REF_PATTERN = re.compile(r"^(?:[A-Za-z]{1,3}\s?)?\d{1,3}(?:[.\-]\d{1,3}){0,3}[.)]?$")
# Glyphs printed as bullets. Symbol fonts (Word's Symbol/Wingdings bullets) map theirs into the
# Unicode Private Use Area, so any character from there counts as one too.
BULLET_GLYPHS = frozenset("*•·▪◦●○■□➢►✓")


def is_bullet(char: str) -> bool:
    return len(char) == 1 and (char in BULLET_GLYPHS or 0xE000 <= ord(char) <= 0xF8FF)


# A list item's marker standing alone: "1.", "(a)", "iv)", a bullet.
LIST_MARKER = re.compile(r"^(?:\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|[•*·▪◦●○■□➢►✓–\-\ue000-\uf8ff])$")


@dataclass(frozen=True)
class PrintedLine:
    """Words printed on one baseline, left to right. Its extent is computed once, on first use:
    the table steps ask for a line's top and right edge millions of times on a big document."""

    words: tuple[Word, ...]

    @cached_property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @cached_property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def group_lines(words: Iterable[Word], tolerance: float) -> list[PrintedLine]:
    """Cluster words into printed lines by their top, each line sorted left to right."""
    ordered = sorted(words, key=lambda w: (w.top, w.x0))
    lines: list[list[Word]] = []
    for w in ordered:
        if lines and abs(w.top - lines[-1][0].top) <= max(tolerance, 0.15 * w.size):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [PrintedLine(tuple(sorted(ws, key=lambda w: w.x0))) for ws in lines]


def split_segments(line: PrintedLine, min_gap: float) -> list[tuple[Word, ...]]:
    """Split a printed line where the gap between two words is at least `min_gap`."""
    segments: list[list[Word]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:], strict=False):
        if w.x0 - prev.x1 >= min_gap:
            segments.append([w])
        else:
            segments[-1].append(w)
    return [tuple(s) for s in segments]


def typical_space(lines: Sequence[PrintedLine]) -> float:
    """Median gap between neighbouring words on a line (the width of a space)."""
    gaps = [
        b.x0 - a.x1
        for line in lines
        for a, b in zip(line.words, line.words[1:], strict=False)
        if 0 < b.x0 - a.x1 < max(a.size, 4.0)
    ]
    return median(gaps) if gaps else 2.5


def typical_pitch(tops: Sequence[float], size: float) -> float:
    """Median distance between successive line tops, ignoring gaps of more than two lines."""
    diffs = [b - a for a, b in zip(tops, tops[1:], strict=False) if 0.6 * size < b - a < 2.2 * max(size, 1.0)]
    return median(diffs) if diffs else 1.2 * max(size, 1.0)


def stacked_pitch(lines: Sequence[PrintedLine], pitch: float) -> float:
    """The distance between the tops of lines printed one under the other: `pitch` (read from
    all successive tops), or more where cells centred in their rows print lines beside each other
    on baselines a fraction of a line apart, which successive tops then mostly measure. Read
    from lines starting at one x (a column's lines), each from the last such line above it."""
    last: dict[int, PrintedLine] = {}
    diffs = []
    for ln in lines:
        key = round(ln.x0 / STACKED_ALIGN)
        above = last.get(key)
        height = above.bottom - above.top if above is not None else 0.0
        if above is not None and above.bottom - STACKED_OVERLAP * height <= ln.top < above.top + 2.2 * height:
            diffs.append(ln.top - above.top)
        last[key] = ln
    return max(pitch, median(diffs)) if diffs else pitch


# Lines starting this close (points) start at one x; the next line may overlap a line by this
# share of its height and still be printed under it.
STACKED_ALIGN = 2.0
STACKED_OVERLAP = 0.2


def median_size(words: Iterable[Word]) -> float:
    sizes = [w.size for w in words if w.size > 0]
    return median(sizes) if sizes else 10.0
