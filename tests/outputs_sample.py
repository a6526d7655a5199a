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
