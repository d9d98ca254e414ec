"""Match predicted records to gold records and count what agrees.

Per record type the predicted and gold records are paired one to one by an optimal
assignment (``scipy.optimize.linear_sum_assignment`` when scipy is installed, otherwise an
exact Hungarian algorithm below), never greedily. The assignment maximises, in this order:
the number of pairs with a required gold record, the number of pairs with an optional gold
record, and the sum of the match scores. Only compatible pairs (see the ``*_match_score``
functions) can be paired.

A pair with a required gold record is a true positive; a prediction paired with an optional
gold record is neither a true nor a false positive; an unpaired prediction is a false
positive; an unpaired required gold record is a false negative.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from pydantic import BaseModel

from ..english import describe_record
from ..normalize.dates import dates_compatible
from ..normalize.names import canonical_person
from ..normalize.text import fold, has_cyrillic, token_set_similarity
from ..records import ArticleSummary, Casualty, Demand, Evidence, MeetingEvent
from .assignment import Counts, Matching, optimal_assignment
from .gold import RECORD_TYPES, GoldArticle

__all__ = [
    "CASUALTY_COUNT_TOLERANCE",
    "DEMAND_SIMILARITY_THRESHOLD",
    "FIELDS",
    "FLOAT_TOLERANCE",
    "ArticleScore",
    "Counts",
    "Matching",
    "Ratio",
    "casualty_match_score",
    "dates_compatible",
    "demand_match_score",
    "describe_record",
    "field_agreement",
    "has_cyrillic",
    "match_records",
    "meeting_match_score",
    "optimal_assignment",
    "participant_overlap",
    "score_article",
    "token_set_similarity",
    "values_agree",
]

DEMAND_SIMILARITY_THRESHOLD = 0.4
"""Two demands by the same actor whose evidence spans do not overlap still match when the
token-set similarity of their ``demand`` strings (see ``token_set_similarity``) is at least this."""

CASUALTY_COUNT_TOLERANCE = 0.10
"""Casualty counts agree when they differ by at most this share of the larger count."""

FLOAT_TOLERANCE = 0.05
"""Float fields (``duration_hours``) agree when they differ by at most this (absolute)."""

FIELDS: dict[str, tuple[str, ...]] = {
    "meetings": ("status", "date", "location", "duration_hours", "format"),
    "demands": ("actor", "target", "category"),
    "casualties": ("killed", "injured", "qualifier", "victims", "period"),
}
"""The fields whose accuracy is measured on matched pairs, per record type."""

_DATE_FIELDS = frozenset({"date", "period", "published"})
_ENUM_FIELDS = frozenset({"status", "format", "category", "qualifier", "victims"})
# A small tie-breaker added to match scores: it orders otherwise equal candidates (two gold
# meetings between the same people) without changing which pairs are compatible.
_TIE_BREAK = 0.001

Record: TypeAlias = MeetingEvent | Demand | Casualty


# --- small comparisons -------------------------------------------------------------------


def participant_overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard overlap of two participant lists, names compared case-insensitively."""
    sa = {fold(name) for name in a if name.strip()}
    sb = {fold(name) for name in b if name.strip()}
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def _spans_overlap(a: Sequence[Evidence], b: Sequence[Evidence]) -> bool:
    return any(max(x.start, y.start) < min(x.end, y.end) for x in a for y in b)


def _counts_closeness(predicted: Casualty, gold: Casualty) -> float | None:
    """Mean closeness of the counts both sides give, or None when they disagree or share none."""
    closeness: list[float] = []
    for name in ("killed", "injured"):
        p, g = getattr(predicted, name), getattr(gold, name)
        if p is None or g is None:
            continue
        larger = max(p, g)
        diff = abs(p - g) / larger if larger else 0.0
        if diff > CASUALTY_COUNT_TOLERANCE + 1e-9:
            return None
        closeness.append(1.0 - diff)
    if not closeness:
        return None
    return sum(closeness) / len(closeness)


def values_agree(name: str, predicted: Any, gold: Any) -> bool:
    """Field equality after trivial normalisation.

    Strings compare case-insensitively with whitespace collapsed; floats within
    ``FLOAT_TOLERANCE``; dates (``date``, ``period``) by exact ISO string; ``None`` equals
    only ``None``.
    """
    if predicted is None or gold is None:
        return predicted is None and gold is None
    if name in _DATE_FIELDS:
        return str(predicted) == str(gold)
    if isinstance(predicted, bool) or isinstance(gold, bool):
        return predicted == gold
    if isinstance(predicted, float) or isinstance(gold, float):
        if isinstance(predicted, (int, float)) and isinstance(gold, (int, float)):
            return abs(float(predicted) - float(gold)) <= FLOAT_TOLERANCE + 1e-9
        return False
    if isinstance(predicted, str) and isinstance(gold, str):
        return fold(predicted) == fold(gold)
    return bool(predicted == gold)


# --- match scores: None = incompatible, otherwise > 0 --------------------------------------


def meeting_match_score(predicted: MeetingEvent, gold: MeetingEvent) -> float | None:
    """Jaccard overlap of participants when at least one is shared and the dates are compatible.

    A tie-breaker of at most 0.003 rewards equal date, location and status.
    """
    if not dates_compatible(predicted.date, gold.date):
        return None
    overlap = participant_overlap(predicted.participants, gold.participants)
    if overlap <= 0.0:
        return None
    bonus = sum(values_agree(f, getattr(predicted, f), getattr(gold, f)) for f in ("date", "location", "status"))
    return overlap + _TIE_BREAK * bonus


def demand_match_score(predicted: Demand, gold: Demand) -> float | None:
    """Match when the actors are equal (case-insensitive) and the evidence spans overlap or the
    ``demand`` texts reach ``DEMAND_SIMILARITY_THRESHOLD``.

    The score is the text similarity, raised to 0.5 when only the spans overlap, plus a
    tie-breaker for an equal target and category.
    """
    if fold(predicted.actor) != fold(gold.actor):
        return None
    similarity = token_set_similarity(predicted.demand, gold.demand)
    overlap = _spans_overlap(predicted.evidence, gold.evidence)
    if not overlap and similarity < DEMAND_SIMILARITY_THRESHOLD:
        return None
    score = max(similarity, 0.5) if overlap else similarity
    bonus = sum(values_agree(f, getattr(predicted, f), getattr(gold, f)) for f in ("target", "category"))
    return score + _TIE_BREAK * bonus


def casualty_match_score(predicted: Casualty, gold: Casualty) -> float | None:
    """Match when every count both sides give (killed, injured) agrees within
    ``CASUALTY_COUNT_TOLERANCE`` and at least one count is given by both.

    The score is the mean closeness of the shared counts, plus a tie-breaker for an equal
    period, location and victims.
    """
    closeness = _counts_closeness(predicted, gold)
    if closeness is None:
        return None
    bonus = sum(values_agree(f, getattr(predicted, f), getattr(gold, f)) for f in ("period", "location", "victims"))
    return max(closeness, _TIE_BREAK) + _TIE_BREAK * bonus


_SCORERS: dict[str, Callable[[Any, Any], float | None]] = {
    "meetings": meeting_match_score,
    "demands": demand_match_score,
    "casualties": casualty_match_score,
}


def match_records(
    record_type: str,
    predicted: Sequence[Record],
    gold: Sequence[Record],
    optional: Iterable[int] = (),
) -> Matching:
    """Pair ``predicted`` with ``gold`` records of one type (``meetings``, ``demands``,
    ``casualties``) by an optimal assignment; ``optional`` holds the optional gold indices."""
    try:
        score = _SCORERS[record_type]
    except KeyError:
        raise ValueError(f"unknown record type {record_type!r}; expected one of {RECORD_TYPES}") from None
    optional_set = frozenset(optional)
    k = min(len(predicted), len(gold))
    # Lexicographic objective in one weight: a required pair outweighs any number of optional
    # pairs and scores; an optional pair outweighs any sum of scores (each score <= ~1.01).
    optional_unit = 2.0 * (k + 1)
    required_unit = (k + 1) * (optional_unit + 2.0)
    weights: list[list[float]] = []
    for p in predicted:
        row: list[float] = []
        for gi, g in enumerate(gold):
            s = score(p, g)
            if s is None:
                row.append(0.0)
            elif gi in optional_set:
                row.append(optional_unit + s)
            else:
                row.append(required_unit + optional_unit + s)
        weights.append(row)
    pairs = optimal_assignment(weights) if k else []
    matching = Matching()
    for pi, gi in pairs:
        (matching.optional_pairs if gi in optional_set else matching.pairs).append((pi, gi))
    paired_p = {pi for pi, _ in pairs}
    paired_g = {gi for _, gi in pairs}
    matching.unmatched_predicted = [i for i in range(len(predicted)) if i not in paired_p]
    matching.unmatched_gold = [i for i in range(len(gold)) if i not in paired_g and i not in optional_set]
    return matching


def field_agreement(record_type: str, predicted: Record, gold: Record) -> dict[str, bool]:
    """For one matched pair: field name -> whether the predicted value equals the gold one."""
    return {name: values_agree(name, getattr(predicted, name), getattr(gold, name)) for name in FIELDS[record_type]}


# --- grounding -----------------------------------------------------------------------------


@dataclass
class Ratio:
    """A share as hits over total; ``value`` is None when there is nothing to count."""

    hits: int = 0
    total: int = 0

    def add(self, other: Ratio) -> None:
        self.hits += other.hits
        self.total += other.total

    def count(self, ok: bool) -> None:
        self.hits += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


def _records(summary: ArticleSummary) -> Iterable[tuple[str, Record]]:
    for kind in RECORD_TYPES:
        for record in getattr(summary, kind):
            yield kind, record


def _verbatim(summary: ArticleSummary, text: str) -> Ratio:
    ratio = Ratio()
    for _, record in _records(summary):
        for ev in record.evidence:
            ratio.count(text[ev.start : ev.end] == ev.quote)
    return ratio


def _english_strings(model: BaseModel) -> Iterable[str]:
    """Free-text English fields of a record: every string except quotes, enums and dates."""
    for name in type(model).model_fields:
        if name == "evidence" or name in _ENUM_FIELDS or name in _DATE_FIELDS:
            continue
        value = getattr(model, name)
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (item for item in value if isinstance(item, str))


def _english_clean(summary: ArticleSummary) -> Ratio:
    ratio = Ratio()
    for value in (summary.headline, summary.brief):
        ratio.count(not has_cyrillic(value))
    for _, record in _records(summary):
        for value in _english_strings(record):
            ratio.count(not has_cyrillic(value))
    return ratio


def _canonical_participants(summary: ArticleSummary) -> Ratio:
    ratio = Ratio()
    for meeting in summary.meetings:
        for name in meeting.participants:
            canonical = canonical_person(name) if not has_cyrillic(name) else None
            ratio.count(not has_cyrillic(name) and (canonical is None or canonical == name))
    return ratio


# --- one article ---------------------------------------------------------------------------


@dataclass
class ArticleScore:
    """Everything measured on one article."""

    article_id: str
    matchings: dict[str, Matching]
    fields: dict[str, dict[str, Ratio]]
    verbatim: Ratio
    english_clean: Ratio
    canonical_participants: Ratio
    unmatched: dict[str, dict[str, list[str]]]
    """Per type: ``predicted`` (false positives) and ``gold`` (false negatives), described."""


def score_article(
    predicted: ArticleSummary,
    gold: GoldArticle | ArticleSummary,
    text: str,
    *,
    article_id: str | None = None,
) -> ArticleScore:
    """Score one predicted summary against its gold summary.

    ``text`` is the article as read (``Article.text``): evidence offsets index it.
    ``article_id`` defaults to the gold summary's id.
    """
    gold_article = gold if isinstance(gold, GoldArticle) else GoldArticle.of(gold)
    matchings: dict[str, Matching] = {}
    fields: dict[str, dict[str, Ratio]] = {}
    unmatched: dict[str, dict[str, list[str]]] = {}
    for kind in RECORD_TYPES:
        pred_records: list[Record] = list(getattr(predicted, kind))
        gold_records: list[Record] = list(getattr(gold_article.summary, kind))
        matching = match_records(kind, pred_records, gold_records, gold_article.optional_indices(kind))
        matchings[kind] = matching
        ratios = {name: Ratio() for name in FIELDS[kind]}
        for pi, gi in matching.pairs:
            for name, ok in field_agreement(kind, pred_records[pi], gold_records[gi]).items():
                ratios[name].count(ok)
        fields[kind] = ratios
        unmatched[kind] = {
            "predicted": [describe_record(pred_records[i]) for i in matching.unmatched_predicted],
            "gold": [describe_record(gold_records[i]) for i in matching.unmatched_gold],
        }
    return ArticleScore(
        article_id=article_id or gold_article.article_id,
        matchings=matchings,
        fields=fields,
        verbatim=_verbatim(predicted, text),
        english_clean=_english_clean(predicted),
        canonical_participants=_canonical_participants(predicted),
        unmatched=unmatched,
    )
