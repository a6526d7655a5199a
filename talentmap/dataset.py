"""The typed dataset: actions with pandas and Parquet types taken from the data dictionary.

actions.csv holds text, as every CSV does; the frames handed to Python users and actions.parquet carry
the types datapackage.json declares. The one column spec is `datapackage.action_columns`: its type (and
`separator`, for a list) decides a column's dtype here, so a new column needs one entry, in one place.
Integers and booleans that can be missing are pandas' nullable `Int64` / `boolean`; text stays text with
"" for missing (as in the CSV); a separated list is a Python list (a `list<string>` in Parquet).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .columns import COLUMNS
from .datapackage import ColumnDoc, action_columns

PARQUET_FILE = "actions.parquet"
PANDAS_DTYPES = {
    "string": "string",
    "object": "string",  # a JSON object kept as its text: the keys differ from plan to plan
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
}
BOOLEAN_TEXT = {"true": True, "false": False}


def column_dtypes(docs: Sequence[ColumnDoc] | None = None) -> dict[str, str]:
    """Column name -> the pandas dtype of the typed frame, in file order."""
    return {doc.name: "object" if doc.separator else PANDAS_DTYPES[doc.type] for doc in _docs(docs)}


def typed_actions(actions: pd.DataFrame) -> pd.DataFrame:
    """actions as text (the columns of actions.csv) -> the typed frame; already typed columns stay."""
    docs = _docs()
    return pd.DataFrame({doc.name: typed_column(doc, actions[doc.name]) for doc in docs}, index=actions.index)


def typed_column(doc: ColumnDoc, values: pd.Series) -> pd.Series:
    """One column in the dtype its doc declares, from text ("" = missing) or from Parquet's values."""
    if doc.separator:
        return values.map(lambda v: _as_list(v, doc.separator)).astype(object)
    dtype = PANDAS_DTYPES[doc.type]
    if str(values.dtype) == dtype:
        return values
    if doc.type in ("integer", "number"):
        text = values.astype("string").str.strip()
        return pd.to_numeric(text.mask(text == ""), errors="raise").astype(dtype)
    if doc.type == "boolean":
        if pd.api.types.is_bool_dtype(values):
            return values.astype(dtype)
        text = values.astype("string").str.strip().str.lower()
        return text.map(BOOLEAN_TEXT, na_action="ignore").astype(dtype)
    return values.astype("string").fillna("")


def _as_list(value: object, separator: str) -> list[str]:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, str):
        return [part for part in value.split(separator) if part]
    return [str(part) for part in value]  # a list, or the numpy array pyarrow gives back


def text_actions(typed: pd.DataFrame) -> pd.DataFrame:
    """The typed frame back to the text of actions.csv (lists joined, booleans `true`/`false`)."""
    columns = {}
    for doc in _docs():
        values = typed[doc.name]
        if doc.separator:
            columns[doc.name] = values.map(lambda v, sep=doc.separator: sep.join(_as_list(v, sep)))
        elif doc.type == "boolean":
            columns[doc.name] = values.map({True: "true", False: "false"}, na_action="ignore").fillna("")
        else:
            columns[doc.name] = values.astype("string").fillna("")
    return pd.DataFrame(columns, index=typed.index).astype(object)


def lists_joined(typed: pd.DataFrame) -> pd.DataFrame:
    """The typed frame with its list columns as the CSV's separated text (for Excel, which has no lists)."""
    joined = {
        doc.name: typed[doc.name].map(lambda v, sep=doc.separator: sep.join(_as_list(v, sep)))
        for doc in _docs()
        if doc.separator
    }
    return typed.assign(**joined)


def arrow_schema(docs: Sequence[ColumnDoc] | None = None):  # noqa: ANN201 - a pyarrow.Schema
    """actions.parquet's schema, each field carrying its description (for tools that show it)."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "object": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
    }
    return pa.schema(
        [
            pa.field(
                doc.name,
                pa.list_(pa.string()) if doc.separator else types[doc.type],
                metadata={"description": doc.description},
            )
            for doc in _docs(docs)
        ]
    )


def write_parquet(typed: pd.DataFrame, path: Path) -> None:
    """The typed frame as Parquet with the declared types (never pyarrow's guess from the values)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    table = pa.Table.from_pandas(typed[schema.names], schema=schema, preserve_index=False)
    pq.write_table(table, path)


def read_dataset(out: str | Path = "data/processed") -> pd.DataFrame:
    """The dataset a refresh wrote into `out` (its actions.parquet), with the declared dtypes.

    Raises `FileNotFoundError` when `out` holds no dataset yet.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(out) / PARQUET_FILE
    if not path.is_file():
        raise FileNotFoundError(f"no {PARQUET_FILE} in {out}: run `talentmap refresh --out {out}` first")
    mapper = {
        pa.string(): pd.StringDtype(),
        pa.large_string(): pd.StringDtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.float64(): pd.Float64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }
    frame = pq.read_table(path).to_pandas(types_mapper=mapper.get)
    for name in COLUMNS:  # a dataset written before a column was added: the column, empty
        if name not in frame.columns:
            frame[name] = ""
    return typed_actions(frame)


def _docs(docs: Sequence[ColumnDoc] | None = None) -> Sequence[ColumnDoc]:
    return action_columns() if docs is None else docs


def validate_typed(frame: pd.DataFrame, schema: dict[str, object]) -> list[str]:
    """Problems of a typed actions frame (read_dataset, read_plan) against actions.csv's Table Schema:
    each column's dtype, list items that are not text, then every constraint of the CSV on its text."""
    from .datapackage import validate_table

    want = column_dtypes()
    if list(frame.columns) != list(want):
        return [f"header {list(frame.columns)} != schema {list(want)}"]
    problems = [
        f"{name}: dtype {frame[name].dtype} != {dtype}"
        for name, dtype in want.items()
        if str(frame[name].dtype) != dtype
    ]
    for doc in _docs():
        if doc.separator:
            bad = frame[doc.name].map(
                lambda v: not isinstance(v, list) or not all(isinstance(x, str) for x in v)
            )
            problems += [
                f"{doc.name} line {i + 2}: {frame[doc.name][i]!r} is not a list of text"
                for i in bad[bad].index[:5]
            ]
    return problems or validate_table(text_actions(frame), schema)
