"""Paragraph styles: the name a paragraph prints under and the list numbering it inherits.

A style's numbering can come from the style it is based on; `w:basedOn` chains are followed with a
record of the styles seen, so a cycle (A based on B based on A) ends instead of looping for ever.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .ooxml import val, w

# python-docx's user-interface names for the built-in styles stored under lower-case names
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header"} | {
    f"heading {n}": f"Heading {n}" for n in range(1, 10)
}


@dataclass(frozen=True)
class NumRef:
    """A paragraph's list membership: numbering instance and level (either may be unset)."""

    num_id: str | None
    ilvl: int | None


@dataclass(frozen=True)
class Style:
    name: str
    based_on: str | None
    num: NumRef | None


def num_ref(num_pr: etree._Element | None) -> NumRef | None:
    if num_pr is None:
        return None
    ilvl = val(num_pr.find(w("ilvl")))
    return NumRef(val(num_pr.find(w("numId"))), int(ilvl) if ilvl and ilvl.isdigit() else None)


class Styles:
    def __init__(self, root: etree._Element | None):
        self._styles: dict[str, Style] = {}
        self.numbering_styles: dict[str, str] = {}  # numbering style id -> numId (w:numStyleLink)
        self.default_paragraph = ""
        if root is None:
            return
        for el in root.iter(w("style")):
            kind = el.get(w("type"), "paragraph")
            if kind == "numbering":
                ref = num_ref(el.find(f"{w('pPr')}/{w('numPr')}"))
                if ref is not None and ref.num_id:
                    self.numbering_styles[el.get(w("styleId"), "")] = ref.num_id
                continue
            if kind != "paragraph":
                continue
            style_id = el.get(w("styleId"), "")
            name = val(el.find(w("name"))) or style_id
            self._styles[style_id] = Style(
                name=_UI_NAMES.get(name, name),
                based_on=val(el.find(w("basedOn"))),
                num=num_ref(el.find(f"{w('pPr')}/{w('numPr')}")),
            )
            if el.get(w("default")) in ("1", "true", "on"):
                self.default_paragraph = style_id

    def resolve(self, style_id: str | None) -> str:
        """The id actually used: an unknown or missing id falls back to the default paragraph style."""
        return style_id if style_id in self._styles else self.default_paragraph

    def name(self, style_id: str) -> str:
        style = self._styles.get(style_id)
        return style.name if style is not None else ""

    def numbering(self, style_id: str) -> NumRef | None:
        """The first numbering found up the basedOn chain; stops on a style already visited."""
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen:
            seen.add(current)
            style = self._styles.get(current)
            if style is None:
                return None
            if style.num is not None:
                return style.num
            current = style.based_on
        return None
