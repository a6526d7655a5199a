"""talentmap: Technician Commitment action plans -> one dataset tagged with TALENT recommendations.

Notebook API: `read_plan(path)` for one file, `refresh(raw, out)` for a folder, `read_dataset(out)` for
what a refresh wrote; all frames carry the dtypes datapackage.json declares. Imports are lazy so that
`import talentmap.extract` in a worker does not pull in pandas and the matcher.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING

from .columns import COLUMNS

# The stage packages live beside this folder (extract/, normalise/, mapping/) and become
# talentmap.<stage> through pyproject's package-dir when installed. Run from a source checkout
# (`python -m talentmap.cli` or `python -m pytest` in the project root, or a worker process started
# there) this folder shadows the installed package, so let talentmap.<stage> find the siblings.
_HERE = Path(__file__).resolve().parent
if not (_HERE / "extract").is_dir() and (_HERE.parent / "extract" / "model.py").is_file():
    __path__.append(str(_HERE.parent))

if TYPE_CHECKING:
    from typing import TextIO

    import pandas as pd

    from .batch import RefreshSummary
    from .pipeline import PipelineError

__all__ = ["COLUMNS", "PipelineError", "RefreshSummary", "read_dataset", "read_plan", "refresh"]
__version__ = "0.1.0"

# names exported lazily (PEP 562): the module that defines each, imported on first use
_LAZY = {"PipelineError": "pipeline", "RefreshSummary": "batch", "EmptyRawFolderError": "batch"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'talentmap' has no attribute {name!r}")


def read_plan(source: str | Path | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """One plan as a typed DataFrame with the columns of actions.csv.

    `source` is a path or a binary file object (an upload, `open(f, "rb")`, `io.BytesIO`); `name` is
    the `source_file` to record (default: the file's name). Raises `FileNotFoundError` for a missing
    file and `PipelineError` (with `.stage`) for one that cannot be read as a plan.
    """
    from .dataset import typed_actions
    from .outputs import actions_frame
    from .pipeline import process_file, process_stream

    if hasattr(source, "read"):
        result = process_stream(source, name)
    else:
        path = Path(source)
        if not path.is_file():
            raise FileNotFoundError(f"no such file: {path}")
        result = process_file(path, name or path.name)
    return typed_actions(actions_frame(result.rows))


def read_dataset(out: str | Path = "data/processed") -> pd.DataFrame:
    """The dataset a refresh wrote into `out`, typed as read_plan's frames; `FileNotFoundError` if none."""
    from .dataset import read_dataset as read

    return read(out)


def refresh(
    raw: str | Path = "data/raw",
    out: str | Path = "data/processed",
    *,
    jobs: int | None = None,
    force: bool = False,
    timeout: float | None = 120.0,
    overrides: str | Path | None = None,
    allow_empty: bool = False,
    progress_stream: TextIO | None = None,
    pdf_reader: str | None = None,
) -> RefreshSummary:
    """Process every plan under `raw` into `out`, as `talentmap refresh` does.

    jobs: worker processes (default: the CPU cores available); force: ignore the cache;
    timeout: seconds allowed per file (None: no limit); overrides: analysts' overrides CSV (default
    `<raw>/../overrides.csv`); allow_empty: let a folder with no plans replace an existing dataset
    with an empty one; progress_stream: where progress goes (default stderr); pdf_reader: "pdfium"
    (the default) or "pdfplumber", the PDF page reader (`--reader`).
    Raises `FileNotFoundError` if `raw` is not a folder and `EmptyRawFolderError` if it holds no plan
    while `out` holds a dataset (unless `allow_empty`). Runs on Linux and macOS.
    """
    from .batch import refresh as run_refresh

    return run_refresh(
        raw,
        out,
        jobs=jobs,
        force=force,
        timeout=timeout,
        overrides=overrides,
        allow_empty=allow_empty,
        progress_stream=progress_stream,
        pdf_reader=pdf_reader,
    )
