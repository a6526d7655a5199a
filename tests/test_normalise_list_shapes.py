"""List-shaped plans, and tables nobody described: each shape on a fixture written for it."""

from talentmap.extract.model import Document, RawRow, RawTable, TextLine
from talentmap.normalise import explain_text, normalise
from talentmap.normalise.institution import detect_institution
from talentmap.normalise.themes import definition_pillar

TITLE = "Technician Commitment at Hollowmere"


def doc(*lines, tables=()):
    """lines: text, or (text, style) pairs."""
    built = []
    for k, line in enumerate(lines):
        text, style = (line, "") if isinstance(line, str) else line
        built.append(TextLine(text, seq=k, style=style))
    return Document(source="x.html", kind="html", lines=tuple(built), tables=tables)


def test_numbered_headings_with_paragraphs_beneath_are_objectives_and_actions():
    plan = normalise(
        doc(
            (TITLE, "Heading 1"),
            "These are the areas we will work on with our technicians over two years.",
            ("1 \u2013 Widen access to the mentoring scheme", "Heading 3"),
            "Few technicians use the scheme today.",
            "We will review the scheme after twelve months.",
            ("2 \u2013 Publish role profiles", "Heading 3"),
            "Every technical role will have a profile on the intranet.",
            ("3 \u2013 Support registration", "Heading 3"),
            "\u2022 Fees will be paid for first registrations.",
            "\u2022 Mentors will help with applications.",
        )
    )
    assert [(r.ref, r.objective, r.action) for r in plan.records] == [
        (
            "1",
            "Widen access to the mentoring scheme",
            "Few technicians use the scheme today.\nWe will review the scheme after twelve months.",
        ),
        ("2", "Publish role profiles", "Every technical role will have a profile on the intranet."),
        (
            "3",
            "Support registration",
            "Fees will be paid for first registrations.\nMentors will help with applications.",
        ),
    ]
    assert "numbered headings with the paragraphs beneath" in explain_text(plan)


def test_bullets_under_pillar_headings_take_the_theme_and_a_plain_heading_clears_it():
    plan = normalise(
        doc(
            (TITLE, "Heading 1"),
            "Our technicians helped shape the work below.",
            ("Develop a directory of every technical team on campus", "List Bullet"),
            ("Hold a yearly open day for the technical community", "List Bullet"),
            ("Recognition", "Heading 2"),
            ("Agree authorship guidance for technical contributions", "List Bullet"),
            ("Fund registration with professional bodies", "List Bullet"),
        )
    )
    assert [(r.theme, r.action[:22]) for r in plan.records] == [
        ("", "Develop a directory of"),
        ("", "Hold a yearly open day"),
        ("Recognition", "Agree authorship guida"),
        ("Recognition", "Fund registration with"),
    ]


def test_a_pillar_definition_sentence_sets_the_theme_of_the_commitments_list():
    plan = normalise(
        doc(
            (TITLE, "Heading 1"),
            "We make sure that technicians across the organisation are identifiable and that the "
            "contribution of technicians is visible within and beyond the institution.",
            "We commit to:",
            ("Seats for technicians on every faculty board", "List Bullet"),
            ("Profiles of technical staff on the public website", "List Bullet"),
        )
    )
    assert [r.theme for r in plan.records] == ["Visibility", "Visibility"]
    assert definition_pillar("The Commitment aims to ensure visibility, recognition, career development "
                             "and sustainability for technicians.") == ""  # fmt: skip


def test_progress_review_items_keep_their_progress():
    plan = normalise(
        doc(
            (TITLE, "Heading 1"),
            ("Year One \u2013 progress", "Heading 2"),
            "We launched a network for technicians with 120 members.",
            ("Ran two showcase events for technical teams", "List Bullet"),
            ("Year Two \u2013 plans", "Heading 2"),
            "A closing paragraph about the future of the network and the technicians in it.",
        )
    )
    assert [(r.action, r.progress) for r in plan.records] == [
        ("We launched a network for technicians with 120 members.",) * 2,
        ("Ran two showcase events for technical teams",) * 2,
    ]


def test_a_document_that_is_not_a_plan_says_why():
    plan = normalise(doc(("Minutes of the estates meeting", "Heading 1"), "The meeting opened at ten."))
    assert plan.records == ()
    assert any(n.startswith("no action plan found: no table") for n in plan.notes)


def test_a_technicians_page_without_actions_says_what_it_looked_for():
    plan = normalise(doc((TITLE, "Heading 1"), "Our technicians are the heart of the university."))
    (note,) = [n for n in plan.notes if n.startswith("no action plan found")]
    assert note.endswith("no bullets under a commitments, pillar or progress heading")


def _table(*rows):
    return (RawTable(rows=tuple(RawRow(r) for r in rows), extractor="html", seq=5),)


def test_header_naming_fields_only_in_part_and_labelled_parts_in_one_cell():
    plan = normalise(
        doc(
            TITLE,
            tables=_table(
                ("Planned Activity", "Internal Area", "Pillars", "Delivery & Success"),
                (
                    "Hold an annual showcase of technical work",
                    "Technical Services",
                    "Visibility",
                    "Delivery: Semester 2 2024 Success Measure: 100 visitors",
                ),
                (
                    "Pay first registration fees for technicians",
                    "People team",
                    "Recognition",
                    "Delivery: From 2024\nSuccess Measure: 20 registrations",
                ),
            ),
        )
    )
    assert [(r.action[:13], r.theme, r.measure) for r in plan.records] == [
        ("Hold an annua", "Visibility", "100 visitors"),
        ("Pay first reg", "Recognition", "20 registrations"),
    ]
    assert dict(plan.records[0].extra) == {
        "Internal Area": "Technical Services",
        "Delivery": "Semester 2 2024",
    }
    assert "holds labelled parts, split: Delivery -> extra, Success Measure -> measure" in explain_text(plan)


def test_blank_header_cells_take_their_field_from_content():
    plan = normalise(
        doc(
            TITLE,
            tables=_table(
                ("", "", "How impact will be evidenced"),
                (
                    "Form a steering group for technician development",
                    "The group will plan the growth of technical teams.",
                    "Minutes",
                ),
                (
                    "Build a web page for the technical community",
                    "A page will present technical teams and their services.",
                    "Page live",
                ),
            ),
        )
    )
    assert [(r.objective, r.measure) for r in plan.records] == [
        ("Form a steering group for technician development", "Minutes"),
        ("Build a web page for the technical community", "Page live"),
    ]
    text = explain_text(plan)
    assert "'(blank header, column 1)'" in text and "content guess: prose before the action column" in text


def test_progress_report_columns():
    plan = normalise(
        doc(
            TITLE,
            tables=_table(
                ("Action", "Responsibility", "Start", "End", "Comments", "Progress & Next Steps"),
                (
                    "Run a forum for technicians",
                    "Dean",
                    "Jan 2024",
                    "Dec 2024",
                    "Popular",
                    "Two held; a third in May",
                ),
            ),
        )
    )
    (record,) = plan.records
    assert (record.lead, record.timescale, record.progress) == (
        "Dean",
        "Dec 2024",
        "Two held; a third in May",
    )
    assert dict(record.extra) == {"Start": "Jan 2024", "Comments": "Popular"}


def test_institution_names_as_printed():
    assert detect_institution(["Queen\u2019s University Belfast Technician Commitment"], [])[0] == (
        "Queen\u2019s University Belfast"
    )
    assert detect_institution(["St George\u2019s, University of London: our plan"], [])[0] == (
        "St George\u2019s, University of London"
    )
    assert detect_institution(["Technicians at HWU", "We are a community."], []) == (
        "",
        "not printed in full: only the abbreviation 'HWU', in the title",
    )
    assert detect_institution(["Action plan", "The mentors at the Loxley Innes Centre meet."], [])[0] == (
        "Loxley Innes Centre"
    )


def test_objective_numbered_headings_with_a_word_before_the_number():
    plan = normalise(
        doc(
            (TITLE, "Heading 1"),
            ("Objective 1: Grow the technician network", "Heading 2"),
            "Termly meetings will be held for all technicians.",
            ("Objective 2: Publish career pathways", "Heading 2"),
            "Pathways for every technical role will be on the intranet.",
            ("Objective 3: Celebrate technical work", "Heading 2"),
            "An annual award for technicians will be created.",
        )
    )
    assert [(r.ref, r.objective) for r in plan.records] == [
        ("1", "Grow the technician network"),
        ("2", "Publish career pathways"),
        ("3", "Celebrate technical work"),
    ]


def test_undertakings_as_plain_paragraphs_under_pillar_headings():
    plan = normalise(
        doc(
            (TITLE, "Heading 1"),
            "Our technicians told us what matters to them.",
            ("Visibility", "Heading 2"),
            "We will create a web page for every technical team.",
            "We will hold a showcase of technical work each summer.",
            ("Sustainability", "Heading 2"),
            "Develop an apprenticeship route into technical roles.",
            "The steering group meets in the spring.",
        )
    )
    assert [(r.theme, r.action) for r in plan.records] == [
        ("Visibility", "We will create a web page for every technical team."),
        ("Visibility", "We will hold a showcase of technical work each summer."),
        ("Sustainability", "Develop an apprenticeship route into technical roles."),
    ]


def test_a_pillar_definition_sets_the_theme_of_a_numbered_list_too():
    plan = normalise(
        doc(
            (TITLE, "Heading 1"),
            "Enabling career progression for technicians through clear, documented career pathways.",
            "1. We will publish a pathway for every technical role.",
            "2. We will fund a training day for each technician every year.",
            "3. We will offer mentoring to technicians who ask for it.",
        )
    )
    assert [(r.ref, r.theme) for r in plan.records] == [("1", "Career Development")] + [
        (str(k), "Career Development") for k in (2, 3)
    ]
