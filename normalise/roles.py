"""Column roles from what the cells hold, for headers that are blank, unknown or ambiguous.

A column of `B12`/`2.6` values is a reference whatever its header says; a column of R/A/G letters
is a status; the longest prose column is the action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .headers import assign_headers
from .stated import is_rec_value
from .status import is_status_value
from .themes import is_pillar_name, pillar_in

_REF_VALUE = re.compile(r"^(?:[A-Z]{1,3}\s?)?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?[.):]?$")
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_WORD = re.compile(
    rf"(?i)\b(?:{_MONTHS}|(?:19|20)\d\d|q[1-4]|quarter|term|semester|spring|summer|autumn|winter|"
    r"ongoing|annual(?:ly)?|monthly|quarterly|termly|yearly|year\s*\d|immediate(?:ly)?|continuous|tbc|tbd|"
    r"\d{1,2}\s*(?:months?|weeks?|years?))\b"
)
_DATE_NUMERIC = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")
SHARE = 0.8  # of a column's non-empty cells that must fit a content rule
PROSE_MIN_CHARS = 25.0
MOSTLY = 0.5  # for a column with no header: most cells fit, the others are as short
THEME_CELL_MAX = 40


@dataclass(frozen=True)
class ColumnRole:
    """The field a column feeds ("extra" for none), its printed header, and why."""

    field: str
    header: str
    how: str


def is_ref_value(text: str) -> bool:
    return bool(_REF_VALUE.match((text or "").strip()))


_DATE_FILLER = {
    "by",
    "end",
    "of",
    "from",
    "until",
    "to",
    "and",
    "or",
    "the",
    "start",
    "beginning",
    "mid",
    "early",
    "late",
    "academic",
    "year",
    "years",
    "within",
    "each",
    "every",
    "per",
    "in",
    "on",
    "before",
    "after",
}


def is_date_value(text: str) -> bool:
    """A short cell that says when: "Dec 2023", "2022-23", "Q3 2024", "Ongoing", "By end of July
    2024"; not a sentence that mentions a month ("Event held in May.")."""
    text = (text or "").strip()
    if not text or len(text) > 40 or len(text.split()) > 6:
        return False
    if _DATE_NUMERIC.match(text):
        return True
    if not _DATE_WORD.search(text):
        return False
    rest = _DATE_WORD.sub(" ", text)
    words = [w for w in re.findall(r"[A-Za-z]+", rest) if w.lower() not in _DATE_FILLER]
    return len(words) <= 1


def _share(values: list[str], test) -> float:  # noqa: ANN001
    filled = [v for v in values if v.strip()]
    return sum(1 for v in filled if test(v)) / len(filled) if filled else 0.0


def mean_length(values: list[str]) -> float:
    filled = [v for v in values if v.strip()]
    return sum(len(v) for v in filled) / len(filled) if filled else 0.0


def content_kind(values: list[str]) -> str:
    """What a column's cells are by content: stated_rec, ref, status, timescale, theme, prose or ""."""
    if not any(v.strip() for v in values):
        return ""
    if _share(values, is_rec_value) >= SHARE:
        return "stated_rec"
    if _share(values, is_status_value) >= SHARE:
        return "status"
    if _share(values, is_ref_value) >= SHARE:
        return "ref"
    if _share(values, is_date_value) >= SHARE:
        return "timescale"
    if _share(values, lambda v: bool(pillar_in(v)) and len(v) <= 40) >= SHARE:
        return "theme"
    if mean_length(values) >= PROSE_MIN_CHARS:
        return "prose"
    return ""


def _names_pillars(values: list[str]) -> bool:
    """(Nearly) every cell is a pillar's name alone: the column is the theme, whatever its header
    ("Priority area"). Objectives that only mention a pillar ("Visibility of technicians ...") are not."""
    filled = [v for v in values if v.strip()]
    return len(filled) >= 2 and _share(filled, is_pillar_name) >= SHARE


_ROLE_WORDS = re.compile(
    r"(?i)\b(?:head|manager|director|lead|leads|team|hr|officer|committee|group|dean|chair|school|"
    r"services|department|faculty|board|coordinator|champion|network|office|vp|pvc|partner|staff)\b"
)


def is_lead_value(text: str) -> bool:
    """A short name of a person, role or body ("Head of Technical Services", "HR")."""
    text = (text or "").strip()
    return 0 < len(text) <= 80 and not text.endswith(".") and bool(_ROLE_WORDS.search(text))


def _guess_headerless(
    fields: dict[int, tuple[str, str]], kinds: list[str], columns: list[list[str]], blank: set[int]
) -> None:
    """Columns printed without a header: read them the way plans are laid out, objective before
    the action, measure and progress after it, owners as short role names. Said to be a guess."""
    taken = {f for f, _ in fields.values()}
    action = next((c for c, (f, _) in fields.items() if f == "action"), None)
    for col in range(len(columns)):
        if col in fields or col not in blank:
            continue
        guess: tuple[str, str] | None = None
        filled = [v for v in columns[col] if v.strip()]
        short = bool(filled) and all(len(v) <= THEME_CELL_MAX for v in filled)
        if short and "theme" not in taken and _share(filled, pillar_in) >= MOSTLY:
            guess = ("theme", "content guess: short cells, most naming a pillar")
        elif _share(columns[col], is_lead_value) >= SHARE and "lead" not in taken:
            guess = ("lead", "content guess: names of roles or teams")
        elif kinds[col] == "prose" and action is not None:
            order = ("objective",) if col < action else ("measure", "progress")
            field = next((f for f in order if f not in taken), None)
            side = "before" if col < action else "after"
            guess = (field, f"content guess: prose {side} the action column") if field else None
        if guess:
            fields[col] = guess
            taken.add(guess[0])


def infer_roles(headers: list[str], columns: list[list[str]]) -> tuple[ColumnRole, ...]:
    """Header synonyms first, then content rules for what the headers leave open or get wrong."""
    n = len(columns)
    headers = (list(headers) + [""] * n)[:n]
    by_header = assign_headers(headers)
    fields: dict[int, tuple[str, str]] = {c: (m.field, m.how) for c, m in by_header.items()}
    kinds = [content_kind(col) for col in columns]

    def taken(field: str) -> bool:
        return any(f == field for f, _ in fields.values())

    # headers that contradict their content: a "Progress" column of RAG letters is the status
    for col, (field, _) in list(fields.items()):
        if field in {"progress", "measure", "ref"} and kinds[col] == "status" and not taken("status"):
            fields[col] = ("status", f"content: status values (header says {field})")
        elif field == "status" and kinds[col] == "prose" and not taken("progress"):
            fields[col] = ("progress", "content: prose under a status header")
        elif (
            field in {"measure", "objective", "progress"}
            and kinds[col] == "timescale"
            and not taken("timescale")
        ):
            fields[col] = ("timescale", f"content: dates (header says {field})")
        elif field == "objective" and kinds[col] == "stated_rec" and not taken("stated_rec"):
            fields[col] = ("stated_rec", f"content: recommendation numbers (header says {field})")
        elif field not in {"theme", "action"} and _names_pillars(columns[col]) and not taken("theme"):
            fields[col] = ("theme", f"content: pillar names (header says {field})")
    for col in range(n):
        if col in fields:
            continue
        kind = kinds[col]
        if kind in {"stated_rec", "ref", "status", "timescale", "theme"} and not taken(kind):
            fields[col] = (kind, f"content: {kind} values")
    if not taken("action"):
        open_prose = [c for c in range(n) if c not in fields and kinds[c] == "prose"]
        if open_prose:
            col = max(open_prose, key=lambda c: mean_length(columns[c]))
            fields[col] = ("action", "content: longest prose column")
    blank = [c for c in range(n) if not headers[c].strip()]
    if blank:  # no header at all, or blank header cells: their fields from content and position
        _guess_headerless(fields, kinds, columns, set(blank))
    return tuple(
        ColumnRole(fields[c][0], headers[c], fields[c][1])
        if c in fields
        else ColumnRole("extra", headers[c], "no synonym or content rule matched")
        for c in range(n)
    )
