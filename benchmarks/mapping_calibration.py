"""Fit and check the mapping confidence out of sample: leave one plan out, never on tuned rows.

    .venv/bin/python benchmarks/mapping_calibration.py [--shared ../shared] [--write]

Labelled similarity decisions are taken from matcher versions that had not been tuned on them:
the vocabulary was corrected after looking at the misses of several labelled sets, and a model
fitted on the corrected version's answers for those rows would learn that the matcher is nearly
always right. So each set is scored by the last version before its misses were looked at:

| set | version | why |
|---|---|---|
| holdout (8 plans) | 08a3393 | round 2 fixed its 4 misses (1ab762f) |
| check set batch 1 | 08a3393 | written before round 2, which its misses informed |
| holdout2 (7 plans) | 8703ba7 | round 3 fixed its misses (6314982) |
| check set batch 2 | HEAD | never tuned on |
| real plans 2xx (shared corpus) | HEAD | arrived after the last vocabulary change |

Seeds (DMU, MI, Reading) shaped the first vocabulary: reported, never fitted. No set's misses were
read in round 6, but its one change (the objective's own example votes) was picked among ~40
variants by these LOPO figures, and FLAG_LIMIT set after seeing them (mapping/README.md, round 6):
the pooled figures are slightly optimistic, not tuned on any set's wording. Old versions are
unpacked with `git archive` into a temporary folder and run in a subprocess; the features are
computed here, by the current `mapping.confidence`, from their rankings.

Leave-one-plan-out: for every plan (the check set counts as one plan per batch, one author's
paraphrases), the model is fitted on the other plans and predicts this one; the review line for
this plan is chosen on the other plans' held-out predictions. The reliability table and review
figures below come from those predictions only. `--write` then fits on all of them, writes
`mapping/data/confidence.csv` and replaces the reliability section of mapping/README.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from mapping_eval import CHECKSET, HOLDOUT, HOLDOUT2, holdout_run, labels_for, query_of  # noqa: E402

from mapping import MappingQuery, Matcher  # noqa: E402
from mapping.confidence import FEATURE_NAMES, ConfidenceModel, decision_features  # noqa: E402
from mapping.examples import Example, ExampleBank  # noqa: E402
from mapping.matcher import own_objectives  # noqa: E402
from mapping.ranking import EVIDENCE_NAMES, RankingWeights  # noqa: E402
from mapping.review import review_reasons  # noqa: E402
from mapping.similarity import QueryEvidence, SimilarityRanker, combine, pillar_prior  # noqa: E402
from mapping.vocabulary import generic_cues, load_vocabulary  # noqa: E402

HEAD = "HEAD"
MATCHER = Matcher()  # this version: retrieval index, pillar priors, plan context
# This version's evidence path with no example bank: the votes come from the other plans' rows only
# (`with_example_votes`), and the cue scores from each row's own matcher version (`rows_of`).
EVIDENCE = SimilarityRanker.build(MATCHER.reference, MATCHER.vocabulary, examples=ExampleBank.build([]))
# The combination weights before they were fitted (hand-set: a cue in the action 1, in the
# objective 0.5, retrieval 2.0 for the action and 1.0 for the objective, pillar prior 1.0; the
# labelled examples, the measure, the notes and the objective's example votes 0: they were not used).
HAND_WEIGHTS = RankingWeights((1.0, 0.5, 0.5, 2.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0))
EXAMPLES_CSV = ROOT / "mapping/data/examples.csv"
RANK_L2 = 5.0  # ridge penalty towards HAND_WEIGHTS (raw features; ~300 rows x 16); 1 and 20 tried: README
L2 = 1.0  # ridge penalty on standardised features: ~300 rows, 7 features, some nearly collinear
# Review line: the lowest that catches CATCH_TARGET of the wrong tags on the training plans' held-out
# predictions (more than the 0.8 asked, so that a new plan still clears 0.8), unless that flags
# more than FLAG_LIMIT of them; then the highest line within the limit (less than the 0.2 allowed,
# for the same reason: a line at the training plans' limit flags a new plan either side of it).
# FLAG_LIMIT was 0.2 until round 6 and set to 0.19 after seeing the round 6 held-out flag share
# at 0.2 (62/300; 0.19: 57/300 with the same 17/21 caught; 0.18: 16/21): see mapping/README.md.
CATCH_TARGET = 0.85
FLAG_LIMIT = 0.19
LINES = tuple(round(0.30 + 0.01 * i, 2) for i in range(66))  # 0.30 .. 0.95
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01))
README = ROOT / "mapping/README.md"
CONFIDENCE_CSV = ROOT / "mapping/data/confidence.csv"
RANKING_CSV = ROOT / "mapping/data/ranking.csv"
START, END = "<!-- reliability:start -->", "<!-- reliability:end -->"

DUMP = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from mapping import Matcher, MappingQuery
m = Matcher()
payload = json.load(sys.stdin)
qs = [MappingQuery(**q) for q in payload["queries"]]
weights = m.plan_weights(qs)


def cues(text, w, as_objective):
    # per recommendation: [cue score, [[phrase, contribution], ...], lone generic] of one text alone
    if hasattr(m.ranker, "cue_evidence"):  # this version: unweighted cue evidence
        e = m.ranker.cue_evidence(text, w)
        return {r: [e.totals.get(r, 0.0), [list(t) for t in e.terms.get(r, {}).items()], r in e.weak]
                for r in m.reference.rec_ids}
    # older versions: the text ranked alone (as the action, or as an objective with no action: full share)
    r = m.ranker.rank("", text, "", w) if as_objective else m.ranker.rank(text, "", "", w)
    return {s.rec_id: [sum(v for _, v in s.cue_terms), [list(t) for t in s.cue_terms],
                       bool(getattr(s, "lone_generic", False))] for s in r.scores}


out = []
for q, (measure, notes), match in zip(qs, payload["texts"], m.match_all(qs)):
    w = weights.get(q.plan_id, {})
    a = cues(q.action, w, False)
    o = cues(q.objective, w, True)
    out.append({"method": match.method, "rec_id": match.rec_id, "action": a, "objective": o,
                "measure": cues(measure, w, False), "notes": cues(notes, w, False)})
json.dump(out, sys.stdout)
"""


@dataclass(frozen=True)
class Row:
    set_name: str
    group: str  # the plan held out together
    query: MappingQuery
    labels: tuple[str, ...]
    method: str
    evidence: QueryEvidence  # cue scores from the row's matcher version, retrieval and prior from this one
    rec_id: str = ""  # filled by `ranked` for given weights
    candidates: tuple[str, ...] = ()
    scores: tuple = ()

    @property
    def right(self) -> bool:
        return self.rec_id in self.labels

    def label_mask(self) -> np.ndarray:
        return np.array([e.rec_id in self.labels for e in self.evidence.recs])


def ranked(row: Row, weights: RankingWeights) -> Row:
    r = combine(row.evidence, weights)
    return replace(row, rec_id=r.best.rec_id, candidates=r.candidates(), scores=r.scores)


def shared_truth(shared: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text()) for p in sorted((shared / "corpus/truth").glob("*.json"))}


def real_plans(shared: Path, hide_stated: bool = True) -> tuple[list[MappingQuery], list[list[str]]]:
    """The shared corpus's real plans (plan ids 2xx) with their hand labels."""
    labels = json.loads((shared / "corpus/labels.json").read_text())
    queries, wants = [], []
    for plan_id, plan in shared_truth(shared).items():
        if not plan_id.rsplit("_", 1)[-1].startswith("2"):
            continue
        for a in plan["actions"]:
            queries.append(query_of(plan_id, a, hide_stated=hide_stated))
            wants.append(labels_for(plan_id, a, labels))
    return queries, wants


def checkset(batch: str) -> tuple[list[MappingQuery], list[list[str]]]:
    with CHECKSET.open(encoding="utf-8") as fh:
        rows = [(i, r) for i, r in enumerate(csv.DictReader(fh), 1) if r["batch"] == batch]
    queries = [MappingQuery(f"check_{i}", str(i), r["action"], r["objective"], r["theme"]) for i, r in rows]
    return queries, [r["labels"].split() for _, r in rows]


def seed_sets(shared: Path) -> list[tuple[str, list[MappingQuery], list[list[str]]]]:
    truth = shared_truth(shared)
    labels = json.loads((shared / "corpus/labels.json").read_text())
    dmu = truth["dmu_004"]["actions"]
    mis = truth["mi_statement_001"]["actions"]
    mim = [a for a in truth["mi_member_000"]["actions"] if a["action"].strip()]
    return [
        (
            "DMU, R-numbers and objective hidden",
            [query_of("dmu_004", a, hide_objective=True, hide_stated=True) for a in dmu],
            [[a["stated_rec"]] for a in dmu],
        ),
        (
            "MI statement",
            [query_of("mi_statement_001", a) for a in mis],
            [labels_for("mi_statement_001", a, labels) for a in mis],
        ),
        (
            "MI member, objective hidden",
            [query_of("mi_member_000", a, hide_objective=True) for a in mim],
            [labels_for("mi_member_000", a, labels) for a in mim],
        ),
    ]


def unpack(version: str, into: Path) -> Path:
    """The `mapping/` package of a commit, for the dump subprocess."""
    if version == HEAD:
        return ROOT
    blob = subprocess.run(
        ["git", "-C", str(ROOT), "archive", version, "mapping"], check=True, capture_output=True
    ).stdout
    target = into / version
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(target, filter="data")
    return target


def dumped(root: Path, queries: list[MappingQuery]) -> list[dict]:
    """The version at `root` run on `queries`; the measure and notes (which older versions do not
    read) go separately, for their cue scores by that version."""
    texts = [[q.measure, q.notes] for q in queries]
    older = [{k: v for k, v in q.__dict__.items() if k not in ("measure", "notes")} for q in queries]
    payload = json.dumps({"queries": older, "texts": texts})
    done = subprocess.run(
        [sys.executable, "-c", DUMP, str(root)], input=payload, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def rows_of(
    set_name: str, root: Path, queries: list[MappingQuery], wants: list[list[str]], group_by_plan: bool
) -> list[Row]:
    """Rows with the cue evidence of the matcher version at `root` and this version's retrieval,
    pillar prior and objective ownership (none of which was tuned on labelled rows)."""
    out = []
    own = own_objectives(queries)
    plan_weights = MATCHER.plan_weights(queries)
    for i, (q, want, d) in enumerate(zip(queries, wants, dumped(root, queries), strict=True)):
        if not want:
            continue
        evidence = EVIDENCE.evidence(q, plan_weights.get(q.plan_id, {}), i in own)
        recs = []
        for e in evidence.recs:
            ca, ta, wa = d["action"].get(e.rec_id, [0.0, [], False])
            co, to, wo = d["objective"].get(e.rec_id, [0.0, [], False])
            cm, tm, _ = d["measure"].get(e.rec_id, [0.0, [], False])
            cn, tn, _ = d["notes"].get(e.rec_id, [0.0, [], False])
            recs.append(
                replace(
                    e,
                    cue_action=ca, cue_objective=co, cue_measure=cm, cue_notes=cn,
                    terms_action=tuple((p, v) for p, v in ta), terms_objective=tuple((p, v) for p, v in to),
                    terms_measure=tuple((p, v) for p, v in tm), terms_notes=tuple((p, v) for p, v in tn),
                    lone_generic=(wa or wo) and len({p for p, _ in ta} | {p for p, _ in to}) == 1,
                )
            )  # fmt: skip
        group = q.plan_id if group_by_plan else set_name
        out.append(
            Row(
                set_name, group, q, tuple(want), d["method"], replace(evidence, recs=tuple(recs)), d["rec_id"]
            )
        )
    return out


def is_project_set(row: Row) -> bool:
    """The project's own labelled sets (benchmarks/): the bank of examples shipped in the package.
    The shared corpus's real plans are outside material: scored, never shipped."""
    return not row.set_name.startswith("real plans")


def with_example_votes(rows: list[Row]) -> list[Row]:
    """Each row's example votes (on the action, and on the objective alone) from the project's
    labelled rows of the *other* plans."""
    out = list(rows)
    for g in sorted({r.group for r in rows}):
        bank = ExampleBank.build(
            [
                Example(r.query.action, r.query.objective, r.labels)
                for r in rows
                if r.group != g and is_project_set(r)
            ]
        )
        for i, r in enumerate(rows):
            if r.group == g:
                votes, objective_votes = bank.votes(r.query.action, r.query.objective)
                recs = tuple(
                    replace(
                        e,
                        examples=votes.get(e.rec_id, 0.0),
                        examples_objective=objective_votes.get(e.rec_id, 0.0),
                    )
                    for e in r.evidence.recs
                )
                out[i] = replace(r, evidence=replace(r.evidence, recs=recs))
    return out


def examples_rows(rows: list[Row]) -> list[dict[str, str]]:
    """The shipped bank: every labelled row of the project's own sets (one per action text)."""
    seen, out = set(), []
    for r in rows:
        key = (r.query.action, r.query.objective)
        if is_project_set(r) and key not in seen:
            seen.add(key)
            out.append(
                {
                    "source": r.set_name.split(" (")[0],
                    "action": r.query.action,
                    "objective": r.query.objective,
                    "labels": " ".join(r.labels),
                }
            )
    return out


def collect(shared: Path, tmp: Path) -> list[Row]:
    """The rows to fit on, each scored by a version not tuned on it."""
    fit: list[Row] = []
    plans = [
        ("holdout", "08a3393", *holdout_run(HOLDOUT), True),
        ("check set batch 1", "08a3393", *checkset("1"), False),
        ("holdout2", "8703ba7", *holdout_run(HOLDOUT2), True),
        ("check set batch 2", HEAD, *checkset("2"), False),
        ("real plans 2xx", HEAD, *real_plans(shared), True),
    ]
    for name, version, queries, wants, by_plan in plans:
        label = "this version" if version == HEAD else version
        fit += rows_of(f"{name} ({label})", unpack(version, tmp), queries, wants, by_plan)
    return with_example_votes(fit)


# --- ranking weights ------------------------------------------------------------------------------


def fit_ranking(rows: list[Row]) -> RankingWeights:
    """Conditional logit over the 16 recommendations (any labelled one counts as right), ridge
    penalised, by Newton steps with the Fisher matrix and a backtracking line search; rescaled so
    that a cue phrase in the action counts 1. No weight may be negative (evidence for a
    recommendation must not count against it: a fitted -0.13 on the measure's cue phrases made
    "Recruitment audit" speak against R8): a weight that the fit drives below zero is fixed at
    zero and the others refitted (active set)."""
    x = np.stack([np.array(r.evidence.vectors()) for r in rows])  # rows x 16 x evidence
    mask = np.stack([r.label_mask() for r in rows])
    w0 = np.array(HAND_WEIGHTS.values)  # the ridge pulls towards the hand-set weights, not to zero

    def loss(w: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
        s = x @ w
        s_max = s.max(axis=1, keepdims=True)
        p = np.exp(s - s_max)
        p /= p.sum(axis=1, keepdims=True)
        q = np.where(mask, np.exp(s - s_max), 0.0)
        q /= q.sum(axis=1, keepdims=True)
        log_all = np.log(np.exp(s - s_max).sum(axis=1))
        log_lab = np.log(np.where(mask, np.exp(s - s_max), 0.0).sum(axis=1))
        value = float(-(log_lab - log_all).sum() + RANK_L2 / 2 * (w - w0) @ (w - w0))
        mean_p = np.einsum("nk,nkf->nf", p, x)
        grad = -(np.einsum("nk,nkf->f", q, x) - mean_p.sum(axis=0)) + RANK_L2 * (w - w0)
        centred = x - mean_p[:, None, :]
        fisher = np.einsum("nk,nkf,nkg->fg", p, centred, centred) + RANK_L2 * np.eye(len(w))
        return value, grad, fisher

    def newton(free: np.ndarray) -> np.ndarray:
        w = np.where(free, w0, 0.0)
        value, grad, fisher = loss(w)
        for _ in range(100):
            step = np.zeros_like(w)
            step[free] = np.linalg.solve(fisher[np.ix_(free, free)], grad[free])
            t = 1.0
            while t > 1e-6:
                trial = loss(w - t * step)
                if trial[0] <= value:
                    break
                t /= 2
            if t <= 1e-6 or value - trial[0] < 1e-9:
                break
            w, (value, grad, fisher) = w - t * step, trial
        return w

    free = np.ones(len(w0), dtype=bool)
    w = newton(free)
    while (w[free] < 0).any():
        free &= w >= 0
        w = newton(free)
    if w[0] > 0:
        w = w / w[0]
    return RankingWeights(tuple(float(v) for v in w))


def held_out_rankings(rows: list[Row]) -> tuple[list[Row], dict[str, RankingWeights]]:
    """Each plan ranked by weights fitted on the other plans."""
    out = list(rows)
    fitted = {}
    for g in sorted({r.group for r in rows}):
        fitted[g] = weights = fit_ranking([r for r in rows if r.group != g])
        for i, r in enumerate(rows):
            if r.group == g:
                out[i] = ranked(r, weights)
    return out, fitted


# --- model -----------------------------------------------------------------------------------------


def feature_matrix(rows: list[Row], generic) -> np.ndarray:
    return np.array(
        [
            decision_features(
                r.scores, r.query.action or r.query.objective, generic, bool(pillar_prior(r.query.theme))
            ).vector()
            for r in rows
        ]
    )


def fit_logistic(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Ridge logistic regression by Newton's method; coefficients returned on the raw features."""
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mu) / sd])
    w = np.zeros(z.shape[1])
    penalty = np.diag([0.0] + [L2] * x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + penalty @ w
        hess = z.T @ (z * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    coef = w[1:] / sd
    return float(w[0] - (coef * mu).sum()), coef


def model_of(intercept: float, coef: np.ndarray, text_decided: float, line: float) -> ConfidenceModel:
    return ConfidenceModel(intercept, tuple(float(c) for c in coef), text_decided, line)


def flagged(rows: list[Row], probs: list[float], line: float, generic) -> list[bool]:
    out = []
    for r, p in zip(rows, probs, strict=True):
        f = decision_features(
            r.scores, r.query.action or r.query.objective, generic, bool(pillar_prior(r.query.theme))
        )
        out.append(bool(review_reasons(r.scores, f, p, line, generic)))
    return out


def choose_line(rows: list[Row], probs: list[float], generic) -> float:
    wrong = sum(not r.right for r in rows)
    best_within = LINES[0]
    for line in LINES:
        flags = flagged(rows, probs, line, generic)
        share = sum(flags) / len(rows)
        caught = sum(f and not r.right for f, r in zip(flags, rows, strict=True))
        if share > FLAG_LIMIT:
            return best_within
        best_within = line
        if wrong and caught / wrong >= CATCH_TARGET:
            return line
    return best_within


def text_decided_rate(shared: Path) -> tuple[float, int, int]:
    """Held-out accuracy of stated/verbatim decisions, Laplace-smoothed: the plans as printed
    (labels written independently of the printed R-numbers; DMU's labels *are* its R-numbers)."""
    truth = shared_truth(shared)
    labels = json.loads((shared / "corpus/labels.json").read_text())
    mim = truth["mi_member_000"]["actions"]
    sets = [
        (
            "mi member as printed",
            [query_of("mi_member_000", a) for a in mim],
            [labels_for("mi_member_000", a, labels) for a in mim],
        ),
        ("holdout as printed", *_as_printed(HOLDOUT)),
        ("holdout2 as printed", *_as_printed(HOLDOUT2)),
        ("real plans as printed", *real_plans(shared, hide_stated=False)),
    ]
    right = n = 0
    for name, qs, ws in sets:
        for r in rows_of(name, ROOT, qs, ws, True):
            if r.method in ("stated", "verbatim"):
                n += 1
                right += r.right
    return (right + 1) / (n + 2), right, n


def _as_printed(folder: Path) -> tuple[list[MappingQuery], list[list[str]]]:
    labels = json.loads((folder / "labels.json").read_text())
    queries, wants = [], []
    for path in sorted((folder / "truth").glob("*.json")):
        plan = json.loads(path.read_text())
        for a in plan["actions"]:
            queries.append(query_of(plan["plan_id"], a))
            wants.append(labels_for(plan["plan_id"], a, labels))
    return queries, wants


# --- report ----------------------------------------------------------------------------------------


def reliability(probs: list[float], rights: list[bool]) -> list[str]:
    lines = ["| confidence band | n | mean confidence | observed top-1 |", "|---|---|---|---|"]
    for lo, hi in BANDS:
        idx = [i for i, p in enumerate(probs) if lo <= p < hi]
        if not idx:
            lines.append(f"| {lo:.2f}–{min(hi, 1.0):.2f} | 0 | – | – |")
            continue
        k = sum(rights[i] for i in idx)
        mean = sum(probs[i] for i in idx) / len(idx)
        lines.append(
            f"| {lo:.2f}–{min(hi, 1.0):.2f} | {len(idx)} | {mean:.2f} | {k}/{len(idx)} ({k / len(idx):.2f}) |"
        )
    return lines


def figures(rows: list[Row], flags: list[bool]) -> str:
    n = len(rows)
    top1 = sum(r.right for r in rows)
    top3 = sum(bool(set(r.candidates[:3]) & set(r.labels)) for r in rows)
    wrong = [f for f, r in zip(flags, rows, strict=True) if not r.right]
    return (
        f"n {n}: top-1 {top1 / n:.2f}, top-3 {top3 / n:.2f}; needs_review catches {sum(wrong)}/{len(wrong)} "
        f"wrong ({sum(wrong) / max(1, len(wrong)):.2f}), flags {sum(flags)}/{n} ({sum(flags) / n:.2f})"
    )


def previous_rule(rows: list[Row], generic, below: int = 30) -> list[bool]:
    """needs_review as shipped before issue 16 (main 40b1b9d): score = 100 (1 - exp(-margin / 2.5)),
    capped at 29 when no cue phrase (or one generic word only) speaks for the winner; review below 30
    (`below`; 20 until round 3)."""
    out = []
    for r in rows:
        best, second = r.scores[0], r.scores[1]
        terms = best.cue_terms
        lone_generic = len(terms) == 1 and (best.rec_id, terms[0][0]) in generic
        score = (
            0 if best.total <= 0 else min(99, round(100 * (1 - math.exp(-(best.total - second.total) / 2.5))))
        )
        if not terms or lone_generic:
            score = min(score, 29)
        out.append(score < below)
    return out


def brier(probs: list[float], rights: list[bool]) -> float:
    return sum((p - r) ** 2 for p, r in zip(probs, rights, strict=True)) / len(probs)


@dataclass(frozen=True)
class HeldOut:
    """Leave-one-plan-out predictions and review flags of the similarity decisions in `rows`."""

    rows: list[Row]
    probs: list[float]
    flags: list[bool]


def leave_one_plan_out(sim: list[Row], x: np.ndarray, y: np.ndarray, generic) -> HeldOut:
    groups = sorted({r.group for r in sim})
    probs = [0.0] * len(sim)
    for g in groups:
        train = np.array([r.group != g for r in sim])
        b0, coef = fit_logistic(x[train], y[train])
        for i in np.flatnonzero(~train):
            probs[i] = 1 / (1 + math.exp(-(b0 + float(coef @ x[i]))))
    flags = [False] * len(sim)
    for g in groups:  # the line for a plan is chosen on the other plans' held-out predictions
        others = [i for i, r in enumerate(sim) if r.group != g]
        line = choose_line([sim[i] for i in others], [probs[i] for i in others], generic)
        mine = [i for i, r in enumerate(sim) if r.group == g]
        mine_flags = flagged([sim[i] for i in mine], [probs[i] for i in mine], line, generic)
        for i, f in zip(mine, mine_flags, strict=True):
            flags[i] = f
    return HeldOut(sim, probs, flags)


def held_out_report(
    held: HeldOut, text: tuple[float, int, int], model: ConfidenceModel, generic
) -> list[str]:
    sim, probs, rights = held.rows, held.probs, [r.right for r in held.rows]
    base = sum(rights) / len(rights)
    text_rate, text_right, text_n = text
    out = [
        f"Leave-one-plan-out over {len({r.group for r in sim})} plans, {len(sim)} labelled similarity "
        f"decisions ({sum(not r for r in rights)} wrong) from matcher versions not tuned on them:",
        "",
        *reliability(probs, rights),
        "",
        f"Brier score {brier(probs, rights):.3f} (always predicting the base rate {base:.2f}: "
        f"{brier([base] * len(sim), rights):.3f}). Stated / verbatim decisions: {text_right}/{text_n} "
        f"right on plans as printed (holdout, holdout2, MI member, real plans) → confidence {text_rate:.2f}.",
        "",
        f"**needs_review** (line chosen on the other plans): {figures(sim, held.flags)}.",
        f"The rule it replaces (margin score below 30) on the same decisions: "
        f"{figures(sim, previous_rule(sim, generic))}; with its line at 20, "
        f"{figures(sim, previous_rule(sim, generic, 20)).split('; ', 1)[1]}.",
        "",
        "| set (matcher version) | held-out figures |",
        "|---|---|",
    ]
    for name in dict.fromkeys(r.set_name for r in sim):
        idx = [i for i, r in enumerate(sim) if r.set_name == name]
        out.append(f"| {name} | {figures([sim[i] for i in idx], [held.flags[i] for i in idx])} |")
    named = ("intercept", *FEATURE_NAMES)
    values = (model.intercept, *model.coefficients)
    return [
        *out,
        "",
        f"Shipped model (`data/confidence.csv`, fitted on all {len(sim)}; line {model.review_below:.2f} "
        "from the held-out curve, raw-feature coefficients): "
        + ", ".join(f"{n} {c:+.3f}" for n, c in zip(named, values, strict=True))
        + ".",
    ]


def current_report(matcher: Matcher, shared: Path) -> list[str]:
    """This version with the shipped model on every labelled set: honest only where never tuned on."""
    sets = [
        ("holdout (tuned on, example bank)", *holdout_run(HOLDOUT)),
        ("holdout2 (tuned on, example bank)", *holdout_run(HOLDOUT2)),
        ("check set batch 1 (tuned on, example bank)", *checkset("1")),
        ("check set batch 2 (example bank)", *checkset("2")),
        ("real plans 2xx, truth text (misses looked at in round 4)", *real_plans(shared)),
        *[(f"{n} (seed, tuned on)", qs, ws) for n, qs, ws in seed_sets(shared)],
    ]
    out = ["| set | n | top-1 | top-3 | wrong flagged | flagged |", "|---|---|---|---|---|---|"]
    named = in_labels = 0
    for name, qs, ws in sets:
        pairs = [(m, w) for m, w in zip(matcher.match_all(qs), ws, strict=True) if w]
        n = len(pairs)
        wrong = [m.needs_review for m, w in pairs if m.rec_id not in w]
        out.append(
            f"| {name} | {n} | {sum(m.rec_id in w for m, w in pairs) / n:.2f} | "
            f"{sum(bool(set(m.candidates) & set(w)) for m, w in pairs) / n:.2f} | "
            f"{sum(wrong)}/{len(wrong)} | {sum(m.needs_review for m, _ in pairs)}/{n} |"
        )
        named += sum(bool(m.secondary) for m, _ in pairs)
        in_labels += sum(m.secondary in w for m, w in pairs if m.secondary)
    total = sum(len([w for w in ws if w]) for _, _, ws in sets)
    out += [
        "",
        f"`rec_secondary` is named for {named} of these {total} actions; for {in_labels} it is one of the "
        "row's labels (labels list acceptable tags, not every topic an action touches, so this is a floor).",
    ]
    return out


def curve_table(sim: list[Row], probs: list[float], generic) -> list[str]:
    """Wrong tags caught and decisions flagged per line, on the held-out predictions (with the
    fixed reasons, which flag some decisions at any line)."""
    cells = []
    for line in LINES[::5]:
        fl = flagged(sim, probs, line, generic)
        wrong = [f for f, r in zip(fl, sim, strict=True) if not r.right]
        cells.append((f"{line:.2f}", f"{sum(wrong)}/{len(wrong)}", f"{sum(fl)}/{len(sim)}"))
    return [
        "Held-out review curve:",
        "",
        "| line | " + " | ".join(c[0] for c in cells) + " |",
        "|---" * (len(cells) + 1) + "|",
        "| wrong caught | " + " | ".join(c[1] for c in cells) + " |",
        "| flagged | " + " | ".join(c[2] for c in cells) + " |",
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--write", action="store_true", help="write data/confidence.csv and the README table")
    args = ap.parse_args()
    shared = Path(args.shared)
    generic = generic_cues(load_vocabulary())
    with tempfile.TemporaryDirectory() as tmp:
        fit_rows = collect(shared, Path(tmp))
        text = text_decided_rate(shared)
    sim = [r for r in fit_rows if r.method == "similarity"]
    hand = [ranked(r, HAND_WEIGHTS) for r in sim]
    held_ranked, _ = held_out_rankings(sim)
    weights = fit_ranking(sim)
    x = feature_matrix(held_ranked, generic)
    y = np.array([float(r.right) for r in held_ranked])
    held = leave_one_plan_out(held_ranked, x, y, generic)
    b0, coef = fit_logistic(x, y)
    model = model_of(b0, coef, text[0], choose_line(held_ranked, held.probs, generic))
    report = held_out_report(held, text, model, generic)
    report += [
        "",
        "Ranking weights (`data/ranking.csv`, fitted on all; the figures above use, for each plan, "
        "weights fitted on the others): "
        + ", ".join(f"{n} {v:.3f}" for n, v in zip(EVIDENCE_NAMES, weights.values, strict=True))
        + f". With the hand-set weights ({', '.join(f'{v:g}' for v in HAND_WEIGHTS.values)}) on the same "
        f"evidence: {figures(hand, [False] * len(hand)).split(';')[0]}.",
    ]
    report += [
        "",
        "This version with the shipped models (in-sample: the example bank holds the project's sets):",
        "",
    ]
    report += current_report(Matcher(confidence=model, ranking=weights), shared)
    report += ["", *curve_table(held_ranked, held.probs, generic)]
    print("\n".join(report))
    if args.write:
        for path, rows in (
            (CONFIDENCE_CSV, model.rows()),
            (RANKING_CSV, weights.rows()),
            (EXAMPLES_CSV, examples_rows(fit_rows)),
        ):
            with path.open("w", newline="", encoding="utf-8") as fh:
                w = csv.DictWriter(fh, fieldnames=list(rows[0]))
                w.writeheader()
                w.writerows(rows)
        readme = README.read_text(encoding="utf-8")
        head, rest = readme.split(START, 1)
        _, tail = rest.split(END, 1)
        README.write_text(head + START + "\n" + "\n".join(report) + "\n" + END + tail, encoding="utf-8")
        wrote = ", ".join(str(p.relative_to(ROOT)) for p in (CONFIDENCE_CSV, RANKING_CSV, EXAMPLES_CSV))
        print(f"\nwrote {wrote} and the reliability section of mapping/README.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
