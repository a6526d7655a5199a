"""The PDFium reader's pieces that its speed work rewrote: the direction vote counted per text
object, the font dictionaries read for the stated descents, and word grouping on plain tuples."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from talentmap.extract.pdf.font_descents import _quiet, font_descents
from talentmap.extract.pdf.page_common import DIRECTION_SAMPLE
from talentmap.extract.pdf.read_pdfium import _direction_votes
from talentmap.extract.pdf.words import words_of

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


def test_direction_votes_count_only_the_first_sample_of_characters_per_text_object() -> None:
    runs = [(0, "ltr"), (DIRECTION_SAMPLE - 1000, "ttb"), (DIRECTION_SAMPLE - 500, "ltr")]
    votes = _direction_votes(runs + [(DIRECTION_SAMPLE + 10, "btt")], DIRECTION_SAMPLE + 900)
    assert votes == {"ltr": DIRECTION_SAMPLE - 500, "ttb": 500, "btt": 0}


def test_direction_votes_of_an_empty_page_and_of_objects_with_no_characters() -> None:
    assert _direction_votes([], 0) == {"ltr": 0, "ttb": 0, "btt": 0}
    # a text object whose characters were all generated (no printed character) casts no vote
    assert _direction_votes([(0, "btt"), (0, "ltr")], 3) == {"ltr": 3, "ttb": 0, "btt": 0}


def test_standard_font_descent_is_the_afm_figure(tmp_path: Path) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "helvetica.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 12)
    c.drawString(72, 720, "Helvetica has no font descriptor in the file")
    c.setFont("Times-Roman", 12)
    c.drawString(72, 700, "nor has Times")
    c.save()
    assert font_descents(path) == pytest.approx({"Helvetica": -0.207, "Times-Roman": -0.217})


def test_stated_descents_of_an_office_export_are_read() -> None:
    descents = font_descents(FIXTURES / "grid.pdf")
    assert descents and all(d <= 0 for d in descents.values())


def test_a_damaged_file_gives_no_parser_warnings(caplog) -> None:  # noqa: ANN001
    with caplog.at_level(logging.WARNING):
        font_descents(FIXTURES / "truncated.pdf")  # whatever playa salvages of a cut-off file
    assert not [r for r in caplog.records if r.name.startswith("playa")]
    assert logging.getLogger("playa").level == logging.NOTSET


def test_quiet_holds_back_warnings_and_restores_the_level(caplog) -> None:  # noqa: ANN001
    logger = logging.getLogger("talentmap.test.quiet")
    logger.setLevel(logging.INFO)
    with caplog.at_level(logging.INFO, logger="talentmap.test.quiet"), _quiet("talentmap.test.quiet"):
        logger.warning("held back")
        logger.error("shown")
    assert [r.getMessage() for r in caplog.records if r.name == "talentmap.test.quiet"] == ["shown"]
    assert logger.level == logging.INFO


def _char(text: str, x0: float, width: float = 5.0, top: float = 100.0) -> tuple:
    return (text, x0, x0 + width, top, top + 10.0, 10.0, True, False)


def test_words_spell_out_ligature_characters() -> None:
    words = words_of([_char("ﬁ", 0), _char("n", 5), _char("d", 10)], 1.5)
    assert [w.text for w in words] == ["find"]


def test_a_character_of_several_letters_is_kept_as_read() -> None:
    """A glyph read as two ligatures at one origin (a word printed twice) is no single ligature."""
    words = words_of([_char("ﬁﬁ", 0), _char("x", 5)], 1.5)
    assert [w.text for w in words] == ["ﬁﬁx"]


def test_words_split_at_spaces_and_gaps() -> None:
    chars = [
        _char("a", 0),
        _char("b", 5),
        _char(" ", 10),
        _char("c", 15),
        _char("d", 30),  # a gap wider than the tolerance after "e"
        _char("e", 22),  # a gap of 2 pt after "c"
    ]
    # characters of one line are ordered by x0 first, as pdfplumber orders them
    assert [w.text for w in words_of(chars, 1.5)] == ["ab", "c", "e", "d"]
