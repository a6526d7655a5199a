"""Is this an action plan? Per table, per numbered list and per document.

Any table with a wordy column and any numbered list looks like actions to the column and list
readers: a data table, prose set in columns, an agenda. A plan says what it is: its header names
an action column beside other plan fields, or the whole document is about technicians (the
Technician Commitment, TALENT), where a table of prose or a numbered list is read as actions
even without a header. Saying "no action plan here" beats inventing actions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Layout

_TECHNICIAN_NAMES = re.compile(r"(?i)\btechnician\s+commitment\b|\btalent\s+commission\b")
_TALENT = re.compile(r"\bTALENT\b")  # the programme's name is printed in capitals; "talent" is a word
_TECHNICIAN_WORDS = re.compile(
    r"(?i)\btechnicians?\b|\btechnical\s+(?:staff|community|workforce|colleagues|roles?)\b"
)
TECHNICIAN_WORDS_NEEDED = 2  # one "technician" in a staff list does not make a technicians' document


@dataclass(frozen=True)
class DocumentTopic:
    """Whether the document is about technicians, and what it said to show it (for --explain)."""

    about_technicians: bool
    evidence: str


def document_topic(texts: list[str]) -> DocumentTopic:
    """Named programmes count once; plain words about technicians need to recur."""
    text = "\n".join(texts)
    named = len(_TECHNICIAN_NAMES.findall(text)) + len(_TALENT.findall(text))
    words = len(_TECHNICIAN_WORDS.findall(text))
    about = named >= 1 or words >= TECHNICIAN_WORDS_NEEDED
    if not named and not words:
        return DocumentTopic(False, "no mention of technicians, the Technician Commitment or TALENT")
    evidence = f"{named} mention(s) of the Technician Commitment/TALENT, {words} of technicians"
    return DocumentTopic(about, evidence)


# headers that name an action only in a plan: in a data table they are a label or a list of steps
WEAK_ACTION_SYNONYMS = {"description", "steps"}
SUPPORT_FIELDS = (
    "ref",
    "stated_rec",
    "objective",
    "measure",
    "lead",
    "timescale",
    "status",
    "progress",
    "theme",
)
# content alone supports an action column only when it is peculiar to plans (RAG codes, R-numbers)
SUPPORT_BY_CONTENT = ("status", "stated_rec")


def _from_header(how: str) -> bool:
    return how.startswith(("synonym", "fuzzy", "phrase", "word"))


def _synonym_of(how: str) -> str:
    hit = re.search(r"'([^']*)'", how)
    return hit.group(1).casefold() if hit else ""


@dataclass(frozen=True)
class TableVerdict:
    is_action_table: bool
    reason: str


def table_verdict(layout: Layout, about_technicians: bool) -> TableVerdict:
    """An action column named by its header with another plan field beside it; or, in a document
    about technicians, any action column (by content, or a header with nothing beside it)."""
    action = next((r for r in layout.roles if r.field == "action"), None)
    if action is None:
        return TableVerdict(False, "no action column")
    if layout.carried_from is not None:
        return TableVerdict(True, f"continues table {layout.carried_from + 1}")
    named = _from_header(action.how) and _synonym_of(action.how) not in WEAK_ACTION_SYNONYMS
    support = [
        r.header or r.field
        for r in layout.roles
        if r.field in SUPPORT_FIELDS
        and (_from_header(r.how) or any(r.how.startswith(f"content: {k}") for k in SUPPORT_BY_CONTENT))
    ]
    if named and support:
        shown = ", ".join(repr(s) for s in support[:4])
        return TableVerdict(True, f"action column {action.header!r} named by its header, beside {shown}")
    if about_technicians:
        how = "by its header" if _from_header(action.how) else "by content"
        return TableVerdict(
            True, f"action column {action.header or '(blank)'!r} {how}, in a technicians' document"
        )
    if not named:
        what = f"header {action.header!r} is not an action heading" if action.header else "no header"
        return TableVerdict(False, f"prose column taken as actions only by content ({what})")
    return TableVerdict(
        False, f"action column {action.header!r} with no other plan column (ref, lead, date, ...)"
    )


_COMMITMENT_OPENING = re.compile(
    r"(?i)^(?:we\s+(?:will|shall|are\s+committed\s+to|commit\s+to|aim\s+to|plan\s+to|intend\s+to)|we['\u2019]ll|"
    r"(?:the\s+)?(?:university|institution|school|faculty|department|college)\s+will)\b"
)
_PLAN_VERB_WORDS = """
    achieve adopt advertise align appoint assess attract audit build celebrate champion clarify collaborate
    collect commit communicate complete conduct consult continue coordinate create deliver demonstrate
    design develop embed empower enable encourage engage enhance ensure establish evaluate expand explore
    extend facilitate formalise formalize foster gather grow highlight host identify implement improve
    include increase introduce invest involve launch lead maintain make map monitor nominate offer
    organise organize participate pilot deploy produce promote provide publicise publicize publish raise
    recognise recognize record recruit refresh report research review revise run share showcase signpost
    strengthen support survey sustain train undertake update upskill use widen work
    """
PLAN_VERBS = frozenset(_PLAN_VERB_WORDS.split())
COMMITMENT_SHARE = 0.6


def reads_as_commitment(text: str) -> bool:
    """ "We will run ...", "To develop ...", "Establish a forum ...": an undertaking, not an agenda
    item ("CALL TO ORDER") or a clause ("The tenant shall ...")."""
    text = text.strip()
    if _COMMITMENT_OPENING.match(text):
        return True
    words = re.findall(r"[A-Za-z]+", text[:60])
    if words[:1] and words[0].casefold() == "to":
        words = words[1:]  # "To develop ..."
    word = words[0] if words else ""
    return bool(word) and not word.isupper() and word.casefold() in PLAN_VERBS


def list_reads_as_commitments(texts: list[str]) -> bool:
    return bool(texts) and sum(reads_as_commitment(t) for t in texts) >= COMMITMENT_SHARE * len(texts)


NO_PLAN = "no action plan found"
HEADERS_SHOWN = 6


def _tables_found(n_tables: int, explanations) -> str:  # noqa: ANN001
    headers = list(dict.fromkeys(d.header for e in explanations for d in e.columns if d.header.strip()))
    tables = f"{n_tables} table{'s' if n_tables != 1 else ''}"
    if not headers:
        return f"{tables} without a header row naming an action column"
    shown = ", ".join(repr(h[:40]) for h in headers[:HEADERS_SHOWN])
    shown += ", ..." if len(headers) > HEADERS_SHOWN else ""
    if not any(d.field == "action" for e in explanations for d in e.columns):
        return f"{tables}, none with an action column (headers seen: {shown})"
    return (
        f"{tables}, none with a header naming an action column beside other plan columns "
        f"(headers seen: {shown})"
    )


def no_plan_note(document, explanations, notes: list[str], about_technicians: bool) -> str:  # noqa: ANN001
    """Why nothing was read, in words for errors.csv: what was found and why it is not a plan."""
    found = _tables_found(len(document.tables), explanations) if document.tables else "no table"
    skipped_list = next((n for n in notes if n.startswith("numbered list of")), "")
    if skipped_list:
        found += "; a " + skipped_list.split(" skipped")[0] + " that do not read as commitments"
    else:
        found += " and no numbered list of commitments"
    if about_technicians:
        found += "; no bullets under a commitments, pillar or progress heading"
    else:
        found += "; the document does not read as being about technicians"
    return f"{NO_PLAN}: {found}"
