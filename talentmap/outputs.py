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
    """The contract's three files: actions.csv (text), actions.parquet (typed), errors.csv."""
    from .dataset import typed_actions, write_parquet

    write_csv(actions, out / "actions.csv")
    typed = typed_actions(actions)
    atomic_write(out / "actions.parquet", lambda tmp: write_parquet(typed, tmp))
    write_csv(pd.DataFrame(list(errors), columns=list(ERROR_COLUMNS)), out / "errors.csv")


# -- everything a refresh leaves in data/processed ---------------------------------------------

XLSX_MAX_CELL = 32_767  # Excel's limit on characters in a cell
XLSX_MIN_WIDTH, XLSX_MAX_WIDTH = 6, 60  # characters; wider text wraps
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
    from .dataset import typed_actions
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
    write_xlsx(
        typed_actions(actions),
        out / "actions.xlsx",
        {"coverage": data.coverage, "recommendations": recommendations},
    )
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
    """actions.xlsx for analysts: on every sheet a frozen header row, filters, widths fitted to the
    content and long text wrapped; numbers as numbers and booleans as booleans (`actions` is typed).

    openpyxl's write-only mode streams rows (several times faster than pandas' to_excel on big sets).
    """
    from openpyxl import Workbook

    from .dataset import lists_joined

    sheets = {"actions": lists_joined(actions), **(more_sheets or {})}

    def write(tmp: Path) -> None:
        book = Workbook(write_only=True)
        for name, frame in sheets.items():
            _write_sheet(book.create_sheet(name), frame)
        book.save(tmp)

    atomic_write(path, write)


def _write_sheet(sheet, frame: pd.DataFrame) -> None:  # noqa: ANN001 - an openpyxl write-only sheet
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    columns = [str(c) for c in frame.columns]
    layouts = [column_layout(name, frame[name]) for name in columns]
    for index, (width, _) in enumerate(layouts, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{len(frame) + 1}"
    bold, wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    sheet.append([_styled(WriteOnlyCell(sheet, value=name), font=bold) for name in columns])
    numbers = [name in XLSX_NUMBERS for name in columns]
    wraps = [wrap for _, wrap in layouts]
    for values in frame.itertuples(index=False, name=None):
        cells = [
            _excel_value(sheet, v, number, WriteOnlyCell) for v, number in zip(values, numbers, strict=True)
        ]
        sheet.append(
            [
                _wrapped(sheet, c, wrapped, WriteOnlyCell) if w else c
                for c, w in zip(cells, wraps, strict=True)
            ]
        )


def column_layout(name: str, values: pd.Series) -> tuple[float, bool]:
    """(width in characters, wrap?) for a column: wide enough for the header and for most values (the
    90th percentile of their longest line), at most XLSX_MAX_WIDTH; text that does not fit wraps."""
    lines = values.map(
        lambda v: max((len(line) for line in str(v).splitlines()), default=0) if _shown(v) else 0
    )
    typical = float(lines.quantile(0.9)) if len(lines) else 0.0
    width = min(max(len(name) + 3, typical + 2, XLSX_MIN_WIDTH), XLSX_MAX_WIDTH)
    multi_line = values.map(lambda v: isinstance(v, str) and "\n" in v).any() if len(values) else False
    return round(width, 1), bool(multi_line or (len(lines) and lines.max() + 2 > width))


def _shown(value: object) -> bool:
    return not (value is None or value is pd.NA or (isinstance(value, float) and value != value))


def _wrapped(sheet, cell: object, alignment, cell_type: type) -> object:  # noqa: ANN001
    """`cell` (a value or a WriteOnlyCell) with its text wrapped."""
    if cell is None:
        return None
    if not hasattr(cell, "alignment"):  # a plain value, not yet a cell
        cell = cell_type(sheet, value=cell)
    cell.alignment = alignment
    return cell


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
