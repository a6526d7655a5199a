"""`kill -9` of a running `talentmap refresh` leaves the previous outputs intact and readable.

The second refresh is killed at several moments between its start and its end (extraction, writing);
after each kill actions.csv and actions.parquet must hold either the complete old dataset or the
complete new one, never a mixture or a half-written file, and no worker process may be left behind.
"""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("make_bad", ROOT / "tests" / "fixtures" / "bad" / "make_bad.py")
make_bad = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(make_bad)

N_PLANS = 40


def write_batch(raw: Path, version: int) -> None:
    for i in range(N_PLANS):
        rows = make_bad.plan_rows(5 + version, seed=100 * version + i)
        (raw / f"plan_{i:02d}.docx").write_bytes(make_bad.plan_docx(rows))


def start_refresh(raw: Path, out: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "talentmap.cli", "refresh", "--raw", str(raw), "--out", str(out)]
    return subprocess.Popen(
        [*command, "--jobs", "1", "--force"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def snapshot(out: Path) -> tuple[bytes, pd.DataFrame]:
    csv = (out / "actions.csv").read_bytes()
    return csv, pd.read_parquet(out / "actions.parquet")


def session_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_kill_9_mid_refresh_keeps_previous_outputs(tmp_path: Path) -> None:
    """Killed after its k-th file (read from its own progress lines, not the clock), the last one
    on the brink of the write phase."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    write_batch(raw, 1)
    proc = start_refresh(raw, out)
    assert proc.wait(300) == 0, proc.stderr.read().decode()
    old_csv, old_parquet = snapshot(out)
    assert len(old_parquet) == 6 * N_PLANS

    write_batch(raw, 2)  # what a finished second run would write instead
    new_lengths = {len(old_parquet), 7 * N_PLANS}
    kills = 0
    for after in (3, 15, 30, N_PLANS):
        proc = start_refresh(raw, out)
        for line in proc.stderr:
            if line.decode().startswith(f"[{after}/"):
                break
        if proc.poll() is not None:
            break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        kills += 1
        csv, parquet = snapshot(out)
        frame = pd.read_csv(out / "actions.csv", dtype=str, keep_default_na=False)
        assert len(frame) in new_lengths and len(parquet) in new_lengths
        assert len(frame) == len(parquet), "actions.csv and actions.parquet from different runs"
        if len(frame) == len(old_parquet):
            assert csv == old_csv
        deadline = time.time() + 10
        while session_alive(proc.pid) and time.time() < deadline:
            time.sleep(0.1)
        assert not session_alive(proc.pid), "worker processes outlived the killed refresh"
    assert kills >= 3, "the refresh finished before it could be killed mid-run"
    final = start_refresh(raw, out)
    assert final.wait(300) == 0
    assert len(pd.read_parquet(out / "actions.parquet")) == 7 * N_PLANS
    assert not [p.name for p in out.rglob("*.tmp")], "temp files of killed runs are cleaned up"
    assert len(list((out / ".sets").iterdir())) <= 2, "sets of killed runs are cleaned up"


@pytest.mark.parametrize("name", ["actions.csv", "actions.parquet"])
def test_previous_output_survives_a_failed_write(tmp_path: Path, name: str) -> None:
    from talentmap.outputs import atomic_write

    target = tmp_path / name
    target.write_bytes(b"previous")

    def half_write(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, half_write)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_ctrl_c_stops_cleanly_and_a_rerun_resumes(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    write_batch(raw, 1)
    command = [sys.executable, "-m", "talentmap.cli", "refresh", "--raw", str(raw), "--out", str(out)]
    proc = subprocess.Popen(
        [*command, "--jobs", "1"], stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    for line in proc.stderr:  # wait until a few files are done
        if line.startswith("[5/"):
            break
    os.kill(proc.pid, signal.SIGINT)
    stderr = proc.stderr.read()
    assert proc.wait(30) == 130
    assert "interrupted" in stderr and "Traceback" not in stderr
    deadline = time.time() + 10
    while session_alive(proc.pid) and time.time() < deadline:
        time.sleep(0.1)
    assert not session_alive(proc.pid), "workers outlived the interrupted refresh"
    rerun = subprocess.run([*command, "--jobs", "1"], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0
    processed, cached = (int(n) for n in re.findall(r"(\d+) files processed, (\d+) cached", rerun.stdout)[0])
    assert cached >= 5 and processed + cached == N_PLANS
