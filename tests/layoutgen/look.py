"""A random look: how a plan is printed (rules, fills, fonts, page, spans, sections).

A look names its features plainly (`describe`, `features`) so the benchmark can say which looks
fail. The look never changes what the plan says, only how it is drawn.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .choose import Chooser
from .plan import Plan

PRODUCERS = ("libreoffice", "reportlab", "chromium")  # the default draw
OPT_IN_PRODUCERS = ("latex",)  # chosen by name only (pdflatex is not everywhere)
EDGES = ("top", "bottom", "left", "right", "inner_h", "inner_v", "header")
RULE_FAMILIES: dict[str, frozenset[str]] = {
    "grid": frozenset(EDGES),
    "horizontal": frozenset({"top", "bottom", "inner_h", "header"}),
    "booktabs": frozenset({"top", "header", "bottom"}),
    "header_only": frozenset({"header"}),
    "none": frozenset(),
    "box": frozenset({"top", "bottom", "left", "right", "header"}),
    "vertical": frozenset({"left", "right", "inner_v", "top", "bottom"}),
}
FONTS = ("sans", "serif", "narrow", "mono")
LIGHT_FILLS = ("F2F2F2", "E7EEF7", "EAF1DD", "FDF2E0", "EDEDED", "DDEBF7")
DARK_FILLS = ("1F3864", "404040", "2E75B6", "7030A0", "C00000")
MID_FILLS = ("D9D9D9", "BDD7EE", "C6E0B4", "FFE699")


@dataclass(frozen=True)
class Look:
    producer: str
    rules: str  # a family of RULE_FAMILIES, or "random"
    edges: frozenset[str]
    rule_width: float  # pt
    rule_colour: str
    header_fill: str  # "" for none
    header_text_colour: str
    header_bold: bool
    zebra: str  # fill of every other action row, "" for none
    section_fill: str
    font: str
    font_size: float
    header_size: float
    widths: tuple[float, ...]  # relative column widths
    landscape: bool
    paper: str  # A4 | Letter
    margin_cm: float
    padding_pt: float
    repeat_header: bool
    rows_split: bool  # a row may break across a page
    section_style: str  # none | row | heading | column
    group_style: str  # repeat | span | once (objective / stated rec / theme column over a group)
    valign: str  # top | middle
    justify: bool
    furniture: bool  # running header and footer with page numbers
    intro: bool  # title and a paragraph above the table
    legend: bool  # a RAG key after the table
    callout: bool  # a shaded box of prose (not a table) above the table
    header_group: tuple[int, str] | None  # (first column, label) spanning it and the next one

    def features(self) -> dict[str, str]:
        """Flat, groupable feature values for the benchmark's breakdown."""
        return {
            "producer": self.producer,
            "rules": self.rules,
            "header_fill": "dark"
            if self.header_fill in DARK_FILLS
            else ("light" if self.header_fill else "none"),
            "zebra": "yes" if self.zebra else "no",
            "section_style": self.section_style,
            "group_style": self.group_style,
            "orientation": "landscape" if self.landscape else "portrait",
            "font": self.font,
            "font_size": "<=8" if self.font_size <= 8 else ("<=10" if self.font_size <= 10 else ">10"),
            "rows_split": "yes" if self.rows_split else "no",
            "repeat_header": "yes" if self.repeat_header else "no",
            "valign": self.valign,
            "justify": "yes" if self.justify else "no",
            "furniture": "yes" if self.furniture else "no",
            "callout": "yes" if self.callout else "no",
            "two_row_header": "yes" if self.header_group else "no",
        }

    def describe(self) -> str:
        f = self.features()
        edges = self.rules if self.rules != "random" else "edges:" + ("+".join(sorted(self.edges)) or "none")
        return (
            f"{self.producer} rules={edges} header_fill={f['header_fill']} zebra={f['zebra']} "
            f"sections={self.section_style} groups={self.group_style} {f['orientation']} {self.paper} "
            f"{self.font} {self.font_size:g}pt margin={self.margin_cm:g}cm split={f['rows_split']} "
            f"repeat_header={f['repeat_header']} valign={self.valign} justify={f['justify']}"
            + (" callout" if self.callout else "")
            + (f" two_row_header={self.header_group[1]!r}" if self.header_group else "")
        )

    def as_dict(self) -> dict:
        data = asdict(self)
        data["edges"] = sorted(self.edges)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Look:
        group = tuple(data["header_group"]) if data.get("header_group") else None
        return cls(
            **{
                **data,
                "edges": frozenset(data["edges"]),
                "widths": tuple(data["widths"]),
                "header_group": group,
            }
        )


def make_look(ch: Chooser, plan: Plan, producers: tuple[str, ...] = PRODUCERS) -> Look:
    rules = ch.pick((*RULE_FAMILIES, "random"))
    edges = RULE_FAMILIES[rules] if rules != "random" else frozenset(e for e in EDGES if ch.chance(0.5))
    header_fill = ch.pick(("", "", *LIGHT_FILLS[:3], *MID_FILLS, *DARK_FILLS))
    n = len(plan.columns)
    widths = tuple(_width(ch, c.field) for c in plan.columns)
    landscape = ch.chance(0.5 if n >= 6 else 0.3)
    font_size = ch.pick((7.0, 8.0, 8.0, 9.0, 9.0, 10.0, 10.0, 11.0, 12.0))
    if "theme" in plan.fields:
        section_style = "column"
    elif plan.sections[0].pillar:
        section_style = ch.pick(("row", "row", "heading"))
    else:
        section_style = "none"
    grouped = plan.has("objective") or plan.has("stated_rec") or section_style == "column"
    intro = ch.chance(0.7)
    return Look(
        producer=ch.pick(producers),
        rules=rules,
        edges=edges,
        rule_width=ch.pick((0.25, 0.5, 0.5, 0.75, 1.0, 1.5)),
        rule_colour=ch.pick(("000000", "000000", "808080", "4472C4")),
        header_fill=header_fill,
        header_text_colour="FFFFFF" if header_fill in DARK_FILLS else "000000",
        header_bold=ch.chance(0.8),
        zebra=ch.pick(LIGHT_FILLS) if ch.chance(0.3) else "",
        section_fill=ch.pick(("", *LIGHT_FILLS, *MID_FILLS)) if section_style == "row" else "",
        font=ch.pick(FONTS),
        font_size=font_size,
        header_size=font_size + ch.pick((0.0, 0.0, 1.0, -1.0)),
        widths=widths,
        landscape=landscape,
        paper=ch.pick(("A4", "A4", "Letter")),
        margin_cm=ch.pick((1.0, 1.27, 1.5, 2.0, 2.54, 3.0)),
        padding_pt=ch.pick((1.0, 2.0, 3.0, 4.0, 6.0)),
        repeat_header=ch.chance(0.6),
        rows_split=ch.chance(0.6),
        section_style=section_style,
        group_style=ch.pick(("repeat", "span", "span", "once")) if grouped else "repeat",
        valign=ch.pick(("top", "top", "middle")),
        justify=ch.chance(0.15),
        furniture=ch.chance(0.4),
        intro=intro,
        legend=plan.has("status") and ch.chance(0.5),
        callout=intro and ch.chance(0.3),
        header_group=_header_group(ch, plan),
    )


GROUP_LABELS = ("Delivery", "Implementation", "Tracking")


def _header_group(ch: Chooser, plan: Plan) -> tuple[int, str] | None:
    """Sometimes a label over two neighbouring short columns (never the first or a prose column)."""
    prose = {"objective", "action"}
    pairs = [i for i in range(1, len(plan.columns) - 1) if not {plan.fields[i], plan.fields[i + 1]} & prose]
    if not pairs or not ch.chance(0.25):
        return None
    return ch.pick(pairs), ch.pick(GROUP_LABELS)


def _width(ch: Chooser, field: str) -> float:
    """Relative width: short-valued columns narrow, prose columns wide, with noise."""
    base = {"ref": 0.5, "stated_rec": 0.9, "status": 0.6, "timescale": 0.9, "lead": 1.1, "theme": 1.0}
    return round(base.get(field, 2.2) * ch.real(0.7, 1.4), 3)
