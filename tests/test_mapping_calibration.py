from talentmap.mapping import MappingQuery, Matcher
from talentmap.mapping.calibration import REVIEW_BELOW, needs_review, similarity_score


def test_score_grows_with_the_margin_and_stays_in_range():
    scores = [similarity_score(10.0, 10.0 - m) for m in (0, 0.5, 1, 2, 4, 8, 50)]
    assert scores == sorted(scores)
    assert scores[0] == 0 and min(scores) >= 0 and max(scores) <= 99
    assert similarity_score(0.0, 0.0) == 0


def test_needs_review_below_the_calibrated_score():
    assert needs_review(REVIEW_BELOW - 1)
    assert not needs_review(REVIEW_BELOW)


def test_an_ambiguous_action_is_sent_for_review_a_clear_one_is_not():
    matcher = Matcher()
    vague = matcher.match(MappingQuery("p", "1", "Continue to improve things for technicians"))
    clear = matcher.match(
        MappingQuery("p", "2", "Host T-Level placements and recruit apprentices and trainees")
    )
    assert vague.score < REVIEW_BELOW and vague.needs_review
    assert clear.score >= REVIEW_BELOW and not clear.needs_review
