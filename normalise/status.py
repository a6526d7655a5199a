"""Status cells -> the contract's status words, through the plan's own legend when it prints one.

Plans colour-code differently ("Blue = complete", "Amber = not yet started OR some delays"), so the
printed legend decides; common RAG words and letters are the fallback.
"""

from __future__ import annotations

import re

COLOUR_DEFAULTS = {
    "red": "delayed",
    "amber": "at_risk",
    "orange": "at_risk",
    "yellow": "at_risk",
    "green": "on_track",
    "blue": "complete",
    "purple": "complete",
    "grey": "not_started",
    "gray": "not_started",
    "white": "not_started",
}
LETTER_DEFAULTS = {"R": "delayed", "A": "at_risk", "G": "on_track", "B": "complete"}
_COLOURS = "|".join(COLOUR_DEFAULTS)
_ENTRY = re.compile(
    rf"\b(?P<colour>{_COLOURS})\b\s*(?:\(\s*(?P<letter>[A-Z])\s*\))?\s*(?:=|:|-|\u2013|\u2014)\s*",
    re.I,
)

_WORDS: tuple[tuple[str, str], ...] = (
    (r"\bnot\s+(?:yet\s+)?(?:started|begun|commenced|due)\b|\bplanned\b|\bto\s+start\b", "not_started"),
    (
        r"\b(?:off[\s-]track|not\s+on\s+track|not\s+(?:achieved|met|completed?)|major|significant(?:ly)?|"
        r"serious(?:ly)?|severe(?:ly)?|overdue|stalled|on\s+hold|paused|deferred|postponed)\b",
        "delayed",
    ),
    (
        r"\b(?:at\s+risk|some\s+delays?|minor|slight(?:ly)?|some\s+(?:issues|problems)|concerns?|"
        r"slippage|slipp(?:ed|ing)|risks?)\b",
        "at_risk",
    ),
    (r"\b(?:partially|partly|part)\b", "on_track"),
    (r"\b(?:complete|completed|done|achieved|finished|closed|delivered|met)\b", "complete"),
    (
        r"\b(?:on[\s-]track|in\s+progress|ongoing|progressing|underway|under\s+way|no\s+problems|started)\b",
        "on_track",
    ),
    (r"\b(?:delay|delayed|behind|problem|problems|issues?)\b", "delayed"),
)


def status_from_words(text: str) -> str:
    """What a description or a status cell says, or "" when it says none of the known things.

    "not yet started, OR some delays" names two states: the other one wins (the mixed bucket)."""
    low = (text or "").casefold()
    not_started, rest = _WORDS[0][0], low
    if re.search(not_started, low):
        rest = re.sub(not_started, " ", low)
    hits = [status for pattern, status in _WORDS[1:] if re.search(pattern, rest)]
    if hits:
        return hits[0]
    return "not_started" if rest != low else ""


_WORD_ENTRY = re.compile(r"(?<![\w-])([A-Z][a-z]+(?: [a-z]+)?)\s*(?:=|:|\u2013|\u2014)\s*")


def _description(text: str) -> str:
    """One entry's meaning: up to a semicolon or the next "Word =" entry ("Red = delayed; Complete
    = done" gives Red "delayed", not "delayed Complete done")."""
    text = text.split(";")[0]
    nxt = _WORD_ENTRY.search(text)
    if nxt:
        text = text[: nxt.start()]
    return text.strip(" ,;.")


def _word_entries(text: str) -> list[tuple[str, str]]:
    """Keys printed as status words themselves ("Complete = done")."""
    found = []
    for hit in _WORD_ENTRY.finditer(text):
        word = hit.group(1)
        if word.lower() not in COLOUR_DEFAULTS and status_from_words(word):
            found.append((word, status_from_words(word)))
    return found


def parse_legend(texts: list[str]) -> tuple[tuple[str, str], ...]:
    """`Red (R) = Major delay or problem, ... Blue (B) = action complete` ->
    (("Red","delayed"), ("R","delayed"), ..., ("B","complete"))."""
    pairs: dict[str, str] = {}
    for text in texts:
        text = (text or "").replace("*", "")
        entries = list(_ENTRY.finditer(text))
        if not entries:
            continue
        for i, entry in enumerate(entries):
            end = entries[i + 1].start() if i + 1 < len(entries) else len(text)
            description = _description(text[entry.end() : end])
            colour = entry.group("colour").capitalize()
            status = status_from_words(description) or COLOUR_DEFAULTS[colour.lower()]
            pairs.setdefault(colour, status)
            if entry.group("letter"):
                pairs.setdefault(entry.group("letter").upper(), status)
        for word, status in _word_entries(text):
            pairs.setdefault(word, status)
    letters = parse_letter_legend([t for t in texts if not _ENTRY.search(t or "")])
    for letter, status in letters:
        pairs.setdefault(letter, status)
    return tuple(pairs.items())


_LETTER_ENTRY = re.compile(r"(?<![\w(])([A-Z])\s*(?:=|:|\u2013|\u2014|-(?=\s))\s*")
_KEY_WORDS = re.compile(r"(?i)\b(?:key|legend|status|rag|rating)\b")


def parse_letter_legend(texts: list[str]) -> tuple[tuple[str, str], ...]:
    """A key of bare letters: "RAG key: C = complete, G = on track, A = at risk, R = behind"."""
    pairs: dict[str, str] = {}
    for text in texts:
        text = (text or "").replace("*", "")
        entries = list(_LETTER_ENTRY.finditer(text))
        if len(entries) < 2 or not _KEY_WORDS.search(text[: entries[0].start()] + " " + text):
            continue
        for i, entry in enumerate(entries):
            end = entries[i + 1].start() if i + 1 < len(entries) else len(text)
            description = text[entry.end() : end].strip(" ,;.")
            status = status_from_words(description) or LETTER_DEFAULTS.get(entry.group(1), "")
            if status:
                pairs.setdefault(entry.group(1), status)
    return tuple(pairs.items())


def normalise_status(raw: str, legend: tuple[tuple[str, str], ...] = ()) -> str:
    """A printed status ("A", "Green", "Complete") -> contract status, or ""."""
    text = (raw or "").strip().strip(".*")
    if not text:
        return ""
    table = {k.casefold(): v for k, v in legend}
    key = text.casefold()
    if key in table:
        return table[key]
    if len(text) == 1 and text.upper() in LETTER_DEFAULTS:
        return LETTER_DEFAULTS[text.upper()]
    first = re.match(r"[A-Za-z]+", text)
    if first and first.group(0).casefold() in table:
        return table[first.group(0).casefold()]
    if first and first.group(0).casefold() in COLOUR_DEFAULTS:
        return COLOUR_DEFAULTS[first.group(0).casefold()]
    return status_from_words(text)


# The status words plans print, whole: what a cell broken mid-word by a narrow column must rejoin to.
STATUS_PHRASES = frozenset(
    {*COLOUR_DEFAULTS, "complete", "completed", "in progress", "not started", "not yet started", "on track"}
    | {"off track", "at risk", "delayed", "ongoing", "on hold", "underway", "achieved", "overdue", "planned"}
)
_MAX_PIECES = 6


def rejoin_broken_status(raw: str, legend: tuple[tuple[str, str], ...] = ()) -> str:
    """A status cell a narrow column broke mid-word ("In progre ss", "Am be r"): the word as
    printed, when closing some of its gaps gives a status phrase (or a legend key) and the cell as
    it stands reads as none. Any other cell is returned unchanged."""
    pieces = (raw or "").split()
    if not 2 <= len(pieces) <= _MAX_PIECES or normalise_status(raw, legend):
        return raw
    known = STATUS_PHRASES | {k.casefold() for k, _ in legend}
    gaps = len(pieces) - 1
    for closed in sorted(range(1, 2**gaps), key=lambda m: bin(m).count("1")):
        text = pieces[0]
        for i, piece in enumerate(pieces[1:]):
            text += piece if closed >> i & 1 else " " + piece
        if text.casefold() in known:
            return text
    return raw


def is_status_value(text: str) -> bool:
    """A cell that is just a status: a RAG letter, a colour or a short status phrase."""
    text = (text or "").strip().strip(".*")
    if not text or len(text) > 30:
        return False
    if len(text) == 1:
        return text.upper() in LETTER_DEFAULTS
    if re.fullmatch(rf"(?i)({_COLOURS})(\s*[/-]\s*({_COLOURS}))?", text):
        return True
    return bool(status_from_words(text)) and len(text.split()) <= 4


_KEY_CELL = re.compile(rf"(?i)^\s*(?:(?:{_COLOURS})(?:\s*\(\s*[A-Z]\s*\))?|[RAGB])\s*[:=]?\s*$")


def legend_table(rows: list[list[str]]) -> tuple[tuple[str, str], ...]:
    """A small table that is a status key ("Red | Major delay", "Green | On track"): its legend,
    else (). One title row ("Key", "Status | Meaning") may sit on top."""
    filled = [[c.strip() for c in r if c.strip()] for r in rows]
    filled = [r for r in filled if r]
    keyed = [r for r in filled if len(r) >= 2 and _KEY_CELL.match(r[0])]
    if len(keyed) < 2 or len(filled) - len(keyed) > 1:
        return ()
    entries = []
    for row in keyed:
        key = row[0].rstrip(":= ")
        if len(key) == 1:  # a bare letter: name its colour so the entry parses
            key = {"R": "Red", "A": "Amber", "G": "Green", "B": "Blue"}[key.upper()] + f" ({key.upper()})"
        entries.append(f"{key} = {' '.join(row[1:])}")
    return parse_legend(["; ".join(entries)])


def legend_cells(rows: list[list[str]]) -> list[str]:
    """Cells inside tables that print a key of two or more entries (a key row under the table)."""
    return [c for r in rows for c in r if len(_ENTRY.findall(c or "")) >= 2]
