"""The layout generator itself: its truth agrees with what it prints, renderings carry the truth,
every header it prints is a synonym the normaliser lists, and its scorer counts right."""

from __future__ import annotations

import itertools
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layoutgen import make_sample, samples, score_sample, truth_records
from layoutgen.plan import HEADERS, RECORD_FIELDS
from layoutgen.printed import Table, Text, print_plan
from layoutgen.scoring import max_weight_pairs

from talentmap.normalise.headers import WEAK_SCORE, WEAK_SYNONYMS, header_matches

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def read_back(blocks) -> list[dict[str, str]]:
    """Records as a careful reader of the printed blocks gets them: a merged cell's value in every
    row it covers, a blank group cell continuing the value above it, the pillar from the section
    row, heading or theme column, an objective row over the rows below it."""
    from talentmap.normalise.themes import heading_pillar, theme_cell_pillar

    records, pillar = [], ""
    for block in blocks:
        if isinstance(block, Text):
            if block.role == "heading":
                pillar = heading_pillar(block.text)
            continue
        fields = [c.field for c in block.columns]
        covered: dict[tuple[int, int], str] = {}
        above: dict[str, str] = {}
        objective_row = ""
        for r, row in enumerate(block.rows[block.header_rows :], start=block.header_rows):
            first = row[0]
            if first is not None and first.role == "section":
                pillar, above = heading_pillar(first.text), {}
                continue
            if first is not None and first.role == "objective_row":
                objective_row = first.text
                continue
            rec = dict.fromkeys(RECORD_FIELDS, "")
            rec["theme"], rec["objective"] = pillar, objective_row
            for c, cell in enumerate(row):
                if cell is None:
                    text = covered[(r, c)]
                else:
                    text = cell.text
                    for dr in range(cell.rowspan):
                        covered[(r + dr, c)] = text
                if fields[c] in ("objective", "stated_rec", "theme") and not text:
                    text = above[fields[c]]
                above[fields[c]] = text
                if fields[c] == "theme":
                    rec["theme"] = theme_cell_pillar(text)
                elif fields[c] == "stated_rec":
                    rec["stated_rec"] = "R" + str(int(re.sub(r"\D", "", text)))
                else:
                    rec[fields[c]] = text
            records.append(rec)
    return records


@SETTINGS
@given(samples())
def test_every_printed_row_is_a_truth_record_with_group_values_repeated(sample) -> None:
    assert read_back(print_plan(sample.plan, sample.look)) == truth_records(sample.plan)


@SETTINGS
@given(samples())
def test_every_truth_record_is_printed_once_in_order(sample) -> None:
    rows = []
    for block in print_plan(sample.plan, sample.look):
        if isinstance(block, Table):
            for row in block.rows[block.header_rows :]:
                held = {cell.record for cell in row if cell is not None and cell.record is not None}
                rows.extend(held)
                assert len(held) <= 1
    assert rows == list(range(len(truth_records(sample.plan))))


@settings(SETTINGS, max_examples=15)
@given(samples(producers=("libreoffice",)))
def test_word_rendering_holds_the_truth_row_by_row(sample) -> None:
    """python-docx reads the written .docx grid back: each body row is one truth record, a merged
    cell repeated in every row it covers, a value printed once blank below it."""
    from docx import Document
    from layoutgen.render_docx import write_docx

    from talentmap.normalise.themes import theme_cell_pillar

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.docx"
        write_docx(sample.plan, sample.look, path)
        doc = Document(str(path))
    fields = sample.plan.fields
    header_rows = 2 if sample.look.header_group else 1
    body = [
        [c.text for c in row.cells]
        for table in doc.tables
        for row in table.rows[header_rows:]
        if len({c._tc for c in row.cells}) > 1  # section and objective rows are one merged cell
    ]
    truth = truth_records(sample.plan)
    assert len(body) == len(truth)
    once = sample.look.group_style == "once"
    for cells, rec in zip(body, truth, strict=True):
        for field, text in zip(fields, cells, strict=True):
            if field in ("ref", "action", "measure", "lead", "timescale", "status", "progress"):
                assert text == rec[field]
            elif field == "theme":
                assert theme_cell_pillar(text) == rec["theme"] or (once and text == "")
            elif field == "objective":
                assert text == rec["objective"] or (once and text == "")


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", text.casefold()))


def missing_words(truth_text: str, printed: str) -> set[str]:
    """Truth words not found in the printed text (a narrow cell may break a word over lines)."""
    joined = re.sub(r"\s+", "", printed).casefold()
    return {w for w in words(truth_text) if w not in joined}


@pytest.mark.parametrize("seed", range(6))
def test_reportlab_pdf_prints_every_field_in_its_own_column(seed: int) -> None:
    """Nothing of the truth is clipped or lost: each field's words are found inside its column's
    strip of the page (the strips follow from the look's widths and margins)."""
    import pdfplumber
    from layoutgen.sample import _reportlab

    sample = make_sample(seed, producers=("reportlab",))
    truth = truth_records(sample.plan)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "plan.pdf"
        look = _reportlab(sample, pdf).look
        with pdfplumber.open(pdf) as doc:
            left = look.margin_cm * 72 / 2.54
            usable = doc.pages[0].width - 2 * left
            edges = list(itertools.accumulate(look.widths, initial=0.0))
            for col, field in enumerate(sample.plan.fields):
                x0 = left + usable * edges[col] / edges[-1]
                x1 = left + usable * edges[col + 1] / edges[-1]
                strip = "\n".join(
                    page.crop((x0 - 1, 0, x1 + 1, page.height)).extract_text() or "" for page in doc.pages
                )
                assert not missing_words(" ".join(r[field] for r in truth), strip), field


@pytest.mark.parametrize("seed", range(4))
def test_html_page_carries_every_word_of_the_truth(seed: int) -> None:
    import html

    from layoutgen.render_html import write_html

    sample = make_sample(seed, producers=("chromium",))
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "plan.html"
        write_html(sample.plan, sample.look, page)
        text = html.unescape(re.sub(r"<[^>]+>", " ", page.read_text()))
    assert not missing_words(" ".join(v for r in truth_records(sample.plan) for v in r.values()), text)


def test_every_printed_header_is_a_listed_synonym_of_its_field() -> None:
    for field, headers in HEADERS.items():
        for header in headers:
            best = header_matches(header)[0]
            listed = WEAK_SCORE if header in WEAK_SYNONYMS else 100.0  # generic words score lower
            assert (best.field, best.score) == (field, listed), header


def test_a_seed_is_one_sample_and_seeds_differ() -> None:
    assert make_sample(7) == make_sample(7)
    assert len({make_sample(s).look.describe() for s in range(20)}) == 20


def test_seeds_cover_every_producer_rule_family_and_section_style() -> None:
    looks = [make_sample(s).look for s in range(200)]
    assert {lk.producer for lk in looks} == {"libreoffice", "reportlab", "chromium"}
    assert {lk.rules for lk in looks} >= {"grid", "horizontal", "booktabs", "header_only", "none", "random"}
    assert {lk.section_style for lk in looks} == {"none", "row", "heading", "column"}
    assert {lk.group_style for lk in looks} == {"repeat", "span", "once"}


# --- the scorer ----------------------------------------------------------------------------------

GOLD = [
    {"ref": "1.1", "action": "Set up a technician network across all faculties", "lead": "HR"},
    {"ref": "1.2", "action": "Publish the technical staff newsletter each term", "lead": "Comms"},
    {"ref": "2.1", "action": "Fund professional registration for all technicians", "lead": "HR"},
]


def test_a_perfect_prediction_scores_one() -> None:
    sc = score_sample(GOLD, [dict(g) for g in GOLD])
    assert (sc.f1, sc.field_acc) == (1.0, 1.0)


def test_a_merged_pair_of_rows_matches_neither_and_a_wrong_field_counts() -> None:
    merged = {"ref": "1.1", "action": GOLD[0]["action"] + " " + GOLD[1]["action"], "lead": "HR"}
    wrong_lead = {**GOLD[2], "lead": "Comms"}
    sc = score_sample(GOLD, [merged, wrong_lead])
    assert sc.matched == 1 and sc.f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert sc.per_field["lead"] == (0, 1) and sc.per_field["action"] == (1, 1)


def test_status_and_theme_are_read_the_way_the_contract_writes_them() -> None:
    gold = [{"action": "Run a skills audit", "status": "G", "theme": "Career Development"}]
    row = {
        "action": "Run a skills audit",
        "status": "on_track",
        "status_raw": "",
        "theme": "Career Development",
    }
    assert score_sample(gold, [row]).field_acc == 1.0


@given(
    st.lists(st.lists(st.integers(0, 20), min_size=1, max_size=5), min_size=1, max_size=5).filter(
        lambda m: len({len(r) for r in m}) == 1
    )
)
@settings(max_examples=150, deadline=None, derandomize=True, database=None)
def test_assignment_reaches_the_best_total_weight(matrix) -> None:
    pairs = max_weight_pairs([[float(v) for v in row] for row in matrix])
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    n, m = len(matrix), len(matrix[0])
    k = min(n, m)
    best = max(
        sum(matrix[i][j] for i, j in zip(rows, cols, strict=True))
        for rows in itertools.permutations(range(n), k)
        for cols in itertools.permutations(range(m), k)
    )
    assert sum(matrix[i][j] for i, j in pairs) == best
