"""Actions printed as cards: a ref and action line, then one line of labelled fields."""

from talentmap.extract.model import Document, TextLine
from talentmap.normalise import normalise
from talentmap.normalise.cards import field_line


def doc(*texts):
    lines = tuple(TextLine(t, page=1, seq=k) for k, t in enumerate(texts))
    return Document(source="x.pdf", kind="pdf", lines=lines, pages=1)


def test_cards_are_read_as_one_table_with_their_pillars():
    plan = normalise(
        doc(
            "Elmbury University Technician Commitment actions 2023-26",
            "Visibility",
            "E01 Set up a technicians' network with its own channel on the staff",
            "messaging platform",
            "Owner: Network Chair | Due: Jan 2024 | Status: Complete",
            "Recognition",
            "E02 Open the staff excellence awards to nominations from technicians",
            "Owner: HR Director | Due: Mar 2024 | Status: Not started",
        )
    )
    got = [(r.ref, r.theme, r.action, r.lead, r.timescale, r.status) for r in plan.records]
    assert got == [
        (
            "E01",
            "Visibility",
            "Set up a technicians' network with its own channel on the staff messaging platform",
            "Network Chair",
            "Jan 2024",
            "complete",
        ),
        (
            "E02",
            "Recognition",
            "Open the staff excellence awards to nominations from technicians",
            "HR Director",
            "Mar 2024",
            "not_started",
        ),
    ]
    assert {r.extractor for r in plan.records} == {"text-cards"}


def test_a_single_card_is_not_a_plan():
    plan = normalise(doc("Technician Commitment", "E01 Set up a network.", "Owner: HR | Due: Jan 2024"))
    assert plan.records == ()


def test_labelled_lines_that_name_no_plan_fields_are_not_cards():
    assert field_line("Name: Dharamveer | Age: 63 | Sex: Male") is None
    assert field_line("Owner: HR | Due: Jan 2024") == [("Owner", "HR"), ("Due", "Jan 2024")]
    assert field_line("Owner: HR and the Estates team") is None
