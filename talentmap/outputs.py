"""Writing the processed dataset: every file lands atomically (temp file in the same folder + rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from .columns import COLUMNS

ERROR_COLUMNS = ("source_file", "stage", "error")


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
