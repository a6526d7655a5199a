"""The two PDF page readers give the same pages: PDFium (the default) against pdfplumber (the
reference) over every PDF fixture, and each known difference pinned down where it can be."""

from __future__ import annotations

import importlib.util
import re
from dataclasses import replace
from pathlib import Path

import pytest

from talentmap.extract import ExtractionError
from talentmap.extract.pdf.page import PageData
from talentmap.extract.pdf.reader import ENCRYPTED, read_pages, read_pdf
from talentmap.extract.pdf.readers import CORRUPT, READERS, page_reader
from talentmap.extract.pdf.settings import PdfSettings

ROOT = Path(__file__).resolve().parent
FIXTURES = sorted((ROOT / "fixtures").rglob("*.pdf"))
SPEC = importlib.util.spec_from_file_location("make_bad", ROOT / "fixtures" / "bad" / "make_bad.py")
make_bad = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(make_bad)
BOX_TOLERANCE = 0.5  # points
# Fixtures where the readers differ in a known way (README, "PDF page readers"), by kind:
UNMAPPED_BULLETS = {  # a bullet of a non-embedded standard font: pdfminer has no Unicode for it,
    # (cid:127), and (its AFM metrics lacking the glyph) no width, so the rest of the line sits
    # left of where it is printed; PDFium reads "•" with the file's width
    f"layoutgen/layoutgen_{n}.pdf"
    for n in ("00060", "01012", "01021", "01071", "01149")
}
# PDFium keeps glyph widths in whole 1/1000 em: x drifts by up to 0.3 pt a line, within the box
# tolerance, but enough to move a word across a rule drawn at its very edge (01151 read rows
# differently so until its two-word justified leads stopped making a column there)
WIDTH_DRIFT: dict[str, str] = {}
# Looks both readers read wrongly today (README, "Layout generator", page_columns limit 1): body
# text floated beside a table ruled down its columns only is read into the table, and which of
# the wrong grids survive differs between the readers (3 tables with pdfminer, 1 with PDFium)
MISREAD: dict[str, str] = {
    "layoutgen_columns/pagecols_03020.pdf": "body text beside a table with column rules only: "
    "read into the table by both readers, into different grids",
}
CID = re.compile(r"\(cid:\d+\)")
SHADE_TOLERANCE = 0.01  # PDFium reports colours as 8-bit RGB


def both(path: Path, read=read_pages) -> dict[str, object]:  # noqa: ANN001
    out: dict[str, object] = {}
    for reader in READERS:
        try:
            out[reader] = read(path, PdfSettings(reader=reader))
        except ExtractionError as exc:
            out[reader] = exc
    return out


def matched(a: list[tuple], b: list[tuple], tolerance: float) -> bool:
    """Whether two lists of records (some exact fields, some numbers) pair up one to one, equal in
    the exact fields and each number within `tolerance`."""
    if len(a) != len(b):
        return False
    pool: dict[tuple, list[tuple]] = {}
    for r in b:
        pool.setdefault(tuple(v for v in r if not isinstance(v, float)), []).append(r)
    for r in a:
        candidates = pool.get(tuple(v for v in r if not isinstance(v, float)), [])
        nums = [v for v in r if isinstance(v, float)]
        hit = next(
            (
                k
                for k, o in enumerate(candidates)
                if all(
                    abs(u - v) <= tolerance
                    for u, v in zip(nums, [v for v in o if isinstance(v, float)], strict=True)
                )
            ),
            None,
        )
        if hit is None:
            return False
        candidates.pop(hit)
    return True


def assert_same_page(a: PageData, b: PageData, boxes: bool = True) -> None:
    assert (a.number, round(a.width, 2), round(a.height, 2)) == (
        b.number,
        round(b.width, 2),
        round(b.height, 2),
    )
    words = [(w.text, w.bold, w.x0, w.x1, w.top, w.bottom, w.size) for w in a.words]
    other = [(w.text, w.bold, w.x0, w.x1, w.top, w.bottom, w.size) for w in b.words]
    assert sorted(x[0] for x in words) == sorted(x[0] for x in other), f"page {a.number}: words differ"
    if boxes:
        assert matched(words, other, BOX_TOLERANCE), f"page {a.number}: word boxes differ"
    edges = [(e.orientation, e.stroked, e.x0, e.x1, e.top, e.bottom) for e in a.edges]
    assert matched(
        edges, [(e.orientation, e.stroked, e.x0, e.x1, e.top, e.bottom) for e in b.edges], BOX_TOLERANCE
    )
    fills = [(f.x0, f.x1, f.top, f.bottom) for f in a.fills]
    assert matched(fills, [(f.x0, f.x1, f.top, f.bottom) for f in b.fills], BOX_TOLERANCE)
    shades = sorted(f.shade for f in a.fills)
    assert all(
        abs(x - y) <= SHADE_TOLERANCE for x, y in zip(shades, sorted(f.shade for f in b.fills), strict=True)
    )
    assert (a.n_images > 0) == (b.n_images > 0)
    # character counts differ in spaces PDFium lays out itself; they only decide "has a text layer"
    least = PdfSettings().min_chars_for_text
    assert (a.n_chars >= least) == (b.n_chars >= least)


def fixture_id(path: Path) -> str:
    return path.relative_to(ROOT / "fixtures").as_posix()


def without_unmapped(a: PageData, b: PageData) -> tuple[PageData, PageData]:
    """Both pages without the words pdfminer could not map ((cid:N)), after checking PDFium
    printed a mapped word in each one's place."""
    unmapped = [w for w in a.words if CID.search(w.text)]
    theirs = [w for w in b.words if "•" in w.text]
    assert len(theirs) == len(unmapped) and not any(CID.search(w.text) for w in b.words)
    return (
        replace(a, words=tuple(w for w in a.words if w not in unmapped)),
        replace(b, words=tuple(w for w in b.words if w not in theirs)),
    )


@pytest.mark.parametrize("path", FIXTURES, ids=fixture_id)
def test_both_readers_read_the_same_pages(path: Path) -> None:
    got = both(path)
    plumber, pdfium = got["pdfplumber"], got["pdfium"]
    if isinstance(plumber, ExtractionError) or isinstance(pdfium, ExtractionError):
        # the same refusal; only the corrupt file's reason is each library's own
        assert type(plumber) is type(pdfium)
        assert str(plumber).split(":")[0] == str(pdfium).split(":")[0], (plumber, pdfium)
        return
    assert len(plumber.pages) == len(pdfium.pages)
    for a, b in zip(plumber.pages, pdfium.pages, strict=True):
        if fixture_id(path) in UNMAPPED_BULLETS:
            a, b = without_unmapped(a, b)
            assert_same_page(a, b, boxes=False)
        else:
            assert_same_page(a, b)


def _rows_params() -> list:
    known = {
        **WIDTH_DRIFT,
        **MISREAD,
        **dict.fromkeys(UNMAPPED_BULLETS, "pdfminer's bullet has no width: its line shifts"),
    }
    return [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=known[fixture_id(p)]))
        if fixture_id(p) in known
        else p
        for p in FIXTURES
    ]


@pytest.mark.parametrize("path", _rows_params(), ids=fixture_id)
def test_both_readers_give_the_same_rows_and_lines(path: Path) -> None:
    got = both(path, read_pdf)
    plumber, pdfium = got["pdfplumber"], got["pdfium"]
    if isinstance(plumber, ExtractionError):
        assert isinstance(pdfium, ExtractionError)
        return

    assert [t.rows for t in pdfium.tables] == [t.rows for t in plumber.tables]
    assert [(x.text, x.page, x.style) for x in pdfium.lines] == [
        (x.text, x.page, x.style) for x in plumber.lines
    ]


def test_pdfium_is_the_default_reader() -> None:
    assert PdfSettings().reader == READERS[0] == "pdfium"
    with pytest.raises(ValueError, match="unknown PDF reader"):
        page_reader("pymupdf")


def test_encrypted_and_truncated_files_get_the_same_clear_errors_from_pdfium() -> None:
    with pytest.raises(ExtractionError, match=f"^{re.escape(ENCRYPTED)}$"):
        read_pages(ROOT / "fixtures" / "pdf" / "encrypted.pdf", PdfSettings(reader="pdfium"))
    with pytest.raises(ExtractionError, match=rf"^{CORRUPT}: PDFium: data format error$"):
        read_pages(ROOT / "fixtures" / "pdf" / "truncated.pdf", PdfSettings(reader="pdfium"))


def _overprinted(tmp_path: Path) -> Path:
    """'Bold' printed twice a hair apart (a way to fake a bold face) beside plain text."""
    content = (
        b"BT /F1 12 Tf 72 500 Td (Bold) Tj ET BT /F1 12 Tf 72.3 500 Td (Bold) Tj ET "
        b"BT /F1 12 Tf 150 500 Td (heading and some plain words) Tj ET"
    )
    path = tmp_path / "overprinted.pdf"
    path.write_bytes(make_bad._pdf([content]))
    return path


def test_known_difference_overprinted_duplicate_text_is_read_once_by_pdfium(tmp_path: Path) -> None:
    """PDFium drops a text object repeated on top of itself; pdfminer keeps both copies, and the
    word comes out with every letter doubled."""
    path = _overprinted(tmp_path)
    texts = {
        r: [w.text for p in read_pages(path, PdfSettings(reader=r)).pages for w in p.words] for r in READERS
    }
    assert texts["pdfium"][0] == "Bold"
    assert texts["pdfplumber"][0] == "BBoolldd"
    assert texts["pdfium"][1:] == texts["pdfplumber"][1:]


def test_known_difference_line_end_hyphen_is_read_as_a_hyphen(tmp_path: Path) -> None:
    """PDFium marks a hyphen that ends a line specially; the reader turns it back into "-"."""
    content = b"BT /F1 12 Tf 72 500 Td (a well-) Tj ET BT /F1 12 Tf 72 480 Td (known word) Tj ET"
    path = tmp_path / "hyphen.pdf"
    path.write_bytes(make_bad._pdf([content]))
    words = [w.text for w in read_pages(path, PdfSettings(reader="pdfium")).pages[0].words]
    assert words == ["a", "well-", "known", "word"]


def test_reader_option_reaches_the_pipeline_through_refresh_and_extract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--reader` on both commands: the same actions either way, each reader's run cached apart."""
    from talentmap.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plan.pdf").write_bytes((ROOT / "fixtures" / "pdf" / "grid.pdf").read_bytes())
    outputs = {}
    for reader in READERS:
        out = tmp_path / f"out_{reader}"
        assert main(["refresh", "--raw", str(raw), "--out", str(out), "--jobs", "1", "--reader", reader]) == 0
        outputs[reader] = (out / "actions.csv").read_text(encoding="utf-8")
    assert outputs["pdfium"] == outputs["pdfplumber"]
    assert outputs["pdfium"].count("\n") > 5
    import talentmap

    api_out = tmp_path / "out_api"
    talentmap.refresh(raw, api_out, jobs=1, pdf_reader="pdfplumber")  # the API takes the choice too
    assert (api_out / "actions.csv").read_text(encoding="utf-8") == outputs["pdfplumber"]
    capsys.readouterr()
    printed = {}
    for reader in READERS:
        assert main(["extract", str(raw / "plan.pdf"), "--reader", reader]) == 0
        printed[reader] = capsys.readouterr().out
    assert printed["pdfium"] == printed["pdfplumber"] and printed["pdfium"].count("\n") > 5
    with pytest.raises(SystemExit):
        main(["extract", str(raw / "plan.pdf"), "--reader", "pymupdf"])
