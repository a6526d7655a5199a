"""`refresh`: every supported file under a folder -> the processed dataset, one bad file never stopping it."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from talentmap.extract import SUPPORTED_SUFFIXES
from talentmap.mapping import Matcher

from .outputs import actions_frame, write_dataset
from .pipeline import FileResult, PipelineError, process_file

log = logging.getLogger("talentmap")


@dataclass(frozen=True)
class FileError:
    source_file: str
    stage: str
    error: str


@dataclass(frozen=True)
class RefreshSummary:
    processed: int
    cached: int
    failed: int
    skipped: tuple[str, ...]
    actions: int
    seconds: float
    errors: tuple[FileError, ...] = ()

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def text(self) -> str:
        lines = [
            f"{self.processed} files processed, {self.cached} cached, {self.failed} failed; "
            f"{self.actions} actions in {self.seconds:.1f} s"
        ]
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} unsupported files: {', '.join(self.skipped)}")
        lines += [f"FAILED {e.source_file} [{e.stage}]: {e.error}" for e in self.errors]
        return "\n".join(lines)


def discover(raw: Path) -> tuple[list[Path], list[str]]:
    """Supported files and skipped ones (as paths relative to `raw`), both sorted."""
    supported, skipped = [], []
    for path in sorted(p for p in raw.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in path.relative_to(raw).parts):
            continue
        (supported if path.suffix.lower() in SUPPORTED_SUFFIXES else skipped).append(path)
    return supported, [p.relative_to(raw).as_posix() for p in skipped]


def refresh(raw: str | Path = "data/raw", out: str | Path = "data/processed", **_: object) -> RefreshSummary:
    raw, out = Path(raw), Path(out)
    start = time.perf_counter()
    files, skipped = discover(raw)
    matcher = Matcher()
    results: list[FileResult] = []
    errors: list[FileError] = []
    for path in files:
        rel = path.relative_to(raw).as_posix()
        try:
            results.append(process_file(path, rel, matcher))
        except PipelineError as exc:
            errors.append(FileError(rel, exc.stage, exc.message))
    rows = [row for result in results for row in result.rows]
    write_dataset(out, actions_frame(rows), [(e.source_file, e.stage, e.error) for e in errors])
    return RefreshSummary(
        processed=len(results),
        cached=0,
        failed=len(errors),
        skipped=tuple(skipped),
        actions=len(rows),
        seconds=time.perf_counter() - start,
        errors=tuple(errors),
    )
