"""talentmap: Technician Commitment action plans -> one dataset tagged with TALENT recommendations.

Notebook API: `read_plan(path)` for one file, `refresh(raw, out)` for a folder. Imports are lazy so
that `import talentmap.extract` in a worker does not pull in pandas and the matcher.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .columns import COLUMNS

# The stage packages live beside this folder (extract/, normalise/, mapping/) and become
# talentmap.<stage> through pyproject's package-dir when installed. Run from a source checkout
# (`python -m talentmap.cli` or `python -m pytest` in the project root, or a worker process started
# there) this folder shadows the installed package, so let talentmap.<stage> find the siblings.
_HERE = Path(__file__).resolve().parent
if not (_HERE / "extract").is_dir() and (_HERE.parent / "extract" / "model.py").is_file():
    __path__.append(str(_HERE.parent))

if TYPE_CHECKING:
    import pandas as pd

    from .batch import RefreshSummary

__all__ = ["COLUMNS", "read_plan", "refresh"]
__version__ = "0.1.0"


def read_plan(path: str | Path) -> pd.DataFrame:
    """One plan as a DataFrame with the columns of actions.csv; raises `PipelineError` if unreadable."""
    from .outputs import actions_frame
    from .pipeline import process_file

    path = Path(path)
    return actions_frame(process_file(path, path.name).rows)


def refresh(
    raw: str | Path = "data/raw", out: str | Path = "data/processed", **options: object
) -> RefreshSummary:
    """Process every plan under `raw` into `out` (see `talentmap refresh --help` for the options)."""
    from .batch import refresh as run_refresh

    return run_refresh(raw, out, **options)
