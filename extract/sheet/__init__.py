from .reader import read_sheet

__all__ = ["read_sheet"]
