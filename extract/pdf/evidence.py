"""A page's layout evidence, read once: its printed lines beside the words, rules and fills.

Every table and text step reads the same lines; grouping words into lines once per page and
handing the record on keeps them from disagreeing (and from redoing the work). A step that
works on part of the page (the words no table took) narrows the record with `keep`, which
keeps each line's words in order instead of grouping them again.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from .layout import PrintedLine, group_lines
from .page import PageData


@dataclass(frozen=True)
class PageLayout:
    page: PageData
    lines: tuple[PrintedLine, ...]

    def keep(self, word_ids: Collection[int]) -> tuple[PrintedLine, ...]:
        """The lines, holding only the words whose ids are given (lines left empty dropped)."""
        out = []
        for ln in self.lines:
            words = tuple(w for w in ln.words if id(w) in word_ids)
            if words:
                out.append(ln if len(words) == len(ln.words) else PrintedLine(words))
        return tuple(out)


def page_layout(page: PageData, line_tolerance: float) -> PageLayout:
    return PageLayout(page, tuple(group_lines(page.words, line_tolerance)))
