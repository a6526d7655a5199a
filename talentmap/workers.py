"""Files -> outcomes in worker processes that the batch can kill.

concurrent.futures can't stop one hung task, so each worker is a Python subprocess managed here,
talking over two pipes: a task that outlives its time limit gets its worker killed (and replaced),
and a worker that dies (segfault, os._exit, the OOM killer) costs only the file it was on. A worker
serves many files, so start-up (imports, the matcher's reference data) is paid once per worker.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from .errors import FileError
from .inputs import InputRefused, input_digest
from .pipeline import FileResult, PipelineError

Processor = Callable[[Path, str], FileResult]
DEFAULT_PROCESSOR = "talentmap.workers:pipeline_processor"
MAX_WORKER_MEMORY_MB = 2048  # a 100-page plan peaks near 150 MB; 2 GB means something went wrong
MEMORY_CHECK_SECONDS = 0.25
STARTUP_SECONDS = 120.0  # a worker that can't import the pipeline in this long never will
MAX_FAILED_STARTS = 3


@dataclass(frozen=True)
class Task:
    path: Path
    source_file: str


@dataclass(frozen=True)
class Outcome:
    """What one file gave. `retry` marks failures the cache must not remember as they are: `strike`
    ones (a time-out, a crash, running out of memory) may be the file's fault or the machine's, so
    the cache remembers them only when the same bytes fail again (`time_limit`: the limit a
    time-out ran into). `digest` is the sha256 of the bytes the worker actually parsed."""

    task: Task
    result: FileResult | None
    error: FileError | None
    seconds: float
    retry: bool = False
    digest: str | None = None
    strike: bool = False
    time_limit: float | None = None


def pipeline_processor(pdf_reader: str | None = None) -> Processor:
    """The real pipeline, with one `Matcher` per worker (it loads the reference data once)."""
    from talentmap.extract import PDF_READERS
    from talentmap.mapping import Matcher

    from .pipeline import process_file

    matcher = Matcher()
    reader = pdf_reader or PDF_READERS[0]
    return lambda path, source_file: process_file(path, source_file, matcher, reader)


def processor_spec(factory: str, **options: str) -> str:
    """`module:factory` with keyword options for the factory: `module:factory?key=value&...`."""
    return f"{factory}?{urlencode(sorted(options.items()))}" if options else factory


def load_processor(spec: str) -> Processor:
    """`module:factory[?key=value&...]` -> the processor the factory builds with those keyword
    options (a spec, so it crosses process bounds)."""
    target, _, query = spec.partition("?")
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)(**dict(parse_qsl(query)))


def run_tasks(
    tasks: Sequence[Task],
    jobs: int,
    timeout: float | None,
    processor: str = DEFAULT_PROCESSOR,
    max_memory_mb: int | None = MAX_WORKER_MEMORY_MB,
) -> Iterator[Outcome]:
    """Yield one `Outcome` per task, in completion order, using at most `jobs` worker processes.

    A worker whose resident memory passes `max_memory_mb` is killed and its file reported, so one
    pathological PDF can't push the machine into swap or the OOM killer's hands."""
    if not tasks:
        return
    pool = _Pool(processor, jobs=max(1, min(jobs, len(tasks))), timeout=timeout, max_memory_mb=max_memory_mb)
    try:
        yield from pool.run(tasks)
    finally:
        pool.close()


@dataclass
class _Worker:
    process: subprocess.Popen
    tasks: Connection  # parent -> worker
    results: Connection  # worker -> parent; EOF when the worker dies
    ready: bool = False  # imports done: the time limit counts from here, not from the spawn
    task: Task | None = None
    started: float = 0.0  # when the current task (or, before `ready`, the process) started


class _Pool:
    def __init__(self, processor: str, jobs: int, timeout: float | None, max_memory_mb: int | None):
        self.processor = processor
        self.jobs = jobs
        self.timeout = timeout
        self.max_memory_mb = max_memory_mb
        self.workers: list[_Worker] = []
        self.failed_starts = 0

    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        pending = list(reversed(tasks))
        while pending or any(w.task for w in self.workers):
            while pending and len(self.workers) < self.jobs:
                self.workers.append(self._spawn())
            for worker in self.workers:
                if worker.ready and worker.task is None and pending:
                    self._assign(worker, pending.pop())
            yield from self._collect(pending)

    def _collect(self, pending: list[Task]) -> Iterator[Outcome]:
        watched = [w for w in self.workers if w.task is not None or not w.ready]
        ready = wait([w.results for w in watched], self._wait_seconds(watched))
        now = time.perf_counter()
        for worker in watched:
            task, seconds = worker.task, now - worker.started
            if worker.results in ready:
                try:
                    message = worker.results.recv()
                except (EOFError, OSError):  # the worker died
                    self._retire(worker)
                    if task is None:  # before it could start
                        yield from self._failed_start(pending, worker.process.returncode)
                        continue
                    error = FileError(task.source_file, "batch", _crash_message(worker.process.returncode))
                    yield Outcome(task, None, error, seconds, retry=True, strike=True)
                    continue
                if message == "ready":
                    worker.ready, self.failed_starts = True, 0
                    continue
                worker.task = None
                yield _outcome(task, message, seconds)
            elif task is None and seconds > STARTUP_SECONDS:  # hung while importing
                self._retire(worker)
                yield from self._failed_start(pending, None)
            elif task is not None and self.timeout is not None and seconds > self.timeout:
                self._retire(worker)
                message = (
                    f"timed out after {self.timeout:g} s (raise --timeout if this file is just very large)"
                )
                error = FileError(task.source_file, "batch", message)
                yield Outcome(task, None, error, seconds, retry=True, strike=True, time_limit=self.timeout)
            elif task is not None and self._over_memory(worker):
                self._retire(worker)
                message = f"refused: reading this file took more than {self.max_memory_mb} MB of memory"
                yield Outcome(task, None, FileError(task.source_file, "batch", message), seconds)

    def _failed_start(self, pending: list[Task], code: int | None) -> Iterator[Outcome]:
        """Try again a few times (a worker can be unlucky); then no worker will start: fail every file."""
        self.failed_starts += 1
        if self.failed_starts < MAX_FAILED_STARTS:
            return
        message = f"could not start a worker process (exit status {code}); check the installation"
        while pending:
            task = pending.pop()
            yield Outcome(task, None, FileError(task.source_file, "batch", message), 0.0, retry=True)

    def _wait_seconds(self, watched: list[_Worker]) -> float | None:
        busy = [w for w in watched if w.task is not None]
        deadlines = [w.started + STARTUP_SECONDS for w in watched if w.task is None]
        if self.timeout is not None:
            deadlines += [w.started + self.timeout for w in busy]
        limits = [max(0.0, min(deadlines) - time.perf_counter()) + 0.01] if deadlines else []
        if busy and self.max_memory_mb is not None:
            limits.append(MEMORY_CHECK_SECONDS)
        return min(limits, default=None)

    def _over_memory(self, worker: _Worker) -> bool:
        if self.max_memory_mb is None:
            return False
        try:
            with open(f"/proc/{worker.process.pid}/statm") as fh:
                resident_pages = int(fh.read().split()[1])
        except (OSError, ValueError, IndexError):  # not Linux, or already gone
            return False
        return resident_pages * os.sysconf("SC_PAGE_SIZE") > self.max_memory_mb * 2**20

    def _spawn(self) -> _Worker:
        """A fresh interpreter (not a fork: the parent may run a progress-bar thread, and a user's
        script without a `__main__` guard must not be re-run) serving tasks over two pipes."""
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        try:
            process = subprocess.Popen(
                [sys.executable, "-c", _WORKER_COMMAND, str(task_r), str(result_w)],
                pass_fds=(task_r, result_w),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,  # library warnings about odd PDFs are not the user's concern
            )
        finally:
            os.close(task_r)
            os.close(result_w)
        tasks, results = Connection(task_w, readable=False), Connection(result_r, writable=False)
        with contextlib.suppress(OSError):
            tasks.send((self.processor, list(sys.path)))
        return _Worker(process, tasks, results, started=time.perf_counter())

    def _assign(self, worker: _Worker, task: Task) -> None:
        worker.task, worker.started = task, time.perf_counter()
        with contextlib.suppress(OSError):  # a dead worker: _collect sees its pipe close and reports the file
            worker.tasks.send((str(task.path), task.source_file))

    def _retire(self, worker: _Worker) -> None:
        if worker.process.poll() is None:
            worker.process.kill()
        worker.process.wait(10)
        worker.tasks.close()
        worker.results.close()
        self.workers.remove(worker)

    def close(self) -> None:
        """Stop every worker: idle ones hold nothing, busy ones (Ctrl-C, an abandoned run) must go."""
        for worker in list(self.workers):
            self._retire(worker)


_WORKER_COMMAND = "import sys; from talentmap.workers import serve; serve(int(sys.argv[1]), int(sys.argv[2]))"


def _outcome(task: Task, message: tuple, seconds: float) -> Outcome:
    kind, payload, digest = message
    if kind == "ok":
        return Outcome(task, payload, None, seconds, digest=digest)
    stage, text = payload
    error = FileError(task.source_file, stage, text)
    return Outcome(task, None, error, seconds, kind in ("retry", "strike"), digest, strike=kind == "strike")


def _crash_message(code: int | None) -> str:
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        cause = f"killed by {name}" + (" (out of memory?)" if name == "SIGKILL" else "")
    else:
        cause = f"exit status {code}"
    return (
        f"the reader process crashed on this file ({cause}); "
        "the file is probably malformed: re-save or re-export it"
    )


def serve(task_fd: int, result_fd: int) -> None:
    """A worker's life: read the processor spec, then answer tasks until told to stop or orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    tasks, results = Connection(task_fd, writable=False), Connection(result_fd, readable=False)
    try:
        processor_spec, parent_path = tasks.recv()
    except (EOFError, OSError):
        return
    sys.path[:0] = [p for p in parent_path if p not in sys.path]  # e.g. a test's fake processor
    try:
        process: Processor | None = load_processor(processor_spec)
        setup_error = ""
    except Exception as exc:  # report it per file rather than dying without a word
        process, setup_error = None, f"could not start the pipeline ({type(exc).__name__}: {exc})"
    try:
        results.send("ready")
    except OSError:
        return
    while True:
        try:
            message = tasks.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        path, source_file = message
        if process is None:
            reply: tuple = ("retry", ("startup", setup_error), None)
        else:
            reply = _process_one(process, Path(path), source_file)
        try:
            results.send(reply)
        except (BrokenPipeError, OSError):
            return
        except Exception as exc:  # an unpicklable result
            error = f"internal error sending the result ({type(exc).__name__}: {exc})"
            results.send(("error", ("batch", error), reply[2]))


CHANGED_WHILE_READ = (
    "the file changed while it was being read (still being copied or saved?); run refresh again"
)


def _process_one(process: Processor, path: Path, source_file: str) -> tuple:
    """(kind, payload, digest of the bytes parsed): the file is hashed here, inside the time limit,
    before and after parsing; if the two differ the result belongs to no one version and is dropped."""
    try:
        before = input_digest(path)
    except InputRefused as exc:  # swapped for a FIFO or grown since the batch looked
        return ("retry", ("extract", str(exc)), None)
    kind, payload = _run_processor(process, path, source_file)
    try:
        after = input_digest(path)
    except InputRefused:
        after = None
    if after != before:
        return ("retry", ("extract", CHANGED_WHILE_READ), None)
    return (kind, payload, before)


def _run_processor(process: Processor, path: Path, source_file: str) -> tuple:
    try:
        return ("ok", process(path, source_file))
    except PipelineError as exc:
        return ("error", (exc.stage, exc.message))
    except MemoryError:
        return ("strike", ("batch", "ran out of memory on this file"))
    except Exception as exc:  # any stage's bug must cost one file, never the batch
        return ("error", ("batch", f"internal error ({type(exc).__name__}: {exc})"))


def _die_with_parent() -> None:
    """Linux: have the kernel kill this worker when its parent dies (e.g. `kill -9` of a refresh)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
