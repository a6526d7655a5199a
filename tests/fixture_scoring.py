"""Committed layout-generator renderings as test cases: one parameter per sample, scored alike.

Shared by the default look set's fixtures and the opt-in page_columns set's, so both mark a
look read badly today the same way (a strict xfail naming it) and score a sample the same way.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from layoutgen import score_sample

import talentmap


def samples(fixtures: Path, pattern: str, known: dict[str, str]) -> list:
    """One parameter per committed sample; a sample in `known` is a strict xfail with its look."""
    params = []
    for truth in sorted(fixtures.glob(pattern)):
        look = json.loads(truth.read_text(encoding="utf-8"))["look_description"]
        marks = (
            [pytest.mark.xfail(strict=True, reason=f"{known[truth.stem]} [{look}]")]
            if truth.stem in known
            else []
        )
        params.append(pytest.param(truth.stem, marks=marks, id=truth.stem))
    return params


def scored(fixtures: Path, name: str):
    """The sample's PDF read by the pipeline and scored against its truth (unreadable: zero)."""
    truth = json.loads((fixtures / f"{name}.json").read_text(encoding="utf-8"))
    try:
        rows = talentmap.read_plan(fixtures / f"{name}.pdf").fillna("").astype(str).to_dict("records")
    except Exception:  # a file the pipeline cannot read scores zero
        rows = []
    return score_sample(truth["actions"], rows)
