"""BM25 between an action and each recommendation's text (main plus its targeted ones).

Sixteen short documents need no sparse-matrix library: the term frequencies are one small dense
array, and a query's scores are the sum of its terms' rows. BM25 rather than raw cosine so that one
repeated word in a long action cannot dominate (term-frequency saturation, k1).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

K1 = 1.2
B = 0.75


@dataclass(frozen=True, eq=False)
class Bm25Index:
    doc_ids: tuple[str, ...]
    term_freqs: tuple[Mapping[str, int], ...]
    doc_lengths: tuple[int, ...]
    idf: Mapping[str, float]
    # Worked out once from the above: a row per term of its frequency in each document, and of
    # BM25's denominator f + K1 (1 - B + B length / average length).
    rows: Mapping[str, int] = field(init=False, repr=False)
    freqs: np.ndarray = field(init=False, repr=False)
    denominators: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        avg = sum(self.doc_lengths) / len(self.doc_lengths)
        rows = {t: r for r, t in enumerate(self.idf)}
        freqs = np.zeros((len(rows), len(self.doc_ids)))
        for d, tf in enumerate(self.term_freqs):
            for term, f in tf.items():
                freqs[rows[term], d] = f
        lengths = np.array([K1 * (1 - B + B * length / avg) for length in self.doc_lengths])
        for name, value in (("rows", rows), ("freqs", freqs), ("denominators", freqs + lengths)):
            if isinstance(value, np.ndarray):
                value.setflags(write=False)
            object.__setattr__(self, name, value)

    def scores(
        self, query: Sequence[str], term_weights: Mapping[str, float] | None = None
    ) -> dict[str, float]:
        """BM25 per document; `term_weights` scales each query term (e.g. down-weights plan-wide words)."""
        q = [(t, c) for t, c in Counter(query).items() if t in self.rows]
        if not q:
            return dict.fromkeys(self.doc_ids, 0.0)
        scale = np.array(
            [
                [(1.0 if term_weights is None else term_weights.get(t, 1.0)) * math.sqrt(c) * self.idf[t]]
                for t, c in q
            ]
        )
        rows = [self.rows[t] for t, _ in q]
        # Term by term in the query's order (numpy sums along the first axis a row at a time), each
        # term's share weight * sqrt(count) * idf * f * (K1 + 1) / denominator as in the formula;
        # a term a document lacks adds 0.
        parts = scale * self.freqs[rows] * (K1 + 1) / self.denominators[rows]
        return dict(zip(self.doc_ids, parts.sum(axis=0).tolist(), strict=True))


def build_bm25(docs: Mapping[str, Sequence[str]]) -> Bm25Index:
    doc_ids = tuple(docs)
    term_freqs = tuple(Counter(docs[d]) for d in doc_ids)
    n = len(doc_ids)
    df = Counter(term for tf in term_freqs for term in tf)
    idf = {term: math.log(1 + (n - c + 0.5) / (c + 0.5)) for term, c in df.items()}
    return Bm25Index(doc_ids, term_freqs, tuple(len(docs[d]) for d in doc_ids), idf)
