"""Issue 16, round 5: the action's success measure and its other free text (progress notes,
support actions, unmapped columns) reach the matcher as fields of their own, weighed by fitted
weights (`data/ranking.csv`)."""

import json

from talentmap.mapping import MappingQuery, Matcher
from talentmap.mapping.examples import ExampleBank
from talentmap.mapping.ranking import EVIDENCE_NAMES, RankingWeights, load_ranking_weights
from talentmap.mapping.reference import load_reference
from talentmap.mapping.similarity import SimilarityRanker
from talentmap.mapping.vocabulary import load_vocabulary
from talentmap.normalise import ActionRecord
from talentmap.pipeline import query_for


def test_query_for_passes_the_measure_and_the_other_free_text_of_a_record():
    record = ActionRecord(
        row=1,
        action="Technical roles and technical staff identified",
        measure="Annual HESA return checked",
        progress="Mailing lists set up",
        extra=(("Support actions", "Reporting facility established"), ("RAG", "")),
    )
    q = query_for("p", record)
    assert q.measure == "Annual HESA return checked"
    assert q.notes == "Mailing lists set up\nReporting facility established"


def test_query_for_reads_the_same_fields_from_a_contract_row():
    row = {
        "action": "Technical roles identified",
        "measure": "HESA return",
        "progress": "",
        "extra": json.dumps({"Support actions": "Reporting facility established"}),
    }
    q = query_for("p", row)
    assert (q.measure, q.notes) == ("HESA return", "Reporting facility established")
    assert query_for("p", {**row, "extra": "not json"}).notes == ""


def _weights(**named):
    return RankingWeights(tuple(named.get(n, 1.0 if n == "cue_action" else 0.0) for n in EVIDENCE_NAMES))


def test_the_notes_enter_the_totals_with_their_weight():
    ref, vocab, none = load_reference(), load_vocabulary(), ExampleBank.build([])
    action, notes = "Provide a return on activity", "Two apprentices recruited through the levy"
    deaf = SimilarityRanker.build(ref, vocab, _weights(), none)
    heard = SimilarityRanker.build(ref, vocab, _weights(cue_notes=1.0), none)
    assert deaf.rank(MappingQuery("p", "1", action, notes=notes)).best.total == 0.0
    best = heard.rank(MappingQuery("p", "1", action, notes=notes)).best
    assert best.rec_id == "R7" and any(p.startswith("apprentice") for p, _ in best.cue_terms)
    measured = SimilarityRanker.build(ref, vocab, _weights(cue_measure=1.0), none)
    assert measured.rank(MappingQuery("p", "1", action, measure=notes)).best.rec_id == "R7"


def test_the_shipped_matcher_reads_the_notes():
    assert load_ranking_weights()["cue_notes"] > 0
    q = MappingQuery(
        "p", "1", "Provide a return on activity", notes="Two apprentices recruited through the levy"
    )
    assert Matcher().match(q).rec_id == "R7"


def test_fitted_weights_are_never_negative():
    assert min(load_ranking_weights().values) >= 0.0
