"""File -> `Document` (text lines + raw tables with page provenance).

The public entry point is `extract_document`; everything else in this package is internal to the
extract stage.
"""

from __future__ import annotations

from pathlib import Path

from .model import Document, ExtractionError, RawRow, RawTable, TextLine
from .pdf.readers import READERS as PDF_READERS
from .sniff import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, check_file, suffix_for_content

__all__ = [
    "MAX_FILE_BYTES",
    "PDF_READERS",
    "SUPPORTED_SUFFIXES",
    "Document",
    "ExtractionError",
    "RawRow",
    "RawTable",
    "TextLine",
    "extract_document",
    "suffix_for_content",
]


def extract_document(path: str | Path, pdf_reader: str = PDF_READERS[0]) -> Document:
    """Read one supported file (see `SUPPORTED_SUFFIXES`); raise `ExtractionError` with a readable
    message if it can't be.

    `pdf_reader` picks the library that reads PDF pages (`PDF_READERS`: "pdfium", the default, or
    "pdfplumber", the reference); both give the same pages."""
    path = Path(path)
    kind = check_file(path)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(path)
    if kind == "odt":
        from .odt import read_odt

        return read_odt(path)
    if kind in ("doc", "rtf"):
        from .docx.legacy import read_legacy

        return read_legacy(path, kind)
    if kind == "html":
        from .html import read_html

        return read_html(path)
    if kind in ("xlsx", "ods", "csv"):
        from .sheet import read_sheet

        return read_sheet(path, kind)
    from .pdf import read_pdf
    from .pdf.settings import PdfSettings

    return read_pdf(path, PdfSettings(reader=pdf_reader))
