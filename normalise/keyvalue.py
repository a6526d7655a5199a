"""Form-style tables: one action per small table, its fields as rows ("Action | Run a showcase",
"Lead | HR", "Timescale | 2024"). Turned into an ordinary header + rows table so every other rule
applies unchanged."""

from __future__ import annotations

from .headers import FUZZY_THRESHOLD, header_matches

MIN_KEYS = 3


def _field_of(label: str) -> str:
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
    fields = [_field_of(label) for label, _ in pairs]
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
