"""Word (.docx, .docm, .dotx, .dotm) -> `Document`, read from the WordprocessingML itself.

The body is read in document order as Word lays it out (see `body`, `text`, `tables`): content
controls transparent, revisions accepted, field results without their instructions, text boxes in
reading order, tables on their grid with merged cells repeated on every row they cover, layout
tables read as their content. The first section's running header and footer are kept as lines
styled "header" / "footer". The archive is size-checked and every part parsed with a hardened
parser (`..zipxml`).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..blocks import assemble
from ..model import Document, ExtractionError
from ..zipxml import MAX_PART_BYTES, MAX_PARTS, MAX_RATIO, MAX_TOTAL_BYTES, Package
from .body import blocks, lines
from .numbering import ListCounter, Numbering
from .ooxml import R_ID, main_part, relationships, to_transitional, w
from .styles import Styles
from .text import StoryState

__all__ = ["MAX_PART_BYTES", "MAX_PARTS", "MAX_RATIO", "MAX_TOTAL_BYTES", "read_docx"]

_DC = "{http://purl.org/dc/elements/1.1/}"


def read_docx(path: Path) -> Document:
    with Package(path, ".docx") as pkg:
        return _read(pkg, path)


def _read(pkg: Package, path: Path) -> Document:
    main = main_part(pkg)
    if main is None:
        raise ExtractionError("not a Word document (the zip archive has no word/document.xml)")
    root = to_transitional(_xml(pkg, main))
    body = root.find(w("body"))
    if body is None:
        raise ExtractionError(f"corrupt .docx ({main} has no w:body)")
    rels = relationships(pkg, main)
    by_kind = {kind: target for kind, target in rels.values()}
    styles = Styles(_part(pkg, by_kind.get("styles")))
    numbering = Numbering(_part(pkg, by_kind.get("numbering")), styles)

    def story() -> StoryState:
        return StoryState(styles, ListCounter(numbering))

    header, footer = _running_parts(body, rels)
    return assemble(
        source=str(path),
        kind="docx",
        header=_running_lines(pkg, header, story()),
        body=blocks(body, story()),
        footer=_running_lines(pkg, footer, story()),
        metadata=_metadata(pkg),
        extractor="docx",
    )


def _xml(pkg: Package, name: str) -> etree._Element:
    root = pkg.xml(name)
    if root is None:
        raise ExtractionError(f"corrupt .docx (no part {name})")
    return root


def _part(pkg: Package, name: str | None) -> etree._Element | None:
    """An optional part (styles, numbering, a header): a broken one must not lose the body."""
    if name is None:
        return None
    try:
        root = pkg.xml(name)
    except ExtractionError as exc:
        if str(exc).startswith("refused"):
            raise
        return None
    return to_transitional(root) if root is not None else None


def _running_parts(body: etree._Element, rels: dict[str, tuple[str, str]]) -> tuple[str | None, str | None]:
    """The first section's default header and footer parts (where Word prints the running head)."""
    sections = body.findall(f"{w('p')}/{w('pPr')}/{w('sectPr')}") + body.findall(w("sectPr"))
    if not sections:
        return None, None
    found: dict[str, str | None] = {"headerReference": None, "footerReference": None}
    for ref in found:
        for el in sections[0].findall(w(ref)):
            if el.get(w("type"), "default") == "default" and el.get(R_ID) in rels:
                found[ref] = rels[el.get(R_ID)][1]
    return found["headerReference"], found["footerReference"]


def _running_lines(pkg: Package, part: str | None, state: StoryState) -> list[str]:
    root = _part(pkg, part)
    return lines(root, state) if root is not None else []


def _metadata(pkg: Package) -> dict[str, str]:
    core = None
    for kind, target in relationships(pkg, "").values():
        if kind == "core-properties":
            core = _part(pkg, target)
    if core is None:
        core = _part(pkg, "docProps/core.xml") if pkg.has("docProps/core.xml") else None
    if core is None:
        return {}
    found = {"title": core.findtext(f"{_DC}title"), "author": core.findtext(f"{_DC}creator")}
    return {k: v.strip() for k, v in found.items() if v and v.strip()}
