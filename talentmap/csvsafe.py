"""Spreadsheet-safe CSV cells: no cell a spreadsheet would evaluate as a formula (OWASP CSV injection).

Plan text and file names are outside input: a cell starting with `=`, `+`, `-` or `@` (or a tab or
carriage return, or spaces before one of those) is run by Excel and LibreOffice as a formula
(`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`). Every CSV talentmap writes goes through
`neutralise_frame`, which puts one `'` in front of such a cell, as OWASP recommends. A cell that
already starts with `'` gets one too, so the rule is exactly reversible: `restore` (a cell that
starts with `'` followed by what `neutralise` prefixes loses that first `'`). actions.parquet and
actions.xlsx (typed cells, never formulas) keep the exact text.

A carriage return inside a cell is quoted too (Python's csv quotes only the characters of its own
line terminator, `\n` here): unquoted, a spreadsheet ends the row there and reads what follows as
a new row's first cell, which the guard above never saw.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import TextIO

import pandas as pd

PREFIX = "'"
# fullwidth = + - @ too: some spreadsheet locales read them as formula signs
_RISKY = re.compile(r"^(?:[\t\r]|[ \n]*[=+\-@\uff1d\uff0b\uff0d\uff20]|')")

RULE = (
    "A text cell that would start a spreadsheet formula (first character `=`, `+`, `-`, `@`, tab or "
    "carriage return, also after leading spaces) or that starts with `'` has one `'` put in front of "
    "it (OWASP CSV-injection defence); remove that first `'` to get the exact text, which "
    "actions.parquet also holds."
)


def neutralise(value: str) -> str:
    """`value` as a cell no spreadsheet evaluates."""
    return PREFIX + value if _RISKY.match(value) else value


def restore(value: str) -> str:
    """The exact text of a cell `neutralise` wrote (anything else unchanged)."""
    if value.startswith(PREFIX) and neutralise(value[1:]) == value:
        return value[1:]
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell neutralised (numbers and empty cells untouched)."""
    return _map_text(frame, _cell)


def restore_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A CSV read back as strings, with the exact text of every cell."""
    return _map_text(frame, _restored)


def _map_text(frame: pd.DataFrame, func: Callable[[object], object]) -> pd.DataFrame:
    out = frame.copy()
    for index in range(frame.shape[1]):
        if pd.api.types.is_object_dtype(frame.dtypes.iloc[index]) or pd.api.types.is_string_dtype(
            frame.dtypes.iloc[index]
        ):
            out.isetitem(index, frame.iloc[:, index].map(func))
    return out


def _cell(value: object) -> object:
    return neutralise(value) if isinstance(value, str) else value


def _restored(value: object) -> object:
    return restore(value) if isinstance(value, str) else value


def write_csv_text(frame: pd.DataFrame, stream: TextIO) -> None:
    """`frame` as spreadsheet-safe CSV: neutralised cells, `\n` line ends, any cell holding a `\r`
    or `\n` quoted."""
    neutralise_frame(frame).to_csv(_RecordEnds(stream), index=False, lineterminator="\r\n")


class _RecordEnds(io.TextIOBase):
    """Turns the `\r\n` that ends each record into `\n`. The csv writer is given `\r\n` so that it
    quotes every cell holding either character; it writes one whole record per call."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not text.endswith("\r\n"):
            raise ValueError("expected one whole CSV record per write")  # never half-convert a record
        return self.stream.write(text[:-2] + "\n")
