"""The command line and the API behave like their ecosystem: --version, python -m, -v/-q anywhere,
formats by extension, several files, one-line usage errors, a dataset that a typo cannot wipe."""

from __future__ import annotations

import inspect
import io
import json
import logging
import pydoc
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import RAW, ROOT
from openpyxl import load_workbook

import talentmap
from talentmap.batch import EmptyRawFolderError, Task
from talentmap.cli import main
from talentmap.errors import FileError
from talentmap.progress import BarProgress
from talentmap.workers import Outcome

DOCX = RAW / "eastfield_statement.docx"
PDF = RAW / "westbrook_tc_action_plan.pdf"


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def restore_talentmap_log_level():  # noqa: ANN201
    """main(-v) sets the level of the `talentmap` logger; put it back for the other tests."""
    logger = logging.getLogger("talentmap")
    level = logger.level
    yield
    logger.setLevel(level)


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "talentmap", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def assert_one_line_usage_error(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("talentmap: error: "), stderr


# -- --version, python -m, verbosity -----------------------------------------------------------


def test_version_and_python_dash_m() -> None:
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"talentmap {talentmap.__version__}"


@pytest.mark.parametrize("argv", [["-v", "extract", str(DOCX)], ["extract", str(DOCX), "-v"]])
def test_verbose_before_or_after_the_subcommand_shows_the_stages(
    argv: list[str], caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(DOCX)]) == 0
    assert not [r for r in caplog.records if r.levelno == logging.INFO]  # quiet without -v
    assert main(argv) == 0
    info = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert any("extract:" in m for m in info) and any("normalise: 4 actions" in m for m in info)
    assert any("mapping:" in m for m in info)


def test_quiet_after_the_subcommand_is_accepted(caplog: pytest.LogCaptureFixture, capsys) -> None:  # noqa: ANN001
    assert main(["extract", str(DOCX), "-q"]) == 0
    assert logging.getLogger("talentmap").level == logging.ERROR


def test_quiet_refresh_prints_only_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(DOCX, raw)
    out = str(tmp_path / "out")
    assert main(["refresh", "--raw", str(raw), "--out", out, "--jobs", "1", "-q"]) == 0
    assert main(["report", "--out", out, "-q"]) == 0
    assert capsys.readouterr() == ("", "")
    (raw / "bad.pdf").write_bytes(b"<html>no</html>")
    assert main(["-q", "refresh", "--raw", str(raw), "--out", out, "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("FAILED bad.pdf [extract]") and len(captured.out.splitlines()) == 1
    assert captured.err == ""


def test_debug_does_not_flood_with_pdfminer() -> None:
    proc = run("-vv", "extract", str(PDF))
    assert proc.returncode == 0
    assert "pdfminer" not in proc.stderr
    assert "INFO talentmap.pipeline: westbrook_tc_action_plan.pdf: extract" in proc.stderr
    assert len(proc.stderr.splitlines()) < 100


def test_refresh_verbose_reports_the_batch_stages(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(DOCX, raw)
    proc = run("refresh", "--raw", str(raw), "--out", str(tmp_path / "out"), "--jobs", "1", "-v")
    assert proc.returncode == 0, proc.stderr
    assert (
        "1 plans found" in proc.stderr
        and "to extract" in proc.stderr
        and "writing the outputs" in proc.stderr
    )


# -- extract: formats, several files, folders ----------------------------------------------------


def read_output(path: Path) -> list[dict]:
    suffix = path.suffix
    if suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    if suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if suffix == ".parquet":
        assert pq.read_schema(path).field("needs_review").type == pa.bool_()
        return pq.read_table(path).to_pylist()
    if suffix == ".xlsx":
        rows = list(load_workbook(path)["actions"].iter_rows(values_only=True))
        return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    if suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False).to_dict("records")
    lines = path.read_text(encoding="utf-8").splitlines()  # markdown
    assert lines[0].startswith("| plan_id | institution |") and lines[1].startswith("|---|")
    return [{"row": line.split(" | ")[5]} for line in lines[2:]]


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl", ".xlsx", ".parquet", ".md"])
def test_extract_picks_the_format_from_the_extension(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"plan{suffix}"
    assert main(["extract", str(DOCX), "--out", str(out)]) == 0
    rows = read_output(out)
    assert [str(r["row"]) for r in rows] == ["1", "2", "3", "4"]
    if suffix in (".json", ".jsonl", ".parquet", ".xlsx"):  # typed formats
        assert rows[0]["needs_review"] in (True, False) and isinstance(rows[0]["row"], int)
    if suffix in (".json", ".jsonl", ".parquet"):
        assert isinstance(rows[0]["rec_candidates"], list) and rows[0]["page"] is None


def test_extract_format_option_wins_and_writes_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(DOCX), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 4 and rows[0]["source_file"] == "eastfield_statement.docx"


def test_extract_refuses_an_extension_it_cannot_read_as_a_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(DOCX), "--out", str(tmp_path / "plan.txt")])
    assert exc.value.code == 2
    assert_one_line_usage_error(capsys.readouterr().err)
    assert not (tmp_path / "plan.txt").exists()


def test_extract_binary_format_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(DOCX), "--format", "parquet"])
    assert exc.value.code == 2 and "--out" in capsys.readouterr().err


def test_extract_several_files_and_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(DOCX), str(RAW / "ashford_talent_progress.docx")]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str)
    assert sorted(set(frame.source_file)) == ["ashford_talent_progress.docx", "eastfield_statement.docx"]
    folder = tmp_path / "plans"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(DOCX, folder / "sub")
    shutil.copy(RAW / "ashford_talent_progress.docx", folder)
    (folder / "notes.txt").write_text("not a plan")
    assert main(["extract", str(folder), "--out", str(tmp_path / "all.csv")]) == 0
    frame = pd.read_csv(tmp_path / "all.csv", dtype=str)
    assert sorted(set(frame.source_file)) == ["ashford_talent_progress.docx", "sub/eastfield_statement.docx"]


def test_extract_several_files_one_failing_gives_exit_1_and_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"<html>no</html>")
    assert main(["extract", str(bad), str(DOCX)]) == 1
    captured = capsys.readouterr()
    assert "bad.pdf: [extract]" in captured.err
    assert set(pd.read_csv(io.StringIO(captured.out)).source_file) == {"eastfield_statement.docx"}


# -- usage errors: exit 2, one line, no traceback ------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "missing.pdf"],
        ["extract", str(DOCX), "--out", "no/such/folder/plan.csv"],
        ["extract", str(DOCX), "--out", "/proc/talentmap.csv"],
        ["extract", str(DOCX), "--out", "plan.unknown"],
        ["refresh", "--raw", "data/raw_typo", "--out", "unused"],
        ["refresh", "--frobnicate"],
    ],
)
def test_usage_errors_are_exit_2_with_one_line(argv: list[str], tmp_path: Path) -> None:
    argv = [str(ROOT / a) if a == str(DOCX) else a for a in argv]
    proc = run(*argv, cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert_one_line_usage_error(proc.stderr)
    assert proc.stdout == ""


def test_refresh_out_that_cannot_be_written_is_exit_2(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(DOCX, raw)
    proc = run("refresh", "--raw", str(raw), "--out", "/proc/talentmap-out", "--jobs", "1")
    assert proc.returncode == 2
    assert_one_line_usage_error(proc.stderr)


# -- terminals ---------------------------------------------------------------------------------


def test_a_failure_on_the_progress_bar_says_failed_once() -> None:
    stream = Terminal()
    error = FileError("bad.pdf", "extract", "not a PDF file")
    with BarProgress(1, 0, stream) as bar:
        bar.done(Outcome(Task(Path("bad.pdf"), "bad.pdf"), None, error, 0.1))
    lines = [line for line in stream.getvalue().splitlines() if "bad.pdf" in line and "not a PDF" in line]
    assert lines and all(line.count("FAILED") == 1 for line in lines), stream.getvalue()


def test_extract_explain_on_a_terminal_prints_the_explanation_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["extract", str(PDF), "--explain"]) == 0
    assert terminal.getvalue() == ""
    assert "institution: Westbrook University" in capsys.readouterr().err


# -- refresh cannot wipe a dataset by mistake ----------------------------------------------------


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("processed")
    raw = tmp_path_factory.mktemp("raw")
    shutil.copy(DOCX, raw)
    talentmap.refresh(raw, out, jobs=1)
    assert len(pd.read_csv(out / "actions.csv")) == 4
    return out


def test_refresh_of_a_missing_folder_raises_and_leaves_the_dataset(dataset: Path, tmp_path: Path) -> None:
    before = (dataset / "actions.csv").read_bytes()
    with pytest.raises(FileNotFoundError, match="raw_typo"):
        talentmap.refresh(tmp_path / "raw_typo", dataset)
    assert (dataset / "actions.csv").read_bytes() == before


def test_refresh_of_an_empty_folder_refuses_to_replace_a_dataset(dataset: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README.md").write_text("no plans here")
    before = (dataset / "actions.csv").read_bytes()
    with pytest.raises(EmptyRawFolderError, match="allow-empty"):
        talentmap.refresh(empty, dataset)
    proc = run("refresh", "--raw", str(empty), "--out", str(dataset))
    assert proc.returncode == 2
    assert_one_line_usage_error(proc.stderr)
    assert "holds no plans" in proc.stderr and "--allow-empty" in proc.stderr
    assert (dataset / "actions.csv").read_bytes() == before


def test_refresh_allow_empty_empties_the_dataset_and_a_new_folder_needs_no_flag(
    dataset: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert talentmap.refresh(empty, tmp_path / "fresh").actions == 0  # nothing to replace: fine
    copy = tmp_path / "copy"
    shutil.copytree(dataset, copy)
    assert main(["refresh", "--raw", str(empty), "--out", str(copy), "--allow-empty"]) == 0
    assert pd.read_csv(copy / "actions.csv").empty


# -- the API -----------------------------------------------------------------------------------


def test_api_exports_and_explicit_refresh_keywords() -> None:
    from talentmap import PipelineError, RefreshSummary

    assert {"PipelineError", "RefreshSummary", "read_dataset", "read_plan", "refresh"} <= set(
        talentmap.__all__
    )
    assert PipelineError.__module__ == "talentmap.pipeline" and RefreshSummary.__module__ == "talentmap.batch"
    params = inspect.signature(talentmap.refresh).parameters
    keywords = [n for n, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY]
    assert keywords == [
        "jobs",
        "force",
        "timeout",
        "overrides",
        "allow_empty",
        "progress_stream",
        "pdf_reader",
    ]
    assert "allow_empty" in pydoc.render_doc(talentmap.refresh)
    with pytest.raises(AttributeError):
        talentmap.no_such_name  # noqa: B018


def test_import_works_without_posix_modules_and_refresh_says_why() -> None:
    code = (
        "import sys; sys.modules['fcntl'] = None\n"
        "import talentmap, talentmap.cli, talentmap.batch\n"
        "try:\n    talentmap.refresh('data/raw', sys.argv[1])\n"
        "except RuntimeError as exc:\n    print(exc)\n"
    )
    with_tmp = subprocess.run(
        [sys.executable, "-c", code, "/tmp/talentmap-no-fcntl"], capture_output=True, text=True, cwd=ROOT
    )
    assert with_tmp.returncode == 0, with_tmp.stderr
    assert "Linux and macOS" in with_tmp.stdout


def test_wheel_ships_py_typed_and_main(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(
        ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "data", "tests", "benchmarks")
    )
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source), "-w", str(tmp_path / "wheel")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0 and "setuptools" in proc.stderr:
        pytest.skip(f"cannot build a wheel here (no build backend): {proc.stderr[-200:]}")
    assert proc.returncode == 0, proc.stderr
    import zipfile

    (wheel,) = (tmp_path / "wheel").glob("talentmap-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "talentmap/py.typed" in names and "talentmap/__main__.py" in names
