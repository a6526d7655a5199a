"""Issue 16, round 4: the evidence for a recommendation (cues, retrieval over the Commission's
texts with word pairs, pillar prior; the objective weighed by whether it is the action's own)
combined by weights fitted across plans (`data/ranking.csv`)."""

import pytest

from talentmap.mapping import MappingQuery, Matcher
from talentmap.mapping.examples import Example, ExampleBank, ExampleIndex, K, load_examples
from talentmap.mapping.matcher import own_objectives
from talentmap.mapping.ranking import EVIDENCE_NAMES, RankingWeights, load_ranking_weights
from talentmap.mapping.reference import load_reference
from talentmap.mapping.retrieval import RetrievalIndex, terms
from talentmap.mapping.similarity import QueryEvidence, RecEvidence, SimilarityRanker, combine
from talentmap.mapping.text import stem
from talentmap.mapping.vocabulary import Cue, build_vocabulary


def weights(**named):
    """Ranking weights by name, 0 for the kinds not named."""
    return RankingWeights(tuple(named.get(n, 0.0) for n in EVIDENCE_NAMES))


def test_terms_are_words_and_adjacent_pairs():
    pub, car, path = stem("publish"), stem("career"), stem("pathways")
    assert terms("Publish the career pathways") == [pub, car, path, f"{pub} {car}", f"{car} {path}"]


def test_a_shared_word_pair_counts_more_than_the_same_words_apart():
    index = RetrievalIndex.build(load_reference())
    together = index.scaled("publish the career pathway")["R9"]
    apart = index.scaled("publish the pathway of a career")["R9"]
    assert together > apart > 0


def test_retrieval_is_scaled_to_at_most_one_and_empty_text_gives_nothing():
    index = RetrievalIndex.build(load_reference())
    scores = index.scaled(
        "clearly defined career pathways and standardised job descriptions for technical roles"
    )
    assert max(scores.values()) == pytest.approx(1.0) and max(scores, key=scores.get) == "R9"
    assert index.scaled("") == {}


def test_an_objective_is_own_when_no_other_action_of_the_plan_shares_it():
    qs = [
        MappingQuery("a", "1", "x", "Update the career pathways document"),
        MappingQuery("a", "2", "y", "Raise awareness of the awards"),
        MappingQuery("b", "1", "x", "Visibility for all"),
        MappingQuery("b", "2", "y", "visibility  for all"),
        MappingQuery("c", "1", "x", "A lone plan's objective"),
        MappingQuery("a", "3", "z", ""),
    ]
    assert own_objectives(qs) == {0, 1}


def _evidence(own):
    recs = (
        RecEvidence("R9", 0.0, 3.0, 0.0, 0.5, 0.0, (), (("career pathway", 3.0),)),
        RecEvidence("R11", 2.0, 0.0, 0.4, 0.0, 1.0, (("website", 2.0),), ()),
    )
    return QueryEvidence(recs, own)


def test_totals_are_the_weighted_evidence_and_the_objective_weight_follows_ownership():
    w = weights(
        cue_action=1.0,
        cue_objective_own=1.2,
        cue_objective_shared=0.4,
        retrieval_action=2.0,
        retrieval_objective=1.0,
        prior=0.5,
    )
    own = {s.rec_id: s for s in combine(_evidence(True), w).scores}
    shared = {s.rec_id: s for s in combine(_evidence(False), w).scores}
    assert own["R9"].total == pytest.approx(1.2 * 3.0 + 1.0 * 0.5)
    assert shared["R9"].total == pytest.approx(0.4 * 3.0 + 1.0 * 0.5)
    assert own["R11"].total == shared["R11"].total == pytest.approx(2.0 + 2.0 * 0.4 + 0.5 * 1.0)
    assert dict(own["R9"].cue_terms) == {"career pathway": pytest.approx(3.6)}
    assert combine(_evidence(True), w).best.rec_id == "R9"
    assert combine(_evidence(False), w).best.rec_id == "R11"


def test_vectors_put_the_objective_cues_in_the_slot_of_its_kind():
    i_own, i_shared = EVIDENCE_NAMES.index("cue_objective_own"), EVIDENCE_NAMES.index("cue_objective_shared")
    own = _evidence(True).vectors()[0]
    shared = _evidence(False).vectors()[0]
    assert (own[i_own], own[i_shared]) == (3.0, 0.0)
    assert (shared[i_own], shared[i_shared]) == (0.0, 3.0)


def test_shipped_weights_count_an_action_cue_one():
    w = load_ranking_weights()
    assert w["cue_action"] == 1.0 and all(v >= 0 for v in w.values)
    with pytest.raises(ValueError, match="missing prior"):
        RankingWeights.from_values({n: 1.0 for n in EVIDENCE_NAMES if n != "prior"})


def test_match_all_weighs_a_list_plans_own_objectives_above_shared_ones():
    ranker = SimilarityRanker.build(
        load_reference(),
        build_vocabulary([Cue("R9", "career pathway", 3), Cue("R11", "website", 2.4)]),
        weights(cue_action=1.0, cue_objective_own=1.0, cue_objective_shared=0.5),
    )
    m = Matcher()
    m.ranker = ranker
    point = "We will put the document on the website when it is done"
    own = [MappingQuery("jic", "1", point, "Update the career pathways document"),
           MappingQuery("jic", "2", "Promote the award scheme", "Raise awareness of awards")]  # fmt: skip
    shared = [MappingQuery("p", str(i), point, "Update the career pathways document") for i in (1, 2)]
    assert m.match_all(own)[0].rec_id == "R9"
    assert m.match_all(shared)[0].rec_id == "R11"
    assert m.match(own[0]).rec_id == "R11"  # alone, the objective's kind is unknown: counted as shared


# --- labelled examples ------------------------------------------------------------------------------

BANK = [
    Example("Run a coffee morning for the technical community each term", "", ("R11",)),
    Example("Hold a termly coffee morning where technicians share their work", "", ("R11", "R6")),
    Example("Give every technician a personal development review", "", ("R10",)),
]


def test_the_nearest_labelled_examples_vote_for_their_labels():
    votes = ExampleIndex.build(BANK).votes("Start a coffee morning for technicians")
    assert max(votes, key=votes.get) == "R11"
    assert 0 < votes["R6"] < votes["R11"]  # a two-label example gives each half
    assert "R10" not in votes or votes["R10"] < votes["R6"]
    assert ExampleIndex.build(BANK).votes("") == {}


def test_only_the_k_nearest_examples_vote():
    def votes(n_close):
        bank = [Example("workshop safety review", "", ("R1",))] * n_close
        bank = [*bank, Example("workshop safety audit", "", ("R3",))]
        return ExampleIndex.build(bank).votes("workshop safety review")

    assert "R3" not in votes(K)
    assert "R3" in votes(K - 1)


def test_example_votes_enter_the_totals_with_their_weight():
    ex = ExampleBank.build(BANK)
    vocab = build_vocabulary([Cue("R10", "development", 1.0)])
    without = SimilarityRanker.build(
        load_reference(), vocab, weights(cue_action=1.0, cue_objective_own=1.0, cue_objective_shared=0.5), ex
    )
    with_ex = SimilarityRanker.build(
        load_reference(),
        vocab,
        weights(cue_action=1.0, cue_objective_own=1.0, cue_objective_shared=0.5, examples=3.0),
        ex,
    )
    text = "A coffee morning on development for the technical community"
    assert without.rank(MappingQuery("p", "1", text)).best.rec_id == "R10"
    ranking = with_ex.rank(MappingQuery("p", "1", text))
    assert ranking.best.rec_id == "R11" and ranking.best.examples > 0


def test_the_shipped_bank_holds_labelled_examples_of_every_recommendation():
    bank = load_examples()
    assert len(bank) > 200
    labels = {label for e in bank for label in e.labels}
    assert {f"R{i}" for i in range(1, 17)} <= labels
    assert all(e.labels and e.action.strip() for e in bank)
