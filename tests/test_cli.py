"""The command line: exit codes of the contract, skipped files named, explain output and debug log."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pandas as pd
import pytest

from talentmap.cli import main

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


def test_missing_raw_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["refresh", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert exc.value.code == 2


def test_unknown_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["refresh", "--frobnicate"])
    assert exc.value.code == 2


def test_non_plan_files_are_skipped_and_named_not_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "eastfield_statement.docx", raw)
    (raw / "README.md").write_text("notes")
    (raw / "meta.json").write_text("{}")
    code = main(["refresh", "--raw", str(raw), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "skipped 2 unsupported files: README.md, meta.json" in printed
    assert pd.read_csv(tmp_path / "out" / "errors.csv").empty


def test_a_failed_file_gives_exit_1_and_keeps_the_others(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "eastfield_statement.docx", raw)
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage")
    assert main(["refresh", "--raw", str(raw), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 1
    actions = pd.read_csv(tmp_path / "out" / "actions.csv", dtype=str, keep_default_na=False)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", dtype=str)
    assert set(actions["source_file"]) == {"eastfield_statement.docx"}
    assert list(errors["source_file"]) == ["broken.pdf"]


def test_extract_explain_prints_column_decisions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(RAW / "westbrook_tc_action_plan.pdf"), "--explain"]) == 0
    captured = capsys.readouterr()
    assert "'Owner'" in captured.err and "-> lead" in captured.err
    assert "institution: Westbrook University" in captured.err
    assert captured.out.startswith("plan_id,institution,period,source_file")


def test_refresh_logs_the_explanation_at_debug_level(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "ashford_talent_progress.docx", raw)
    with caplog.at_level(logging.DEBUG, logger="talentmap"):
        assert main(["refresh", "--raw", str(raw), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    debug = "\n".join(r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG)
    assert "ashford_talent_progress.docx" in debug and "-> progress" in debug
