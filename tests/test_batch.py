"""refresh() mechanics with a fake pipeline: cache, parallel workers, time limits, crashes, atomicity.

The fake processor (tests/test_batch_fakes.py, loaded by name in the worker processes) reads a
command from the file's first line, so each test builds exactly the behaviour it needs:
`rows N`, `sleep S`, `fail`, `crash`, `segv`, `memory`, `raise`.
"""

from __future__ import annotations

import io
import logging
import os
import re
from pathlib import Path

import pandas as pd
import pytest
from test_batch_fakes import fake_process

from talentmap.batch import FileError, refresh
from talentmap.cache import ResultCache, pipeline_version
from talentmap.inputs import input_digest

FAKE = "test_batch_fakes:fake_processor"


def make(raw: Path, name: str, content: str) -> Path:
    path = raw / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    return path


def calls(path: Path) -> int:
    marker = path.parent / f".{path.name}.calls"
    return len(marker.read_text().splitlines()) if marker.exists() else 0


def run(raw: Path, out: Path, **kwargs):
    kwargs.setdefault("jobs", 2)
    return refresh(raw, out, processor=FAKE, progress_stream=io.StringIO(), **kwargs)


def errors_of(out: Path) -> dict[str, tuple[str, str]]:
    frame = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    assert list(frame.columns) == ["source_file", "stage", "error"]
    return {r.source_file: (r.stage, r.error) for r in frame.itertuples()}


def actions_of(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "actions.csv", dtype=str, keep_default_na=False)


def test_unchanged_files_come_from_the_cache(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    a, b = make(raw, "a.docx", "rows 2"), make(raw, "b.docx", "rows 3")
    first = run(raw, out)
    assert (first.processed, first.cached, first.actions) == (2, 0, 5)
    second = run(raw, out)
    assert (second.processed, second.cached, second.actions) == (0, 2, 5)
    assert (calls(a), calls(b)) == (1, 1)
    assert len(actions_of(out)) == 5


def test_changed_file_is_reextracted_and_removed_file_disappears(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    a, b = make(raw, "a.docx", "rows 2"), make(raw, "b.docx", "rows 3")
    run(raw, out)
    a.write_text("rows 4")
    b.unlink()
    summary = run(raw, out)
    assert (summary.processed, summary.cached, summary.actions) == (1, 0, 4)
    assert set(actions_of(out).source_file) == {"a.docx"}
    assert calls(a) == 2
    entries = list((out / ".cache").glob("*/*.json"))
    assert len(entries) == 1  # b's entry was pruned


def test_force_reextracts_everything(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    a = make(raw, "a.docx", "rows 2")
    run(raw, out)
    summary = run(raw, out, force=True)
    assert (summary.processed, summary.cached) == (1, 0)
    assert calls(a) == 2


def test_code_change_invalidates_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import talentmap.batch

    raw, out = tmp_path / "raw", tmp_path / "out"
    a = make(raw, "a.docx", "rows 2")
    run(raw, out)
    old = next((out / ".cache").iterdir())
    # a different pipeline version (as a code change gives) finds nothing and prunes the old one
    monkeypatch.setattr(talentmap.batch, "pipeline_version", lambda salt: "changed")
    summary = run(raw, out)
    assert (summary.processed, summary.cached) == (1, 0)
    assert calls(a) == 2
    assert not old.exists()


def test_pipeline_version_follows_source_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    first = pipeline_version()
    assert first == pipeline_version()
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "mod.py").write_text("x = 1\n")
    spec = importlib.util.find_spec("talentmap.normalise")
    monkeypatch.setattr(spec, "submodule_search_locations", [str(pkg)])
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda n: spec if n == "talentmap.normalise" else real_find_spec(n)
    )
    changed = pipeline_version()
    (pkg / "mod.py").write_text("x = 2\n")
    assert changed != first
    assert pipeline_version() != changed


def test_deterministic_failures_are_cached_timeouts_once_they_recur(tmp_path: Path) -> None:
    """A time-out or crash may be the machine's fault: tried again once; when the same bytes fail so
    again it is served from the cache (a larger --timeout or --force tries again)."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    LIMIT = 3  # seconds; long enough that a loaded machine's worker start-up never times out "fail"
    bad = make(raw, "bad.docx", "fail")
    slow = make(raw, "slow.docx", "sleep 30")
    crash = make(raw, "crash.docx", "crash")
    run(raw, out, timeout=LIMIT)
    # a file whose worker was lost beside a crash may be run twice in one refresh: count from here
    base = calls(bad), calls(slow), calls(crash)
    summary = run(raw, out, timeout=LIMIT)
    assert (calls(bad), calls(slow), calls(crash)) == (base[0], base[1] + 1, base[2] + 1)
    assert summary.failed == 3 and summary.exit_code == 1
    summary = run(raw, out, timeout=LIMIT)
    assert (calls(bad), calls(slow), calls(crash)) == (
        base[0],
        base[1] + 1,
        base[2] + 1,
    )  # the third refresh pays nothing
    assert summary.failed == 3 and summary.processed == 0
    assert f"timed out after {LIMIT} s" in errors_of(out)["slow.docx"][1]
    assert "failed this way on 2 runs" in errors_of(out)["slow.docx"][1]
    run(raw, out, timeout=LIMIT + 1.5)  # a larger limit is a new trial
    assert (calls(bad), calls(slow), calls(crash)) == (base[0], base[1] + 2, base[2] + 1)
    run(raw, out, timeout=LIMIT, force=True)
    assert (calls(bad), calls(slow), calls(crash)) == (base[0] + 1, base[1] + 3, base[2] + 2)


def test_corrupt_cache_entry_is_a_miss(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    a = make(raw, "a.docx", "rows 2")
    run(raw, out)
    for entry in (out / ".cache").glob("*/*.json"):
        entry.write_text('{"source_file": "a.docx", "sha2')
    summary = run(raw, out)
    assert (summary.processed, summary.actions) == (1, 2)
    assert calls(a) == 2


def test_cache_round_trips_a_result(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_text("rows 2")
    result = fake_process(tmp_path / "a.docx", "a.docx")
    cache = ResultCache.under(tmp_path / "out", "v1")
    cache.store("a.docx", "d1", result)
    cache.store("b.docx", "d2", FileError("b.docx", "extract", "empty file (0 bytes)"))
    assert cache.load("a.docx", "d1") == result
    assert cache.load("b.docx", "d2") == FileError("b.docx", "extract", "empty file (0 bytes)")
    assert cache.load("a.docx", "other") is None
    assert len(input_digest(tmp_path / "a.docx")) == 64


def test_timeout_kills_the_file_and_the_others_finish(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "hang.docx", "sleep 600")
    for i in range(4):
        make(raw, f"ok{i}.docx", "rows 1")
    summary = run(raw, out, timeout=1.5)
    ((name, (stage, error)),) = errors_of(out).items()
    assert (name, stage) == ("hang.docx", "batch")
    assert error.startswith("timed out after 1.5 s")
    assert set(actions_of(out).source_file) == {f"ok{i}.docx" for i in range(4)}
    assert summary.exit_code == 1


def test_memory_hog_is_killed_and_reported(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "hog.docx", "hog 400")
    make(raw, "ok.docx", "rows 2")
    summary = refresh(raw, out, processor=FAKE, jobs=2, max_memory_mb=200, progress_stream=io.StringIO())
    assert errors_of(out) == {
        "hog.docx": ("batch", "refused: reading this file took more than 200 MB of memory")
    }
    assert set(actions_of(out).source_file) == {"ok.docx"}
    assert summary.exit_code == 1


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("crash", "reader process crashed on this file (exit status 3)"),
        ("segv", "reader process crashed on this file (killed by SIGSEGV)"),
        ("memory", "ran out of memory on this file"),
        ("raise", "internal error (ValueError: a bug)"),
        ("fail", "no actions found: the document has no table"),
    ],
)
def test_a_failing_worker_costs_one_file(tmp_path: Path, command: str, expected: str) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "bad.docx", command)
    for i in range(5):
        make(raw, f"sub{i % 2}/ok{i}.docx", f"rows {i + 1}")
    summary = run(raw, out, jobs=2)
    ((stage, error),) = errors_of(out).values()
    assert expected in error
    assert set(actions_of(out).source_file) == {f"sub{i % 2}/ok{i}.docx" for i in range(5)}
    assert summary.actions == 15 and summary.failed == 1 and summary.exit_code == 1


def test_output_is_byte_identical_across_runs_and_job_counts(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    for i in range(12):
        make(raw, f"d{i % 3}/plan{i}.docx", f"sleep 0.0{12 - i}" if i % 2 else f"rows {i % 4 + 1}")
    outputs = []
    for jobs, out in ((1, "o1"), (2, "o2"), (3, "o3")):
        run(raw, tmp_path / out, jobs=jobs, force=True)
        outputs.append((tmp_path / out / "actions.csv").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    frame = actions_of(tmp_path / "o1")
    assert list(frame.source_file) == sorted(frame.source_file)


def test_parallel_jobs_run_at_the_same_time(tmp_path: Path) -> None:
    """Overlap of the workers' own start/end stamps, not the wall clock: every file starts before
    any ends (each waits for the others to start), which only parallel workers can do."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    for i in range(4):
        make(raw, f"p{i}.docx", "meet 4")
    assert run(raw, out, jobs=4).failed == 0
    stamps = {p.name: float(p.read_text()) for p in (raw / ".meet").iterdir()}
    starts = [t for name, t in stamps.items() if name.endswith(".start")]
    ends = [t for name, t in stamps.items() if name.endswith(".end")]
    assert len(starts) == len(ends) == 4
    assert max(starts) < min(ends)


def test_unsupported_files_are_skipped_and_named(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "a.docx", "rows 1")
    make(raw, "README.md", "hello")
    make(raw, "sub/data.json", "{}")
    make(raw, ".hidden.docx", "rows 1")
    make(raw, "~$a.docx", "lock")
    summary = run(raw, out)
    assert summary.skipped == ("README.md", "sub/data.json")
    assert "skipped 2 unsupported files: README.md, sub/data.json" in summary.text()
    assert summary.exit_code == 0 and summary.failed == 0
    assert errors_of(out) == {}


def test_progress_lines_when_not_a_terminal(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "a.docx", "rows 2")
    make(raw, "b.docx", "fail")
    stream = io.StringIO()
    refresh(raw, out, processor=FAKE, jobs=1, progress_stream=stream)
    text = stream.getvalue()
    assert "[1/2] a.docx: 2 actions" in text
    assert "[2/2] b.docx: FAILED [normalise] no actions found" in text
    stream = io.StringIO()
    refresh(raw, out, processor=FAKE, jobs=1, progress_stream=stream)
    assert stream.getvalue() == "2 unchanged files taken from the cache\n"


def test_summary_counts(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "a.docx", "rows 2")
    make(raw, "b.docx", "fail")
    run(raw, out)
    make(raw, "c.docx", "rows 1")
    summary = run(raw, out)
    text = summary.text()
    assert text.startswith("1 files processed, 2 cached, 1 failed; 3 actions in ")
    assert "FAILED b.docx [normalise]: no actions found" in text


def test_overrides_apply_at_assembly_without_reextraction(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    a = make(raw, "plan_a.docx", "rows 3")
    header = "plan_id,ref,action_prefix,rec_id,target_id,note\n"
    overrides = tmp_path / "overrides.csv"  # the default place: next to --raw
    overrides.write_text(header + "plan_a,,act 2,R7,,checked\nplan_gone,1.1,,R3,,\n")
    summary = run(raw, out)
    frame = actions_of(out).set_index("row")
    assert (frame.loc["2", "rec_id"], frame.loc["2", "match_method"]) == ("R7", "override")
    assert frame.loc["1", "match_method"] != "override"
    assert summary.overrides.applied == 1
    assert summary.overrides.orphaned == ("plan_gone 1.1 -> R3",)
    assert "1 orphaned overrides" in summary.text() and "plan_gone 1.1 -> R3" in summary.text()
    assert "orphaned override" in caplog.text
    assert errors_of(out) == {}

    overrides.write_text(header + "plan_a,,act 3,R9,R9.1,\n")
    summary = run(raw, out)
    frame = actions_of(out).set_index("row")
    assert (frame.loc["3", "rec_id"], frame.loc["3", "target_id"]) == ("R9", "R9.1")
    assert frame.loc["2", "match_method"] != "override"
    assert (summary.processed, summary.cached, summary.overrides.orphaned) == (0, 1, ())
    assert calls(a) == 1


def test_explicit_overrides_file_and_a_malformed_one(tmp_path: Path) -> None:
    from talentmap.cli import main
    from talentmap.overrides_step import OverridesFileError

    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "plan_a.docx", "rows 1")
    elsewhere = tmp_path / "corrections.csv"
    elsewhere.write_text("plan_id,ref,action_prefix,rec_id,target_id,note\nplan_a,,,R17,,\n")
    with pytest.raises(OverridesFileError, match="R17"):
        run(raw, out, overrides=elsewhere)
    assert not (out / "actions.csv").exists()
    assert main(["refresh", "--raw", str(raw), "--out", str(out), "--overrides", str(elsewhere)]) == 2
    elsewhere.write_text("plan_id,ref,action_prefix,rec_id,target_id,note\nplan_a,,,R4,,\n")
    run(raw, out, overrides=elsewhere)
    assert actions_of(out).rec_id.tolist() == ["R4"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    from talentmap.progress import BarProgress, LineProgress, progress_for

    assert isinstance(progress_for(1, 0, _Terminal()), BarProgress)
    assert isinstance(progress_for(1, 0, io.StringIO()), LineProgress)
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "a.docx", "rows 2")
    make(raw, "b [x].docx", "fail")  # brackets must not be read as rich markup
    terminal = _Terminal()
    summary = refresh(raw, out, processor=FAKE, jobs=1, progress_stream=terminal)
    assert summary.actions == 2
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.getvalue())
    assert "b [x].docx: FAILED [normalise] no actions found" in shown
    assert "FAILED b [x].docx" not in shown  # "FAILED" once a line (issue 15)
    assert "2/2" in shown and "━━" in shown  # the bar, finished
    assert "[1/2]" not in shown  # no plain log lines on a terminal


def test_largest_files_start_first(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    for name, padding in (("a_small.docx", 1), ("b_large.docx", 300), ("c_medium.docx", 50)):
        make(raw, name, "rows 1" + " " * padding)
    stream = io.StringIO()
    refresh(raw, out, processor=FAKE, jobs=1, progress_stream=stream)
    order = re.findall(r"\] (\S+):", stream.getvalue())
    assert order == ["b_large.docx", "c_medium.docx", "a_small.docx"]
    assert list(actions_of(out).source_file) == ["a_small.docx", "b_large.docx", "c_medium.docx"]


def test_unreadable_file_is_an_error_row(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "ok.docx", "rows 1")
    (raw / "gone.pdf").symlink_to(tmp_path / "deleted.pdf")
    summary = run(raw, out)
    assert errors_of(out) == {"gone.pdf": ("extract", "cannot read file: No such file or directory")}
    assert summary.failed == 1 and summary.actions == 1 and summary.cached == 0


def test_unwritable_cache_only_costs_speed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "a.docx", "rows 2")
    out.mkdir()
    (out / ".cache").write_text("not a folder")
    summary = run(raw, out)
    assert (summary.processed, summary.actions, summary.exit_code) == (1, 2, 0)
    assert "could not write the cache" in caplog.text
    assert len(actions_of(out)) == 2


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / os.fsdecode(b"plan_\xff.docx")).write_text("rows 2")
    (raw / os.fsdecode(b"plan_\xfe.docx")).write_text("rows 3")  # differs only in a non-UTF-8 byte
    (raw / os.fsdecode(b"notes_\xfe.txt")).write_text("x")
    summary = run(raw, out)
    frame = actions_of(out)
    assert frame.groupby("source_file").size().to_dict() == {"plan_\\xfe.docx": 3, "plan_\\xff.docx": 2}
    assert frame.groupby("plan_id").size().to_dict() == {"plan__xfe": 3, "plan__xff": 2}
    assert summary.skipped == ("notes_\\xfe.txt",)


def test_one_refresh_per_output_folder(tmp_path: Path) -> None:
    import fcntl

    from talentmap.batch import LOCK_FILE, RefreshBusyError
    from talentmap.cli import main

    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "a.docx", "rows 1")
    out.mkdir()
    with open(out / LOCK_FILE, "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(RefreshBusyError, match="another refresh is already writing"):
            run(raw, out)
        assert main(["refresh", "--raw", str(raw), "--out", str(out)]) == 2
    assert run(raw, out).actions == 1  # released: runs again


def test_workers_that_cannot_start_fail_every_file_clearly(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    for i in range(3):
        make(raw, f"p{i}.docx", "rows 1")
    kwargs = {"jobs": 2, "progress_stream": io.StringIO()}
    summary = refresh(raw, out, processor="test_batch_fakes:dying_processor", **kwargs)
    assert summary.failed == 3
    assert set(errors_of(out).values()) == {
        ("batch", "could not start a worker process (exit status 7); check the installation")
    }
    summary = refresh(raw, out, processor="test_batch_fakes:broken_processor", **kwargs)
    assert summary.failed == 3
    assert set(errors_of(out).values()) == {
        ("startup", "could not start the pipeline (RuntimeError: reference data missing)")
    }


def test_an_output_folder_inside_raw_is_not_read_as_plans(tmp_path: Path) -> None:
    """Web pages and CSVs are plans now: the tool's own report.html and actions.csv must not be."""
    raw = tmp_path / "raw"
    make(raw, "a.docx", "rows 2")
    run(raw, raw / "processed")
    elsewhere = raw / "old_outputs"  # an earlier run's outputs, moved under raw
    run(raw, elsewhere)
    summary = run(raw, raw / "processed")
    assert (summary.processed + summary.cached, summary.failed) == (1, 0)
    assert set(errors_of(raw / "processed")) == set()
    assert not [s for s in summary.skipped if "processed" in s or "old_outputs" in s]


def test_a_plans_warnings_are_logged_and_written_to_plans_csv(tmp_path: Path, caplog) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw, "low.pdf", "warn 0.31")
    make(raw, "fine.pdf", "rows 2")
    with caplog.at_level(logging.WARNING, logger="talentmap"):
        run(raw, out, jobs=1)
    assert "low.pdf: table 1 (page 1, fake) scores 0.31" in caplog.text
    plans = pd.read_csv(out / "plans.csv", dtype=str, keep_default_na=False).set_index("source_file")
    assert plans.loc["low.pdf", "warnings"] == "table 1 (page 1, fake) scores 0.31"
    assert plans.loc["fine.pdf", "warnings"] == ""
