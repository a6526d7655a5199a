"""`rec_secondary`: appended at the end of actions.csv's columns, filled from the matcher, and kept
when a contract row is read back (overrides re-applied to an existing actions.csv)."""

from talentmap.columns import COLUMNS, CONTRACT_COLUMNS
from talentmap.datapackage import action_columns
from talentmap.mapping import MappingQuery, Matcher
from talentmap.pipeline import match_fields, match_from_fields


def test_rec_secondary_is_the_last_column_after_the_contract_ones():
    assert COLUMNS[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    assert COLUMNS[-1] == "rec_secondary"
    doc = {d.name: d for d in action_columns()}["rec_secondary"]
    assert doc.description and "R16" in doc.enum and "" in doc.enum


def test_a_two_aim_action_fills_rec_secondary_and_it_survives_the_round_trip():
    match = Matcher().match(
        MappingQuery(
            "p",
            "1",
            "Put technicians on recruitment panels and write career pathways with clear job descriptions",
        )
    )
    fields = match_fields(match)
    assert (fields["rec_id"], fields["rec_secondary"]) == ("R9", "R8")
    assert set(fields) <= set(COLUMNS)
    assert match_from_fields(fields) == match
