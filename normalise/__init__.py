"""Raw tables -> action records in one schema (`Plan`)."""

from .model import THEMES, ActionRecord, ColumnDecision, Plan, TableExplanation

__all__ = ["THEMES", "ActionRecord", "ColumnDecision", "Plan", "TableExplanation", "normalise"]


def normalise(document, file_stem: str = "") -> Plan:  # noqa: ANN001 - Document from the extract stage
    from .plan import normalise_document

    return normalise_document(document, file_stem=file_stem)
