"""Word .docx -> `Document`, reading the table grid so that merged cells repeat on every row they cover.

python-docx's `row.cells` walks the grid: a horizontally merged cell is returned once per grid
column and a vertically merged one once per row, which is exactly the "spanning value on every
row" that the normaliser expects from every extractor.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..model import Document, ExtractionError, RawRow, RawTable, TextLine

MAX_PART_BYTES = 50 * 1024 * 1024  # one uncompressed part (document.xml of a 500-page plan is ~10 MB)
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed; honest XML compresses ~10-30x
MAX_PARTS = 5000  # a plan with many images has a few hundred; tens of thousands is an attack

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_zip(path: Path) -> None:
    """Refuse archives that are not .docx, or that would inflate to an unreasonable size."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ExtractionError(f"corrupt .docx (not a valid zip archive: {exc})") from exc
    if len(infos) > MAX_PARTS:
        raise ExtractionError(
            f"refused: .docx has {len(infos)} parts (limit {MAX_PARTS}; looks like a zip bomb)"
        )
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise ExtractionError("not a Word document (the zip archive has no word/document.xml)")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise ExtractionError(
                f"refused: .docx part '{info.filename}' is {info.file_size / 2**20:.0f} MB uncompressed "
                f"(limit {MAX_PART_BYTES / 2**20:.0f} MB)"
            )
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 2**20:
            raise ExtractionError(
                f"refused: .docx part '{info.filename}' inflates {info.file_size // info.compress_size}x "
                "(looks like a zip bomb)"
            )
    if total > MAX_TOTAL_BYTES:
        raise ExtractionError(
            f"refused: .docx inflates to {total / 2**20:.0f} MB (limit {MAX_TOTAL_BYTES / 2**20:.0f} MB)"
        )


def read_docx(path: Path) -> Document:
    check_zip(path)
    import docx  # python-docx; imported here so PDF-only runs don't pay for it
    from docx.text.paragraph import Paragraph

    try:
        doc = docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, XML errors, ValueError...
        raise ExtractionError(f"corrupt .docx ({type(exc).__name__}: {exc})") from exc

    numbering = _NumberingFormats.from_document(doc)
    counters: dict[tuple[str, int], int] = {}
    lines: list[TextLine] = []
    tables: list[RawTable] = []
    seq = 0
    for section in doc.sections[:1]:
        for para in _safe_paragraphs(section.header):
            if para.text.strip():
                lines.append(TextLine(text=_clean(para.text), seq=seq, style="header"))
                seq += 1
    for block in _blocks(doc.element.body, doc):
        if isinstance(block, Paragraph):
            text = _clean(block.text)
            label = numbering.label(_num_pr(block), counters)
            if text:
                lines.append(TextLine(text=text, seq=seq, list_label=label, style=_style_name(block)))
                seq += 1
        else:
            rows = tuple(RawRow(cells=cells) for cells in _table_rows(block))
            if rows:
                tables.append(RawTable(rows=rows, extractor="docx", seq=seq))
                seq += 1
    for section in doc.sections[:1]:
        for para in _safe_paragraphs(section.footer):
            if para.text.strip():
                lines.append(TextLine(text=_clean(para.text), seq=seq, style="footer"))
                seq += 1
    props = doc.core_properties
    metadata = {k: v for k, v in (("title", props.title or ""), ("author", props.author or "")) if v}
    return Document(
        source=str(path), kind="docx", lines=tuple(lines), tables=tuple(tables), metadata=metadata
    )


def _blocks(container, doc) -> Iterator:  # noqa: ANN001 - lxml element, docx Document
    """Paragraphs and data tables in reading order.

    A table whose cells hold other tables is page layout (a frame around the real table), not
    data: its paragraphs and nested tables are walked instead. Content controls (w:sdt) are
    transparent.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, doc)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content, doc)
        elif child.tag == f"{_W}tbl":
            if child.find(f".//{_W}tc/{_W}tbl") is None:
                yield Table(child, doc)
                continue
            for tc in child.iter(f"{_W}tc"):
                if tc.getparent().getparent() is child:  # this table's own cells, not nested ones
                    yield from _blocks(tc, doc)


def _table_rows(table) -> Iterator[tuple[str, ...]]:  # noqa: ANN001 - docx.table.Table
    for row in table.rows:
        cells = tuple(_clean_cell(cell.text) for cell in row.cells)
        if any(cells):
            yield cells


def _safe_paragraphs(part) -> list:  # noqa: ANN001 - header/footer, absent in some files
    try:
        return list(part.paragraphs)
    except Exception:  # a broken header part must not lose the body
        return []


def _style_name(para) -> str:  # noqa: ANN001
    try:
        return para.style.name or ""
    except Exception:
        return ""


def _clean(text: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def _clean_cell(text: str) -> str:
    return "\n".join(line for line in (_clean(x) for x in text.split("\n")) if line)


class _NumberingFormats:
    """Renders Word list numbers ("3.", "a)") the way Word prints them in front of a paragraph."""

    def __init__(self, levels: dict[tuple[str, int], tuple[str, str, int]]):
        self._levels = levels  # (numId, ilvl) -> (numFmt, lvlText, start)

    @classmethod
    def from_document(cls, doc) -> _NumberingFormats:  # noqa: ANN001
        levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls(levels)
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for absn in root.iter(f"{_W}abstractNum"):
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in absn.iter(f"{_W}lvl"):
                fmt = _val(lvl.find(f"{_W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{_W}lvlText")) or ""
                start = int(_val(lvl.find(f"{_W}start")) or 1)
                lv[int(_val(lvl, "ilvl") or 0)] = (fmt, text, start)
            abstract[_val(absn, "abstractNumId") or ""] = lv
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            for ilvl, spec in abstract.get(_val(ref) or "", {}).items():
                levels[(_val(num, "numId") or "", ilvl)] = spec
        return cls(levels)

    def label(self, num_pr, counters: dict[tuple[str, int], int]) -> str:  # noqa: ANN001
        if num_pr is None:
            return ""
        num_id = _val(num_pr.find(f"{_W}numId")) or ""
        ilvl = int(_val(num_pr.find(f"{_W}ilvl")) or 0)
        spec = self._levels.get((num_id, ilvl))
        if spec is None or num_id == "0":
            return ""
        fmt, text, start = spec
        if fmt in ("bullet", "none"):
            return ""
        key = (num_id, ilvl)
        counters[key] = counters.get(key, start - 1) + 1
        for deeper in [k for k in counters if k[0] == num_id and k[1] > ilvl]:
            del counters[deeper]
        label = text
        for level in range(ilvl, -1, -1):
            value = counters.get((num_id, level), self._levels.get((num_id, level), ("", "", 1))[2])
            label = label.replace(f"%{level + 1}", _format_number(value, self._levels[(num_id, level)][0]))
        return label.strip()


def _num_pr(para):  # noqa: ANN001, ANN202 - docx Paragraph -> w:numPr element or None
    """The paragraph's list numbering, set directly or through its style ("List Number")."""
    num_pr = para._p.find(f"{_W}pPr/{_W}numPr")
    style = para.style if num_pr is None else None
    seen: set[str] = set()  # styles can be based on each other in a cycle: stop at a repeat
    while num_pr is None and style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        num_pr = style.element.find(f"{_W}pPr/{_W}numPr")
        style = style.base_style
    return num_pr


def _val(element, attr: str = "val") -> str | None:  # noqa: ANN001
    if element is None:
        return None
    return element.get(f"{_W}{attr}")


def _format_number(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for n, s in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= n:
            out, value = out + s, value - n
    return out
