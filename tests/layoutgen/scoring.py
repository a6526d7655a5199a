"""Record F1 and field accuracy of predicted rows against a sample's truth.

Mirrors the matching of the shared scorer (outside the project; see benchmarks README): records
pair one-to-one on normalised action text (rapidfuzz ratio >= 90, most pairs then highest total
similarity), fields are compared after the same normalisation (theme: pillar contained; status:
the printed word in status_raw or status). Unlike it, timescale and stated_rec are scored whenever
the truth fills them: the generator knows them exactly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from .plan import RECORD_FIELDS

THRESHOLD = 90.0
SCORED = RECORD_FIELDS  # every field the truth holds is scored
STATUS_WORDS = {"r": {"delayed"}, "a": {"at_risk", "not_started"}, "g": {"on_track"}, "b": {"complete"}}
_TRANSLATE = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)
_BULLET = re.compile(r"(?m)^\s*[*\u2022\u25cf\u25aa\u25e6\u2023\u00b7]+\s*")


def norm(text) -> str:
    if text is None or (isinstance(text, float) and text != text):
        return ""
    text = unicodedata.normalize("NFKC", str(text)).translate(_TRANSLATE)
    text = _BULLET.sub("", text)
    text = re.sub(r"(\w)-\s+(?=\w)", r"\1-", text)
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return text.rstrip(" .,;:!?")


def field_correct(field: str, gold: str, row: dict) -> bool:
    g, p = norm(gold), norm(row.get(field, ""))
    if field == "theme":
        return g in p if g else not p
    if field == "status":
        raw = norm(row.get("status_raw", ""))
        return g in (p, raw) or p.replace(" ", "_") in STATUS_WORDS.get(g, ())
    return g == p


def max_weight_pairs(weight: list[list[float]]) -> list[tuple[int, int]]:
    """Hungarian assignment maximising total weight (rows x columns, any shape)."""
    n, m = len(weight), len(weight[0]) if weight else 0
    if not n or not m:
        return []
    size = max(n, m)
    top = max(max(r) for r in weight)
    cost = [[top - (weight[i][j] if i < n and j < m else 0.0) for j in range(size)] for i in range(size)]
    inf = float("inf")
    u, v, p, way = [0.0] * (size + 1), [0.0] * (size + 1), [0] * (size + 1), [0] * (size + 1)
    for i in range(1, size + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (size + 1), [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return [(p[j] - 1, j - 1) for j in range(1, size + 1) if p[j] and p[j] - 1 < n and j - 1 < m]


@dataclass(frozen=True)
class SampleScore:
    gold: int
    predicted: int
    matched: int
    f1: float
    field_correct: int
    field_compared: int
    per_field: dict[str, tuple[int, int]]  # field -> (correct, compared)
    missed: tuple[str, ...]  # gold actions with no partner (first 80 chars)
    unmatched: tuple[str, ...]  # predicted actions with no partner

    @property
    def field_acc(self) -> float:
        return self.field_correct / self.field_compared if self.field_compared else 0.0


def score_sample(gold: list[dict[str, str]], rows: list[dict]) -> SampleScore:
    """Score predicted rows (dicts with actions.csv columns) against truth records."""
    preds = [r for r in rows if any(norm(r.get(f, "")) for f in SCORED)]
    gold_keys = [norm(g["action"]) for g in gold]
    pred_keys = [norm(p.get("action", "")) for p in preds]
    ratios = [[fuzz.ratio(g, p) if g and p else 0.0 for p in pred_keys] for g in gold_keys]
    weight = [[1000.0 + s if s >= THRESHOLD else 0.0 for s in row] for row in ratios]
    pairs = [(i, j) for i, j in max_weight_pairs(weight) if ratios[i][j] >= THRESHOLD]
    fields = [f for f in SCORED if any(norm(g.get(f, "")) for g in gold)]
    per_field = {f: [0, 0] for f in fields}
    for i, j in pairs:
        for f in fields:
            per_field[f][1] += 1
            per_field[f][0] += field_correct(f, gold[i].get(f, ""), preds[j])
    matched = len(pairs)
    recall = matched / len(gold) if gold else 0.0
    precision = matched / len(preds) if preds else 0.0
    paired_g, paired_p = {i for i, _ in pairs}, {j for _, j in pairs}
    return SampleScore(
        gold=len(gold),
        predicted=len(preds),
        matched=matched,
        f1=2 * recall * precision / (recall + precision) if recall + precision else 0.0,
        field_correct=sum(c for c, _ in per_field.values()),
        field_compared=sum(n for _, n in per_field.values()),
        per_field={f: (c, n) for f, (c, n) in per_field.items()},
        missed=tuple(gold_keys[i][:80] for i in range(len(gold)) if i not in paired_g),
        unmatched=tuple(pred_keys[j][:80] for j in range(len(preds)) if j not in paired_p),
    )
