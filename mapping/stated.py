"""Reading the recommendation a plan states itself (`R5`, `R5.2`, `Rec 5`, `TCR`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_R_NUMBER = re.compile(r"^\s*r(?:ec(?:ommendation)?)?\.?\s*(\d{1,2})(?:\s*\.\s*(\d{1,2}))?\s*\.?\s*$", re.I)
_TCR = re.compile(r"^\s*\*?\s*tcr\s*$", re.I)


@dataclass(frozen=True)
class StatedRec:
    rec_id: str = ""  # R1..R16, "" when none
    target_id: str = ""  # R5.2 when the plan names a targeted one
    is_tcr: bool = False  # "objective is a Commission targeted recommendation"


def parse_stated(stated: str, rec_ids: tuple[str, ...], target_ids: tuple[str, ...]) -> StatedRec:
    """An R-number outside the known recommendations is ignored rather than trusted."""
    if _TCR.match(stated or ""):
        return StatedRec(is_tcr=True)
    m = _R_NUMBER.match(stated or "")
    if not m:
        return StatedRec()
    rec_id = f"R{int(m.group(1))}"
    if rec_id not in rec_ids:
        return StatedRec()
    target = f"{rec_id}.{int(m.group(2))}" if m.group(2) else ""
    return StatedRec(rec_id, target if target in target_ids else "")
