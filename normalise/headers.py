"""Printed column headers -> schema fields, through one synonym table per field.

Every plan names its columns differently; one table of what people write, matched fuzzily, lets
an unseen plan map without new code. Add a synonym here rather than a rule anywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

FIELDS = (
    "ref",
    "stated_rec",
    "objective",
    "action",
    "measure",
    "lead",
    "timescale",
    "status",
    "progress",
    "theme",
)

SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": (
        "Ref",
        "Ref.",
        "Reference",
        "Action reference",
        "Action ref",
        "Action ref no",
        "Action no",
        "Action number",
        "Action ID",
        "No.",
        "No",
        "Number",
        "Item",
        "Item no",
        "ID",
        "#",
        "Ref no",
        "Reference number",
    ),
    "stated_rec": (
        "Recommendation reference",
        "Recommendation ref",
        "Recommendation no",
        "Recommendation number",
        "Rec no",
        "Rec ref",
        "TALENT recommendation reference",
        "TALENT recommendation number",
        "TALENT ref",
        "Commission recommendation number",
        "Commission rec",
        "TALENT rec",
        "Rec",
        "Rec.",
        "Rec no.",
        "R number",
    ),
    "objective": (
        "Objective",
        "Objectives",
        "Aim",
        "Aims",
        "Goal",
        "Goals",
        "Strategic objective",
        "Strategic priority",
        "Priority area",
        "What we want to achieve",
        "What do we want to achieve",
        "Recommendation",
        "TALENT Recommendation",
        "TALENT Commission Recommendation",
        "Targeted Recommendation",
        "Commission recommendation",
        "Technician Commitment objective",
        "Issue",
        "Issue identified",
        "Challenge",
        "Rationale",
        "Area for improvement",
        "Intended outcome",
        "Outcome sought",
        "Desired change",
    ),
    "action": (
        "Action",
        "Actions",
        "Action(s)",
        "Action description",
        "Description",
        "Task",
        "Tasks",
        "Activity",
        "Activities",
        "Planned action",
        "Planned actions",
        "Proposed action",
        "Proposed actions",
        "Agreed action",
        "Actions to be taken",
        "Action to be taken",
        "What we will do",
        "What will we do",
        "What could we do",
        "What are we going to do",
        "Key actions",
        "Specific actions",
        "Initiative",
        "Initiatives",
        "Steps",
        "Action steps",
    ),
    "measure": (
        "Measure",
        "Measures",
        "Measure of success",
        "Measures of success",
        "Success measure",
        "Success measures",
        "Success criteria",
        "Success indicator",
        "Success indicators",
        "KPI",
        "KPIs",
        "Key performance indicator",
        "Performance indicator",
        "How impact will be evidenced",
        "How will impact be evidenced",
        "How will success be measured",
        "How will we measure success",
        "How we will measure success",
        "Evidence",
        "Evidence of success",
        "Evidence of impact",
        "Impact",
        "Outcome",
        "Outcomes",
        "Expected outcome",
        "Expected outcomes",
        "Desired outcome",
        "Target",
        "Targets",
        "Success looks like",
        "What success looks like",
        "Indicator",
        "Indicators",
        "Output",
        "Outputs",
        "Metric",
        "Metrics",
        "How will we know",
        "How we will know",
        "How we'll know",
        "How will we know we have succeeded",
        "How will we know we have been successful",
        "Indicators of success",
        "Impact measure",
        "Impact measures",
        "Expected impact",
        "Evaluation",
        "Monitoring",
    ),
    "lead": (
        "Lead",
        "Leads",
        "Lead(s)",
        "Owner",
        "Owners",
        "Action owner",
        "Responsibility",
        "Responsible",
        "Responsible person",
        "Who",
        "Who is responsible",
        "Lead person",
        "Led by",
        "Accountable",
        "Accountability",
        "Person responsible",
        "Responsible for delivery",
        "Lead responsibility",
        "Ownership",
        "Action lead",
        "Action leads",
    ),
    "timescale": (
        "Timescale",
        "Timescales",
        "Timeframe",
        "Time frame",
        "Timeline",
        "Deadline",
        "Deadlines",
        "By when",
        "When",
        "Target date",
        "Target completion date",
        "Completion date",
        "Due date",
        "Due",
        "Date",
        "Dates",
        "Date due",
        "Start date",
        "End date",
        "Start",
        "End",
        "Finish",
        "Timing",
        "Delivery date",
        "Milestone",
        "Milestones",
    ),
    "status": (
        "Status",
        "RAG",
        "RAG status",
        "RAG rating",
        "Rating",
        "Current status",
        "Progress status",
        "Status (RAG)",
        "Red Amber Green",
        "Traffic light",
        "Completion status",
    ),
    "progress": (
        "Progress",
        "Progress update",
        "Progress to date",
        "Update",
        "Updates",
        "Latest update",
        "Progress notes",
        "Progress made",
        "What have we done",
        "What we have done",
        "What has been done",
        "Comments",
        "Comment",
        "Notes",
        "Commentary",
        "Achievements",
        "Actions taken",
        "Progress and comments",
        "Current position",
        "Evidence of progress",
        "Progress against action",
        "Progress against actions",
        "Progress so far",
        "Progress and next steps",
        "Progress & next steps",
        "Update and next steps",
    ),
    "theme": (
        "Theme",
        "Themes",
        "Pillar",
        "Pillars",
        "Technician Commitment pillar",
        "Commitment pillar",
        "Key theme",
        "Area",
        "Key area",
        "Focus area",
        "Principle",
        "Category",
        "Section",
        "Strand",
        "Workstream",
    ),
}

# generic words that name a field only when nothing more specific does: "Comments" beside
# "Progress & Next Steps" are remarks; "Start" beside "End" is not the deadline
WEAK_SYNONYMS = frozenset({"Comments", "Comment", "Notes", "Commentary", "Start", "Start date"})
WEAK_SCORE = 90.0
FUZZY_THRESHOLD = 85.0
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def header_key(text: str) -> str:
    """Comparable form of a header: lower case, punctuation and spacing dropped."""
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"[^\w#]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class HeaderMatch:
    field: str
    score: float
    how: str


_KEYED = {f: tuple((header_key(s), s) for s in syns) for f, syns in SYNONYMS.items()}


@lru_cache(maxsize=1 << 15)
def _variants(header: str) -> tuple[str, ...]:
    """The header, and without its parenthetical aside ("What could we do? (already ...)"). Memoised:
    every pass over a table asks again for the same cells' keys."""
    keys = [header_key(header)]
    bare = header_key(_PAREN.sub(" ", header))
    if bare and bare not in keys:
        keys.append(bare)
    return tuple(k for k in keys if k)


def header_matches(header: str) -> list[HeaderMatch]:
    """Every field this header could mean, best first (score 100 = a listed synonym).

    A long cell (most data cells) can only be a synonym with its spacing broken, a dictionary look-up:
    it is answered without the fuzzy pass and kept out of the memo, which then holds the short cells
    of even a very long table, so each distinct cell is scored once, not once per pass."""
    if all(len(key) > _FUZZY_MAX_CHARS for key in _variants(header)):
        return list(_spacing_matches(header))
    return list(_header_matches(header))


def _spacing_matches(header: str) -> tuple[HeaderMatch, ...]:
    best: dict[str, HeaderMatch] = {}
    for key in _variants(header):
        for index in _FLAT_SQUASHED.get(key.replace(" ", ""), ()):
            field, _, syn = _FLAT[index]
            best.setdefault(field, HeaderMatch(field, 99.0, f"synonym '{syn}' (spacing differs)"))
    return tuple(best.values())


@lru_cache(maxsize=1 << 15)
def _header_matches(header: str) -> tuple[HeaderMatch, ...]:
    """One vectorised pass over every synonym per variant: O(synonyms) per header, so a table's
    header detection grows linearly with its rows even when the cache cannot hold every cell."""
    best: dict[str, HeaderMatch] = {}
    for key in _variants(header):
        scores = _synonym_scores(key)
        scores[_FLAT_WEAK] = np.minimum(scores[_FLAT_WEAK], WEAK_SCORE)  # generic words never outrank
        if scores.max() < FUZZY_THRESHOLD:
            continue  # most data cells: nothing to pick per field
        for field, (start, stop) in _FIELD_SPANS.items():
            index = start + int(np.argmax(scores[start:stop]))  # the first best, as a scan would find
            score = float(scores[index])
            if score < FUZZY_THRESHOLD:
                continue
            syn = _FLAT[index][2]
            if score == 100.0 or (_FLAT_WEAK[index] and score == WEAK_SCORE):
                match = HeaderMatch(field, score, f"synonym '{syn}'")
            elif score == 99.0:
                # a narrow column wraps words mid-way: "Recomm endation referenc e"
                match = HeaderMatch(field, 99.0, f"synonym '{syn}' (spacing differs)")
            else:
                match = HeaderMatch(field, round(score, 1), f"fuzzy {score:.0f} '{syn}'")
            if field not in best or match.score > best[field].score:
                best[field] = match
    return tuple(sorted(best.values(), key=lambda m: -m.score))


# every synonym once, field by field in table order: (field, comparable key, as listed)
_FLAT = [(field, key, syn) for field, pairs in _KEYED.items() for key, syn in pairs]
_FLAT_KEYS = [key for _, key, _ in _FLAT]
_FLAT_SQUASHED = {}
for _index, _key in enumerate(_FLAT_KEYS):
    _FLAT_SQUASHED.setdefault(_key.replace(" ", ""), []).append(_index)
_FLAT_WEAK = np.array([syn in WEAK_SYNONYMS for _, _, syn in _FLAT])  # an exact match scores WEAK_SCORE
_FLAT_LONG = np.array([len(key) >= 4 for key in _FLAT_KEYS])
# ratio = 2 * matches / (len a + len b), so a key over 2/0.85 - 1 times the longest synonym's
# length scores below the threshold against every synonym (token-sort ratio alike)
_FUZZY_MAX_CHARS = int(max(map(len, _FLAT_KEYS)) * (200.0 / FUZZY_THRESHOLD - 1)) + 1
_FIELD_SPANS: dict[str, tuple[int, int]] = {}
for _index, (_field, _, _) in enumerate(_FLAT):
    _FIELD_SPANS[_field] = (_FIELD_SPANS.get(_field, (_index, _index))[0], _index + 1)


def _synonym_scores(key: str) -> np.ndarray:
    """Per synonym: 100 the same key, 99 the same but for spacing, else the fuzzy score (the better
    of ratio and, for keys of 4+ characters, token-sort ratio), at most 98; below the threshold
    a score may read 0."""
    if len(key) > _FUZZY_MAX_CHARS:  # too long for any synonym to reach the threshold
        scores = np.zeros(len(_FLAT_KEYS))
    else:
        cutoff = {"score_cutoff": FUZZY_THRESHOLD, "dtype": np.float64}
        scores = process.cdist([key], _FLAT_KEYS, scorer=fuzz.ratio, **cutoff)[0]
        if len(key) >= 4:
            sorted_scores = process.cdist([key], _FLAT_KEYS, scorer=fuzz.token_sort_ratio, **cutoff)[0]
            scores = np.where(_FLAT_LONG, np.maximum(scores, sorted_scores), scores)
        scores = np.minimum(scores, 98.0)
    for index in _FLAT_SQUASHED.get(key.replace(" ", ""), ()):
        scores[index] = 100.0 if _FLAT_KEYS[index] == key else 99.0
    return scores


def header_word_matches(header: str) -> list[HeaderMatch]:
    """Weaker evidence: a one-word synonym standing as a whole word in a longer header
    ("Lead person(s) / team" -> lead). Scored below any fuzzy match."""
    key = header_key(header)
    words = set(key.split())
    found: dict[str, HeaderMatch] = {}
    for field, synonyms in _KEYED.items():
        for syn_key, syn in synonyms:
            if " " in syn_key and f" {syn_key} " in f" {key} ":
                # a whole synonym phrase in a longer header ("Planned action/objective"): more
                # specific than any one word in it
                if field not in found or found[field].score < 75.0:
                    found[field] = HeaderMatch(field, 75.0, f"phrase '{syn}'")
            elif " " not in syn_key and len(syn_key) >= 3 and syn_key in words and field not in found:
                found[field] = HeaderMatch(field, 70.0, f"word '{syn}'")
    return sorted(found.values(), key=lambda m: -m.score)


def is_header_like(cell: str) -> bool:
    """A short cell that names a field: the mark of a header row."""
    if not cell or len(cell) > 80:
        return False
    return bool(header_matches(cell))


def assign_headers(headers: list[str]) -> dict[int, HeaderMatch]:
    """Columns -> fields, each field used once, strongest evidence first."""
    candidates: list[tuple[float, int, int, HeaderMatch]] = []
    for col, header in enumerate(headers):
        if not header.strip():
            continue
        matches = header_matches(header) or header_word_matches(header)
        for rank, match in enumerate(matches):
            candidates.append((match.score, -rank, -col, match))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]), reverse=True)
    taken_cols: dict[int, HeaderMatch] = {}
    taken_fields: set[str] = set()
    for _, _, neg_col, match in candidates:
        col = -neg_col
        if col in taken_cols or match.field in taken_fields:
            continue
        taken_cols[col] = match
        taken_fields.add(match.field)
    return taken_cols


MAX_HEADER_WORDS = 10


def split_header_line(text: str, n: int) -> list[str] | None:
    """A table's header printed as one line of text above it ("No. What we will do Who When
    Status"): the n column labels, or None unless most of them name a field."""
    words = text.split()
    if n < 3 or not n <= len(words) <= 5 * n:
        return None

    def score(a: int, b: int) -> float:
        label = " ".join(words[a:b])
        if label.startswith("(") or label.count("(") != label.count(")"):
            return -1.0  # a label never opens with, or splits, a parenthetical aside
        found = header_matches(label) if b - a <= MAX_HEADER_WORDS else []
        return found[0].score if found and found[0].score >= FUZZY_THRESHOLD else 0.0

    # best[k][i]: (labels named, total score, words inside named labels, cut points) for words[:i]
    Cand = tuple[int, float, int, tuple[int, ...]]
    best: list[dict[int, Cand]] = [{0: (0, 0.0, 0, ())}]
    for k in range(1, n + 1):
        row: dict[int, Cand] = {}
        for end in range(k, len(words) + 1):
            for start in range(max(k - 1, end - MAX_HEADER_WORDS), end):
                if start not in best[k - 1]:
                    continue
                named, total, covered, cuts = best[k - 1][start]
                s = score(start, end)
                if s < 0:
                    continue
                cand = (named + (s > 0), total + s, covered + (end - start if s else 0), (*cuts, end))
                if end not in row or cand[:3] > row[end][:3]:
                    row[end] = cand
        best.append(row)
    if len(words) not in best[n]:
        return None
    named, _, _, cuts = best[n][len(words)]
    if named < max(2, -(-3 * n // 5)):
        return None
    bounds = (0, *cuts)
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
