"""Page-break robustness: rows split across pages, merged cells drawn once, headings split."""

from talentmap.extract.model import Document, RawRow, RawTable, TextLine
from talentmap.normalise import normalise
from talentmap.normalise.headers import header_matches

ACTION_1 = "Run an annual technician showcase event open to all staff and students across"
ACTION_2 = "Publish a technician career pathway framework with clear progression routes."


def page_table(rows, page, seq, extractor="pdfplumber-lines"):
    return RawTable(rows=tuple(RawRow(tuple(r), page) for r in rows), extractor=extractor, seq=seq)


def pdf(*tables, lines=()):
    return Document(source="plan.pdf", kind="pdf", lines=tuple(lines), tables=tuple(tables))


def test_split_row_with_ref_column_is_rejoined():
    t1 = page_table([["Ref", "Action", "Measure"], ["B1.", ACTION_1, "Attendance"]], page=1, seq=1)
    t2 = page_table([["", "campus.", "figures"], ["B2", ACTION_2, "Framework live"]], page=2, seq=2)
    records = normalise(pdf(t1, t2)).records
    assert [(r.ref, r.action, r.measure, r.page) for r in records] == [
        ("B1", ACTION_1 + " campus.", "Attendance figures", 1),
        ("B2", ACTION_2, "Framework live", 2),
    ]


def test_split_row_inside_one_joined_table_is_rejoined():
    rows = (
        RawRow(("Ref", "Action"), 1),
        RawRow(("1.1", ACTION_1), 1),
        RawRow(("", "campus."), 2),
        RawRow(("1.2", ACTION_2), 2),
    )
    records = normalise(pdf(RawTable(rows=rows, extractor="pdfplumber-lines", seq=1))).records
    assert [r.action for r in records] == [ACTION_1 + " campus.", ACTION_2]


def test_split_bulleted_cell_continues_the_last_bullet():
    header = ["Targeted Recommendation", "What could we do?", "What have we done?"]
    t1 = page_table(
        [header, ["Expand entry routes.", "*Review adverts.\n*Update the recruitment", "*Done."]], 1, 1
    )
    t2 = page_table(
        [["", "checklist.\n*Hold open days.", ""], ["Invest in apprentices.", "*Host placements.", ""]], 2, 2
    )
    records = normalise(pdf(t1, t2)).records
    assert len(records) == 2
    assert records[0].action == "*Review adverts.\n*Update the recruitment checklist.\n*Hold open days."


def test_new_bullet_at_page_top_joins_when_every_row_names_its_objective():
    header = ["Objective", "Action"]
    t1 = page_table([header, ["Aim one.", "*First step."], ["Aim two.", "*Second step."]], 1, 1)
    t2 = page_table([["", "*Third step."], ["Aim three.", "*Fourth step."]], 2, 2)
    records = normalise(pdf(t1, t2)).records
    assert [r.action for r in records] == ["*First step.", "*Second step.\n*Third step.", "*Fourth step."]


def test_new_row_at_page_top_is_not_a_fragment():
    t1 = page_table([["Objective", "Action"], ["Aim one.", "Do the first thing."]], 1, 1)
    t2 = page_table([["Aim two.", "Do the second thing."]], 2, 2)
    assert len(normalise(pdf(t1, t2)).records) == 2


def test_word_rows_never_merge_across_pages():
    rows = (RawRow(("Ref", "Action")), RawRow(("1", ACTION_1)), RawRow(("", "campus.")))
    records = normalise(Document("p.docx", "docx", tables=(RawTable(rows, "docx", 1),))).records
    assert len(records) == 2


def test_objective_printed_once_applies_to_the_actions_under_it():
    t = page_table(
        [
            ["Recommendation reference", "TALENT Recommendation", "Action reference", "Tasks"],
            ["R15.", "Technical staff should engage positively.", "15.1", ACTION_1],
            ["", "", "15.2", ACTION_2],
        ],
        1,
        1,
    )
    second = normalise(pdf(t)).records[1]
    assert (second.ref, second.stated_rec, second.objective) == (
        "15.2",
        "R15",
        "Technical staff should engage positively.",
    )


def test_heading_split_by_page_break_is_not_a_record():
    lines = [TextLine("Sustainability Ensure the future sustainability of skills and that", page=1, seq=2)]
    t1 = page_table([["Ref", "Action"], ["B1", ACTION_2]], 1, 1)
    t2 = page_table(
        [["technical expertise is fully utilised", ""], ["Ref", "Action"], ["B2", ACTION_2]], 2, 3
    )
    records = normalise(pdf(t1, t2, lines=lines)).records
    assert [(r.ref, r.theme) for r in records] == [("B1", ""), ("B2", "Sustainability")]


def test_header_words_broken_by_a_narrow_column_still_match():
    assert header_matches("Recomm endation referenc e")[0].field == "stated_rec"
    assert header_matches("Sta tus")[0].field == "status"


def test_repeated_header_with_split_row_text_run_into_it():
    rows = (
        RawRow(("Ref", "Objective", "Action"), 1),
        RawRow(("6.1", "Employers should support", "Promote technicians as ambassadors"), 1),
        RawRow(("Ref", "Objective outreach in schools.", "Action and at open days."), 2),
        RawRow(("7.1", "Broaden access.", ACTION_2), 2),
    )
    records = normalise(pdf(RawTable(rows=rows, extractor="text-columns", seq=1))).records
    assert [(r.ref, r.objective, r.action) for r in records] == [
        (
            "6.1",
            "Employers should support outreach in schools.",
            "Promote technicians as ambassadors and at open days.",
        ),
        ("7.1", "Broaden access.", ACTION_2),
    ]


def test_header_only_table_then_body_table_learns_blank_header_from_the_body():
    head = page_table([["Visibility"] * 3, ["", "Action", "How impact will be evidenced"]], 1, 1)
    body = page_table([["B1.", ACTION_2, "Attendance"], ["B2.", ACTION_2 + " Again.", "Numbers"]], 1, 2)
    records = normalise(pdf(head, body)).records
    assert [(r.ref, r.measure, r.theme) for r in records] == [
        ("B1", "Attendance", "Visibility"),
        ("B2", "Numbers", "Visibility"),
    ]


def test_rows_without_full_stops_at_a_page_top_are_not_fragments():
    t1 = page_table(
        [
            ["Objective", "Action", "Lead"],
            ["Raise visibility", "Hold a showcase event for technicians each year", "TC Lead"],
        ],
        1,
        1,
    )
    t2 = page_table(
        [["Improve recognition", "Run an awards scheme for technical staff in every faculty", "HR"]], 2, 2
    )
    assert len(normalise(pdf(t1, t2)).records) == 2


def test_row_split_between_sentences_is_rejoined_when_every_row_has_a_ref():
    t1 = page_table([["Ref", "Action"], ["1", "We will run events."], ["2", "We will hold a fair."]], 1, 1)
    t2 = page_table([["", "Technicians will lead it."], ["3", "We will publish pathways."]], 2, 2)
    records = normalise(pdf(t1, t2)).records
    assert [r.action for r in records] == [
        "We will run events.",
        "We will hold a fair. Technicians will lead it.",
        "We will publish pathways.",
    ]


def test_header_left_outside_the_table_as_a_text_line_is_used():
    lines = [
        TextLine("Action plan 2023-2026", page=1, seq=0),
        TextLine("No. What we will do Who When How we'll Status", page=1, seq=1),
        TextLine("know", page=1, seq=2),
        TextLine("VISIBILITY", page=1, seq=3),
    ]
    t = page_table([["1.", ACTION_2, "HR Manager", "Dec 2024", "Profiles published", "Not started"]], 1, 4)
    plan = normalise(pdf(t, lines=lines))
    r = plan.records[0]
    assert (r.ref, r.action, r.lead, r.timescale, r.status, r.theme) == (
        "1",
        ACTION_2,
        "HR Manager",
        "Dec 2024",
        "not_started",
        "Visibility",
    )
    assert plan.explanations[0].columns[4].header == "How we'll know"
    assert plan.explanations[0].columns[4].field == "measure"


def test_split_row_with_its_ref_code_and_status_word_broken_over_the_page():
    t1 = page_table(
        [
            ["Ref", "Action", "Lead", "RAG"],
            ["CAR-02", "Create a training fund.", "Development Lead", "Green"],
            ["CA", "Put an experienced technician on every shortlisting and", "Recruitment", "Gre"],
        ],
        1,
        1,
    )
    t2 = page_table([["R-03", "interview panel for technical posts.", "Manager", "en"]], 2, 2)
    records = normalise(pdf(t1, t2)).records
    last = records[-1]
    assert len(records) == 2
    assert (last.ref, last.lead, last.status_raw, last.status) == (
        "CAR-03",
        "Recruitment Manager",
        "Green",
        "on_track",
    )
    assert last.action.endswith("shortlisting and interview panel for technical posts.")


def test_lower_case_objectives_at_a_page_top_are_new_rows_when_the_column_is_always_lower_case():
    t1 = page_table(
        [
            ["Objective", "Action"],
            ["to raise visibility", "Hold a showcase"],
            ["to reward staff", "Run awards"],
        ],
        1,
        1,
    )
    t2 = page_table([["to grow careers", "Publish pathways"]], 2, 2)
    assert [r.objective for r in normalise(pdf(t1, t2)).records] == [
        "to raise visibility",
        "to reward staff",
        "to grow careers",
    ]
