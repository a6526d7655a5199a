"""A sample: one plan in one look, its truth, and its rendering (cached by seed)."""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from hypothesis import strategies as st

from .choose import Chooser, HypothesisChooser, SeededChooser
from .look import PRODUCERS, Look, make_look
from .plan import Plan, make_plan, truth_records

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Sample:
    seed: int  # -1 for a sample drawn by hypothesis
    plan: Plan
    look: Look

    @property
    def name(self) -> str:
        return f"layoutgen_{self.seed:05d}" if self.seed >= 0 else "layoutgen_drawn"

    def records(self) -> list[dict[str, str]]:
        return truth_records(self.plan)

    def truth(self) -> dict:
        """The truth JSON, in the shared corpus's format (plan_id, institution, period, columns,
        layout, actions), plus the look that drew it."""
        return {
            "plan_id": self.name,
            "institution": self.plan.institution,
            "period": self.plan.period,
            "columns": [c.header for c in self.plan.columns],
            "layout": {
                "kind": "table",
                "orientation": "landscape" if self.look.landscape else "portrait",
                "institution_printed": self.look.intro or self.look.furniture,
                "column_fields": list(self.plan.fields),
            },
            "look": self.look.as_dict(),
            "look_description": self.look.describe(),
            "generator": GENERATOR_VERSION,
            "actions": self.records(),
        }


def _draw(ch: Chooser, producers: tuple[str, ...]) -> tuple[Plan, Look]:
    plan = make_plan(ch)
    return plan, make_look(ch, plan, producers)


def make_sample(seed: int, producers: tuple[str, ...] = PRODUCERS) -> Sample:
    plan, look = _draw(SeededChooser(seed), producers)
    return Sample(seed, plan, look)


@st.composite
def samples(draw, producers: tuple[str, ...] = PRODUCERS) -> Sample:
    """Hypothesis strategy over the same space the seeds cover."""
    plan, look = _draw(HypothesisChooser(draw), producers)
    return Sample(-1, plan, look)


def _generator_version() -> str:
    """Hash of the generator's own source: a change to it invalidates every cached rendering."""
    digest = hashlib.sha256()
    for path in sorted(HERE.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


GENERATOR_VERSION = _generator_version()


def default_cache(producers: tuple[str, ...] = PRODUCERS) -> Path:
    """The rendering cache for samples drawn from `producers`: the default producers keep the
    plain generator-version directory, any other choice its own (a seed's look depends on it)."""
    name = GENERATOR_VERSION if producers == PRODUCERS else f"{GENERATOR_VERSION}-{'+'.join(producers)}"
    return Path(tempfile.gettempdir()) / "talentmap-layoutgen" / name


def render(samples_: list[Sample], out_dir: Path) -> dict[int, tuple[Path, Sample]]:
    """Render samples to `out_dir/<name>.pdf` with their truth in `<name>.json`, skipping those
    already there from the same producer (LibreOffice converts its batch in one run; Chromium
    and pdflatex print one by one). Returns seed -> (PDF, the sample as drawn: see `_drawable`
    for looks reportlab cannot draw, `render_latex.drawable` for what LaTeX draws)."""
    from . import render_docx, render_html, render_latex

    out_dir.mkdir(parents=True, exist_ok=True)
    done: dict[int, tuple[Path, Sample]] = {}
    docx_batch = []
    for s in samples_:
        pdf, truth = out_dir / f"{s.name}.pdf", out_dir / f"{s.name}.json"
        if pdf.exists() and truth.exists():
            cached = Look.from_dict(json.loads(truth.read_text())["look"])
            if cached.producer == s.look.producer:
                done[s.seed] = (pdf, replace(s, look=cached))
                continue
        if s.look.producer == "libreoffice":
            docx = out_dir / f"{s.name}.docx"
            render_docx.write_docx(s.plan, s.look, docx)
            docx_batch.append(docx)
        elif s.look.producer == "chromium":
            page = out_dir / f"{s.name}.html"
            render_html.write_html(s.plan, s.look, page)
            render_html.print_to_pdf(page, pdf, s.look.furniture)
        elif s.look.producer == "latex":
            s = replace(s, look=render_latex.drawable(s.look))
            render_latex.write_pdf(s.plan, s.look, pdf)
        else:
            s = _reportlab(s, pdf)
        truth.write_text(json.dumps(s.truth(), indent=1, ensure_ascii=False))
        done[s.seed] = (pdf, s)
    for start in range(0, len(docx_batch), 25):
        render_docx.convert_to_pdf(docx_batch[start : start + 25], out_dir)
    return done


def _drawable(look: Look) -> list[Look]:
    """The look, then what reportlab can draw instead when a merged cell is taller than a page
    (it cannot break a row span across pages): rows allowed to split, then values printed once."""
    return [look, replace(look, rows_split=True), replace(look, rows_split=True, group_style="once")]


def _reportlab(sample: Sample, pdf: Path) -> Sample:
    from reportlab.platypus.doctemplate import LayoutError

    from . import render_reportlab

    for look in _drawable(sample.look):
        try:
            render_reportlab.write_pdf(sample.plan, look, pdf)
            return replace(sample, look=look)
        except (LayoutError, TypeError):  # TypeError: reportlab's own split of spanned rows
            continue
    raise RuntimeError(f"reportlab cannot draw {sample.name}")
