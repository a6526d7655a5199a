import pytest

from talentmap.mapping import MappingQuery, Matcher, Override, apply_overrides, load_overrides

HEADER = "plan_id,ref,action_prefix,rec_id,target_id,note\n"


def write(tmp_path, body):
    path = tmp_path / "overrides.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def plan():
    return [
        MappingQuery("uni_a", "B1", "Recruit two apprentices into the workshops"),
        MappingQuery("uni_a", "B2", "Publish a technician newsletter   every term"),
        MappingQuery("uni_b", "B1", "Recruit two apprentices into the workshops"),
    ]


def test_missing_file_means_no_overrides(tmp_path):
    assert load_overrides(tmp_path / "nope.csv") == []


def test_rows_are_read_and_blank_lines_skipped(tmp_path):
    path = write(tmp_path, 'uni_a,B2,,r11,R11.2,"authorship, really"\n\nuni_a,,Recruit,R8,,\n')
    assert load_overrides(path) == [
        Override("uni_a", "B2", "", "R11", "R11.2", "authorship, really"),
        Override("uni_a", "", "Recruit", "R8", "", ""),
    ]


@pytest.mark.parametrize(
    "body, message",
    [
        ("uni_a,B1,,R7,\n", "expected 6 fields"),
        (",B1,,R7,,\n", "plan_id is empty"),
        ("uni_a,B1,,R17,,\n", "rec_id"),
        ("uni_a,B1,,Seven,,\n", "rec_id"),
        ("uni_a,B1,,R7,R5.1,\n", "target_id"),
    ],
)
def test_a_malformed_row_raises_with_its_line_number(tmp_path, body, message):
    path = write(tmp_path, "uni_a,B2,,R11,,fine\n" + body)
    with pytest.raises(ValueError, match=rf":3: .*{message}"):
        load_overrides(path)


def test_a_wrong_header_is_rejected(tmp_path):
    path = tmp_path / "overrides.csv"
    path.write_text("plan,ref,rec\nuni_a,B1,R7\n", encoding="utf-8")
    with pytest.raises(ValueError, match=":1: header"):
        load_overrides(path)


def test_override_wins_and_orphans_are_reported():
    queries = plan()
    matches = Matcher().match_all(queries)
    overrides = [
        Override("uni_a", "B1", "", "R13", "R13.1", "partnership apprenticeships"),
        Override("uni_a", "", "publish a TECHNICIAN newsletter every", "R6"),  # case/whitespace-normalised
        Override("uni_c", "B1", "", "R4"),  # no such plan: orphan
        Override("uni_a", "B9", "", "R4"),  # no such ref: orphan
        Override("uni_b", "B1", "Host", "R4"),  # prefix does not match: orphan
    ]
    out, orphans = apply_overrides(queries, matches, overrides)
    assert (out[0].rec_id, out[0].target_id, out[0].method, out[0].score, out[0].needs_review) == (
        "R13",
        "R13.1",
        "override",
        100,
        False,
    )
    assert out[0].candidates[0] == "R13" and len(out[0].candidates) == 3
    assert "partnership apprenticeships" in out[0].evidence
    assert out[1].rec_id == "R6" and out[1].method == "override"
    assert out[2] == matches[2]  # same action text, other plan: untouched
    assert orphans == overrides[2:]


def test_overrides_survive_a_refresh():
    overrides = [Override("uni_a", "B1", "Recruit two", "R13")]
    first, _ = apply_overrides(plan(), Matcher().match_all(plan()), overrides)
    # A refresh re-extracts the plan (rows reordered, one new action) and re-matches everything.
    refreshed = [MappingQuery("uni_a", "B0", "New action about Athena Swan"), *reversed(plan())]
    second, orphans = apply_overrides(refreshed, Matcher().match_all(refreshed), overrides)
    assert first[0].rec_id == "R13"
    assert [m.rec_id for m in second if m.method == "override"] == ["R13"]
    assert second[3].rec_id == "R13" and orphans == []


def test_last_matching_override_wins():
    overrides = [Override("uni_a", "B1", "", "R13"), Override("uni_a", "B1", "Recruit", "R8")]
    out, orphans = apply_overrides(plan(), Matcher().match_all(plan()), overrides)
    assert out[0].rec_id == "R8" and orphans == []


def test_lengths_must_agree():
    with pytest.raises(ValueError):
        apply_overrides(plan(), [], [])


def test_an_override_to_the_secondary_recommendation_clears_rec_secondary():
    q = MappingQuery(
        "uni_a",
        "B1",
        "Put technicians on recruitment panels and write career pathways with clear job descriptions",
    )
    (match,) = Matcher().match_all([q])
    assert (match.rec_id, match.secondary) == ("R9", "R8")
    (to_secondary,), _ = apply_overrides([q], [match], [Override("uni_a", "B1", "", "R8")])
    (elsewhere,), _ = apply_overrides([q], [match], [Override("uni_a", "B1", "", "R10")])
    assert (to_secondary.rec_id, to_secondary.secondary) == ("R8", "")
    assert (elsewhere.rec_id, elsewhere.secondary) == ("R10", "R8")
