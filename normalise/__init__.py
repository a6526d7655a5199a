"""Raw tables -> action records in one schema (`Plan`)."""

from .model import THEMES, ActionRecord, ColumnDecision, Plan, TableExplanation

__all__ = [
    "THEMES",
    "ActionRecord",
    "ColumnDecision",
    "Plan",
    "TableExplanation",
    "explain_text",
    "normalise",
]


def normalise(document, file_stem: str = "") -> Plan:  # noqa: ANN001 - Document from the extract stage
    from .plan import normalise_document

    return normalise_document(document, file_stem=file_stem)


def explain_text(plan: Plan) -> str:
    """How the plan was read, for a person (`talentmap extract --explain`, the debug log)."""
    from .explain import explain_text as render

    return render(plan)
