"""Spreadsheets (.xlsx, .ods, .csv) -> `Document`: each visible sheet's rows, merged cells repeated.

.xlsx is read with openpyxl in read-only mode (rows streamed, formulas as their cached values); its
merged ranges, which read-only mode does not expose, come from the sheet XML. .ods is its zip's
content.xml read with lxml (no entity expansion, no network). .csv: encoding from the byte-order
mark, else UTF-8 when valid, else Windows-1252 (Excel's "CSV" export); delimiter sniffed.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path, PurePosixPath

from ..model import Document, ExtractionError
from ..zipxml import check_archive, parse_xml
from .grid import Sheet, cell_text, sheets_document

MAX_ROWS = 100_000  # per sheet; a plan has tens to hundreds
MAX_COLS = 256
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def read_sheet(path: Path, kind: str) -> Document:
    if kind == "csv":
        sheets = [read_csv(path)]
    elif kind == "xlsx":
        check_archive(path, "Excel .xlsx workbook", "xl/workbook.xml")
        sheets = read_xlsx(path)
    else:
        check_archive(path, "OpenDocument .ods spreadsheet", "content.xml")
        sheets = read_ods(path)
    return sheets_document(str(path), kind, sheets)


def _xml(data: bytes):  # noqa: ANN202 - lxml element
    return parse_xml(data, "spreadsheet part")


# ---- .xlsx -------------------------------------------------------------------------------


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, tuple[str, bool]]:
    """Sheet name -> (its XML part, visible?), from the workbook and its relationships."""
    book = _xml(zf.read("xl/workbook.xml"))
    try:
        rels = _xml(zf.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    parts = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        parts[sheet.get("name", "")] = (part, sheet.get("state", "visible") == "visible")
    return parts


def _merged_ranges(zf: zipfile.ZipFile, part: str) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col), 1-based, of each merged range in a sheet part."""
    import lxml.etree
    from openpyxl.utils.cell import range_boundaries

    found = []
    try:
        with zf.open(part) as fh:
            for _, el in lxml.etree.iterparse(fh, tag=f"{_MAIN}mergeCell", resolve_entities=False):
                try:
                    min_col, min_row, max_col, max_row = range_boundaries(el.get("ref", ""))
                except (ValueError, TypeError):
                    continue
                found.append((min_row, min_col, min(max_row, MAX_ROWS), min(max_col, MAX_COLS)))
                el.clear()
    except (KeyError, lxml.etree.XMLSyntaxError):
        return []
    return found


def read_xlsx(path: Path) -> list[Sheet]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError, InvalidFileException, XML errors...
        raise ExtractionError(f"corrupt .xlsx ({type(exc).__name__}: {exc})") from exc
    sheets = []
    try:
        with zipfile.ZipFile(path) as zf:
            parts = _sheet_parts(zf)
            for ws in book.worksheets:
                part, visible = parts.get(ws.title, ("", True))
                if not visible or ws.sheet_state != "visible":
                    continue  # a hidden sheet is not printed
                grid = []
                for k, values in enumerate(ws.iter_rows(values_only=True)):
                    if k >= MAX_ROWS:
                        break
                    grid.append([cell_text(v) for v in values[:MAX_COLS]])
                _fill_merged(grid, _merged_ranges(zf, part) if part else [])
                sheets.append(Sheet(ws.title, tuple(tuple(r) for r in grid)))
    finally:
        book.close()
    return sheets


def _fill_merged(grid: list[list[str]], ranges: list[tuple[int, int, int, int]]) -> None:
    """Repeat a merged range's value (its top-left cell) in every cell it covers."""
    for min_row, min_col, max_row, max_col in ranges:
        if min_row > len(grid):
            continue
        top = grid[min_row - 1]
        value = top[min_col - 1] if min_col - 1 < len(top) else ""
        for r in range(min_row, min(max_row, len(grid)) + 1):
            row = grid[r - 1]
            row.extend([""] * (max_col - len(row)))
            for c in range(min_col, max_col + 1):
                row[c - 1] = value


# ---- .ods --------------------------------------------------------------------------------

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _ods_text(cell) -> str:  # noqa: ANN001
    """A cell's paragraphs, one per line; <text:s/> spaces, tabs and line breaks as printed."""
    return cell_text("\n".join(_ods_inline(p) for p in cell.iter(f"{_TEXT}p", f"{_TEXT}h")))


def _ods_inline(el) -> str:  # noqa: ANN001
    parts = [el.text or ""]
    for child in el:
        if child.tag == f"{_TEXT}s":
            parts.append(" " * _int(child.get(f"{_TEXT}c"), 1))
        elif child.tag == f"{_TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif child.tag not in (f"{_TEXT}note", f"{_TEXT}p", f"{_TEXT}h"):
            parts.append(_ods_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default


def _repeat(el, attr: str, limit: int) -> int:  # noqa: ANN001
    try:
        return max(1, min(int(el.get(f"{_T}{attr}", "1")), limit))
    except ValueError:
        return 1


def read_ods(path: Path) -> list[Sheet]:

    with zipfile.ZipFile(path) as zf:
        root = parse_xml(zf.read("content.xml"), ".ods part 'content.xml'")
    sheets = []
    for table in root.iter(f"{_T}table"):
        grid: list[list[str]] = []
        spans: list[tuple[int, int, int, int, str]] = []
        for row in table.iter(f"{_T}table-row"):
            cells: list[str] = []
            for cell in row:
                if cell.tag not in (f"{_T}table-cell", f"{_T}covered-table-cell"):
                    continue
                text = _ods_text(cell) if cell.tag == f"{_T}table-cell" else ""
                times = _repeat(cell, "number-columns-repeated", MAX_COLS)
                rs = _repeat(cell, "number-rows-spanned", MAX_ROWS)
                cs = _repeat(cell, "number-columns-spanned", MAX_COLS)
                if text and (rs > 1 or cs > 1):
                    spans.append((len(grid), len(cells), rs, cs, text))
                cells.extend([text] * times if text else [""] * min(times, MAX_COLS))
            # an empty row repeated to the sheet's end is formatting, not rows
            times = _repeat(row, "number-rows-repeated", MAX_ROWS) if any(cells) else 1
            grid.extend([cells[:MAX_COLS] for _ in range(times)])
            if len(grid) >= MAX_ROWS:
                break
        for r0, c0, rs, cs, text in spans:
            for r in range(r0, min(r0 + rs, len(grid))):
                grid[r] = grid[r] + [""] * max(0, c0 + cs - len(grid[r]))
                for c in range(c0, c0 + cs):
                    grid[r][c] = text
        name = table.get(f"{_T}name", "")
        sheets.append(Sheet(name, tuple(tuple(r) for r in grid)))
    return sheets


# ---- .csv --------------------------------------------------------------------------------

DELIMITERS = ",;\t|"
SNIFF_CHARS = 64 * 1024


def decode_text(data: bytes) -> str:
    """BOM first; else UTF-8 if the bytes are valid UTF-8; else Windows-1252."""
    for bom, name in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the sample's lines into the most consistent number of fields."""
    sample = text[:SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        pass
    lines = [ln for ln in sample.splitlines()[:50] if ln.strip()]
    best, best_score = ",", -1.0
    for delim in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delim)]
        if not counts or max(counts) < 2:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) * common
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv(path: Path) -> Sheet:
    text = decode_text(path.read_bytes())
    delimiter = sniff_delimiter(text)
    rows = []
    try:
        for k, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
            if k >= MAX_ROWS:
                break
            rows.append(tuple(cell_text(c) for c in row[:MAX_COLS]))
    except csv.Error as exc:
        raise ExtractionError(f"unreadable .csv ({exc})") from exc
    return Sheet("", tuple(rows))
