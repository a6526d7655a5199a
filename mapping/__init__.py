"""Action -> TALENT Commission recommendation (`RecMatch`): stated, verbatim, similarity, override."""

from .confidence import ConfidenceModel, load_confidence_model
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
    "ConfidenceModel",
    "MappingQuery",
    "Matcher",
    "Override",
    "RecMatch",
    "Recommendation",
    "Reference",
    "TargetedRecommendation",
    "apply_overrides",
    "duplicate_overrides",
    "load_confidence_model",
    "load_overrides",
    "load_reference",
    "recommendations_rows",
    "write_recommendations_csv",
]
