"""What the merge rules share: a record with the article it came from, a cluster of such
records, and the comparisons of dates and places."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, TypeVar

from ..normalize.names import find_mentions
from ..normalize.text import fold
from ..records import ArticleSummary, Casualty, Demand, MeetingEvent

__all__ = [
    "Cluster",
    "Item",
    "common_prefix",
    "items_of",
    "place_tier",
    "places_compatible",
    "precision",
    "sort_summaries",
    "source_fields",
]

R = TypeVar("R", MeetingEvent, Demand, Casualty)


def common_prefix(a: str | None, b: str | None) -> int:
    if a is None or b is None:
        return 0
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def precision(date: str | None) -> int:
    """3 for a day, 2 for a month, 1 for a year, 0 for unknown."""
    return 0 if date is None else {4: 1, 7: 2}.get(len(date), 3)


@lru_cache(maxsize=512)
def is_state(place: str) -> bool:
    """True when ``place`` names a state (a country): it may contain a city named elsewhere."""
    return any(m.kind == "state" and m.start == 0 and m.end == len(place) for m in find_mentions(place))


def places_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or fold(a) == fold(b):
        return True
    # "Russia" and "Moscow" may be one place at two precisions; "Berlin" and "Geneva" are not.
    return is_state(a) != is_state(b)


def place_tier(place: str | None) -> int:
    return 0 if place is None else (1 if is_state(place) else 2)


@dataclass(frozen=True)
class Item(Generic[R]):
    """One record of one article, with the article's position in the sorted input."""

    summary: ArticleSummary
    order: int
    index: int
    record: R

    @property
    def article_id(self) -> str:
        return self.summary.article_id

    @property
    def published(self) -> str:
        return self.summary.published or ""

    @property
    def position(self) -> int:
        return min(e.start for e in self.record.evidence)


@dataclass
class Cluster(Generic[R]):
    items: list[Item[R]]
    notes: list[str] = field(default_factory=list)

    def articles(self) -> set[int]:
        return {item.order for item in self.items}

    def chronological(self) -> list[Item[R]]:
        return sorted(self.items, key=lambda it: (it.order, it.index))


def sort_summaries(summaries: Iterable[ArticleSummary]) -> list[ArticleSummary]:
    # Unknown publication dates sort first: they never count as the latest report.
    return sorted(summaries, key=lambda s: (s.published or "", s.article_id, s.model_dump_json()))


def items_of(summaries: Sequence[ArticleSummary], kind: str) -> list[Item[Any]]:
    return [
        Item(summary=s, order=order, index=index, record=record)
        for order, s in enumerate(summaries)
        for index, record in enumerate(getattr(s, kind))
    ]


def source_fields(item: Item[Any]) -> dict[str, Any]:
    return {
        "article_id": item.summary.article_id,
        "language": item.summary.language,
        "published": item.summary.published,
        "evidence": [e.model_copy() for e in item.record.evidence],
    }
