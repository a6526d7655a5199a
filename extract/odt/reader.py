"""OpenDocument text (.odt) -> `Document`: content.xml's body in order, the first master page's
header and footer as running lines, the same size caps and hardened parser as the Word reader."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..blocks import assemble, flatten
from ..model import Document, ExtractionError
from ..zipxml import Package
from .body import ListState, blocks
from .names import DC, META, OdfStyles, office, style


def read_odt(path: Path) -> Document:
    with Package(path, ".odt") as pkg:
        content = pkg.xml("content.xml")
        if content is None:
            raise ExtractionError("not an OpenDocument text (the zip archive has no content.xml)")
        body = content.find(f"{office('body')}/{office('text')}")
        if body is None:
            raise ExtractionError("not an OpenDocument text (content.xml has no office:text body)")
        shared = _optional(pkg, "styles.xml")
        styles = OdfStyles(shared, content)
        header, footer = _running(shared, styles)
        return assemble(
            source=str(path),
            kind="odt",
            header=header,
            body=blocks(body, styles, ListState()),
            footer=footer,
            metadata=_metadata(_optional(pkg, "meta.xml")),
            extractor="odt",
        )


def _optional(pkg: Package, name: str) -> etree._Element | None:
    try:
        return pkg.xml(name)
    except ExtractionError as exc:
        if str(exc).startswith("refused"):
            raise
        return None  # a broken styles or meta part must not lose the body


def _running(shared: etree._Element | None, styles: OdfStyles) -> tuple[list[str], list[str]]:
    page = shared.find(f"{office('master-styles')}/{style('master-page')}") if shared is not None else None
    if page is None:
        return [], []
    found = []
    for part in ("header", "footer"):
        el = page.find(style(part))
        found.append(flatten(blocks(el, styles, ListState())) if el is not None else [])
    return found[0], found[1]


def _metadata(meta: etree._Element | None) -> dict[str, str]:
    if meta is None:
        return {}
    found = {
        "title": meta.findtext(f".//{{{DC}}}title"),
        "author": meta.findtext(f".//{{{META}}}initial-creator") or meta.findtext(f".//{{{DC}}}creator"),
    }
    return {k: v.strip() for k, v in found.items() if v and v.strip()}
