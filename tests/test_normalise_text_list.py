from talentmap.extract.model import Document, TextLine
from talentmap.normalise import normalise
from talentmap.normalise.text_list import ListLine, commitments

ITEMS = [
    "We will address equality considerations for technical workforces.",
    "We will enable opportunities for technical staff to be co-investigators.",
    "We will encourage and support events for visibility and outreach.",
    "We will ensure the collection and analysis of workforce data.",
]


def test_typed_numbers_with_dash_prefix():
    lines = [ListLine("WE COMMIT TO THE FOLLOWING:")] + [
        ListLine(f"- {i}. {t}") for i, t in enumerate(ITEMS, 1)
    ]
    got = commitments(lines)
    assert [(c.number, c.text) for c in got] == [(str(i), t) for i, t in enumerate(ITEMS, 1)]


def test_word_list_numbering_from_list_label():
    lines = [ListLine(t, list_label=f"{i}.") for i, t in enumerate(ITEMS, 1)]
    assert [c.number for c in commitments(lines)] == ["1", "2", "3", "4"]
    assert commitments(lines)[0].text == ITEMS[0]


def test_unnumbered_last_item_of_the_same_form_belongs_to_the_list_but_url_does_not():
    lines = [ListLine(f"{i}. {t}") for i, t in enumerate(ITEMS[:3], 1)]
    lines += [ListLine(ITEMS[3]), ListLine("www.example.ac.uk/commission")]
    got = commitments(lines)
    assert [(c.number, c.text) for c in got][-1] == ("4", ITEMS[3])
    assert len(got) == 4


def test_closing_paragraph_of_another_form_is_not_an_item():
    lines = [ListLine(f"{i}. {t}") for i, t in enumerate(ITEMS, 1)]
    lines.append(ListLine("Signed on behalf of the partnership by the Chair of the Board."))
    assert len(commitments(lines)) == 4


def test_wrapped_pdf_lines_join_and_paragraph_break_starts_unnumbered_item():
    lines = [
        ListLine("1. We will address equality, diversity, and inclusivity considerations for technical", 1),
        ListLine("workforces through targeted initiatives.", 1),
        ListLine(
            "2. We will enable opportunities for technical staff to be considered as co-investigators,", 1
        ),
        ListLine("co-supervisors, for grants or projects.", 1),
        ListLine("3. We will continue to form partnerships with organisations that support our technical", 2),
        ListLine("community.", 2),
        ListLine("We will be inclusive of technical staff and their considerations in conversations on", 2),
        ListLine("sector-policy developments.", 2),
        ListLine("2", 2),
    ]
    got = commitments(lines)
    assert [c.number for c in got] == ["1", "2", "3", "4"]
    assert got[0].text == (
        "We will address equality, diversity, and inclusivity considerations for technical "
        "workforces through targeted initiatives."
    )
    assert got[2].text.endswith("support our technical community.")
    assert got[3].text == (
        "We will be inclusive of technical staff and their considerations in conversations on "
        "sector-policy developments."
    )
    assert got[3].page == 2


def test_too_short_a_run_is_not_a_list():
    assert commitments([ListLine("1. Introduction"), ListLine("2. Scope")]) == []


def test_document_without_table_becomes_text_list_records():
    lines = [TextLine("Technician Commitment", seq=0, style="header")]
    lines += [TextLine(t, seq=i, list_label=f"{i}.") for i, t in enumerate(ITEMS, 1)]
    plan = normalise(Document(source="x.docx", kind="docx", lines=tuple(lines)))
    assert [(r.row, r.ref, r.extractor) for r in plan.records] == [
        (1, "1", "text-list"),
        (2, "2", "text-list"),
        (3, "3", "text-list"),
        (4, "4", "text-list"),
    ]
    assert plan.records[1].action == ITEMS[1]


def test_pillar_headings_between_items_set_their_theme_and_stay_out_of_the_text():
    lines = [
        ListLine("Visibility"),
        ListLine(f"1. {ITEMS[0]}"),
        ListLine(f"2. {ITEMS[1]}"),
        ListLine("Career Development"),
        ListLine(f"3. {ITEMS[2]}"),
        ListLine(f"4. {ITEMS[3]}"),
    ]
    got = commitments(lines)
    assert [(c.theme, c.text) for c in got] == [
        ("Visibility", ITEMS[0]),
        ("Visibility", ITEMS[1]),
        ("Career Development", ITEMS[2]),
        ("Career Development", ITEMS[3]),
    ]


def test_lettered_commitments_under_pillar_headings():
    lines = [ListLine("Visibility")]
    lines += [ListLine(f"({chr(96 + i)}) {t}") for i, t in enumerate(ITEMS[:2], 1)]
    lines += [ListLine("Recognition")] + [ListLine(f"{chr(96 + i)}) {t}") for i, t in enumerate(ITEMS[2:], 3)]
    got = commitments(lines)
    assert [(c.number, c.theme) for c in got] == [
        ("a", "Visibility"),
        ("b", "Visibility"),
        ("c", "Recognition"),
        ("d", "Recognition"),
    ]


def test_capital_letter_with_full_stop_is_not_a_list_marker():
    lines = [ListLine("A. Smith chairs the group."), ListLine("B. Jones is secretary."), ListLine("C. Lee")]
    assert commitments(lines) == []


def test_roman_numeral_commitments():
    lines = [ListLine(f"({r}) {t}") for r, t in zip(["i", "ii", "iii", "iv"], ITEMS, strict=True)]
    assert [c.number for c in commitments(lines)] == ["i", "ii", "iii", "iv"]
