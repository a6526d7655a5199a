"""A random plan: column scheme, pillar sections, groups of actions sharing an objective.

The plan is the truth. `truth_records` reads the expected actions.csv rows from it, never from a
rendering; the renderers only decide how the same plan is printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import words
from .choose import Chooser

# Per-row fields, group-level fields (printed once for a group of actions when the look says so),
# and the theme. Every field of the truth records, in this order.
ROW_FIELDS = ("ref", "action", "measure", "lead", "timescale", "status", "progress")
GROUP_FIELDS = ("objective", "stated_rec")
RECORD_FIELDS = (
    "theme",
    "ref",
    "objective",
    "action",
    "measure",
    "lead",
    "timescale",
    "status",
    "progress",
    "stated_rec",
)

# Column schemes seen in real plans (the examples first), as field tuples.
SCHEMES: tuple[tuple[str, ...], ...] = (
    ("ref", "action", "measure"),
    ("objective", "action", "measure", "lead", "timescale"),
    ("theme", "ref", "objective", "action", "measure", "lead"),
    ("stated_rec", "objective", "ref", "action", "status"),
    ("ref", "objective", "action", "lead", "timescale", "status"),
    ("ref", "action", "lead", "timescale", "progress", "status"),
    ("objective", "ref", "action", "measure", "lead", "timescale", "status"),
    ("theme", "objective", "action", "lead", "timescale"),
    ("ref", "action", "measure", "lead", "timescale"),
)

# Printed headers per field: the scheme's usual header first, then synonyms from the normaliser's
# table (normalise/headers.py; a test checks every one is still listed there for its field).
HEADERS: dict[str, tuple[str, ...]] = {
    "ref": ("Ref", "Ref.", "No.", "Action ref", "Reference", "ID", "#", "Action no"),
    "stated_rec": ("Recommendation reference", "TALENT ref", "Rec no", "Commission rec"),
    "objective": (
        "Objective",
        "Aim",
        "Strategic objective",
        "TALENT Recommendation",
        "Goal",
        "What we want to achieve",
        "Priority area",
        "Intended outcome",
    ),
    "action": (
        "Action",
        "Actions",
        "Tasks",
        "What we will do",
        "Planned actions",
        "Activity",
        "Action description",
        "Key actions",
    ),
    "measure": (
        "How impact will be evidenced",
        "Measure",
        "Success measures",
        "KPI",
        "Measure of success",
        "Success criteria",
        "Evidence of impact",
        "How will we know",
    ),
    "lead": ("Lead", "Owner", "Responsibility", "Action owner", "Lead(s)", "Who", "Led by"),
    "timescale": ("Timescale", "Deadline", "By when", "Target date", "Timeframe", "When"),
    "status": ("Status", "RAG", "RAG status", "Current status"),
    "progress": ("Progress", "Progress update", "Progress to date", "Comments", "What have we done"),
    "theme": ("Theme", "Pillar", "Technician Commitment pillar", "Area", "Strand"),
}


@dataclass(frozen=True)
class Column:
    field: str
    header: str


@dataclass(frozen=True)
class Action:
    """One action row's own values ("" for a field the scheme does not print)."""

    ref: str = ""
    action: str = ""
    measure: str = ""
    lead: str = ""
    timescale: str = ""
    status: str = ""
    progress: str = ""


@dataclass(frozen=True)
class Group:
    """Actions under one objective (and stated recommendation), printed once for the group
    or on every row depending on the look."""

    objective: str
    stated_rec: str  # as printed ("R5", "Rec 5"); the truth holds the R-number
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class Section:
    """A pillar's actions; pillar "" for a plan printed without pillar sections."""

    pillar: str
    label: str  # the pillar as printed ("Pillar 2: Recognition", "VISIBILITY")
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Plan:
    institution: str
    period: str  # YYYY-YYYY
    title: str
    columns: tuple[Column, ...]
    sections: tuple[Section, ...]
    objective_rows: bool  # no objective column: each group's objective printed as a row over it

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.columns)

    def has(self, field: str) -> bool:
        return field in self.fields


def stated_rec_number(printed: str) -> str:
    digits = "".join(c for c in printed if c.isdigit())
    return f"R{int(digits)}" if digits else ""


def _pillar_label(ch: Chooser, pillar: str, index: int) -> str:
    form = ch.pick(("{p}", "{p}", "Pillar {i}: {p}", "{i}. {p}", "{P}", "Theme {i} \u2013 {p}"))
    return form.format(p=pillar, P=pillar.upper(), i=index)


def _ref(style: str, section: int, pillar: str, group: int, n: int, in_group: int, total: int) -> str:
    if style == "dotted":
        return f"{section}.{n}"
    if style == "letter":
        return f"{'ABCDEFGH'[section - 1]}{n}"
    if style == "pillar":
        initials = "".join(w[0] for w in pillar.split()) if pillar else "A"
        return f"{initials}{n}"
    if style == "group":
        return f"{group}.{in_group}"
    return str(total)


def make_plan(ch: Chooser) -> Plan:
    fields = ch.pick(SCHEMES)
    columns = tuple(Column(f, HEADERS[f][0] if ch.chance(0.5) else ch.pick(HEADERS[f])) for f in fields)
    with_pillars = "theme" in fields or ch.chance(0.7)
    pillars = list(words.PILLARS)
    if with_pillars and ch.chance(0.3):
        pillars = pillars[: ch.integer(2, 3)]
    elif not with_pillars:
        pillars = [""]
    objective_rows = "objective" not in fields and ch.chance(0.35)
    grouped = "objective" in fields or objective_rows
    ref_style = ch.pick(("dotted", "letter", "pillar", "plain") if with_pillars else ("group", "plain"))
    if not with_pillars and not grouped:
        ref_style = "plain"
    rag_letters = ch.chance(0.6)
    total_rows = 0
    group_no = 0
    sections = []
    budget = ch.integer(4, 24)  # action rows in the plan
    for s_index, pillar in enumerate(pillars, start=1):
        groups = []
        n_in_section = 0
        n_groups = (ch.integer(1, 3) if with_pillars else ch.integer(2, 5)) if grouped else 1
        for _ in range(n_groups):
            group_no += 1
            size = ch.integer(1, 4) if grouped else max(1, budget // len(pillars))
            actions = []
            for in_group in range(1, size + 1):
                total_rows += 1
                n_in_section += 1
                ref = _ref(ref_style, s_index, pillar, group_no, n_in_section, in_group, total_rows)
                actions.append(
                    Action(
                        ref=ref if "ref" in fields else "",
                        action=words.action_text(ch, ref, bullets=ch.chance(0.25)),
                        measure=words.measure_text(ch) if "measure" in fields else "",
                        lead=words.lead_text(ch) if "lead" in fields else "",
                        timescale=words.timescale_text(ch) if "timescale" in fields else "",
                        status=(ch.pick(words.STATUS_LETTERS) if rag_letters else ch.pick(words.STATUS_WORDS))
                        if "status" in fields
                        else "",
                        progress=words.progress_text(ch) if "progress" in fields else "",
                    )
                )
            rec = ch.integer(1, 16)
            groups.append(
                Group(
                    objective=words.objective_text(ch) if grouped else "",
                    stated_rec=ch.pick((f"R{rec}", f"R{rec}", f"Rec {rec}", f"R{rec}."))
                    if "stated_rec" in fields
                    else "",
                    actions=tuple(actions),
                )
            )
        label = _pillar_label(ch, pillar, s_index) if pillar else ""
        sections.append(Section(pillar, label, tuple(groups)))
    start = ch.integer(2022, 2025)
    end = start + ch.pick((2, 3, 3, 4))
    return Plan(
        institution=ch.pick(words.INSTITUTIONS),
        period=f"{start}-{end}",
        title=ch.pick(
            (
                "Technician Commitment Action Plan",
                "Technician Commitment: action plan",
                "Our Technician Commitment action plan",
            )
        ),
        columns=columns,
        sections=tuple(sections),
        objective_rows=objective_rows,
    )


def truth_records(plan: Plan) -> list[dict[str, str]]:
    """The rows actions.csv should hold, in order: group values on every action of the group,
    the pillar of its section (or theme column) as the contract's pillar name."""
    records = []
    for section in plan.sections:
        for group in section.groups:
            for act in group.actions:
                rec = {f: getattr(act, f) for f in ROW_FIELDS}
                rec["objective"] = group.objective
                rec["stated_rec"] = stated_rec_number(group.stated_rec)
                rec["theme"] = section.pillar
                records.append({f: rec[f] for f in RECORD_FIELDS})
    return records
