import pytest

from talentmap.normalise.headers import SYNONYMS, assign_headers, header_matches


def fields_of(headers):
    return {c: m.field for c, m in assign_headers(headers).items()}


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Measures of success", "measure"),
        ("KPI", "measure"),
        ("How impact will be evidenced", "measure"),
        ("Success criteria", "measure"),
        ("Owner", "lead"),
        ("Responsibility", "lead"),
        ("Who", "lead"),
        ("By when", "timescale"),
        ("Target date", "timescale"),
        ("Aim", "objective"),
        ("TALENT Recommendation", "objective"),
        ("Targeted Recommendation", "objective"),
        ("Ref.", "ref"),
        ("Action reference", "ref"),
        ("No.", "ref"),
        ("What have we done?", "progress"),
        ("Progress update", "progress"),
        ("RAG", "status"),
        ("Pillar", "theme"),
        ("Recommendation reference", "stated_rec"),
    ],
)
def test_synonym_maps_to_field(header, field):
    assert header_matches(header)[0].field == field
    assert header_matches(header)[0].score == 100


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Measure of sucess", "measure"),  # misspelt
        ("Time-scale", "timescale"),
        ("How will impact be evidenced?", "measure"),  # words reordered
        ("Progress-to-date", "progress"),
    ],
)
def test_spelling_and_punctuation_variants_map_fuzzily(header, field):
    assert header_matches(header)[0].field == field


def test_parenthetical_aside_is_ignored():
    assert header_matches("What could we do? (already in our action plan)")[0].field == "action"


def test_unknown_header_maps_to_nothing():
    assert header_matches("The Empowering University Strategy") == []
    assert header_matches("Practical Considerations (MI Statement)") == []


def test_one_field_per_column_and_best_evidence_wins():
    got = fields_of(
        ["Recommendation reference", "TALENT Recommendation", "Action reference", "Tasks", "Status"]
    )
    assert got == {0: "stated_rec", 1: "objective", 2: "ref", 3: "action", 4: "status"}


def test_word_inside_longer_header_is_weak_evidence():
    got = fields_of(["Action", "Lead person or team", "Timescales for completion"])
    assert got == {0: "action", 1: "lead", 2: "timescale"}


def test_each_field_has_one_synonym_table():
    assert set(SYNONYMS) == {
        "ref",
        "stated_rec",
        "objective",
        "action",
        "measure",
        "lead",
        "timescale",
        "status",
        "progress",
        "theme",
    }


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Current position", "progress"),
        ("Evidence of progress", "progress"),
        ("Update (March 2024)", "progress"),
        ("How will we know?", "measure"),
        ("Action Owner(s)", "lead"),
        ("Responsibility/Lead", "lead"),
        ("Technician Commitment", "theme"),
    ],
)
def test_more_real_world_headers(header, field):
    assert header_matches(header)[0].field == field


def test_header_printed_as_one_line_splits_into_labels():
    from talentmap.normalise.headers import split_header_line

    line = (
        "Recommendation reference TALENT Recommendation Action reference Tasks Status "
        "The Empowering University Strategy"
    )
    assert split_header_line(line, 6) == [
        "Recommendation reference",
        "TALENT Recommendation",
        "Action reference",
        "Tasks",
        "Status",
        "The Empowering University Strategy",
    ]
    assert split_header_line(
        "Targeted Recommendation Practical Considerations (MI Statement) What could we do? (already in our "
        "action plan) What have we done?",
        4,
    ) == [
        "Targeted Recommendation",
        "Practical Considerations (MI Statement)",
        "What could we do? (already in our action plan)",
        "What have we done?",
    ]


def test_a_sentence_is_not_a_header_line():
    from talentmap.normalise.headers import split_header_line

    assert split_header_line("We will run an annual event for all technicians and staff", 4) is None
