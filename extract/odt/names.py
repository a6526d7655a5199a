"""OpenDocument namespaces and the style facts the body reader needs (names, list formats)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
DC = "http://purl.org/dc/elements/1.1/"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"


def office(local: str) -> str:
    return f"{{{OFFICE}}}{local}"


def text(local: str) -> str:
    return f"{{{TEXT}}}{local}"


def table(local: str) -> str:
    return f"{{{TABLE}}}{local}"


def style(local: str) -> str:
    return f"{{{STYLE}}}{local}"


def draw(local: str) -> str:
    return f"{{{DRAW}}}{local}"


@dataclass(frozen=True)
class ListLevel:
    numbered: bool
    fmt: str  # style:num-format: "1", "a", "A", "i", "I", "" (no number)
    prefix: str
    suffix: str
    display_levels: int
    start: int


class OdfStyles:
    """Paragraph style display names (automatic styles resolved to their parent) and list styles."""

    def __init__(self, *roots: etree._Element | None):
        self._paragraph: dict[str, tuple[str, str | None, str | None]] = {}  # name -> display, parent, list
        self._lists: dict[str, dict[int, ListLevel]] = {}
        for root in roots:
            if root is None:
                continue
            for el in root.iter(style("style")):
                if el.get(style("family")) != "paragraph":
                    continue
                name = el.get(style("name"), "")
                display = el.get(style("display-name")) or name.replace("_20_", " ")
                self._paragraph[name] = (
                    display,
                    el.get(style("parent-style-name")),
                    el.get(style("list-style-name")),
                )
            for el in root.iter(text("list-style")):
                levels: dict[int, ListLevel] = {}
                for lvl in el:
                    level = _int(lvl.get(text("level")), 1)
                    numbered = lvl.tag == text("list-level-style-number")
                    levels[level] = ListLevel(
                        numbered=numbered and bool(lvl.get(style("num-format"), "")),
                        fmt=lvl.get(style("num-format"), ""),
                        prefix=lvl.get(style("num-prefix"), ""),
                        suffix=lvl.get(style("num-suffix"), ""),
                        display_levels=_int(lvl.get(text("display-levels")), 1),
                        start=_int(lvl.get(text("start-value")), 1),
                    )
                self._lists[el.get(style("name"), "")] = levels

    def name(self, style_name: str | None) -> str:
        """The display name; an automatic style ("P3") reports the named style it is based on."""
        seen: set[str] = set()
        current = style_name
        while current and current in self._paragraph and current not in seen:
            seen.add(current)
            display, parent, _ = self._paragraph[current]
            if not (current[:1] == "P" and current[1:].isdigit()) or not parent:
                return display
            current = parent
        return current.replace("_20_", " ") if current else ""

    def list_style_of(self, style_name: str | None) -> str | None:
        seen: set[str] = set()
        current = style_name
        while current and current in self._paragraph and current not in seen:
            seen.add(current)
            _, parent, list_style = self._paragraph[current]
            if list_style:
                return list_style
            current = parent
        return None

    def list_level(self, list_style: str | None, level: int) -> ListLevel | None:
        return self._lists.get(list_style or "", {}).get(level)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
