"""WordprocessingML names, the package's relationships, and ISO Strict documents read as Transitional.

Tags are compared as Clark names (`{namespace}local`), computed once here.
"""

from __future__ import annotations

import posixpath

from lxml import etree

from ..zipxml import Package

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_STRICT = {  # ISO 29500 Strict namespace -> the Transitional one this reader knows
    "http://purl.oclc.org/ooxml/wordprocessingml/main": W_NS,
    "http://purl.oclc.org/ooxml/officeDocument/relationships": R_NS,
    "http://purl.oclc.org/ooxml/officeDocument/math": M_NS,
}


def w(local: str) -> str:
    return f"{{{W_NS}}}{local}"


W_VAL = w("val")
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
R_ID = f"{{{R_NS}}}id"


def val(element: etree._Element | None, attr: str = W_VAL) -> str | None:
    return None if element is None else element.get(attr)


def on(element: etree._Element | None) -> bool:
    """A toggle property (<w:vanish/>, <w:vanish w:val="false"/>) is on unless set false."""
    return element is not None and element.get(W_VAL, "true").lower() not in ("false", "0", "off")


def is_placeholder(sdt: etree._Element) -> bool:
    """A content control still showing its prompt ("Click or tap here to enter text."): Word greys
    the prompt out; it is not the document's content."""
    pr = sdt.find(w("sdtPr"))
    return pr is not None and on(pr.find(w("showingPlcHdr")))


def alternate_branch(element: etree._Element) -> etree._Element | None:
    """The branch of an mc:AlternateContent that Word renders: its first Choice, else the Fallback.

    Choice and Fallback hold the same content in two encodings, so exactly one is read.
    """
    choice = element.find(MC_CHOICE)
    return choice if choice is not None else element.find(MC_FALLBACK)


def to_transitional(root: etree._Element) -> etree._Element:
    """Rewrite Strict namespaces in place so that one set of names reads both flavours."""
    ns = root.tag[1 : root.tag.index("}")] if root.tag.startswith("{") else ""
    if ns not in _STRICT:
        return root
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        el.tag = _rename(el.tag)
        for key in [k for k in el.attrib if k.startswith("{")]:
            new = _rename(key)
            if new != key:
                el.attrib[new] = el.attrib.pop(key)
    return root


def _rename(name: str) -> str:
    if not name.startswith("{"):
        return name
    ns, local = name[1:].split("}", 1)
    return f"{{{_STRICT.get(ns, ns)}}}{local}"


def relationships(pkg: Package, part: str) -> dict[str, tuple[str, str]]:
    """rId -> (type suffix such as "styles", part name inside the zip) for a part's internal links.

    External targets (TargetMode="External": web links, linked images) are never followed.
    """
    folder, name = posixpath.split(part)
    root = pkg.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
    out: dict[str, tuple[str, str]] = {}
    if root is None:
        return out
    for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("TargetMode", "Internal") != "Internal":
            continue
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], posixpath.normpath(resolved))
    return out


def main_part(pkg: Package) -> str | None:
    """The main document part named by the package relationships (word/document.xml as written by Word)."""
    for kind, target in relationships(pkg, "").values():
        if kind == "officeDocument" and pkg.has(target):
            return target
    return "word/document.xml" if pkg.has("word/document.xml") else None
