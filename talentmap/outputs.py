"""Writing the processed dataset: every file lands atomically (temp file in the same folder + rename)."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .columns import COLUMNS

if TYPE_CHECKING:
    from .errors import FileError
    from .pipeline import FileResult

ERROR_COLUMNS = ("source_file", "stage", "error")
OUTPUT_MODE = 0o644


def actions_frame(rows: Sequence[dict[str, str]]) -> pd.DataFrame:
    """All rows as strings in contract order, sorted by source_file then row (the contract's order)."""
    frame = pd.DataFrame(list(rows), columns=list(COLUMNS), dtype="string").fillna("")
    if len(frame):
        order = frame["row"].astype("Int64")
        frame = frame.assign(_row=order).sort_values(["source_file", "_row"], kind="stable")
        frame = frame.drop(columns="_row").reset_index(drop=True)
    return frame.astype(object)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write(tmp)` then rename tmp over `path`, so readers see the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, OUTPUT_MODE)  # mkstemp makes it owner-only; outputs are for every reader
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    atomic_write(path, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n"))


def write_dataset(out: Path, actions: pd.DataFrame, errors: Sequence[tuple[str, str, str]]) -> None:
    """The contract's three files: actions.csv, actions.parquet, errors.csv."""
    write_csv(actions, out / "actions.csv")
    atomic_write(out / "actions.parquet", lambda tmp: actions.to_parquet(tmp, index=False))
    write_csv(pd.DataFrame(list(errors), columns=list(ERROR_COLUMNS)), out / "errors.csv")


# -- everything a refresh leaves in data/processed ---------------------------------------------

XLSX_MAX_CELL = 32_767  # Excel's limit on characters in a cell
XLSX_WIDTHS = {"objective": 40, "action": 60, "measure": 40, "progress": 40, "extra": 30, "institution": 28}
XLSX_NUMBERS = ("page", "row", "match_score")
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters openpyxl refuses


def write_all(
    out: Path,
    results: Sequence[FileResult],
    errors: Sequence[FileError],
    summary_info: object = None,
) -> None:
    """Every output of a refresh from the final rows (overrides applied) and the files that failed.

    `summary_info` (a RefreshSummary, a mapping or a string) is printed at the top of report.html.
    """
    from .datapackage import datapackage_json
    from .report import error_frame, render_report, report_data
    from .summaries import plans_frame, rec_ids_of, recommendations_frame

    out = Path(out)
    actions = actions_frame([row for result in results for row in result.rows])
    error_rows = error_frame(errors)
    write_dataset(out, actions, list(error_rows.itertuples(index=False, name=None)))
    recommendations = recommendations_frame()
    rec_ids = rec_ids_of(recommendations)
    data = report_data(actions, error_rows, recommendations, run_summary=_summary_text(summary_info))
    write_text(datapackage_json(rec_ids), out / "datapackage.json")
    write_csv(data.coverage, out / "coverage.csv")
    write_csv(recommendations, out / "recommendations.csv")
    write_csv(data.review, out / "review.csv")
    write_csv(plans_frame(results, errors), out / "plans.csv")
    write_xlsx(actions, out / "actions.xlsx", {"coverage": data.coverage, "recommendations": recommendations})
    write_text(render_report(data), out / "report.html")


def rebuild_report(out: Path) -> Path:
    """report.html again from the files already in `out` (for `talentmap report`)."""
    from .report import REPORT_FILE, read_report_data, render_report

    path = Path(out) / REPORT_FILE
    write_text(render_report(read_report_data(Path(out))), path)
    return path


def write_text(text: str, path: Path) -> None:
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_xlsx(
    actions: pd.DataFrame, path: Path, more_sheets: Mapping[str, pd.DataFrame] | None = None
) -> None:
    """actions.xlsx for analysts: frozen header row and filters on every sheet, numbers as numbers."""
    sheets = {
        "actions": _excel_ready(actions),
        **{k: _excel_ready(v) for k, v in (more_sheets or {}).items()},
    }

    def write(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            for name, frame in sheets.items():
                frame.to_excel(writer, sheet_name=name, index=False, freeze_panes=(1, 0))
                _format_sheet(writer.sheets[name], list(frame.columns))

    atomic_write(path, write)


def _excel_ready(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in frame.columns:
        if column in XLSX_NUMBERS:
            frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce").astype("Int64")
        elif frame[column].dtype == object:
            frame[column] = frame[column].map(_excel_text)
    return frame


def _excel_text(value: object) -> object:
    if not isinstance(value, str):
        return value
    return _XLSX_ILLEGAL.sub("", value)[:XLSX_MAX_CELL]


def _format_sheet(sheet, columns: list[str]) -> None:  # noqa: ANN001 - an openpyxl Worksheet
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = sheet.dimensions
    for index, name in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = XLSX_WIDTHS.get(
            name, max(10, len(name) + 2)
        )
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":  # text starting with "=" is data, never a formula to run
                cell.data_type = "s"


def _summary_text(summary_info: object) -> str:
    if summary_info is None:
        return ""
    if isinstance(summary_info, str):
        return summary_info
    if callable(getattr(summary_info, "text", None)):
        return summary_info.text()
    if isinstance(summary_info, Mapping):
        return "\n".join(f"{key}: {value}" for key, value in summary_info.items())
    return str(summary_info)
