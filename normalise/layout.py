"""A table's shape: which row is the header, which rows are pillar headings, what each column is."""

from __future__ import annotations

from dataclasses import dataclass

from .headers import header_matches, header_word_matches
from .roles import ColumnRole, infer_roles
from .themes import heading_pillar, is_pillar_name

HEADER_SCAN_ROWS = 4
HEADER_CELL_MAX = 100


@dataclass(frozen=True)
class Layout:
    """The roles of a table's columns, and the header that named them (to spot a repeat)."""

    roles: tuple[ColumnRole, ...]
    header: tuple[str, ...] = ()
    carried_from: int | None = None

    @property
    def n_cols(self) -> int:
        return len(self.roles)

    def has(self, name: str) -> bool:
        return any(r.field == name for r in self.roles)


def section_theme(cells: list[str]) -> str | None:
    """A heading row spanning the table ("Visibility Ensure that ..."): its pillar, "" if it names
    none, None if the row is not a heading row."""
    filled = [c for c in cells if c.strip()]
    if not filled:
        return None
    spanning = len(cells) > 1 and len(set(filled)) == 1 and len(filled) == len(cells)
    first_only = len(filled) == 1 and cells[0].strip() != ""
    if not (spanning or first_only):
        return _split_heading_pillar(cells)
    pillar = heading_pillar(filled[0])
    if pillar:
        return pillar
    return "" if spanning and len(filled[0]) <= 200 else None


def _split_heading_pillar(cells: list[str]) -> str | None:
    """A pillar heading row that the column rules cut into pieces ("Theme" | "1 - Visibility" | ""
    | "", "Career" | "Development" | ""): the first cells filled, the rest blank, and together
    nothing but a pillar's name. None for any other row."""
    filled = [c for c, text in enumerate(cells) if text.strip()]
    if len(filled) < 2 or filled != list(range(len(filled))) or len(filled) * 2 > len(cells):
        return None
    joined = " ".join(cells[c].strip() for c in filled)
    return heading_pillar(joined) if is_pillar_name(joined) else None


def is_title_row(cells: list[str]) -> bool:
    """A short line in the first cell only, above a header ("Technician Commitment Action Plan")."""
    filled = [c for c in cells if c.strip()]
    return len(filled) == 1 and cells[0].strip() != "" and len(cells[0]) <= 150 and len(cells) > 1


def is_header_row(cells: list[str]) -> bool:
    """Mostly short cells that name schema fields."""
    distinct = list(dict.fromkeys(c for c in cells if c.strip()))
    if not distinct or any(len(c) > HEADER_CELL_MAX for c in distinct):
        return False
    filled = [c for c, text in enumerate(cells) if text.strip()]
    if len(cells) >= 3 and len(distinct) < 2 and not (len(filled) == 1 and filled[0] > 0):
        return False  # one label across a wide table is a title or heading, not a header; one
        # label over a later column with the others blank is a header with blank cells
    named = sum(1 for c in distinct if header_matches(c))
    return named >= 1 and named * 2 >= len(distinct)


LABEL_MAX_CHARS = 40
LABEL_SENTENCE_END = (".", "!", "?", ";")


def is_label_row(cells: list[str], below: list[list[str]]) -> bool:
    """A header naming fields only in part ("Planned Activity | Internal Area | Pillars | Delivery &
    Success"): short labels, two of them holding a field's word, above longer data rows."""
    distinct = list(dict.fromkeys(c for c in cells if c.strip()))
    if len(distinct) < 2 or any(len(c) > LABEL_MAX_CHARS or c.endswith(LABEL_SENTENCE_END) for c in distinct):
        return False
    named = sum(1 for c in distinct if header_matches(c) or header_word_matches(c))
    body = [c for row in below[:10] for c in row if c.strip()]
    longer = bool(body) and sum(map(len, body)) / len(body) > 1.5 * sum(map(len, distinct)) / len(distinct)
    return named >= 2 and longer


def _columns(rows: list[list[str]], n: int) -> list[list[str]]:
    return [[r[c] if c < len(r) else "" for r in rows] for c in range(n)]


def pad(cells: list[str], n: int) -> list[str]:
    return (cells + [""] * n)[:n]


def build_layout(header: list[str], body: list[list[str]], n: int) -> Layout:
    """Roles from the header and the data rows (heading and header rows left out of the evidence)."""
    header = pad(header, n)
    data = [r for r in body if section_theme(r) is None and not is_header_row(r)]
    return Layout(roles=infer_roles(header, _columns(data, n)), header=tuple(header))


SUB_HEADER_CELL_MAX = 30


def is_sub_header(cells: list[str], layout: Layout) -> bool:
    """A second header row under a grouped one ("Progress" over "2022 | 2023"): short labels only,
    nothing under the action or reference columns, and not a pillar heading."""
    filled = [c for c, text in enumerate(cells) if text.strip()]
    if not filled or section_theme(cells) is not None:
        return False
    if any(len(cells[c]) > SUB_HEADER_CELL_MAX for c in filled):
        return False
    blocked = {c for c, r in enumerate(layout.roles) if r.field in {"action", "ref", "objective"}}
    return not blocked & set(filled)


def combine_header(top: list[str], sub: list[str]) -> list[str]:
    """ "Progress" over "2022" -> "Progress: 2022"; a label with nothing above keeps its own text."""
    out = []
    for above, below in zip(top, sub, strict=False):
        if above and below and above != below:
            out.append(f"{above}: {below}")
        else:
            out.append(below or above)
    return out
