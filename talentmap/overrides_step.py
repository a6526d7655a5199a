"""Analysts' overrides applied to (cached, pre-override) results at assembly time.

Applying them after the cache means an edited overrides.csv takes effect on the next refresh
without re-extracting anything. An override that matches no row any more ("orphaned") is
reported in the summary and the log, not in errors.csv: no file failed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from talentmap.mapping import Override

from .csvsafe import restore
from .pipeline import FileResult, match_fields, match_from_fields, query_for


class OverridesFileError(ValueError):
    """overrides.csv can't be read: the run stops before writing, rather than drop a correction."""


@dataclass(frozen=True)
class OverrideReport:
    file: str = ""
    applied: int = 0
    orphaned: tuple[str, ...] = ()  # "plan_id ref 'action prefix' -> rec_id", for a person
    duplicates: tuple[str, ...] = ()  # "line 7 repeats line 3: ...": the later row wins

    def log_lines(self) -> list[str]:
        return [f"orphaned override in {self.file} (matches no action): {o}" for o in self.orphaned] + [
            f"duplicate override in {self.file}: {d}" for d in self.duplicates
        ]

    @property
    def worth_telling(self) -> bool:
        return bool(self.applied or self.orphaned or self.duplicates)

    def text(self) -> str:
        lines = [f"{self.applied} actions overridden from {self.file}"]
        if self.orphaned:
            lines.append(f"{len(self.orphaned)} orphaned overrides (match no action; fix or delete them):")
            lines += [f"  {o}" for o in self.orphaned]
        if self.duplicates:
            lines.append(f"{len(self.duplicates)} duplicate overrides (the later row wins):")
            lines += [f"  {d}" for d in self.duplicates]
        return "\n".join(lines)


def read_override_file(overrides_file: Path) -> list[Override]:
    """The overrides (none when the file doesn't exist); `OverridesFileError` names a bad line."""
    from talentmap.mapping import load_overrides

    try:
        overrides = load_overrides(overrides_file) if overrides_file.is_file() else []
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        raise OverridesFileError(f"cannot use overrides file: {exc}") from exc
    return [_exact_text(o) for o in overrides]


def _exact_text(override: Override) -> Override:
    """A row copied from review.csv carries its cells' formula guard (`'=...`): match the real text."""
    names = ("plan_id", "ref", "action_prefix", "note")
    return dataclasses.replace(override, **{n: restore(getattr(override, n)) for n in names})


def apply_override_file(
    results: Sequence[FileResult], overrides: Sequence[Override], overrides_file: Path
) -> tuple[list[FileResult], OverrideReport]:
    """`results` with every matching override applied, and what happened, for the summary."""
    if not overrides:
        return list(results), OverrideReport()
    from talentmap.mapping import apply_overrides, duplicate_overrides

    rows = [(result, row) for result in results for row in result.rows]
    queries = [query_for(result.plan_id, row) for result, row in rows]
    matches = [match_from_fields(row) for _, row in rows]
    new_matches, orphans = apply_overrides(queries, matches, overrides)
    changed: dict[int, dict[str, str]] = {}
    for index, (old, new) in enumerate(zip(matches, new_matches, strict=True)):
        if new != old:
            changed[index] = {**rows[index][1], **match_fields(new)}
    updated, index = [], 0
    for result in results:
        new_rows = []
        for row in result.rows:
            new_rows.append({k: changed[index][k] for k in row} if index in changed else row)
            index += 1
        updated.append(dataclasses.replace(result, rows=tuple(new_rows)) if new_rows else result)
    report = OverrideReport(
        file=str(overrides_file),
        applied=len(changed),
        orphaned=tuple(_describe(o) for o in orphans),
        duplicates=tuple(
            f"line {later.line} repeats line {earlier.line}: {_describe(later)}"
            for earlier, later in duplicate_overrides(overrides)
        ),
    )
    return updated, report


def _describe(override: object) -> str:
    get = lambda name: getattr(override, name, "")  # noqa: E731
    prefix = f"'{get('action_prefix')}'" if get("action_prefix") else ""
    key = " ".join(part for part in (get("plan_id"), get("ref"), prefix) if part)
    return f"{key} -> {get('rec_id')}"
