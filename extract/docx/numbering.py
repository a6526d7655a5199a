"""Word list numbers ("3.", "a)", "2.1") rendered the way Word prints them in front of a paragraph.

The number is not in the paragraph's characters: Word computes it from numbering.xml while laying
the document out, counting paragraphs of each list in document order. `ListCounter` does the same
counting for one read of one document.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..listnumbers import format_number
from .ooxml import val, w
from .styles import NumRef, Styles


@dataclass(frozen=True)
class Level:
    fmt: str  # w:numFmt: decimal, lowerLetter, upperRoman, bullet, none...
    text: str  # w:lvlText: "%1.", "%1.%2"
    start: int
    legal: bool = False  # w:isLgl: every level printed as a decimal


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _level(el: etree._Element) -> Level:
    return Level(
        fmt=val(el.find(w("numFmt"))) or "decimal",
        text=val(el.find(w("lvlText"))) or "",
        start=_int(val(el.find(w("start"))), 1),
        legal=el.find(w("isLgl")) is not None,
    )


class Numbering:
    """numId -> its levels, with the abstract definition, numbering-style links and overrides applied."""

    def __init__(self, root: etree._Element | None, styles: Styles):
        self._levels: dict[str, dict[int, Level]] = {}
        if root is None:
            return
        abstract_el = {el.get(w("abstractNumId"), ""): el for el in root.iter(w("abstractNum"))}
        nums = {el.get(w("numId"), ""): el for el in root.iter(w("num"))}

        def abstract_levels(abstract_id: str, seen: frozenset[str]) -> dict[int, Level]:
            el = abstract_el.get(abstract_id)
            if el is None or abstract_id in seen:
                return {}
            link = val(el.find(w("numStyleLink")))
            if link is not None:  # the levels live in the list style's own numbering
                linked = nums.get(styles.numbering_styles.get(link, ""))
                if linked is not None:
                    return abstract_levels(val(linked.find(w("abstractNumId"))) or "", seen | {abstract_id})
            return {_int(lvl.get(w("ilvl")), 0): _level(lvl) for lvl in el.findall(w("lvl"))}

        for num_id, el in nums.items():
            levels = dict(abstract_levels(val(el.find(w("abstractNumId"))) or "", frozenset()))
            for override in el.findall(w("lvlOverride")):
                ilvl = _int(override.get(w("ilvl")), 0)
                replaced = override.find(w("lvl"))
                if replaced is not None:
                    levels[ilvl] = _level(replaced)
                start = val(override.find(w("startOverride")))
                if start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = Level(old.fmt, old.text, _int(start, old.start), old.legal)
            self._levels[num_id] = levels

    def levels(self, num_id: str) -> dict[int, Level]:
        return self._levels.get(num_id, {})


class ListCounter:
    """Counts list paragraphs in document order and renders each one's label."""

    def __init__(self, numbering: Numbering):
        self._numbering = numbering
        self._counts: dict[tuple[str, int], int] = {}

    def label(self, ref: NumRef | None) -> str:
        if ref is None or not ref.num_id or ref.num_id == "0":
            return ""
        num_id, ilvl = ref.num_id, ref.ilvl or 0
        levels = self._numbering.levels(num_id)
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none"):
            return ""
        key = (num_id, ilvl)
        self._counts[key] = self._counts.get(key, level.start - 1) + 1
        for deeper in [k for k in self._counts if k[0] == num_id and k[1] > ilvl]:
            del self._counts[deeper]  # a new item at this level restarts the levels below it
        label = level.text
        for n in range(ilvl, -1, -1):
            spec = levels.get(n)
            if spec is None:
                continue
            value = self._counts.get((num_id, n), spec.start)
            fmt = "decimal" if level.legal else spec.fmt
            label = label.replace(f"%{n + 1}", format_number(value, fmt))
        return label.strip()
