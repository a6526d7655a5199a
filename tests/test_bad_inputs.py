"""Hostile files in one batch with good plans: each bad file gives one clear errors.csv row (or works),
and every good file of the same batch is still in actions.csv.

One `talentmap refresh` run (the real pipeline, as a subprocess) serves every test in this module.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("make_bad", ROOT / "tests" / "fixtures" / "bad" / "make_bad.py")
make_bad = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(make_bad)

LONG_ACTION = "Publish the technical staff handbook " + "and keep it current " * 5000
UNICODE_ROWS = [
    (
        "1.1",
        "Raise the proﬁle of technicians",
        "Fund a ﬁnance\u00a0and HR ﬂoor walk\u00a0each term.",
        "Head\u00a0of Technical Services",
        "Dec\u00a02025",
        "Green",
    ),
    (
        "1.2",
        "Recognition",
        "\u200fنشر\u200f a bilingual newsletter (عربي) \u202bRTL\u202c with café ✓",
        "Dr\u00a0Zoë O\u2019Neil",
        "2026",
        "Amber",
    ),
]

GOOD = {  # source_file -> number of actions it must give
    "good/plan_one.docx": 6,
    "good/plan_two.docx": 9,
    "good/plan.pdf": 16,
    "same/a/plan.docx": 3,
    "same/b/plan.docx": 4,
    "hostile/long_cell.docx": 2,
    "hostile/unicode.docx": 2,
    "hostile/pages_200.pdf": 1600,
    "hostile/owner_password.pdf": 8,
}
SKIPPED = ("notes/README.md", "notes/plans.json")


def build_batch(raw: Path) -> None:
    files = {
        "good/plan_one.docx": make_bad.plan_docx(make_bad.plan_rows(6, seed=1)),
        "good/plan_two.docx": make_bad.plan_docx(make_bad.plan_rows(9, seed=2)),
        "good/plan.pdf": make_bad.plan_pdf(pages=2, seed=3),
        "same/a/plan.docx": make_bad.plan_docx(make_bad.plan_rows(3, seed=4)),
        "same/b/plan.docx": make_bad.plan_docx(make_bad.plan_rows(4, seed=5)),
        "hostile/long_cell.docx": make_bad.plan_docx(
            [("1.1", "Visibility", LONG_ACTION, "HR", "2025", "Green"), *make_bad.plan_rows(1, seed=6)]
        ),
        "hostile/unicode.docx": make_bad.plan_docx(UNICODE_ROWS),
        "hostile/pages_200.pdf": make_bad.plan_pdf(pages=200, seed=7),
        "hostile/owner_password.pdf": make_bad.committed_encrypted_pdf("owner_password.pdf"),
        "hostile/user_password.pdf": make_bad.committed_encrypted_pdf("user_password.pdf"),
        "hostile/empty.pdf": b"",
        "hostile/empty.docx": b"",
        "hostile/truncated.pdf": make_bad.truncated_pdf(),
        "hostile/image_only.pdf": make_bad.image_only_pdf(),
        "hostile/html.pdf": make_bad.HTML_AS_PDF,
        "hostile/not_a_zip.docx": b"Minutes of the technician forum, typed as plain text.\n",
        "hostile/broken_zip.docx": make_bad.plan_docx(make_bad.plan_rows(2))[:3000],
        "hostile/zip_bomb.docx": make_bad.docx_with_part("word/media/bomb.bin", 20 * 2**20),
        "hostile/oversized_part.docx": make_bad.docx_with_part("word/media/big.bin", 60 * 2**20),
        "hostile/prose.docx": make_bad.prose_docx(),
        "hostile/many_parts.docx": make_bad.docx_with_many_parts(20_000),
        "notes/README.md": b"# plans\n",
        "notes/legacy_plan.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500,
        "notes/plans.json": b"{}",
    }
    for name, data in files.items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("bad_batch")
    raw, out = root / "raw", root / "out"
    build_batch(raw)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "talentmap.cli",
            "refresh",
            "--raw",
            str(raw),
            "--out",
            str(out),
            "--jobs",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    actions = pd.read_csv(out / "actions.csv", dtype=str, keep_default_na=False)
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    return {"proc": proc, "actions": actions, "errors": errors}


def error_for(batch: dict[str, object], source_file: str) -> tuple[str, str]:
    errors = batch["errors"]
    rows = errors[errors.source_file == source_file]
    assert len(rows) == 1, f"expected one errors.csv row for {source_file}, got {len(rows)}"
    return rows.stage.iloc[0], rows.error.iloc[0]


def assert_good_files_present(batch: dict[str, object]) -> None:
    counts = batch["actions"].groupby("source_file").size().to_dict()
    assert {name: counts.get(name, 0) for name in GOOD} == GOOD


@pytest.mark.parametrize(
    ("source_file", "stage", "message"),
    [
        ("hostile/empty.pdf", "extract", "empty file (0 bytes)"),
        ("hostile/empty.docx", "extract", "empty file (0 bytes)"),
        ("hostile/truncated.pdf", "extract", "truncated PDF"),
        ("hostile/image_only.pdf", "extract", "no text layer (scanned PDF); OCR is not supported"),
        ("hostile/html.pdf", "extract", "not a PDF file (content looks like HTML)"),
        (
            "hostile/not_a_zip.docx",
            "extract",
            "not a Word .docx file (not a zip archive; content looks like plain text)",
        ),
        ("hostile/broken_zip.docx", "extract", "corrupt .docx (not a valid zip archive"),
        ("hostile/zip_bomb.docx", "extract", "looks like a zip bomb"),
        ("hostile/oversized_part.docx", "extract", "is 60 MB uncompressed (limit 50 MB)"),
        ("hostile/prose.docx", "normalise", "no table and no numbered list"),
        ("hostile/many_parts.docx", "extract", "has 20017 parts (limit 5000; looks like a zip bomb)"),
    ],
)
def test_bad_file_gives_one_clear_error_row(batch: dict, source_file: str, stage: str, message: str) -> None:
    got_stage, error = error_for(batch, source_file)
    assert (got_stage, message in error) == (stage, True), error
    assert_good_files_present(batch)


def test_damaged_legacy_doc_is_one_error_saying_how_to_convert_it(batch: dict) -> None:
    """A .doc goes through LibreOffice when it is installed; a damaged one (or no LibreOffice) is
    one error row that says how to convert the file by hand."""
    stage, error = error_for(batch, "notes/legacy_plan.doc")
    assert stage == "extract"
    assert "save it as .docx" in error, error
    assert_good_files_present(batch)


def test_user_password_pdf_asks_for_the_password(batch: dict) -> None:
    stage, error = error_for(batch, "hostile/user_password.pdf")
    assert stage == "extract"
    assert "password" in error.lower()
    assert_good_files_present(batch)


def test_owner_password_only_pdf_just_works(batch: dict) -> None:
    actions = batch["actions"]
    owner = actions[actions.source_file == "hostile/owner_password.pdf"]
    plain = make_bad.plan_rows(8)
    assert owner.action.tolist() == [r[2] for r in plain]
    assert_good_files_present(batch)


def test_200_page_pdf_works(batch: dict) -> None:
    actions = batch["actions"]
    big = actions[actions.source_file == "hostile/pages_200.pdf"]
    assert big.action.tolist() == [r[2] for r in make_bad.plan_rows(1600, seed=7)]
    assert big.page.iloc[-1] == "200"
    assert_good_files_present(batch)


def test_cell_of_100000_characters_is_kept(batch: dict) -> None:
    actions = batch["actions"]
    long = actions[actions.source_file == "hostile/long_cell.docx"]
    assert " ".join(long.action.iloc[0].split()) == " ".join(LONG_ACTION.split())
    assert_good_files_present(batch)


def test_unusual_unicode_survives(batch: dict) -> None:
    actions = batch["actions"]
    rows = actions[actions.source_file == "hostile/unicode.docx"]
    text = unicodedata.normalize("NFKC", rows.action.iloc[0])
    assert "finance" in text and "floor walk" in text
    assert "bilingual newsletter" in rows.action.iloc[1] and "café" in rows.action.iloc[1]
    assert "Zoë" in rows.lead.iloc[1]
    assert_good_files_present(batch)


def test_same_name_in_two_folders_gives_two_plans(batch: dict) -> None:
    actions = batch["actions"]
    assert actions[actions.source_file == "same/a/plan.docx"].action.nunique() == 3
    assert actions[actions.source_file == "same/b/plan.docx"].action.nunique() == 4
    assert_good_files_present(batch)


def test_unsupported_files_are_named_in_the_summary_not_errors(batch: dict) -> None:
    proc = batch["proc"]
    assert f"skipped 2 unsupported files: {', '.join(SKIPPED)}" in proc.stdout
    assert not set(SKIPPED) & set(batch["errors"].source_file)
    assert_good_files_present(batch)


def test_every_file_accounted_for_exit_1_no_traceback(batch: dict) -> None:
    proc = batch["proc"]
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    failed = set(batch["errors"].source_file)
    produced = set(batch["actions"].source_file)
    assert not failed & produced
    assert len(failed) + len(produced) == 22  # the .doc is now read (through LibreOffice)
    assert proc.stdout.startswith("22 files processed, 0 cached, 13 failed")
