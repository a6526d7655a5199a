"""A cell's words -> the cell's text as printed.

Lines of a cell are joined with spaces, with three exceptions read from the geometry:
a line that starts with a bullet starts a new line ("\n"); a line ending in a hyphen keeps it and
joins without a space ("institution-" + "wide"); and a word broken only because it was wider than
the column ("Commitme" + "nt") is re-joined. The last case is recognised by position: the broken
line holds a single word that reaches the column's right edge, so even the next line's first
character could not have fitted after it.

Position alone cannot tell "contributio" + "ns" from "contributions" + "to" when the whole word
happens to fill the column, so the document's own words decide first: a join that gives a word
printed whole elsewhere in the document is a broken word; two pieces that are both printed whole
elsewhere are two words. Only when the document says nothing does position decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .layout import PrintedLine, group_lines, is_bullet
from .page import Word

# A hyphen before one of these is a suspended compound ("department- and institution-level").
_SUSPENDED_BEFORE = frozenset({"and", "or", "nor", "to", "&"})
# Short words that stand alone far more often than they end a word broken at a column edge.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "our",
        "the",
        "their",
        "to",
        "with",
        "we",
        "will",
    ]
)


def document_words(lines: Iterable[PrintedLine], gap: float = 0.6) -> frozenset[str]:
    """Words printed whole: those with a close neighbour on both sides on their line.

    A piece of a broken word is alone at a line's end or first on the next line, so it never
    qualifies; a word in the middle of a sentence always does. `gap` is in word heights.
    """
    seen: set[str] = set()
    for line in lines:
        ws = line.words
        for left, word, right in zip(ws, ws[1:], ws[2:], strict=False):
            limit = gap * (word.bottom - word.top)
            if word.x0 - left.x1 < limit and right.x0 - word.x1 < limit:
                seen.add(_bare(word.text))
    return frozenset(seen)


def cell_text(
    words: Sequence[Word],
    right_edge: float | None,
    line_tolerance: float,
    known_words: frozenset[str] = frozenset(),
) -> str:
    """Join a cell's words into its printed text (`known_words`: see `document_words`)."""
    lines = group_lines(words, line_tolerance)
    if not lines:
        return ""
    out = lines[0].text
    for prev, line in zip(lines, lines[1:], strict=False):
        text = line.text
        if starts_with_bullet(line):
            out += "\n" + text
        elif (_ends_with_hyphen(prev) and line.words[0].text not in _SUSPENDED_BEFORE) or _is_broken_word(
            prev, line, right_edge, known_words
        ):
            out += text
        else:
            out += " " + text
    return out


def starts_with_bullet(line: PrintedLine) -> bool:
    first = line.words[0].text
    if is_bullet(first[0]):
        return True
    return first in ("-", "–") and len(line.words) > 1


def _ends_with_hyphen(line: PrintedLine) -> bool:
    last = line.words[-1].text
    return len(last) >= 2 and last.endswith("-") and last[-2].isalnum()


def _is_broken_word(
    prev: PrintedLine, line: PrintedLine, right_edge: float | None, known_words: frozenset[str]
) -> bool:
    if right_edge is None:
        return False
    last, nxt = prev.words[-1], line.words[0]
    if _moved_hyphen(last, nxt):
        return True  # "Vice" / "-Chancellor": the break fell before a compound's hyphen
    first, printed_head = nxt.text[0], last.text
    capitals = printed_head.isupper() and first.isupper()  # "TALEN" + "T"
    if not (first.islower() or first.isdigit() or first in ").,;:%" or capitals):
        return False
    head, tail = _bare(printed_head), _bare(nxt.text)
    if not (head and tail):
        return False
    whole, head_known, tail_known = head + tail in known_words, head in known_words, tail in known_words
    if whole and not (head_known or tail_known):
        return True  # "De" + "velopment" -> a word the document prints whole; neither piece is one
    if len(prev.words) != 1:
        # Word processors and browsers break inside a word only when it is wider than the column,
        # so its first piece is alone on its line. Some typesetters (reportlab) break any word at
        # the edge, but a line ending near the edge is far more often a whole word: only the
        # document's own words (above) join those.
        return False
    if whole:
        return _fills_column(prev, nxt, right_edge)
    if head_known and (tail_known or len(tail) >= 3):
        return False  # a word printed whole elsewhere, then a word (not a 1-2 letter ending like "s")
    if printed_head[-1] in ",;:!?" or (printed_head[-1] == "." and not first.isdigit()):
        return False  # "started;" / "awaiting": a broken word has no punctuation inside ("1." + "4" does)
    if printed_head[-1].isalpha() and first.isdigit():
        return False  # "Dec" / "2025", "Phase" / "2": a word and a number
    if nxt.text.rstrip(".,;:!?").lower() in _FUNCTION_WORDS:
        return False  # "contributions" / "to research": a long word wrapped whole, then "to"
    return _fills_column(prev, nxt, right_edge)


def _moved_hyphen(last: Word, nxt: Word) -> bool:
    return len(nxt.text) >= 2 and nxt.text[0] == "-" and nxt.text[1].isalpha() and last.text[-1].isalpha()


def _fills_column(prev: PrintedLine, nxt: Word, right_edge: float) -> bool:
    """Could not even the next line's first character have fitted after this line's end?"""
    if nxt.first_char_width > 0:
        return right_edge - prev.x1 < nxt.first_char_width
    char_width = (nxt.x1 - nxt.x0) / max(len(nxt.text), 1)
    return right_edge - prev.x1 < char_width + 0.5


def _bare(text: str) -> str:
    return text.strip(".,;:!?()[]\"'‘’“”").casefold()


def ends_at_edge(words: Sequence[Word], right_edge: float | None, line_tolerance: float) -> bool:
    """Does the cell end with a lone word that fills the column (a word that may go on overleaf)?"""
    lines = group_lines(words, line_tolerance)
    if right_edge is None or not lines or len(lines[-1].words) != 1:
        return False
    last = lines[-1].words[0]
    return right_edge - last.x1 < (last.x1 - last.x0) / max(len(last.text), 1) + 0.5
