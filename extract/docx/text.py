"""A paragraph's printed text, read from its runs the way Word lays them out.

Containers that only group runs (hyperlinks, smart tags, accepted insertions and moves, content
controls, custom XML, bidi wrappers, simple fields) are transparent; deletions and moved-away text
are dropped (revisions read as accepted); a complex field prints its result, never its instruction;
bookmarks, proofing marks, comment anchors and footnote references print nothing here. Text boxes
anchored in the paragraph are handed back for the caller to read as blocks after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .numbering import ListCounter
from .ooxml import MC_ALTERNATE, alternate_branch, is_placeholder, on, val, w
from .styles import NumRef, Styles, num_ref
from .symbols import symbol_text

P, R, T = w("p"), w("r"), w("t")
PPR, RPR, SDT, SDT_CONTENT = w("pPr"), w("rPr"), w("sdt"), w("sdtContent")
TXBX_CONTENT = w("txbxContent")
_M_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"

# run containers whose content is the paragraph's content
_TRANSPARENT = {w(n) for n in ("hyperlink", "smartTag", "ins", "moveTo", "customXml", "dir", "bdo")}
_FLD_SIMPLE, _INSTR_ATTR = w("fldSimple"), w("instr")
_MATH = {
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath",
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMathPara",
}
_BREAK_TYPES = {None, "textWrapping", "page", "column"}  # every break ends a printed line


@dataclass
class StoryState:
    """What carries from one paragraph to the next while one story (body, header) is read in order:
    list counters, and complex fields still open (a field's result can span paragraphs)."""

    styles: Styles
    lists: ListCounter
    fields: list[OpenField] = field(default_factory=list)  # complex fields begun and not yet ended

    def printing(self) -> bool:
        return all(f.shows_result() for f in self.fields)


@dataclass
class OpenField:
    """A complex field being read: its instruction so far, and whether its separator has passed."""

    instruction: str = ""
    separated: bool = False

    def shows_result(self) -> bool:
        return self.separated and not is_page_number(self.instruction)


_PAGE_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}


def is_page_number(instruction: str) -> bool:
    """A page number's stored result is the one of the page Word last drew: it is not content."""
    words = instruction.split()
    return bool(words) and words[0].upper() in _PAGE_FIELDS


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str
    style: str
    boxes: tuple[etree._Element, ...]  # w:txbxContent anchored here, in reading order
    mark_deleted: bool  # a tracked deletion of the paragraph mark joins it to the next paragraph


def read_paragraph(p: etree._Element, state: StoryState) -> Paragraph:
    ppr = p.find(PPR)
    style_id = state.styles.resolve(val(ppr.find(w("pStyle"))) if ppr is not None else None)
    direct = num_ref(ppr.find(w("numPr"))) if ppr is not None else None
    label = state.lists.label(_merged_numbering(direct, state.styles.numbering(style_id)))
    mark = ppr.find(RPR) if ppr is not None else None
    deleted = mark is not None and (mark.find(w("del")) is not None or mark.find(w("moveFrom")) is not None)
    parts: list[str] = []
    boxes: list[etree._Element] = []
    _inline(p, state, parts, boxes)
    for k in range(len(state.fields) - 1, -1, -1):
        if not state.fields[k].separated:  # an instruction never spans paragraphs: this one is broken
            del state.fields[k:]
    boxes = reading_order(boxes)
    return Paragraph("".join(parts), label, state.styles.name(style_id), tuple(boxes), deleted)


def _merged_numbering(direct: NumRef | None, inherited: NumRef | None) -> NumRef | None:
    """Direct numbering overrides the style's, field by field (a paragraph may set only its level)."""
    if direct is None:
        return inherited
    if inherited is None:
        return direct
    num_id = direct.num_id if direct.num_id is not None else inherited.num_id
    return NumRef(num_id, direct.ilvl if direct.ilvl is not None else inherited.ilvl)


def _inline(container: etree._Element, state: StoryState, parts: list[str], boxes: list) -> None:
    for child in container:
        tag = child.tag
        if tag == R:
            _run(child, state, parts, boxes)
        elif tag in _TRANSPARENT:
            _inline(child, state, parts, boxes)
        elif tag == _FLD_SIMPLE:
            if not is_page_number(child.get(_INSTR_ATTR, "")):
                _inline(child, state, parts, boxes)
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None and not is_placeholder(child):
                _inline(content, state, parts, boxes)
        elif tag == MC_ALTERNATE:
            branch = alternate_branch(child)
            if branch is not None:
                _inline(branch, state, parts, boxes)
        elif tag in _MATH and state.printing():
            parts.extend(t.text or "" for t in child.iter(_M_T))
        # w:del, w:moveFrom, bookmarks, proofErr, comment and permission ranges, pPr: print nothing


_TAB, _BR, _CR, _SYM, _FLD, _INSTR = w("tab"), w("br"), w("cr"), w("sym"), w("fldChar"), w("instrText")
_NB_HYPHEN, _SOFT_HYPHEN, _PTAB = w("noBreakHyphen"), w("softHyphen"), w("ptab")
_DRAWING, _PICT, _OBJECT = w("drawing"), w("pict"), w("object")
_VANISH = w("vanish")
_FLD_TYPE, _TYPE, _CHAR, _FONT = w("fldCharType"), w("type"), w("char"), w("font")


def _run(r: etree._Element, state: StoryState, parts: list[str], boxes: list) -> None:
    rpr = r.find(RPR)
    hidden = rpr is not None and on(rpr.find(_VANISH))  # hidden text is not printed
    for c in r:
        tag = c.tag
        if tag == _FLD:
            kind = c.get(_FLD_TYPE)
            if kind == "begin":
                state.fields.append(OpenField())
            elif kind == "separate" and state.fields:
                state.fields[-1].separated = True
            elif kind == "end" and state.fields:
                state.fields.pop()
            continue
        if tag == _INSTR:
            if state.fields and not state.fields[-1].separated:
                state.fields[-1].instruction += c.text or ""
            continue
        if hidden or not state.printing():
            continue
        if tag == T:
            parts.append(c.text or "")
        elif tag in (_TAB, _PTAB):
            parts.append("\t")
        elif tag == _BR:
            if c.get(_TYPE) in _BREAK_TYPES:
                parts.append("\n")
        elif tag == _CR:
            parts.append("\n")
        elif tag == _NB_HYPHEN:
            parts.append("-")
        elif tag == _SYM:
            parts.append(symbol_text(c.get(_CHAR), c.get(_FONT)))
        elif tag in (_DRAWING, _PICT, _OBJECT):
            boxes.extend(text_boxes(c))
        elif tag == MC_ALTERNATE:
            branch = alternate_branch(c)
            if branch is not None:
                _run(branch, state, parts, boxes)
        # softHyphen (invisible unless it ends a line), instrText, delText, footnote and endnote
        # references (footnotes are not cell or paragraph text), lastRenderedPageBreak: nothing


def text_boxes(element: etree._Element) -> list[etree._Element]:
    """The outermost w:txbxContent inside a drawing or VML shape (a group holds several), in
    document order; inside an mc:AlternateContent only the branch Word renders is searched."""
    out: list[etree._Element] = []
    _find_boxes(element, out)
    return out


def _find_boxes(element: etree._Element, out: list[etree._Element]) -> None:
    for child in element:
        if child.tag == TXBX_CONTENT:
            out.append(child)
        elif child.tag == MC_ALTERNATE:
            branch = alternate_branch(child)
            if branch is not None:
                _find_boxes(branch, out)
        elif isinstance(child.tag, str):
            _find_boxes(child, out)


_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_ANCHOR = f"{_WP}anchor"


def reading_order(boxes: list[etree._Element]) -> list[etree._Element]:
    """Floating boxes anchored in one paragraph, top to bottom then left to right, when every one
    is placed by an offset from the same reference; otherwise as written."""
    if len(boxes) < 2:
        return boxes
    places = [_place(box) for box in boxes]
    if any(p is None for p in places) or len({p[0] for p in places}) != 1:
        return boxes
    order = sorted(range(len(boxes)), key=lambda k: places[k][1])
    return [boxes[k] for k in order]


def _place(box: etree._Element) -> tuple[tuple[str, str], tuple[int, int]] | None:
    """((vertical reference, horizontal reference), (top, left) in EMU) of a box's anchor."""
    anchor = next((a for a in box.iterancestors(_ANCHOR)), None)
    if anchor is None:
        return None
    refs, offsets = [], []
    for axis in ("positionV", "positionH"):
        pos = anchor.find(f"{_WP}{axis}")
        offset = pos.findtext(f"{_WP}posOffset") if pos is not None else None
        if offset is None or not offset.strip().lstrip("-").isdigit():
            return None
        refs.append(pos.get("relativeFrom", ""))
        offsets.append(int(offset))
    return (refs[0], refs[1]), (offsets[0], offsets[1])
