"""Actions printed as cards, not in a table: a line with the action's ref and text, then one line
of labelled fields ("Owner: HR | Due: Jan 2024 | Status: Complete"). Turned into an ordinary
header + rows table (pillar headings as rows spanning it) so every table rule applies unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .keyvalue import field_of

_FIELD_SEP = re.compile(r"\s+[|\u2022\u00b7;]\s+|\s*\|\s*|\s{3,}")
_LABEL = re.compile(r"^\s*([A-Z][\w ()/&'\u2019-]{0,30}?)\s*:\s*(\S.*)$")
_REF_START = re.compile(r"^\s*((?:[A-Z]{1,3}[.\s-]?)?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)[.):]?\s+(?=\S)")
MIN_FIELDS = 2
MIN_CARDS = 2


def field_line(text: str) -> list[tuple[str, str]] | None:
    """ "Owner: HR | Due: Jan 2024" -> [("Owner", "HR"), ("Due", "Jan 2024")]; None unless every
    part is "label: value" and at least two labels name a plan field."""
    pairs = []
    for part in _FIELD_SEP.split(text.strip()):
        hit = _LABEL.match(part)
        if not hit:
            return None
        pairs.append((hit.group(1).strip(), hit.group(2).strip()))
    return pairs if sum(1 for label, _ in pairs if field_of(label)) >= MIN_FIELDS else None


@dataclass
class _Card:
    ref: str
    text: list[str]
    page: int | None
    fields: list[tuple[str, str]]


def card_rows(
    lines: list[tuple[str, int | None]], is_heading: Callable[[str], bool]
) -> list[tuple[list[str], int | None]] | None:
    """[(cells, page)] with a header row first; None when fewer than two cards are printed."""
    found: list[_Card | str] = []  # cards, and the headings between them
    pending: _Card | None = None
    for text, page in lines:
        fields = field_line(text)
        if fields is not None:
            if pending is not None:
                pending.fields = fields
                found.append(pending)
            pending = None
            continue
        hit = _REF_START.match(text)
        if hit:
            pending = _Card(hit.group(1), [text[hit.end() :]], page, [])
        elif is_heading(text):
            pending = None
            found.append(text)
        elif pending is not None:
            pending.text.append(text)  # the action wrapped onto the next line
    cards = [c for c in found if isinstance(c, _Card)]
    if len(cards) < MIN_CARDS:
        return None
    labels = list(dict.fromkeys(label for card in cards for label, _ in card.fields))
    header = ["Ref", "Action", *labels]
    rows: list[tuple[list[str], int | None]] = [(header, cards[0].page)]
    for item in found:
        if isinstance(item, str):
            rows.append(([item] * len(header), None))
            continue
        values = dict(item.fields)
        rows.append(([item.ref, " ".join(item.text), *(values.get(k, "") for k in labels)], item.page))
    return rows
