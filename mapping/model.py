"""What the mapping stage takes and gives: an action to tag, and the tag with its confidence."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MappingQuery:
    """The parts of an action the matcher reads. `plan_id`, `ref` and `action` identify it for overrides.

    `measure` (how success is evidenced) and `notes` (the plan's other free text about the action:
    progress notes, support actions and other columns, one per line) are weighed as evidence of
    their own, with weights fitted like the others (`ranking.py`): they often name what the action
    is for when the action itself is a short title.
    """

    plan_id: str
    ref: str
    action: str
    objective: str = ""
    theme: str = ""
    stated_rec: str = ""
    measure: str = ""
    notes: str = ""


@dataclass(frozen=True)
class RecMatch:
    rec_id: str
    candidates: tuple[str, ...]  # best three main recommendations, best first
    target_id: str
    score: int  # 0..100
    method: str  # stated | verbatim | similarity | override
    needs_review: bool
    evidence: str = ""  # terms / phrase that drove the choice, and why it needs review
    secondary: str = ""  # a second main recommendation with strong evidence of its own, else ""


@dataclass(frozen=True)
class Override:
    """An analyst's correction from data/overrides.csv."""

    plan_id: str
    ref: str
    action_prefix: str
    rec_id: str
    target_id: str = ""
    note: str = ""
    line: int = field(default=0, compare=False)  # its line in the file, for messages
