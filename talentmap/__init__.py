"""talentmap: Technician Commitment action plans -> one dataset tagged with TALENT recommendations.

Notebook API: `read_plan(path)` for one file, `refresh(raw, out)` for a folder.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .batch import RefreshSummary, refresh
from .columns import COLUMNS

__all__ = ["COLUMNS", "RefreshSummary", "read_plan", "refresh"]
__version__ = "0.1.0"


def read_plan(path: str | Path) -> pd.DataFrame:
    """One plan as a DataFrame with the columns of actions.csv; raises `PipelineError` if unreadable."""
    from .outputs import actions_frame
    from .pipeline import process_file

    path = Path(path)
    return actions_frame(process_file(path, path.name).rows)
