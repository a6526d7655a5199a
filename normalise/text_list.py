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
from .themes import heading_pillar

_TYPED_MARKER = re.compile(
    r"^\s*(?:[-\u2013\u2022*]\s*)?(\()?(\d{1,2}|[a-zA-Z]|[ivxIVX]{2,5})([.)])\s+(?=\S)"
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


@dataclass(frozen=True)
class Commitment:
    number: str
    text: str
    page: int | None
    theme: str = ""


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
    """One commitment per numbered item, plus an unnumbered last item of the same form."""
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
    # the last numbered item's own wrapped lines, then perhaps one unnumbered item
    tail = [ln.text for ln in lines[run[-1] + 1 :]]
    items[-1][1].extend(_continuation(items[-1][1], tail))
    consumed = len(items[-1][1]) - 1
    rest = lines[run[-1] + 1 + consumed :]
    openings = Counter(_opening(t[1][0]) for t in items)
    common, count = openings.most_common(1)[0]
    if rest and count * 2 >= len(items) and _opening(rest[0].text) == common:
        texts = [rest[0].text] + _continuation([rest[0].text], [ln.text for ln in rest[1:]])
        items.append((_next_label(numbered[run[-1]][0]), texts, rest[0].page))
        themes.append(themes[-1])
    return [
        Commitment(num, clean_cell("\n".join(texts)).replace("\n", " "), page, theme)
        for (num, texts, page), theme in zip(items, themes, strict=True)
    ]


def _is_pillar_heading(text: str) -> bool:
    """A short line naming a pillar ("Visibility", "2. Recognition"): a heading between items."""
    return len(text) <= 80 and not text.rstrip().endswith(SENTENCE_END) and bool(heading_pillar(text))


def _theme_before(lines: list[ListLine], current: str) -> str:
    for line in lines:
        if _is_pillar_heading(line.text):
            current = heading_pillar(line.text)
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
    r"our\s+(?:commitments?|pledges?|actions?)|(?:key\s+)?commitments?|actions?\s+we\s+will\s+take)\b"
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


def bulleted_commitments(
    lines: list[ListLine], bullet_styles: frozenset[int] = frozenset()
) -> list[Commitment]:
    """Unnumbered items under a commitments heading, numbered in order ("1", "2", ...).

    `bullet_styles` are positions of lines that a word processor bulleted (no bullet in the text).
    """
    lines = [ln for ln in lines if not _is_noise(ln.text)]
    found: list[Commitment] = []
    theme = ""
    pos = 0
    while pos < len(lines):
        if _is_pillar_heading(lines[pos].text):
            theme = heading_pillar(lines[pos].text)
        if not is_commitment_heading(lines[pos].text):
            pos += 1
            continue
        pos += 1
        while pos < len(lines):
            text = _bullet_text(lines[pos])
            if text is None:
                break
            item = [text]
            tail = [ln.text for ln in lines[pos + 1 :]]
            following = []
            for k, later in enumerate(tail):
                if _bullet_text(lines[pos + 1 + k]) is not None:
                    break
                following.append(later)
            item += _continuation(item, following)
            found.append(Commitment("", clean_cell(" ".join(item)), lines[pos].page, theme))
            pos += len(item)
    return found if len(found) >= MIN_BULLETS else []
