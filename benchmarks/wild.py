"""`talentmap refresh` over hostile real-world PDFs, against bare pdfplumber `extract_tables()`.

    .venv/bin/python benchmarks/wild.py [--raw ../shared/wild] [--out /tmp/wild]

Target (issue 6): refresh within 5x the bare pdfplumber time, exit 0 or 1, no traceback, and
every file accounted for (rows in actions.csv or one row in errors.csv). Prints why files failed
(grouped by message) and which files gave actions.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd
from batch import snapshot_code  # benchmarks/batch.py

ROOT = Path(__file__).resolve().parent.parent


def bare_pdfplumber(files: list[Path]) -> tuple[float, int, int]:
    """(seconds, tables found, files pdfplumber could not open or read)."""
    import pdfplumber

    start, tables, failed = time.perf_counter(), 0, 0
    for path in files:
        try:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    tables += len(page.extract_tables())
                    page.close()
        except Exception:
            failed += 1
    return time.perf_counter() - start, tables, failed


def refresh(
    raw: Path, out: Path, *args: str, env: dict[str, str]
) -> tuple[float, subprocess.CompletedProcess]:
    command = [sys.executable, "-m", "talentmap.cli", "refresh", "--raw", str(raw), "--out", str(out), *args]
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, cwd=out.parent, env=env)
    return time.perf_counter() - start, proc


def error_kind(message: str) -> str:
    """The message without its file-specific details, to group errors."""
    kind = re.split(r"[:(]", message, maxsplit=1)[0].strip()
    return kind[:80]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--raw", type=Path, default=ROOT.parent / "shared" / "wild")
    parser.add_argument("--out", type=Path, default=Path("/tmp/wild"))
    args = parser.parse_args()
    raw, out = args.raw.resolve(), args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in raw.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
    print(f"{len(files)} PDFs under {raw}")

    bare, tables, unreadable = bare_pdfplumber(files)
    print(f"bare pdfplumber extract_tables(): {bare:6.1f} s ({tables} tables; {unreadable} files raised)")

    env = snapshot_code(out.parent / "code")  # a warm run stays warm while others edit the tree
    cores = os.cpu_count() or 1
    timings = {}
    for label, extra in (("1 job", ["--jobs", "1"]), (f"{cores} jobs", ["--jobs", str(cores)])):
        seconds, proc = refresh(raw, out, *extra, "--force", env=env)
        timings[label] = seconds
        traceback = "Traceback" in proc.stdout + proc.stderr
        print(
            f"talentmap refresh, {label:>7}: {seconds:6.1f} s = {seconds / bare:4.1f}x bare "
            f"(target <= 5x); exit {proc.returncode}; traceback: {'YES' if traceback else 'no'}"
        )
    slowest = sorted(
        (
            (float(m.group(2)), m.group(1))
            for m in re.finditer(r"\] (\S+): .*\(([\d.]+) s\)$", proc.stderr, re.M)
        ),
        reverse=True,
    )[:5]
    print("slowest files: " + ", ".join(f"{name} {sec:.1f} s" for sec, name in slowest))
    warm, proc = refresh(raw, out, env=env)
    print(f"talentmap refresh, warm:    {warm:6.1f} s; {proc.stdout.splitlines()[0]}")

    actions = pd.read_csv(out / "actions.csv", dtype=str, keep_default_na=False)
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    names = {p.relative_to(raw).as_posix() for p in files}
    with_rows = set(actions.source_file)
    failed = list(errors.source_file)
    missing = names - with_rows - set(failed)
    doubled = [n for n, c in Counter(failed).items() if c > 1] + sorted(with_rows & set(failed))
    print(
        f"accounted for: {len(with_rows)} files with actions + {len(set(failed))} in errors.csv "
        f"= {len(with_rows | set(failed))} of {len(names)}; missing: {sorted(missing) or 'none'}; "
        f"counted twice: {doubled or 'none'}"
    )
    print("\nerrors.csv by stage and kind:")
    kinds = Counter((r.stage, error_kind(r.error)) for r in errors.itertuples())
    for (stage, kind), count in kinds.most_common():
        print(f"  {count:4d}  [{stage}] {kind}")
    print("\nfiles that gave actions (actions, extractors, first action):")
    for name, group in actions.groupby("source_file"):
        extractors = ",".join(sorted(set(group.extractor)))
        first = " ".join(group.action.iloc[0].split())[:70]
        print(f"  {len(group):4d}  {name}  [{extractors}]  {first!r}")


if __name__ == "__main__":
    main()
