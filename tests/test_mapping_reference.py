import csv

from talentmap.mapping import load_reference, recommendations_rows, write_recommendations_csv


def test_reference_loads_from_package_data():
    ref = load_reference()
    assert ref.rec_ids == tuple(f"R{i}" for i in range(1, 17))
    assert all(r.short_title and r.text for r in ref.recommendations)
    assert len(ref.targeted) == 23
    assert {t.rec_id for t in ref.targeted} <= set(ref.rec_ids)
    assert [t.target_id for t in ref.targeted_under("R5")] == ["R5.1", "R5.2"]
    assert "Athena Swan" in ref.recommendation("R4").text or "Athena Swan" in ref.targeted_under("R4")[0].text


def test_recommendations_csv_has_one_row_per_main_recommendation(tmp_path):
    path = write_recommendations_csv(tmp_path / "recommendations.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [r["rec_id"] for r in rows] == [f"R{i}" for i in range(1, 17)]
    assert list(rows[0]) == ["rec_id", "short_title", "text", "targeted"]
    r7 = rows[6]
    assert r7["targeted"].splitlines()[0].startswith("R7.1: Expand entry routes")
    assert rows[15]["targeted"] == ""  # R16 has no employer-targeted recommendation


def test_recommendations_rows_match_reference():
    ref = load_reference()
    assert [r["short_title"] for r in recommendations_rows(ref)] == [
        r.short_title for r in ref.recommendations
    ]
