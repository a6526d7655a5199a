"""BM25 between an action and each recommendation's text (main plus its targeted ones), in plain Python.

Sixteen short documents need no sparse-matrix library. BM25 rather than raw cosine so that one
repeated word in a long action cannot dominate (term-frequency saturation, k1).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

K1 = 1.2
B = 0.75


@dataclass(frozen=True)
class Bm25Index:
    doc_ids: tuple[str, ...]
    term_freqs: tuple[Mapping[str, int], ...]
    doc_lengths: tuple[int, ...]
    idf: Mapping[str, float]

    def scores(
        self, query: Sequence[str], term_weights: Mapping[str, float] | None = None
    ) -> dict[str, float]:
        """BM25 per document; `term_weights` scales each query term (e.g. down-weights plan-wide words)."""
        avg = sum(self.doc_lengths) / len(self.doc_lengths)
        out: dict[str, float] = {}
        q = Counter(query)
        for doc_id, tf, length in zip(self.doc_ids, self.term_freqs, self.doc_lengths, strict=True):
            total = 0.0
            for term, qcount in q.items():
                f = tf.get(term, 0)
                if not f:
                    continue
                w = 1.0 if term_weights is None else term_weights.get(term, 1.0)
                total += (
                    w
                    * math.sqrt(qcount)
                    * self.idf[term]
                    * f
                    * (K1 + 1)
                    / (f + K1 * (1 - B + B * length / avg))
                )
            out[doc_id] = total
        return out


def build_bm25(docs: Mapping[str, Sequence[str]]) -> Bm25Index:
    doc_ids = tuple(docs)
    term_freqs = tuple(Counter(docs[d]) for d in doc_ids)
    n = len(doc_ids)
    df = Counter(term for tf in term_freqs for term in tf)
    idf = {term: math.log(1 + (n - c + 0.5) / (c + 0.5)) for term, c in df.items()}
    return Bm25Index(doc_ids, term_freqs, tuple(len(docs[d]) for d in doc_ids), idf)
