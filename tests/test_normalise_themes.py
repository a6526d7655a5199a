from talentmap.normalise.themes import heading_pillar, is_pillar_name, pillar_in, theme_cell_pillar


def test_heading_that_starts_with_a_pillar():
    assert heading_pillar("Visibility Ensure that technicians are identifiable") == "Visibility"
    assert heading_pillar("Pillar 3: Career development") == "Career Development"
    assert heading_pillar("2. Sustainability") == "Sustainability"
    assert heading_pillar("RECOGNITION") == "Recognition"


def test_sentence_or_list_is_not_a_heading():
    assert heading_pillar("Visibility of technicians is important") == ""
    assert heading_pillar("Visibility, Recognition, Career Development and Sustainability") == ""
    assert heading_pillar("Technician Commitment") == ""


def test_theme_cell_names_a_pillar_anywhere():
    assert pillar_in("Theme: career development") == "Career Development"
    assert pillar_in("Career-Development") == "Career Development"
    assert pillar_in("Other") == ""


def test_career_progression_is_the_career_development_pillar():
    assert pillar_in("Career progression") == "Career Development"
    assert heading_pillar("Career Progression: clear pathways") == "Career Development"


def test_theme_cell_initials():
    from talentmap.normalise.themes import theme_cell_pillar

    assert [theme_cell_pillar(v) for v in ["V", "R.", "cd", "S", "Visibility", "X"]] == [
        "Visibility",
        "Recognition",
        "Career Development",
        "Sustainability",
        "Visibility",
        "",
    ]


def test_pillar_name_alone_versus_text_that_mentions_one():
    assert all(
        is_pillar_name(v)
        for v in ["Visibility", "Career development", "Pillar 2: Recognition", "3. Sustainability"]
    )
    assert not any(
        is_pillar_name(v) for v in ["Visibility of technical work", "Better recognition", "Career routes", ""]
    )


def test_theme_cell_with_a_pillar_broken_mid_word_by_a_narrow_column():
    assert theme_cell_pillar("Career De velopment") == "Career Development"
    assert theme_cell_pillar("Visi bility") == "Visibility"
    assert theme_cell_pillar("Research careers") == ""
