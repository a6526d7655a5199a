"""A cell's words -> the cell's text as printed.

Lines of a cell are joined with spaces, with three exceptions read from the geometry:
a line that starts with a bullet starts a new line ("\n"); a line ending in a hyphen keeps it and
joins without a space ("institution-" + "wide"); and a word broken only because it was wider than
the column ("Commitme" + "nt") is re-joined. The last case is recognised by position: the broken
line holds a single word that reaches the column's right edge, so even the next line's first
character could not have fitted after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .pdf_layout import PrintedLine, group_lines
from .pdf_page import Word

BULLET_CHARS = frozenset("*•·▪◦●○■□➢►✓–-")
_ALWAYS_BULLETS = frozenset("*•·▪◦●○■□➢►✓")


def cell_text(words: Sequence[Word], right_edge: float | None, line_tolerance: float) -> str:
    """Join a cell's words into its printed text."""
    lines = group_lines(words, line_tolerance)
    if not lines:
        return ""
    out = lines[0].text
    for prev, line in zip(lines, lines[1:], strict=False):
        text = line.text
        if starts_with_bullet(line):
            out += "\n" + text
        elif _ends_with_hyphen(prev) or _is_broken_word(prev, line, right_edge):
            out += text
        else:
            out += " " + text
    return out


def starts_with_bullet(line: PrintedLine) -> bool:
    first = line.words[0].text
    if first[0] in _ALWAYS_BULLETS:
        return True
    return first in ("-", "–") and len(line.words) > 1


def _ends_with_hyphen(line: PrintedLine) -> bool:
    last = line.words[-1].text
    return len(last) >= 2 and last.endswith("-") and last[-2].isalnum()


def _is_broken_word(prev: PrintedLine, line: PrintedLine, right_edge: float | None) -> bool:
    if right_edge is None or len(prev.words) != 1:
        return False
    nxt = line.words[0]
    first = nxt.text[0]
    if not (first.islower() or first.isdigit() or first in ").,;:%"):
        return False
    char_width = (nxt.x1 - nxt.x0) / max(len(nxt.text), 1)
    return right_edge - prev.x1 < char_width + 0.5
