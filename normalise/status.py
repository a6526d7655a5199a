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
    (r"\bnot\s+(?:yet\s+)?(?:started|begun|commenced)\b", "not_started"),
    (r"\b(?:off[\s-]track|not\s+on\s+track|major|significant|serious|severe|overdue|stalled)\b", "delayed"),
    (r"\b(?:at\s+risk|some\s+delays?|minor|slight|some\s+(?:issues|problems)|concerns?)\b", "at_risk"),
    (r"\b(?:complete|completed|done|achieved|finished|closed|delivered|met)\b", "complete"),
    (
        r"\b(?:on[\s-]track|in\s+progress|ongoing|progressing|underway|under\s+way|no\s+problems)\b",
        "on_track",
    ),
    (r"\b(?:delay|delayed|behind|problem|problems|issues?)\b", "delayed"),
)


def status_from_words(text: str) -> str:
    """What a description or a status cell says, or "" when it says none of the known things."""
    low = (text or "").casefold()
    hits = [status for pattern, status in _WORDS if re.search(pattern, low)]
    if not hits:
        return ""
    if hits[0] == "not_started" and len(set(hits)) > 1:
        # "not yet started, OR some delays": the mixed bucket is the at-risk one
        return next(h for h in hits[1:] if h != "not_started")
    return hits[0]


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
            description = text[entry.end() : end].strip(" ,;.")
            colour = entry.group("colour").capitalize()
            status = status_from_words(description) or COLOUR_DEFAULTS[colour.lower()]
            pairs.setdefault(colour, status)
            if entry.group("letter"):
                pairs.setdefault(entry.group("letter").upper(), status)
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
