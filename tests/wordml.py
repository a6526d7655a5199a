"""Build .docx fixtures from raw WordprocessingML: python-docx's default package (styles, numbering,
header parts) with word/document.xml replaced by the body under test."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
)
HEADER = ("Ref", "Objective", "Action", "Lead", "Timescale", "Status")


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(*content: str, ppr: str = "") -> str:
    """A paragraph: plain strings become runs, strings starting with "<" are raw XML."""
    inner = "".join(c if c.startswith("<") else run(c) for c in content)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{inner}</w:p>"


def tc(*content: str, tcpr: str = "") -> str:
    blocks = (
        "".join(
            c if c.startswith("<w:p") or c.startswith("<w:tbl") or c.startswith("<w:sdt") else p(c)
            for c in content
        )
        or "<w:p/>"
    )
    return f"<w:tc>{f'<w:tcPr>{tcpr}</w:tcPr>' if tcpr else ''}{blocks}</w:tc>"


def tr(*cells: str, trpr: str = "") -> str:
    inner = "".join(c if c.startswith("<") else tc(c) for c in cells)
    return f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}{inner}</w:tr>"


def tbl(*rows: str, grid: int) -> str:
    cols = "".join('<w:gridCol w:w="1500"/>' for _ in range(grid))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


def sdt(content: str) -> str:
    alias = '<w:sdtPr><w:alias w:val="Repeating"/></w:sdtPr>'
    return f"<w:sdt>{alias}<w:sdtContent>{content}</w:sdtContent></w:sdt>"


def header_row() -> str:
    return tr(*HEADER)


def write(path: Path, body: str, name: str = "plan.docx") -> Path:
    """A .docx whose body is `body`, keeping the default package's styles, numbering and parts."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    out = path / name
    document = f"<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = document.encode() if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return out


def replace_part(path: Path, name: str, data: bytes) -> None:
    """Rewrite one part of a saved package in place (adding it if absent)."""
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    parts[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for filename, content in parts.items():
            dst.writestr(filename, content)
