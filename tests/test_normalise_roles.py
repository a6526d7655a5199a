from talentmap.normalise.roles import content_kind, infer_roles, is_date_value, is_ref_value

PROSE = ["We will run a technician showcase event every year.", "We will publish a careers framework."]


def fields(roles):
    return [r.field for r in roles]


def test_ref_values():
    assert all(is_ref_value(v) for v in ["B12", "2.6", "15.3", "R5.", "1a", "A1.2"])
    assert not any(is_ref_value(v) for v in ["2024", "Ongoing", "Head of HR", ""])


def test_date_values():
    assert all(
        is_date_value(v) for v in ["Dec 2023", "2022-23", "Q3 2024", "Ongoing", "12 months", "31/07/2024"]
    )
    assert not any(
        is_date_value(v) for v in ["Head of HR", "B12", "We will report on progress in 2023 to the board"]
    )


def test_content_kinds():
    assert content_kind(["R1.", "R2.", "R15."]) == "stated_rec"
    assert content_kind(["B1.", "B2", "B10"]) == "ref"
    assert content_kind(["R", "A", "G", "B"]) == "status"
    assert content_kind(["Dec 2023", "Ongoing"]) == "timescale"
    assert content_kind(["Visibility", "Career development"]) == "theme"
    assert content_kind(PROSE) == "prose"


def test_blank_headers_resolved_by_content_and_longest_prose_is_action():
    columns = [["1", "2"], ["Short aim", "Other aim"], PROSE, ["G", "A"], ["Dec 2023", "2024"]]
    roles = infer_roles(["", "", "", "", ""], columns)
    assert fields(roles) == ["ref", "extra", "action", "status", "timescale"]
    assert roles[2].how == "content: longest prose column"


def test_header_contradicted_by_content():
    columns = [PROSE, ["G", "R"], ["Dec 2023", "Ongoing"], ["R5", "R6"]]
    roles = infer_roles(["Action", "Progress", "Target", "TALENT Recommendation"], columns)
    assert fields(roles) == ["action", "status", "timescale", "stated_rec"]


def test_status_header_over_prose_is_progress():
    columns = [PROSE, ["Event held in May with 200 attendees.", "Framework drafted and consulted on."]]
    assert fields(infer_roles(["Action", "Status"], columns)) == ["action", "progress"]


def test_headerless_table_read_in_the_usual_column_order():
    objectives = ["Raise the profile of technicians across the university", "Clear and fair career pathways"]
    measures = ["Two hundred attendees at the showcase event", "Framework published and used in PDR"]
    columns = [
        ["1", "2"],
        objectives,
        PROSE * 1 + [],
        ["Head of Technical Services", "HR Business Partner"],
        measures,
    ]
    columns[2] = [p + " More detail on delivery and timing." for p in PROSE]
    roles = infer_roles([""] * 5, columns)
    assert fields(roles) == ["ref", "objective", "action", "lead", "measure"]
    assert roles[4].how.startswith("content guess")


def test_named_headers_are_not_second_guessed_by_position():
    columns = [PROSE, ["Some longer explanatory note about context here", "Another longer explanatory note"]]
    assert fields(infer_roles(["Action", "Context"], columns)) == ["action", "extra"]


def test_sentence_mentioning_a_month_is_not_a_date():
    assert not is_date_value("Event held in May.")
    assert is_date_value("By end of July 2024")


def test_ref_header_over_r_numbers_stays_the_plans_own_reference():
    assert fields(infer_roles(["Ref", "Action"], [["R1", "R2"], PROSE])) == ["ref", "action"]
