"""Rows that a page break split or run into a repeated header, and how to put them back together.

Word-exported PDFs break long rows across pages; the top of the row lands on the next page with no
reference of its own (or, in text-column extraction, on the same line as the repeated header).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaning import clean_cell, is_bullet_line
from .layout import Layout
from .status import is_status_value


@dataclass(frozen=True)
class RowItem:
    """A data row waiting to become a record: its cleaned cells and the layout that reads them."""

    cells: tuple[str, ...]
    page: int | None
    layout: Layout
    theme: str
    extractor: str
    heading: str = ""  # a heading row above it in a table without an objective column


_SENTENCE_END = re.compile(r"[.!?:;][\"'\u2019\u201d)\]]*$")


_UNFINISHED = re.compile(
    r"(?:[,/&(\-\u2013]|\b(?:and|or|of|the|to|for|with|in|on|a|an|by|as|at|from|e\.g\.|i\.e\.|such as))$",
    re.I,
)
_CODE = re.compile(r"^[A-Z]{1,5}[-.]?\d{1,3}(?:[.\-]\d{1,3})*[a-z]?$")


def _carries_on(text: str, before: str, lower_is_usual: bool = False) -> bool:
    """Strong sign of a page-break split: the text opens in lower case or punctuation (unless the
    column's cells usually do: "to raise ..."), or the text above stops where no sentence can
    ("... e.g., Senior/", "... and")."""
    first = text.lstrip()[:1]
    if (first.islower() and not lower_is_usual) or (first and first in ",;:)(-\u2013&/"):
        return True
    return bool(before.strip()) and bool(_UNFINISHED.search(before.rstrip()))


def lower_case_columns(items: list[RowItem], n: int) -> set[int]:
    """Columns whose cells mostly open in lower case, so a lower-case opening proves nothing there."""
    out = set()
    for col in range(n):
        starts = [it.cells[col].lstrip()[:1] for it in items if col < len(it.cells) and it.cells[col].strip()]
        if starts and sum(ch.islower() for ch in starts) * 2 >= len(starts):
            out.add(col)
    return out


def _may_carry_on(text: str, before: str) -> bool:
    """Weak sign: a new bullet under a bulleted cell, or text above without a full stop."""
    if not before.strip():
        return False
    return _is_bullet(text) or not _SENTENCE_END.search(before.rstrip())


def _split_code(text: str, before: str) -> bool:
    """A reference broken over the page: "CA" above, "R-03" here."""
    before, text = before.strip(), text.strip()
    return (
        bool(before)
        and before.isupper()
        and not any(ch.isdigit() for ch in before)
        and bool(_CODE.match(before + text))
    )


def _is_bullet(text: str) -> bool:
    return is_bullet_line(text.lstrip()[:2] + " ")


IDENTITY_FIELDS = ("ref", "stated_rec", "objective")


def is_page_fragment(
    cells: list[str],
    page: int | None,
    previous: RowItem | None,
    layout: Layout,
    identity_always: bool,
    ref_always: bool = False,
    lower_usual: frozenset[int] = frozenset(),
) -> bool:
    """The top of a row that a page break split: first row on a new page, no reference of its own,
    and its text carrying on from the row above.

    Every filled cell must (at least weakly) carry on from the cell above; and one must do so
    strongly, unless every row so far named itself (ref, recommendation or objective) and this
    one does not.
    """
    if previous is None or page is None or previous.page is None or page <= previous.page:
        return False
    if previous.layout.n_cols != len(cells):
        return False
    identity = [c for c, r in enumerate(layout.roles) if r.field in IDENTITY_FIELDS]
    filled = [c for c, text in enumerate(cells) if text.strip()]
    named = [c for c in filled if c in identity and layout.roles[c].field != "objective"]
    if not filled or any(not _split_code(cells[c], previous.cells[c]) for c in named):
        return False
    if ref_always and layout.has("ref") and not named:
        return True  # every row so far had its reference: one without is the rest of the row above
    strong = [c for c in filled if c in named or _carries_on(cells[c], previous.cells[c], c in lower_usual)]
    weak = [c for c in filled if c not in strong and _may_carry_on(cells[c], previous.cells[c])]
    if len(strong) + len(weak) != len(filled):
        return False
    if strong:
        return True
    return identity_always and not any(cells[c].strip() for c in identity)


def _strip_prefix(text: str, prefix: str) -> str | None:
    """`text` without a leading `prefix`, comparing letters only (spacing and case may differ)."""
    want = [ch.casefold() for ch in prefix if not ch.isspace()]
    pos = 0
    for i, ch in enumerate(text):
        if pos == len(want):
            return text[i:].strip()
        if ch.isspace():
            continue
        if ch.casefold() != want[pos]:
            return None
        pos += 1
    return "" if pos == len(want) else None


def after_repeated_header(cells: list[str], header: tuple[str, ...]) -> list[str] | None:
    """A header printed again on a new page, with the top of a split row run into it: the rest of
    each cell; None if the row does not start with the header."""
    named = [c for c, h in enumerate(header) if h.strip()]
    if len(named) < 2 or len(header) != len(cells):
        return None
    rest = list(cells)
    for c in named:
        stripped = _strip_prefix(cells[c], header[c])
        if stripped is None:
            return None
        rest[c] = stripped
    return rest


def continues_heading(cells: list[str]) -> bool:
    """The rest of a heading row that a page break split ("technical expertise is fully utilised")."""
    filled = [c for c in cells if c.strip()]
    first_only = len(filled) == 1 and cells[0].strip() != ""
    spanning = len(set(filled)) == 1 and len(filled) == len(cells)
    return bool(filled) and (first_only or spanning) and _carries_on(filled[0], "")


def _join_cell(above: str, below: str) -> str:
    """Wrapped-line rules, except a word broken inside a narrow cell ("Gre" / "en")."""
    if not (above and below):
        return above or below
    if is_status_value(above + below) and not is_status_value(f"{above} {below}"):
        return above + below
    return clean_cell(above + "\n" + below)


def merge_rows(previous: RowItem, cells: list[str]) -> RowItem:
    """The row above with the fragment's text appended cell by cell."""
    joined = tuple(_join_cell(a, b) for a, b in zip(previous.cells, cells, strict=True))
    return RowItem(
        joined, previous.page, previous.layout, previous.theme, previous.extractor, previous.heading
    )
