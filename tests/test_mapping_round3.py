"""Round 3 of generic precision fixes (misses on a fresh held-out set): job titles vs activities,
occasions vs purposes, lone generic words vs the pillar prior, polysemous single words that need
context (`eligible`), the head of a noun compound, and stem collisions."""

import pytest

from talentmap.mapping import MappingQuery, Matcher
from talentmap.mapping.reference import load_reference
from talentmap.mapping.similarity import SimilarityRanker
from talentmap.mapping.text import stem, stemmed_words
from talentmap.mapping.vocabulary import (
    GENERIC,
    OCCASION,
    ROLE,
    Cue,
    build_vocabulary,
    load_vocabulary,
)


@pytest.fixture(scope="module")
def matcher():
    return Matcher()


def q(action, objective="", theme=""):
    return MappingQuery("p", "1", action, objective, theme)


def ranker(*cues):
    return SimilarityRanker.build(load_reference(), build_vocabulary(cues))


def cue_terms(ranking, rec_id):
    return dict(next(s for s in ranking.scores if s.rec_id == rec_id).cue_terms)


# --- job titles: who takes part is weaker evidence than what is done -----------------------------


def test_a_role_title_counts_less_beside_an_activity_of_another_recommendation():
    r = ranker(Cue("R2", "technical specialist", 3, ROLE), Cue("R8", "interview panel", 2.5))
    ranking = r.rank(q("A technical specialist joins each interview panel for technician vacancies"))
    assert ranking.best.rec_id == "R8"
    assert cue_terms(ranking, "R2")["technical specialist"] == pytest.approx(1.5)


def test_a_role_title_keeps_its_weight_when_it_is_what_the_action_is_about():
    r = ranker(Cue("R2", "technical specialist", 3, ROLE), Cue("R8", "interview panel", 2.5))
    ranking = r.rank(q("Create technical specialist posts in the core facilities"))
    assert ranking.best.rec_id == "R2"
    assert cue_terms(ranking, "R2")["technical specialist"] == pytest.approx(3)


def test_a_specialist_on_interview_panels_is_recruitment(matcher):
    m = matcher.match(q("Ensure a technical specialist joins every shortlisting and interview panel"))
    assert m.rec_id == "R8"


# --- occasions: `at induction` is where something happens, not what it is for ------------------


def test_an_occasion_after_at_is_marked_as_the_setting():
    vocab = build_vocabulary([Cue("R15", "induction", 2.5, OCCASION)])
    (hit,) = vocab.find(stemmed_words("Promote the staff network at technician induction"))
    assert hit.as_setting
    (hit,) = vocab.find(stemmed_words("Redesign the induction for new technicians"))
    assert not hit.as_setting


def test_an_occasion_as_setting_counts_less_than_the_purpose():
    r = ranker(Cue("R15", "induction", 2.5, OCCASION), Cue("R4", "lgbt", 2))
    ranking = r.rank(q("Promote the LGBT+ staff network at technician induction"))
    assert ranking.best.rec_id == "R4"
    assert r.rank(q("Redesign the induction for new technicians")).best.rec_id == "R15"


# --- a lone generic word does not beat the pillar prior -----------------------------------------


def test_a_lone_generic_word_does_not_beat_a_weak_specific_cue():
    text = "Put the technical team's names on signs across the campus"
    plain = ranker(Cue("R2", "campus", 1.5), Cue("R11", "signs", 1))
    assert plain.rank(q(text)).best.rec_id == "R2"
    generic = ranker(Cue("R2", "campus", 1.5, GENERIC), Cue("R11", "signs", 1))
    ranking = generic.rank(q(text))
    assert cue_terms(ranking, "R2")["campus"] == pytest.approx(0.75)
    assert ranking.best.rec_id == "R11"


def test_a_lone_generic_word_is_weak_evidence_and_reviewed(matcher):
    m = matcher.match(q("Name the technical team on signs beside the academic offices"))
    assert m.needs_review


def test_generic_words_keep_their_weight_when_corroborated():
    r = ranker(Cue("R2", "academic", 1.5, GENERIC), Cue("R2", "teaching", 1.5, GENERIC))
    ranking = r.rank(q("Open academic teaching duties to technicians", theme="Visibility"))
    assert cue_terms(ranking, "R2") == {"academic": 1.5, "teaching": 1.5}
    assert ranking.best.rec_id == "R2"


def test_the_shipped_vocabulary_marks_kinds():
    kinds = {c.phrase: c.kind for cues in load_vocabulary().by_key.values() for c in cues}
    assert kinds["technical specialist"] == ROLE
    assert kinds["induction"] == OCCASION
    assert kinds["academic"] == GENERIC
    assert kinds["interview panel"] == ""


def test_a_generic_word_alone_does_not_outweigh_the_pillar(matcher):
    m = matcher.match(q("Count technicians' teaching support in the workload model", theme="Recognition"))
    assert m.rec_id != "R2"


# --- `eligible` alone is not funding eligibility -------------------------------------------------


def test_eligible_needs_funding_context(matcher):
    assert matcher.match(q("Make technicians eligible for the excellence awards")).rec_id == "R11"
    assert matcher.match(q("Make technicians eligible for the excellence awards")).evidence.startswith("R11")
    assert matcher.match(q("Make technicians eligible to apply for internal research funding")).rec_id == "R5"
    assert matcher.match(q("Review funding eligibility rules so technicians can lead bids")).rec_id == "R5"


def test_eligible_alone_is_weak_evidence(matcher):
    assert matcher.match(q("Make technicians eligible for the staff excellence scheme")).needs_review


# --- the head of a noun compound wins an equal-length overlap -----------------------------------


def test_the_later_of_two_overlapping_phrases_is_the_head():
    vocab = build_vocabulary([Cue("R6", "technical careers", 1.5), Cue("R9", "career framework", 3)])
    hits = vocab.find(stemmed_words("Define a technical career framework"))
    assert [h.phrase for h in hits] == ["career framework"]


def test_a_career_framework_is_a_career_pathway(matcher):
    assert matcher.match(q("Publish a technical career framework with levels")).rec_id == "R9"


# --- stem collisions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, other",
    [
        ("meet", "meetings"),  # meeting technicians is not a committee meeting
        ("brief", "briefings"),  # briefing new staff is not a briefing to a board
        ("fellow", "fellowship"),  # a teaching fellow (a job) is not a fellowship (a scheme)
    ],
)
def test_round3_words_do_not_share_a_stem(word, other):
    assert stem(word) != stem(other)


def test_a_teaching_fellowship_scheme_is_not_a_teaching_fellow_role(matcher):
    m = matcher.match(q("Open the teaching fellowship scheme to technical staff", theme="Recognition"))
    assert m.rec_id != "R2"


# --- vocabulary gaps ----------------------------------------------------------------------------


def test_study_for_a_degree_is_professional_development(matcher):
    m = matcher.match(q("Give technicians study leave and pay fees for a part-time degree"))
    assert m.rec_id == "R10"


def test_a_higher_degree_is_the_academic_pathway(matcher):
    m = matcher.match(q("Support technicians to take a higher degree and move into academic roles"))
    assert m.rec_id == "R2"


def test_an_internal_technicians_network_is_not_an_external_partnership(matcher):
    m = matcher.match(q("Start a technicians' network with an online channel", theme="Visibility"))
    assert m.rec_id != "R13"
