"""Saved web page (.html, .htm) -> `Document`: headings, paragraphs, lists and tables in reading order.

lxml.html is a real HTML parser (libxml2's, forgiving about the tag soup that content management
systems write): entities are decoded exactly once, so `&lt;script&gt;` printed on a page stays the
text `<script>`, and nothing that looks like a tag is ever stripped from text with a regex. The
page is only parsed: no script runs, no stylesheet, image or frame is fetched (`no_network`).

Site chrome is dropped: scripts, styles, navigation, forms' controls, asides, a site header or
footer (not one inside `<main>` or `<article>`), and what the page hides. A table's spanning cell
(rowspan/colspan) is repeated on every row and column it covers, as the Word reader does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Document, ExtractionError, RawRow, RawTable, TextLine
from .encoding import decode_html

DROPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "aside",
        "button",
        "select",
        "textarea",
        "input",
        "option",
        "datalist",
        "svg",
        "canvas",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "audio",
        "video",
        "map",
        "head",
        "dialog",
    }
)
SITE_CHROME_TAGS = frozenset({"header", "footer"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})
HIDDEN_CLASSES = frozenset({"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "hidden"})
CONTENT_TAGS = frozenset({"main", "article"})
HEADINGS = {f"h{n}": n for n in range(1, 7)}
LISTS = frozenset({"ul", "ol", "menu", "dir"})
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "address",
        "figure",
        "figcaption",
        "caption",
        "dl",
        "dt",
        "dd",
        "li",
        "pre",
        "center",
        "details",
        "summary",
        "fieldset",
        "legend",
        "hr",
        "body",
        "html",
        "form",
        "header",
        "footer",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
    }
)
MAX_SPAN = 1000  # HTML caps colspan at 1000; a larger rowspan is a typo or an attack
_HIDDEN_STYLE = re.compile(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden")
_SOURCE_SPACE = re.compile(r"[ \t\r\n\f]+")
_SPACE = re.compile(r"[ \t\r\n\f\u00a0\u200b]+")


def read_html(path: Path) -> Document:
    text = decode_html(path.read_bytes())
    root = _parse(text)
    page = _Page()
    title = root.find(".//title")
    body = root.find("body")
    page.walk(body if body is not None else root, depth=0)
    page.flush()
    metadata = {"title": _inline(title.text_content())} if title is not None and title.text_content() else {}
    return Document(
        source=str(path), kind="html", lines=tuple(page.lines), tables=tuple(page.tables), metadata=metadata
    )


def _parse(text: str):  # noqa: ANN202 - lxml element
    import lxml.etree
    import lxml.html

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses a str that declares its encoding
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"unreadable web page ({exc})") from exc


def _source_text(text: str | None) -> str:
    """A text node as the browser lays it out: the source's line breaks and indents are spaces
    ("\n" in the buffer is kept for <br>)."""
    return _SOURCE_SPACE.sub(" ", text or "")


def _inline(text: str) -> str:
    """HTML's whitespace rule: runs of spaces and line breaks print as one space."""
    return _SPACE.sub(" ", text or "").strip()


def _is_dropped(el, inside_content: bool) -> bool:  # noqa: ANN001
    tag = el.tag
    if tag in DROPPED_TAGS:
        return True
    if tag in SITE_CHROME_TAGS and not inside_content:
        return True
    role = (el.get("role") or "").strip().casefold()
    if role in CHROME_ROLES and not (inside_content and role in {"banner", "contentinfo"}):
        return True
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").casefold() == "true":
        return True
    if _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    if (
        tag == "a"
        and (el.get("href") or "").startswith("#")
        and el.text_content().strip().lower().startswith("skip")
    ):
        return True  # "Skip to main content": a link for keyboards, not printed content
    return bool(HIDDEN_CLASSES & set((el.get("class") or "").split()))


@dataclass
class _Page:
    """Accumulates text lines and tables in reading order while the element tree is walked."""

    lines: list[TextLine] = field(default_factory=list)
    tables: list[RawTable] = field(default_factory=list)
    seq: int = 0
    buffer: list[str] = field(default_factory=list)
    style: str = ""
    label: str = ""

    def emit(self, text: str, style: str = "", label: str = "") -> None:
        text = "\n".join(part for part in (_inline(p) for p in text.split("\n")) if part)
        if text:
            self.lines.append(TextLine(text=text, seq=self.seq, list_label=label, style=style))
            self.seq += 1

    def flush(self) -> None:
        self.emit("".join(self.buffer), self.style, self.label)
        self.buffer, self.style, self.label = [], "", ""

    def walk(self, el, depth: int, inside_content: bool = False) -> None:  # noqa: ANN001
        """One element and its children; the element's tail text is left to the caller."""
        if not isinstance(el.tag, str):
            return
        tag = el.tag.lower()
        if _is_dropped(el, inside_content):
            return
        inside_content = inside_content or tag in CONTENT_TAGS or (el.get("role") or "") == "main"
        if tag == "br":
            self.buffer.append("\n")
        elif tag in HEADINGS:
            self.flush()
            self.emit(_flat_text(el, inside_content), style=f"Heading {HEADINGS[tag]}")
        elif tag == "table":
            self.flush()
            self._table(el, depth, inside_content)
        elif tag in LISTS:
            self.flush()
            self._list(el, depth + 1, inside_content)
        elif tag == "pre":
            self.flush()
            for line in el.text_content().splitlines():
                self.emit(line)
        else:
            block = tag in BLOCK_TAGS
            if block:
                self.flush()
            self.buffer.append(_source_text(el.text))
            for child in el:
                self.walk(child, depth, inside_content)
                self.buffer.append(_source_text(child.tail))
            if block:
                self.flush()

    def _list(self, el, depth: int, inside_content: bool) -> None:  # noqa: ANN001
        """One list item per line: numbered lists carry their printed number as `list_label`,
        bulleted ones a "List Bullet" style (as Word names them); nested lists follow their item."""
        numbered = el.tag.lower() == "ol"
        kind = (el.get("type") or "1").strip() or "1"
        number = _int(el.get("start"), 1) - 1
        suffix = "" if depth == 1 else f" {depth}"
        for item in el:
            if not isinstance(item.tag, str) or _is_dropped(item, inside_content):
                continue
            if item.tag.lower() != "li":
                self.walk(item, depth, inside_content)
                continue
            number = _int(item.get("value"), number + 1)
            own, nested = _split_item(item)
            label = _list_label(number, kind) if numbered else ""
            style = f"List Number{suffix}" if numbered else f"List Bullet{suffix}"
            texts = [t for part in own for t in _lines_of(part, inside_content)]
            if texts:  # an item of several paragraphs: the rest continue it, unbulleted
                self.emit(texts[0], style=style, label=label)
                for text in texts[1:]:
                    self.emit(text, style="List Continue")
            for sub in nested:
                self._list(sub, depth + 1, inside_content)

    def _table(self, el, depth: int, inside_content: bool) -> None:  # noqa: ANN001
        """A data table -> one `RawTable`. A table holding tables, or a single column, is page
        layout (a frame around content): its cells are walked as blocks."""
        grid = [] if _own_cells_hold_tables(el) else _grid(el, inside_content)
        if max((len(row) for row in grid), default=0) <= 1:
            for cell in _own_cells(el):
                self.walk(cell, depth, inside_content)
                self.flush()
            return
        caption = el.find("caption")
        if caption is not None:
            self.emit(_flat_text(caption, inside_content), style="Caption")
        rows = tuple(RawRow(cells=cells) for cells in grid if any(cells))
        if rows:
            self.tables.append(RawTable(rows=rows, extractor="html", seq=self.seq))
            self.seq += 1


def _lines_of(el, inside_content: bool) -> list[str]:  # noqa: ANN001
    """An element's visible text, one entry per paragraph, list item or line break."""
    page = _Page()
    page.buffer.append(_source_text(el.text))
    for child in el:
        page.walk(child, 0, inside_content)
        page.buffer.append(_source_text(child.tail))
    page.flush()
    return [part for line in page.lines for part in line.text.split("\n") if part]


def _flat_text(el, inside_content: bool) -> str:  # noqa: ANN001
    """A heading's or caption's text on one line."""
    return " ".join(_lines_of(el, inside_content))


def _cell_text(cell, inside_content: bool) -> str:  # noqa: ANN001
    """A cell's text, one line per paragraph, list item or line break (as a Word cell reads)."""
    return "\n".join(_lines_of(cell, inside_content))


def _split_item(item) -> tuple[list, list]:  # noqa: ANN001
    """A list item's own content (as a detached copy) and the lists nested in it."""
    import copy

    nested = [child for child in item if isinstance(child.tag, str) and child.tag.lower() in LISTS]
    if not nested:
        return [item], []
    own = copy.copy(item)
    for child in list(own):
        if isinstance(child.tag, str) and child.tag.lower() in LISTS:
            tail = child.tail
            child.tail = None
            own.remove(child)
            if tail:  # text after a nested list still belongs to the item
                own.append(_text_span(tail))
    return [own], nested


def _text_span(text: str):  # noqa: ANN202
    import lxml.html

    span = lxml.html.Element("span")
    span.text = text
    return span


def _int(value: str | None, default: int) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return default


def _list_label(number: int, kind: str) -> str:
    """The marker a browser prints for an ordered list item: "3.", "c.", "iii."."""
    if kind in ("a", "A"):
        letter = chr(ord("a") + (number - 1) % 26)
        return (letter.upper() if kind == "A" else letter) + "."
    if kind in ("i", "I"):
        roman = _roman(number)
        return (roman if kind == "I" else roman.lower()) + "."
    return f"{number}."


def _roman(value: int) -> str:
    out = ""
    for n, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while value >= n:
            out, value = out + s, value - n
    return out


def _own_rows(table) -> list:  # noqa: ANN001
    """The table's rows in printed order (thead, bodies, then tfoot), not those of nested tables."""
    rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
    foot = [tr for tr in rows if tr.getparent() is not None and tr.getparent().tag == "tfoot"]
    return [tr for tr in rows if tr not in foot] + foot


def _nearest_table(el):  # noqa: ANN001, ANN202
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _own_cells(table) -> list:  # noqa: ANN001
    return [c for tr in _own_rows(table) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]


def _own_cells_hold_tables(table) -> bool:  # noqa: ANN001
    return any(cell.find(".//table") is not None for cell in _own_cells(table))


def _grid(table, inside_content: bool) -> list[tuple[str, ...]]:  # noqa: ANN001
    """Rows over the table's grid: a cell spanning rows or columns is repeated in every slot."""
    rows = _own_rows(table)
    slots: dict[tuple[int, int], str] = {}
    n_cols = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            if _is_dropped(cell, inside_content):
                continue
            while (r, c) in slots:
                c += 1
            text = _cell_text(cell, inside_content)
            rowspan = min(max(_int(cell.get("rowspan"), 1), 1), MAX_SPAN) or 1
            if (cell.get("rowspan") or "").strip() == "0":  # "to the end of the table section"
                rowspan = len(rows) - r
            colspan = min(max(_int(cell.get("colspan"), 1), 1), MAX_SPAN)
            for dr in range(min(rowspan, len(rows) - r)):
                for dc in range(colspan):
                    slots.setdefault((r + dr, c + dc), text)
            c += colspan
            n_cols = max(n_cols, c)
    return [tuple(slots.get((r, c), "") for c in range(n_cols)) for r in range(len(rows))]
