"""Refresh speed and memory on a generated batch of plans.

    .venv/bin/python benchmarks/batch.py [--plans 100] [--pages 100] [--repeat 3] [--keep DIR]

Builds N plans (copies of the shared corpus's plans and data/raw's samples, and one generated
ruled-table PDF / Word table in five; each copy varied so every file hashes differently), then
times `talentmap refresh` as a user runs it (a subprocess, start-up included): cold with 1 job,
cold with every core, warm (nothing changed); and the peak memory of the whole process tree, also
for one plan of --pages pages.
Targets (issue 6): warm < 2 s for 100 plans; all cores >= 1.7x faster than 1 job on 2 cores;
peak < 500 MB for a 100-page plan.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "raw"


def _make_bad():
    spec = importlib.util.spec_from_file_location(
        "make_bad", ROOT / "tests" / "fixtures" / "bad" / "make_bad.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def varied(path: Path, n: int) -> bytes:
    """The file's bytes with a harmless difference: a PDF comment after %%EOF, an extra zip part."""
    data = path.read_bytes()
    if path.suffix.lower() == ".pdf":
        return data + f"% copy {n}\n".encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("customXml/benchmark.txt", f"copy {n}")
    return buffer.getvalue()


def build_batch(raw: Path, plans: int, corpus: Path | None) -> None:
    """Real plans (the shared corpus, when present, and data/raw's samples) with a generated one in
    every five; each copy varied so that every file hashes differently."""
    make_bad = _make_bad()
    sources = sorted(p for p in SAMPLES.iterdir() if p.suffix.lower() in (".pdf", ".docx"))
    if corpus is not None and corpus.is_dir():
        sources += sorted(p for p in corpus.rglob("*") if p.suffix.lower() in (".pdf", ".docx"))
    raw.mkdir(parents=True, exist_ok=True)
    for i in range(plans):
        if i % 5 == 4 or not sources:
            if i % 10 == 4:
                (raw / f"generated_{i:03d}.pdf").write_bytes(make_bad.plan_pdf(pages=3, seed=i))
            else:
                rows = make_bad.plan_rows(12, seed=i)
                (raw / f"generated_{i:03d}.docx").write_bytes(make_bad.plan_docx(rows))
        else:
            source = sources[i % len(sources)]
            (raw / f"{source.stem}_{i:03d}{source.suffix}").write_bytes(varied(source, i))


def corpus_plan(corpus: Path | None, pages: int) -> bytes | None:
    """A `pages`-page PDF of real plan pages (the corpus's PDFs, repeated), if pypdf is installed."""
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError:
        return None
    sources = sorted(corpus.rglob("*.pdf")) if corpus is not None and corpus.is_dir() else []
    if not sources:
        return None
    writer, readers = PdfWriter(), [PdfReader(p) for p in sources]
    while len(writer.pages) < pages:
        for page in (page for reader in readers for page in reader.pages):
            if len(writer.pages) < pages:
                writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of `pid` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


PACKAGES = {"talentmap": "talentmap", "extract": "talentmap/extract", "normalise": "talentmap/normalise"}
PACKAGES["mapping"] = "talentmap/mapping"


def snapshot_code(folder: Path) -> dict[str, str]:
    """A frozen copy of the four packages, put first on PYTHONPATH for the timed runs.

    Others may edit the working tree while the benchmark runs; every edit is a new pipeline version
    (an empty cache), which would make the "warm" run cold. Returns the environment to run with
    (from a folder other than the repository, whose ./talentmap would shadow the copy).
    """
    shutil.rmtree(folder, ignore_errors=True)
    for source, target in PACKAGES.items():
        shutil.copytree(ROOT / source, folder / target, ignore=shutil.ignore_patterns("__pycache__"))
    return {**os.environ, "PYTHONPATH": str(folder)}


def run_refresh(
    raw: Path, out: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[float, int, int, str]:
    """(seconds, peak tree RSS, exit code, summary) of one `talentmap refresh`."""
    command = [sys.executable, "-m", "talentmap.cli", "refresh", "--raw", str(raw), "--out", str(out), *args]
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=raw.parent
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(proc.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    return seconds, peak, proc.returncode, stdout.splitlines()[0] if stdout else ""


def _burn(n: int) -> int:
    return sum(i * i for i in range(n))


def machine_parallelism(cores: int) -> float:
    """Speed-up of pure CPU work on `cores` processes vs one, right now: on a shared machine other
    people's jobs cap what any parallel refresh can reach, so the refresh figure is read against it."""
    from concurrent.futures import ProcessPoolExecutor

    timings = []
    for jobs in (1, cores):
        start = time.perf_counter()
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(_burn, [2_000_000] * 4 * cores))
        timings.append(time.perf_counter() - start)
    return timings[0] / timings[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--pages", type=int, default=100, help="pages of the single large plan")
    parser.add_argument("--keep", type=Path, default=None, help="build the batch here and keep it")
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared" / "corpus", help="real plans to copy"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per cold measurement (the fastest counts)"
    )
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="talentmap-bench-"))
    raw, out = work / "raw", work / "out"
    shutil.rmtree(raw, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    build_batch(raw, args.plans, args.corpus)
    env = snapshot_code(work / "code")
    cores = os.cpu_count() or 1
    kinds = Counter(p.suffix for p in raw.iterdir())
    print(f"batch: {args.plans} plans ({dict(kinds)}) in {raw} ({cores} cores)")

    settings = {
        "cold, 1 job": ["--jobs", "1", "--force"],
        f"cold, {cores} jobs": ["--jobs", str(cores), "--force"],
    }
    runs: dict[str, list] = {label: [] for label in settings}
    for _ in range(args.repeat):  # interleaved, so that both settings see the same machine load
        for label, extra in settings.items():
            runs[label].append(run_refresh(raw, out, *extra, env=env))
    runs["warm (unchanged)"] = [run_refresh(raw, out, env=env)]
    results = {}
    for label, measured in runs.items():
        seconds, peak, code, summary = min(measured)
        results[label] = seconds
        print(f"{label:>20}: {seconds:6.2f} s   peak {peak / 2**20:6.0f} MB   exit {code}   {summary}")
    speedup = results["cold, 1 job"] / results[f"cold, {cores} jobs"]
    print(f"{'speed-up':>20}: {speedup:.2f}x with {cores} jobs (target >= 1.7x on 2 cores)")
    print(f"{'machine allows':>20}: {machine_parallelism(cores):.2f}x for pure CPU work on {cores} processes")
    print(f"{'load average':>20}: {os.getloadavg()[0]:.1f} (other processes competing for the cores)")
    print(f"{'warm target':>20}: {'met' if results['warm (unchanged)'] < 2 else 'MISSED'} (< 2 s)")

    plans = {"generated": _make_bad().plan_pdf(pages=args.pages, rows_per_page=8)}
    real = corpus_plan(args.corpus, args.pages)
    if real is not None:
        plans["corpus pages"] = real
    for label, data in plans.items():
        big = work / "big"
        shutil.rmtree(big, ignore_errors=True)
        big.mkdir()
        (big / f"plan_{args.pages}_pages.pdf").write_bytes(data)
        seconds, peak, code, summary = run_refresh(big, work / "big_out", "--jobs", "1", "--force", env=env)
        verdict = "met" if peak < 500 * 2**20 else "MISSED"
        print(
            f"{args.pages}-page plan ({label}): {seconds:6.2f} s   peak {peak / 2**20:4.0f} MB "
            f"({verdict}, < 500 MB)   {summary}"
        )
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
