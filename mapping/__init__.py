"""Action -> TALENT Commission recommendation (`RecMatch`): stated, verbatim, similarity, override."""

from .matcher import Matcher
from .model import MappingQuery, Override, RecMatch
from .overrides import apply_overrides, duplicate_overrides, load_overrides
from .reference import (
    Recommendation,
    Reference,
    TargetedRecommendation,
    load_reference,
    recommendations_rows,
    write_recommendations_csv,
)

__all__ = [
    "MappingQuery",
    "Matcher",
    "Override",
    "RecMatch",
    "Recommendation",
    "Reference",
    "TargetedRecommendation",
    "apply_overrides",
    "duplicate_overrides",
    "load_overrides",
    "load_reference",
    "recommendations_rows",
    "write_recommendations_csv",
]
