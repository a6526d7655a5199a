"""Two column schemes from no seed, written as real .docx files and read through the extract stage."""

import importlib.util
from pathlib import Path

import pytest

from talentmap.extract import extract_document
from talentmap.normalise import normalise

_SPEC = importlib.util.spec_from_file_location(
    "unseen_plans", Path(__file__).parent / "fixtures" / "normalise" / "unseen_plans.py"
)
unseen = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(unseen)

FIELDS = ("theme", "ref", "objective", "action", "measure", "lead", "timescale", "progress")


@pytest.mark.parametrize("scheme", unseen.SCHEMES, ids=lambda s: s["name"])
def test_unseen_scheme_normalises_every_field(tmp_path, scheme):
    path = unseen.write_docx(scheme, tmp_path / f"{scheme['name']}.docx")
    plan = normalise(extract_document(path), file_stem=path.stem)
    assert (plan.institution, plan.period) == (scheme["institution"], scheme["period"])
    expected = unseen.expected_actions(scheme)
    assert len(plan.records) == len(expected)
    for record, want in zip(plan.records, expected, strict=True):
        assert {f: getattr(record, f) for f in FIELDS} == {f: want[f] for f in FIELDS}
        assert record.status_raw == want["status"]
        assert record.extra == ()


def test_scheme_a_statuses_follow_its_own_legend(tmp_path):
    path = unseen.write_docx(unseen.SCHEME_A, tmp_path / "a.docx")
    plan = normalise(extract_document(path))
    assert [r.status for r in plan.records] == ["complete", "on_track", "not_started", "on_track"]
