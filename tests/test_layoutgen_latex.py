"""The LaTeX producer's source (no pdflatex needed): escaping, rules from the look's edges, the
look as LaTeX draws it, and its own rendering cache."""

from __future__ import annotations

import re
from dataclasses import replace

from layoutgen import default_cache, make_sample
from layoutgen.look import RULE_FAMILIES
from layoutgen.printed import Table, print_plan
from layoutgen.render_latex import drawable, escape, latex_source, table_source, word_fits

SPAN_SEED = 13  # ref | objective | action | lead | timescale | status, objectives merged, 7 rows


def sample(**look):
    s = make_sample(SPAN_SEED, ("latex",))
    return replace(s, look=drawable(replace(s.look, **look)))


def table(s) -> Table:
    return next(b for b in print_plan(s.plan, s.look) if isinstance(b, Table))


def preamble(source: str) -> str:
    return re.search(r"\\begin\{longtable\}\{(.*)\}\n", source).group(1)


def test_specials_print_as_typed() -> None:
    assert escape("R&D 50% of £5,000 #1 a_b {c} $x ~ ^ \\") == (
        "R\\&D 50\\% of \\pounds{}5,000 \\#1 a\\_b \\{c\\} \\$x \\textasciitilde{} "
        "\\textasciicircum{} \\textbackslash{}"
    )
    # no dash or quote ligatures, bullets and lines kept
    assert escape("2024--25 'x'") == "2024-{}-{}25 \\textquotesingle{}x\\textquotesingle{}"
    assert escape("Audit:\n\u2022 one") == "Audit:\\newline \\textbullet{} one"


def test_a_word_wider_than_its_column_may_break_between_letters() -> None:
    look = make_sample(SPAN_SEED, ("latex",)).look
    fits = word_fits(replace(look, font="mono"), width=40.0, size=11.0, bold=False)
    assert fits("Chair") and not fits("Network")  # Courier: 0.6 em a letter, 46.2 pt
    assert escape(
        "Network Chair", fits
    ) == "N\\allowbreak{}e\\allowbreak{}t\\allowbreak{}w\\allowbreak{}o" + (
        "\\allowbreak{}r\\allowbreak{}k Chair"
    )
    assert escape("R&D", lambda w: False) == "R\\allowbreak{}\\&\\allowbreak{}D"  # never inside an escape


def test_booktabs_edges_give_booktabs_rules_and_no_column_rules() -> None:
    s = sample(rules="booktabs", edges=RULE_FAMILIES["booktabs"], repeat_header=True)
    src = table_source(table(s), s.look)
    assert src.count("\\toprule") == 2  # first page's head and the repeated head
    assert "\\bottomrule" in src and "\\midrule" in src
    assert "\\hline" not in src and "\\cline" not in src and "|" not in preamble(src)
    assert "\\cmidrule" not in src  # no rules between body rows, so none round merged cells


def test_grid_edges_give_hlines_column_rules_and_rules_round_merged_cells() -> None:
    s = sample(rules="grid", edges=RULE_FAMILIES["grid"])
    src = table_source(table(s), s.look)
    assert "\\toprule" not in src and "\\hline" in src
    assert preamble(src).count("|") == len(s.plan.columns) + 1
    # between the rows of a merged objective (column 2) the rule is drawn in pieces round it
    assert "\\cline{1-1}\\cline{3-6}" in src


def test_inner_rules_without_column_rules_are_cmidrules_round_merged_cells() -> None:
    s = sample(rules="horizontal", edges=RULE_FAMILIES["horizontal"])
    src = table_source(table(s), s.look)
    assert "\\cmidrule{1-1}\\cmidrule{3-6}" in src and "\\cline" not in src


def test_the_look_as_latex_draws_it() -> None:
    s = make_sample(SPAN_SEED, ("latex",))
    drawn = drawable(replace(s.look, rows_split=True, valign="middle"))
    assert not drawn.rows_split  # longtable never breaks a row
    assert drawn.valign == "top"  # a merged cell is printed at the top of its first row
    once = drawable(replace(s.look, group_style="once", valign="middle"))
    assert once.valign == "middle"
    assert "m{" in preamble(latex_source(s.plan, once))


def test_fills_and_text_alignment() -> None:
    s = sample(header_fill="1F3864", header_text_colour="FFFFFF", zebra="F2F2F2", justify=False)
    src = latex_source(s.plan, s.look)
    assert "\\rowcolor[HTML]{1F3864}" in src and "\\color[HTML]{FFFFFF}" in src
    assert "\\rowcolor[HTML]{F2F2F2}" in src
    assert "\\raggedright" in preamble(src)
    justified = sample(justify=True)
    assert "\\raggedright" not in preamble(latex_source(justified.plan, justified.look))


def test_latex_samples_have_their_own_cache() -> None:
    assert default_cache(("latex",)) != default_cache()
    assert default_cache(("latex",)).name.endswith("-latex")
