"""A page look -> HTML (CSS columns, a float, a flex sidebar) -> PDF by headless Chromium.

The table itself is the default generator's HTML table for the look (`render_html._table`), so
its rules, fills and spans are drawn exactly as there; only the page around it differs.
"""

from __future__ import annotations

import html
from pathlib import Path

from .. import render_html as base
from ..look import Look
from ..plan import Plan
from ..printed import Table, Text, print_plan


def _css(look: Look, page) -> str:
    rule = "column-rule: 0.5pt solid #808080;" if page.column_rule else ""
    align = "justify" if page.prose_justify else "left"
    return (
        base.page_css(look)
        + f"""p.prose {{ text-align: {align}; margin: 0 0 6pt 0; line-height: 1.25; }}
div.cols {{ column-count: 2; column-gap: {page.gap_pt}pt; {rule} margin-bottom: 10pt; }}
div.float {{ float: {page.table_side}; width: {100 * page.table_share:.1f}%;
            margin-{"right" if page.table_side == "left" else "left"}: {page.gap_pt}pt; }}
div.row {{ display: flex; flex-direction: {"row" if page.table_side == "left" else "row-reverse"};
          gap: {page.gap_pt}pt; align-items: flex-start; }}
div.main {{ flex: 0 0 {100 * page.table_share:.1f}%; min-width: 0; }}
aside {{ flex: 1 1 auto; min-width: 0; font-size: {max(7.0, look.font_size - 1)}pt;
        {f"background: #{page.sidebar_fill}; padding: 6pt;" if page.sidebar_fill else ""} }}
aside h4 {{ margin: 0 0 4pt 0; font-size: {look.font_size}pt; }}
"""
    )


def _block(block, look: Look) -> str:
    if isinstance(block, Table):
        return base._table(block, look)
    assert isinstance(block, Text)
    tag = {"title": "h1", "heading": "h3"}.get(block.role, "p")
    style = f" style='background: #{base.CALLOUT_FILL}; padding: 8pt'" if block.role == "callout" else ""
    return f"<{tag}{style}>{html.escape(block.text)}</{tag}>"


def _prose(paragraphs: tuple[str, ...]) -> str:
    return "".join(f"<p class='prose'>{html.escape(p)}</p>" for p in paragraphs)


def write_html(plan: Plan, look: Look, page, path: Path) -> None:
    blocks = print_plan(plan, look)
    title = [b for b in blocks if isinstance(b, Text) and b.role == "title"]
    # the plan's own intro and callout join the prose; headings, tables and the key stay together
    intro = tuple(b.text for b in blocks if isinstance(b, Text) and b.role in ("intro", "callout"))
    table_part = [b for b in blocks if isinstance(b, Table) or b.role in ("heading", "legend")]
    tables = "".join(_block(b, look) for b in table_part)
    parts = [
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(plan.title)}</title>"
        f"<style>{_css(look, page)}</style></head><body>",
        *(_block(b, look) for b in title),
    ]
    above = tuple(dict.fromkeys(intro + page.above))
    if page.arrangement == "prose_columns":
        if above and (page.above or not page.below):
            parts.append(f"<div class='cols'>{_prose(above)}</div>")
        elif intro:
            parts.append(_prose(intro))
        parts.append(tables)
        if page.below:
            parts.append(f"<div class='cols'>{_prose(page.below)}</div>")
    elif page.arrangement == "float":
        parts.append(f"<div class='float'>{tables}</div>{_prose(above)}")
    else:
        heading = f"<h4>{html.escape(page.sidebar_heading)}</h4>"
        parts.append(
            f"<div class='row'><div class='main'>{tables}</div><aside>{heading}{_prose(above)}</aside></div>"
        )
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")


def print_pdf(html_path: Path, pdf: Path, furniture: bool) -> None:
    base.print_to_pdf(html_path, pdf, furniture)
