"""What a word processor's body reads as, whichever format held it (Word, OpenDocument): printed
lines and data tables in reading order, the rule that tells a layout table from a data table, and
the `Document` assembled from them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Document, RawRow, RawTable, TextLine

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_PRINTED_AS = str.maketrans({"\u2011": "-", "\u00ad": None, "\u200b": None})  # nb hyphen, soft hyphen
PROSE_WORDS = 40  # one paragraph this long in a cell is prose, not a table value


@dataclass(frozen=True)
class Line:
    text: str  # line breaks inside the paragraph kept as "\n"
    label: str = ""  # the list number the word processor prints in front ("3.")
    style: str = ""


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class CellShape:
    """What a cell holds, for telling layout from data: nested tables, paragraphs with text, words."""

    has_table: bool
    paragraphs: int
    words: int

    @property
    def prose(self) -> bool:
        return self.paragraphs >= 2 or self.words >= PROSE_WORDS


def is_layout(rows: list[list[CellShape]]) -> bool:
    """A table that arranges the page rather than holding data, read as its content in order: one
    holding other tables, a single cell, or a single row whose every filled cell holds prose (a
    data row has short values: a ref, an owner, a date)."""
    cells = [c for row in rows for c in row]
    if not cells:
        return False
    if any(c.has_table for c in cells) or len(cells) == 1:
        return True
    filled = [c for c in cells if c.words]
    return len(rows) == 1 and bool(filled) and all(c.prose for c in filled)


def clean(text: str) -> str:
    """Printed lines of a paragraph: spaces and tabs collapsed, empty lines dropped, joined by "\\n"."""
    text = text.translate(_PRINTED_AS)
    return "\n".join(x for x in (_SPACES.sub(" ", part).strip() for part in text.split("\n")) if x)


def flatten(items: Iterable[Line | Grid]) -> list[str]:
    """Every printed line, tables flattened cell by cell (for a data cell's text, running headers)."""
    out: list[str] = []
    for item in items:
        if isinstance(item, Line):
            for k, part in enumerate(item.text.split("\n")):
                out.append(f"{item.label} {part}".strip() if item.label and k == 0 else part)
        else:
            for row in item.rows:
                seen: set[str] = set()
                for cell in row:
                    if cell and cell not in seen:  # a spanning cell once, not once per column
                        seen.add(cell)
                        out.extend(cell.split("\n"))
    return [x for x in out if x]


def assemble(
    source: str,
    kind: str,
    header: list[str],
    body: Iterable[Line | Grid],
    footer: list[str],
    metadata: dict[str, str],
    extractor: str,
) -> Document:
    """Header lines, then the body's lines and tables in one `seq` order, then footer lines."""
    lines: list[TextLine] = []
    tables: list[RawTable] = []
    seq = 0
    for text in header:
        lines.append(TextLine(text=text, seq=seq, style="header"))
        seq += 1
    for item in body:
        if isinstance(item, Line):
            if not item.text:
                continue  # the number of an empty list paragraph: nothing to read beside it
            lines.append(TextLine(text=item.text, seq=seq, list_label=item.label, style=item.style))
        else:
            rows = tuple(RawRow(cells=cells) for cells in item.rows)
            tables.append(RawTable(rows=rows, extractor=extractor, seq=seq))
        seq += 1
    for text in footer:
        lines.append(TextLine(text=text, seq=seq, style="footer"))
        seq += 1
    return Document(source=source, kind=kind, lines=tuple(lines), tables=tuple(tables), metadata=metadata)
