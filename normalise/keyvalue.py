"""Form-style tables: one action per small table, its fields as rows ("Action | Run a showcase",
"Lead | HR", "Timescale | 2024"). Turned into an ordinary header + rows table so every other rule
applies unchanged."""

from __future__ import annotations

import re

from .headers import FUZZY_THRESHOLD, header_key, header_matches

MIN_KEYS = 3


def field_of(label: str) -> str:
    found = header_matches(label) if label and len(label) <= 60 else []
    return found[0].field if found and found[0].score >= FUZZY_THRESHOLD else ""


def transpose_key_values(rows: list[list[str]]) -> list[list[str]] | None:
    """Rows of (field name, value) -> [header, record, record, ...]; None when the table is not
    form-style (fewer than three field names down its first column, or no action among them)."""
    pairs = []
    for cells in rows:
        filled = [c.strip() for c in cells if c.strip()]
        if len(filled) == 1 and len(cells) > 1 and all(c.strip() in ("", filled[0]) for c in cells):
            continue  # a title spanning the form ("Action 3")
        if len(cells) < 2 or len({c.strip() for c in cells[1:] if c.strip()}) > 1:
            return None  # more than one value per row: an ordinary table
        value = next((c.strip() for c in cells[1:] if c.strip()), "")
        pairs.append((cells[0].strip(), value))
    fields = [field_of(label) for label, _ in pairs]
    named = [f for f in fields if f]
    if len(named) < MIN_KEYS or len(set(named)) < MIN_KEYS or "action" not in named:
        return None
    if len(named) * 5 < len(pairs) * 3:
        return None  # most labels must name a field
    header: list[str] = []
    records: list[dict[str, str]] = [{}]
    for (label, value), _field in zip(pairs, fields, strict=True):
        if label in records[-1]:
            records.append({})  # the same field again: the next action's form
        records[-1][label] = value
        if label not in header:
            header.append(label)
    return [header] + [[rec.get(label, "") for label in header] for rec in records]


def describes_columns(rows: list[list[str]], other_headers: list[list[str]]) -> bool:
    """A form whose field names are another table's column headers ("Action | Describe the
    action ...", "Lead | Name the owner ..."): a guide to filling in that table, not an action."""
    labels = {header_key(cells[0]) for cells in rows if cells and field_of(cells[0].strip())}
    for header in other_headers:
        keys = {header_key(c) for c in header if c.strip()}
        if len(labels & keys) >= MIN_KEYS:
            return True
    return False


_LABELLED = re.compile(r"^\s*([A-Z][\w ()/&'\u2019-]{0,40}?)\s*:\s+(\S.*)$")


def labelled_lines(texts: list[str], is_heading) -> list[list[str]] | None:  # noqa: ANN001
    """Actions written as labelled paragraphs ("Action: ...", "Lead: ...", "Timescale: ...") ->
    [header, record, ...], with pillar headings kept as rows spanning the table; None when the
    text holds fewer than two such actions."""
    rows: list[list[str]] = []  # (label, value) pairs and ("", heading) markers, in order
    for text in texts:
        hit = _LABELLED.match(text)
        if hit and field_of(hit.group(1)):
            rows.append([hit.group(1), hit.group(2)])
        elif is_heading(text):
            rows.append(["", text])
        elif rows and rows[-1][0]:
            rows[-1][1] += "\n" + text  # a value wrapped onto the next line
    pairs = [r for r in rows if r[0]]
    form = transpose_key_values([list(p) for p in pairs])
    if form is None or len(form) < 3:
        return None
    header, out, keys_seen = form[0], [form[0]], []
    for label, value in rows:
        if not label:
            out.append([value] * len(header))
            continue
        if label in keys_seen or not keys_seen:
            out.append([""] * len(header))
            keys_seen = []
        keys_seen.append(label)
        out[-1][header.index(label)] = value
    return out
