"""The one interface the PDF reader's page loop calls: a page reader turns a file into `PageData`.

Two readers implement it: `read_pdfium` (the default: PDFium through pypdfium2, C speed) and
`read_pdfplumber` (the reference: pdfplumber/pdfminer.six, pure Python). Both read each page once,
keep only the page records and raise `ExtractionError` with the same messages for the same faults.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import NamedTuple, Protocol

from .page import PageData
from .settings import PdfSettings

ENCRYPTED = "encrypted PDF (password required)"
CORRUPT = "corrupt or truncated PDF"
READERS = ("pdfium", "pdfplumber")  # the first is the default


class PdfPages(NamedTuple):
    pages: list[PageData]
    metadata: dict[str, str]  # the document information dictionary, keys lower-cased


class PageReader(Protocol):
    def __call__(self, path: Path, settings: PdfSettings) -> PdfPages: ...


def page_reader(name: str) -> PageReader:
    """The reader called `name` (imported only when chosen: each pulls in its own library)."""
    if name not in READERS:
        raise ValueError(f"unknown PDF reader {name!r}: choose one of {', '.join(READERS)}")
    return importlib.import_module(f"{__package__}.read_{name}").read_pages


def corrupt_message(reason: str) -> str:
    return f"{CORRUPT}: {reason}"
