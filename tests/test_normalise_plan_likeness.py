"""Documents that are not action plans give no actions, and say why; plans of unseen layouts still do."""

import pytest

from talentmap.extract.model import Document, RawRow, RawTable, TextLine
from talentmap.normalise import normalise
from talentmap.normalise.explain import explain_text
from talentmap.normalise.plan_likeness import document_topic, list_reads_as_commitments, reads_as_commitment
from talentmap.pipeline import _no_actions_message

PROSE = [
    "Offer every laboratory colleague a yearly development review with a named mentor.",
    "Create a shared equipment booking system so that specialist skills are visible.",
    "Publish case studies of staff progression routes on the intranet each term.",
]
DATA_PROSE = [
    "Engines to be installed in specific applications may require the designer to modify them.",
    "The manufacturer shall declare the rated power at the reference ambient conditions.",
    "Fuel consumption is measured at full load with all engine-driven auxiliaries fitted.",
]
TC_TITLE = TextLine("Oakhurst University Technician Commitment action plan 2023-2026", page=1, seq=0)
REPORT_TITLE = TextLine("Annual statistics of the regional engine registry 2019", page=1, seq=0)


def table(*rows, seq=1):
    return RawTable(rows=tuple(RawRow(tuple(r), 1) for r in rows), extractor="pdfplumber-lines", seq=seq)


def doc(*tables, lines=()):
    return Document(source="x.pdf", kind="pdf", lines=tuple(lines), tables=tuple(tables), pages=1)


def headerless(texts, lead="Head of Technical Services"):
    return table(*[[f"1.{k + 1}", text, lead, "July 2025"] for k, text in enumerate(texts)])


def no_plan_reason(plan):
    return next(n for n in plan.notes if n.startswith("no action plan found"))


# --- tables -------------------------------------------------------------------------------------


def test_initiative_owner_date_header_is_an_action_table_without_any_mention_of_technicians():
    t = table(
        ["Initiative", "Owner", "Date"], *[[text, "Director of Operations", "Dec 2024"] for text in PROSE]
    )
    plan = normalise(doc(t, lines=[TextLine("Harrowfield University people plan 2024-2026", seq=0)]))
    assert [r.action for r in plan.records] == PROSE
    assert [r.lead for r in plan.records] == ["Director of Operations"] * 3


def test_headerless_prose_table_is_read_in_a_technician_commitment_document():
    plan = normalise(doc(headerless(PROSE), lines=[TC_TITLE]))
    assert [(r.ref, r.action) for r in plan.records] == [(f"1.{k + 1}", t) for k, t in enumerate(PROSE)]


def test_same_headerless_table_in_a_report_not_about_technicians_gives_no_actions():
    plan = normalise(doc(headerless(DATA_PROSE, "Registry Office"), lines=[REPORT_TITLE]))
    assert plan.records == ()
    assert no_plan_reason(plan).startswith(
        "no action plan found: 1 table without a header row naming an action column"
    )
    assert "not about technicians" in explain_text(plan)


def test_data_table_with_wordy_column_is_not_an_action_table_and_the_reason_names_its_headers():
    t = table(
        ["No.", "Item", "Power", "Speed"],
        *[[str(k), text, "500", "1500"] for k, text in enumerate(DATA_PROSE)],
    )
    plan = normalise(doc(t, lines=[REPORT_TITLE]))
    assert plan.records == ()
    reason = no_plan_reason(plan)
    assert "1 table" in reason and "headers seen: 'No.', 'Item', 'Power', 'Speed'" in reason
    assert "table 1: skipped, not an action table" in explain_text(plan)


def test_action_header_alone_needs_another_plan_column_outside_a_technicians_document():
    rows = [["Action"], *[[text] for text in DATA_PROSE]]
    assert normalise(doc(table(*rows), lines=[REPORT_TITLE])).records == ()
    assert len(normalise(doc(table(*rows), lines=[TC_TITLE])).records) == 3


@pytest.mark.parametrize(("lines", "kept"), [([REPORT_TITLE], 0), ([TC_TITLE], 3)])
def test_description_header_is_an_action_column_only_in_a_technicians_document(lines, kept):
    t = table(["Description", "Date"], *[[text, "2019"] for text in DATA_PROSE])
    assert len(normalise(doc(t, lines=lines)).records) == kept


def test_continuation_of_an_action_table_stays_an_action_table():
    first = table(["Ref", "Action", "Lead"], ["1", PROSE[0], "HR"], seq=1)
    rest = table(["2", PROSE[1], "HR"], ["3", PROSE[2], "HR"], seq=2)
    plan = normalise(doc(first, rest, lines=[REPORT_TITLE]))
    assert [r.action for r in plan.records] == PROSE


def test_rows_with_no_action_objective_or_progress_text_are_dropped_and_rows_renumbered():
    t = table(
        ["Ref", "Action", "Lead", "Progress"],
        ["1", PROSE[0], "HR", ""],
        ["2", "", "HR", ""],
        ["3", PROSE[1], "HR", "Started."],
    )
    plan = normalise(doc(t, lines=[TC_TITLE]))
    assert [(r.row, r.ref) for r in plan.records] == [(1, "1"), (2, "3")]
    assert any("1 rows with no action" in n for n in plan.notes)


# --- numbered lists -----------------------------------------------------------------------------

AGENDA = ["1. CALL TO ORDER/FLAG SALUTE", "2. PUBLIC COMMENT", "3. CLOSED SESSION", "4. ADJOURNMENT"]
PLEDGES = [
    "1. We will run an annual showcase of the work of our support staff.",
    "2. Develop a career framework with clear progression routes.",
    "3. To establish a network for laboratory staff across faculties.",
]


def lines_of(texts, title):
    return [title] + [TextLine(text, page=1, seq=k + 1) for k, text in enumerate(texts)]


def test_numbered_agenda_items_are_not_commitments():
    plan = normalise(doc(lines=lines_of(AGENDA, REPORT_TITLE)))
    assert plan.records == ()
    assert "numbered list of 4 items that do not read as commitments" in no_plan_reason(plan)


def test_numbered_pledges_are_commitments_even_without_the_word_technician():
    plan = normalise(doc(lines=lines_of(PLEDGES, REPORT_TITLE)))
    assert [r.ref for r in plan.records] == ["1", "2", "3"]


def test_any_numbered_list_in_a_technician_commitment_document_is_read():
    items = ["1. Visibility of our teams", "2. Recognition of expertise", "3. Career development routes"]
    plan = normalise(doc(lines=lines_of(items, TC_TITLE)))
    assert len(plan.records) == 3


def test_reads_as_commitment():
    assert reads_as_commitment("We will run a showcase.")
    assert reads_as_commitment("We\u2019ll publish a framework.")
    assert reads_as_commitment("Establish a forum for staff.")
    assert reads_as_commitment("To develop a mentoring scheme.")
    assert not reads_as_commitment("CALL TO ORDER")
    assert not reads_as_commitment("The tenant shall keep the premises in repair.")
    assert not reads_as_commitment("Calculate the trip distance of each sample trip.")
    assert list_reads_as_commitments([p[3:] for p in PLEDGES])
    assert not list_reads_as_commitments([a[3:] for a in AGENDA])


def test_document_topic():
    assert document_topic(["Technician Commitment action plan"]).about_technicians
    assert document_topic(["Our response to the TALENT Commission"]).about_technicians
    assert document_topic(["Technicians and technical staff"]).about_technicians
    assert not document_topic(["One lab technician retired."]).about_technicians
    assert not document_topic(["Developing talent in the workforce"]).about_technicians


# --- the message in errors.csv ------------------------------------------------------------------


def test_pipeline_message_is_the_normalisers_reason():
    document = doc(headerless(DATA_PROSE, "Registry Office"), lines=[REPORT_TITLE])
    message = _no_actions_message(document, normalise(document))
    assert message.startswith("no action plan found: 1 table")


def test_no_table_and_no_list_says_so():
    plan = normalise(doc(lines=[REPORT_TITLE, TextLine("Some prose about engines.", seq=1)]))
    assert no_plan_reason(plan) == (
        "no action plan found: no table and no numbered list of commitments; "
        "the document does not read as being about technicians"
    )


def test_unknown_action_header_is_read_by_content_in_a_technician_commitment_document():
    t = table(["Commitment", "Lead", "By when"], *[[text, "HR", "2025"] for text in PROSE])
    assert [r.action for r in normalise(doc(t, lines=[TC_TITLE])).records] == PROSE
    assert normalise(doc(t, lines=[REPORT_TITLE])).records == ()
