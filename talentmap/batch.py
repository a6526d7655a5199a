"""`refresh`: every supported file under a folder -> the processed dataset, one bad file never stopping it.

Order of work: find files, hash them, take unchanged ones from the cache, run the rest in killable
worker processes (cached as they finish, so a killed run resumes where it stopped), apply the
analysts' overrides, then write every output atomically, in a fixed order.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from talentmap.extract import SUPPORTED_SUFFIXES

from .cache import CACHE_DIRNAME, ResultCache, pipeline_version
from .errors import FileError
from .identity import source_names, unique_plan_ids
from .inputs import DeadlinePassed, InputRefused, input_digest
from .outputs import CURRENT_LINK, OutputWriteError, remove_unused_sets, write_all
from .overrides_step import OverrideReport, apply_override_file, read_override_file
from .pipeline import FileResult
from .progress import progress_for
from .workers import DEFAULT_PROCESSOR, MAX_WORKER_MEMORY_MB, Outcome, Task, processor_spec, run_tasks

try:  # POSIX (Linux, macOS): the batch's lock. Elsewhere importing works; a refresh says why it can't run.
    import fcntl
except ImportError:  # pragma: no cover - exercised by a test that hides the module
    fcntl = None

__all__ = [
    "EmptyRawFolderError",
    "FileError",
    "OutputWriteError",
    "RefreshBusyError",
    "RefreshSummary",
    "discover",
    "refresh",
]

log = logging.getLogger("talentmap")
LOCK_FILE = ".refresh.lock"


@dataclass(frozen=True)
class RefreshSummary:
    """`processed` files were extracted in this run, `cached` ones reused; `failed` counts both kinds."""

    processed: int
    cached: int
    failed: int
    skipped: tuple[str, ...]
    actions: int
    seconds: float
    errors: tuple[FileError, ...] = ()
    overrides: OverrideReport = OverrideReport()

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def text(self) -> str:
        lines = [
            f"{self.processed} files processed, {self.cached} cached, {self.failed} failed; "
            f"{self.actions} actions in {self.seconds:.1f} s"
        ]
        return "\n".join(lines + self._details())

    def data_text(self) -> str:
        """What the outputs hold, without what differs between runs over the same inputs (time
        taken, cache hits): the summary report.html shows."""
        lines = [f"{self.actions} actions; {self.failed} files failed"]
        return "\n".join(lines + self._details())

    def _details(self) -> list[str]:
        lines = []
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} unsupported files: {', '.join(self.skipped)}")
        if self.overrides.worth_telling:
            lines.append(self.overrides.text())
        lines += [f"FAILED {e.source_file} [{e.stage}]: {e.error}" for e in self.errors]
        return lines


def discover(raw: Path, out: Path | None = None) -> tuple[list[Path], list[str]]:
    """Supported files and skipped ones (as names relative to `raw`), both sorted; hidden ones ignored.

    An output folder inside `raw` (`out`, or any folder holding a talentmap output set) is not read:
    its actions.csv and report.html are this tool's own outputs, not plans.

    Symlinks to files are followed (and a broken one is a file that can't be read); folders, also
    linked ones, are not entered through a symlink. A folder named like a plan (`x.pdf`) is named
    among the skipped; a FIFO or device named like one is returned, for `check_input` to refuse."""
    supported, skipped = [], []
    outputs = {p.parent.resolve() for p in raw.rglob(CURRENT_LINK)} | ({out.resolve()} if out else set())
    for path in sorted(raw.rglob("*")):
        if any(part.startswith((".", "~$")) for part in path.relative_to(raw).parts):
            continue  # .DS_Store, .git, Word's ~$lock files
        if outputs and not outputs.isdisjoint({path.resolve(), *path.resolve().parents}):
            continue
        plan_like = path.suffix.lower() in SUPPORTED_SUFFIXES
        if path.is_dir():
            if plan_like:
                skipped.append(path)  # a folder, not a plan (its files are read like any others)
            continue
        (supported if plan_like else skipped).append(path)
    names = source_names([*supported, *skipped], raw)
    return supported, [names[p] + ("/ (a folder)" if p.is_dir() else "") for p in skipped]


def refresh(
    raw: str | Path = "data/raw",
    out: str | Path = "data/processed",
    *,
    jobs: int | None = None,
    force: bool = False,
    timeout: float | None = 120.0,
    overrides: str | Path | None = None,
    processor: str = DEFAULT_PROCESSOR,
    progress_stream: TextIO | None = None,
    max_memory_mb: int | None = MAX_WORKER_MEMORY_MB,
    allow_empty: bool = False,
    pdf_reader: str | None = None,
) -> RefreshSummary:
    """Process `raw` into `out`. `overrides` defaults to `<raw>/../overrides.csv` (a malformed one
    raises `OverridesFileError` before any work); `processor` is a `module:factory` spec (tests swap
    the pipeline for a fake one).

    A mistyped `raw` must not wipe a dataset: a missing folder raises `FileNotFoundError`, and one
    without a single plan raises `EmptyRawFolderError` while `out` holds rows, unless `allow_empty`."""
    raw, out = Path(raw), Path(out)
    if not raw.is_dir():
        raise FileNotFoundError(
            f"raw folder not found: {raw}" if not raw.exists() else f"not a folder: {raw}"
        )
    if pdf_reader is not None:  # the pipeline's default reader needs no option (nor a new cache)
        processor = processor_spec(processor, pdf_reader=pdf_reader)
    with exclusive_lock(out):
        files, skipped = discover(raw, out)
        log.info("%s: %d plans found, %d other files skipped", raw, len(files), len(skipped))
        if not files and not allow_empty and has_dataset(out):
            raise EmptyRawFolderError(
                f"{raw} holds no plans (.pdf, .docx): refusing to replace the dataset in {out} with an "
                "empty one; check the folder, or pass --allow-empty (allow_empty=True) to empty it"
            )
        return _refresh(
            raw,
            out,
            (files, skipped),
            jobs,
            force,
            timeout,
            overrides,
            processor,
            progress_stream,
            max_memory_mb,
        )


class EmptyRawFolderError(ValueError):
    """The raw folder holds no plan while the output folder holds a dataset it would replace."""


def has_dataset(out: Path) -> bool:
    """Does `out` hold an actions.csv with at least one row?"""
    try:
        with open(out / "actions.csv", "rb") as fh:
            return len(fh.read(1 << 16).splitlines()) > 1
    except OSError:
        return False


def _refresh(
    raw: Path,
    out: Path,
    found: tuple[list[Path], list[str]],
    jobs: int | None,
    force: bool,
    timeout: float | None,
    overrides: str | Path | None,
    processor: str,
    progress_stream: TextIO | None,
    max_memory_mb: int | None,
) -> RefreshSummary:
    start = time.perf_counter()
    overrides_file = Path(overrides) if overrides is not None else raw.parent / "overrides.csv"
    override_rows = read_override_file(overrides_file)
    files, skipped = found
    remove_stale_temp_files(out)
    cache = ResultCache.under(out, pipeline_version(salt=processor))
    outcomes, digests, todo = _look_up(files, raw, cache, force, timeout)
    cached = sum(1 for rel in outcomes if rel in digests)  # found in the cache, not refused on sight
    log.info("%d files unchanged (from the cache), %d to extract", cached, len(todo))

    # largest first: a big file started last would leave the other cores idle at the end
    todo.sort(key=lambda task: (-_size(task.path), task.source_file))
    with progress_for(len(todo), cached, progress_stream) as progress:
        for outcome in run_tasks(todo, jobs or available_cores(), timeout, processor, max_memory_mb):
            rel = outcome.task.source_file
            outcomes[rel] = outcome.result if outcome.result is not None else outcome.error
            if outcome.result is not None:
                log.debug("%s:\n%s", rel, outcome.result.explain)
                for warning in outcome.result.warnings:
                    log.warning("%s: %s", rel, warning)
            if not _remember(cache, outcome, digests):
                log.warning("could not write the cache in %s; %s will be extracted again", cache.folder, rel)
            progress.done(outcome)
    cache.prune(digests.items())

    ids = unique_plan_ids(outcomes)
    ordered = [outcomes[rel] for rel in sorted(outcomes)]
    results = [with_plan_id(o, ids[o.source_file]) for o in ordered if isinstance(o, FileResult)]
    errors = [o for o in ordered if isinstance(o, FileError)]
    results, report = apply_override_file(results, override_rows, overrides_file)
    log.info("overrides: %d applied from %s", report.applied, overrides_file)
    for line in report.log_lines():
        log.warning(line)
    summary = RefreshSummary(
        processed=len(todo),
        cached=cached,
        failed=len(errors),
        skipped=tuple(skipped),
        actions=sum(len(r.rows) for r in results),
        seconds=time.perf_counter() - start,
        errors=tuple(errors),
        overrides=report,
    )
    log.info("writing the outputs into %s", out)
    write_all(out, results, errors, summary.data_text(), as_of=inputs_time([*files, overrides_file]))
    return dataclasses.replace(summary, seconds=time.perf_counter() - start)


def _remember(cache: ResultCache, outcome: Outcome, digests: dict[str, str]) -> bool:
    """Cache what the file gave under the digest of the bytes the worker parsed (the file may have
    changed since the batch hashed it); strikes only count until they repeat. False: not written."""
    rel = outcome.task.source_file
    digest = outcome.digest or digests[rel]
    digests[rel] = digest  # what prune keeps
    if outcome.strike and outcome.error is not None:
        return cache.strike(rel, digest, outcome.error, outcome.time_limit)
    if outcome.retry:
        return True
    return cache.store(rel, digest, outcome.result if outcome.result is not None else outcome.error)


def with_plan_id(result: FileResult, plan_id: str) -> FileResult:
    if result.plan_id == plan_id:
        return result
    rows = tuple({**row, "plan_id": plan_id} for row in result.rows)
    return dataclasses.replace(result, plan_id=plan_id, rows=rows)


def inputs_time(paths: Sequence[Path]) -> datetime | None:
    """When the inputs are from: SOURCE_DATE_EPOCH if set, else the newest modification time among
    them (None without inputs). Dates the outputs instead of the clock, so the same inputs give the
    same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    times = []
    for path in paths:
        with contextlib.suppress(OSError):
            times.append(path.stat().st_mtime)
    return datetime.fromtimestamp(int(max(times)), UTC) if times else None


def _look_up(
    files: Sequence[Path], raw: Path, cache: ResultCache, force: bool, timeout: float | None
) -> tuple[dict[str, FileResult | FileError], dict[str, str], list[Task]]:
    """Hash every file: (outcomes known without extraction, digests, files to extract).

    Only regular files within the size limit are read, each within the time limit, so no file can
    hold up the batch before its workers start."""
    outcomes: dict[str, FileResult | FileError] = {}
    digests: dict[str, str] = {}
    todo: list[Task] = []
    names = source_names(files, raw)
    for path in files:
        rel = names[path]
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            digest = input_digest(path, deadline)
        except InputRefused as exc:
            outcomes[rel] = FileError(rel, "extract", str(exc))
            continue
        except DeadlinePassed:
            outcomes[rel] = FileError(rel, "batch", f"timed out after {timeout:g} s reading the file")
            continue
        digests[rel] = digest
        hit = None if force else cache.load(rel, digest, timeout)
        if hit is None:
            todo.append(Task(path, rel))
        else:
            outcomes[rel] = hit
    return outcomes, digests, todo


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class RefreshBusyError(RuntimeError):
    """Another refresh is writing to the same --out folder."""


@contextlib.contextmanager
def exclusive_lock(out: Path) -> Iterator[None]:
    """One refresh per --out at a time, or their outputs and cache pruning would interleave.

    An flock, so the kernel releases it when its holder dies (even by kill -9): no stale locks."""
    if fcntl is None:
        raise RuntimeError("talentmap refresh runs on Linux and macOS (it needs POSIX file locks)")
    try:
        out.mkdir(parents=True, exist_ok=True)
        fh = open(out / LOCK_FILE, "a+")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise OutputWriteError(f"cannot write to {out}: {exc.strerror or exc}") from None
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RefreshBusyError(
                f"another refresh is already writing to {out}; wait for it to finish"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def available_cores() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def remove_stale_temp_files(out: Path) -> None:
    """Temp files that a killed run left behind (`.actions.csv.x1y2.tmp`, cache `.entry.*.tmp`, an
    output set never published)."""
    if out.is_dir():
        for path in [*out.glob(".*.tmp"), *out.glob(f"{CACHE_DIRNAME}/*/.*.tmp")]:
            path.unlink(missing_ok=True)
        remove_unused_sets(out)
