"""A saved page's bytes -> text: the byte-order mark, else the page's own `<meta charset>`, else
UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what browsers assume for old pages)."""

from __future__ import annotations

import codecs
import re

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_SCAN_BYTES = 4096  # browsers look for the declaration in the first 1024 bytes; be generous
_META_CHARSET = re.compile(rb"""(?i)<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""")
# the WHATWG encoding standard reads these labels as Windows-1252
_AS_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}


def bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in BOMS if data.startswith(bom)), None)


def declared_encoding(data: bytes) -> str | None:
    """The encoding named by `<meta charset=...>` or `<meta http-equiv ... content="...; charset=...">`."""
    found = _META_CHARSET.search(data[:META_SCAN_BYTES])
    if not found:
        return None
    label = found.group(1).decode("ascii", "ignore").strip().casefold()
    if label in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name.startswith("utf-16") else name  # a page read as bytes cannot be UTF-16 here


def decode_html(data: bytes) -> str:
    encoding = bom_encoding(data)
    if encoding:
        return data.decode(encoding, errors="replace")
    declared = declared_encoding(data)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration is wrong: fall through to what the bytes say
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
