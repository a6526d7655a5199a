"""Sheets (rows of cell strings) -> `Document`, the same way for .xlsx, .ods and .csv.

Every visible sheet is handed on: which one holds the plan (and which is a legend or notes sheet)
is the normaliser's judgement, made on the same evidence as for any table. Title rows above the
header (one filled cell: "University of X - Technician Commitment Action Plan 2022-25") become
text lines, so the institution and period are found; a sheet of a single column is notes, read as
text lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, RawRow, RawTable, TextLine

_DEFAULT_NAME = re.compile(r"(?i)^(?:sheet|tabelle|feuil|hoja|foglio|blad)\s*\d*$")


@dataclass(frozen=True)
class Sheet:
    """One sheet as printed: its name and its rows, merged cells already repeated in every slot."""

    name: str
    rows: tuple[tuple[str, ...], ...]


def cell_text(value: object) -> str:
    """A cell's value as a spreadsheet shows it by default: 3.0 -> "3", a date -> "2024-03-31"."""
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")).strip()


def _filled(row: tuple[str, ...]) -> int:
    return sum(1 for c in row if c.strip())


def _distinct(row: tuple[str, ...]) -> int:
    """Distinct texts in a row: a title merged across the sheet counts once."""
    return len({c.strip() for c in row if c.strip()})


def _trimmed(rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    """Empty rows dropped, every row as wide as the widest filled column."""
    kept = [r for r in rows if _filled(r)]
    width = max((max(i for i, c in enumerate(r) if c.strip()) + 1 for r in kept), default=0)
    return [tuple((list(r) + [""] * width)[:width]) for r in kept]


def sheets_document(source: str, kind: str, sheets: list[Sheet]) -> Document:
    lines: list[TextLine] = []
    tables: list[RawTable] = []
    seq = 0
    for sheet in sheets:
        rows = _trimmed(sheet.rows)
        if not rows:
            continue
        if sheet.name.strip() and not _DEFAULT_NAME.match(sheet.name.strip()):
            lines.append(TextLine(text=sheet.name.strip(), seq=seq, style="sheet"))
            seq += 1
        width = len(rows[0])
        start = 0
        while start < len(rows) and (_distinct(rows[start]) <= 1 or width == 1):
            text = next(c for c in rows[start] if c.strip())
            lines.append(TextLine(text=text, seq=seq))
            seq += 1
            start += 1
        if start < len(rows):
            tables.append(
                RawTable(rows=tuple(RawRow(cells=r) for r in rows[start:]), extractor=kind, seq=seq)
            )
            seq += 1
    return Document(source=source, kind=kind, lines=tuple(lines), tables=tuple(tables))
