from talentmap.normalise.cleaning import clean_cell, clean_ref


def test_html_residue_becomes_one_bullet_per_line():
    raw = "<p>*Work with ED&amp;I on wellbeing.</p> <p>*Work with MI team.</p>"
    assert clean_cell(raw) == "*Work with ED&I on wellbeing.\n*Work with MI team."


def test_wrapped_lines_rejoin_with_single_spaces():
    assert clean_cell("We will  increase\nvisibility of\n  awards") == "We will increase visibility of awards"


def test_line_end_hyphen_keeps_compound_word():
    assert clean_cell("career progression is well-\nestablished") == "career progression is well-established"


def test_suspended_hyphen_before_conjunction_keeps_space():
    assert clean_cell("department-\nand institution-level") == "department- and institution-level"


def test_soft_hyphen_is_removed_when_rejoining():
    assert clean_cell("develop\u00ad\nment") == "development"


def test_bullets_stay_on_their_own_lines_and_wraps_join_them():
    raw = "\u2022 First item that\nwraps\n\u2022 Second item"
    assert clean_cell(raw) == "\u2022 First item that wraps\n\u2022 Second item"


def test_private_use_bullet_glyph_becomes_a_bullet():
    assert clean_cell("\uf0b7 Item") == "\u2022 Item"


def test_words_are_otherwise_untouched():
    text = "Ensure Team Leaders (T&L) are aware, e.g., BEIS/ DfE etc."
    assert clean_cell(text) == text


def test_ref_loses_trailing_full_stop_only():
    assert clean_ref("B1.") == "B1"
    assert clean_ref("2.6") == "2.6"
    assert clean_ref(" 15.3 ") == "15.3"
    assert clean_ref("1.1.") == "1.1"


def test_code_broken_by_a_narrow_column_is_put_back_together():
    assert clean_ref("RE\nC-01") == "REC-01"
    assert clean_ref("VIS -01") == "VIS-01"
    assert clean_ref("Action 3") == "Action 3"
    assert clean_ref("1.1 2.3") == "1.1 2.3"


def test_printed_angle_brackets_and_ampersands_are_kept():
    """Only HTML residue loses its markup; text that looks like markup is what the plan printed."""
    for text in (
        "Promote staff to <Grade 6> by 2025",
        "Review &regulations and &copy policies",
        "Show the code &lt;script&gt; as printed",
        "Pay <b>all</b> technicians",
        "Ratio a<b and c>d",
    ):
        assert clean_cell(text) == text


def test_html_residue_keeps_printed_lookalikes():
    raw = "<p>*Move staff to <Grade 6> &amp; review &regulations</p>"
    assert clean_cell(raw) == "*Move staff to <Grade 6> & review &regulations"
