"""Cheap checks before a parser touches a file: right type, not empty, not oversized.

Parsers given the wrong bytes fail with messages nobody can act on ("PSEOF", "Bad magic number"),
so the file's first bytes are checked against what its extension promises.
"""

from __future__ import annotations

from pathlib import Path

from .model import ExtractionError

SUPPORTED_SUFFIXES = {".pdf": "pdf", ".docx": "docx"}
# Word's macro-enabled documents and templates are the same package; OpenDocument text; old Word
# binary and RTF, read through LibreOffice when it is installed
SUPPORTED_SUFFIXES |= {".docm": "docx", ".dotx": "docx", ".dotm": "docx", ".odt": "odt"}
SUPPORTED_SUFFIXES |= {".doc": "doc", ".rtf": "rtf"}
MAX_FILE_BYTES = 200 * 1024 * 1024
PDF_TAIL_BYTES = 64 * 1024  # where a PDF's last %%EOF must be; writers append at most a few bytes after it


def check_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Return the file's kind ("pdf" | "docx") or raise `ExtractionError`."""
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise ExtractionError(f"unsupported file type '{path.suffix}' (supported: {supported})")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExtractionError(f"cannot read file: {exc.strerror or exc}") from exc
    if size == 0:
        raise ExtractionError("empty file (0 bytes)")
    if size > max_bytes:
        raise ExtractionError(f"file too large ({size / 2**20:.0f} MB; limit {max_bytes / 2**20:.0f} MB)")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if kind == "pdf" and b"%PDF-" not in head:
        what = _describe(head)
        raise ExtractionError(f"not a PDF file (content looks like {what})")
    if kind == "pdf" and not _has_pdf_end(path, size):
        raise ExtractionError(
            "truncated PDF: the file stops before its end-of-file marker (%%EOF); "
            "the download or copy was cut short, so fetch the file again"
        )
    if kind in ("docx", "odt") and not head.startswith(b"PK\x03\x04"):
        what = _describe(head)
        name = "a Word .docx" if kind == "docx" else "an OpenDocument .odt"
        raise ExtractionError(f"not {name} file (not a zip archive; content looks like {what})")
    if kind in ("doc", "rtf") and not head.startswith((b"\xd0\xcf\x11\xe0", b"{\\rtf", b"PK\x03\x04")):
        raise ExtractionError(f"not a Word {path.suffix} file (content looks like {_describe(head)})")
    return kind


def suffix_for_content(head: bytes) -> str:
    """The supported extension a file's first bytes point to ("" if none): for a file object without
    a name. A zip is .odt when its first entry is OpenDocument text's stored mimetype, else .docx;
    `check_file` still checks the rest."""
    if head.lstrip()[:1024].startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".odt" if b"mimetypeapplication/vnd.oasis.opendocument.text" in head[:128] else ".docx"
    if head.startswith(b"{\\rtf"):
        return ".rtf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".doc"
    return ""


def _has_pdf_end(path: Path, size: int) -> bool:
    with path.open("rb") as fh:
        fh.seek(max(0, size - PDF_TAIL_BYTES))
        return b"%%EOF" in fh.read()


def _describe(head: bytes) -> str:
    text = head.lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html")) or b"<html" in text[:200]:
        return "HTML"
    if head.startswith(b"%PDF-") or b"%PDF-" in head:
        return "a PDF"
    if head.startswith(b"PK\x03\x04"):
        return "a zip archive"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old binary Office file (.doc/.xls); save it as .docx or PDF"
    if all(32 <= b < 127 or b in (9, 10, 13) for b in head[:200]):
        return "plain text"
    return "unknown binary data"
