"""Which institution wrote the plan, and the period it covers, from the plan's own words.

Only what the document (or, failing that, its file name) prints: an unknown institution is "",
never a guess presented as fact.
"""

from __future__ import annotations

import re
from collections import Counter

_NAME_WORD = r"(?:[A-Z][\w'\u2019&.-]*|of|the|and|upon|on|in|for|at|de|la)"
_CAP_WORD = r"[A-Z][\w'\u2019&-]*"
_CONNECT = r"(?:of|the|and|upon|on|in|for|at|&)"
_ORG = r"(?:University|College|Institute|School|Conservatoire|Academy|Consortium|Partnership|Centre)"
# a university named with its city after it; the list is of places, not of institutions
_PLACE = r"(?:London|Belfast|Edinburgh|Glasgow|Cardiff|Wales|Scotland)"
_PATTERNS = (
    # "University of the West of England", "University College London", "Institute of Cancer Research"
    re.compile(
        rf"\b(?:(?:{_CAP_WORD})\s+){{0,2}}{_ORG}\s+(?:of|for)\s+(?:the\s+)?{_CAP_WORD}"
        rf"(?:\s+(?:{_CONNECT}\s+)*{_CAP_WORD})*"
    ),
    # "De Montfort University", "Oxford Brookes University", "King's College London",
    # "Queen’s University Belfast"
    re.compile(rf"\b(?:{_CAP_WORD}\s+){{1,4}}(?:University|College)(?:\s+{_PLACE})?\b"),
    # "John Innes Centre", "Francis Crick Institute": two or more names before the word
    re.compile(rf"\b(?:{_CAP_WORD}\s+){{2,3}}(?:Centre|Institute)\b"),
)
# "St George’s, University of London": a college of a federal university, named with it
_FEDERAL = re.compile(rf"\b(?:{_CAP_WORD}\s+){{0,3}}{_CAP_WORD},\s+University\s+of\s+London\b")
_LEADING_NOISE = re.compile(
    r"^(?:(?:The|Our|This|A|An|Technician|Technicians|Commitment|Action|Plan|Report|Statement|Draft|Final|"
    r"Updated?|Annual|Progress|TALENT|Commission|Response|Self[- ]Assessment|All|Each|Every|Other|UK|"
    r"Russell|Group|Member|Members|Partner|Partners|Local|National)\s+)+"
)
_STOP_TAIL = re.compile(
    r"\s+(?:Technician|Technicians|Technical|Commitment|Action|Actions|Plan|Report|Statement|Staff|Services|"
    r"Strategy|Progress|TALENT|Update|Research|Community|Tc|Tcap|Ap|Final|Draft|Version|V\d+)\b.*$"
)
_ACRONYM_DEF = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,5}[A-Z][a-z]+)\s+\(([A-Z]{2,6})\)")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PERIOD = re.compile(
    rf"(?<![\d/])(?:{_MONTH}\s+)?((?:19|20)\d\d)(?:\s*/\s*\d\d(?:\d\d)?)?\s*"
    rf"(?:-|\u2013|\u2014|to|until|through|\u2192)\s*(?:{_MONTH}\s+)?((?:19|20)?\d\d)(?!\d)(?:\s*/\s*(\d\d)(?!\d))?",
    re.I,
)


def _tidy_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:-")
    name = _LEADING_NOISE.sub("", name)
    name = _STOP_TAIL.sub("", name)
    return name.strip(" ,.;:-'\u2019")


def _names_in(text: str) -> list[str]:
    """Institution names a line prints; an all-capitals line is read in title case."""
    if text.isupper():
        text = re.sub(r"\b(Of|The|And|Upon|On|In|For|At)\b", lambda m: m.group(1).lower(), text.title())
    names = [hit.group(0).strip() for hit in _FEDERAL.finditer(text)]
    for pattern in _PATTERNS:
        for hit in pattern.finditer(text):
            name = _tidy_name(hit.group(0))
            if re.search(_ORG, name) and len(name.split()) >= 2:
                names.append(name)
    # keep the longest reading of overlapping hits ("University College London" over "College London")
    return [n for n in names if not any(n != m and n in m for m in names)]


def _defined_name_in_title(lines: list[str], title: str) -> str:
    """A consortium that names itself: "Midlands Innovation (MI) is ..." with the name in the title."""
    title_key = title.casefold()
    for line in lines:
        for hit in _ACRONYM_DEF.finditer(line):
            name, acronym = hit.group(1), hit.group(2)
            initials = "".join(w[0] for w in name.split())
            if initials.upper() == acronym and name.casefold() in title_key:
                return name
    return ""


# "Technicians at CCCU", "N8 Research Partnership", "UCL's technicians": an abbreviation where a
# name would stand (after "at"/"of", before "Technicians", "Research", "staff", ...)
_ORG_ABBREVIATION = re.compile(
    r"\b(?:at|of|from|across)\s+([A-Z][A-Z0-9]{1,5})\b(?!\s*\))"
    r"|\b([A-Z][A-Z0-9]{1,5})(?=(?:['\u2019]s)?\s+(?:Technicians?|Technical|Research|Partnership|staff)\b)"
)
_NOT_AN_ORG = {"TC", "UK", "HE", "TALENT", "STEM", "HR", "IT", "CPD", "EDI", "RAG"}


def _abbreviation_in_title(head: list[str]) -> str:
    for line in head:
        for hit in _ORG_ABBREVIATION.finditer(line):
            found = hit.group(1) or hit.group(2)
            if found not in _NOT_AN_ORG and any(c.isalpha() for c in found):
                return found
    return ""


def title_lines(lines: list[str], limit: int = 8) -> list[str]:
    """The first lines of the document, each also joined with the next (a title wraps)."""
    head = [ln for ln in lines if ln.strip()][:limit]
    out: list[str] = []
    for i, line in enumerate(head):
        out.append(line)
        if i + 1 < len(head):
            out.append(f"{line} {head[i + 1]}")
    return out


def detect_institution(
    lines: list[str], running: list[str], file_stem: str = "", metadata: tuple[str, ...] = ()
) -> tuple[str, str]:
    """(institution, how): title lines, then running headers, then all text, then the file name.

    A title that prints only an abbreviation ("Technicians at CCCU") gives "" with the abbreviation
    in `how`: the contract's value is the name as printed, and "CCCU" joins with nothing.
    """
    head = title_lines(lines)
    for source, texts in (("title", head), ("running header", running), ("file metadata", metadata)):
        for text in texts:
            names = _names_in(text)
            if names:
                return names[0], f"{source}: '{text[:80]}'"
    counts = Counter(n for text in lines for n in _names_in(text))
    if counts:
        name, n = counts.most_common(1)[0]
        if n >= 2:
            return name, f"named {n} times in the text"
    if len(counts) == 1:
        name = next(iter(counts))
        return name, "the only institution named in the text"
    if head:
        defined = _defined_name_in_title(lines, " ".join(head[:2]))
        if defined:
            return defined, "name defined with its acronym and printed in the title"
        short = _abbreviation_in_title(head[:3])
        if short:
            # an abbreviation is not a name a reader can join on: reported, never the value
            return "", f"not printed in full: only the abbreviation '{short}', in the title"
    stem_text = re.sub(r"[_\-.]+", " ", file_stem).strip()
    names = _names_in(stem_text.upper()) if stem_text else []
    if names:
        return names[0], f"file name '{file_stem}'"
    return "", "not printed"


def _year(text: str, base: str) -> int:
    return int(text) if len(text) == 4 else int(base[:2] + text)


def period_in(text: str) -> str:
    """ "January 2021-January 2024" / "Mar 2024 to Mar 2027" / "2022-25" -> "2021-2024" etc."""
    for hit in _PERIOD.finditer(text or ""):
        start = int(hit.group(1))
        end = _year(hit.group(2), hit.group(1))
        if hit.group(3):  # academic years: "2021/22 - 2023/24" ends in 2024
            end = _year(hit.group(3), str(end))
        if 1990 <= start < end <= start + 10:
            return f"{start}-{end}"
    return ""


def detect_period(lines: list[str], running: list[str], file_stem: str = "") -> tuple[str, str]:
    """(period, how): the title's range, else a range on a line about the plan, else the file name."""
    for source, texts in (("title", title_lines(lines)), ("running header", running)):
        for text in texts:
            period = period_in(text)
            if period:
                return period, f"{source}: '{text[:80]}'"
    for text in lines:
        if re.search(r"(?i)\b(plan|period|strategy|commitment)\b", text):
            period = period_in(text)
            if period:
                return period, f"text: '{text[:80]}'"
    period = period_in(re.sub(r"_", " ", file_stem))
    if period:
        return period, f"file name '{file_stem}'"
    return "", "not printed"
