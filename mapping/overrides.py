"""Analysts' corrections (`data/overrides.csv`): they win over every automatic decision, survive
every refresh (they key on plan, ref and the start of the action text, not on row numbers), and
an override that no longer matches any action is handed back so the run can report it."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from .model import MappingQuery, Override, RecMatch

OVERRIDE_COLUMNS = ("plan_id", "ref", "action_prefix", "rec_id", "target_id", "note")
_REC_ID = re.compile(r"^R(?:[1-9]|1[0-6])$")
_TARGET_ID = re.compile(r"^(R(?:[1-9]|1[0-6]))\.\d{1,2}$")


def load_overrides(path: str | Path) -> list[Override]:
    """Rows of the overrides CSV; a missing file is no overrides. Blank lines are skipped; a row with
    the wrong number of fields, no plan_id, or a malformed rec_id/target_id raises ValueError naming
    its line, so that a typo cannot silently drop a correction. So does broken quoting: one row per
    line, so a quote left open (which would swallow the rows after it) is refused where it opens,
    and so is a field over the csv module's limit."""
    path = Path(path)
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(_records(fh, path))
    if not rows or tuple(c.strip().lower() for c in rows[0][1]) != OVERRIDE_COLUMNS:
        raise ValueError(f"{path}:1: header must be {','.join(OVERRIDE_COLUMNS)}")
    overrides = []
    for line_no, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        overrides.append(_parse_row(row, f"{path}:{line_no}", line_no))
    return overrides


def _records(lines: Iterable[str], path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) per row; ValueError for a row that is not one well-formed line."""
    reader = csv.reader(lines, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ValueError(f"{path}:{start}: malformed CSV row ({exc}); is a quote left open?") from None
        if reader.line_num > start:
            raise ValueError(
                f"{path}:{start}: a quoted field runs on to line {reader.line_num}; "
                "is a quote left open? (each override is one line)"
            )
        yield start, row
        start = reader.line_num + 1


def duplicate_overrides(overrides: Sequence[Override]) -> list[tuple[Override, Override]]:
    """(earlier, later) pairs with the same plan, ref and action prefix: only the later one counts."""
    seen: dict[tuple[str, str, str], Override] = {}
    pairs = []
    for override in overrides:
        key = (override.plan_id, _norm_ref(override.ref), _norm(override.action_prefix))
        if key in seen:
            pairs.append((seen[key], override))
        seen[key] = override
    return pairs


def _parse_row(row: list[str], where: str, line: int = 0) -> Override:
    if len(row) != len(OVERRIDE_COLUMNS):
        raise ValueError(f"{where}: expected {len(OVERRIDE_COLUMNS)} fields, got {len(row)}")
    plan_id, ref, prefix, rec_id, target_id, note = (c.strip() for c in row)
    rec_id, target_id = rec_id.upper(), target_id.upper()
    if not plan_id:
        raise ValueError(f"{where}: plan_id is empty")
    if not _REC_ID.match(rec_id):
        raise ValueError(f"{where}: rec_id {rec_id!r} is not R1..R16")
    if target_id:
        m = _TARGET_ID.match(target_id)
        if not m or m.group(1) != rec_id:
            raise ValueError(f"{where}: target_id {target_id!r} is not a targeted recommendation of {rec_id}")
    return Override(plan_id, ref, prefix, rec_id, target_id, note, line=line)


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _norm_ref(ref: str) -> str:
    return _norm(ref).rstrip(".")


def override_matches(override: Override, query: MappingQuery) -> bool:
    if override.plan_id != query.plan_id:
        return False
    if override.ref.strip() and _norm_ref(override.ref) != _norm_ref(query.ref):
        return False
    return not override.action_prefix.strip() or _norm(query.action).startswith(_norm(override.action_prefix))


def apply_overrides(
    queries: Sequence[MappingQuery], matches: Sequence[RecMatch], overrides: Sequence[Override]
) -> tuple[list[RecMatch], list[Override]]:
    """(matches with overrides applied, overrides that matched no query). When several overrides
    match one action, the last row of the file wins (a later correction refines an earlier one)."""
    if len(queries) != len(matches):
        raise ValueError("queries and matches differ in length")
    used = [False] * len(overrides)
    out: list[RecMatch] = []
    for query, match in zip(queries, matches, strict=True):
        chosen = None
        for i, override in enumerate(overrides):
            if override_matches(override, query):
                used[i] = True
                chosen = override
        out.append(match if chosen is None else _overridden(match, chosen))
    return out, [o for o, u in zip(overrides, used, strict=True) if not u]


def _overridden(match: RecMatch, override: Override) -> RecMatch:
    candidates = (override.rec_id, *(c for c in match.candidates if c != override.rec_id))[:3]
    note = f": {override.note}" if override.note else ""
    return replace(
        match,
        rec_id=override.rec_id,
        candidates=candidates,
        target_id=override.target_id,
        score=100,
        method="override",
        needs_review=False,
        evidence=f"analyst override{note} (was {match.rec_id} by {match.method})",
        secondary="" if match.secondary == override.rec_id else match.secondary,
    )
