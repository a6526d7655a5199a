"""Files -> outcomes in worker processes that the batch can kill.

concurrent.futures can't stop one hung task, so each worker is a `multiprocessing.Process` managed
here: a task that outlives its time limit gets its worker killed (and replaced), and a worker that
dies (segfault, os._exit, the OOM killer) costs only the file it was on. Workers come from a fork
server so that each starts in milliseconds with the pipeline already imported, and without forking
a parent that runs a progress-bar thread.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from .errors import FileError
from .pipeline import FileResult, PipelineError

Processor = Callable[[Path, str], FileResult]
DEFAULT_PROCESSOR = "talentmap.workers:pipeline_processor"
_PRELOAD = ["talentmap.pipeline", "talentmap.extract", "pdfplumber", "docx", "pandas"]


@dataclass(frozen=True)
class Task:
    path: Path
    source_file: str


@dataclass(frozen=True)
class Outcome:
    """What one file gave. `retry` marks failures that say nothing about the file's content
    (timeout, crash), which the cache must not remember."""

    task: Task
    result: FileResult | None
    error: FileError | None
    seconds: float
    retry: bool = False


def pipeline_processor() -> Processor:
    """The real pipeline, with one `Matcher` per worker (it loads the reference data once)."""
    from talentmap.mapping import Matcher

    from .pipeline import process_file

    matcher = Matcher()
    return lambda path, source_file: process_file(path, source_file, matcher)


def load_processor(spec: str) -> Processor:
    """`module:factory` -> the processor the factory builds (a spec, so it crosses process bounds)."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)()


def run_tasks(
    tasks: Sequence[Task], jobs: int, timeout: float | None, processor: str = DEFAULT_PROCESSOR
) -> Iterator[Outcome]:
    """Yield one `Outcome` per task, in completion order, using at most `jobs` worker processes."""
    if not tasks:
        return
    pool = _Pool(processor, jobs=max(1, min(jobs, len(tasks))), timeout=timeout)
    try:
        yield from pool.run(tasks)
    finally:
        pool.close()


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    task: Task | None = None
    started: float = 0.0


class _Pool:
    def __init__(self, processor: str, jobs: int, timeout: float | None):
        self.processor = processor
        self.jobs = jobs
        self.timeout = timeout
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(_PRELOAD)
        self.workers: list[_Worker] = []

    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        pending = list(reversed(tasks))
        while pending or any(w.task for w in self.workers):
            while pending and len(self.workers) < self.jobs:
                self.workers.append(self._spawn())
            for worker in self.workers:
                if worker.task is None and pending:
                    self._assign(worker, pending.pop())
            yield from self._collect()

    def _collect(self) -> Iterator[Outcome]:
        busy = [w for w in self.workers if w.task is not None]
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], self._wait_seconds(busy))
        now = time.perf_counter()
        for worker in busy:
            task, seconds = worker.task, now - worker.started
            if worker.conn in ready or worker.conn.poll():
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    message = None
                if message is not None:
                    worker.task = None
                    yield _outcome(task, message, seconds)
                    continue
            if worker.process.sentinel in ready or not worker.process.is_alive():
                self._retire(worker)
                yield Outcome(
                    task, None, FileError(task.source_file, "batch", _crash_message(worker)), seconds, True
                )
            elif self.timeout is not None and seconds > self.timeout:
                self._retire(worker)
                message = (
                    f"timed out after {self.timeout:g} s (raise --timeout if this file is just very large)"
                )
                yield Outcome(task, None, FileError(task.source_file, "batch", message), seconds, True)

    def _wait_seconds(self, busy: list[_Worker]) -> float | None:
        if self.timeout is None:
            return None
        deadline = min(w.started for w in busy) + self.timeout
        return max(0.0, deadline - time.perf_counter()) + 0.01

    def _spawn(self) -> _Worker:
        parent_conn, child_conn = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(child_conn, self.processor), daemon=True, name="talentmap-worker"
        )
        process.start()
        child_conn.close()
        return _Worker(process, parent_conn)

    def _assign(self, worker: _Worker, task: Task) -> None:
        worker.task, worker.started = task, time.perf_counter()
        with contextlib.suppress(OSError):  # a dead worker: _collect sees its sentinel and reports the file
            worker.conn.send((str(task.path), task.source_file))

    def _retire(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        self.workers.remove(worker)

    def close(self) -> None:
        for worker in list(self.workers):
            if worker.task is None:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        for worker in list(self.workers):
            worker.process.join(0.5 if worker.task is None else 0)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(5)
            worker.conn.close()
        self.workers.clear()


def _outcome(task: Task, message: tuple, seconds: float) -> Outcome:
    kind, payload = message
    if kind == "ok":
        return Outcome(task, payload, None, seconds)
    stage, text = payload
    return Outcome(task, None, FileError(task.source_file, stage, text), seconds, retry=kind == "retry")


def _crash_message(worker: _Worker) -> str:
    code = worker.process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        cause = f"killed by {name}" + (" (out of memory?)" if name == "SIGKILL" else "")
    else:
        cause = f"exit status {code}"
    return (
        f"the reader process crashed on this file ({cause}); "
        "the file is probably malformed: re-save or re-export it"
    )


def _worker_main(conn: Connection, processor_spec: str) -> None:
    """Serve tasks until told to stop or the parent goes away; every failure becomes a message."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    try:
        process: Processor | None = load_processor(processor_spec)
        setup_error = ""
    except Exception as exc:  # report it per file rather than dying without a word
        process, setup_error = None, f"could not start the pipeline ({type(exc).__name__}: {exc})"
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        path, source_file = message
        if process is None:
            reply: tuple = ("retry", ("startup", setup_error))
        else:
            reply = _process_one(process, Path(path), source_file)
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return
        except Exception as exc:  # an unpicklable result
            conn.send(
                ("error", ("batch", f"internal error sending the result ({type(exc).__name__}: {exc})"))
            )


def _process_one(process: Processor, path: Path, source_file: str) -> tuple:
    try:
        return ("ok", process(path, source_file))
    except PipelineError as exc:
        return ("error", (exc.stage, exc.message))
    except MemoryError:
        return ("retry", ("batch", "ran out of memory on this file"))
    except Exception as exc:  # any stage's bug must cost one file, never the batch
        return ("error", ("batch", f"internal error ({type(exc).__name__}: {exc})"))


def _die_with_parent() -> None:
    """Linux: have the kernel kill this worker when its parent dies (e.g. `kill -9` of a refresh)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
