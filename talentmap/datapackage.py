"""The data dictionary shipped with every refresh: a Frictionless Data Package describing the CSVs.

Researchers join actions.csv with other data, so each column's type and allowed values are stated in
`datapackage.json` (Frictionless Table Schema) and checked by `validate_table` with plain pandas, so
no extra library is needed to trust the file.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd

from talentmap.normalise.model import STATUSES, THEMES

from .columns import COLUMNS
from .csvsafe import PREFIX as FORMULA_PREFIX
from .csvsafe import RULE as FORMULA_RULE

MATCH_METHODS = ("stated", "verbatim", "similarity", "override")
DEFAULT_REC_IDS = tuple(f"R{i}" for i in range(1, 17))
MISSING_VALUES = ("",)
PARQUET_LIST = "list<string>"
TRUE_VALUES = ("true",)
FALSE_VALUES = ("false",)


@dataclass(frozen=True)
class ColumnDoc:
    """One column of a CSV as the data dictionary states it."""

    name: str
    type: str  # Frictionless type: string, integer, number, boolean, object
    description: str
    enum: tuple[str, ...] = ()
    pattern: str = ""
    minimum: float | None = None
    maximum: float | None = None
    required: bool = False
    separator: str = ""  # a list joined by this in the CSV; an array in Parquet and in the typed frame
    format: str = ""  # Table Schema `format` (Parquet's list columns)


def action_columns(rec_ids: Sequence[str] = DEFAULT_REC_IDS) -> tuple[ColumnDoc, ...]:
    """actions.csv's columns, in file order; the allowed values come from the stages' own constants."""
    docs = (
        ColumnDoc(
            "plan_id",
            "string",
            "Stable id of the plan: the file name without extension, lower-cased, "
            "non-alphanumerics turned into `_`; where that gives two files one id, each gets `_` and 8 "
            "hex digits of a hash of its source_file appended.",
            pattern=r"[0-9a-z_]+",
            required=True,
        ),
        ColumnDoc(
            "institution", "string", "Institution name as detected in the document (e.g. `University of X`)."
        ),
        ColumnDoc(
            "period", "string", "Plan period as `YYYY-YYYY` (e.g. `2021-2024`).", pattern=r"\d{4}-\d{4}"
        ),
        ColumnDoc("source_file", "string", "File path relative to the raw folder.", required=True),
        ColumnDoc("page", "integer", "1-based page where the row starts (PDF); empty for Word.", minimum=1),
        ColumnDoc(
            "row", "integer", "1-based position of the action within its plan.", minimum=1, required=True
        ),
        ColumnDoc(
            "theme",
            "string",
            "Technician Commitment pillar the action sits under, or empty.",
            enum=("", *THEMES),
        ),
        ColumnDoc("ref", "string", "The plan's own action reference (`B14`, `2.6`, `15.3`), or empty."),
        ColumnDoc(
            "objective", "string", "Objective / recommendation text the action sits under, as printed."
        ),
        ColumnDoc(
            "action",
            "string",
            "The action text as printed (page-break splits re-joined, bullets on separate lines).",
        ),
        ColumnDoc("measure", "string", "Success measure / how impact will be evidenced."),
        ColumnDoc("lead", "string", "Owner(s) of the action."),
        ColumnDoc("timescale", "string", "Deadline or timescale, as printed."),
        ColumnDoc(
            "status",
            "string",
            "Normalised status (the plan's own legend decides, e.g. Blue complete, Green on track, "
            "Amber at risk, Red delayed), or empty.",
            enum=("", *STATUSES),
        ),
        ColumnDoc("status_raw", "string", "Status as printed (e.g. `A`, `Green`)."),
        ColumnDoc("progress", "string", 'Progress notes ("What have we done?").'),
        ColumnDoc(
            "extra",
            "object",
            "JSON object of every other column of the plan, keyed by its own header: nothing is dropped.",
        ),
        ColumnDoc(
            "stated_rec",
            "string",
            "Recommendation reference stated in the plan itself (`R5`), `TCR` for an objective marked as a "
            "Commission recommendation, or empty.",
        ),
        ColumnDoc(
            "rec_id",
            "string",
            "Matched TALENT Commission main recommendation; join with recommendations.csv.",
            enum=("", *rec_ids),
        ),
        ColumnDoc(
            "rec_candidates",
            "string",
            "The three best main recommendations, best first, `;`-separated.",
            pattern=r"R\d+(;R\d+)*",
            separator=";",
        ),
        ColumnDoc(
            "target_id",
            "string",
            "Matched employer-targeted recommendation (`R5.2`), or empty.",
            pattern=r"R\d+\.\d+",
        ),
        ColumnDoc("match_score", "integer", "0-100 confidence of `rec_id`.", minimum=0, maximum=100),
        ColumnDoc(
            "match_method",
            "string",
            "How `rec_id` was chosen: stated in the plan, verbatim Commission text, text similarity, "
            "or an analyst's override (data/overrides.csv).",
            enum=("", *MATCH_METHODS),
        ),
        ColumnDoc(
            "needs_review",
            "boolean",
            "`true` when the match is uncertain and a person should check it (see review.csv).",
            required=True,
        ),
        ColumnDoc(
            "extractor",
            "string",
            "Which stage produced the table "
            "(e.g. `pdfplumber-lines`, `camelot-stream`, `docx`, `text-list`).",
        ),
        ColumnDoc(
            "match_evidence",
            "string",
            "Terms or phrase that drove the choice of `rec_id`; after `review:`, why it needs review.",
        ),
        ColumnDoc(
            "rec_secondary",
            "string",
            "A second main recommendation the action also addresses, when its own evidence is strong; "
            "else empty.",
            enum=("", *rec_ids),
        ),
    )
    by_name = {doc.name: doc for doc in docs}
    # in file order; a column appended to COLUMNS before it is documented here is still described
    return tuple(by_name.get(c, ColumnDoc(c, "string", "")) for c in COLUMNS)


def parquet_columns(rec_ids: Sequence[str] = DEFAULT_REC_IDS) -> tuple[ColumnDoc, ...]:
    """actions.parquet's columns: those of actions.csv, each separated list a Parquet list of strings.

    Declared `any` with `format: list<string>` rather than Table Schema's `array`: frictionless reads
    Parquet through pandas, which hands a list over as a numpy array that its `array` type rejects, so
    `frictionless validate datapackage.json` would fail on a correct file. `validate_typed` checks the
    lists' items against the CSV column's pattern instead.
    """
    return tuple(
        dataclasses.replace(doc, type="any", pattern="", format=PARQUET_LIST) if doc.separator else doc
        for doc in action_columns(rec_ids)
    )


def field_schema(doc: ColumnDoc) -> dict[str, object]:
    """A Table Schema field descriptor."""
    field: dict[str, object] = {"name": doc.name, "type": doc.type, "description": doc.description}
    if doc.format:
        field["format"] = doc.format
    if doc.type == "boolean":
        field["trueValues"] = list(TRUE_VALUES)
        field["falseValues"] = list(FALSE_VALUES)
    constraints: dict[str, object] = {}
    if doc.required:
        constraints["required"] = True
    if doc.enum:
        constraints["enum"] = list(doc.enum)
    if doc.pattern:
        constraints["pattern"] = doc.pattern
    if doc.minimum is not None:
        constraints["minimum"] = int(doc.minimum) if doc.type == "integer" else doc.minimum
    if doc.maximum is not None:
        constraints["maximum"] = int(doc.maximum) if doc.type == "integer" else doc.maximum
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(
    docs: Sequence[ColumnDoc],
    primary_key: Sequence[str] = (),
    foreign_keys: Sequence[dict[str, object]] = (),
) -> dict[str, object]:
    schema: dict[str, object] = {
        "fields": [field_schema(d) for d in docs],
        "missingValues": list(MISSING_VALUES),
    }
    if primary_key:
        schema["primaryKey"] = list(primary_key)
    if foreign_keys:
        schema["foreignKeys"] = list(foreign_keys)
    return schema


def _strings(*pairs: tuple[str, str]) -> tuple[ColumnDoc, ...]:
    return tuple(ColumnDoc(name, "string", description) for name, description in pairs)


def _counts(names: Sequence[str], what: str) -> tuple[ColumnDoc, ...]:
    return tuple(ColumnDoc(n, "integer", what.format(n), minimum=0) for n in names)


def companion_columns(rec_ids: Sequence[str]) -> dict[str, tuple[ColumnDoc, ...]]:
    """The other CSVs of data/processed, keyed by file name (their columns are built in summaries.py)."""
    plan_keys = _strings(
        ("plan_id", "Stable id of the plan (as in actions.csv)."),
        ("source_file", "File path relative to the raw folder."),
        ("institution", "Institution name as detected in the document."),
        ("period", "Plan period as `YYYY-YYYY`."),
    )
    return {
        "errors.csv": _strings(
            ("source_file", "File that could not be processed."),
            ("stage", "Stage that failed (e.g. extract, normalise, mapping)."),
            ("error", "What went wrong, in words."),
        ),
        "recommendations.csv": (
            ColumnDoc("rec_id", "string", "TALENT Commission main recommendation id.", required=True),
            *_strings(
                ("short_title", "A short title for the recommendation."),
                ("text", "The recommendation's full text."),
                ("targeted", "Its employer-targeted recommendations as `R5.1: text; R5.2: text`."),
            ),
        ),
        "coverage.csv": (
            *plan_keys,
            *_counts(rec_ids, "Number of the plan's actions tagged {}."),
            ColumnDoc("unmatched", "integer", "Actions with no recommendation tag.", minimum=0),
            ColumnDoc(
                "actions", "integer", "All actions of the plan (the sum of the columns before).", minimum=0
            ),
        ),
        "plans.csv": (
            *plan_keys,
            ColumnDoc("actions", "integer", "Number of actions found (0 for a failed file).", minimum=0),
            ColumnDoc("needs_review", "integer", "Actions whose tag needs a human look.", minimum=0),
            ColumnDoc(
                "review_share",
                "number",
                "Share of the plan's actions that need review (0-1).",
                minimum=0,
                maximum=1,
            ),
            *_strings(
                ("extractors", "Extractors that produced the plan's tables, `;`-separated."),
                ("unmapped_columns", "The plan's column headers kept only in `extra`, `;`-separated."),
                ("stage", "Stage that failed, for a file that could not be processed."),
                ("error", "Why the file could not be processed, else empty."),
                (
                    "warnings",
                    "What to check by hand, `|`-separated: each table the actions were read from whose"
                    " grid scores below 0.5 (page, extractor, score, evidence), else empty.",
                ),
            ),
        ),
        "review.csv": (
            *_strings(
                ("plan_id", "Plan id: copy into data/overrides.csv."),
                ("ref", "The plan's action reference: copy into data/overrides.csv."),
                ("action_prefix", "Start of the action text, long enough to pick it out within its plan."),
                ("rec_id", "Current tag: replace with the right one in data/overrides.csv."),
                ("target_id", "Current employer-targeted tag."),
                (
                    "note",
                    "Empty: your reason for a correction. The columns up to here are a row of overrides.csv.",
                ),
            ),
            ColumnDoc("match_score", "integer", "0-100 confidence of `rec_id`.", minimum=0, maximum=100),
            *_strings(
                ("rec_candidates", "The three best main recommendations, best first."),
                ("match_evidence", "Terms or phrase that drove the choice."),
                ("match_method", "How the tag was chosen."),
                ("institution", "Institution name."),
                ("source_file", "File path relative to the raw folder."),
            ),
            ColumnDoc(
                "row", "integer", "Position of the action within its plan (as in actions.csv).", minimum=1
            ),
            *_strings(("objective", "Objective the action sits under."), ("action", "The action text.")),
        ),
    }


def datapackage(
    rec_ids: Sequence[str] = DEFAULT_REC_IDS, created: datetime | None = None
) -> dict[str, object]:
    """The whole descriptor for data/processed: actions.csv first, then the companion tables.

    `created` is when the data is from (the newest input), stated only when known."""
    actions = {
        "name": "actions",
        "path": "actions.csv",
        "title": "Technician Commitment actions tagged with TALENT recommendations",
        "description": "One row per action of every plan, sorted by source_file then row.",
        **_csv_resource(),
        "schema": table_schema(
            action_columns(rec_ids),
            primary_key=("source_file", "row"),
            foreign_keys=(
                {"fields": "rec_id", "reference": {"resource": "recommendations", "fields": "rec_id"}},
            ),
        ),
    }
    parquet = {
        "name": "actions_parquet",
        "path": "actions.parquet",
        "title": "The actions, typed",
        "description": "The rows of actions.csv with their types kept: integers, booleans and "
        "`rec_candidates` as a list (read it with `talentmap.read_dataset()` or `pandas.read_parquet`).",
        "profile": "tabular-data-resource",
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "schema": table_schema(
            parquet_columns(rec_ids),
            primary_key=("source_file", "row"),
            foreign_keys=(
                {"fields": "rec_id", "reference": {"resource": "recommendations", "fields": "rec_id"}},
            ),
        ),
    }
    companions = [
        {
            "name": path.removesuffix(".csv"),
            "path": path,
            **_csv_resource(),
            "schema": table_schema(docs, primary_key=("rec_id",) if path == "recommendations.csv" else ()),
        }
        for path, docs in companion_columns(rec_ids).items()
    ]
    package: dict[str, object] = {
        "name": "talentmap",
        "title": "Technician Commitment action plans mapped to the TALENT Commission recommendations",
        "description": f"Every CSV here is spreadsheet-safe: {FORMULA_RULE}",
        "profile": "tabular-data-package",
    }
    if created is not None:
        package["created"] = created.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return {**package, "resources": [actions, parquet, *companions]}


def _csv_resource() -> dict[str, object]:
    return {
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "talentmap:formulaGuard": {"prefix": FORMULA_PREFIX, "rule": FORMULA_RULE},
    }


def datapackage_json(rec_ids: Sequence[str] = DEFAULT_REC_IDS, created: datetime | None = None) -> str:
    return json.dumps(datapackage(rec_ids, created), indent=2, ensure_ascii=False) + "\n"


def validate_table(frame: pd.DataFrame, schema: dict[str, object], limit: int = 5) -> list[str]:
    """Problems of a CSV read as strings (`dtype=str, keep_default_na=False`) against a Table Schema.

    Checks the header, types, required, enum, pattern, minimum/maximum and the primary key: the parts
    of the Table Schema spec this package's descriptors use.
    """
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    if list(frame.columns) != names:
        return [f"header {list(frame.columns)} != schema {names}"]
    missing = set(schema.get("missingValues", MISSING_VALUES))
    problems: list[str] = []
    for field in fields:
        values = frame[field["name"]].astype(str)
        present = values[~values.isin(missing)]
        bad = _bad_values(field, present)
        if field.get("constraints", {}).get("required"):
            bad = pd.concat([bad, values[values.isin(missing)]])
        problems += [
            f"{field['name']} line {index + 2}: {value!r}"
            for index, value in bad.sort_index().head(limit).items()
        ]
    key = schema.get("primaryKey")
    if key and frame.duplicated(subset=list(key)).any():
        problems.append(f"primary key {key} has duplicates")
    return problems


def _bad_values(field: dict[str, object], values: pd.Series) -> pd.Series:
    """The values (missing ones excluded) that break the field's type or constraints."""
    ok = pd.Series(True, index=values.index)
    kind = field["type"]
    if kind == "integer":
        ok &= values.str.fullmatch(r"[+-]?\d+")
    elif kind == "number":
        ok &= pd.to_numeric(values, errors="coerce").notna()
    elif kind == "boolean":
        ok &= values.isin(field.get("trueValues", TRUE_VALUES)) | values.isin(
            field.get("falseValues", FALSE_VALUES)
        )
    elif kind == "object":
        ok &= values.map(_is_json_object).astype(bool)
    constraints = field.get("constraints", {})
    if "enum" in constraints:
        ok &= values.isin(constraints["enum"])
    if "pattern" in constraints:
        pattern = re.compile(constraints["pattern"])
        ok &= values.map(lambda v: pattern.fullmatch(v) is not None).astype(bool)
    if kind in ("integer", "number"):
        numbers = pd.to_numeric(values.where(ok), errors="coerce")
        if "minimum" in constraints:
            ok &= ~(numbers < constraints["minimum"])
        if "maximum" in constraints:
            ok &= ~(numbers > constraints["maximum"])
    return values[~ok]


def _is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


def columns_markdown(rec_ids: Sequence[str] = DEFAULT_REC_IDS) -> str:
    """The README section "Columns of actions.csv", generated from the same docs as datapackage.json."""
    lines = [
        "## Columns of actions.csv",
        "",
        "One row per action, UTF-8, sorted by `source_file` then `row`. The same description, with types",
        "and allowed values, ships as `data/processed/datapackage.json` (Frictionless Table Schema).",
        "",
        "| column | type | meaning | allowed values |",
        "|---|---|---|---|",
    ]
    for doc in action_columns(rec_ids):
        lines.append(f"| `{doc.name}` | {doc.type} | {doc.description} | {_allowed(doc)} |")
    return "\n".join(lines) + "\n"


def _allowed(doc: ColumnDoc) -> str:
    if doc.enum:
        values = [f"`{v}`" for v in doc.enum if v]
        if len(values) > 8:
            values = [values[0], "…", values[-1]]
        return ", ".join(values) + (", or empty" if "" in doc.enum else "")
    if doc.type == "boolean":
        allowed = "`true`, `false`"
    elif doc.minimum is not None and doc.maximum is not None:
        allowed = f"{int(doc.minimum)}-{int(doc.maximum)}"
    elif doc.minimum is not None:
        allowed = f"at least {int(doc.minimum)}"
    elif doc.type == "object":
        allowed = "JSON object"
    elif doc.pattern:
        allowed = f"pattern `{doc.pattern}`"
    else:
        return ""
    return allowed if doc.required else allowed + ", or empty"
