"""A ref typed at the start of the action, in a plan with no ref column, becomes the ref."""

import pytest

from talentmap.extract.model import Document, RawRow, RawTable, TextLine
from talentmap.normalise import normalise
from talentmap.normalise.fields import split_typed_ref


def plan_of(*rows):
    table = RawTable(rows=tuple(RawRow(tuple(r)) for r in rows), extractor="docx", seq=1)
    title = TextLine("Technician Commitment action plan 2024-2027", seq=0)
    return normalise(Document(source="p.docx", kind="docx", lines=(title,), tables=(table,)))


def test_typed_refs_are_split_out_when_there_is_no_ref_column():
    plan = plan_of(
        ["Action", "Lead"],
        ["1.2 Deliver a technician showcase every year.", "HR"],
        ["V3 Publish technician profiles on the website.", "Comms"],
    )
    assert [(r.ref, r.action) for r in plan.records] == [
        ("1.2", "Deliver a technician showcase every year."),
        ("V3", "Publish technician profiles on the website."),
    ]


def test_a_ref_column_keeps_the_action_text_whole():
    plan = plan_of(["Ref", "Action", "Lead"], ["C4", "1.2 Deliver a technician showcase.", "HR"])
    assert (plan.records[0].ref, plan.records[0].action) == ("C4", "1.2 Deliver a technician showcase.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3. Run a mentoring scheme.", ("3.", "Run a mentoring scheme.")),
        ("1. Publish a framework.\n2. Map every role.", ("", "1. Publish a framework.\n2. Map every role.")),
        ("R7 Broaden access to careers.", ("", "R7 Broaden access to careers.")),
        ("2024 showcase held.", ("", "2024 showcase held.")),
        ("10 technicians trained.", ("", "10 technicians trained.")),
    ],
)
def test_split_typed_ref(text, expected):
    assert split_typed_ref(text) == expected
