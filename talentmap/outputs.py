"""Writing the processed dataset: every file lands atomically (temp file in the same folder + rename)."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .columns import COLUMNS
from .csvsafe import write_csv_text

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
    """Every CSV of a refresh: UTF-8, `\\n` line ends, formula-like cells neutralised (csvsafe)."""

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            write_csv_text(frame, fh)

    atomic_write(path, write)


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
    *,
    as_of: datetime | None = None,
) -> None:
    """Every output of a refresh from the final rows (overrides applied) and the files that failed.

    The whole set is written into a new folder and swapped in at once (`output_set`), so a reader
    never sees one run's actions.csv beside another's parquet, even after a kill or a full disk.
    `summary_info` (a RefreshSummary, a mapping or a string) is printed at the top of report.html;
    `as_of` (the newest input's time) dates the report, the xlsx and datapackage.json, so the same
    inputs give the same bytes.
    """
    from .datapackage import datapackage_json
    from .dataset import typed_actions
    from .report import error_frame, render_report, report_data
    from .summaries import plans_frame, rec_ids_of, recommendations_frame

    actions = actions_frame([row for result in results for row in result.rows])
    error_rows = error_frame(errors)
    recommendations = recommendations_frame()
    rec_ids = rec_ids_of(recommendations)
    data = report_data(
        actions, error_rows, recommendations, run_summary=_summary_text(summary_info), as_of=as_of
    )
    with output_set(Path(out)) as folder:
        write_dataset(folder, actions, list(error_rows.itertuples(index=False, name=None)))
        write_text(datapackage_json(rec_ids, created=as_of), folder / "datapackage.json")
        write_csv(data.coverage, folder / "coverage.csv")
        write_csv(recommendations, folder / "recommendations.csv")
        write_csv(data.review, folder / "review.csv")
        write_csv(plans_frame(results, errors), folder / "plans.csv")
        write_xlsx(
            typed_actions(actions),
            folder / "actions.xlsx",
            {"coverage": data.coverage, "recommendations": recommendations},
            as_of=as_of,
        )
        write_text(render_report(data), folder / "report.html")


def rebuild_report(out: Path) -> Path:
    """report.html again from the files already in `out` (for `talentmap report`), written into the
    current output set so it stays beside the data it was built from."""
    from .report import REPORT_FILE, read_report_data, render_report

    out = Path(out)
    write_text(render_report(read_report_data(out)), current_folder(out) / REPORT_FILE)
    return out / REPORT_FILE


# -- output sets: the whole set swapped in at once ------------------------------------------------

SETS_DIR = ".sets"  # <out>/.sets/<id>/: one complete set of outputs each
CURRENT_LINK = ".current"  # -> .sets/<id>: the set readers see; replaced by one rename
PREVIOUS_LINK = ".previous"  # -> the set before it, kept for readers still reading it


class OutputWriteError(RuntimeError):
    """The outputs could not be written (full disk, no permission): the previous set is unchanged."""


@contextlib.contextmanager
def output_set(out: Path) -> Iterator[Path]:
    """A fresh folder to write a whole output set into, published when the block ends without error.

    `<out>/actions.csv` etc. are symlinks into `<out>/.current/`, and `.current` points at the newest
    complete set, so publishing a set is one atomic rename. A failure (or a kill) before then leaves
    the previous set in place; an OSError becomes one `OutputWriteError` for the person."""
    try:
        sets = out / SETS_DIR
        sets.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="set-", dir=sets))
    except OSError as exc:
        raise _write_error(out, exc) from None
    try:
        yield folder
        _publish(out, folder)
    except BaseException as exc:
        if _set_name(out / CURRENT_LINK) == folder.name:  # switched: only a link could not be made
            raise OutputWriteError(
                f"outputs written to {folder}, but not all linked into {out}: {exc}"
            ) from None
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _write_error(out, exc) from None
        raise


def _write_error(out: Path, exc: OSError) -> OutputWriteError:
    reason = exc.strerror or str(exc)
    return OutputWriteError(
        f"cannot write the outputs in {out}: {reason}; the previous outputs are unchanged"
    )


def current_folder(out: Path) -> Path:
    """The folder holding the current set (`out` itself for outputs written before sets existed)."""
    link = out / CURRENT_LINK
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else out


def _publish(out: Path, folder: Path) -> None:
    for path in folder.iterdir():
        os.chmod(path, OUTPUT_MODE)
    os.chmod(folder, 0o755)  # mkdtemp makes it owner-only; outputs are for every reader
    _fsync_dir(folder)
    old = _set_name(out / CURRENT_LINK)
    try:
        _point(out / CURRENT_LINK, f"{SETS_DIR}/{folder.name}")  # the switch: one rename
    except OSError as exc:
        if exc.errno not in _NO_SYMLINKS:
            raise
        _move_files(out, folder)
        return
    for name in sorted(p.name for p in folder.iterdir()):
        link = out / name
        if not (link.is_symlink() and os.readlink(link) == f"{CURRENT_LINK}/{name}"):
            _point(link, f"{CURRENT_LINK}/{name}")  # once per output name (or over a pre-sets file)
    if old and old != folder.name:
        _point(out / PREVIOUS_LINK, f"{SETS_DIR}/{old}")
    _fsync_dir(out)
    remove_unused_sets(out)


_NO_SYMLINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


def _move_files(out: Path, folder: Path) -> None:
    """A file system without symlinks (FAT, some network shares): each file renamed into place on
    its own, atomic file by file but not as a set."""
    for path in sorted(folder.iterdir()):
        os.replace(path, out / path.name)
    folder.rmdir()
    _fsync_dir(out)


def remove_unused_sets(out: Path) -> None:
    """Sets neither current nor previous: left by killed or failed runs, or older than the previous."""
    keep = {_set_name(out / CURRENT_LINK), _set_name(out / PREVIOUS_LINK)}
    sets = out / SETS_DIR
    if sets.is_dir():
        for child in sets.iterdir():
            if child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)


def _set_name(link: Path) -> str | None:
    try:
        return Path(os.readlink(link)).name
    except OSError:
        return None


def _point(link: Path, target: str) -> None:
    """Make `link` a symlink to `target` atomically (a temp link renamed over it).

    A folder copied without its links (`cp -r`, `shutil.copytree`) holds `.current` as a real
    directory, which no link can replace: it is moved among the sets first, to be pruned as old."""
    if link.is_dir() and not link.is_symlink():
        os.replace(link, tempfile.mkdtemp(prefix="copied-", dir=link.parent / SETS_DIR))
    tmp = link.parent / f".{link.name}.{os.getpid()}.link.tmp"
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link)
    finally:
        tmp.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_text(text: str, path: Path) -> None:
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


XLSX_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # the earliest time a zip entry can hold


def write_xlsx(
    actions: pd.DataFrame,
    path: Path,
    more_sheets: Mapping[str, pd.DataFrame] | None = None,
    *,
    as_of: datetime | None = None,
) -> None:
    """actions.xlsx for analysts: on every sheet a frozen header row, filters, widths fitted to the
    content and long text wrapped; numbers as numbers and booleans as booleans (`actions` is typed).

    openpyxl's write-only mode streams rows (several times faster than pandas' to_excel on big sets).
    Its creation time and zip entry times are `as_of` (else 1980-01-01), not the clock, so the same
    data gives the same bytes.
    """
    from openpyxl import Workbook

    from .dataset import lists_joined

    sheets = {"actions": lists_joined(actions), **(more_sheets or {})}
    stamp = max(as_of or XLSX_EPOCH, XLSX_EPOCH)

    def write(tmp: Path) -> None:
        book = Workbook(write_only=True)
        for name, frame in sheets.items():
            _write_sheet(book.create_sheet(name), frame)
        buffer = io.BytesIO()
        book.save(buffer)  # stamps the clock into docProps/core.xml and every zip entry
        book.properties.created = book.properties.modified = stamp.astimezone(UTC).replace(tzinfo=None)
        _restamp_zip(buffer, tmp, stamp, {"docProps/core.xml": _core_xml(book)})

    atomic_write(path, write)


def _core_xml(book) -> bytes:  # noqa: ANN001 - an openpyxl Workbook
    from openpyxl.xml.functions import tostring

    return tostring(book.properties.to_tree())


def _restamp_zip(source: io.BytesIO, target: Path, stamp: datetime, replace: Mapping[str, bytes]) -> None:
    """Copy a zip with every entry dated `stamp` (and some entries' bytes replaced)."""
    when = stamp.astimezone(UTC).timetuple()[:6]
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            new.writestr(entry, replace.get(info.filename) or old.read(info.filename))


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
