"""The Word reader on Word's own markup, one fixture per feature (issue 13): each test builds the
WordprocessingML that Word writes for the feature and checks the exact rows or lines read."""

from __future__ import annotations

from pathlib import Path

import pytest
from wordml import HEADER, p, replace_part, run, sdt, tbl, tc, tr, write

from talentmap import read_plan
from talentmap.extract import ExtractionError, extract_document

ROWS = (
    ("1.1", "Visibility", "Publish a technician newsletter each term", "HR Partner", "Dec 2025", "Green"),
    (
        "1.2",
        "Recognition",
        "Run a technician awards ceremony every year",
        "TC Steering Group",
        "Jun 2026",
        "Amber",
    ),
    (
        "1.3",
        "Careers",
        "Map the technical skills held in each department",
        "Head of Technical Services",
        "2026",
        "Red",
    ),
)
TITLE = p("Example University Technician Commitment Action Plan 2024-2027")


def rows_of(path: Path, index: int = 0) -> list[tuple[str, ...]]:
    return [r.cells for r in extract_document(path).tables[index].rows]


def texts(path: Path) -> list[str]:
    return [line.text for line in extract_document(path).lines if line.style not in ("header", "footer")]


# ---------------------------------------------------------------- content controls


def test_rows_inside_a_repeating_section_content_control_are_table_rows(tmp_path: Path) -> None:
    body = TITLE + tbl(tr(*HEADER), sdt("".join(sdt(tr(*row)) for row in ROWS)), grid=6)
    path = write(tmp_path, body)
    assert rows_of(path) == [HEADER, *ROWS]
    plan = read_plan(path)
    assert list(plan.ref) == ["1.1", "1.2", "1.3"]
    assert list(plan.action) == [r[2] for r in ROWS]


def test_cells_and_runs_inside_content_controls_keep_their_column(tmp_path: Path) -> None:
    row = tr(tc("1.1"), sdt(tc("Visibility")), tc(p("Publish ", sdt(run("a newsletter")))))
    path = write(tmp_path, sdt(tbl(tr("Ref", "Objective", "Action"), row, grid=3)))
    assert rows_of(path) == [("Ref", "Objective", "Action"), ("1.1", "Visibility", "Publish a newsletter")]


def test_block_level_content_control_paragraphs_are_read(tmp_path: Path) -> None:
    path = write(tmp_path, sdt(p("Our commitments")) + p("After"))
    assert texts(path) == ["Our commitments", "After"]


def test_content_control_still_showing_its_prompt_prints_nothing(tmp_path: Path) -> None:
    prompt = (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + run("Click or tap here to enter text.")
        + "</w:sdtContent></w:sdt>"
    )
    path = write(tmp_path, tbl(tr("Ref", "Lead"), tr(tc("1"), tc(p(prompt, sdt(run("HR Partner"))))), grid=2))
    assert rows_of(path) == [("Ref", "Lead"), ("1", "HR Partner")]


def test_block_level_prompt_prints_nothing(tmp_path: Path) -> None:
    prompt = "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>" + p("Enter the plan's title")
    path = write(tmp_path, prompt + "</w:sdtContent></w:sdt>" + p("Our plan"))
    assert texts(path) == ["Our plan"]


# ---------------------------------------------------------------- the table grid


def test_grid_before_and_after_put_each_cell_under_its_grid_column(tmp_path: Path) -> None:
    body = tbl(
        tr("Ref", "Objective", "Action", "Lead"),
        tr(tc("Visibility"), trpr='<w:gridAfter w:val="3"/>'),
        tr(tc("Publish a newsletter"), tc("HR"), trpr='<w:gridBefore w:val="2"/>'),
        tr(tc("1.2"), tc("Recognition"), tc("Run awards"), trpr='<w:gridAfter w:val="1"/>'),
        grid=4,
    )
    assert rows_of(write(tmp_path, body)) == [
        ("Ref", "Objective", "Action", "Lead"),
        ("Visibility", "", "", ""),
        ("", "", "Publish a newsletter", "HR"),
        ("1.2", "Recognition", "Run awards", ""),
    ]


def test_width_before_alone_is_turned_into_grid_columns(tmp_path: Path) -> None:
    body = tbl(
        tr("Ref", "Action", "Lead"),
        tr(tc("Run awards"), tc("HR"), trpr='<w:wBefore w:w="1500" w:type="dxa"/>'),
        grid=3,
    )
    assert rows_of(write(tmp_path, body)) == [("Ref", "Action", "Lead"), ("", "Run awards", "HR")]


def test_spans_and_vertical_merges_repeat_on_every_grid_cell_they_cover(tmp_path: Path) -> None:
    restart, cont = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    body = tbl(
        tr(tc("Theme", tcpr='<w:gridSpan w:val="2"/>'), tc("Action")),
        tr(tc("Visibility", tcpr=restart), tc("1.1"), tc("Newsletter")),
        tr(tc("", tcpr=cont), tc("1.2"), tc("Awards")),
        tr(tc("", tcpr=cont), tc("1.3"), tc("Skills map")),
        grid=3,
    )
    assert rows_of(write(tmp_path, body)) == [
        ("Theme", "Theme", "Action"),
        ("Visibility", "1.1", "Newsletter"),
        ("Visibility", "1.2", "Awards"),
        ("Visibility", "1.3", "Skills map"),
    ]


def test_legacy_horizontal_merge_repeats_the_first_cell(tmp_path: Path) -> None:
    body = tbl(
        tr(tc("Pillar: Visibility", tcpr='<w:hMerge w:val="restart"/>'), tc("", tcpr="<w:hMerge/>"), tc("x")),
        tr("1.1", "Newsletter", "HR"),
        grid=3,
    )
    assert rows_of(write(tmp_path, body)) == [
        ("Pillar: Visibility", "Pillar: Visibility", "x"),
        ("1.1", "Newsletter", "HR"),
    ]


# ---------------------------------------------------------------- revisions, fields, run containers


def test_revisions_are_read_as_accepted(tmp_path: Path) -> None:
    ins = f'<w:ins w:id="1" w:author="A">{run("Publish a newsletter")}</w:ins>'
    deleted = '<w:del w:id="2" w:author="A"><w:r><w:delText>Print a leaflet</w:delText></w:r></w:del>'
    moved_to = f'<w:moveTo w:id="3" w:author="A">{run(" each term")}</w:moveTo>'
    moved_from = f'<w:moveFrom w:id="4" w:author="A">{run(" every year")}</w:moveFrom>'
    body = tbl(
        tr("Ref", "Action"),
        tr(tc("1.1"), tc(p(deleted, ins, moved_from, moved_to))),
        tr(tc("1.2"), tc("A row that was deleted"), trpr='<w:del w:id="5" w:author="A"/>'),
        tr(
            tc("1.3"),
            tc("Deleted cell", tcpr='<w:cellDel w:id="8" w:author="A"/>'),
            tc(p(f'<w:ins w:id="6" w:author="A">{run("Run awards")}</w:ins>')),
        ),
        grid=2,
    )
    joined = p("Technician ", ppr='<w:rPr><w:del w:id="7" w:author="A"/></w:rPr>') + p("Commitment")
    path = write(tmp_path, joined + body)
    assert rows_of(path) == [
        ("Ref", "Action"),
        ("1.1", "Publish a newsletter each term"),
        ("1.3", "Run awards"),
    ]
    assert texts(path) == ["Technician Commitment"]


def _complex_field(instruction: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run(result)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_fields_print_their_result_not_their_instruction(tmp_path: Path) -> None:
    simple = f'<w:fldSimple w:instr=" DOCPROPERTY Owner ">{run("HR Partner")}</w:fldSimple>'
    link = _complex_field(' HYPERLINK "https://example.ac.uk/tc" ', "our Technician Commitment page")
    nested = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> IF </w:instrText></w:r>"
        + _complex_field(" DATE ", "2024")
        + '<w:r><w:instrText> = 2024 "yes" "no" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("Due 2025")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = tbl(
        tr("Lead", "Action", "Timescale"), tr(tc(p(simple)), tc(p("See ", link)), tc(p(nested))), grid=3
    )
    assert rows_of(write(tmp_path, body)) == [
        ("Lead", "Action", "Timescale"),
        ("HR Partner", "See our Technician Commitment page", "Due 2025"),
    ]


def test_page_number_fields_are_not_content(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        p(
            "Page ",
            _complex_field(" PAGE ", "3"),
            " of ",
            '<w:fldSimple w:instr="NUMPAGES">' + run("9") + "</w:fldSimple>",
        ),
    )
    assert texts(path) == ["Page of"]


def test_hyperlinks_smart_tags_bookmarks_and_proofing_marks_are_transparent(tmp_path: Path) -> None:
    para = p(
        '<w:bookmarkStart w:id="0" w:name="a"/>',
        '<w:proofErr w:type="spellStart"/>',
        f'<w:hyperlink r:id="rId99">{run("Techni")}</w:hyperlink>',
        '<w:proofErr w:type="spellEnd"/>',
        f'<w:smartTag w:uri="u" w:element="place">{run("cian ")}</w:smartTag>',
        f'<w:customXml w:element="x">{run("forum")}</w:customXml>',
        '<w:bookmarkEnd w:id="0"/>',
        '<w:commentRangeStart w:id="1"/>',
        run(" termly"),
        '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>',
    )
    assert texts(write(tmp_path, para)) == ["Technician forum termly"]


# ---------------------------------------------------------------- text boxes


def _textbox_drawing(*paragraphs: str) -> str:
    content = "".join(paragraphs)
    choice = (
        "<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{content}</w:txbxContent>"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    fallback = (
        f"<w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>"
    )
    return (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_text_box_is_read_once_after_its_anchor_paragraph(tmp_path: Path) -> None:
    box = _textbox_drawing(p("Pillar 1: Visibility"), p("Our commitments"))
    body = p("Introduction ", box) + p("After the box")
    assert texts(write(tmp_path, body)) == [
        "Introduction",
        "Pillar 1: Visibility",
        "Our commitments",
        "After the box",
    ]


def _placed_box(text: str, top: int, left: int) -> str:
    position = (
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{left}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{top}</wp:posOffset></wp:positionV>'
    )
    return _textbox_drawing(p(text)).replace("<wp:anchor>", f"<wp:anchor>{position}")


def test_boxes_anchored_in_one_paragraph_read_top_to_bottom_then_left_to_right(tmp_path: Path) -> None:
    boxes = (
        _placed_box("Bottom", 9000000, 0)
        + _placed_box("Top right", 0, 4000000)
        + _placed_box("Top left", 0, 0)
    )
    assert texts(write(tmp_path, p(boxes))) == ["Top left", "Top right", "Bottom"]


def test_vml_text_box_and_text_box_in_a_cell(tmp_path: Path) -> None:
    vml = (
        "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        + p("Boxed heading")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    cell_box = _textbox_drawing(p("in a box"))
    body = p(vml) + tbl(tr("Ref", "Action"), tr(tc("1"), tc(p("Newsletter ", cell_box))), grid=2)
    path = write(tmp_path, body)
    assert texts(path) == ["Boxed heading"]
    assert rows_of(path) == [("Ref", "Action"), ("1", "Newsletter\nin a box")]


# ---------------------------------------------------------------- layout tables


def test_row_of_prose_containers_is_read_as_text_in_order(tmp_path: Path) -> None:
    left = tc(p("About the plan"), p("We signed the Technician Commitment in 2018 and renewed it."))
    right = tc(p("Our commitments"), p("1. Visibility"), p("2. Recognition"))
    body = tbl(tr(left, right), grid=2) + tbl(tr(*HEADER), *(tr(*r) for r in ROWS), grid=6)
    path = write(tmp_path, body)
    document = extract_document(path)
    assert len(document.tables) == 1
    assert [r.cells for r in document.tables[0].rows] == [HEADER, *ROWS]
    assert texts(path) == [
        "About the plan",
        "We signed the Technician Commitment in 2018 and renewed it.",
        "Our commitments",
        "1. Visibility",
        "2. Recognition",
    ]


def test_data_table_inside_a_layout_table_stays_a_table(tmp_path: Path) -> None:
    inner = tbl(tr(*HEADER), *(tr(*r) for r in ROWS), grid=6)
    frame = tbl(tr(tc(p("Technician Commitment action plan"))), tr(tc(inner)), grid=1)
    path = write(tmp_path, TITLE + frame)
    assert rows_of(path) == [HEADER, *ROWS]
    assert texts(path)[-1] == "Technician Commitment action plan"
    assert list(read_plan(path).ref) == ["1.1", "1.2", "1.3"]


def test_single_data_row_with_short_values_stays_a_table(tmp_path: Path) -> None:
    row = tr(tc("1.1"), tc(p("Publish a newsletter"), p("and a blog")), tc("HR"))
    assert rows_of(write(tmp_path, tbl(row, grid=3))) == [("1.1", "Publish a newsletter\nand a blog", "HR")]


# ---------------------------------------------------------------- numbering and characters

NUMBERING = (
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="7">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="7"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    "</w:numbering>"
)


def _numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    return p(text, ppr=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def test_list_numbers_in_paragraphs_and_cells(tmp_path: Path) -> None:
    body = (
        _numbered("Visibility", 3)
        + _numbered("Newsletter", 3, 1)
        + _numbered("Awards", 3, 1)
        + _numbered("Recognition", 3)
        + _numbered("Sub-point", 3, 2)
        + _numbered("Starts at five", 4)
        + tbl(
            tr("Ref", "Action"),
            tr(tc(_numbered("", 3)), tc(_numbered("First", 3, 1), _numbered("Second", 3, 1))),
            grid=2,
        )
    )
    path = write(tmp_path, body)
    replace_part(path, "word/numbering.xml", NUMBERING.encode())
    document = extract_document(path)
    assert [(line.list_label, line.text) for line in document.lines] == [
        ("1.", "Visibility"),
        ("a)", "Newsletter"),
        ("b)", "Awards"),
        ("2.", "Recognition"),
        ("2.1", "Sub-point"),
        ("5.", "Starts at five"),
    ]
    assert [r.cells for r in document.tables[0].rows] == [("Ref", "Action"), ("3.", "a) First\nb) Second")]


def test_list_style_numbers_inside_cells(tmp_path: Path) -> None:
    numbered = tc(
        p("Run a forum", ppr='<w:pStyle w:val="ListNumber"/>'),
        p("Fund a post", ppr='<w:pStyle w:val="ListNumber"/>'),
    )
    path = write(tmp_path, tbl(tr("Ref", "Actions"), tr(tc("V"), numbered), grid=2))
    assert rows_of(path) == [("Ref", "Actions"), ("V", "1. Run a forum\n2. Fund a post")]


def test_breaks_tabs_spaces_hyphens_and_symbols_print_as_word_prints_them(tmp_path: Path) -> None:
    chars = (
        run("Head of")
        + "<w:r><w:br/><w:t>Technical\u00a0Services</w:t><w:cr/>"
        + "<w:t>Co</w:t><w:noBreakHyphen/><w:t>chair</w:t></w:r>"
        + "<w:r><w:tab/><w:t>Lab</w:t><w:softHyphen/><w:t>oratory</w:t></w:r>"
    )
    symbols = (
        '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t xml:space="preserve"> Complete </w:t>'
        '<w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> </w:t>'
        '<w:sym w:font="Arial" w:char="00A3"/>'
        "<w:t>5k</w:t></w:r>"
    )
    path = write(tmp_path, tbl(tr("Lead", "Status"), tr(tc(p(chars)), tc(p(symbols))), grid=2))
    assert rows_of(path) == [
        ("Lead", "Status"),
        ("Head of\nTechnical Services\nCo-chair Laboratory", "\u2713 Complete \u2022 \u00a35k"),
    ]


def test_two_column_section_reads_column_one_then_column_two(tmp_path: Path) -> None:
    two_columns = '<w:sectPr><w:cols w:num="2" w:space="720"/></w:sectPr>'
    body = (
        p("Left column text", '<w:r><w:br w:type="column"/></w:r>', "Right column text")
        + f"<w:p><w:pPr>{two_columns}</w:pPr></w:p>"
        + p("One column again")
    )
    assert texts(write(tmp_path, body)) == ["Left column text\nRight column text", "One column again"]


def test_footnotes_stay_out_of_cells(tmp_path: Path) -> None:
    ref = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    path = write(tmp_path, tbl(tr("Ref", "Action"), tr(tc("1"), tc(p("Publish a newsletter", ref))), grid=2))
    footnotes = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:footnote w:id="1"><w:p>{run("See the staff survey of 2022.")}</w:p></w:footnote></w:footnotes>'
    )
    replace_part(path, "word/footnotes.xml", footnotes.encode())
    assert rows_of(path) == [("Ref", "Action"), ("1", "Publish a newsletter")]


def test_hidden_text_is_not_printed(tmp_path: Path) -> None:
    hidden = run("internal note ", rpr="<w:rPr><w:vanish/></w:rPr>")
    assert texts(write(tmp_path, p(hidden, "Printed"))) == ["Printed"]


# ---------------------------------------------------------------- styles, hostile XML, other suffixes


def test_style_based_on_itself_in_a_cycle_ends(tmp_path: Path) -> None:
    styles = (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="Plan A"/><w:basedOn w:val="B"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="Plan B"/><w:basedOn w:val="A"/></w:style>'
        "</w:styles>"
    )
    path = write(tmp_path, p("Looped", ppr='<w:pStyle w:val="A"/>'))
    replace_part(path, "word/styles.xml", styles.encode())
    lines = extract_document(path).lines
    assert [(line.text, line.style, line.list_label) for line in lines] == [("Looped", "Plan A", "")]


def test_entities_and_dtds_are_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    path = write(tmp_path, p("x"))
    hostile = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&xxe;&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    replace_part(path, "word/document.xml", hostile.encode())
    with pytest.raises(ExtractionError, match="declares a DTD"):
        extract_document(path)


def test_nesting_deeper_than_the_parser_allows_is_a_readable_error(tmp_path: Path) -> None:
    shallow, deep = p("deep"), p("deep")
    for _ in range(80):  # 240 XML levels: read without exhausting Python's recursion
        shallow = tbl(tr(tc(shallow)), grid=1)
    for _ in range(100):  # past libxml2's 256 levels (huge_tree stays off)
        deep = tbl(tr(tc(deep)), grid=1)
    assert texts(write(tmp_path, shallow, "shallow.docx")) == ["deep"]
    with pytest.raises(ExtractionError, match="Excessive depth"):
        extract_document(write(tmp_path, deep, "deep.docx"))


def test_hostile_spans_cannot_blow_up_a_row(tmp_path: Path) -> None:
    body = tbl(
        tr(tc("Wide", tcpr='<w:gridSpan w:val="100000000"/>')),
        tr(tc("x"), trpr='<w:gridBefore w:val="99999999"/><w:gridAfter w:val="99999999"/>'),
        grid=2,
    )
    rows = rows_of(write(tmp_path, body))
    assert [len(r) for r in rows] == [256, 256]
    assert rows[0][0] == rows[0][-1] == "Wide"


def test_corrupt_document_xml_is_a_readable_error(tmp_path: Path) -> None:
    path = write(tmp_path, p("x"))
    replace_part(path, "word/document.xml", b"<w:document><w:body>")
    with pytest.raises(ExtractionError, match=r"corrupt \.docx"):
        extract_document(path)


@pytest.mark.parametrize("suffix", [".docm", ".dotx", ".dotm"])
def test_macro_enabled_and_template_suffixes_read_like_docx(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path, TITLE + tbl(tr(*HEADER), *(tr(*r) for r in ROWS), grid=6), name=f"plan{suffix}")
    assert rows_of(path) == [HEADER, *ROWS]
    assert extract_document(path).kind == "docx"


def test_strict_ooxml_namespaces_are_read(tmp_path: Path) -> None:
    path = write(tmp_path, p("x"))
    strict = (
        '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>'
        + tbl(tr("Ref", "Action"), tr("1", "Newsletter"), grid=2)
        + "</w:body></w:document>"
    )
    replace_part(path, "word/document.xml", strict.encode())
    assert rows_of(path) == [("Ref", "Action"), ("1", "Newsletter")]


# ---------------------------------------------------------------- the whole pipeline, feature by feature

PLAN_HEADER = ("Ref", "Theme", "Action", "Lead", "Timescale", "Status")
PLAN_ROWS = (
    ("1.1", "Visibility", "Publish a technician newsletter each term", "HR Partner", "Dec 2025", "Green"),
    (
        "1.2",
        "Recognition",
        "Run a technician awards ceremony every year",
        "TC Steering Group",
        "Jun 2026",
        "Amber",
    ),
    (
        "1.3",
        "Career Development",
        "Map the technical skills held in each department",
        "Head of Technical Services",
        "2026",
        "Red",
    ),
)
FIELDS = ["ref", "theme", "action", "lead", "timescale", "status"]


def _ins(text: str) -> str:
    deleted = '<w:del w:id="2" w:author="A"><w:r><w:delText>Old wording </w:delText></w:r></w:del>'
    return p(deleted, f'<w:ins w:id="1" w:author="A">{run(text)}</w:ins>')


def _field(text: str) -> str:
    return p(f'<w:fldSimple w:instr=" DOCPROPERTY Value ">{run(text)}</w:fldSimple>')


def _plain_table(rows: tuple[tuple[str, ...], ...] = PLAN_ROWS) -> str:
    return tbl(tr(*PLAN_HEADER), *(tr(*r) for r in rows), grid=6)


VARIANTS = {
    "plain": lambda: TITLE + _plain_table(),
    "repeating section rows": lambda: (
        TITLE + tbl(tr(*PLAN_HEADER), sdt("".join(sdt(tr(*r)) for r in PLAN_ROWS)), grid=6)
    ),
    "content-control cells": lambda: (
        TITLE + tbl(tr(*PLAN_HEADER), *(tr(*(sdt(tc(c)) for c in r)) for r in PLAN_ROWS), grid=6)
    ),
    "grid before": lambda: (
        TITLE
        + tbl(
            tr(tc(""), *PLAN_HEADER), *(tr(*r, trpr='<w:gridBefore w:val="1"/>') for r in PLAN_ROWS), grid=7
        )
    ),
    "grid after": lambda: (
        TITLE
        + tbl(tr(*PLAN_HEADER, tc("")), *(tr(*r, trpr='<w:gridAfter w:val="1"/>') for r in PLAN_ROWS), grid=7)
    ),
    "tracked changes": lambda: (
        TITLE
        + tbl(
            tr(*PLAN_HEADER),
            *(tr(*(tc(_ins(c)) for c in r)) for r in PLAN_ROWS),
            tr(*PLAN_ROWS[0], trpr='<w:del w:id="3" w:author="A"/>'),
            grid=6,
        )
    ),
    "simple fields": lambda: (
        TITLE + tbl(tr(*PLAN_HEADER), *(tr(*(tc(_field(c)) for c in r)) for r in PLAN_ROWS), grid=6)
    ),
    "title in a text box": lambda: p(_textbox_drawing(TITLE)) + _plain_table(),
    "one-cell layout frame": lambda: tbl(
        tr(tc(TITLE, p("We signed the Commitment in 2018."), _plain_table())), grid=1
    ),
    "prose layout row above": lambda: (
        tbl(
            tr(tc(TITLE, p("About our plan.")), tc(p("Contact: tc@example.ac.uk"), p("Published 2024"))),
            grid=2,
        )
        + _plain_table()
    ),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_each_word_feature_gives_the_plain_plans_records(tmp_path: Path, variant: str) -> None:
    plan = read_plan(write(tmp_path, VARIANTS[variant]()))
    got = [tuple(plan[f].fillna("").astype(str)) for f in FIELDS[:5]]
    assert got == [tuple(r[k] for r in PLAN_ROWS) for k in range(5)]
    assert list(plan.status) == ["on_track", "at_risk", "delayed"]
