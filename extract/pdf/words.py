"""Characters -> words, the way pdfplumber's `WordExtractor` groups them, on plain tuples.

`read_pdfium` hands its characters here as tuples (no dict per character). The grouping is
pdfplumber's, step for step, so both readers give the same words: runs of characters with the
same uprightness and size, clustered into lines by their tops (`y_tolerance`), ordered by x0 and
split at whitespace, at a gap wider than `x_tolerance` or where a character starts left of the one
before. Sideways characters (not upright) make no words: the page reader turns a sideways page
upright first, and a stray rotated label on an upright page is not body text.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from operator import itemgetter

from .page import Word

# One character: text, x0, x1, top, bottom, size, upright, bold
Char = tuple[str, float, float, float, float, float, bool, bool]
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
_LIGATURE_CHARS = frozenset(LIGATURES)

_run_key = itemgetter(6, 5)  # upright, size: pdfplumber's grouping with extra_attrs=["size"]
_x0 = itemgetter(1)


def words_of(chars: Sequence[Char], x_tolerance: float, y_tolerance: float = 2.0) -> list[Word]:
    """The words printed by `chars` (in content order), as pdfplumber's WordExtractor finds them."""
    out: list[Word] = []
    for (upright, _), run in groupby(chars, _run_key):
        if upright:
            for line in _lines(list(run), y_tolerance):
                _split_words(sorted(line, key=_x0), x_tolerance, y_tolerance, out)
    return out


def _lines(run: list[Char], tolerance: float) -> list[list[Char]]:
    """Cluster characters by top: sorted distinct tops chained while each is within `tolerance`
    of the one before (pdfplumber's `cluster_objects`), keeping content order inside a line."""
    cluster_of: dict[float, int] = {}
    last = None
    k = -1
    for top in sorted({c[3] for c in run}):
        if last is None or top > last + tolerance:
            k += 1
        cluster_of[top] = k
        last = top
    if k == 0:
        return [run]
    ordered = sorted(run, key=lambda c: cluster_of[c[3]])
    return [list(g) for _, g in groupby(ordered, key=lambda c: cluster_of[c[3]])]


def _split_words(line: list[Char], x_tol: float, y_tol: float, out: list[Word]) -> None:
    """Split one line (sorted by x0) into words; the last character's x0, x1 and top are kept in
    locals, the loop runs once per character on every page."""
    word: list[Char] = []
    px0 = px1 = ptop = 0.0
    for c in line:
        if c[0].isspace():
            if word:
                out.append(_word(word))
                word = []
            continue
        x0, x1, top = c[1], c[2], c[3]
        if word and (x0 < px0 or x0 > px1 + x_tol or abs(top - ptop) > y_tol):
            out.append(_word(word))
            word = [c]
        else:
            word.append(c)
        px0, px1, ptop = x0, x1, top
    if word:
        out.append(_word(word))


def _word(chars: list[Char]) -> Word:
    texts, x0s, x1s, tops, bottoms, _, _, bolds = zip(*chars, strict=True)
    first = chars[0]
    text = "".join(texts)
    if not _LIGATURE_CHARS.isdisjoint(text):  # rare: spell out each ligature character
        text = "".join(LIGATURES.get(t, t) for t in texts)
    return Word(
        text,
        min(x0s),
        max(x1s),
        min(tops),
        max(bottoms),
        first[5],
        first[2] - first[1],
        sum(bolds) * 2 > len(chars),
    )
