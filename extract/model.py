"""What the extract stage hands on: a document's free text and its raw tables, with page provenance.

Plain frozen dataclasses so that a test can build a `Document` by hand and feed it to the normaliser.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TextLine:
    """One line of text outside any table.

    `seq` orders lines and tables in one reading-order stream (a table's `seq` sits between the
    lines printed above and below it). `list_label` is a number that Word's list numbering prints
    in front of the paragraph ("3."), kept apart from `text` because it is not in the paragraph's
    characters; typed numbers stay in `text`.
    """

    text: str
    page: int | None = None
    seq: int = 0
    list_label: str = ""
    style: str = ""


@dataclass(frozen=True)
class RawRow:
    """A logical table row: one string per column, and the 1-based page it starts on (None for Word)."""

    cells: tuple[str, ...]
    page: int | None = None


@dataclass(frozen=True)
class RawTable:
    """A logical table: page continuations already joined, spanning cells repeated on every row.

    Rows are as printed, header row(s) included (the normaliser decides which rows are headers);
    a header repeated on continuation pages has been dropped. `score` is the extractor's own
    0..1 confidence in the grid: for a PDF table, its calibrated expected cell-adjacency F1 (see
    extract/pdf/table_score.py); 1.0 where the file states its cells (Word, spreadsheets, HTML).
    `evidence` names the measurements the score was read from (share of words outside cells,
    ...), for a person asking why a table scores low; empty where the cells are stated.
    """

    rows: tuple[RawRow, ...]
    extractor: str
    seq: int = 0
    score: float = 1.0
    evidence: tuple[tuple[str, float], ...] = ()

    @property
    def n_cols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


@dataclass(frozen=True)
class Document:
    """A whole file: its text lines outside tables, its tables, and how many pages it has."""

    source: str
    # a value of sniff.SUPPORTED_SUFFIXES: "pdf", "docx", "odt", "html", "xlsx", "ods", "csv", or
    # "doc"/"rtf" (converted through LibreOffice)
    kind: str
    lines: tuple[TextLine, ...] = ()
    tables: tuple[RawTable, ...] = ()
    pages: int = 0
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


class ExtractionError(Exception):
    """A file that cannot be read; the message is for a person (it goes into errors.csv)."""
