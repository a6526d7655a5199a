"""Every file a refresh leaves in data/processed, from a synthetic set of final rows."""

from __future__ import annotations

import dataclasses
import json
import random
import stat
from pathlib import Path

import pandas as pd
import pytest
from conftest import EXPECTED_OUTPUTS
from openpyxl import load_workbook
from outputs_sample import FAILED, sample_results

from talentmap.columns import COLUMNS
from talentmap.csvsafe import restore_frame
from talentmap.datapackage import columns_markdown, validate_table
from talentmap.dataset import read_dataset, text_actions, validate_typed
from talentmap.normalise.model import STATUSES, THEMES
from talentmap.outputs import rebuild_report, write_all
from talentmap.summaries import PREFIX_MIN_CHARS, action_prefixes, unique_prefix

ROOT = Path(__file__).resolve().parent.parent
REC_IDS = [f"R{i}" for i in range(1, 17)]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("processed")
    write_all(folder, sample_results(), FAILED, summary_info="2 files processed, 1 failed")
    return folder


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def resource(out: Path, name: str) -> dict:
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    return next(r for r in package["resources"] if r["path"] == name)


def test_write_all_writes_every_output_readable_by_all(out: Path) -> None:
    visible = [p for p in out.iterdir() if not p.name.startswith(".")]  # .current, .sets: the set behind
    assert {p.name for p in visible} == set(EXPECTED_OUTPUTS)
    for path in visible:
        assert path.stat().st_mode & stat.S_IROTH, path.name
        assert path.resolve().parent.stat().st_mode & stat.S_IXOTH, path.name


def test_actions_csv_validates_against_datapackage(out: Path) -> None:
    actions = read(out / "actions.csv")
    schema = resource(out, "actions.csv")["schema"]
    assert [f["name"] for f in schema["fields"]] == list(COLUMNS)
    assert validate_table(actions, schema) == []
    assert len(actions) == 7


@pytest.mark.parametrize(
    "name", ["errors.csv", "coverage.csv", "recommendations.csv", "review.csv", "plans.csv"]
)
def test_companion_csvs_validate_against_datapackage(out: Path, name: str) -> None:
    assert validate_table(read(out / name), resource(out, name)["schema"]) == []


def test_datapackage_states_allowed_values_and_describes_every_column(out: Path) -> None:
    fields = {f["name"]: f for f in resource(out, "actions.csv")["schema"]["fields"]}
    assert all(f["description"] for f in fields.values())
    assert fields["theme"]["constraints"]["enum"] == ["", *THEMES]
    assert fields["status"]["constraints"]["enum"] == ["", *STATUSES]
    assert set(fields["match_method"]["constraints"]["enum"]) == {
        "",
        "stated",
        "verbatim",
        "similarity",
        "override",
    }
    assert fields["rec_id"]["constraints"]["enum"] == ["", *REC_IDS]
    assert fields["needs_review"]["type"] == "boolean"


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("theme", "Visbility"),
        ("status", "Green"),
        ("rec_id", "R17"),
        ("match_score", "101"),
        ("match_score", "high"),
        ("needs_review", "yes"),
        ("needs_review", ""),
        ("row", "0"),
        ("extra", "[1, 2]"),
        ("period", "2021/24"),
        ("target_id", "R5"),
    ],
)
def test_validator_rejects_a_value_outside_the_schema(out: Path, column: str, value: str) -> None:
    actions = read(out / "actions.csv")
    actions.loc[0, column] = value
    problems = validate_table(actions, resource(out, "actions.csv")["schema"])
    assert problems and problems[0].startswith(f"{column} line 2:")


def test_validator_rejects_duplicate_key_and_wrong_header(out: Path) -> None:
    actions = read(out / "actions.csv")
    schema = resource(out, "actions.csv")["schema"]
    assert validate_table(pd.concat([actions, actions.head(1)]), schema) == [
        "primary key ['source_file', 'row'] has duplicates"
    ]
    assert validate_table(actions.drop(columns="lead"), schema)[0].startswith("header")


def test_datapackage_validates_with_frictionless(out: Path) -> None:
    import frictionless  # a test extra: the data dictionary is checked by the tool users are told to run

    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_coverage_one_row_per_plan_counts_add_up_to_actions(out: Path) -> None:
    coverage = pd.read_csv(out / "coverage.csv")
    assert list(coverage.columns[:4]) == ["plan_id", "source_file", "institution", "period"]
    assert list(coverage.columns[4:20]) == REC_IDS
    assert list(coverage["plan_id"]) == ["beta_institute_plan", "university_of_alpha_2021"]
    assert (coverage[REC_IDS].sum(axis=1) + coverage["unmatched"] == coverage["actions"]).all()
    assert coverage["actions"].sum() == len(read(out / "actions.csv"))
    alpha = coverage.set_index("plan_id").loc["university_of_alpha_2021"]
    assert (alpha["R1"], alpha["R10"], alpha["R11"], alpha["R3"]) == (2, 1, 1, 0)
    assert coverage.set_index("plan_id").loc["beta_institute_plan", "unmatched"] == 1


def test_recommendations_csv_lists_16_with_titles_and_targeted(out: Path) -> None:
    recs = read(out / "recommendations.csv")
    assert list(recs.columns) == ["rec_id", "short_title", "text", "targeted"]
    assert list(recs["rec_id"]) == REC_IDS
    assert (recs["text"].str.len() > 40).all() and (recs["short_title"] != "").all()
    r1 = recs.set_index("rec_id").loc["R1", "targeted"]
    assert r1.startswith("R1.1: ") and "; R1.2: " in r1


def test_review_csv_holds_the_rows_to_check_with_what_an_override_needs(out: Path) -> None:
    review = read(out / "review.csv")
    assert len(review) == 4
    for column in (
        "plan_id",
        "ref",
        "action_prefix",
        "rec_id",
        "rec_candidates",
        "match_score",
        "match_evidence",
    ):
        assert column in review.columns
    beta = review[review["plan_id"] == "beta_institute_plan"]
    prefixes = set(beta["action_prefix"])
    assert "Collect workforce data on technical staff by role" in prefixes
    assert "Collect workforce data on technical staff by grade" in prefixes
    for _, row in review.iterrows():
        assert row["action"].replace("\n", " ").startswith(row["action_prefix"])


def test_unique_prefix_stops_at_a_word_once_long_enough_and_unique() -> None:
    text = "Run an annual technician conference with external speakers and prizes"
    assert unique_prefix(text, [], min_chars=20) == "Run an annual technician"
    assert unique_prefix(text, ["Run an annual technician survey"], min_chars=20) == (
        "Run an annual technician conference"
    )
    assert unique_prefix("Short", [], min_chars=20) == "Short"


def test_action_prefixes_equal_a_brute_force_search() -> None:
    words = ["Hold", "a", "technician", "network", "event", "survey", "every", "year", "term"]
    rng = random.Random(7)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 12))) for _ in range(60)]
    texts += texts[:3]  # identical actions: only the whole text can be given
    frame = pd.DataFrame({"plan_id": "p", "ref": "", "action": texts})
    prefixes = action_prefixes(frame)
    for index, text in enumerate(texts):
        others = texts[:index] + texts[index + 1 :]
        assert prefixes[index] == unique_prefix(text, others, min_chars=PREFIX_MIN_CHARS)


def test_plans_csv_one_row_per_file_failed_first(out: Path) -> None:
    plans = read(out / "plans.csv")
    assert list(plans["source_file"]) == [
        "broken/not_a_plan.pdf",
        "beta_institute_plan.docx",
        "university_of_alpha_2021.docx",
    ]
    failed, beta, alpha = (plans.iloc[i] for i in range(3))
    assert (failed["actions"], failed["stage"], failed["error"]) == (
        "0",
        "extract",
        "not a PDF file <b>really</b>",
    )
    assert (beta["actions"], beta["needs_review"], beta["review_share"]) == ("3", "3", "1.0")
    assert (alpha["institution"], alpha["period"], alpha["review_share"]) == (
        "University of Alpha",
        "2021-2024",
        "0.25",
    )
    assert (alpha["extractors"], alpha["unmapped_columns"], alpha["error"]) == ("docx", "RAG", "")


def test_errors_csv_has_the_failed_file(out: Path) -> None:
    assert read(out / "errors.csv").to_dict("records") == [
        {"source_file": "broken/not_a_plan.pdf", "stage": "extract", "error": "not a PDF file <b>really</b>"}
    ]


def test_parquet_has_the_same_rows_typed(out: Path) -> None:
    """The same rows; the CSV's formula-like cells carry the `'` guard (talentmap.csvsafe)."""
    typed = read_dataset(out)
    pd.testing.assert_frame_equal(
        text_actions(typed), restore_frame(read(out / "actions.csv")), check_dtype=False
    )
    assert validate_typed(typed, resource(out, "actions.csv")["schema"]) == []


def test_xlsx_has_frozen_header_filters_and_safe_text(out: Path) -> None:
    book = load_workbook(out / "actions.xlsx")
    sheet = book["actions"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    header = [c.value for c in sheet[1]]
    assert header == list(COLUMNS)
    assert sheet.max_row == 8
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=2)]
    assert rows[0]["row"] == 1 and isinstance(rows[0]["match_score"], int)
    assert rows[0]["target_id"] is None and rows[0]["page"] is None  # blank, not an empty string
    risky = next(r for r in rows if r["ref"] == "B7")
    assert risky["action"] == '=HYPERLINK("http://x") review the committee'
    assert all(c.data_type != "f" for r in sheet.iter_rows() for c in r)
    assert {"coverage", "recommendations"} <= set(book.sheetnames)


def test_rebuild_report_from_the_files_alone(out: Path, tmp_path: Path) -> None:
    for name in ("actions.csv", "errors.csv", "recommendations.csv"):
        (tmp_path / name).write_bytes((out / name).read_bytes())
    path = rebuild_report(tmp_path)
    html = path.read_text(encoding="utf-8")
    assert path.name == "report.html"
    assert 'id="review-count">4<' in html and "University of Alpha" in html


def test_rebuild_report_without_actions_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="talentmap refresh"):
        rebuild_report(tmp_path)


def test_readme_columns_section_matches_the_datapackage_descriptions() -> None:
    assert columns_markdown().strip() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_report_rebuilds_report_html(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from talentmap.cli import main

    (tmp_path / "actions.csv").write_bytes((out / "actions.csv").read_bytes())
    assert main(["report", "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "report.html")
    assert "University of Alpha" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_cli_report_without_a_refresh_is_a_usage_error(tmp_path: Path) -> None:
    from talentmap.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--out", str(tmp_path)])
    assert exit_info.value.code == 2


def test_review_csv_is_empty_when_nothing_needs_review(tmp_path: Path) -> None:
    results = [
        dataclasses.replace(r, rows=tuple({**row, "needs_review": "false"} for row in r.rows))
        for r in sample_results()
    ]
    write_all(tmp_path, results, [])
    assert read(tmp_path / "review.csv").empty
    assert read(tmp_path / "errors.csv").empty
    assert 'id="review-count">0<' in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_plans_csv_when_every_file_failed(tmp_path: Path) -> None:
    write_all(tmp_path, [], FAILED)
    plans = read(tmp_path / "plans.csv")
    assert plans[["source_file", "institution", "review_share", "stage"]].to_dict("records") == [
        {"source_file": "broken/not_a_plan.pdf", "institution": "", "review_share": "", "stage": "extract"}
    ]
    assert read(tmp_path / "coverage.csv").empty and read(tmp_path / "actions.csv").empty
    assert 'id="error-count">1<' in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_review_csv_first_columns_are_overrides_that_hit_exactly_the_queued_rows(
    out: Path, tmp_path: Path
) -> None:
    from talentmap.mapping import RecMatch, apply_overrides
    from talentmap.overrides_step import read_override_file
    from talentmap.pipeline import query_for

    review = read(out / "review.csv")
    overrides = review[["plan_id", "ref", "action_prefix", "rec_id", "target_id", "note"]].assign(
        rec_id="R16", target_id="", note="checked by hand"
    )
    assert list(review.columns[:6]) == list(overrides.columns)
    overrides.to_csv(tmp_path / "overrides.csv", index=False)
    rows = [row for result in sample_results() for row in result.rows]
    queries = [query_for(row["plan_id"], row) for row in rows]
    before = [RecMatch(row["rec_id"], (), "", 50, "similarity", True) for row in rows]
    after, orphans = apply_overrides(queries, before, read_override_file(tmp_path / "overrides.csv"))
    assert orphans == []
    changed = {
        (row["plan_id"], row["row"]) for row, match in zip(rows, after, strict=True) if match.rec_id == "R16"
    }
    assert changed == set(zip(review["plan_id"], review["row"], strict=True))
