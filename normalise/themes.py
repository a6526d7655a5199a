"""Technician Commitment pillars, wherever a plan prints them: a theme column, a heading row
spanning the table, or a heading paragraph above it."""

from __future__ import annotations

import re

from .model import THEMES

_PILLAR = {t.casefold(): t for t in THEMES} | {"career progression": "Career Development"}
_PILLAR_RE = re.compile(
    r"\b(visibility|recognition|career[\s-]+(?:development|progression)|sustainability)\b", re.I
)
# "Pillar 2:", "Theme 1 -", "2.", "B." in front of a heading
_HEADING_PREFIX = re.compile(
    r"^\s*(?:(?:pillar|theme|principle|section|area)\s*\d*\s*[:.\-\u2013]?\s*)?"
    r"(?:(?:\d{1,2}|[a-z]|[ivx]{1,4})[.):\-\u2013]\s+)?",
    re.I,
)


def _canonical(word: str) -> str:
    return _PILLAR[re.sub(r"[\s-]+", " ", word.casefold())]


def pillar_in(text: str) -> str:
    """The pillar a theme cell names anywhere in it ("Pillar: Career development" -> Career Development)."""
    found = _PILLAR_RE.search(text or "")
    return _canonical(found.group(1)) if found else ""


def heading_pillar(text: str) -> str:
    """The pillar a heading starts with ("Visibility Ensure that ...", "Pillar 1: Visibility").

    The pillar word must be followed by nothing, punctuation or a capitalised word: "Visibility of
    technicians is ..." is a sentence, not a heading.
    """
    text = (text or "").strip()
    if not text:
        return ""
    for candidate in (text, _HEADING_PREFIX.sub("", text, count=1)):
        found = _PILLAR_RE.match(candidate)
        if not found:
            continue
        rest = candidate[found.end() :].lstrip()
        if not rest or rest[0] in ":-\u2013\u2014.|" or rest[0].isupper() or rest[0].isdigit():
            return _canonical(found.group(1))
    return ""


def is_pillar_name(text: str) -> bool:
    """A cell that is nothing but a pillar's name ("Visibility", "Pillar 2: Recognition",
    "Career development."): unlike `pillar_in`, an objective that mentions one is not."""
    text = _HEADING_PREFIX.sub("", (text or "").strip(), count=1)
    found = _PILLAR_RE.fullmatch(text.rstrip(" .:;"))
    return found is not None


_INITIALS = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}


_UNSPACED = re.compile(r"(visibility|recognition|career-?(?:development|progression)|sustainability)")
_SHORT_CELL = 40


def theme_cell_pillar(text: str) -> str:
    """A theme column's cell: a pillar named anywhere in it, or its initials ("CD"); in a short
    cell, also a pillar broken mid-word by a narrow column ("Career De velopment")."""
    found = pillar_in(text) or _INITIALS.get((text or "").strip().rstrip(".").upper(), "")
    if found or len(text or "") > _SHORT_CELL:
        return found
    unspaced = _UNSPACED.search(re.sub(r"\s+", "", text or "").casefold())
    return _canonical(unspaced.group(1).replace("career", "career ")) if unspaced else ""


# The Technician Commitment's own statement of each pillar: plans restate it, reworded, in place
# of a heading ("We ensure the technicians within the organisation are identifiable ...").
PILLAR_DEFINITIONS = {
    "Visibility": "Ensuring that all technicians within the organisation are identifiable and that the "
    "contribution of technicians is visible within and beyond the institution.",
    "Recognition": "Supporting technicians to gain recognition through the professional registration and "
    "the development of technician roles.",
    "Career Development": "Enabling career progression opportunities for technicians through the provision "
    "of clear, documented career pathways.",
    "Sustainability": "Ensuring the future sustainability of technical skills across the organisation and "
    "that technical expertise is fully utilised.",
}
DEFINITION_MIN_SCORE = 75.0
DEFINITION_MARGIN = 15.0
DEFINITION_MIN_WHOLE = 60.0  # ahead of the next pillar: a sentence naming all four defines none


def definition_pillar(text: str) -> str:
    """The pillar whose definition this sentence restates, else ""."""
    from rapidfuzz import fuzz

    text = (text or "").strip().casefold()
    if len(text) < 40:
        return ""
    scores = sorted(
        ((fuzz.token_set_ratio(text, d.casefold()), pillar) for pillar, d in PILLAR_DEFINITIONS.items()),
        reverse=True,
    )
    (best, pillar), (second, _) = scores[0], scores[1]
    if best < DEFINITION_MIN_SCORE or best - second < DEFINITION_MARGIN:
        return ""
    # the whole sentence must restate it, not share a phrase ("... professional registration ...")
    whole = fuzz.ratio(text, PILLAR_DEFINITIONS[pillar].casefold())
    return pillar if whole >= DEFINITION_MIN_WHOLE else ""
