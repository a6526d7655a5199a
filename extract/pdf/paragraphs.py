"""Text outside tables -> paragraphs in reading order.

Wrapped lines of one paragraph are joined when the geometry says they belong together: the next
line follows at normal line spacing, in the same font size and weight (a wholly bold line followed
by a wholly regular one is a heading and its text), starts at the same left edge (or at the hanging
indent of a numbered item), does not start a new list item, and its first word would not have
fitted at the end of the line before (so the earlier line was wrapped, not ended).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .celltext import starts_with_bullet
from .layout import PrintedLine, typical_space

HANGING_INDENT = 36.0  # points (half an inch): the widest indent a list item's wrapped lines take
_LIST_MARKER = re.compile(r"^(\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])$")


@dataclass(frozen=True)
class Paragraph:
    text: str
    page: int
    top: float


def paragraphs(lines: Sequence[PrintedLine], page: int, right: float | None = None) -> list[Paragraph]:
    """`lines`: the text's printed lines, from the page's evidence record; `right` is where the
    page's text area ends (all its text, tables included)."""
    if not lines:
        return []
    right = right if right is not None else max(ln.x1 for ln in lines)
    space = typical_space(lines)
    out: list[list[PrintedLine]] = []
    for ln in lines:
        if out and _continues(out[-1], ln, right, space):
            out[-1].append(ln)
        else:
            out.append([ln])
    return [Paragraph(_join(p), page, p[0].top) for p in out]


def _continues(par: list[PrintedLine], ln: PrintedLine, right: float, space: float) -> bool:
    prev = par[-1]
    size = max(prev.size, ln.size, 1.0)
    if (
        abs(prev.size - ln.size) > 0.6
        or ln.top - prev.bottom > 0.6 * size
        or ln.top < prev.bottom - 0.5 * size
    ):
        return False
    if _LIST_MARKER.match(ln.words[0].text) or starts_with_bullet(ln):
        return False
    if _weight(prev) != _weight(ln) and "mixed" not in (_weight(prev), _weight(ln)):
        return False  # a bold heading line ends where regular text starts (and the other way round)
    first = par[0]
    if _LIST_MARKER.match(first.words[0].text) and len(first.words) > 1:
        # the hanging indent of a numbered item: at its text, or at an indent stop a little further in
        aligned = first.x0 - 1 <= ln.x0 <= max(first.words[1].x0, first.x0 + HANGING_INDENT) + 2
    else:
        aligned = abs(ln.x0 - prev.x0) <= 2
    if not aligned:
        return False
    next_word = ln.words[0]
    return prev.x1 + space + (next_word.x1 - next_word.x0) > right - 1


def _weight(ln: PrintedLine) -> str:
    bold = sum(1 for w in ln.words if w.bold)
    return "bold" if bold == len(ln.words) else "regular" if bold == 0 else "mixed"


def _join(lines: Sequence[PrintedLine]) -> str:
    out = lines[0].text
    for prev, ln in zip(lines, lines[1:], strict=False):
        last = prev.words[-1].text
        if len(last) >= 2 and last.endswith("-") and last[-2].isalnum():
            out += ln.text
        else:
            out += " " + ln.text
    return out
