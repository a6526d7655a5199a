"""The refresh cache: one JSON entry per (file content, file path, pipeline version).

A file is re-extracted only when its bytes, its path under --raw (which decides `source_file` and
`plan_id`) or the pipeline's code change. Entries hold the pre-override `FileResult` (or the
file's deterministic `FileError`) as plain JSON, never pickled code, so a stale or corrupt entry is
simply a miss. Overrides are applied after loading, so editing overrides.csv needs no re-extraction.

A failure that may be the machine's rather than the file's (a time-out, a crash, running out of
memory) is noted as a strike; when the same bytes fail so again (`REPEATS` runs in a row, under the
same time limit) the failure is served from the cache like any deterministic one, instead of being
paid on every refresh. A larger --timeout, a code change or --force tries the file again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import FileError
from .pipeline import FileResult

CACHE_DIRNAME = ".cache"
CODE_PACKAGES = ("talentmap", "talentmap.extract", "talentmap.normalise", "talentmap.mapping")
_FORMAT = 1  # bump when the entry layout below changes
REPEATS = 2  # strikes after which a time-out or crash on the same bytes is taken as the file's


def pipeline_version(salt: str = "") -> str:
    """A hash of the package version and every installed source/data file of the four packages.

    Any code or reference-data change gives a new version, hence an empty cache: stale results
    can't survive an upgrade. `salt` lets the caller add what else decides results (the processor).
    """
    from . import __version__

    digest = hashlib.sha256(f"{_FORMAT}\0{__version__}\0{salt}".encode())
    for name, relative, path in code_files():
        digest.update(f"\0{name}/{relative}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def code_files() -> Iterator[tuple[str, str, Path]]:
    """(package, path inside it, file) for every source and data file of the four packages.

    Only a package's own folders count (those holding its `__init__.py`): run from a source
    checkout, `talentmap` also searches the checkout's root for its sibling stages, and hashing
    that root would read `.git`, `.venv` and the outputs, so the version would change with every
    refresh and commit.
    """
    for name in CODE_PACKAGES:
        spec = importlib.util.find_spec(name)
        for root in map(Path, (spec.submodule_search_locations or []) if spec else []):
            if not (root / "__init__.py").is_file():
                continue
            for path in sorted(root.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
                    yield name, path.relative_to(root).as_posix(), path


@dataclass(frozen=True)
class ResultCache:
    """Entries live in `<out>/.cache/<version>/`; other versions' folders are removed by `prune`."""

    folder: Path
    version: str

    @classmethod
    def under(cls, out: Path, version: str) -> ResultCache:
        return cls(out / CACHE_DIRNAME, version)

    @property
    def entries(self) -> Path:
        return self.folder / self.version

    def key(self, source_file: str, digest: str) -> str:
        return hashlib.sha256(f"{digest}\0{source_file}".encode()).hexdigest()

    def _path(self, source_file: str, digest: str) -> Path:
        return self.entries / f"{self.key(source_file, digest)}.json"

    def _entry(self, source_file: str, digest: str) -> dict | None:
        try:
            entry = json.loads(self._path(source_file, digest).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (
            not isinstance(entry, dict)
            or entry.get("source_file") != source_file
            or entry.get("sha256") != digest
        ):
            return None
        return entry

    def load(
        self, source_file: str, digest: str, time_limit: float | None = None
    ) -> FileResult | FileError | None:
        """The cached outcome, or None when there is none or it can't be read back (= re-extract).

        A strike counts only once repeated, and a time-out only for a limit no larger than it had."""
        entry = self._entry(source_file, digest)
        try:
            if entry is None:
                return None
            if "strikes" in entry:
                limit = entry.get("time_limit")
                if entry["strikes"] < REPEATS or (
                    limit is not None and (time_limit is None or time_limit > limit)
                ):
                    return None
                error = FileError(**entry["error"])
                note = f" (the same bytes failed this way on {entry['strikes']} runs; --force tries again)"
                return dataclasses.replace(error, error=error.error + note)
            if "error" in entry:
                return FileError(**entry["error"])
            return result_from_json(entry["result"])
        except (ValueError, TypeError, KeyError):
            return None

    def store(self, source_file: str, digest: str, outcome: FileResult | FileError) -> bool:
        """Write one entry atomically (a killed run leaves no half entry); False if it can't be written
        (read-only or full disk): the cache is an optimisation, never a reason to fail a run."""
        entry: dict[str, object] = {"source_file": source_file, "sha256": digest}
        if isinstance(outcome, FileError):
            entry["error"] = dataclasses.asdict(outcome)
        else:
            entry["result"] = dataclasses.asdict(outcome)
        return self._write(source_file, digest, entry)

    def strike(self, source_file: str, digest: str, error: FileError, time_limit: float | None) -> bool:
        """Note a time-out or crash of these bytes; the `REPEATS`th in a row under one limit sticks."""
        previous = self._entry(source_file, digest) or {}
        same = "strikes" in previous and previous.get("time_limit") == time_limit
        strikes = int(previous.get("strikes", 0)) + 1 if same else 1
        entry = {
            "source_file": source_file,
            "sha256": digest,
            "error": dataclasses.asdict(error),
            "strikes": strikes,
            "time_limit": time_limit,
        }
        return self._write(source_file, digest, entry)

    def _write(self, source_file: str, digest: str, entry: dict[str, object]) -> bool:
        tmp = None
        try:
            self.entries.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=self.entries)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh, ensure_ascii=False)
            os.replace(tmp, self._path(source_file, digest))
            return True
        except (OSError, TypeError, ValueError):
            return False
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)

    def prune(self, keep: Iterable[tuple[str, str]]) -> None:
        """Drop entries of files no longer under --raw (or changed), and every other version's folder."""
        wanted = {f"{self.key(s, d)}.json" for s, d in keep}
        if self.folder.is_dir():
            for child in self.folder.iterdir():
                if child.is_dir() and child.name != self.version:
                    shutil.rmtree(child, ignore_errors=True)
        if self.entries.is_dir():
            for child in self.entries.iterdir():
                if child.name not in wanted:
                    child.unlink(missing_ok=True)


def result_from_json(data: dict[str, object]) -> FileResult:
    """Rebuild a `FileResult`, turning JSON lists back into the tuples the dataclass declares."""
    names = {f.name for f in dataclasses.fields(FileResult)}
    return FileResult(**{k: _tuples(v) for k, v in data.items() if k in names})


def _tuples(value: object) -> object:
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value
