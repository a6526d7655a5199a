"""Names that tell files apart: `source_file` and `plan_id` are never shared by two different files.

Today's rule stays wherever it is unambiguous: `source_file` is the path under --raw and `plan_id`
its file name without extension, lower-cased, non-alphanumerics turned into `_`. Where that rule
gives two files the same id (`2021/plan.docx` and `2023/plan.docx`; `same id.docx` and
`same-id.docx`; `plan.pdf` beside `plan.docx`) each of them gets `_` and the first 8 hex digits of
the sha256 of its `source_file` appended: a function of the file's own path, so it does not depend
on the order files are found in, and an override keyed on it keeps working while the clash lasts.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from .columns import plan_id_for

HASH_CHARS = 8


def source_name(path: Path, raw: Path) -> str:
    """`path` relative to `raw` as text that UTF-8 outputs can hold: a byte that isn't UTF-8 is
    written as `\\xNN`, so two names that differ only in such bytes stay different."""
    rel = path.relative_to(raw).as_posix()
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def source_names(paths: Sequence[Path], raw: Path) -> dict[Path, str]:
    """`source_name` of each path; should two still coincide (a file literally named `a\\xff.pdf`
    beside `a<byte ff>.pdf`), each gets ` #` and a hash of its raw bytes appended."""
    names = {path: source_name(path, raw) for path in paths}
    counts = Counter(names.values())
    for path, name in names.items():
        if counts[name] > 1:
            raw_bytes = bytes(path.relative_to(raw).as_posix(), "utf-8", "surrogateescape")
            names[path] = f"{name} #{hashlib.sha256(raw_bytes).hexdigest()[:HASH_CHARS]}"
    return names


def unique_plan_ids(source_files: Iterable[str]) -> dict[str, str]:
    """source_file -> plan_id: the contract's id, qualified by a hash of the path where it is shared."""
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for source_file in sorted(set(source_files)):
        groups[plan_id_for(source_file)].append(source_file)
    ids: dict[str, str] = {}
    for base, members in groups.items():
        for source_file in members:
            ids[source_file] = base if len(members) == 1 else f"{base}_{_path_hash(source_file)}"
    taken = Counter(ids.values())
    # a qualified id equal to another file's plain one (or two hashes alike): longer hashes
    for source_file, plan_id in ids.items():
        if taken[plan_id] > 1:
            ids[source_file] = f"{plan_id_for(source_file)}_{_path_hash(source_file, 64)}"
    return ids


def _path_hash(source_file: str, chars: int = HASH_CHARS) -> str:
    return hashlib.sha256(source_file.encode("utf-8", "surrogatepass")).hexdigest()[:chars]
