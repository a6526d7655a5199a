"""Justified cell text on hand-built pages: narrow ruled cells, short bands, tight column starts."""

from __future__ import annotations

from dataclasses import replace

from pdf_pages import CHAR, PITCH, line_words, page_from, rules_across, stacked

from talentmap.extract.pdf.columns import find_gutters
from talentmap.extract.pdf.layout import group_lines
from talentmap.extract.pdf.page import Edge, PageData, Word
from talentmap.extract.pdf.rows_ruled import split_lattice_rows
from talentmap.extract.pdf.settings import PdfSettings
from talentmap.extract.pdf.strategy import grid_score
from talentmap.extract.pdf.strategy_lines import LinesStrategy
from talentmap.extract.pdf.strategy_text import TextColumnsStrategy


def justified(text_lines: list[str], x0: float, x1: float, top: float) -> list[Word]:
    """Each line's words stretched from x0 to x1 (a line of one word is set from x0)."""
    out = []
    for k, text in enumerate(text_lines):
        tokens = text.split()
        y = top + k * PITCH
        if len(tokens) == 1:
            out.append(Word(tokens[0], x0, x0 + CHAR * len(tokens[0]), y, y + 9, 9))
            continue
        ink = CHAR * sum(len(t) for t in tokens)
        space = (x1 - x0 - ink) / (len(tokens) - 1)
        x = x0
        for t in tokens:
            out.append(Word(t, x, x + CHAR * len(t), y, y + 9, 9))
            x += CHAR * len(t) + space
    return out


def test_a_narrow_ruled_cell_of_justified_lines_is_no_column_pair():
    # lines of two or three words stretched across a narrow cell pause at one x down the cell;
    # they end flush at its right edge on words starting at different x: justification
    action = ["Build a", "technician", "network to", "recognise the", "expertise of", "staff."]
    words = [Word("Action", 55, 85, 86, 95, 9), Word("Lead", 155, 175, 86, 95, 9)]
    words += justified(action, 55, 125, 100)
    words += justified(["HR team"], 155, 250, 100)
    bottom = 100 + len(action) * PITCH
    edges = [Edge("h", 50, 260, y, y) for y in (84, 98, bottom)]
    edges += [Edge("v", x, x, 84, bottom) for x in (50, 130, 260)]
    page = PageData(1, 600, 800, tuple(words), tuple(edges), n_chars=200, n_images=0)
    (grid,) = LinesStrategy().extract(page)
    assert grid_score(grid, page.words) >= PdfSettings().lines_min_score


def column_ruled(rows: list[tuple[list[str], float]], bottom: float, rules: list[float]) -> PageData:
    page = page_from(rows, edges=rules_across(rules))
    verticals = tuple(Edge("v", x, x, rules[0], bottom) for x in (45, 190, 290, 390, 480))
    return replace(page, edges=page.edges + verticals)


def test_a_cut_rows_rest_over_a_new_row_at_a_pages_top_is_split_from_it():
    # a lattice ruled at its columns only, going on from the page before: its first line is the
    # last row's rest in one column, then a new row opens its cells at their tops (the columns
    # opened there all end well above the band's middle: no cell centred in one row)
    rows = [(["", "", "above.", ""], 50)]
    rows.append((["", "R2", "Launch a showcase", "HR team"], 50 + PITCH))
    rows += [(["", "", f"line {k} of the action", ""], 50 + (k + 2) * PITCH) for k in range(6)]
    bottom = 50 + 8 * PITCH + 4
    page = column_ruled(rows, bottom, [46, bottom])
    (grid,) = LinesStrategy().extract(page)
    assert grid.n_rows == 1
    split = split_lattice_rows(grid, page.words, PdfSettings(), edges=page.edges)
    assert split.n_rows == 2


def test_a_band_of_one_row_with_cells_centred_in_it_stays_one_row():
    # the same first line printing one column only, the other columns centred beside the middle
    rows = [(["", "", f"line {k} of the action", ""], 50 + k * PITCH) for k in range(5)]
    rows.append((["", "R2", "", "HR team"], 50 + 2 * PITCH))
    bottom = 50 + 5 * PITCH + 4
    page = column_ruled(rows, bottom, [46, bottom])
    (grid,) = LinesStrategy().extract(page)
    assert split_lattice_rows(grid, page.words, PdfSettings(), edges=page.edges).n_rows == 1


def test_a_three_line_band_between_section_rules_is_split_where_its_ref_column_opens_a_row():
    # a section label in its own band, then a band of two rows: a two-line row and a one-line
    # row, each opened by a ref in the ref column; a band this short is not read as a table
    rows = [(["Ref", "Action", "Lead", "When"], 90)]
    rows += [(["Visibility"], 104)]
    rows += [
        (["V1", "Run a showcase", "HR team", "2025"], 118),
        (["V2", "Pilot a network", "Estates", "2026"], 129),
    ]
    rows += [(["Recognition"], 144)]
    rows += [(["R1", "Create a webpage", "HR team", "2025"], 158), (["", "for all staff", "", ""], 169)]
    rows += [(["R2", "Audit open days", "Estates", "2026"], 180)]
    bottom = 192.0
    page = column_ruled(rows, bottom, [86, 102, 116, 142, 156, bottom])
    (grid,) = LinesStrategy().extract(page)
    split = split_lattice_rows(grid, page.words, PdfSettings(), edges=page.edges)
    tops = sorted({round(c.top) for c in split.cells})
    assert split.n_rows == grid.n_rows + 2
    assert any(abs(t - 129) <= 1 for t in tops) and any(abs(t - 180) <= 1 for t in tops)


def test_stretched_spaces_lining_up_before_short_last_words_part_no_columns():
    # a narrow objective column: its justified lines end flush on two-letter words, so their last
    # stretched spaces leave one strip clear, which only the short last lines of paragraphs
    # print on both sides of; more lines pause across it evenly spaced than part at it
    def at(text: str, x0: float, top: float) -> Word:
        return Word(text, x0, x0 + CHAR * len(text), top, top + 9, 9)

    objective = {
        100: [("Support", 60), ("technicians", 105), ("to", 170)],
        111: [("develop", 60), ("their", 100)],
        150: [("Value", 60), ("the", 93.33), ("expertise", 116.67), ("of", 170)],
        161: [("technical", 60), ("staff", 125), ("at", 170)],
        172: [("departmental", 60), ("level", 125)],
    }
    refs = {100: "C", 111: "1", 150: "D", 161: "1"}
    words = []
    for k in range(12):
        top = 100 + k * PITCH if k < 4 else 150 + (k - 4) * PITCH
        words += [at(t, x, top) for t, x in objective.get(top, [])]
        if top in refs:
            words.append(at(refs[top], 186, top))
        words += [at("Fund", 206, top), at("a", 231, top), at("scheme", 241, top), at("Staff", 320, top)]
    lines = group_lines(words, 1.5)
    gutters = find_gutters(lines, 10.0, PdfSettings().gutter_noise_share)
    assert not any(159 < g.x1 < 172 for g in gutters)
    assert any(195 < g.x1 < 207 for g in gutters)


def test_a_band_under_a_header_rule_opening_later_columns_splits_where_several_open_together():
    # a group's objective printed once, in the group's last row: the band under the header rule
    # opens with the later columns only; a new row opens them all again after a blank line, a
    # cell's next paragraph (one column) opens no row
    body = [
        [["", "Build career paths", "Heads of School", "2026"], ["", "for technical roles", "", ""]],
        [["", "Audit the framework", "Steering Group", "Ongoing"], ["", "for all staff", "", ""]],
        [["", "Survey of all staff", "", ""]],
        [
            ["Improve visibility", "Fund the membership", "Director", "Q3 2025"],
            ["of roles", "for all staff", "", ""],
        ],
    ]
    rows, bottom = stacked(body, 108.0, 8)
    page = page_from(
        [(["Objective", "Action", "Lead", "When"], 90), *rows], edges=rules_across([86, 102, bottom])
    )
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 4


def test_column_rules_pausing_together_round_a_title_row_make_row_lines_across_the_frame():
    # a frame ruled at its top and sides, column rules stopping round a title printed across all
    # the columns, no rule over or under the title: the pause's ends are row lines
    rows = [
        (["No.", "Action", "Lead", "When"], 90),
        (["Increase engagement with the Technician Commitment"], 105),
    ]
    rows += [
        (["4.1", "Hold open days", "HR team", "2025"], 122),
        (["4.2", "Promote a webpage", "Estates", "2026"], 133),
    ]
    page = page_from(rows, edges=rules_across([86, 146]))
    sides = tuple(Edge("v", x, x, 86, 146) for x in (45, 480))
    inner = tuple(Edge("v", x, x, a, b) for x in (190, 290, 390) for a, b in ((86, 101), (118, 146)))
    page = replace(page, edges=page.edges + sides + inner)
    (grid,) = LinesStrategy().extract(page)
    assert grid.n_cols == 4 and grid.n_rows == 3
    assert any(c.col0 == 0 and c.col1 == 4 for c in grid.cells)


def test_a_header_cell_over_two_columns_pausing_one_column_rule_adds_no_row_line():
    rows = [
        (["Ref", "Action", "Delivery"], 90),
        (["", "", "Lead", "When"], 103),
        (["1.1", "Run", "HR", "2025"], 120),
    ]
    page = page_from(rows, edges=rules_across([86, 116]) + (Edge("h", 290, 480, 101, 101),))
    sides = tuple(Edge("v", x, x, 86, 134) for x in (45, 190, 480))
    page = replace(
        page, edges=page.edges + sides + (Edge("v", 390, 390, 101, 134), Edge("h", 45, 480, 134, 134))
    )
    (grid,) = LinesStrategy().extract(page)
    header = [c for c in grid.cells if c.top < 100]
    assert {(c.col0, c.col1) for c in header if c.x0 < 190} == {(0, 1)}
    assert all(c.bottom > 110 for c in header if c.x1 <= 290)


def test_two_word_justified_lines_ending_flush_on_one_short_word_part_no_columns():
    # a lead column of fixed-pitch two-word lines stretched to its width: "of" ("J.") lands at one x on
    # every such line, a strip clear before it; no cell opens on that one connective
    words = []
    leads = ["Heads of", "Technical", "Director of", "Dr J.", "Managers", "Head of", "Director of"]
    for k, lead in enumerate(leads):
        top = 100 + k * PITCH
        words += justified([f"Task {k} for all"], 50, 160, top)
        words += justified([lead], 200, 300, top)
        words += justified([f"Year {k}"], 320, 360, top)
    lines = group_lines(words, 1.5)
    gutters = find_gutters(lines, 10.0, PdfSettings().gutter_noise_share)
    assert not any(285 < g.x1 < 295 for g in gutters)
    assert any(195 < g.x1 < 205 for g in gutters) and any(315 < g.x1 < 325 for g in gutters)


def test_a_cut_rows_rest_in_one_later_column_at_a_continuation_pages_top_is_a_row_in_its_columns():
    # the page goes on with the last page's table: its first lines, under the repeated header
    # (read apart), are a row's rest printed in the action column alone, then a key across the page
    rows = [(["", "invited to all.", "", ""], 108), (["", "This builds on", "", ""], 119)]
    rows += [(["", "the pilot run.", "", ""], 130)]
    page = page_from(rows)
    key = line_words(["Key: R = Red (delayed), A = Amber (at risk), G = Green (on track)"], 160)
    page = replace(
        page, words=page.words + tuple(key), continues_table=True, column_hint=(45, 195, 295, 395, 480)
    )
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert (grid.n_rows, grid.n_cols) == (1, 4)
    assert grid.bbox[3] < 150
