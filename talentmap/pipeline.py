"""The one place that knows the stage order: extract -> normalise -> map -> contract rows."""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from talentmap.extract import (
    PDF_READERS,
    SUPPORTED_SUFFIXES,
    Document,
    ExtractionError,
    extract_document,
    suffix_for_content,
)
from talentmap.mapping import MappingQuery, Matcher, RecMatch
from talentmap.normalise import ActionRecord, Plan, explain_text, normalise

from .columns import COLUMNS, plan_id_for

log = logging.getLogger("talentmap.pipeline")


class PipelineError(Exception):
    """A file that failed in one stage; `stage` and the message go into errors.csv."""

    def __init__(self, stage: str, message: str):
        super().__init__(message)
        self.stage = stage
        self.message = message


@dataclass(frozen=True)
class FileResult:
    """Everything the batch needs from one file: its contract rows and what to tell the analyst."""

    source_file: str
    plan_id: str
    institution: str
    period: str
    rows: tuple[dict[str, str], ...]
    extractors: tuple[str, ...] = ()
    unmapped_columns: tuple[str, ...] = ()
    explain: str = field(default="", compare=False)
    warnings: tuple[str, ...] = ()  # the plan's warnings (tables read from a low-scoring grid)


def process_file(
    path: Path, source_file: str, matcher: Matcher | None = None, pdf_reader: str = PDF_READERS[0]
) -> FileResult:
    """Run every stage on one file; raise `PipelineError` naming the stage that failed."""
    start = time.perf_counter()
    document = _run("extract", extract_document, path, pdf_reader)
    log.info(
        "%s: extract: %d pages, %d tables, %d text lines (%.2f s)",
        source_file,
        document.pages,
        len(document.tables),
        len(document.lines),
        time.perf_counter() - start,
    )
    start = time.perf_counter()
    plan = _run("normalise", normalise, document, file_stem=Path(source_file).stem)
    log.info(
        "%s: normalise: %d actions (%.2f s)", source_file, len(plan.records), time.perf_counter() - start
    )
    if not plan.records:
        raise PipelineError("normalise", _no_actions_message(document, plan))
    plan_id = plan_id_for(source_file)
    queries = [query_for(plan_id, record) for record in plan.records]
    start = time.perf_counter()
    matches = _run("mapping", (matcher or Matcher()).match_all, queries)
    log.info(
        "%s: mapping: %d tagged (%.2f s)",
        source_file,
        sum(bool(m.rec_id) for m in matches),
        time.perf_counter() - start,
    )
    rows = tuple(
        contract_row(plan_id, source_file, plan, record, match)
        for record, match in zip(plan.records, matches, strict=True)
    )
    return FileResult(
        source_file=source_file,
        plan_id=plan_id,
        institution=plan.institution,
        period=plan.period,
        rows=rows,
        extractors=tuple(dict.fromkeys(r.extractor for r in plan.records if r.extractor)),
        unmapped_columns=tuple(
            dict.fromkeys(d.header for e in plan.explanations for d in e.columns if d.field == "extra")
        ),
        explain=explain_text(plan),
        warnings=plan.warnings,
    )


def process_stream(stream: IO[bytes], source_file: str | None = None) -> FileResult:
    """`process_file` for a binary file object: its bytes go to a temporary file, since the readers
    want a path. The kind comes from `source_file` or the stream's own name, else its first bytes."""
    head = stream.read(1024)
    if isinstance(head, str):
        raise TypeError("a plan must be read from a binary file object: open the file with 'rb'")
    name = source_file or Path(str(getattr(stream, "name", "") or "")).name
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        suffix = suffix_for_content(head) or suffix
    with tempfile.TemporaryDirectory(prefix="talentmap-") as tmp:
        path = Path(tmp) / f"plan{suffix}"
        with path.open("wb") as fh:
            fh.write(head)
            shutil.copyfileobj(stream, fh)
        return process_file(path, name or path.name)


def query_for(plan_id: str, record: ActionRecord | dict[str, str]) -> MappingQuery:
    """What the matcher reads of an action (a record, or a contract row when re-applying overrides)."""
    get = record.get if isinstance(record, dict) else lambda k, d="": getattr(record, k, d)
    return MappingQuery(
        plan_id=plan_id,
        ref=get("ref", ""),
        action=get("action", ""),
        objective=get("objective", ""),
        theme=get("theme", ""),
        stated_rec=get("stated_rec", ""),
        measure=get("measure", ""),
        notes="\n".join(t for t in (get("progress", ""), *_other_columns(record)) if t.strip()),
    )


def _other_columns(record: ActionRecord | dict[str, str]) -> list[str]:
    """The text of the plan's columns that map to no schema field (`extra`; JSON in a contract row)."""
    if not isinstance(record, dict):
        return [v for _, v in record.extra]
    try:
        extra = json.loads(record.get("extra") or "{}")
    except ValueError:
        return []
    return [str(v) for v in extra.values()] if isinstance(extra, dict) else []


def match_fields(match: RecMatch) -> dict[str, str]:
    """A `RecMatch` as the contract's mapping columns."""
    return {
        "rec_id": match.rec_id,
        "rec_candidates": ";".join(match.candidates),
        "target_id": match.target_id,
        "match_score": str(int(match.score)),
        "match_method": match.method,
        "needs_review": "true" if match.needs_review else "false",
        "match_evidence": match.evidence,
        "rec_secondary": match.secondary,
    }


def match_from_fields(row: dict[str, str]) -> RecMatch:
    """The inverse of `match_fields`: a contract row's mapping columns as a `RecMatch`."""
    return RecMatch(
        rec_id=row.get("rec_id", ""),
        candidates=tuple(c for c in row.get("rec_candidates", "").split(";") if c),
        target_id=row.get("target_id", ""),
        score=int(row.get("match_score") or 0),
        method=row.get("match_method", ""),
        needs_review=row.get("needs_review") == "true",
        evidence=row.get("match_evidence", ""),
        secondary=row.get("rec_secondary", ""),
    )


def contract_row(
    plan_id: str, source_file: str, plan: Plan, record: ActionRecord, match: RecMatch
) -> dict[str, str]:
    row = {
        "plan_id": plan_id,
        "institution": plan.institution,
        "period": plan.period,
        "source_file": source_file,
        "page": "" if record.page is None else str(record.page),
        "row": str(record.row),
        "theme": record.theme,
        "ref": record.ref,
        "objective": record.objective,
        "action": record.action,
        "measure": record.measure,
        "lead": record.lead,
        "timescale": record.timescale,
        "status": record.status,
        "status_raw": record.status_raw,
        "progress": record.progress,
        "extra": json.dumps(dict(record.extra), ensure_ascii=False) if record.extra else "{}",
        "stated_rec": record.stated_rec,
        "extractor": record.extractor,
        **match_fields(match),
    }
    return {c: row[c] for c in COLUMNS}


def _run(stage: str, func, *args, **kwargs):  # noqa: ANN001, ANN202
    try:
        return func(*args, **kwargs)
    except PipelineError:
        raise
    except ExtractionError as exc:
        raise PipelineError(stage, str(exc)) from exc
    except MemoryError as exc:
        raise PipelineError(stage, "ran out of memory on this file") from exc
    except Exception as exc:  # one bad file must never stop a batch: name the stage and the cause
        raise PipelineError(stage, f"internal error ({type(exc).__name__}: {exc})") from exc


def _no_actions_message(document: Document, plan: Plan | None = None) -> str:
    """The normaliser's own account of what it found, else a generic one."""
    reason = next((n for n in (plan.notes if plan else ()) if n.startswith("no action plan found")), "")
    if reason:
        return reason
    if document.tables:
        return "no action rows found: the tables have no recognisable action column"
    return "no actions found: the document has no table and no numbered list of commitments"
