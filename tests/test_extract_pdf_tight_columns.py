"""Columns parted by less than a word space, shown only by the left edges their lines share."""

from __future__ import annotations

from pdf_pages import CHAR, PITCH

from talentmap.extract.pdf.columns import Gutter, aligned_columns, with_aligned_columns
from talentmap.extract.pdf.layout import group_lines
from talentmap.extract.pdf.page import PageData, Word
from talentmap.extract.pdf.strategy_text import TextColumnsStrategy

NOISE = 0.12


def at(text: str, x0: float, top: float, char: float = CHAR) -> Word:
    return Word(text, x0, x0 + char * len(text), top, top + 9, 9)


def set_line(text: str, x0: float, x1: float | None, top: float) -> list[Word]:
    """A line's words from x0, stretched to end at x1 (justified) or one space apart (x1 None)."""
    tokens = text.split()
    ink = CHAR * sum(len(t) for t in tokens)
    space = CHAR if x1 is None or len(tokens) == 1 else (x1 - x0 - ink) / (len(tokens) - 1)
    out, x = [], x0
    for t in tokens:
        out.append(at(t, x, top))
        x += CHAR * len(t) + space
    return out


# three columns whose justified lines run to 2pt (under a 5pt space) from the next column's text
COLS = (50.0, 162.0, 274.0)
RIGHT = 384.0
ROWS = [
    (
        ["Improve the career", "routes open to all", "technical staff"],
        ["Set up a scheme for", "grades three to six", "by July"],
        ["HR team"],
    ),
    (
        ["Value the skill of", "staff across every", "campus"],
        ["Hold an annual show", "with the faculty of", "science"],
        ["Heads of School"],
    ),
    (
        ["Raise the profile of", "our technicians in", "research"],
        ["Fund a new network", "for early career", "staff"],
        ["Dr J. Patel"],
    ),
    (
        ["Ensure staff are", "named on all their", "outputs"],
        ["Map a plan for the", "succession of key", "roles"],
        ["Steering Group"],
    ),
]


def tight_table(top: float) -> list[Word]:
    words = []
    for row in ROWS:
        for k in range(3):
            y = top + k * PITCH
            for c, cell in enumerate(row):
                if k >= len(cell):
                    continue
                last = k == len(cell) - 1
                x1 = None if last or c == 2 else COLS[c + 1] - 2
                words += set_line(cell[k], COLS[c], x1, y)
        top += 3 * PITCH + 6
    return words


def test_justified_columns_parted_by_less_than_a_space_are_read_by_their_left_edges():
    # a title and intro run across the page above a justified table whose cells end 2pt from the
    # next column's text: no strip is clear and no line pauses for a column gap, but the lines
    # start words at the columns' left edges and none prints across them
    words = set_line("University of Northmoor action plan 2024", 50, None, 40)
    words += set_line("This plan sets out how we will meet the four principles", 50, None, 60)
    words += set_line("of the Technician Commitment in every faculty this year", 50, None, 71)
    words += [at("Goal", 50, 90), at("Action", 162, 90), at("Lead", 274, 90)]
    words += tight_table(104)
    page = PageData(1, 600, 800, tuple(words), (), n_chars=900, n_images=0)
    grids = TextColumnsStrategy().extract(page)
    assert len(grids) == 1
    edges = grids[0].col_edges
    assert len(edges) == 4
    assert 158 < edges[1] < 163 and 270 < edges[2] < 275


def test_aligned_starts_need_no_clear_strip_but_no_line_across_them():
    lines = group_lines(tight_table(104), 1.5)
    x1s = [g.x1 for g in aligned_columns(lines, NOISE)]
    assert len(x1s) == 2 and abs(x1s[0] - 162.5) < 1 and abs(x1s[1] - 274.5) < 1


def test_words_of_a_fixed_pitch_font_meeting_after_word_spaces_are_no_column_start():
    # ragged lines of one column in a fixed-pitch font: five of them start a word at one x, each
    # after a plain word space (one line has a ref before the column); no line prints across it
    lines = group_lines(
        set_line("webpage to make progression", 100, None, 100)
        + set_line("so that technical staff", 100, None, 111)
        + set_line("will be reviewed against", 100, None, 122)
        + [at("1.1", 50, 133)]
        + set_line("Publish technician representation", 100, None, 133)
        + set_line("Develop career routes now", 100, None, 144),
        1.5,
    )
    assert not any(138 < g.x1 < 142 for g in aligned_columns(lines, NOISE))


def test_justified_lines_ending_flush_on_words_of_one_length_start_no_column():
    # a fixed-pitch justified column whose two-word lines end flush at its right edge on
    # two-letter words ("of", "by", "on"): those start at one x on every line, and all end at one
    # x too; the next column's text starts after a clear strip
    rows = [
        ("Staff", "Uptake", "of", "Heads"),
        ("Dean", "increases", "by", "Patel"),
        ("Team", "Number", "on", "Morgan"),
        ("Board", "named", "is", "Steering"),
        ("Group", "outputs", "at", "Director"),
    ]
    words = []
    for k, (a, b, c, d) in enumerate(rows):
        top = 100 + k * PITCH
        words += [at(a, 50, top), at(b, 100, top), at(c, 190, top), at(d, 220, top)]
    x1s = [g.x1 for g in aligned_columns(group_lines(words, 1.5), NOISE)]
    assert not any(188 < x < 192 for x in x1s)
    assert any(98 < x < 102 for x in x1s) and any(218 < x < 222 for x in x1s)


def test_a_gutter_lines_print_across_gives_way_to_the_starts_alignment_shows():
    # a strip inside the second column that justified spaces happened to leave clear: once the
    # aligned starts part the columns, the column's lines print across it more than part at it
    lines = group_lines(tight_table(104), 1.5)
    found = [Gutter(158.0, 162.5), Gutter(210.0, 214.0)]
    x1s = [g.x1 for g in with_aligned_columns(found, lines, 10.0, NOISE)]
    assert len(x1s) == 2 and x1s[0] == 162.5 and abs(x1s[1] - 274.5) < 1


def test_a_gutter_before_an_added_start_with_one_lines_words_between_is_that_start():
    # the third column starts 50pt after the second's ragged text; one line's wrapped value
    # ("Mar") prints into that strip, so the strip read as a gutter ends at it, not at the column
    words = []
    second = ["Run a showcase", "Fund a network", "Hold an open day", "Map our roles", "Set up a scheme"]
    third = ["Q3 2025", "Ongoing", "Year 1", "2025/26", "Summer"]
    for k in range(5):
        top = 100 + k * PITCH
        words += set_line("Improve the way all", 50, 160, top)
        words += set_line(second[k], 162, None, top)
        words += set_line(third[k], 300, None, top)
    words.append(at("Mar", 262, 100 + PITCH))
    lines = group_lines(words, 1.5)
    found = [Gutter(158.0, 162.5), Gutter(250.0, 262.0)]
    x1s = [g.x1 for g in with_aligned_columns(found, lines, 10.0, NOISE)]
    assert x1s[0] == 162.5 and len(x1s) == 2 and abs(x1s[1] - 300.5) < 1


def test_group_values_repeated_row_by_row_still_show_their_column_starts():
    # a theme and an objective repeated on every row (the same words before each start), the
    # actions different: the theme's justified lines end 2pt from the objective's, narrower than
    # their word spaces; the objective's ragged lines leave a wide pause before the action
    actions = ["Run a showcase", "Fund a network", "Hold an open day", "Map our roles", "Set up a scheme"]
    words = []
    for k, action in enumerate(actions):
        top = 100 + k * (2 * PITCH + 6)
        words += set_line("Theme one and", 50, 160, top) + set_line("Value the skill of", 162, None, top)
        words += set_line("all", 50, None, top + PITCH) + set_line("technicians", 162, None, top + PITCH)
        words += set_line(action, 274, None, top) + set_line("in each faculty", 274, None, top + PITCH)
    x1s = [g.x1 for g in aligned_columns(group_lines(words, 1.5), NOISE)]
    assert len(x1s) == 2 and abs(x1s[0] - 162.5) < 1 and abs(x1s[1] - 274.5) < 1


def test_starts_every_line_reaches_after_a_wide_pause_are_left_to_the_clear_strips():
    # a small table of ragged cells: its columns start at aligned x, but every line pauses there
    # for more than a gutter, which whitespace shows (or, under running text, need not)
    rows = [("I kept the assets", "344", "75.2"), ("I sold some", "53", "11.6"), ("I sold all", "61", "13.2")]
    rows += [("Total", "458", "100.0"), ("Not known", "12", "0.9")]
    words = []
    for k, cells in enumerate(rows):
        for cell, x0 in zip(cells, (50.0, 200.0, 300.0), strict=True):
            words += set_line(cell, x0, None, 100 + k * PITCH)
    lines = group_lines(words, 1.5)
    assert len(aligned_columns(lines, NOISE)) == 2
    assert with_aligned_columns([], lines, 10.0, NOISE) == []
