"""Demands across articles: deduplicated per (actor, target, category) when their English
wording is similar or too short to compare."""

from __future__ import annotations

from collections.abc import Sequence

from ..english import plural
from ..normalize.text import content_tokens, fold, token_set_similarity
from ..records import ArticleSummary, Demand
from .items import (
    Cluster,
    items_of,
    source_fields,
)
from .models import DemandSource, MergedDemand

__all__ = ["DEMAND_SHORT_TOKENS", "DEMAND_SIMILARITY", "cluster_demands", "merge_demand"]

DEMAND_SIMILARITY = 0.4
"""Two demands with the same actor, target and category merge when the token-set similarity of
their English ``demand`` texts is at least this."""

DEMAND_SHORT_TOKENS = 4
"""Two demand texts that both have at most this many content words are too short to compare: the
same actor, target and category are then enough to merge them."""


def _demand_key(d: Demand) -> tuple[str, str, str]:
    return (fold(d.actor), fold(d.target or ""), str(d.category))


def _demand_match(a: Demand, b: Demand) -> float | None:
    """Similarity of two same-key demands when they count as one; None otherwise."""
    similarity = token_set_similarity(a.demand, b.demand)
    if similarity >= DEMAND_SIMILARITY:
        return similarity
    if max(len(content_tokens(a.demand)), len(content_tokens(b.demand))) <= DEMAND_SHORT_TOKENS:
        return similarity
    return None


def cluster_demands(summaries: Sequence[ArticleSummary]) -> list[Cluster[Demand]]:
    clusters: list[Cluster[Demand]] = []
    for item in items_of(summaries, "demands"):
        best: tuple[float, int] | None = None
        for i, cluster in enumerate(clusters):
            first = cluster.items[0].record
            if _demand_key(first) != _demand_key(item.record) or item.order in cluster.articles():
                continue
            scores = [_demand_match(item.record, other.record) for other in cluster.items]
            valid = [s for s in scores if s is not None]
            if valid and (best is None or max(valid) > best[0]):
                best = (max(valid), i)
        if best is None:
            clusters.append(Cluster([item]))
        else:
            clusters[best[1]].items.append(item)
    return clusters


def merge_demand(cluster: Cluster[Demand]) -> MergedDemand:
    items = cluster.chronological()
    latest = items[-1].record
    dates = sorted(it.summary.published for it in items if it.summary.published)
    sources = [DemandSource(**source_fields(it), demand=it.record.demand) for it in items]
    target = latest.target or "none stated"
    parts = [f"same actor {latest.actor}, target {target}, category {latest.category}"]
    if len(items) > 1:
        similarities = [
            token_set_similarity(a.record.demand, b.record.demand) for i, a in enumerate(items) for b in items[i + 1 :]
        ]
        best = max(similarities)
        if best >= DEMAND_SIMILARITY:
            parts.append(f"wording similarity {best:.2f} ≥ {DEMAND_SIMILARITY}")
        else:
            parts.append(f"wording too short to compare (similarity {best:.2f}), same category")
    if dates:
        parts.append(f"first seen {dates[0]}, last seen {dates[-1]}")
    parts.append(f"reported by {plural(len(items), 'article')}")
    return MergedDemand(
        actor=latest.actor,
        target=latest.target,
        demand=latest.demand,
        category=latest.category,
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        sources=sources,
        merge_reason="; ".join(parts),
    )
