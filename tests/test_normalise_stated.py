from talentmap.normalise.stated import declared_markers, is_rec_value, split_marker, stated_rec_in


def test_stated_recommendation_forms():
    assert stated_rec_in("R5.") == "R5"
    assert stated_rec_in("Rec 5") == "R5"
    assert stated_rec_in("TALENT Recommendation 5: Employers should ...") == "R5"
    assert stated_rec_in("Recommendation 12 - Government") == "R12"
    assert stated_rec_in("R5.2") == "R5"


def test_not_a_stated_recommendation():
    assert stated_rec_in("R17") == ""  # the Commission made 16
    assert stated_rec_in("2.6") == ""
    assert stated_rec_in("Reading") == ""
    assert stated_rec_in("Review how staff") == ""


def test_rec_value_is_a_bare_reference():
    assert is_rec_value("R12.")
    assert not is_rec_value("R12 Employers should")
    assert not is_rec_value("B12")


def test_tcr_marker_is_removed_and_reported():
    markers = declared_markers([])
    assert split_marker("Ensure visibility of career pathways *TCR", markers) == (
        "Ensure visibility of career pathways",
        True,
    )
    assert split_marker("Ensure visibility (TCR).", markers) == ("Ensure visibility.", True)


def test_bullet_star_is_not_a_marker():
    assert split_marker("*MI Universities will", declared_markers([])) == ("*MI Universities will", False)


def test_footnote_declares_a_new_marker():
    markers = declared_markers(["\u2020 denotes a TALENT Commission recommendation"])
    assert "\u2020" in markers
    assert split_marker("Sign the Technician Commitment.\u2020", markers) == (
        "Sign the Technician Commitment.",
        True,
    )


def test_list_of_recommendations_is_a_rec_value_and_the_first_is_stated():
    assert is_rec_value("R3, R9")
    assert is_rec_value("R3 & R9.")
    assert stated_rec_in("R3, R9") == "R3"


def test_written_out_recommendation_cells_are_rec_values():
    assert is_rec_value("Rec 4")
    assert is_rec_value("TALENT Recommendation 12")
    assert is_rec_value("R5.2, R6.1")
    assert stated_rec_in("TALENT Recommendation 12") == "R12"
