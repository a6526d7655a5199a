"""OpenDocument text reader: an .odt's content.xml as the same `Document` the Word reader makes."""

from .reader import read_odt

__all__ = ["read_odt"]
