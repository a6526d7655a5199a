"""A `Document` -> a `Plan`: plan-level facts, then tables (or a numbered list) -> action records."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from .cards import card_rows
from .fields import PlanContext, records_from_items
from .fragments import RowItem
from .institution import detect_institution, detect_period
from .keyvalue import describes_columns, labelled_lines, transpose_key_values
from .model import ActionRecord, Plan, TableExplanation
from .plan_likeness import document_topic, list_reads_as_commitments, no_plan_note
from .stated import declared_markers
from .status import legend_cells, legend_table, parse_legend
from .table_trust import low_score_warnings
from .tables import TableState, read_table
from .text_list import ListLine, bulleted_commitments, commitments
from .themes import heading_pillar

READERS = {
    "pdf": "a PDF",
    "docx": "a Word document",
    "html": "a saved web page",
    "xlsx": "an Excel workbook (each visible sheet a table)",
    "ods": "an OpenDocument spreadsheet (each sheet a table)",
    "csv": "a CSV file",
}
SHEET_KINDS = {"xlsx", "ods", "csv"}
RUNNING_STYLES = {"header", "footer", "page-header", "page-footer"}
_LEGEND_OPEN = re.compile(r"(?:=|:|-|\u2013)\s*$")


def _split_lines(document) -> list[tuple[str, int | None, int, str, str]]:  # noqa: ANN001
    """(text, page, seq, list_label, style) per printed line: a paragraph's line breaks split it."""
    out = []
    for line in document.lines:
        parts = [p.strip() for p in (line.text or "").split("\n")]
        for k, part in enumerate(p for p in parts if p):
            out.append((part, line.page, line.seq, line.list_label if k == 0 else "", line.style or ""))
    return out


def running_texts(lines: list[tuple[str, int | None, int, str, str]]) -> set[str]:
    """Running headers and footers: styled so, or the same short text on most pages."""
    pages: dict[str, set] = defaultdict(set)
    running = set()
    for text, page, _, _, style in lines:
        if style.casefold() in RUNNING_STYLES:
            running.add(text)
        if page is not None and len(text) <= 100:
            pages[_page_key(text)].add(page)
    n_pages = len({page for _, page, *_ in lines if page is not None})
    needed = max(2, (n_pages + 1) // 2)  # on most pages: a heading printed twice is not furniture
    running.update(text for text, *_ in lines if len(pages.get(_page_key(text), ())) >= needed)
    return running


def _page_key(text: str) -> str:
    """Footers differ only in their page number ("Appendix B - page 3"): compare without digits."""
    return re.sub(r"\d+", "#", text.strip().casefold())


_SENTENCE_END = re.compile(r"[.!?;:,]$")


def is_section_heading(text: str) -> bool:
    """A short heading line ("Enabling actions (all pillars)"): not a sentence, a number or a link."""
    text = text.strip()
    words = text.split()
    return (
        2 <= len(words) <= 10
        and len(text) <= 80
        and text[:1].isupper()
        and not _SENTENCE_END.search(text)
        and not re.search(r"(?i)https?://|www\.|@|\bpage\s+\d", text)
    )


def _legend_texts(texts: list[str]) -> list[str]:
    """Lines that hold a legend, each with the next line when its last entry wrapped."""
    out = []
    for i, text in enumerate(texts):
        joined = text + (" " + texts[i + 1] if _LEGEND_OPEN.search(text) and i + 1 < len(texts) else "")
        out.append(joined)
    return out


def plan_legend(document, texts: list[str]) -> tuple[tuple[tuple[str, str], ...], set[int]]:  # noqa: ANN001
    """The printed status key (text lines, key rows in tables, or a key table), and which tables
    are nothing but a key."""
    table_rows = [[list(r.cells) for r in t.rows] for t in document.tables]
    key_tables = {i: legend_table(rows) for i, rows in enumerate(table_rows)}
    key_tables = {i: pairs for i, pairs in key_tables.items() if pairs}
    in_cells = [c for rows in table_rows for c in legend_cells(rows)]
    legend = parse_legend(_legend_texts(texts) + in_cells)
    for pairs in key_tables.values():
        legend += tuple(p for p in pairs if p[0] not in dict(legend))
    return legend, set(key_tables)


def read_tables(document, body, key_tables: set[int], notes: list[str], about_technicians: bool = False):  # noqa: ANN001, ANN201
    """Every action table in reading order -> row items; a pillar heading above a table sets its theme."""
    items: list[RowItem] = []
    explanations: list[TableExplanation] = []
    state = TableState(about_technicians=about_technicians)
    previous_seq = -1
    ordered = sorted(enumerate(document.tables), key=lambda it: it[1].seq)
    for index, (original, table) in enumerate(ordered):
        if original in key_tables:
            notes.append(f"table {index + 1}: a status key, read as the legend")
            previous_seq = table.seq
            continue
        above = tuple(text for text, _, seq, _, _ in body if previous_seq < seq < table.seq)
        sheet = [text for text, _, seq, _, style in body if style == "sheet" and seq < table.seq]
        if sheet:
            notes.append(f"table {index + 1}: on sheet {sheet[-1]!r}")
        pillars = [heading_pillar(text) for text in above if len(text) <= 200 and heading_pillar(text)]
        if pillars:
            state.theme = pillars[-1]
            state.after_section = True
        new_section = not pillars and any(is_section_heading(text) for text in above)
        previous_seq = table.seq
        rows = [(list(r.cells), r.page) for r in table.rows]
        form = transpose_key_values([cells for cells, _ in rows])
        others = [list(t.rows[0].cells) for k, t in enumerate(document.tables) if k != original and t.rows]
        if form is not None and describes_columns([cells for cells, _ in rows], others):
            notes.append(f"table {index + 1}: a guide to another table's columns, not actions: skipped")
            continue
        if form is not None:
            page = rows[0][1] if rows else None
            rows = [(cells, page) for cells in form]
            notes.append(
                f"table {index + 1}: a form (field names down the first column) read as one row each"
            )
        explanations.append(read_table(index, rows, table.extractor, state, items, above, new_section))
    notes.extend(state.notes)
    return items, explanations


def _labelled_records(texts: list[str], ctx: PlanContext, notes: list[str]):  # noqa: ANN202
    """Actions written as labelled paragraphs, read as one table."""
    rows = labelled_lines(texts, lambda text: bool(heading_pillar(text)) and len(text) <= 80)
    if rows is None:
        return None
    state, items = TableState(), []
    explanation = read_table(0, [(cells, None) for cells in rows], "text-form", state, items)
    notes.append("no action table: labelled paragraphs (Action: ..., Lead: ...) read as actions")
    return records_from_items(items, ctx), [explanation]


def _card_records(body, ctx: PlanContext, notes: list[str], about_technicians: bool):  # noqa: ANN001, ANN202
    """Actions printed as cards (a ref and text line, then "Owner: ... | Due: ..."), read as one table."""
    rows = card_rows([(text, page) for text, page, *_ in body], _is_pillar_line)
    if rows is None:
        return None
    state, items = TableState(about_technicians=about_technicians), []
    explanation = read_table(0, rows, "text-cards", state, items)
    notes.extend(state.notes)
    notes.append("no action table: cards (a ref and action line, then labelled fields) read as actions")
    return records_from_items(items, ctx), [explanation]


def _is_pillar_line(text: str) -> bool:
    return bool(heading_pillar(text)) and len(text) <= 80


def normalise_document(document, file_stem: str = "") -> Plan:  # noqa: ANN001
    lines = _split_lines(document)
    running = running_texts(lines)
    body = [ln for ln in lines if ln[0] not in running]
    texts = [ln[0] for ln in body]
    notes: list[str] = [
        f"read as {READERS.get(document.kind, document.kind)}: {len(document.lines)} text lines, "
        f"{len(document.tables)} tables"
    ]

    metadata = tuple(
        str(v) for k, v in (document.metadata or {}).items() if k.casefold() in {"title", "subject"}
    )
    institution, how = detect_institution(texts, sorted(running), file_stem, metadata)
    notes.append(f"institution: {institution or '(none)'} ({how})")
    period, how = detect_period(texts, sorted(running), file_stem)
    notes.append(f"period: {period or '(none)'} ({how})")
    legend, key_tables = plan_legend(document, texts)
    ctx = PlanContext(legend=legend, markers=declared_markers(texts))

    topic = document_topic([text for text, *_ in lines] + _cell_texts(document) + list(metadata))
    about = "about technicians" if topic.about_technicians else "not about technicians"
    notes.append(f"document: {about} ({topic.evidence})")

    items, explanations = read_tables(document, body, key_tables, notes, topic.about_technicians)
    records = _with_text(records_from_items(items, ctx), notes)
    warnings = low_score_warnings(document.tables, explanations) if records else []
    if not records:
        records, explanations = _labelled_records(texts, ctx, notes) or (records, explanations)
    if not records:
        cards = _card_records(body, ctx, notes, topic.about_technicians)
        records, explanations = cards or (records, explanations)
        records = _with_text(records, notes)
    listed: list = []
    if not records:
        listed = commitments(
            [
                ListLine(text, page, label, heading=_is_heading_style(style))
                for text, page, _, label, style in body
            ]
        )
        if listed and not topic.about_technicians and not list_reads_as_commitments([i.text for i in listed]):
            notes.append(
                f"numbered list of {len(listed)} items skipped: they do not read as commitments "
                '("We will ...", an action verb) and the document is not about technicians'
            )
            listed = []
        records = _list_records(listed)
        if listed:
            shape = (
                "numbered headings with the paragraphs beneath as their actions"
                if any(item.objective for item in listed)
                else "numbered commitments"
            )
            notes.append(f"no action table: {len(listed)} {shape} read as actions")
    if not records and topic.about_technicians:
        records = _bulleted_records(body, notes, rows=document.kind in SHEET_KINDS)
    if not records:
        notes.append(no_plan_note(document, explanations, notes, topic.about_technicians))
    return Plan(
        institution=institution,
        period=period,
        records=tuple(records),
        legend=legend,
        explanations=tuple(explanations),
        notes=tuple(notes),
        warnings=tuple(warnings),
    )


def _bulleted_records(body, notes: list[str], rows: bool = False) -> list[ActionRecord]:  # noqa: ANN001
    """Bulleted commitments under a heading such as "We commit to:" or a pillar heading, and
    progress-review items (technicians' documents only). `rows`: the lines are spreadsheet rows,
    each a whole paragraph that no bullet marks."""
    listed = bulleted_commitments(
        [
            ListLine(text, page, label, _is_bullet_style(style, label), _is_heading_style(style), row=rows)
            for text, page, _, label, style in body
            if style != "sheet"
        ]
    )
    if listed:
        progress = sum(1 for item in listed if item.progress)
        kind = f", {progress} of them progress-review items" if progress else ""
        notes.append(f"no action table: {len(listed)} bulleted items read as actions{kind}")
    return _list_records(listed)


def _list_records(listed) -> list[ActionRecord]:  # noqa: ANN001 - text_list.Commitment
    return [
        ActionRecord(
            row=k + 1,
            action=item.text,
            ref=item.number,
            page=item.page,
            theme=item.theme,
            objective=item.objective,
            progress=item.progress,
            extractor="text-list",
        )
        for k, item in enumerate(listed)
    ]


def _is_bullet_style(style: str, label: str) -> bool:
    """Word bullets print no label: a list-styled paragraph without a number is bulleted."""
    style = style.casefold()
    return not label and ("bullet" in style or style == "list paragraph")


def _is_heading_style(style: str) -> bool:
    """ "Heading 3" (Word, or a web page's <h3>), "Title", "Subtitle"."""
    return style.casefold().startswith(("heading", "title", "subtitle"))


def _cell_texts(document) -> list[str]:  # noqa: ANN001
    return [cell for table in document.tables for row in table.rows for cell in row.cells if cell]


def _with_text(records: list[ActionRecord], notes: list[str]) -> list[ActionRecord]:
    """Rows with nothing in the action, objective or progress cells are layout, not actions."""
    kept = [r for r in records if any(v.strip() for v in (r.action, r.objective, r.progress))]
    if len(kept) < len(records):
        notes.append(f"{len(records) - len(kept)} rows with no action, objective or progress text dropped")
    return [replace(r, row=k + 1) for k, r in enumerate(kept)]
