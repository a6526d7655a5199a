import pytest

from talentmap.mapping import MappingQuery, Matcher, load_reference
from talentmap.mapping.confidence import load_confidence_model
from talentmap.mapping.stated import parse_stated
from talentmap.mapping.verbatim import VERBATIM_THRESHOLD, best_verbatim

REF = load_reference()
R8_1 = REF.targeted_under("R8")[0].text


def q(action="", objective="", stated_rec="", theme="", ref="1", plan_id="p"):
    return MappingQuery(plan_id, ref, action, objective, theme, stated_rec)


@pytest.mark.parametrize(
    "printed, rec_id, target_id",
    [("R5", "R5", ""), ("R5.", "R5", ""), (" r12 ", "R12", ""), ("R5.2", "R5", "R5.2"), ("Rec 3", "R3", "")],
)
def test_parse_stated_reads_r_numbers(printed, rec_id, target_id):
    got = parse_stated(printed, REF.rec_ids, tuple(t.target_id for t in REF.targeted))
    assert (got.rec_id, got.target_id, got.is_tcr) == (rec_id, target_id, False)


@pytest.mark.parametrize("printed", ["R17", "R0", "5", "Recognition", ""])
def test_parse_stated_ignores_what_is_not_a_known_recommendation(printed):
    assert parse_stated(printed, REF.rec_ids, ()).rec_id == ""


def m_confidence() -> float:
    return load_confidence_model().text_decided


def test_stated_wins_over_everything():
    m = Matcher().match(q("Recruit two apprentices", objective=R8_1, stated_rec="R3"))
    text_score = round(100 * m_confidence())
    assert (m.rec_id, m.method, m.score, m.needs_review) == ("R3", "stated", text_score, False)
    assert m.candidates[0] == "R3" and len(m.candidates) == 3 and len(set(m.candidates)) == 3


def test_stated_targeted_number_fills_target_id():
    m = Matcher().match(q("anything", stated_rec="R5.2"))
    assert (m.rec_id, m.target_id) == ("R5", "R5.2")


def test_unknown_r_number_falls_through_to_similarity():
    m = Matcher().match(q("Host T-Level placements and recruit apprentices", stated_rec="R17"))
    assert (m.method, m.rec_id) == ("similarity", "R7")


def test_tcr_objective_is_matched_verbatim():
    m = Matcher().match(q("Review our adverts", objective=R8_1, stated_rec="TCR"))
    assert (m.method, m.rec_id, m.target_id, m.score) == (
        "verbatim",
        "R8",
        "R8.1",
        round(100 * m_confidence()),
    )
    assert "closeness 100" in m.evidence


def test_objective_copying_a_targeted_recommendation_beats_the_action_words():
    # The action alone reads like R7 (apprentices); the objective is R8.1's text: the plan's own tag wins.
    m = Matcher().match(q("Recruit apprentices and trainees", objective=R8_1))
    assert (m.method, m.rec_id, m.target_id) == ("verbatim", "R8", "R8.1")
    assert not m.needs_review


def test_close_paraphrase_is_verbatim():
    reworded = R8_1.replace("Ensure inclusion", "We will ensure the inclusion").replace(
        "hiring", "recruiting"
    )
    hit = best_verbatim(reworded, REF)
    assert hit is not None and hit.target_id == "R8.1" and VERBATIM_THRESHOLD <= hit.score < 100


def test_main_recommendation_text_is_verbatim_without_target():
    m = Matcher().match(q("Work with HR", objective=REF.recommendation("R9").text))
    assert (m.method, m.rec_id, m.target_id) == ("verbatim", "R9", "")


def test_action_copying_a_targeted_recommendation_is_verbatim():
    m = Matcher().match(q(REF.targeted_under("R14")[1].text))
    assert (m.method, m.target_id) == ("verbatim", "R14.2")


def test_a_short_phrase_inside_a_recommendation_is_not_verbatim():
    assert best_verbatim("technical staff", REF) is None
    assert best_verbatim("Sign the Technician Commitment", REF) is None
    assert best_verbatim("Publish our technician newsletter every term and celebrate success", REF) is None


def test_match_all_looks_up_each_objectives_copy_once_with_the_same_tags(monkeypatch):
    # Two plans share R8.1's text as an objective, one a plain objective; an action under the plain
    # one copies R14.2. match_all checks each distinct objective once, whatever plan it is in, and
    # tags every action as match does.
    plain = "Raise the profile of our technicians"
    plan = [q("Review our adverts", R8_1, ref="1"), q("Train panel chairs", R8_1, ref="2")]
    plan += [q("Run a coffee morning", plain, ref="3"), q(REF.targeted_under("R14")[1].text, plain, ref="4")]
    plan += [q("Audit job adverts", R8_1, plan_id="other")]
    m = Matcher()
    alone = [m.match(x) for x in plan]
    looked_up = []
    real = type(m.verbatim).best

    def counted(self, text, threshold=VERBATIM_THRESHOLD):
        looked_up.append(text)
        return real(self, text, threshold)

    monkeypatch.setattr(type(m.verbatim), "best", counted)
    matched = m.match_all(plan)
    assert looked_up.count(R8_1) == 1 and looked_up.count(plain) == 1
    assert [(x.method, x.rec_id, x.target_id) for x in matched] == [
        (x.method, x.rec_id, x.target_id) for x in alone
    ]
    assert [x.method for x in matched] == ["verbatim", "verbatim", "similarity", "verbatim", "verbatim"]
    assert matched[3].target_id == "R14.2"
