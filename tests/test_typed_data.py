"""Typed data: actions.parquet, read_dataset() and read_plan() carry datapackage.json's types; the
Excel copy has booleans, wrapped text and fitted widths; every output of a real refresh validates."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import RAW
from openpyxl import load_workbook
from outputs_sample import FAILED, sample_results

import talentmap
from talentmap.columns import COLUMNS
from talentmap.datapackage import ColumnDoc, action_columns, validate_table
from talentmap.dataset import column_dtypes, read_dataset, typed_actions, validate_typed
from talentmap.outputs import write_all

EXPECTED_DTYPES = {name: "string" for name in COLUMNS} | {
    "page": "Int64",
    "row": "Int64",
    "match_score": "Int64",
    "needs_review": "boolean",
    "rec_candidates": "object",
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("processed")
    write_all(folder, sample_results(), FAILED)
    return folder


def package(out: Path) -> dict:
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def schema_of(out: Path, path: str) -> dict:
    return next(r for r in package(out)["resources"] if r["path"] == path)["schema"]


def test_parquet_columns_have_the_declared_arrow_types(out: Path) -> None:
    schema = pq.read_schema(out / "actions.parquet")
    assert schema.names == list(COLUMNS)
    types = dict(zip(schema.names, schema.types, strict=True))
    assert types["page"] == types["row"] == types["match_score"] == pa.int64()
    assert types["needs_review"] == pa.bool_()
    assert types["rec_candidates"] == pa.list_(pa.string())
    assert types["action"] == pa.string()
    assert schema.field("rec_id").metadata[b"description"].startswith(b"Matched TALENT")


def test_read_dataset_is_typed_and_usable_as_pandas_users_expect(out: Path) -> None:
    frame = talentmap.read_dataset(out)
    assert {c: str(t) for c, t in frame.dtypes.items()} == EXPECTED_DTYPES
    assert len(frame[frame.needs_review]) == 4  # a real boolean mask
    assert frame.match_score.mean() == pytest.approx((3 * 90 + 4 * 40) / 7)
    assert frame.rec_candidates.iloc[0] == ["R3", "R4", "R5"]
    assert frame.page.isna().all()  # Word plans have no page: missing, not 0 and not ""
    assert frame.row.tolist() == [1, 2, 3, 1, 2, 3, 4]


def test_read_dataset_of_a_folder_without_a_dataset_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="actions.parquet"):
        talentmap.read_dataset(tmp_path)


def test_dtypes_follow_the_one_column_spec() -> None:
    """A column added to the spec gets its dtype from its declared type, with nothing else to edit."""
    docs = (
        *action_columns(),
        ColumnDoc("rec_secondary_score", "integer", "x"),
        ColumnDoc("flag", "boolean", ""),
    )
    dtypes = column_dtypes(docs)
    assert dtypes["rec_secondary_score"] == "Int64" and dtypes["flag"] == "boolean"
    assert column_dtypes() == EXPECTED_DTYPES


def test_validate_typed_rejects_a_wrong_dtype_or_a_bad_value(out: Path) -> None:
    schema = schema_of(out, "actions.csv")
    frame = read_dataset(out)
    assert validate_typed(frame, schema) == []
    assert validate_typed(frame.astype({"match_score": "string"}), schema) == [
        "match_score: dtype string != Int64"
    ]
    bad = frame.copy()
    bad.loc[0, "match_score"] = 101
    assert validate_typed(bad, schema)[0].startswith("match_score line 2")


def test_datapackage_describes_actions_parquet(out: Path) -> None:
    resource = next(r for r in package(out)["resources"] if r["path"] == "actions.parquet")
    assert resource["format"] == "parquet"
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert list(fields) == list(COLUMNS)
    assert fields["needs_review"]["type"] == "boolean" and fields["match_score"]["type"] == "integer"
    assert fields["rec_candidates"]["format"] == "list<string>"


def test_read_plan_is_typed_and_equals_the_batch_rows(sample_out: Path) -> None:
    frame = talentmap.read_plan(RAW / "westbrook_tc_action_plan.pdf")
    assert {c: str(t) for c, t in frame.dtypes.items()} == EXPECTED_DTYPES
    batch = read_dataset(sample_out)
    batch = batch[batch.source_file == "westbrook_tc_action_plan.pdf"].reset_index(drop=True)
    pd.testing.assert_frame_equal(frame, batch)
    assert frame.page.min() == 1 and frame[~frame.needs_review].shape[0] == len(frame)


def test_read_plan_accepts_a_binary_file_object_named_or_not() -> None:
    path = RAW / "eastfield_statement.docx"
    by_path = talentmap.read_plan(path)
    with path.open("rb") as fh:
        pd.testing.assert_frame_equal(talentmap.read_plan(fh), by_path)
    unnamed = talentmap.read_plan(io.BytesIO(path.read_bytes()), name="eastfield_statement.docx")
    pd.testing.assert_frame_equal(unnamed, by_path)
    sniffed = talentmap.read_plan(io.BytesIO(path.read_bytes()))  # no name: the bytes say it is a .docx
    assert sniffed.action.tolist() == by_path.action.tolist()
    with pytest.raises(TypeError, match="binary"):
        talentmap.read_plan(io.StringIO("text"))


def test_read_plan_of_a_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        talentmap.read_plan(tmp_path / "nope.pdf")


def test_read_plan_of_an_unreadable_file_raises_the_exported_pipeline_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"<html>not a pdf</html>")
    with pytest.raises(talentmap.PipelineError) as exc:
        talentmap.read_plan(bad)
    assert exc.value.stage == "extract"


def test_xlsx_booleans_wrapped_text_and_widths_on_every_sheet(out: Path) -> None:
    book = load_workbook(out / "actions.xlsx")
    sheet = book["actions"]
    header = [c.value for c in sheet[1]]
    col = {name: i for i, name in enumerate(header)}
    rows = list(sheet.iter_rows(min_row=2))
    assert [r[col["needs_review"]].value for r in rows] == [True, True, True, False, False, True, False]
    assert rows[0][col["needs_review"]].data_type == "b"
    assert rows[0][col["rec_candidates"]].value == "R3;R4;R5"
    letter = rows[0][col["action"]].column_letter
    assert rows[0][col["action"]].alignment.wrap_text
    assert 20 < sheet.column_dimensions[letter].width <= 60
    for name in book.sheetnames:
        widths = {k: d.width for k, d in book[name].column_dimensions.items()}
        assert len(widths) == book[name].max_column, name
        assert all(5 <= w <= 60 for w in widths.values()), (name, widths)
    recs = book["recommendations"]
    text_col = [c.value for c in recs[1]].index("text")
    assert recs.cell(row=2, column=text_col + 1).alignment.wrap_text
    assert recs.column_dimensions[recs.cell(row=1, column=text_col + 1).column_letter].width == 60
    coverage = book["coverage"]
    r1 = [c.value for c in coverage[1]].index("R1") + 1
    assert coverage.column_dimensions[coverage.cell(row=1, column=r1).column_letter].width < 10


def test_every_output_of_a_real_refresh_validates(sample_out: Path) -> None:
    """The check the README tells users to run, on the sample plans, plus the typed frame's own."""
    import frictionless

    report = frictionless.validate(sample_out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    for resource in package(sample_out)["resources"]:
        if resource["path"].endswith(".csv"):
            frame = pd.read_csv(sample_out / resource["path"], dtype=str, keep_default_na=False)
            assert validate_table(frame, resource["schema"]) == [], resource["path"]
    assert validate_typed(read_dataset(sample_out), schema_of(sample_out, "actions.csv")) == []


def test_read_dataset_reads_an_older_all_text_parquet(tmp_path: Path, out: Path) -> None:
    text = pd.read_csv(out / "actions.csv", dtype=str, keep_default_na=False)
    text.drop(columns="match_evidence").to_parquet(tmp_path / "actions.parquet", index=False)
    frame = read_dataset(tmp_path)
    assert {c: str(t) for c, t in frame.dtypes.items()} == EXPECTED_DTYPES
    pd.testing.assert_frame_equal(
        frame.drop(columns="match_evidence"), typed_actions(text).drop(columns="match_evidence")
    )
    assert (frame.match_evidence == "").all()


def test_an_empty_dataset_is_typed_too(tmp_path: Path) -> None:
    write_all(tmp_path, [], [])
    frame = read_dataset(tmp_path)
    assert frame.empty and {c: str(t) for c, t in frame.dtypes.items()} == EXPECTED_DTYPES
