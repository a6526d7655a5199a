"""Whole-document normalisation on hand-built Documents: column schemes in no seed included."""

from talentmap.extract.model import Document, RawRow, RawTable, TextLine
from talentmap.normalise import normalise
from talentmap.normalise.explain import explain_text

LONG_A = "Run an annual technician showcase event open to all staff and students across campus."
LONG_B = "Publish a technician career pathway framework with clear progression routes for each grade."
LONG_C = "Establish a mentoring scheme pairing new technicians with experienced colleagues."


def table(*rows, page=None, seq=1, extractor="docx"):
    return RawTable(rows=tuple(RawRow(tuple(r), page) for r in rows), extractor=extractor, seq=seq)


def doc(*tables, lines=()):
    return Document(source="plan.docx", kind="docx", lines=tuple(lines), tables=tuple(tables))


def test_unseen_scheme_objective_action_owner_timescale_measure_rag():
    t = table(
        ["Objective", "Action", "Owner", "Timescale", "Success measure", "RAG"],
        [
            "Raise the profile of technicians",
            LONG_A,
            "Head of Technical Services",
            "July 2024",
            "200 attendees",
            "Green",
        ],
        ["Clear careers", LONG_B, "HR Business Partner", "Dec 2025", "Framework published", "Amber"],
    )
    plan = normalise(doc(t))
    first, second = plan.records
    assert (first.objective, first.action, first.lead, first.timescale, first.measure) == (
        "Raise the profile of technicians",
        LONG_A,
        "Head of Technical Services",
        "July 2024",
        "200 attendees",
    )
    assert (first.status, first.status_raw) == ("on_track", "Green")
    assert (second.status, second.status_raw) == ("at_risk", "Amber")
    assert first.extra == () and first.row == 1 and second.row == 2


def test_unseen_scheme_ref_aim_action_lead_deadline_kpi_progress():
    t = table(
        ["Ref.", "Aim", "Action", "Lead", "Deadline", "KPI", "Progress update"],
        ["V1.", "Visibility of technicians", LONG_A, "TC Lead", "2024", "Event held", "Held in May 2024."],
        ["C2", "Career pathways", LONG_B, "HR", "2025", "Framework live", "Drafted."],
    )
    plan = normalise(doc(t))
    r = plan.records[0]
    assert (r.ref, r.objective, r.action, r.lead, r.timescale, r.measure, r.progress) == (
        "V1",
        "Visibility of technicians",
        LONG_A,
        "TC Lead",
        "2024",
        "Event held",
        "Held in May 2024.",
    )
    assert plan.records[1].ref == "C2"


def test_unmatched_columns_go_to_extra_in_column_order_under_their_own_header():
    t = table(
        ["Action", "Strategy link", "Cost", "Status"],
        [LONG_A, "Empowering People", "\u00a31,000", "G"],
    )
    r = normalise(doc(t)).records[0]
    assert r.extra == (("Strategy link", "Empowering People"), ("Cost", "\u00a31,000"))
    assert r.status == "on_track"


def test_section_rows_and_blank_ref_header():
    t = table(
        ["Visibility Ensure that technicians are identifiable"] * 3,
        ["", "Action", "How impact will be evidenced"],
        ["B1.", LONG_A, "Attendance figures"],
        ["Recognition Support technicians to gain recognition"] * 3,
        ["B2", LONG_B, "Registrations"],
    )
    plan = normalise(doc(t))
    assert [(r.theme, r.ref, r.measure) for r in plan.records] == [
        ("Visibility", "B1", "Attendance figures"),
        ("Recognition", "B2", "Registrations"),
    ]
    assert plan.explanations[0].columns[0].field == "ref"
    assert plan.explanations[0].columns[0].how.startswith("content")


def test_theme_from_heading_paragraph_above_each_table():
    lines = [
        TextLine("Plan", seq=0),
        TextLine("Career Development", seq=1),
        TextLine("Sustainability", seq=3),
    ]
    t1 = table(["Ref", "Action"], ["1", LONG_A], seq=2)
    t2 = table(["Ref", "Action"], ["2", LONG_B], seq=4)
    plan = normalise(doc(t1, t2, lines=lines))
    assert [r.theme for r in plan.records] == ["Career Development", "Sustainability"]


def test_theme_column_is_normalised_to_pillar_names():
    t = table(
        ["Theme", "Action"],
        ["career development", LONG_A],
        ["Pillar: RECOGNITION", LONG_B],
    )
    assert [r.theme for r in normalise(doc(t)).records] == ["Career Development", "Recognition"]


def test_continuation_table_without_header_carries_roles_and_theme():
    t1 = table(["Visibility"] * 3, ["Ref", "Action", "Lead"], ["1.1", LONG_A, "Jo"], page=1, seq=1)
    t2 = table(["1.2", LONG_B, "Sam"], ["1.3", LONG_C, "Alex"], page=2, seq=2)
    plan = normalise(doc(t1, t2))
    assert [(r.row, r.ref, r.lead, r.theme, r.page) for r in plan.records] == [
        (1, "1.1", "Jo", "Visibility", 1),
        (2, "1.2", "Sam", "Visibility", 2),
        (3, "1.3", "Alex", "Visibility", 2),
    ]
    assert "carried over from table 1" in plan.explanations[1].columns[0].how


def test_header_repeated_mid_table_is_not_a_record():
    t = table(["Ref", "Action", "Lead"], ["1", LONG_A, "Jo"], ["Ref", "Action", "Lead"], ["2", LONG_B, "Sam"])
    assert [r.ref for r in normalise(doc(t)).records] == ["1", "2"]


def test_headerless_table_gets_roles_from_content():
    t = table(["A1", LONG_A, "Short note", "G"], ["A2", LONG_B, "Other", "R"])
    plan = normalise(doc(t))
    r = plan.records[0]
    assert (r.ref, r.action, r.status) == ("A1", LONG_A, "on_track")
    assert r.extra == (("column 3", "Short note"),)


def test_plan_legend_decides_status():
    lines = [
        TextLine("Status: Blue (B) = action complete, Green (G) = on track, Red (R) = not yet started", seq=0)
    ]
    t = table(["Action", "Status"], [LONG_A, "B"], [LONG_B, "R"], seq=1)
    plan = normalise(doc(t, lines=lines))
    assert [(r.status, r.status_raw) for r in plan.records] == [("complete", "B"), ("not_started", "R")]
    assert ("B", "complete") in plan.legend


def test_stated_rec_column_and_tcr_marker():
    t = table(
        ["Recommendation reference", "TALENT Recommendation", "Action reference", "Tasks"],
        ["R15.", "Technical staff should engage positively.", "15.1", LONG_A],
        ["", "Sign the Technician Commitment *TCR", "2", LONG_B],
    )
    first, second = normalise(doc(t)).records
    assert (first.stated_rec, first.ref, first.objective) == (
        "R15",
        "15.1",
        "Technical staff should engage positively.",
    )
    assert (second.stated_rec, second.objective) == ("TCR", "Sign the Technician Commitment")


def test_stated_rec_printed_at_start_of_objective():
    t = table(["Objective", "Action"], ["TALENT Recommendation 7: Broaden access", LONG_A])
    assert normalise(doc(t)).records[0].stated_rec == "R7"


def test_row_without_action_is_kept_on_its_objective():
    t = table(
        ["Targeted Recommendation", "What could we do?", "What have we done?"],
        ["Enable opportunities for technical staff.", LONG_A, "Done."],
        ["Sign the Technician Commitment.", "", ""],
    )
    records = normalise(doc(t)).records
    assert len(records) == 2 and records[1].action == "" and records[1].objective.startswith("Sign")


def test_table_without_action_column_is_skipped_and_noted():
    sign_off = table(["Approved by", "Date"], ["Jo Bloggs", "1 May 2024"], seq=1)
    actions = table(["Action", "Lead"], [LONG_A, "Jo"], seq=2)
    plan = normalise(doc(sign_off, actions))
    assert [r.action for r in plan.records] == [LONG_A]
    assert any("skipped" in n for n in plan.notes)


def test_institution_and_period_from_document_text():
    lines = [
        TextLine("Technician Commitment", seq=0, style="header"),
        TextLine("36 month action plan January 2021-January 2024\nUniversity of Reading, 2021-2024", seq=1),
    ]
    plan = normalise(doc(table(["Action"], [LONG_A], seq=2), lines=lines))
    assert (plan.institution, plan.period) == ("University of Reading", "2021-2024")


def test_running_header_repeated_on_pages_is_not_a_theme_heading_or_title():
    lines = [
        TextLine("Sustainability Group Report", page=1, seq=0),
        TextLine("Sustainability Group Report", page=2, seq=5),
        TextLine("Oxford Brookes University action plan 2022-2025", page=1, seq=1),
    ]
    plan = normalise(doc(table(["Action", "Lead"], [LONG_A, "Jo"], seq=2), lines=lines))
    assert plan.records[0].theme == ""
    assert plan.institution == "Oxford Brookes University" and plan.period == "2022-2025"


def test_explain_names_headers_fields_extra_institution_period_and_legend():
    lines = [
        TextLine("University of Leeds Technician Commitment Action Plan 2022-2025", seq=0),
        TextLine("Key: Green = on track, Red = delayed", seq=1),
    ]
    t = table(["Action", "Owner", "Strategy link", "RAG"], [LONG_A, "Jo", "People", "Green"], seq=2)
    text = explain_text(normalise(doc(t, lines=lines)))
    assert "institution: University of Leeds" in text
    assert "period: 2022-2025" in text
    assert "Green -> on_track" in text
    assert "'Owner'" in text and "lead" in text and "synonym 'Owner'" in text
    assert "kept in extra: 'Strategy link'" in text


def test_theme_column_printed_once_per_group_fills_down():
    t = table(["Pillar", "Action"], ["Recognition", LONG_A], ["", LONG_B], ["Sustainability", LONG_C])
    assert [r.theme for r in normalise(doc(t)).records] == ["Recognition", "Recognition", "Sustainability"]


def test_recommendation_in_brackets_is_stated():
    t = table(
        ["Objective", "Action"], ["Broaden access to careers (R7)", LONG_A], ["Other", LONG_B + " [Rec 9]"]
    )
    assert [r.stated_rec for r in normalise(doc(t)).records] == ["R7", "R9"]


def test_status_key_table_is_the_legend_not_actions():
    key = table(
        ["Key", ""], ["Blue", "Action complete"], ["Green", "On track"], ["Red", "Not yet started"], seq=1
    )
    actions = table(["Action", "RAG"], [LONG_A, "Blue"], [LONG_B, "Red"], seq=2)
    plan = normalise(doc(key, actions))
    assert [(r.action, r.status) for r in plan.records] == [(LONG_A, "complete"), (LONG_B, "not_started")]
    assert any("status key" in n for n in plan.notes)


def test_status_key_row_inside_the_table():
    t = table(
        ["Action", "Status"],
        [LONG_A, "B"],
        ["Key: Blue (B) = complete, Red (R) = on hold"] * 2,
    )
    plan = normalise(doc(t))
    assert [(r.status, r.status_raw) for r in plan.records] == [("complete", "B")]
    assert ("R", "delayed") in plan.legend


def test_heading_row_in_a_table_without_objective_column_is_the_objective():
    t = table(
        ["Ref", "Action", "Lead"],
        ["Objective 1: Make technical careers visible"] * 3,
        ["1.1", LONG_A, "Jo"],
        ["1.2", LONG_B, "Sam"],
        ["Recognition"] * 3,
        ["2.1", LONG_C, "Alex"],
    )
    records = normalise(doc(t)).records
    assert [(r.ref, r.objective, r.theme) for r in records] == [
        ("1.1", "Objective 1: Make technical careers visible", ""),
        ("1.2", "Objective 1: Make technical careers visible", ""),
        ("2.1", "", "Recognition"),
    ]


def test_title_row_above_the_header_is_not_an_objective():
    t = table(["Technician Commitment Action Plan"] * 2, ["Ref", "Action"], ["1", LONG_A])
    assert normalise(doc(t)).records[0].objective == ""


def test_commitment_header_does_not_steal_the_action_column():
    t = table(["Principle", "Commitment", "Actions"], ["Visibility", "We commit to visibility", LONG_A])
    r = normalise(doc(t)).records[0]
    assert (r.action, r.theme) == (LONG_A, "Visibility")
    assert r.extra == (("Commitment", "We commit to visibility"),)


def test_title_row_in_first_cell_above_the_header_is_skipped():
    t = table(
        ["Technician Commitment Action Plan 2023", "", ""], ["Ref", "Action", "Lead"], ["1", LONG_A, "Jo"]
    )
    plan = normalise(doc(t))
    assert [(r.ref, r.action, r.lead) for r in plan.records] == [("1", LONG_A, "Jo")]


def test_summary_table_with_a_numeric_action_column_is_skipped():
    summary = table(["Pillar", "Number of actions"], ["Visibility", "7"], ["Recognition", "5"], seq=1)
    actions = table(["Action", "Lead"], [LONG_A, "Jo"], seq=2)
    assert [r.action for r in normalise(doc(summary, actions)).records] == [LONG_A]


def test_institution_from_file_metadata_title():
    d = Document(
        source="p.pdf",
        kind="pdf",
        tables=(table(["Action"], [LONG_A]),),
        metadata={"title": "Keele University Technician Commitment"},
    )
    assert normalise(d).institution == "Keele University"


def test_single_label_row_across_a_wide_table_is_not_its_header():
    t = table(["Technician Commitment", "", ""], ["Ref", "Action", "Lead"], ["1", LONG_A, "Jo"])
    assert [(r.ref, r.lead) for r in normalise(doc(t)).records] == [("1", "Jo")]


def test_short_actions_under_an_action_header_are_kept():
    t = table(["Action", "Lead"], ["Newsletter", "Jo"], ["Mentoring", "Sam"])
    assert [r.action for r in normalise(doc(t)).records] == ["Newsletter", "Mentoring"]


def test_headerless_glossary_is_not_an_action_table():
    glossary = table(
        ["TC", "The Technician Commitment, a university sector initiative led by the Science Council."],
        ["HETS", "The Higher Education Technician Summit, a biennial national event for technicians."],
        seq=1,
    )
    actions = table(["Action", "Lead"], [LONG_A, "Jo"], seq=2)
    assert [r.action for r in normalise(doc(glossary, actions)).records] == [LONG_A]


def test_table_under_a_heading_that_names_no_pillar_has_no_theme():
    lines = [
        TextLine("Pillar 4 - Sustainability", seq=0),
        TextLine("Enabling actions (all pillars)", seq=2),
        TextLine("How this plan is governed.", seq=3),
    ]
    t1 = table(["Ref", "Action"], ["4.1", LONG_A], seq=1)
    t2 = table(["Ref", "Action"], ["5.1", LONG_B], seq=4)
    assert [r.theme for r in normalise(doc(t1, t2, lines=lines)).records] == ["Sustainability", ""]


def test_continuation_table_keeps_its_theme_past_a_stray_line():
    lines = [TextLine("Visibility", page=1, seq=0), TextLine("Draft for consultation", page=2, seq=2)]
    t1 = table(["Ref", "Action"], ["1", LONG_A], page=1, seq=1)
    t2 = table(["2", LONG_B], page=2, seq=3)
    assert [r.theme for r in normalise(doc(t1, t2, lines=lines)).records] == ["Visibility", "Visibility"]


def test_footer_differing_only_in_page_number_is_running_text():
    lines = [
        TextLine("Appendix B: Technician Commitment plan - page 1", page=1, seq=0),
        TextLine("Appendix B: Technician Commitment plan - page 2", page=2, seq=2),
        TextLine("Visibility", page=2, seq=3),
    ]
    t1 = table(["Ref", "Action"], ["1", LONG_A], page=1, seq=1)
    t2 = table(["Ref", "Action"], ["2", LONG_B], page=2, seq=4)
    plan = normalise(doc(t1, t2, lines=lines))
    assert [r.theme for r in plan.records] == ["", "Visibility"]


def test_grouped_two_row_header():
    t = table(
        ["Ref", "Action", "Progress", "Progress"],
        ["", "", "Status", "Commentary"],
        ["1", LONG_A, "Green", "Event held."],
    )
    plan = normalise(doc(t))
    r = plan.records[0]
    assert (r.ref, r.status_raw, r.progress) == ("1", "Green", "Event held.")
    assert [c.header for c in plan.explanations[0].columns][2:] == [
        "Progress: Status",
        "Progress: Commentary",
    ]


def test_year_sub_header_is_not_a_record():
    t = table(
        ["Ref", "Action", "Update", "Update"],
        ["", "", "2022", "2023"],
        ["1", LONG_A, "Scoping began with HR.", "Event held in May."],
    )
    plan = normalise(doc(t))
    assert len(plan.records) == 1
    assert plan.records[0].progress == "Scoping began with HR."
    assert plan.records[0].extra == (("Update: 2023", "Event held in May."),)


def test_pillar_named_on_two_of_five_pages_is_a_heading_not_running_text():
    lines = [TextLine("Technician Commitment", page=p, seq=10 * p) for p in range(1, 6)]
    lines += [TextLine("Recognition", page=1, seq=11), TextLine("Recognition", page=4, seq=41)]
    t1 = table(["Ref", "Action"], ["1", LONG_A], page=3, seq=30)
    t2 = table(["Ref", "Action"], ["2", LONG_B], page=4, seq=42)
    assert [r.theme for r in normalise(doc(t1, t2, lines=lines)).records] == ["Recognition", "Recognition"]


def test_form_style_tables_one_action_each():
    lines = [TextLine("Visibility", seq=0)]
    form1 = table(
        ["Action 1", "Action 1"],
        ["Action", LONG_A],
        ["Lead", "Head of Technical Services"],
        ["Timescale", "July 2024"],
        ["Success measure", "200 attendees"],
        seq=1,
    )
    form2 = table(
        ["Action", LONG_B], ["Lead", "HR"], ["Timescale", "2025"], ["Success measure", "Published"], seq=2
    )
    plan = normalise(doc(form1, form2, lines=lines))
    assert [(r.action, r.lead, r.timescale, r.measure, r.theme) for r in plan.records] == [
        (LONG_A, "Head of Technical Services", "July 2024", "200 attendees", "Visibility"),
        (LONG_B, "HR", "2025", "Published", "Visibility"),
    ]


def test_two_column_action_table_is_not_a_form():
    t = table(["Action", "Lead"], [LONG_A, "Jo"], [LONG_B, "Sam"], [LONG_C, "Alex"])
    assert [r.lead for r in normalise(doc(t)).records] == ["Jo", "Sam", "Alex"]


def test_actions_written_as_labelled_paragraphs():
    lines = [
        TextLine("Oxford Brookes University action plan 2022-2025", seq=0),
        TextLine("Visibility", seq=1),
        TextLine("Action: Run an annual technician showcase event", seq=2),
        TextLine("open to all staff.", seq=3),
        TextLine("Lead: Head of Technical Services", seq=4),
        TextLine("Timescale: July 2024", seq=5),
        TextLine("Recognition", seq=6),
        TextLine("Action: Fund professional registration for technicians.", seq=7),
        TextLine("Lead: HR", seq=8),
        TextLine("Timescale: 2025", seq=9),
    ]
    plan = normalise(doc(lines=lines))
    assert [(r.action, r.lead, r.timescale, r.theme, r.extractor) for r in plan.records] == [
        (
            "Run an annual technician showcase event open to all staff.",
            "Head of Technical Services",
            "July 2024",
            "Visibility",
            "text-form",
        ),
        ("Fund professional registration for technicians.", "HR", "2025", "Recognition", "text-form"),
    ]


def test_column_of_pillar_names_is_the_theme_whatever_its_header():
    t = table(
        ["No.", "Priority area", "Deliverable", "Accountable"],
        ["A1", "Visibility", LONG_A, "Head of Communications"],
        ["A2", "Recognition", LONG_B, "Director of HR"],
        ["A3", "Career development", LONG_C, "Head of Learning"],
        ["A4", "Sustainability", LONG_A, "Technical Director"],
    )
    plan = normalise(doc(t))
    assert [(r.theme, r.objective) for r in plan.records] == [
        ("Visibility", ""),
        ("Recognition", ""),
        ("Career Development", ""),
        ("Sustainability", ""),
    ]
    assert plan.explanations[0].columns[1].field == "theme"
    assert "pillar names" in plan.explanations[0].columns[1].how


def test_objective_column_that_only_mentions_pillars_stays_the_objective():
    objectives = [
        "Visibility of technical work",
        "Recognition for every technician",
        "Career development for all staff",
        "Sustainability of technical skills",
        "Make career routes clear",
    ]
    t = table(
        ["Ref", "Priority area", "Action", "Lead"],
        *[[f"{k + 1}", obj, LONG_A, "Jo"] for k, obj in enumerate(objectives)],
    )
    records = normalise(doc(t)).records
    assert [r.objective for r in records] == objectives
    assert all(r.theme == "" for r in records)


def test_section_number_of_an_objective_row_is_not_part_of_the_objective():
    t = table(
        ["Timescale", "Owner", "Status", "No.", "Action"],
        ["1  Make technical work seen across the University"] * 5,
        ["Ongoing", "Web Editor", "In progress", "1.1", LONG_A],
        ["Annually", "Technical Managers", "Complete", "1.2", LONG_B],
        ["2. Support every technician to grow"] * 5,
        ["Quarterly", "HR Director", "Overdue", "2.1", LONG_C],
    )
    records = normalise(doc(t)).records
    assert [(r.ref, r.objective) for r in records] == [
        ("1.1", "Make technical work seen across the University"),
        ("1.2", "Make technical work seen across the University"),
        ("2.1", "Support every technician to grow"),
    ]


def test_number_opening_an_objective_row_stays_when_the_actions_are_not_numbered_from_it():
    t = table(
        ["Ref", "Action", "Lead"],
        ["3 new technician networks by 2025"] * 3,
        ["A1", LONG_A, "Jo"],
        ["A2", LONG_B, "Sam"],
    )
    records = normalise(doc(t)).records
    assert [r.objective for r in records] == ["3 new technician networks by 2025"] * 2


def test_header_merged_into_one_spanning_cell_is_the_header_not_an_objective():
    merged = "Pillar # What we will do How we will know Who"
    t = table(
        [merged] * 5,
        ["Visibility", "1", LONG_A, "Event held each June", "Outreach Officer"],
        ["Recognition", "2", LONG_B, "Guide approved", "Dean of Research"],
        [merged] * 5,
        ["Sustainability", "3", LONG_C, "Report each autumn", "HR Operations"],
    )
    plan = normalise(doc(t))
    assert [(r.theme, r.ref, r.objective, r.measure, r.lead) for r in plan.records] == [
        ("Visibility", "1", "", "Event held each June", "Outreach Officer"),
        ("Recognition", "2", "", "Guide approved", "Dean of Research"),
        ("Sustainability", "3", "", "Report each autumn", "HR Operations"),
    ]
    assert [c.field for c in plan.explanations[0].columns] == ["theme", "ref", "action", "measure", "lead"]


def test_pillar_heading_row_cut_by_column_rules_sets_the_theme_not_a_header():
    t = table(
        ["Ref", "Action", "Measure", "Lead", "When"],
        ["Theme", "1 – Visibility", "", "", ""],
        ["1.1", LONG_A, "Uptake", "Jo", "2025"],
        ["Career", "Development", "", "", ""],
        ["2.1", LONG_B, "Numbers", "Sam", "2026"],
    )
    records = normalise(doc(t)).records
    assert [(r.ref, r.theme, r.lead, r.extra) for r in records] == [
        ("1.1", "Visibility", "Jo", ()),
        ("2.1", "Career Development", "Sam", ()),
    ]


def test_headerless_table_takes_roles_from_the_last_headed_table_of_its_width():
    t1 = table(["Ref", "Action", "Lead", "Timescale"], ["1.1", LONG_A, "Jo", "2025"], page=1, seq=1)
    t2 = table(["1.2", LONG_B], page=2, seq=2)  # cut to another width between them
    t3 = table(["R1", LONG_C, "Alex", "2026"], page=3, seq=3)
    plan = normalise(doc(t1, t2, t3))
    r = plan.records[-1]
    assert (r.ref, r.action, r.lead, r.timescale, r.stated_rec) == ("R1", LONG_C, "Alex", "2026", "")
    assert "carried over from table 1" in plan.explanations[2].columns[0].how


def _grouped(objectives):
    actions = [
        f"{verb} a technician network in every school to share good practice."
        for verb in ["Ab", "Bc", "Cd", "De", "Ef", "Fg", "Gh"]
    ]
    rows = [["Objective", "Ref", "Action", "Lead"], ["Visibility"] * 4]
    rows += [[obj, f"1.{i + 1}", actions[i], "Jo"] for i, obj in enumerate(objectives)]
    return [r.objective for r in normalise(doc(table(*rows))).records]


def test_group_value_centred_in_its_merged_cell_covers_the_rows_above_it():
    # printed once in the middle of each group (3 rows, then 4): the rows above belong to it too
    assert _grouped(["", "Goal A", "", "", "Goal B", "", ""]) == ["Goal A"] * 3 + ["Goal B"] * 4


def test_group_value_printed_at_the_top_carries_down_only():
    assert _grouped(["Goal A", "", "", "Goal B", "", "", ""]) == ["Goal A"] * 3 + ["Goal B"] * 4


def test_objective_row_read_into_the_first_cell_alone_is_the_objective_of_the_rows_below():
    t = table(
        ["Ref", "Action", "Lead"],
        ["Visibility"] * 3,
        ["Raise the profile of technicians", "", ""],
        ["V1", LONG_A, "Jo"],
        ["V2", LONG_B, "Sam"],
        ["Improve the visibility of technical roles", "", ""],
        ["V3", LONG_C, "Alex"],
    )
    records = normalise(doc(t)).records
    assert [(r.ref, r.objective, r.theme) for r in records] == [
        ("V1", "Raise the profile of technicians", "Visibility"),
        ("V2", "Raise the profile of technicians", "Visibility"),
        ("V3", "Improve the visibility of technical roles", "Visibility"),
    ]
