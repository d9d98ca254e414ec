"""Casualty tolls across articles: reports of one period, victims, country and place are
reconciled; each reporter's latest figure counts, disagreeing figures give a range."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..english import casualty_figure, plain, plural
from ..normalize.text import fold
from ..records import ArticleSummary, Casualty
from .items import (
    Cluster,
    Item,
    items_of,
    source_fields,
)
from .models import CasualtySource, MergedCasualty

__all__ = ["cluster_casualties", "merge_casualty"]


def _casualty_key(c: Casualty) -> tuple[str, str, str, str] | None:
    """The incident a toll belongs to; None when the record says too little to merge it with another."""
    if c.period is None and c.location is None:
        return None
    return (c.period or "", plain(c.victims), fold(c.country or ""), fold(c.location or ""))


def cluster_casualties(summaries: Sequence[ArticleSummary]) -> list[Cluster[Casualty]]:
    clusters: list[Cluster[Casualty]] = []
    by_key: dict[tuple[str, str, str, str], Cluster[Casualty]] = {}
    for item in items_of(summaries, "casualties"):
        key = _casualty_key(item.record)
        if key is None:
            clusters.append(Cluster([item], ["neither period nor place given, so not merged with other tolls"]))
        elif key in by_key:
            by_key[key].items.append(item)
        else:
            by_key[key] = Cluster([item])
            clusters.append(by_key[key])
    return clusters


def _reconcile(
    current: list[Item[Casualty]], get: Callable[[Casualty], int | None]
) -> tuple[int | None, tuple[int, int] | None]:
    values = [(it, v) for it in current if (v := get(it.record)) is not None]
    if not values:
        return None, None
    latest = max(values, key=lambda pair: (pair[0].order, pair[0].position))[1]
    numbers = {v for _, v in values}
    return latest, ((min(numbers), max(numbers)) if len(numbers) > 1 else None)


def merge_casualty(cluster: Cluster[Casualty]) -> MergedCasualty:
    items = sorted(cluster.items, key=lambda it: (it.order, it.position, it.index))

    def reporter(it: Item[Casualty]) -> str:
        return fold(it.record.reported_by) if it.record.reported_by else f"article:{it.article_id}"

    latest_of: dict[str, Item[Casualty]] = {}
    for it in items:  # chronological, then by place in the text: the last one wins
        latest_of[reporter(it)] = it
    current = [it for it in items if latest_of[reporter(it)] is it]
    killed, killed_range = _reconcile(current, lambda c: c.killed)
    injured, injured_range = _reconcile(current, lambda c: c.injured)
    newest = current[-1].record

    def last_known(get: Callable[[Casualty], str | None]) -> str | None:
        values = [v for it in items if (v := get(it.record))]
        return values[-1] if values else None

    sources = [
        CasualtySource(
            **source_fields(it),
            killed=it.record.killed,
            injured=it.record.injured,
            qualifier=it.record.qualifier,
            reported_by=it.record.reported_by,
            superseded=latest_of[reporter(it)] is not it,
        )
        for it in items
    ]
    first = items[0].record
    parts = [
        f"same period {first.period or 'unknown'}, victims {plain(first.victims)}, country {first.country or 'unknown'}"
        + (f", place {first.location}" if first.location else "")
    ]
    parts.append(f"reported by {plural(len({it.order for it in items}), 'article')}")
    superseded = [it for it in items if latest_of[reporter(it)] is not it]
    if superseded:
        parts.append(
            "superseded by a later figure from the same reporter: "
            + ", ".join(f"{casualty_figure(it.record)} ({it.article_id})" for it in superseded)
        )
    for label, rng in (("killed", killed_range), ("injured", injured_range)):
        if rng:
            parts.append(f"current figures disagree: {label} {rng[0]:,}–{rng[1]:,}")
    return MergedCasualty(
        killed=killed,
        injured=injured,
        killed_range=killed_range,
        injured_range=injured_range,
        qualifier=newest.qualifier,
        victims=newest.victims,
        country=last_known(lambda c: c.country),
        location=last_known(lambda c: c.location),
        period=newest.period,
        cause=last_known(lambda c: c.cause),
        sources=sources,
        merge_reason="; ".join(parts + cluster.notes),
    )
