"""The refresh cache: one JSON entry per (file content, file path, pipeline version).

A file is re-extracted only when its bytes, its path under --raw (which decides `source_file` and
`plan_id`) or the pipeline's code change. Entries hold the pre-override `FileResult` (or the
file's deterministic `FileError`) as plain JSON, never pickled code, so a stale or corrupt entry is
simply a miss. Overrides are applied after loading, so editing overrides.csv needs no re-extraction.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import FileError
from .pipeline import FileResult

CACHE_DIRNAME = ".cache"
CODE_PACKAGES = ("talentmap", "talentmap.extract", "talentmap.normalise", "talentmap.mapping")
_FORMAT = 1  # bump when the entry layout below changes


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pipeline_version(salt: str = "") -> str:
    """A hash of the package version and every installed source/data file of the four packages.

    Any code or reference-data change gives a new version, hence an empty cache: stale results
    can't survive an upgrade. `salt` lets the caller add what else decides results (the processor).
    """
    from . import __version__

    digest = hashlib.sha256(f"{_FORMAT}\0{__version__}\0{salt}".encode())
    for name in CODE_PACKAGES:
        spec = importlib.util.find_spec(name)
        for root in (spec.submodule_search_locations or []) if spec else []:
            for path in sorted(_code_files(Path(root))):
                digest.update(f"\0{name}/{path.relative_to(root).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _code_files(root: Path) -> Iterable[Path]:
    for path in root.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            yield path


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

    def load(self, source_file: str, digest: str) -> FileResult | FileError | None:
        """The cached outcome, or None when there is none or it can't be read back (= re-extract)."""
        path = self.entries / f"{self.key(source_file, digest)}.json"
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if entry.get("source_file") != source_file or entry.get("sha256") != digest:
                return None
            if "error" in entry:
                return FileError(**entry["error"])
            return result_from_json(entry["result"])
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def store(self, source_file: str, digest: str, outcome: FileResult | FileError) -> bool:
        """Write one entry atomically (a killed run leaves no half entry); False if it can't be written
        (read-only or full disk): the cache is an optimisation, never a reason to fail a run."""
        entry: dict[str, object] = {"source_file": source_file, "sha256": digest}
        if isinstance(outcome, FileError):
            entry["error"] = dataclasses.asdict(outcome)
        else:
            entry["result"] = dataclasses.asdict(outcome)
        tmp = None
        try:
            self.entries.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=self.entries)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh, ensure_ascii=False)
            os.replace(tmp, self.entries / f"{self.key(source_file, digest)}.json")
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
