"""File -> `Document` (text lines + raw tables with page provenance).

The public entry point is `extract_document`; everything else in this package is internal to the
extract stage.
"""

from __future__ import annotations

from pathlib import Path

from .model import Document, ExtractionError, RawRow, RawTable, TextLine
from .sniff import SUPPORTED_SUFFIXES, check_file, suffix_for_content

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Document",
    "ExtractionError",
    "RawRow",
    "RawTable",
    "TextLine",
    "extract_document",
    "suffix_for_content",
]


def extract_document(path: str | Path) -> Document:
    """Read one supported file; raise `ExtractionError` with a readable message if it can't be."""
    path = Path(path)
    kind = check_file(path)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(path)
    if kind == "html":
        from .html import read_html

        return read_html(path)
    if kind in ("xlsx", "ods", "csv"):
        from .sheet import read_sheet

        return read_sheet(path, kind)
    from .pdf import read_pdf

    return read_pdf(path)
