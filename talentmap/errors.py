"""One file that could not be processed: a row of errors.csv.

Kept in its own module so that batch, workers, cache and outputs can all name it without
importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileError:
    """`stage`: the pipeline stage that failed (`batch` for a timeout or crash); `error`: for a person."""

    source_file: str
    stage: str
    error: str
