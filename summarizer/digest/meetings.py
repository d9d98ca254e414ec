"""Meetings across articles: one event when participants overlap and dates, places and formats
agree (see the package docstring); the status of the latest report stands."""

from __future__ import annotations

from collections.abc import Sequence

from ..english import join_words, plural
from ..normalize.dates import dates_compatible
from ..normalize.text import fold
from ..records import STATUS_RANK_ACROSS_REPORTS, ArticleSummary, MeetingEvent, MeetingFormat
from .items import (
    Cluster,
    Item,
    common_prefix,
    items_of,
    place_tier,
    places_compatible,
    precision,
    source_fields,
)
from .models import MeetingSource, MergedMeeting

__all__ = ["cluster_meetings", "merge_meeting"]


def _names(meeting: MeetingEvent) -> dict[str, str]:
    return {fold(name): name for name in meeting.participants if name.strip()}


def _cluster_names(cluster: Cluster[MeetingEvent]) -> dict[str, str]:
    names: dict[str, str] = {}
    for item in cluster.chronological():
        for key, name in _names(item.record).items():
            names.setdefault(key, name)
    return names


def _participants_overlap(a: set[str], b: set[str]) -> bool:
    shared = a & b
    return len(shared) >= 2 or (min(len(a), len(b)) == 1 and len(shared) == 1)


def _meeting_candidate(item: Item[MeetingEvent], cluster: Cluster[MeetingEvent]) -> tuple[int, int, int] | None:
    """The match score of ``item`` against ``cluster``, or None when they cannot be one meeting."""
    if item.order in cluster.articles():
        return None
    names, known = set(_names(item.record)), set(_cluster_names(cluster))
    shared = names & known
    if not names or not _participants_overlap(names, known):
        return None
    record = item.record
    for other in cluster.items:
        o = other.record
        if not dates_compatible(record.date, o.date) or not places_compatible(record.location, o.location):
            return None
        if "unknown" not in (record.format, o.format) and record.format != o.format:
            return None
    same_place = sum(
        1
        for o in cluster.items
        if record.location and o.record.location and fold(o.record.location) == fold(record.location)
    )
    date_agreement = max(common_prefix(record.date, o.record.date) for o in cluster.items)
    return (len(shared), date_agreement, same_place)


def _describe_cluster(cluster: Cluster[MeetingEvent]) -> str:
    records = [it.record for it in cluster.items]
    date = max((r.date for r in records), key=lambda d: (precision(d), d or ""))
    place = max((r.location for r in records), key=lambda p: (place_tier(p), p or ""))
    return f"{date or 'date unknown'} · {place or 'place unknown'} · {', '.join(_cluster_names(cluster).values())}"


def cluster_meetings(summaries: Sequence[ArticleSummary]) -> list[Cluster[MeetingEvent]]:
    items: list[Item[MeetingEvent]] = items_of(summaries, "meetings")
    # Most precise dates first, so that a month or an unknown date attaches to a known day.
    items.sort(key=lambda it: (-precision(it.record.date), it.order, it.index))
    clusters: list[Cluster[MeetingEvent]] = []
    for item in items:
        scored = [(score, c) for c in clusters if (score := _meeting_candidate(item, c)) is not None]
        if not scored:
            clusters.append(Cluster([item]))
            continue
        best = max(score for score, _ in scored)
        top = [c for score, c in scored if score == best]
        if item.record.date is None and len(scored) > 1:
            what = "; ".join(_describe_cluster(c) for _, c in scored)
            clusters.append(
                Cluster([item], [f"date unknown and {len(scored)} meetings could match ({what}), so kept apart"])
            )
        elif len(top) > 1:
            clusters.append(Cluster([item], [f"{len(top)} meetings match equally well, so kept apart"]))
        else:
            top[0].items.append(item)
    return clusters


def merge_meeting(cluster: Cluster[MeetingEvent]) -> MergedMeeting:
    items = cluster.chronological()
    records = [it.record for it in items]
    names = _cluster_names(cluster)

    status_item = max(items, key=lambda it: (it.published, STATUS_RANK_ACROSS_REPORTS[it.record.status], it.order))
    date = max((r.date for r in records), key=lambda d: (precision(d), d or ""))

    def place_key(pair: tuple[int, Item[MeetingEvent]]) -> tuple[int, int, int]:
        _, it = pair
        loc = it.record.location
        count = sum(1 for r in records if loc is not None and r.location is not None and fold(r.location) == fold(loc))
        return (place_tier(loc), count, it.order)

    location = max(enumerate(items), key=place_key)[1].record.location
    known_formats = [it for it in items if it.record.format != "unknown"]
    fmt = known_formats[-1].record.format if known_formats else MeetingFormat.unknown
    durations = [r.duration_hours for r in records if r.duration_hours is not None]
    outcomes = [r.outcome for r in records if r.outcome]
    topics: dict[str, str] = {}
    for r in records:
        for topic in r.topics:
            topics.setdefault(fold(topic), topic)

    sources = [
        MeetingSource(**source_fields(it), date=it.record.date, location=it.record.location, status=it.record.status)
        for it in items
    ]
    return MergedMeeting(
        participants=list(names.values()),
        location=location,
        date=date,
        status=status_item.record.status,
        format=fmt,
        duration_hours=durations[-1] if durations else None,
        topics=list(topics.values()),
        outcome=outcomes[-1] if outcomes else None,
        sources=sources,
        merge_reason=_meeting_reason(cluster, status_item),
    )


def _meeting_reason(cluster: Cluster[MeetingEvent], status_item: Item[MeetingEvent]) -> str:
    items = cluster.chronological()
    if len(items) == 1:
        only = items[0]
        parts = [f"reported by 1 article ({only.article_id}, {only.summary.language})"]
        return "; ".join(parts + cluster.notes)
    sets = [_names(it.record) for it in items]
    shared_keys = set.intersection(*(set(s) for s in sets))
    display = _cluster_names(cluster)
    shared = "{" + ", ".join(sorted(display[k] for k in shared_keys)) + "}"
    same = all(set(s) == shared_keys for s in sets)
    if shared_keys:
        parts = [f"{'same' if same else 'shared'} participants {shared}"]
    else:
        parts = ["overlapping participants"]
    dates = [it.record.date or "unknown" for it in items]
    parts.append(f"dates {join_words(dates)} compatible")
    places = {fold(it.record.location): it.record.location for it in items if it.record.location}
    if len(places) > 1:
        parts.append(f"places {join_words([p for p in places.values() if p])} compatible (a country contains the city)")
    languages = sorted({it.summary.language for it in items})
    parts.append(f"reported by {len(items)} articles in {plural(len(languages), 'language')} ({', '.join(languages)})")
    statuses = {it.record.status for it in items}
    if len(statuses) > 1:
        parts.append(
            f"status {status_item.record.status} from the latest report "
            f"({status_item.article_id}, {status_item.summary.published or 'undated'})"
        )
    return "; ".join(parts + cluster.notes)
