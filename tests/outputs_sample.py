"""A small synthetic refresh result for the output and report tests (no extraction needed)."""

from __future__ import annotations

from talentmap.columns import COLUMNS
from talentmap.errors import FileError
from talentmap.pipeline import FileResult

PLANS = (
    # plan_id, institution, period, [(rec_id, needs_review, theme, status, ref, action)]
    (
        "university_of_alpha_2021",
        "University of Alpha",
        "2021-2024",
        [
            ("R1", False, "Visibility", "complete", "1.1", "Appoint a Director of Technical Skills"),
            ("R1", False, "Visibility", "on_track", "1.2", "Publish a technical skills strategy"),
            ("R10", True, "Career Development", "at_risk", "2.1", "Fund training for technicians in new kit"),
            ("R11", False, "Recognition", "", "2.2", "Name technicians as co-authors on papers"),
        ],
    ),
    (
        "beta_institute_plan",
        "Beta Institute",
        "2022-2025",
        [
            (
                "R3",
                True,
                "Sustainability",
                "delayed",
                "",
                "Collect workforce data on technical staff by role",
            ),
            (
                "R3",
                True,
                "Sustainability",
                "delayed",
                "",
                "Collect workforce data on technical staff by grade",
            ),
            ("", True, "", "not_started", "B7", '=HYPERLINK("http://x") review the\x07 committee'),
        ],
    ),
)
FAILED = (FileError("broken/not_a_plan.pdf", "extract", "not a PDF file <b>really</b>"),)


def row(plan_id: str, institution: str, period: str, index: int, spec: tuple) -> dict[str, str]:
    rec_id, review, theme, status, ref, action = spec
    values = dict.fromkeys(COLUMNS, "")
    values.update(
        plan_id=plan_id,
        institution=institution,
        period=period,
        source_file=f"{plan_id}.docx",
        row=str(index),
        theme=theme,
        ref=ref,
        objective="An objective",
        action=action,
        status=status,
        extra='{"RAG": "G"}',
        rec_id=rec_id,
        rec_candidates=f"{rec_id or 'R2'};R4;R5",
        match_score="40" if review else "90",
        match_method="similarity",
        needs_review="true" if review else "false",
        extractor="docx",
        match_evidence="technical staff",
    )
    return values


def sample_results() -> list[FileResult]:
    return [
        FileResult(
            source_file=f"{plan_id}.docx",
            plan_id=plan_id,
            institution=institution,
            period=period,
            rows=tuple(row(plan_id, institution, period, i, spec) for i, spec in enumerate(specs, start=1)),
            extractors=("docx",),
            unmapped_columns=("RAG",),
        )
        for plan_id, institution, period, specs in PLANS
    ]


# -- a generated sector: many plans, for the report at scale -------------------------------------

PLACES = (
    "Abbotsford",
    "Alderney",
    "Barrow",
    "Bexley",
    "Calder",
    "Carrick",
    "Dunmore",
    "Elstree",
    "Fenwick",
    "Glenholm",
    "Harrow",
    "Inverkip",
    "Kelso",
    "Lowther",
    "Morden",
    "Newholm",
    "Oakham",
    "Penrith",
    "Quarry",
    "Redruth",
    "Selby",
    "Tarland",
    "Ulverston",
    "Wenlock",
    "Yarrow",
)
KINDS = ("University of {}", "{} University", "{} College", "{} Institute of Technology", "Royal {} School")
ACTIONS = (
    "Publish technician career pathways and promotion criteria",
    "Fund professional registration for technical staff",
    "Name technicians as co-authors on research outputs",
    "Run an annual technician conference and awards",
    "Collect workforce data on technical roles and grades",
    "Create apprenticeships and trainee routes into technical careers",
    "Include technicians in committee membership and decisions",
)


def sector_results(plans: int = 130, seed: int = 15) -> list[FileResult]:
    """`plans` synthetic plans with 5-60 actions each: a whole sector's refresh without extraction.

    Each plan favours a few recommendations (as real plans do), some actions need review, and one
    institution's name carries markup, which the report must show as text."""
    import random

    rng = random.Random(seed)
    rec_ids = [f"R{i}" for i in range(1, 17)]
    results = []
    for index in range(plans):
        place = PLACES[index % len(PLACES)]
        name = KINDS[(index // len(PLACES)) % len(KINDS)].format(place)
        if index == 7:
            name = 'St <b>Bold</b> & "Quoted" College'
        start = 2019 + index % 5
        plan_id = f"plan_{index:03d}_{place.lower()}"
        favoured = rng.sample(rec_ids, 4)
        specs = []
        for _ in range(rng.randint(5, 60)):
            rec = rng.choice(favoured) if rng.random() < 0.7 else rng.choice([*rec_ids, ""])
            review = rng.random() < 0.3 or not rec
            theme = rng.choice([*THEME_NAMES, ""])
            status = rng.choice(["complete", "on_track", "at_risk", "delayed", "not_started", ""])
            specs.append(
                (rec, review, theme, status, f"{rng.randint(1, 9)}.{rng.randint(1, 9)}", rng.choice(ACTIONS))
            )
        rows = tuple(
            row(plan_id, name, f"{start}-{start + 3}", i, spec) for i, spec in enumerate(specs, start=1)
        )
        results.append(
            FileResult(
                source_file=f"{plan_id}.docx",
                plan_id=plan_id,
                institution=name,
                period=f"{start}-{start + 3}",
                rows=rows,
                extractors=("docx",),
            )
        )
    return results


THEME_NAMES = ("Visibility", "Recognition", "Career Development", "Sustainability")
