"""The default page reader: PDFium (through pypdfium2) pages -> `PageData`.

PDFium parses and lays out the page in C; this module asks it for each character's box and each
path's points with direct C calls (no Python object per character) and rebuilds exactly the
records `read_pdfplumber` makes: pdfplumber's character boxes (advance width by one em from the
font's stated descent), its word grouping (`words`), its split of paths into lines, rectangles
and curves, in its coordinates (top-left origin, the page's /Rotate applied).

Known differences from the pdfplumber reader (README, "PDF page readers"): text PDFium itself
drops as an overprinted duplicate (a word printed twice to look bold) is read once; widths of
non-embedded standard fonts come from the file's /Widths, where pdfminer uses its own metrics;
fill shades are read as 8-bit RGB.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import ExtractionError
from .font_descents import font_descents
from .page import Edge, Fill, PageData
from .page_common import (
    DIRECTION_SAMPLE,
    char_direction,
    fill_of,
    is_bold_name,
    majority_direction,
    ruling_edge,
    turn,
    turn_edge,
    turn_fill,
)
from .readers import ENCRYPTED, PdfPages, corrupt_message
from .settings import PdfSettings
from .words import Char, words_of

FPDF_ERR_PASSWORD = 4
OBJ_TEXT, OBJ_PATH, OBJ_IMAGE, OBJ_FORM = 1, 2, 3, 5
SEG_LINETO, SEG_BEZIERTO, SEG_MOVETO = 0, 1, 2
MAX_FORM_DEPTH = 12
_HYPHEN_MARKS = (0x02, 0xFFFE)
# A glyph's size (its box height) is rounded this far: words group runs of one size, and the
# float noise of a box computed from a different baseline must not split a run
SIZE_DIGITS = 6
Matrix = tuple[float, float, float, float, float, float]  # a b c d e f: x' = ax + cy + e, y' = bx + dy + f
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def read_pages(path: Path, settings: PdfSettings) -> PdfPages:
    """Open the PDF once and read each page once, closing every page right after reading it."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        if getattr(exc, "err_code", None) == FPDF_ERR_PASSWORD:
            raise ExtractionError(ENCRYPTED) from exc
        raise ExtractionError(corrupt_message(_pdfium_reason(exc))) from exc
    except Exception as exc:
        raise ExtractionError(corrupt_message(f"{type(exc).__name__}: {exc}")) from exc
    try:
        metadata = {k.lower(): v for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
        descents = font_descents(path)
        return PdfPages(list(_pages(pdf, descents, settings)), metadata)
    except ExtractionError:
        raise
    except Exception as exc:
        raise ExtractionError(corrupt_message(f"{type(exc).__name__}: {exc}")) from exc
    finally:
        pdf.close()


def _pdfium_reason(exc: Exception) -> str:
    """ "Failed to load document (PDFium: Data format error)." -> "PDFium: data format error"."""
    text = str(exc)
    inner = text[text.find("(") + 1 : text.rfind(")")] if "(" in text and ")" in text else text
    head, _, tail = inner.partition(": ")
    return f"{head}: {tail[:1].lower()}{tail[1:]}" if tail else inner


def _pages(pdf: object, descents: dict[str, float], settings: PdfSettings) -> Iterator[PageData]:
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            yield read_page(page, index + 1, descents, settings)
        finally:
            page.close()


@dataclass(frozen=True)
class _View:
    """pdfplumber's view of a page: the /Rotate turn from user space (pdfminer's CTM) and the
    page's size and origin, so points map to top-left coordinates as pdfplumber's do."""

    ctm: Matrix
    width: float
    height: float
    x_shift: float
    top_shift: float

    @classmethod
    def of(cls, mediabox: tuple[float, float, float, float], rotation: int) -> _View:
        x0, y0, x1, y1 = mediabox
        ctm = {
            90: (0.0, -1.0, 1.0, 0.0, -y0, x1),
            180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
            270: (0.0, 1.0, -1.0, 0.0, y1, -x0),
        }.get(rotation, (1.0, 0.0, 0.0, 1.0, -x0, -y0))
        bx0, bx1 = sorted((x0, x1))
        by0, by1 = sorted((y0, y1))
        if rotation in (90, 270):
            bx0, by0, bx1, by1 = by0, bx0, by1, bx1
        height = by1 - by0
        return cls(ctm, bx1 - bx0, height, bx0, height - by1)

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.ctm
        return a * x + c * y + e + self.x_shift, self.height - (b * x + d * y + f) + self.top_shift

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A user-space box (two opposite corners) -> x0, x1, top, bottom."""
        ax, at = self.point(x0, y0)
        bx, bt = self.point(x1, y1)
        return min(ax, bx), max(ax, bx), min(at, bt), max(at, bt)


def read_page(page: object, number: int, descents: dict[str, float], settings: PdfSettings) -> PageData:
    """One PDFium page's words, ruling edges and fills as a `PageData` (sideways text turned upright)."""
    view = _View.of(tuple(page.get_mediabox()), page.get_rotation())
    textpage = page.get_textpage()
    try:
        chars, votes = _chars(textpage, view, descents)
    finally:
        textpage.close()
    lines, rects, curves, n_images = _paths(page, view)
    edges = _edges(lines, rects, curves, settings)
    fills = _fills(rects, settings)
    width, height = view.width, view.height
    direction = majority_direction(votes)
    if direction != "ltr":
        t = turn(direction, width, height)
        chars = [_turned(c, t) for c in chars]
        edges = tuple(turn_edge(e, t) for e in edges)
        fills = tuple(turn_fill(f, t) for f in fills)
        width, height = height, width
    words = words_of(chars, settings.word_x_tolerance)[: settings.max_words_per_page]
    return PageData(
        number=number,
        width=width,
        height=height,
        words=tuple(w for w in words if w.text.strip()),
        edges=edges,
        n_chars=len(chars),
        n_images=n_images,
        fills=fills,
    )


def _turned(c: Char, t: object) -> Char:
    x0, x1, top, bottom = t(c[1], c[2], c[3], c[4])
    return (c[0], x0, x1, top, bottom, round(bottom - top, 1), True, c[7])


def _cfunc(name: str, restype: object, *argtypes: object) -> object:
    """PDFium's `name` with plain integer/pointer arguments: the cheapest call ctypes can make."""
    import pypdfium2.raw as pdfium_c

    address = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


class _Api:
    """The PDFium calls made per character or per path segment, bound once per process."""

    def __init__(self) -> None:
        vp, i, d, f = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_float
        self.count_chars = _cfunc("FPDFText_CountChars", i, vp)
        self.unicode = _cfunc("FPDFText_GetUnicode", ctypes.c_uint, vp, i)
        self.map_error = _cfunc("FPDFText_HasUnicodeMapError", i, vp, i)
        self.loose_box = _cfunc("FPDFText_GetLooseCharBox", i, vp, i, vp)
        self.origin = _cfunc("FPDFText_GetCharOrigin", i, vp, i, vp, vp)
        self.text_object = _cfunc("FPDFText_GetTextObject", vp, vp, i)
        self.char_matrix = _cfunc("FPDFText_GetMatrix", i, vp, i, vp)
        self.font_size = _cfunc("FPDFText_GetFontSize", d, vp, i)
        self.text_font = _cfunc("FPDFTextObj_GetFont", vp, vp)
        self.font_name = _cfunc("FPDFFont_GetBaseFontName", ctypes.c_size_t, vp, vp, ctypes.c_size_t)
        self.font_descent = _cfunc("FPDFFont_GetDescent", i, vp, f, vp)
        self.glyph_width = _cfunc("FPDFFont_GetGlyphWidth", i, vp, ctypes.c_uint32, f, vp)
        self.count_objects = _cfunc("FPDFPage_CountObjects", i, vp)
        self.page_object = _cfunc("FPDFPage_GetObject", vp, vp, i)
        self.form_count = _cfunc("FPDFFormObj_CountObjects", i, vp)
        self.form_object = _cfunc("FPDFFormObj_GetObject", vp, vp, ctypes.c_ulong)
        self.object_type = _cfunc("FPDFPageObj_GetType", i, vp)
        self.object_matrix = _cfunc("FPDFPageObj_GetMatrix", i, vp, vp)
        self.draw_mode = _cfunc("FPDFPath_GetDrawMode", i, vp, vp, vp)
        self.fill_color = _cfunc("FPDFPageObj_GetFillColor", i, vp, vp, vp, vp, vp)
        self.count_segments = _cfunc("FPDFPath_CountSegments", i, vp)
        self.segment = _cfunc("FPDFPath_GetPathSegment", vp, vp, i)
        self.segment_point = _cfunc("FPDFPathSegment_GetPoint", i, vp, vp, vp)
        self.segment_type = _cfunc("FPDFPathSegment_GetType", i, vp)
        self.segment_close = _cfunc("FPDFPathSegment_GetClose", i, vp)


_API: list[_Api] = []  # bound on first use (importing this module must not load PDFium)


def _api() -> _Api:
    if not _API:
        _API.append(_Api())
    return _API[0]


class _Font:
    """What a character's box needs of its font: the stated descent, whether the face is bold, and
    glyph advance widths (per pt of size, from the file's /Widths), looked up once per character."""

    def __init__(self, api: _Api, handle: int | None, descents: dict[str, float]) -> None:
        self.api, self.handle = api, handle
        buf = ctypes.create_string_buffer(256)
        n = api.font_name(handle, buf, 256) if handle else 0
        name = buf.raw[: max(0, min(n, 256) - 1)].decode("utf-8", "replace")
        descent = descents.get(name)
        if descent is None:
            out = ctypes.c_float(0.0)
            descent = out.value if handle and api.font_descent(handle, 1.0, ctypes.addressof(out)) else 0.0
        self.descent = descent
        self.bold = is_bold_name(name)
        self.widths: dict[int, float] = {}
        self._out = ctypes.c_float()
        self._out_p = ctypes.addressof(self._out)

    def width(self, code: int) -> float:
        """Advance width of the glyph for unicode `code` per pt of font size; -1 when unknown."""
        w = self.widths.get(code)
        if w is None:
            ok = self.handle and self.api.glyph_width(self.handle, code, 1.0, self._out_p)
            w = self.widths[code] = self._out.value if ok else -1.0
        return w


def _chars(textpage: object, view: _View, descents: dict[str, float]) -> tuple[list[Char], dict[str, int]]:
    """Every character PDFium read from the content (not the spaces and line breaks it adds), boxed
    as pdfminer boxes it (its advance by one em up from the font's descent, through the text
    matrix), and how many of the first ones run each way on the turned page (the direction vote).

    PDFium splits a ligature glyph into its letters at one origin; they are joined back into one
    character, as pdfminer reads the glyph, with the glyph's own advance (from PDFium's loose box).
    """
    api = _api()
    tp = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    n = api.count_chars(tp)
    if n <= 0:
        return [], {}
    text = textpage.get_text_range(0, n)
    per_char_unicode = len(text) != n
    rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    mf = (ctypes.c_float * 6)()  # FS_MATRIX: a, b, c, d, e, f
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_p, mf_p, ox_p, oy_p = (ctypes.addressof(x) for x in (rect, mf, ox, oy))
    ca, cb, cc, cd, ce, cf = view.ctm
    # an unturned page (no /Rotate): user space -> top-left coordinates is a shift and a flip
    plain = (ca, cb, cc, cd) == (1.0, 0.0, 0.0, 1.0)
    kx, ky = ce + view.x_shift, view.height - cf + view.top_shift
    fonts: dict[int, _Font] = {}
    chars: list[Char] = []
    # (number of characters before it, its direction) of each text object, for the direction vote
    runs: list[tuple[int, str]] = []
    append = chars.append
    is_object, unicode, map_error, origin = api.text_object, api.unicode, api.map_error, api.origin
    last_obj = -1
    font: _Font | None = None
    upright = bold = fast = False
    ua = ub = uc = ud = fs = y_lo = y_hi = lo_off = hi_off = 0.0
    size = 0.0
    widths: dict[int, float] = {}
    lx = ly = float("nan")  # the last character's origin
    lig_adv = 0.0
    lig_obj = 0  # the text object of the last character that a ligature's letters could follow
    for i in range(n):
        obj = is_object(tp, i)
        if not obj:  # a space or line break PDFium generated, not printed
            continue
        if obj != last_obj:
            last_obj = obj
            api.char_matrix(tp, i, mf_p)
            ua, ub, uc, ud = mf[0], mf[1], mf[2], mf[3]
            fs = api.font_size(tp, i)
            handle = api.text_font(obj)
            font = fonts.get(handle or 0)
            if font is None:
                font = fonts[handle or 0] = _Font(api, handle, descents)
            y_lo, y_hi, bold = font.descent * fs, (font.descent + 1.0) * fs, font.bold
            # the matrix as pdfminer sees it: text space -> the turned page (page rotation applied)
            a, b = ca * ua + cc * ub, cb * ua + cd * ub
            c, d = ca * uc + cc * ud, cb * uc + cd * ud
            upright = a * d > 0 and b * c <= 0
            runs.append((len(chars), char_direction(a, b)))
            widths = font.widths
            # unturned page, upright unskewed text: each box is origin + advance, baseline + em
            fast = plain and ub == 0.0 and uc == 0.0 and ua > 0.0
            lo_off, hi_off = min(ud * y_lo, ud * y_hi), max(ud * y_lo, ud * y_hi)
            size = round(hi_off - lo_off, SIZE_DIGITS)
        code = unicode(tp, i) if per_char_unicode else ord(text[i])
        if code in _HYPHEN_MARKS:  # PDFium's mark for a hyphen ending a line; the text has "-"
            code = 0x2D
        ch = f"(cid:{code})" if map_error(tp, i) else chr(code)
        origin(tp, i, ox_p, oy_p)
        x = ox.value
        y = oy.value
        space = ch.isspace()
        if x == lx and y == ly and obj == lig_obj and not space:  # a ligature's next letter
            adv = _ligature_advance(api, tp, i, obj, x, y, ua, ub, lig_adv)
            lig_adv = adv
            prev = chars[-1]
            if fast:
                chars[-1] = (prev[0] + ch, prev[1], prev[1] + ua * adv, *prev[3:])
            else:
                x0, x1, top, bottom = view.box(*_char_box(x, y, adv, y_lo, y_hi, ua, ub, uc, ud))
                chars[-1] = (prev[0] + ch, x0, x1, top, bottom, prev[5], prev[6], prev[7])
            continue
        lx = x
        ly = y
        lig_obj = 0 if space else obj
        w = widths.get(code)
        if w is None:
            w = font.width(code)
        if w <= 0:  # no width for this code: PDFium's loose box tells the advance
            w = _loose_advance(api, tp, i, x, y, ua, ub, rect, rect_p) / fs if fs else 0.0
        adv = lig_adv = w * fs
        if fast:
            x0 = x + kx
            append((ch, x0, x0 + ua * adv, ky - y - hi_off, ky - y - lo_off, size, upright, bold))
        else:
            x0, x1, top, bottom = view.box(*_char_box(x, y, adv, y_lo, y_hi, ua, ub, uc, ud))
            append((ch, x0, x1, top, bottom, round(bottom - top, SIZE_DIGITS), upright, bold))
    return chars, _direction_votes(runs, len(chars))


def _direction_votes(runs: list[tuple[int, str]], n_chars: int) -> dict[str, int]:
    """How many of the first `DIRECTION_SAMPLE` characters run each way, from where each text
    object's characters start (counted once per object rather than once per character)."""
    votes = {"ltr": 0, "ttb": 0, "btt": 0}
    ends = [start for start, _ in runs[1:]] + [n_chars]
    for (start, vote), end in zip(runs, ends, strict=False):  # no runs: no characters
        votes[vote] += max(0, min(end, DIRECTION_SAMPLE) - min(start, DIRECTION_SAMPLE))
    return votes


def _char_box(
    x: float, y: float, adv: float, y_lo: float, y_hi: float, ua: float, ub: float, uc: float, ud: float
) -> tuple[float, float, float, float]:
    """pdfminer's box of a glyph at origin (x, y): (0, descent) .. (advance, descent + 1 em) in text
    space through the text matrix, as a user-space box (x0, y0, x1, y1)."""
    xs = (x + uc * y_lo, x + uc * y_hi, x + ua * adv + uc * y_lo, x + ua * adv + uc * y_hi)
    ys = (y + ud * y_lo, y + ud * y_hi, y + ub * adv + ud * y_lo, y + ub * adv + ud * y_hi)
    return min(xs), min(ys), max(xs), max(ys)


def _loose_advance(
    api: _Api, tp: int, i: int, x: float, y: float, ua: float, ub: float, rect: object, rect_p: int
) -> float:
    """A glyph's advance (text space) read off PDFium's loose box: from the origin to the box's
    far side along the text direction (a glyph overhanging its advance reads a little wide)."""
    api.loose_box(tp, i, rect_p)
    left, top, right, bottom = rect[0], rect[1], rect[2], rect[3]
    if abs(ua) >= abs(ub):
        return max((right - x) if ua > 0 else (x - left), 0.0) / abs(ua) if ua else 0.0
    return max((top - y) if ub > 0 else (y - bottom), 0.0) / abs(ub)


def _ligature_advance(
    api: _Api, tp: int, i: int, obj: int, x: float, y: float, ua: float, ub: float, first: float
) -> float:
    """A ligature glyph's advance: up to the next character's origin in the same text object
    (PDFium reports the glyph's letters, not the glyph), else what its first letter's gave."""
    j = i + 1
    if j < api.count_chars(tp) and api.text_object(tp, j) == obj:
        nx, ny = ctypes.c_double(), ctypes.c_double()
        api.origin(tp, j, ctypes.addressof(nx), ctypes.addressof(ny))
        norm = ua * ua + ub * ub
        if norm and (nx.value, ny.value) != (x, y):
            return ((nx.value - x) * ua + (ny.value - y) * ub) / norm
    return first


@dataclass(frozen=True)
class _Rect:
    x0: float
    x1: float
    top: float
    bottom: float
    stroke: bool
    fill: bool
    shade: float


Segment = tuple[float, float, float, float]  # x0, x1, top, bottom of a line or curve piece


def _paths(
    page: object, view: _View
) -> tuple[list[Segment], list[_Rect], list[list[tuple[float, float]]], int]:
    """The page's painted paths split as pdfminer splits them: single segments (lines), closed
    axis-aligned four-sided loops (rects) and everything else (curves, as their points); and
    how many images the page shows."""
    api = _api()
    handle = ctypes.cast(page.raw, ctypes.c_void_p).value
    lines: list[Segment] = []
    rects: list[_Rect] = []
    curves: list[list[tuple[float, float]]] = []
    images = 0
    out = _Out()
    for obj, kind, m in _objects(api, handle, IDENTITY, False, 0):
        if kind == OBJ_IMAGE:
            images += 1
        elif kind == OBJ_PATH:
            _split_path(api, obj, m, view, lines, rects, curves, out)
    return lines, rects, curves, images


def _objects(
    api: _Api, parent: int, base: Matrix, is_form: bool, depth: int
) -> Iterator[tuple[int, int, Matrix]]:
    """(object, type, matrix to user space) of every page object in content order, form
    XObjects' contents in place of the form (as pdfminer interprets them)."""
    count = api.form_count(parent) if is_form else api.count_objects(parent)
    for k in range(count):
        obj = api.form_object(parent, k) if is_form else api.page_object(parent, k)
        if not obj:
            continue
        kind = api.object_type(obj)
        if kind == OBJ_FORM:
            if depth < MAX_FORM_DEPTH:
                yield from _objects(api, obj, _compose(_matrix(api, obj), base), True, depth + 1)
        elif kind in (OBJ_IMAGE, OBJ_PATH):
            yield obj, kind, _compose(_matrix(api, obj), base) if kind == OBJ_PATH else base


def _matrix(api: _Api, obj: int) -> Matrix:
    m = (ctypes.c_float * 6)()
    if not api.object_matrix(obj, ctypes.addressof(m)):
        return IDENTITY
    return (m[0], m[1], m[2], m[3], m[4], m[5])


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """`inner` then `outer`."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


class _Out:
    """The C out-parameters one page's path reading fills, allocated once per page."""

    def __init__(self) -> None:
        self.mode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.px, self.py = ctypes.c_float(), ctypes.c_float()
        self.mode_p, self.stroke_p = ctypes.addressof(self.mode), ctypes.addressof(self.stroke)
        self.px_p, self.py_p = ctypes.addressof(self.px), ctypes.addressof(self.py)


def _split_path(
    api: _Api,
    obj: int,
    m: Matrix,
    view: _View,
    lines: list[Segment],
    rects: list[_Rect],
    curves: list[list[tuple[float, float]]],
    out: _Out,
) -> None:
    api.draw_mode(obj, out.mode_p, out.stroke_p)
    fill, stroke = out.mode.value != 0, bool(out.stroke.value)
    if not (fill or stroke):
        return
    shade = _fill_shade(api, obj) if fill else 1.0
    a, b, c, d, e, f = m
    # `view.point` written out (same arithmetic, same order): it runs once per path segment
    va, vb, vc, vd, ve, vf = view.ctm
    x_shift, top_shift, height = view.x_shift, view.top_shift, view.height
    px, py, px_p, py_p = out.px, out.py, out.px_p, out.py_p
    segment, segment_type, segment_point, segment_close = (
        api.segment,
        api.segment_type,
        api.segment_point,
        api.segment_close,
    )
    # (op, point) in pdfplumber coordinates; a Bézier curve's three segments become one "c"
    ops: list[tuple[str, tuple[float, float]]] = []
    bezier = 0
    for k in range(api.count_segments(obj)):
        seg = segment(obj, k)
        if not seg:
            continue
        kind = segment_type(seg)
        segment_point(seg, px_p, py_p)
        x, y = px.value, py.value
        ux, uy = a * x + c * y + e, b * x + d * y + f
        point = (va * ux + vc * uy + ve + x_shift, height - (vb * ux + vd * uy + vf) + top_shift)
        if kind == SEG_BEZIERTO:
            bezier += 1
            if bezier % 3 == 0:
                ops.append(("c", point))
        else:
            bezier = 0
            ops.append(("m" if kind == SEG_MOVETO else "l", point))
        if segment_close(seg):
            ops.append(("h", point))
    start = 0
    for k in range(1, len(ops) + 1):
        if k == len(ops) or ops[k][0] == "m":
            if ops[start][0] == "m" and k - start > 1:
                _classify(ops[start:k], stroke, fill, shade, lines, rects, curves)
            start = k


def _classify(
    sub: list[tuple[str, tuple[float, float]]],
    stroke: bool,
    fill: bool,
    shade: float,
    lines: list[Segment],
    rects: list[_Rect],
    curves: list[list[tuple[float, float]]],
) -> None:
    """One subpath as pdfminer's `paint_path` classifies it (line, rect or curve)."""
    shape = "".join(op for op, _ in sub)
    pts = [p if op != "h" else sub[0][1] for op, p in sub]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("mlh", "ml"):
        (x0, t0), (x1, t1) = pts[0], pts[1]
        lines.append((min(x0, x1), max(x0, x1), min(t0, t1), max(t0, t1)))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if pts[0] == pts[4] and square:
            rects.append(_Rect(min(x0, x2), max(x0, x2), min(y0, y2), max(y0, y2), stroke, fill, shade))
            return
    curves.append(pts)


def _fill_shade(api: _Api, obj: int) -> float:
    rgba = [ctypes.c_uint() for _ in range(4)]
    if not api.fill_color(obj, *(ctypes.addressof(v) for v in rgba)):
        return 1.0
    r, g, b = (v.value / 255 for v in rgba[:3])
    return 0.299 * r + 0.587 * g + 0.114 * b


def _edges(
    lines: list[Segment], rects: list[_Rect], curves: list[list[tuple[float, float]]], settings: PdfSettings
) -> tuple[Edge, ...]:
    """Ruling edges in pdfplumber's order: lines, then each rect's four sides, then curve pieces."""
    out: list[Edge] = []
    limit = settings.max_edges_per_page

    def add(orientation: str | None, x0: float, x1: float, top: float, bottom: float, stroked: bool) -> bool:
        edge = ruling_edge(orientation, x0, x1, top, bottom, stroked)
        if edge is not None:
            out.append(edge)
        return len(out) >= limit

    for x0, x1, top, bottom in lines:
        if add("h" if top == bottom else "v", x0, x1, top, bottom, True):
            return tuple(out)
    for r in rects:
        for side in (
            ("h", r.x0, r.x1, r.top, r.top),
            ("h", r.x0, r.x1, r.bottom, r.bottom),
            ("v", r.x0, r.x0, r.top, r.bottom),
            ("v", r.x1, r.x1, r.top, r.bottom),
        ):
            if add(*side, r.stroke):
                return tuple(out)
    for pts in curves:
        for (x0, t0), (x1, t1) in zip(pts, pts[1:], strict=False):
            orientation = "v" if x0 == x1 else "h" if t0 == t1 else None
            if add(orientation, min(x0, x1), max(x0, x1), min(t0, t1), max(t0, t1), True):
                return tuple(out)
    return tuple(out)


def _fills(rects: list[_Rect], settings: PdfSettings) -> tuple[Fill, ...]:
    out: list[Fill] = []
    for r in rects:
        if r.fill:
            fill = fill_of(r.x0, r.x1, r.top, r.bottom, r.shade)
            if fill is not None:
                out.append(fill)
                if len(out) >= settings.max_edges_per_page:
                    break
    return tuple(out)
