"""PDF reader: page reading, layout evidence, table structure and joins across pages.

`read_pdf` is the entry point; the modules behind it are internal to the extract stage.
"""

from .reader import read_pdf

__all__ = ["read_pdf"]
