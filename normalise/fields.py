"""Row cells -> an action record's fields: refs, status through the legend, stated recommendations,
objectives drawn once for a group of actions."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .centred import GROUP_FIELDS, centred_group_fills
from .cleaning import clean_ref
from .fragments import RowItem
from .headers import FUZZY_THRESHOLD, header_matches
from .layout import Layout
from .model import ActionRecord
from .stated import is_rec_value, split_marker, stated_rec_aside, stated_rec_in
from .status import normalise_status, rejoin_broken_status
from .themes import theme_cell_pillar


@dataclass(frozen=True)
class PlanContext:
    """Plan-level facts the rows need: the printed legend and recommendation markers."""

    legend: tuple[tuple[str, str], ...] = ()
    markers: tuple[str, ...] = ()


def record_fields(cells: list[str], layout: Layout, ctx: PlanContext, theme: str) -> dict:
    """One row's record fields; columns of no field, and unreadable stated references, go to extra."""
    values: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for col, role in enumerate(layout.roles):
        value = cells[col] if col < len(cells) else ""
        name = role.header or f"column {col + 1}"
        if role.field == "extra":
            parts = labelled_parts(value)
            if parts is None:
                extra.append((name, value))
                continue
            for label, field, text in parts:
                if field and field not in values and not layout.has(field):
                    values[field] = text
                else:
                    extra.append((label or name, text))
        elif role.field == "theme":
            pillar = theme_cell_pillar(value)
            values["theme"] = pillar
            if value and not pillar:
                extra.append((name, value))
        elif role.field not in values:
            values[role.field] = value
    fields: dict = {
        k: values.get(k, "")
        for k in ("ref", "objective", "action", "measure", "lead", "timescale", "progress")
    }
    if not layout.has("ref") and not fields["ref"]:
        fields["ref"], fields["action"] = split_typed_ref(fields["action"])
    fields["ref"] = clean_ref(fields["ref"])
    fields["theme"] = values.get("theme") or theme
    raw_status = rejoin_broken_status(values.get("status", "").strip(), ctx.legend)
    fields["status_raw"] = raw_status
    fields["status"] = normalise_status(raw_status, ctx.legend)
    stated = stated_rec_in(values.get("stated_rec", ""))
    if not stated and "TCR" in values.get("stated_rec", "").upper():
        stated = "TCR"
    if not stated and values.get("stated_rec", ""):
        extra.insert(
            0,
            (
                next(r.header for r in layout.roles if r.field == "stated_rec") or "stated_rec",
                values["stated_rec"],
            ),
        )
    stated = stated or stated_rec_in(fields["objective"]) or stated_rec_aside(fields["objective"])
    stated = stated or stated_rec_aside(fields["action"])
    for key in ("objective", "action"):
        fields[key], marked = split_marker(fields[key], ctx.markers)
        if marked and not stated:
            stated = "TCR"
    fields["stated_rec"] = stated
    fields["extra"] = tuple(extra)
    return fields


_LABEL = re.compile(r"(?:^|(?<=\s))([A-Z][A-Za-z'\u2019&/ -]{1,40}?)\s*:\s+(?=\S)")


def labelled_parts(text: str) -> list[tuple[str, str, str]] | None:
    """A cell of labelled parts ("Delivery: Semester 2 Success Measure: 20 registrations"):
    (label, field or "", text) per part, text before the first label under the label "". None
    unless the cell opens with a label and at least one label names a field."""
    hits = [h for h in _LABEL.finditer(text or "") if len(h.group(1).split()) <= 4]
    if not hits or text[: hits[0].start()].strip():
        return None
    parts = []
    for k, hit in enumerate(hits):
        end = hits[k + 1].start() if k + 1 < len(hits) else len(text)
        matches = header_matches(hit.group(1))
        field = matches[0].field if matches and matches[0].score >= FUZZY_THRESHOLD else ""
        parts.append((hit.group(1).strip(), field, text[hit.end() : end].strip()))
    return parts if any(field for _, field, _ in parts) else None


_TYPED_REF = re.compile(
    r"^\s*((?:[A-Z]{1,3}\s?)?\d{1,2}(?:\.\d{1,2}){1,3}[a-z]?|[A-Z]{1,3}\d{1,2}[a-z]?|\d{1,2}[.)])[.):]?\s+(?=[A-Z\u2018\u201c\"'])"
)
_ANOTHER_ITEM = re.compile(r"\n\s*\d{1,2}[.)]\s")


def split_typed_ref(action: str) -> tuple[str, str]:
    """A reference typed at the start of the action when the plan has no ref column ("1.2 Deliver
    ..."): (ref, the rest). A "1." that opens a numbered list inside the cell stays in the text."""
    hit = _TYPED_REF.match(action or "")
    if not hit or (hit.group(1)[-1] in ".)" and _ANOTHER_ITEM.search(action)):
        return "", action
    if is_rec_value(hit.group(1)) or re.fullmatch(r"Q[1-4]", hit.group(1)):
        return "", action  # a TALENT recommendation ("R7") or a quarter, not the action's own ref
    return hit.group(1), action[hit.end() :]


def records_from_items(items: list[RowItem], ctx: PlanContext) -> list[ActionRecord]:
    """Number the rows and read their fields; an objective printed once for a group of actions
    (a merged cell drawn once) applies to the actions under it."""
    records: list[ActionRecord] = []
    carried: dict[str, str] = {}
    carried_theme = ""
    previous: RowItem | None = None
    fills = centred_group_fills(items)
    for item, fill in zip(items, fills, strict=True):
        cells = list(item.cells)
        for col, value in fill.items():
            cells[col] = value
        same_group = (
            previous is not None
            and previous.layout.roles == item.layout.roles
            and (previous.theme == item.theme)
        )
        group_cols = [c for c, r in enumerate(item.layout.roles) if r.field in GROUP_FIELDS]
        if any(cells[c].strip() for c in group_cols):
            carried = {item.layout.roles[c].field: cells[c] for c in group_cols}
        elif same_group:
            for col in group_cols:
                cells[col] = carried.get(item.layout.roles[col].field, "")
        else:
            carried = {}
        for col, role in enumerate(item.layout.roles):
            if role.field == "theme":
                if theme_cell_pillar(cells[col]):
                    carried_theme = theme_cell_pillar(cells[col])
                elif cells[col].strip():
                    carried_theme = ""  # a printed theme that is no pillar ends the pillar above
                elif same_group and not cells[col].strip():
                    cells[col] = carried_theme
        fields = record_fields(cells, item.layout, ctx, item.theme)
        if not fields["objective"] and item.heading:
            fields["objective"] = item.heading
        records.append(ActionRecord(row=len(records) + 1, page=item.page, extractor=item.extractor, **fields))
        previous = item
    return _without_section_numbers(records, [item.heading for item in items])


_SECTION_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?)[.):]?\s+(?=\S)")


def section_number(heading: str, refs: list[str]) -> str:
    """The number a section row prints before its objective ("1  Make technical work seen ...")
    when the actions under it are numbered from it (1.1, 1.2): the section's own ref, not its text."""
    hit = _SECTION_NUMBER.match(heading or "")
    if not hit:
        return ""
    under = re.compile(rf"{re.escape(hit.group(1))}(?:\.\d|[a-z]\b)")
    return hit.group(0) if any(under.match(ref) for ref in refs) else ""


def _without_section_numbers(records: list[ActionRecord], headings: list[str]) -> list[ActionRecord]:
    """Objectives taken from numbered section rows, without the section number."""
    refs: dict[str, list[str]] = {}
    for record, heading in zip(records, headings, strict=True):
        if heading and record.objective == heading:
            refs.setdefault(heading, []).append(record.ref)
    prefixes = {heading: section_number(heading, found) for heading, found in refs.items()}
    return [
        replace(r, objective=r.objective[len(prefixes[h]) :])
        if h and r.objective == h and prefixes.get(h)
        else r
        for r, h in zip(records, headings, strict=True)
    ]
