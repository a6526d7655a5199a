"""Recommendations a plan states itself: an R-number, or a marker flagging a Commission recommendation.

A stated reference is better evidence than any text matching, so it is read exactly and kept apart
from the objective's words.
"""

from __future__ import annotations

import re

MAX_REC = 16
# "R5", "R5.", "Rec 5", "Recommendation 5", "TALENT Recommendation 5", "TALENT Commission Recommendation 5"
_REC = re.compile(
    r"^\s*(?:TALENT\s+(?:Commission\s+)?)?(?:R|Rec\.?|Recommendation)\s*(?:no\.?\s*)?(\d{1,2})\b[.:)]?",
    re.I,
)
# "(R5)", "[TALENT R5]", "(Rec 5)", "(TALENT Recommendation 5)" anywhere in a cell
_REC_ASIDE = re.compile(
    r"[(\[]\s*(?:TALENT\s+(?:Commission\s+)?)?(?:R|Rec\.?|Recommendation)\s*(\d{1,2})(?:\.\d)?\s*[)\]]", re.I
)
_MARKERS_DEFAULT = ("*TCR", "TCR*", "(TCR)", "TCR")
# A footnote declaring a marker: "*TCR = TALENT Commission Recommendation", "* denotes a TALENT ..."
_FOOTNOTE = re.compile(
    r"^\s*(?P<marker>[*\u2020\u2021#^]+\s*[A-Z]{0,6}|[A-Z]{2,6}\*?)\s*(?:=|:|-|\u2013|denotes|indicates|means)\s*"
    r"(?:an?\s+|the\s+)?(?:action\s+(?:from|addressing)\s+(?:a|the)\s+)?TALENT\s+Commission\s+recommendation",
    re.I,
)


def stated_rec_in(text: str) -> str:
    """`R5.` / `Rec 5` / `TALENT Recommendation 5: ...` at the start of a cell -> `R5`, else ""."""
    found = _REC.match(text or "")
    if not found:
        return ""
    number = int(found.group(1))
    return f"R{number}" if 1 <= number <= MAX_REC else ""


def stated_rec_aside(text: str) -> str:
    """A recommendation named in brackets anywhere in the text: "... job families (R9)." -> R9."""
    for hit in _REC_ASIDE.finditer(text or ""):
        number = int(hit.group(1))
        if 1 <= number <= MAX_REC:
            return f"R{number}"
    return ""


def is_rec_value(text: str) -> bool:
    """A cell that is nothing but stated recommendation references: "R12.", "Rec 4",
    "TALENT Recommendation 12", "R3, R9", "R3 & R9"."""
    rest = (text or "").strip()
    if not rest or not stated_rec_in(rest):
        return False
    while rest:
        hit = _REC.match(rest)
        if not hit or not stated_rec_in(rest):
            return False
        after = rest[hit.end() :]
        if hit.group(0).endswith("."):
            after = re.sub(r"^\d{1,2}\b", "", after)  # "R5.2": a targeted recommendation under R5
        rest = re.sub(r"^(?:\.\d)?\s*(?:,|;|&|and|/)?\s*", "", after, flags=re.I)
    return True


def declared_markers(lines: list[str]) -> tuple[str, ...]:
    """Markers the plan's footnotes declare for Commission recommendations, plus the usual `*TCR`."""
    found = []
    for line in lines:
        hit = _FOOTNOTE.match(line or "")
        if hit:
            marker = re.sub(r"\s+", "", hit.group("marker"))
            if marker and marker not in found:
                found.append(marker)
    return tuple(found) + tuple(m for m in _MARKERS_DEFAULT if m not in found)


def split_marker(text: str, markers: tuple[str, ...]) -> tuple[str, bool]:
    """Remove a Commission-recommendation marker standing as its own token; say if one was there."""
    if not text:
        return text, False
    for marker in markers:
        if marker.isalpha():
            pattern = rf"(?<![\w*])\(?{re.escape(marker)}\)?(?!\w)"
        elif marker.strip("*\u2020\u2021#^"):
            pattern = rf"(?<!\w){re.escape(marker)}(?!\w)"
        else:
            # a bare symbol only counts at the very end of the text ("... pathways.*"), never as a bullet
            pattern = rf"(?<=[\w.)])\s*{re.escape(marker)}\s*$"
        new, count = re.subn(pattern, "", text)
        if count:
            new = re.sub(r"[ \t]+([.,;:])", r"\1", new)
            return re.sub(r"[ \t]{2,}", " ", new).strip(), True
    return text, False
