"""Web page reader: a saved .html/.htm page's headings, paragraphs, lists and tables."""

from .reader import read_html

__all__ = ["read_html"]
