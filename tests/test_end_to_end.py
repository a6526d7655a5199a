"""The whole pipeline on the sample plans in data/raw: actual rows, checked against the generator."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

import talentmap
from talentmap.columns import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"


def _samples():
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts" / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLES = _samples()
STATUS = {"Green": "on_track", "Amber": "at_risk", "Red": "delayed", "Blue": "complete"}


@pytest.fixture(scope="module")
def dataset(sample_out: Path) -> pd.DataFrame:
    frame = pd.read_csv(sample_out / "actions.csv", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(COLUMNS)
    assert pd.read_csv(sample_out / "errors.csv").empty
    return frame


def _plan(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    return frame[frame["source_file"] == source].reset_index(drop=True)


def test_portrait_pdf_with_pillar_sections(dataset: pd.DataFrame) -> None:
    rows = _plan(dataset, "university_of_northgate_2023.pdf")
    want = [(theme, *values) for theme, block in SAMPLES.NORTHGATE.items() for values in block]
    got = rows[["theme", "ref", "objective", "action", "measure", "lead", "timescale", "status_raw"]]
    assert [tuple(r) for r in got.itertuples(index=False)] == want
    assert list(rows["status"]) == [STATUS[w[-1]] for w in want]
    assert list(rows["row"]) == [str(i) for i in range(1, len(want) + 1)]
    assert set(rows["institution"]) == {"University of Northgate"}
    assert set(rows["period"]) == {"2023-2026"}
    assert rows["page"].iloc[0] == "1" and rows["page"].iloc[-1] == "2"


def test_landscape_pdf_with_spanning_recommendation_cells(dataset: pd.DataFrame) -> None:
    rows = _plan(dataset, "westbrook_tc_action_plan.pdf")
    want = [(rec.rstrip("."), text, *task) for rec, text, tasks in SAMPLES.WESTBROOK for task in tasks]
    got = rows[["stated_rec", "objective", "ref", "action", "lead", "status_raw"]]
    assert [tuple(r) for r in got.itertuples(index=False)] == want
    assert list(rows["rec_id"]) == [w[0] for w in want]
    assert set(rows["match_method"]) == {"stated"}
    assert set(rows["institution"]) == {"Westbrook University"}
    assert set(rows["period"]) == {"2024-2027"}


def test_word_statement_of_numbered_commitments(dataset: pd.DataFrame) -> None:
    rows = _plan(dataset, "eastfield_statement.docx")
    assert list(rows["action"]) == SAMPLES.EASTFIELD
    assert list(rows["ref"]) == ["1", "2", "3", "4"]
    assert set(rows["extractor"]) == {"text-list"}
    assert set(rows["page"]) == {""}
    assert rows.loc[3, "rec_id"] == "R7"  # apprenticeships and trainee routes -> entry routes


def test_word_table_against_targeted_recommendations(dataset: pd.DataFrame) -> None:
    rows = _plan(dataset, "ashford_talent_progress.docx")
    assert list(rows["objective"]) == [r[0] for r in SAMPLES.ASHFORD]
    assert list(rows["action"]) == [r[1] for r in SAMPLES.ASHFORD]
    assert list(rows["progress"]) == [r[2] for r in SAMPLES.ASHFORD]
    assert list(rows["match_method"]) == ["verbatim"] * 3
    assert list(rows["rec_id"]) == ["R12", "R5", "R6"]
    assert all(json.loads(extra) == {} for extra in rows["extra"])


def test_read_plan_api_matches_the_batch(dataset: pd.DataFrame) -> None:
    frame = talentmap.read_plan(RAW / "westbrook_tc_action_plan.pdf")
    batch = _plan(dataset, "westbrook_tc_action_plan.pdf")
    assert list(frame.columns) == list(COLUMNS)
    assert list(frame["action"]) == list(batch["action"])
