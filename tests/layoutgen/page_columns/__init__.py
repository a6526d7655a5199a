"""Opt-in look set `page_columns`: the plan's table on a page whose prose is set in columns.

Never in the default draw (`layout_generator.py --looks page_columns`). Three arrangements:

- `prose_columns`: the title full width, the page's prose (intro, closing text) in two text
  columns above and/or below a full-width table;
- `float`: a narrow table floated into one column of a two-column page, body text beside it in
  the other (and under it, full width, when the text runs longer than the table);
- `sidebar`: the table beside a shaded prose sidebar (a fixed column of its own).

A sample draws the same plan and table look as the default seed would (then a narrow table's look
is adjusted: landscape for a wide scheme, a font of at most 9pt) and a page look on top. The
truth is the plan's records, as for every sample. This package lives in a folder of its own so
the default generator's version (a hash of `tests/layoutgen/*.py`) does not change with it; its
cache directory carries its own source hash beside that version.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from ..choose import Chooser, SeededChooser
from ..look import Look, make_look
from ..plan import Plan, make_plan
from ..sample import GENERATOR_VERSION, Sample
from . import prose

HERE = Path(__file__).resolve().parent
ARRANGEMENTS = ("prose_columns", "float", "sidebar")
PRODUCERS = ("chromium",)
SIDEBAR_FILLS = ("E7EEF7", "F2F2F2", "EAF1DD", "FDF2E0")


@dataclass(frozen=True)
class PageLook:
    arrangement: str  # one of ARRANGEMENTS
    producer: str
    above: tuple[str, ...]  # prose paragraphs before the table (prose_columns) / beside it
    below: tuple[str, ...]  # prose paragraphs after the table (prose_columns only)
    gap_pt: float  # the gutter between the page's columns
    column_rule: bool  # a rule down the gutter of the prose columns
    prose_justify: bool
    table_side: str  # left | right (float, sidebar)
    table_share: float  # the table's share of the text width (float, sidebar)
    sidebar_fill: str  # "" for none (sidebar)
    sidebar_heading: str

    def describe(self) -> str:
        text = f"page={self.arrangement} gap={self.gap_pt:g}pt"
        if self.arrangement == "prose_columns":
            text += f" prose_above={len(self.above)} prose_below={len(self.below)}"
            text += " column_rule" if self.column_rule else ""
        else:
            text += f" table_{self.table_side} share={self.table_share:g} prose={len(self.above)}"
        return text + (" prose_justified" if self.prose_justify else "")

    def features(self) -> dict[str, str]:
        return {
            "page": self.arrangement,
            "table_side": self.table_side if self.arrangement != "prose_columns" else "full",
            "prose_justify": "yes" if self.prose_justify else "no",
        }

    @classmethod
    def from_dict(cls, data: dict) -> PageLook:
        return cls(**{**data, "above": tuple(data["above"]), "below": tuple(data["below"])})


@dataclass(frozen=True)
class ColumnsSample(Sample):
    page: PageLook

    @property
    def name(self) -> str:
        return f"pagecols_{self.seed:05d}"

    def truth(self) -> dict:
        data = super().truth()
        data["plan_id"] = self.name
        data["page_look"] = asdict(self.page)
        data["look_description"] = f"{self.look.describe()} {self.page.describe()}"
        data["look_set"] = f"page_columns-{LOOKSET_VERSION}"
        return data


def make_page(ch: Chooser, plan: Plan, look: Look) -> tuple[Look, PageLook]:
    arrangement = ch.pick(ARRANGEMENTS)
    gap = ch.pick((10.0, 14.0, 18.0, 24.0))
    justify = ch.chance(0.5)
    if arrangement == "prose_columns":
        where = ch.pick(("above", "below", "both", "both"))
        above = prose.paragraphs(ch, plan, ch.integer(1, 3)) if where != "below" else ()
        below = prose.paragraphs(ch, plan, ch.integer(1, 3), closing=True) if where != "above" else ()
        page = PageLook(
            arrangement, ch.pick(PRODUCERS), above, below, gap, ch.chance(0.25), justify, "left", 1.0, "", ""
        )
        return look, page
    # a narrow table: a wide scheme goes landscape, the table's text at most 9pt
    narrow = replace(
        look,
        landscape=look.landscape or len(plan.columns) > 4,
        font_size=min(look.font_size, 9.0),
        header_size=min(look.header_size, 9.0),
    )
    side = ch.pick(("left", "right"))
    if arrangement == "float":
        share = ch.pick((0.55, 0.6, 0.62, 0.66)) if len(plan.columns) > 3 else ch.pick((0.5, 0.55, 0.6))
        above = prose.paragraphs(ch, plan, ch.integer(3, 7))
        page = PageLook(arrangement, ch.pick(PRODUCERS), above, (), gap, False, justify, side, share, "", "")
    else:
        share = ch.pick((0.66, 0.7, 0.72, 0.75))
        above = prose.paragraphs(ch, plan, ch.integer(1, 3), short=True)
        page = PageLook(
            arrangement,
            ch.pick(PRODUCERS),
            above,
            (),
            gap,
            False,
            justify,
            side,
            share,
            ch.pick(("", *SIDEBAR_FILLS)),
            ch.pick(prose.SIDEBAR_HEADINGS),
        )
    return narrow, page


def make_sample(seed: int) -> ColumnsSample:
    """Seed N's plan and table look (as the default draw makes them, producer aside) on a page
    of columns."""
    ch = SeededChooser(seed)
    plan = make_plan(ch)
    look = make_look(ch, plan, PRODUCERS)
    look, page = make_page(ch, plan, look)
    return ColumnsSample(seed, plan, look, page)


def _version() -> str:
    digest = hashlib.sha256()
    for path in sorted(HERE.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:8]


LOOKSET_VERSION = _version()


def default_cache() -> Path:
    return (
        Path(tempfile.gettempdir())
        / "talentmap-layoutgen"
        / f"{GENERATOR_VERSION}-page_columns-{LOOKSET_VERSION}"
    )


def render(samples_: list[ColumnsSample], out_dir: Path) -> dict[int, tuple[Path, ColumnsSample]]:
    """Render to `out_dir/<name>.pdf` with the truth in `<name>.json` (kept when already there
    with the same page look)."""
    from . import render_html

    out_dir.mkdir(parents=True, exist_ok=True)
    done = {}
    for s in samples_:
        pdf, truth = out_dir / f"{s.name}.pdf", out_dir / f"{s.name}.json"
        if pdf.exists() and truth.exists():
            cached = json.loads(truth.read_text())
            if PageLook.from_dict(cached["page_look"]) == s.page:
                done[s.seed] = (pdf, s)
                continue
        page = out_dir / f"{s.name}.html"
        render_html.write_html(s.plan, s.look, s.page, page)
        render_html.print_pdf(page, pdf, s.look.furniture)
        truth.write_text(json.dumps(s.truth(), indent=1, ensure_ascii=False))
        done[s.seed] = (pdf, s)
    return done


def sample_from_truth(data: dict) -> tuple[Look, PageLook]:
    return Look.from_dict(data["look"]), PageLook.from_dict(data["page_look"])
