"""Bulleted commitments under a "We commit to" heading in a technicians' document are actions."""

from talentmap.extract.model import Document, TextLine
from talentmap.normalise import normalise

TC_TITLE = "Oakhurst University Technician Commitment statement 2024"


def doc(*texts, styles=None):
    styles = styles or [""] * len(texts)
    lines = tuple(
        TextLine(t, page=1, seq=k, style=s) for k, (t, s) in enumerate(zip(texts, styles, strict=True))
    )
    return Document(source="x.pdf", kind="pdf", lines=lines, pages=1)


def test_typed_bullets_under_a_commitments_heading_are_actions():
    plan = normalise(
        doc(
            TC_TITLE,
            "We commit to:",
            "\u2022 Run an annual showcase of technical work across campus.",
            "\u2022 Publish a career framework for every technical role.",
            "- Create a network for laboratory staff in all faculties.",
            "Signed by the Vice-Chancellor.",
        )
    )
    assert [r.action for r in plan.records] == [
        "Run an annual showcase of technical work across campus.",
        "Publish a career framework for every technical role.",
        "Create a network for laboratory staff in all faculties.",
    ]
    assert {(r.ref, r.extractor) for r in plan.records} == {("", "text-list")}


def test_a_bullet_wrapped_over_two_pdf_lines_is_one_action():
    plan = normalise(
        doc(
            TC_TITLE,
            "Our commitments",
            "\u2022 Run an annual showcase of the work of technicians and technical teams across",
            "the whole campus.",
            "\u2022 Publish a career framework.",
        )
    )
    assert [r.action for r in plan.records] == [
        "Run an annual showcase of the work of technicians and technical teams across the whole campus.",
        "Publish a career framework.",
    ]


def test_word_bullet_style_without_a_printed_bullet():
    plan = normalise(
        doc(
            TC_TITLE,
            "We will",
            "Run an annual showcase.",
            "Publish a career framework.",
            styles=["", "Heading 2", "List Bullet", "List Bullet"],
        )
    )
    assert [r.action for r in plan.records] == ["Run an annual showcase.", "Publish a career framework."]


def test_bullets_outside_a_technicians_document_are_not_actions():
    plan = normalise(
        doc("Engine registry report", "We commit to:", "\u2022 Fast service.", "\u2022 Low prices.")
    )
    assert plan.records == ()


def test_bullets_under_another_heading_are_not_actions():
    plan = normalise(doc(TC_TITLE, "Contents", "\u2022 Introduction to the plan", "\u2022 Our pillars"))
    assert plan.records == ()
