"""The TALENT Commission's recommendations as package data, and the researcher-facing table of them."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Recommendation:
    rec_id: str  # R1..R16
    short_title: str
    text: str


@dataclass(frozen=True)
class TargetedRecommendation:
    """An employer-targeted recommendation under a main one (`confidence`: how sure that placement is)."""

    target_id: str  # e.g. R5.2
    rec_id: str
    text: str
    confidence: str = ""


@dataclass(frozen=True)
class Reference:
    recommendations: tuple[Recommendation, ...]
    targeted: tuple[TargetedRecommendation, ...]

    @property
    def rec_ids(self) -> tuple[str, ...]:
        return tuple(r.rec_id for r in self.recommendations)

    def recommendation(self, rec_id: str) -> Recommendation:
        for rec in self.recommendations:
            if rec.rec_id == rec_id:
                return rec
        raise KeyError(rec_id)

    def targeted_under(self, rec_id: str) -> tuple[TargetedRecommendation, ...]:
        return tuple(t for t in self.targeted if t.rec_id == rec_id)


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Rows of a CSV shipped in talentmap.mapping's `data/` folder."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def load_reference() -> Reference:
    """The 16 main and the employer-targeted recommendations, with the short titles written for them."""
    titles = {row["rec_id"]: row["short_title"] for row in read_data_csv("rec_titles.csv")}
    recommendations = tuple(
        Recommendation(row["rec_id"], titles.get(row["rec_id"], ""), row["text"].strip())
        for row in read_data_csv("talent_main.csv")
    )
    targeted = tuple(
        TargetedRecommendation(
            row["target_id"], row["rec_id"], row["text"].strip(), row.get("confidence", "")
        )
        for row in read_data_csv("talent_targeted.csv")
    )
    return Reference(recommendations, targeted)


RECOMMENDATIONS_COLUMNS = ("rec_id", "short_title", "text", "targeted")


def recommendations_rows(reference: Reference) -> list[dict[str, str]]:
    """One row per main recommendation; its targeted ones as `R5.1: text` lines in one cell."""
    return [
        {
            "rec_id": rec.rec_id,
            "short_title": rec.short_title,
            "text": rec.text,
            "targeted": "\n".join(f"{t.target_id}: {t.text}" for t in reference.targeted_under(rec.rec_id)),
        }
        for rec in reference.recommendations
    ]


def write_recommendations_csv(path: str | Path, reference: Reference | None = None) -> Path:
    """Write `recommendations.csv` (rec_id, short_title, text, targeted) for researchers reading the tags."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=RECOMMENDATIONS_COLUMNS)
        writer.writeheader()
        writer.writerows(recommendations_rows(reference or load_reference()))
    return path
