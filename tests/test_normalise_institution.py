from talentmap.normalise.institution import detect_institution, detect_period, period_in


def test_university_of_x_and_x_university():
    assert detect_institution(["36 month action plan", "University of Reading, 2021-2024"], [])[0] == (
        "University of Reading"
    )
    title = "De Montfort University Technician Commitment 36-month Action Plan 2021-2024 (v. July 2023)"
    assert detect_institution([title], [])[0] == "De Montfort University"


def test_all_capitals_title_is_read_in_title_case():
    assert detect_institution(["UNIVERSITY OF THE WEST OF ENGLAND ACTION PLAN"], [])[0] == (
        "University of the West of England"
    )


def test_running_header_names_the_institution():
    assert detect_institution(["Action plan"], ["Imperial College London Technician Commitment"])[0] == (
        "Imperial College London"
    )


def test_consortium_defined_with_its_acronym_and_named_in_title():
    lines = [
        "MIDLANDS INNOVATION OUR RESPONSE TO THE TALENT COMMISSION RECOMMENDATIONS",
        "Midlands Innovation (MI) is a partnership between Aston, Birmingham and Warwick universities.",
    ]
    assert detect_institution(lines, [])[0] == "Midlands Innovation"


def test_unknown_institution_is_empty_not_a_guess():
    lines = ["Technician Commitment Action Plan: TALENT Commission targeted recommendations"]
    assert detect_institution(lines, [], "mi_member_000__grid_portrait")[0] == ""
    assert detect_institution(["We work with Aston and Keele universities."], [])[0] == ""


def test_file_name_is_the_last_resort():
    assert (
        detect_institution(["Action plan"], [], "university_of_leeds_action_plan_2022")[0]
        == "University of Leeds"
    )
    assert detect_period(["Action plan"], [], "leeds_tc_plan_2022-2025")[0] == "2022-2025"


def test_period_forms():
    assert period_in("36 month action plan January 2021-January 2024") == "2021-2024"
    assert period_in("Mar 2024 to Mar 2027") == "2024-2027"
    assert period_in("Action Plan 2021-2024 (v. July 2023)") == "2021-2024"
    assert period_in("2022-25") == "2022-2025"
    assert period_in("(v. July 2023)") == ""
    assert period_in("2010-2030") == ""  # not a plan's span


def test_period_from_title_before_body_text():
    lines = ["Action Plan Mar 2024 to Mar 2027", "In 2015-2017 we ran a pilot."]
    assert detect_period(lines, [])[0] == "2024-2027"
    assert detect_period(["Overview", "In 2015 we started."], [])[0] == ""


def test_title_wrapped_over_two_lines():
    lines = ["Eastvale University \u2013 Technician Commitment action plan, Mar 2024 to Mar", "2027"]
    assert detect_period(lines, [])[0] == "2024-2027"
    assert detect_institution(["Technician Commitment plan of the University of", "Northshire 2024"], [])[
        0
    ] == ("University of Northshire")


def test_academic_year_range():
    assert period_in("Action plan 2021/22 - 2023/24") == "2021-2024"
