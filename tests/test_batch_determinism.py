"""The real pipeline gives byte-identical outputs whatever the job count, cache state or finishing order."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("make_bad", ROOT / "tests" / "fixtures" / "bad" / "make_bad.py")
make_bad = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(make_bad)


def refresh(raw: Path, out: Path, *args: str) -> None:
    command = [sys.executable, "-m", "talentmap.cli", "refresh", "--raw", str(raw), "--out", str(out), *args]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stderr  # the batch holds one bad file on purpose


def test_outputs_identical_across_job_counts_and_warm_runs(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    for i in range(4):
        (raw / f"plan_{i}.docx").write_bytes(make_bad.plan_docx(make_bad.plan_rows(5 + i, seed=i)))
        (raw / "sub" / f"plan_{i}.pdf").write_bytes(make_bad.plan_pdf(pages=1 + i % 2, seed=10 + i))
    (raw / "sub" / "broken.pdf").write_bytes(b"%PDF-1.4\n")
    outs = [tmp_path / name for name in ("one_job", "two_jobs", "three_jobs")]
    for out, jobs in zip(outs, ("1", "2", "3"), strict=True):
        refresh(raw, out, "--jobs", jobs)
    refresh(raw, outs[0], "--jobs", "2")  # warm: everything from the cache
    for name in ("actions.csv", "errors.csv"):
        contents = {(out / name).read_bytes() for out in outs}
        assert len(contents) == 1, f"{name} differs between runs"
    frames = [pd.read_parquet(out / "actions.parquet") for out in outs]
    assert all(frame.equals(frames[0]) for frame in frames)
    assert len(frames[0]) == sum(5 + i for i in range(4)) + sum(8 * (1 + i % 2) for i in range(4))
