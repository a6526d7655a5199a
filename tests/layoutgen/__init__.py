"""Property-based layout generator: random plans in random looks, each with its exact truth.

    from layoutgen import make_sample, render, samples, score_sample
    sample = make_sample(17)           # deterministic for a seed
    pdf = render([sample], cache)[17]  # LibreOffice (.docx), reportlab or Chromium (HTML)
    score_sample(sample.records(), talentmap.read_plan(pdf))

Importable from the tests (tests/ is on sys.path) and from benchmarks/ (which adds tests/ to it).
"""

from .look import Look
from .plan import Plan, truth_records
from .sample import GENERATOR_VERSION, Sample, default_cache, make_sample, render, samples
from .scoring import score_sample

__all__ = [
    "GENERATOR_VERSION",
    "Look",
    "Plan",
    "Sample",
    "default_cache",
    "make_sample",
    "render",
    "samples",
    "score_sample",
    "truth_records",
]
