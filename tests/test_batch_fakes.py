"""A fake pipeline for the batch tests, light to import in worker processes (no pandas, no pytest).

The file's first line is a command: `rows N`, `sleep S`, `fail`, `crash`, `segv`, `memory`, `hog MB`,
`raise`, `warn SCORE` (one row, and a warning about a table scoring SCORE), `rewrite TEXT` (the file
rewrites itself to TEXT while being read), `meet N` (write a start
stamp, wait up to a minute until N files have started, write an end stamp).
Each call is counted in a hidden `.<name>.calls` file next to the input (refresh ignores hidden files).
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from talentmap.columns import COLUMNS, plan_id_for
from talentmap.pipeline import FileResult, PipelineError


def fake_processor():
    return fake_process


def fake_process(path: Path, source_file: str) -> FileResult:
    calls = path.parent / f".{path.name}.calls"
    with calls.open("a") as fh:
        fh.write(f"{os.getpid()}\n")
    command, _, arg = path.read_text().partition(" ")
    arg = arg.strip()
    if command == "sleep":
        time.sleep(float(arg))
    elif command == "meet":
        meet(path, int(arg))
    elif command == "rewrite":
        path.write_text(arg)
    elif command == "fail":
        raise PipelineError("normalise", "no actions found: the document has no table")
    elif command == "crash":
        os._exit(3)
    elif command == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif command == "memory":
        raise MemoryError
    elif command == "hog":
        hog = b"x" * (int(arg) * 2**20)  # written, so resident
        time.sleep(30)
        del hog
    elif command == "raise":
        raise ValueError("a bug")
    count = int(arg) if command == "rows" else 1
    plan_id = plan_id_for(source_file)
    rows = tuple(
        {c: "" for c in COLUMNS}
        | {"plan_id": plan_id, "source_file": source_file, "row": str(i), "action": f"act {i} é\u00a0"}
        for i in range(1, count + 1)
    )
    warnings = (f"table 1 (page 1, fake) scores {arg}",) if command == "warn" else ()
    return FileResult(source_file, plan_id, "", "", rows, ("fake",), warnings=warnings)


def dying_processor():
    os._exit(7)  # the worker dies before it is ready


def broken_processor():
    raise RuntimeError("reference data missing")


MEET_WAIT_SECONDS = 60.0


def meet(path: Path, count: int) -> None:
    """A barrier across worker processes: start/end stamps in a hidden `.meet/` folder beside the
    file. Run in parallel, every start comes before every end; in series, the first waits in vain."""
    folder = path.parent / ".meet"
    folder.mkdir(exist_ok=True)
    (folder / f"{path.name}.start").write_text(repr(time.time()))
    give_up = time.monotonic() + MEET_WAIT_SECONDS
    while len(list(folder.glob("*.start"))) < count and time.monotonic() < give_up:
        time.sleep(0.02)
    (folder / f"{path.name}.end").write_text(repr(time.time()))
