"""Cell text hygiene: undo what exports and line wrapping did to the words, change nothing else.

PDF cells arrive as wrapped lines, and some plans print HTML source (`<p>` tags, `&amp;`) from a
CMS export; the dataset must carry the sentence as the plan printed it, with bullets one per line.
Text that merely looks like markup (`<Grade 6>`, `&regulations`, `&lt;b&gt;`) is printed text.
"""

from __future__ import annotations

import html
import re

BULLET_CHARS = "*\u2022\u25cf\u25aa\u25e6\u2023\u00b7\u25a0\u25a1\u2043\u27a2\u2713\uf0b7\uf0a7\uf076\uf0d8"
_PRIVATE_BULLETS = str.maketrans(
    {"\uf0b7": "\u2022", "\uf0a7": "\u25aa", "\uf076": "\u2022", "\uf0d8": "\u2022"}
)
_BULLET_LINE = re.compile(rf"^\s*([{re.escape(BULLET_CHARS)}]|-\s)")
# HTML residue: a cell whose printed text is HTML source (a CMS export printed as is). Only cells
# that carry a paragraph or line-break tag count as such, and in them only tags with an HTML
# element's name are dropped and only complete entities (`&amp;`, `&#38;`) decoded: `<Grade 6>`,
# `&regulations` and a printed `&lt;script&gt;` in ordinary text stay exactly as printed.
_HTML_BLOCK = re.compile(r"(?i)<(p|br|li|div)(\s[^<>]*)?/?>|</(p|li|div)>")
_HTML_ELEMENTS = (
    "a|abbr|b|big|blockquote|br|center|code|dd|del|div|dl|dt|em|font|h[1-6]|hr|i|ins|li|mark|ol|p|pre"
    "|q|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul"
)
_PARAGRAPH_TAG = re.compile(r"(?i)</?(p|br|li|div)\b[^<>]*>")
_HTML_TAG = re.compile(rf"(?i)</?(?:{_HTML_ELEMENTS})(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A function word after a line-end hyphen means the hyphen was a suspended compound
# ("department- and institution-level"), so the space stays.
_SUSPENDED = {"and", "or", "to", "nor", "&", "as", "but", "then"}
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200a\u202f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\ufeff]")


def is_bullet_line(line: str) -> bool:
    return bool(_BULLET_LINE.match(line))


def strip_markup(text: str) -> str:
    """HTML residue -> its text: `<p>a</p> <p>b</p>` -> two lines, `&amp;` -> `&`. Anything that is
    not evidently HTML source is left exactly as printed."""
    if not _HTML_BLOCK.search(text):
        return text
    text = _PARAGRAPH_TAG.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def _join(previous: str, line: str) -> str:
    """Join a wrapped line onto the text so far."""
    if previous.endswith("\u00ad"):  # soft hyphen: a word broken by the layout
        return previous[:-1] + line
    if re.search(r"\w-$", previous) and re.match(r"[a-z]", line):
        first = re.match(r"[^\s]+", line).group(0).lower()
        return previous + (" " if first in _SUSPENDED else "") + line
    return previous + " " + line


def clean_cell(text: str | None) -> str:
    """Readable, single-spaced cell text; wrapped lines re-joined, bullet items one per line."""
    if not text:
        return ""
    text = strip_markup(str(text)).translate(_PRIVATE_BULLETS)
    text = _ZERO_WIDTH.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    items: list[str] = []
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            continue
        if items and not is_bullet_line(line):
            items[-1] = _join(items[-1], line)
        else:
            items.append(line)
    return "\n".join(items).replace("\u00ad", "")


_CODE_REF = re.compile(r"^[A-Za-z]{0,5}[-.]?\d{1,3}(?:[.\-]\d{1,3})*[a-z]?$")


def clean_ref(text: str) -> str:
    """The plan's own reference without trailing punctuation: `B1.` -> `B1`, `2.6` stays.

    A narrow column breaks a code across lines (`RE` / `C-01`); the pieces are put back together
    when they only make sense as one code."""
    text = clean_cell(text).replace("\n", " ").strip().rstrip(".:;,)").strip()
    joined = re.sub(r"\s+", "", text)
    head = text.split()[:-1]
    if (
        head
        and _CODE_REF.match(joined)
        and all(p.isupper() and not any(c.isdigit() for c in p) for p in head)
    ):
        return joined
    return text
