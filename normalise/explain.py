"""What the normaliser decided, as text an analyst can read (`talentmap extract FILE --explain`)."""

from __future__ import annotations

from .model import Plan


def explain_text(plan: Plan) -> str:
    out = [
        f"institution: {plan.institution or '(not printed)'}",
        f"period: {plan.period or '(not printed)'}",
    ]
    if plan.legend:
        out.append("status legend: " + ", ".join(f"{code} -> {status}" for code, status in plan.legend))
    else:
        out.append("status legend: (none printed; common RAG words and letters used)")
    for exp in plan.explanations:
        out.append(f"table {exp.table_index + 1} ({exp.extractor}): {exp.records} action records")
        for col, decision in enumerate(exp.columns, start=1):
            header = decision.header or f"(blank header, column {col})"
            out.append(f"  {header!r:45s} -> {decision.field:10s} [{decision.how}]")
        extras = [d.header or f"column {i}" for i, d in enumerate(exp.columns, start=1) if d.field == "extra"]
        if extras:
            out.append("  kept in extra: " + ", ".join(repr(e) for e in extras))
    listed = [r for r in plan.records if r.extractor == "text-list"]
    if listed:
        shape = (
            "numbered headings with their paragraphs" if any(r.objective for r in listed) else "list items"
        )
        progress = sum(1 for r in listed if r.progress)
        shape += f" ({progress} under progress-review headings)" if progress else ""
        out.append(f"{shape}: {len(listed)} action records (text-list; the notes below say which shape)")
    out.append(f"records: {len(plan.records)}")
    for note in plan.notes:
        out.append(f"note: {note}")
    for warning in plan.warnings:
        out.append(f"warning: {warning}")
    return "\n".join(out)
