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
    """actions.xlsx for analysts: frozen header row and filters on every sheet, numbers as numbers.

    openpyxl's write-only mode streams rows (several times faster than pandas' to_excel on big sets).
    """
    from openpyxl import Workbook

    sheets = {"actions": actions, **(more_sheets or {})}

    def write(tmp: Path) -> None:
        book = Workbook(write_only=True)
        for name, frame in sheets.items():
            _write_sheet(book.create_sheet(name), frame)
        book.save(tmp)

    atomic_write(path, write)


def _write_sheet(sheet, frame: pd.DataFrame) -> None:  # noqa: ANN001 - an openpyxl write-only sheet
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    columns = [str(c) for c in frame.columns]
    for index, name in enumerate(columns, start=1):
        width = XLSX_WIDTHS.get(name, max(10, len(name) + 2))
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{len(frame) + 1}"
    bold = Font(bold=True)
    sheet.append([_styled(WriteOnlyCell(sheet, value=name), bold) for name in columns])
    numbers = [name in XLSX_NUMBERS for name in columns]
    for values in frame.itertuples(index=False, name=None):
        sheet.append(
            [_excel_value(sheet, v, number, WriteOnlyCell) for v, number in zip(values, numbers, strict=True)]
        )


def _styled(cell, font):  # noqa: ANN001, ANN202
    cell.font = font
    return cell


def _excel_value(sheet, value: object, number: bool, cell_type: type) -> object:  # noqa: ANN001
    """A cell value: numbers as ints, text cleaned of control characters and never run as a formula."""
    if value is None or value is pd.NA or value == "" or (isinstance(value, float) and value != value):
        return None  # a truly blank cell, which Excel's filters list as (Blanks)
    if number:
        try:
            return int(str(value))
        except ValueError:
            pass
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    if not isinstance(value, str):
        return value
    text = _XLSX_ILLEGAL.sub("", value)[:XLSX_MAX_CELL]
    if text.startswith("="):  # openpyxl would store it as a formula: in a plan it is text
        cell = cell_type(sheet, value=text)
        cell.data_type = "s"
        return cell
    return text


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
