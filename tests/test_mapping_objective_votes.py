"""Issue 16, round 6: the objective votes on its own against the labelled examples' objectives
(`ExampleBank`), a kind of evidence with its own fitted weight (`examples_objective`)."""

import pytest

from talentmap.mapping import MappingQuery, Matcher
from talentmap.mapping.examples import Example, ExampleBank
from talentmap.mapping.ranking import EVIDENCE_NAMES, RankingWeights, load_ranking_weights
from talentmap.mapping.reference import load_reference
from talentmap.mapping.similarity import QueryEvidence, RecEvidence, SimilarityRanker, combine
from talentmap.mapping.vocabulary import build_vocabulary

BANK = [
    Example("Hold an open day in the workshops", "Inspire young people into technical careers", ("R6",)),
    Example("Visit local colleges each spring", "Inspire young people into technical careers", ("R6",)),
    Example("Write new role profiles for every grade", "Clear routes for progression", ("R9",)),
    Example("Run a coffee morning for the open day team", "", ("R11",)),
]


def weights(**named):
    return RankingWeights(tuple(named.get(n, 0.0) for n in EVIDENCE_NAMES))


def test_the_objective_votes_alone_against_the_examples_objectives():
    action_votes, objective_votes = ExampleBank.build(BANK).votes(
        "Run a coffee morning on the open day", "Inspiring young people to take up technical careers"
    )
    assert max(action_votes, key=action_votes.get) == "R11"  # the action's words, objective at half
    assert max(objective_votes, key=objective_votes.get) == "R6"  # the objective's own neighbours
    assert "R11" not in objective_votes  # an example with no objective has no objective vote
    assert ExampleBank.build(BANK).votes("Run a coffee morning")[1] == {}


def test_objective_votes_enter_the_totals_with_their_weight():
    evidence = QueryEvidence(
        (
            RecEvidence("R6", 0.0, 0.0, 0.0, 0.0, 0.0, examples=0.2, examples_objective=1.5),
            RecEvidence("R11", 0.0, 0.0, 0.0, 0.0, 0.0, examples=0.6),
        ),
        False,
    )
    assert evidence.vectors()[0][EVIDENCE_NAMES.index("examples_objective")] == 1.5
    deaf = combine(evidence, weights(cue_action=1.0, examples=1.0))
    heard = combine(evidence, weights(cue_action=1.0, examples=1.0, examples_objective=0.5))
    assert deaf.best.rec_id == "R11"
    assert heard.best.rec_id == "R6"
    assert heard.best.total == pytest.approx(0.2 + 0.5 * 1.5) == heard.best.examples


def test_the_ranker_reads_the_objective_votes_of_its_bank():
    ranker = SimilarityRanker.build(
        load_reference(),
        build_vocabulary([]),
        weights(cue_action=1.0, examples_objective=1.0),
        ExampleBank.build(BANK),
    )
    query = MappingQuery("p", "1", "Run a coffee morning on the open day", "Inspire young people")
    assert ranker.rank(query).best.rec_id == "R6"
    assert ranker.rank(MappingQuery("p", "1", query.action)).best.total == 0.0


def test_the_shipped_weights_give_the_objective_votes_weight():
    assert load_ranking_weights()["examples_objective"] > 0


def test_match_all_computes_a_shared_objectives_evidence_once_with_the_same_result(monkeypatch):
    objective = "Inspire young people into technical careers"
    plan = [
        MappingQuery("p", str(i), a, objective) for i, a in enumerate(("Hold open days", "Visit schools"))
    ]
    plan.append(MappingQuery("q", "1", "Hold open days", objective))
    m = Matcher()
    alone = [m.ranker.rank(q) for q in plan]
    calls = []
    real = SimilarityRanker.objective_evidence

    def counted(self, text, pw=None):
        calls.append(text)
        return real(self, text, pw)

    monkeypatch.setattr(SimilarityRanker, "objective_evidence", counted)
    matched = m.match_all(plan)
    assert len(calls) == 2  # plan p's objective once, plan q's once
    assert [r.best.rec_id for r in alone] == [x.rec_id for x in matched]
    shared = m.ranker.evidence(plan[0], {}, False, real(m.ranker, objective))
    assert shared == m.ranker.evidence(plan[0])
