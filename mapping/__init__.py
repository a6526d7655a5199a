"""Action -> TALENT Commission recommendation (`RecMatch`)."""

from .model import MappingQuery, Override, RecMatch

__all__ = ["MappingQuery", "Override", "RecMatch"]
