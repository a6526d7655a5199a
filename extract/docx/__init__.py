"""Word reader: a .docx body, tables over the grid, running headers."""

from .reader import read_docx

__all__ = ["read_docx"]
