"""Each font's descent as the PDF states it, the way pdfminer.six reads it.

A character's box runs from the font's descent below the baseline to one em above that. PDFium
knows the descent too, but where a file states none (Ascent and Descent 0, as LibreOffice writes
them; or a standard font with no descriptor) PDFium measures the glyphs instead, so its boxes would
sit lower than pdfplumber's by up to a fifth of the font size. Reading the few font dictionaries
(no content stream is interpreted) keeps the two readers' boxes the same.

The dictionaries are read with playa (camelot's PDF parser, compiled: about twice as fast as
pdfminer's at this) and pdfminer's rule is applied to what it reads; both parsers read the same
dictionaries on every shared, wild and ICDAR file (benchmarks/rows_snapshot.py).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

MAX_RESOURCE_DEPTH = 8  # form XObjects nested deeper than this are not searched for fonts
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")  # "BAAAAA+DejaVuSerif": a subset of DejaVuSerif


def font_descents(path: Path) -> dict[str, float]:
    """BaseFont name (without a subset tag, as PDFium gives it) -> descent in text space units
    (per 1 pt of font size, <= 0). Empty when the file can't be parsed this way; the caller then
    keeps PDFium's own figure."""
    try:
        import playa

        with _quiet("playa"), playa.open(path, space="page") as doc:
            out: dict[str, float] = {}
            seen: set[int] = set()
            # the page tree with inherited attributes, without making playa's page objects
            for _, attrs in doc.pages.page_objects:
                for name, spec in _fonts(attrs.get("Resources"), seen, 0):
                    out.setdefault(_SUBSET_TAG.sub("", name), _descent(name, spec))
            return out
    except Exception:  # noqa: BLE001 - a file playa can't parse: PDFium's figures stand
        return {}


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """The parser's complaints about a damaged file are not the reader's: PDFium reads the page
    and reports what matters, so they are held back (errors still show) while the fonts are read."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(max(level, logging.ERROR))
    try:
        yield
    finally:
        logger.setLevel(level)


def _fonts(resources: Any, seen: set[int], depth: int) -> Iterator[tuple[str, dict]]:
    """(BaseFont, font dict) of every font in these resources and their form XObjects'."""
    from playa.pdftypes import ContentStream, ObjRef, resolve1

    resources = resolve1(resources)
    if not isinstance(resources, dict) or depth > MAX_RESOURCE_DEPTH:
        return

    def unseen(key: str) -> Iterator[Any]:
        """The resolved objects of one resource dictionary, each indirect object only once."""
        for ref in (resolve1(resources.get(key)) or {}).values():
            if isinstance(ref, ObjRef):
                if ref.objid in seen:
                    continue
                seen.add(ref.objid)
            yield resolve1(ref)

    for spec in unseen("Font"):
        if isinstance(spec, dict):
            yield _name(spec.get("BaseFont")), spec
    for xobj in unseen("XObject"):
        if isinstance(xobj, ContentStream) and _name(xobj.attrs.get("Subtype")) == "Form":
            yield from _fonts(xobj.attrs.get("Resources"), seen, depth + 1)


def _descent(name: str, spec: dict) -> float:
    """pdfminer's rule: the standard fonts' AFM metrics by name, else the (descendant) font's
    descriptor; a positive Descent is taken as negative; Type 3 fonts use their FontBBox."""
    from pdfminer.fontmetrics import FONT_METRICS
    from playa.pdftypes import resolve1

    subtype = _name(spec.get("Subtype"))
    if subtype == "Type3":
        bbox = resolve1(spec.get("FontBBox")) or [0, 0, 0, 0]
        matrix = resolve1(spec.get("FontMatrix")) or [0.001, 0, 0, 0.001, 0, 0]
        return float(resolve1(bbox[1])) * float(resolve1(matrix[3]))
    if subtype == "Type0":
        kids = resolve1(spec.get("DescendantFonts")) or [{}]
        spec = resolve1(kids[0]) or {}
        descriptor = resolve1(spec.get("FontDescriptor")) or {}
    elif name in FONT_METRICS:
        descriptor = FONT_METRICS[name][0]
    else:
        descriptor = resolve1(spec.get("FontDescriptor")) or {}
    descent = float(resolve1(descriptor.get("Descent", 0)) or 0)
    return -abs(descent) * 0.001


def _name(value: Any) -> str:
    from playa.pdftypes import PSLiteral

    if isinstance(value, PSLiteral):
        value = value.name
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return str(value) if value is not None else ""
