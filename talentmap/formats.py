"""The file formats `talentmap extract` writes, chosen by name (`--format`) or by the output's extension.

Every format gets the same rows: CSV exactly as actions.csv; JSON, JSON Lines and Parquet typed (numbers,
booleans, `rec_candidates` a list); Excel as actions.xlsx's `actions` sheet; Markdown a table to paste.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported when rows are written, not when the CLI parses its options
    import pandas as pd

# format name -> the extensions that select it (the first is the one to suggest)
FORMATS: dict[str, tuple[str, ...]] = {
    "csv": (".csv",),
    "json": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
    "xlsx": (".xlsx",),
    "parquet": (".parquet",),
    "markdown": (".md", ".markdown"),
}
BINARY_FORMATS = ("xlsx", "parquet")


def format_for(path: Path) -> str | None:
    """The format a file name asks for, or None when its extension names none."""
    suffix = path.suffix.lower()
    return next((name for name, suffixes in FORMATS.items() if suffix in suffixes), None)


def render_text(typed: pd.DataFrame, fmt: str) -> str:
    """The rows as text in a text format (csv, json, jsonl, markdown)."""
    from .csvsafe import write_csv_text
    from .dataset import text_actions

    if fmt == "csv":  # spreadsheet-safe, as actions.csv
        stream = io.StringIO()
        write_csv_text(text_actions(typed), stream)
        return stream.getvalue()
    if fmt == "json":
        return typed.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return typed.to_json(orient="records", force_ascii=False, lines=True) if len(typed) else ""
    if fmt == "markdown":
        return markdown_table(text_actions(typed))
    raise ValueError(f"{fmt} is not a text format")


def write_rows(typed: pd.DataFrame, fmt: str, target: Path | IO[str]) -> None:
    """Write the rows in `fmt` to a path (atomically) or to an open text stream (text formats only)."""
    from .dataset import write_parquet
    from .outputs import atomic_write, write_xlsx

    if not isinstance(target, Path):
        target.write(render_text(typed, fmt))
        return
    if fmt == "xlsx":
        write_xlsx(typed, target)
    elif fmt == "parquet":
        atomic_write(target, lambda tmp: write_parquet(typed, tmp))
    else:
        text = render_text(typed, fmt)
        atomic_write(target, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def markdown_table(frame: pd.DataFrame) -> str:
    """A GitHub-flavoured Markdown table; `|` escaped and line breaks as `<br>` so each row stays one."""
    out = io.StringIO()
    columns = [str(c) for c in frame.columns]
    out.write("| " + " | ".join(columns) + " |\n")
    out.write("|" + "|".join("---" for _ in columns) + "|\n")
    for values in frame.itertuples(index=False, name=None):
        out.write("| " + " | ".join(_markdown_cell(v) for v in values) + " |\n")
    return out.getvalue()


def _markdown_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "\n").replace("\n", "<br>")
