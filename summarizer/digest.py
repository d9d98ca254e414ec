"""Cross-article merge: one English timeline from many articles in many languages.

``build_digest`` folds the records of many ``ArticleSummary`` objects into merged items:

- **Meetings** are one event when their participants overlap (at least two shared, or the
  single member of a one-person list), their dates agree at the coarser precision (or one is
  unknown), their known places do not contradict each other and their known formats agree.
  Records are attached most precise date first; a dated record with several equally good
  candidates, or an undated record with more than one candidate, stays apart. Two records of
  one article are never merged: the contract already makes them distinct meetings.
- **Demands** are deduplicated per (actor, target, category) when their English wording is
  similar (token-set similarity at least ``DEMAND_SIMILARITY``) or too short to compare.
- **Casualties** for the same period, victims, country and place are reconciled: each reporter's
  latest figure counts, and disagreeing figures give a range.

The result is deterministic (inputs are sorted by publication date, then article id) and
explainable: every merged item says in ``merge_reason`` why its records were put together.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError
from .normalize.dates import dates_compatible
from .normalize.names import find_mentions
from .records import (
    ArticleSummary,
    Casualty,
    CasualtyQualifier,
    Demand,
    DemandCategory,
    Evidence,
    IsoPartialDate,
    MeetingEvent,
    MeetingFormat,
    MeetingStatus,
    Victims,
)
from .render.markdown import escape_markdown

__all__ = [
    "DEMAND_SHORT_TOKENS",
    "DEMAND_SIMILARITY",
    "CasualtySource",
    "Digest",
    "DigestArticle",
    "DigestSource",
    "DemandSource",
    "MeetingSource",
    "MergedCasualty",
    "MergedDemand",
    "MergedMeeting",
    "build_digest",
    "casualty_context",
    "casualty_figure",
    "digest_schema_document",
    "load_summaries",
    "meeting_line",
    "render_digest_markdown",
    "token_set_similarity",
    "write_digest_schema",
]

DEMAND_SIMILARITY = 0.4
"""Two demands with the same actor, target and category merge when the token-set similarity of
their English ``demand`` texts is at least this."""

DEMAND_SHORT_TOKENS = 4
"""Two demand texts that both have at most this many content words are too short to compare: the
same actor, target and category are then enough to merge them."""

_STATUS_RANK = {"possible": 0, "planned": 1, "cancelled": 2, "happened": 3}
_RECORD_KINDS = ("meetings", "demands", "casualties")


# --------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------


class _DigestModel(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class DigestArticle(_DigestModel):
    """One input article, as listed at the top of the digest."""

    article_id: str = Field(description="The article's id (its file name without extension).")
    language: str = Field(description="ISO 639-1 code of the article's language: ru, uk, bg, en, ...")
    published: IsoPartialDate | None = Field(default=None, description="Publication date; null if unknown.")
    headline: str = Field(description="The article's English headline.")


class DigestSource(_DigestModel):
    """One article that reports a merged item, with the verbatim quotes that support it."""

    article_id: str = Field(description="The reporting article's id.")
    language: str = Field(description="ISO 639-1 code of the reporting article's language.")
    published: IsoPartialDate | None = Field(
        default=None, description="The article's publication date; null if unknown."
    )
    evidence: list[Evidence] = Field(
        description="The article's quotes for this item, in its own language, with offsets into that article."
    )


class MeetingSource(DigestSource):
    """An article reporting a meeting, with what that article said about its date, place and status."""

    date: IsoPartialDate | None = Field(default=None, description="The meeting date as this article gave it.")
    location: str | None = Field(default=None, description="The place as this article gave it.")
    status: MeetingStatus = Field(description="The status as this article reported it.")


class DemandSource(DigestSource):
    """An article reporting a demand, with that article's English wording of it."""

    demand: str = Field(description="The demand as extracted from this article (English).")


class CasualtySource(DigestSource):
    """An article reporting a casualty count, with the figure it gave."""

    killed: int | None = Field(default=None, description="Dead, as this article reported it.")
    injured: int | None = Field(default=None, description="Injured, as this article reported it.")
    qualifier: CasualtyQualifier = Field(description="exact, approximate or at_least, as this article reported it.")
    reported_by: str | None = Field(default=None, description="Who gave the figure, according to this article.")
    superseded: bool = Field(
        default=False,
        description="True when a later report from the same reporter replaces this figure.",
    )


class MergedMeeting(_DigestModel):
    """One meeting, merged from every article that reports it."""

    participants: list[str] = Field(description="Canonical English names of everyone any source names as taking part.")
    location: str | None = Field(
        default=None, description="The most precise place reported (a city beats a country beats null)."
    )
    date: IsoPartialDate | None = Field(
        default=None, description="The most precise date reported (a day beats a month beats a year); null if unknown."
    )
    status: MeetingStatus = Field(description="The status in the latest report (by publication date).")
    format: MeetingFormat = Field(description="in_person, phone, video, or unknown when no source says.")
    duration_hours: float | None = Field(
        default=None, description="Length in hours, from the latest report giving one."
    )
    topics: list[str] = Field(description="English topics from every source, deduplicated, first mention first.")
    outcome: str | None = Field(default=None, description="The outcome from the latest report giving one (English).")
    sources: list[MeetingSource] = Field(description="Every article reporting the meeting, oldest first.")
    merge_reason: str = Field(description="Why these reports were taken as one meeting (or kept apart), in English.")


class MergedDemand(_DigestModel):
    """One standing demand, deduplicated across articles."""

    actor: str = Field(description="Who demands: canonical English name of a state, organisation or person.")
    target: str | None = Field(default=None, description="Of whom it is demanded; null if unstated.")
    demand: str = Field(description="What is demanded, in the latest article's English wording.")
    category: DemandCategory = Field(description="The kind of demand.")
    first_seen: IsoPartialDate | None = Field(
        default=None, description="Earliest publication date of an article reporting it; null if none is dated."
    )
    last_seen: IsoPartialDate | None = Field(
        default=None, description="Latest publication date of an article reporting it; null if none is dated."
    )
    sources: list[DemandSource] = Field(description="Every article reporting the demand, oldest first.")
    merge_reason: str = Field(description="Why these reports were taken as one demand, in English.")


class MergedCasualty(_DigestModel):
    """One casualty toll (an incident or a period), reconciled across articles."""

    killed: int | None = Field(
        default=None, description="Dead: the figure of the most recent current report; null if no source gives one."
    )
    injured: int | None = Field(
        default=None, description="Injured: the figure of the most recent current report; null if none."
    )
    killed_range: tuple[int, int] | None = Field(
        default=None, description="[min, max] of the current figures for the dead when sources disagree; else null."
    )
    injured_range: tuple[int, int] | None = Field(
        default=None, description="[min, max] of the current figures for the injured when sources disagree; else null."
    )
    qualifier: CasualtyQualifier = Field(description="exact, approximate or at_least, from the most recent report.")
    victims: Victims = Field(description="civilians, military, mixed or unspecified.")
    country: str | None = Field(default=None, description="Whose people, in English.")
    location: str | None = Field(default=None, description="English place of the incident, if one.")
    period: IsoPartialDate | None = Field(default=None, description="ISO date or period the count covers.")
    cause: str | None = Field(default=None, description="English cause, from the latest report giving one.")
    sources: list[CasualtySource] = Field(description="Every report of the toll with the figure it gave, oldest first.")
    merge_reason: str = Field(description="Why these reports were taken as one toll and how figures were reconciled.")


class Digest(_DigestModel):
    """One English digest of many articles: a merged timeline of meetings, the standing demands of
    each party and the casualty figures, every item citing the articles that report it."""

    articles: list[DigestArticle] = Field(description="The input articles, by publication date then id.")
    meetings: list[MergedMeeting] = Field(description="Merged meetings, in date order (unknown dates last).")
    demands: list[MergedDemand] = Field(description="Deduplicated demands, by actor then first seen.")
    casualties: list[MergedCasualty] = Field(description="Reconciled casualty tolls, by period.")


# --------------------------------------------------------------------------------------------
# Helpers shared by the merge rules
# --------------------------------------------------------------------------------------------

_R = TypeVar("_R", MeetingEvent, Demand, Casualty)

_STOPWORDS = frozenset(
    """a an the of to in on at for from by with and or that this these those is are be been was were it its
    their them they as into any all must should shall will would not no than then also which who whom what
    there here has have had do does did""".split()
)
_WORD_RE = re.compile(r"\w+")
_STEM_LENGTH = 5


def _v(value: Any) -> Any:
    """The plain value of an enum member; record defaults are members, validated values are strings."""
    return value.value if isinstance(value, Enum) else value


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _content_tokens(text: str) -> set[str]:
    # Crude stemming by prefix, as in the scorer: "Ukraine"/"Ukrainian" share a token.
    return {w[:_STEM_LENGTH] for w in _WORD_RE.findall(text.casefold()) if w not in _STOPWORDS}


def token_set_similarity(a: str, b: str) -> float:
    """Dice coefficient of the content-word sets of two English strings, in [0, 1].

    The same measure as the scorer's: lower-cased words, function words dropped, each word cut to
    its first five characters.
    """
    ta, tb = _content_tokens(a), _content_tokens(b)
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def _common_prefix(a: str | None, b: str | None) -> int:
    if a is None or b is None:
        return 0
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _precision(date: str | None) -> int:
    """3 for a day, 2 for a month, 1 for a year, 0 for unknown."""
    return 0 if date is None else {4: 1, 7: 2}.get(len(date), 3)


@lru_cache(maxsize=512)
def _is_state(place: str) -> bool:
    """True when ``place`` names a state (a country): it may contain a city named elsewhere."""
    return any(m.kind == "state" and m.start == 0 and m.end == len(place) for m in find_mentions(place))


def _places_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or _fold(a) == _fold(b):
        return True
    # "Russia" and "Moscow" may be one place at two precisions; "Berlin" and "Geneva" are not.
    return _is_state(a) != _is_state(b)


def _place_tier(place: str | None) -> int:
    return 0 if place is None else (1 if _is_state(place) else 2)


def _join(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass(frozen=True)
class _Item(Generic[_R]):
    """One record of one article, with the article's position in the sorted input."""

    summary: ArticleSummary
    order: int
    index: int
    record: _R

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
class _Cluster(Generic[_R]):
    items: list[_Item[_R]]
    notes: list[str] = field(default_factory=list)

    def articles(self) -> set[int]:
        return {item.order for item in self.items}

    def chronological(self) -> list[_Item[_R]]:
        return sorted(self.items, key=lambda it: (it.order, it.index))


def _sort_summaries(summaries: Iterable[ArticleSummary]) -> list[ArticleSummary]:
    # Unknown publication dates sort first: they never count as the latest report.
    return sorted(summaries, key=lambda s: (s.published or "", s.article_id, s.model_dump_json()))


def _items(summaries: Sequence[ArticleSummary], kind: str) -> list[_Item[Any]]:
    return [
        _Item(summary=s, order=order, index=index, record=record)
        for order, s in enumerate(summaries)
        for index, record in enumerate(getattr(s, kind))
    ]


def _source_fields(item: _Item[Any]) -> dict[str, Any]:
    return {
        "article_id": item.summary.article_id,
        "language": item.summary.language,
        "published": item.summary.published,
        "evidence": [e.model_copy() for e in item.record.evidence],
    }


# --------------------------------------------------------------------------------------------
# Meetings
# --------------------------------------------------------------------------------------------


def _names(meeting: MeetingEvent) -> dict[str, str]:
    return {_fold(name): name for name in meeting.participants if name.strip()}


def _cluster_names(cluster: _Cluster[MeetingEvent]) -> dict[str, str]:
    names: dict[str, str] = {}
    for item in cluster.chronological():
        for key, name in _names(item.record).items():
            names.setdefault(key, name)
    return names


def _participants_overlap(a: set[str], b: set[str]) -> bool:
    shared = a & b
    return len(shared) >= 2 or (min(len(a), len(b)) == 1 and len(shared) == 1)


def _meeting_candidate(item: _Item[MeetingEvent], cluster: _Cluster[MeetingEvent]) -> tuple[int, int, int] | None:
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
        if not dates_compatible(record.date, o.date) or not _places_compatible(record.location, o.location):
            return None
        if "unknown" not in (record.format, o.format) and record.format != o.format:
            return None
    same_place = sum(
        1
        for o in cluster.items
        if record.location and o.record.location and _fold(o.record.location) == _fold(record.location)
    )
    date_agreement = max(_common_prefix(record.date, o.record.date) for o in cluster.items)
    return (len(shared), date_agreement, same_place)


def _describe_cluster(cluster: _Cluster[MeetingEvent]) -> str:
    records = [it.record for it in cluster.items]
    date = max((r.date for r in records), key=lambda d: (_precision(d), d or ""))
    place = max((r.location for r in records), key=lambda p: (_place_tier(p), p or ""))
    return f"{date or 'date unknown'} · {place or 'place unknown'} · {', '.join(_cluster_names(cluster).values())}"


def _cluster_meetings(summaries: Sequence[ArticleSummary]) -> list[_Cluster[MeetingEvent]]:
    items: list[_Item[MeetingEvent]] = _items(summaries, "meetings")
    # Most precise dates first, so that a month or an unknown date attaches to a known day.
    items.sort(key=lambda it: (-_precision(it.record.date), it.order, it.index))
    clusters: list[_Cluster[MeetingEvent]] = []
    for item in items:
        scored = [(score, c) for c in clusters if (score := _meeting_candidate(item, c)) is not None]
        if not scored:
            clusters.append(_Cluster([item]))
            continue
        best = max(score for score, _ in scored)
        top = [c for score, c in scored if score == best]
        if item.record.date is None and len(scored) > 1:
            what = "; ".join(_describe_cluster(c) for _, c in scored)
            clusters.append(
                _Cluster([item], [f"date unknown and {len(scored)} meetings could match ({what}), so kept apart"])
            )
        elif len(top) > 1:
            clusters.append(_Cluster([item], [f"{len(top)} meetings match equally well, so kept apart"]))
        else:
            top[0].items.append(item)
    return clusters


def _merge_meeting(cluster: _Cluster[MeetingEvent]) -> MergedMeeting:
    items = cluster.chronological()
    records = [it.record for it in items]
    names = _cluster_names(cluster)

    status_item = max(items, key=lambda it: (it.published, _STATUS_RANK[it.record.status], it.order))
    date = max((r.date for r in records), key=lambda d: (_precision(d), d or ""))

    def place_key(pair: tuple[int, _Item[MeetingEvent]]) -> tuple[int, int, int]:
        _, it = pair
        loc = it.record.location
        count = sum(
            1 for r in records if loc is not None and r.location is not None and _fold(r.location) == _fold(loc)
        )
        return (_place_tier(loc), count, it.order)

    location = max(enumerate(items), key=place_key)[1].record.location
    known_formats = [it for it in items if it.record.format != "unknown"]
    fmt = known_formats[-1].record.format if known_formats else MeetingFormat.unknown
    durations = [r.duration_hours for r in records if r.duration_hours is not None]
    outcomes = [r.outcome for r in records if r.outcome]
    topics: dict[str, str] = {}
    for r in records:
        for topic in r.topics:
            topics.setdefault(_fold(topic), topic)

    sources = [
        MeetingSource(**_source_fields(it), date=it.record.date, location=it.record.location, status=it.record.status)
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


def _meeting_reason(cluster: _Cluster[MeetingEvent], status_item: _Item[MeetingEvent]) -> str:
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
    parts.append(f"dates {_join(dates)} compatible")
    places = {_fold(it.record.location): it.record.location for it in items if it.record.location}
    if len(places) > 1:
        parts.append(f"places {_join([p for p in places.values() if p])} compatible (a country contains the city)")
    languages = sorted({it.summary.language for it in items})
    parts.append(f"reported by {len(items)} articles in {_plural(len(languages), 'language')} ({', '.join(languages)})")
    statuses = {it.record.status for it in items}
    if len(statuses) > 1:
        parts.append(
            f"status {status_item.record.status} from the latest report "
            f"({status_item.article_id}, {status_item.summary.published or 'undated'})"
        )
    return "; ".join(parts + cluster.notes)


# --------------------------------------------------------------------------------------------
# Demands
# --------------------------------------------------------------------------------------------


def _demand_key(d: Demand) -> tuple[str, str, str]:
    return (_fold(d.actor), _fold(d.target or ""), str(d.category))


def _demand_match(a: Demand, b: Demand) -> float | None:
    """Similarity of two same-key demands when they count as one; None otherwise."""
    similarity = token_set_similarity(a.demand, b.demand)
    if similarity >= DEMAND_SIMILARITY:
        return similarity
    if max(len(_content_tokens(a.demand)), len(_content_tokens(b.demand))) <= DEMAND_SHORT_TOKENS:
        return similarity
    return None


def _cluster_demands(summaries: Sequence[ArticleSummary]) -> list[_Cluster[Demand]]:
    clusters: list[_Cluster[Demand]] = []
    for item in _items(summaries, "demands"):
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
            clusters.append(_Cluster([item]))
        else:
            clusters[best[1]].items.append(item)
    return clusters


def _merge_demand(cluster: _Cluster[Demand]) -> MergedDemand:
    items = cluster.chronological()
    latest = items[-1].record
    dates = sorted(it.summary.published for it in items if it.summary.published)
    sources = [DemandSource(**_source_fields(it), demand=it.record.demand) for it in items]
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
    parts.append(f"reported by {_plural(len(items), 'article')}")
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


# --------------------------------------------------------------------------------------------
# Casualties
# --------------------------------------------------------------------------------------------


def _casualty_key(c: Casualty) -> tuple[str, str, str, str] | None:
    """The incident a toll belongs to; None when the record says too little to merge it with another."""
    if c.period is None and c.location is None:
        return None
    return (c.period or "", _v(c.victims), _fold(c.country or ""), _fold(c.location or ""))


def _cluster_casualties(summaries: Sequence[ArticleSummary]) -> list[_Cluster[Casualty]]:
    clusters: list[_Cluster[Casualty]] = []
    by_key: dict[tuple[str, str, str, str], _Cluster[Casualty]] = {}
    for item in _items(summaries, "casualties"):
        key = _casualty_key(item.record)
        if key is None:
            clusters.append(_Cluster([item], ["neither period nor place given, so not merged with other tolls"]))
        elif key in by_key:
            by_key[key].items.append(item)
        else:
            by_key[key] = _Cluster([item])
            clusters.append(by_key[key])
    return clusters


def _figure(c: Casualty | CasualtySource) -> str:
    """One report's figure in English: ``about 2,400 killed, 12,000 injured``."""
    qualifier = {"approximate": "about ", "at_least": "at least ", "exact": ""}[_v(c.qualifier)]
    parts = []
    if c.killed is not None:
        parts.append(f"{c.killed:,} killed")
    if c.injured is not None:
        parts.append(f"{c.injured:,} injured")
    return qualifier + (", ".join(parts) or "no figure")


def _reconcile(
    current: list[_Item[Casualty]], get: Callable[[Casualty], int | None]
) -> tuple[int | None, tuple[int, int] | None]:
    values = [(it, v) for it in current if (v := get(it.record)) is not None]
    if not values:
        return None, None
    latest = max(values, key=lambda pair: (pair[0].order, pair[0].position))[1]
    numbers = {v for _, v in values}
    return latest, ((min(numbers), max(numbers)) if len(numbers) > 1 else None)


def _merge_casualty(cluster: _Cluster[Casualty]) -> MergedCasualty:
    items = sorted(cluster.items, key=lambda it: (it.order, it.position, it.index))

    def reporter(it: _Item[Casualty]) -> str:
        return _fold(it.record.reported_by) if it.record.reported_by else f"article:{it.article_id}"

    latest_of: dict[str, _Item[Casualty]] = {}
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
            **_source_fields(it),
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
        f"same period {first.period or 'unknown'}, victims {_v(first.victims)}, country {first.country or 'unknown'}"
        + (f", place {first.location}" if first.location else "")
    ]
    parts.append(f"reported by {_plural(len({it.order for it in items}), 'article')}")
    superseded = [it for it in items if latest_of[reporter(it)] is not it]
    if superseded:
        parts.append(
            "superseded by a later figure from the same reporter: "
            + ", ".join(f"{_figure(it.record)} ({it.article_id})" for it in superseded)
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


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def build_digest(summaries: Sequence[ArticleSummary]) -> Digest:
    """Merge the records of many article summaries into one ``Digest``.

    The input order does not matter: summaries are sorted by publication date (unknown first),
    then article id. See the module docstring for the merge rules; every merged item carries a
    ``merge_reason`` and lists each reporting article with its evidence.
    """
    ordered = _sort_summaries(summaries)
    articles = [
        DigestArticle(article_id=s.article_id, language=s.language, published=s.published, headline=s.headline)
        for s in ordered
    ]
    meetings = [_merge_meeting(c) for c in _cluster_meetings(ordered)]
    meetings.sort(
        key=lambda m: (
            m.date is None,
            m.date or "",
            m.sources[0].published or "",
            m.sources[0].article_id,
            m.participants,
        )
    )
    demands = [_merge_demand(c) for c in _cluster_demands(ordered)]
    demands.sort(key=lambda d: (_fold(d.actor), d.first_seen or "", _fold(d.target or ""), str(d.category), d.demand))
    casualties = [_merge_casualty(c) for c in _cluster_casualties(ordered)]
    casualties.sort(key=lambda c: (c.period is None, c.period or "", c.country or "", c.sources[0].article_id))
    return Digest(articles=articles, meetings=meetings, demands=demands, casualties=casualties)


def _strip_optional(data: Any) -> Any:
    # Gold files may mark records "optional"; the flag is not part of the record contract.
    if isinstance(data, dict):
        data = dict(data)
        for kind in _RECORD_KINDS:
            records = data.get(kind)
            if isinstance(records, list):
                data[kind] = [
                    {k: v for k, v in r.items() if k != "optional"} if isinstance(r, dict) else r for r in records
                ]
    return data


def _parse_summary(data: Any, source: str) -> ArticleSummary:
    try:
        return ArticleSummary.model_validate(_strip_optional(data))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "top level"
        raise ConfigError(
            f"{source}: not a valid ArticleSummary ({exc.error_count()} error(s); first at {where}: "
            f"{first.get('msg', 'invalid')})"
        ) from None


def _load_file(path: Path) -> list[ArticleSummary]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read summaries ({exc})") from None
    try:
        if path.suffix == ".jsonl":
            return [
                _parse_summary(json.loads(line), f"{path}:{number}")
                for number, line in enumerate(text.splitlines(), start=1)
                if line.strip()
            ]
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
    if isinstance(data, list):
        return [_parse_summary(item, f"{path}[{i}]") for i, item in enumerate(data)]
    return [_parse_summary(data, str(path))]


def load_summaries(path: Path) -> list[ArticleSummary]:
    """Read ``ArticleSummary`` objects from a JSONL file (one per line), a JSON file (one summary
    or a list), or a folder of ``*.json`` / ``*.jsonl`` files (read in name order).

    Records marked ``"optional"`` (gold files) load with the flag removed. Raises ``ConfigError``
    for a missing path, unreadable or invalid JSON, or an invalid summary.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in (".json", ".jsonl"))
        return [summary for f in files for summary in _load_file(f)]
    if not path.is_file():
        raise ConfigError(f"{path}: no such file or folder of summaries")
    return _load_file(path)


def digest_schema_document() -> str:
    """The JSON Schema of ``Digest``, exactly as committed in ``schemas/Digest.json``."""
    return json.dumps(Digest.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_digest_schema(folder: Path) -> Path:
    """Write ``Digest.json`` (the schema of ``Digest``) into ``folder``; return its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "Digest.json"
    path.write_text(digest_schema_document(), encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


def _cite(sources: Sequence[DigestSource]) -> str:
    seen: dict[str, str] = {}
    for s in sources:
        seen.setdefault(s.article_id, f"({escape_markdown(s.article_id)}, {escape_markdown(s.language)})")
    return " ".join(seen.values())


def meeting_line(m: MergedMeeting) -> str:
    """``date · place · status — participants: outcome`` in plain English (not escaped)."""
    who = ", ".join(m.participants) or "participants unknown"
    outcome = f": {m.outcome}" if m.outcome else ""
    return f"{m.date or 'date unknown'} · {m.location or 'place unknown'} · {m.status} — {who}{outcome}"


def _meeting_extras(m: MergedMeeting) -> str:
    extra = []
    if m.format != "unknown":
        extra.append(str(m.format).replace("_", " "))
    if m.duration_hours is not None:
        extra.append(f"{m.duration_hours:g} h")
    if m.topics:
        extra.append("topics: " + ", ".join(m.topics))
    return "; ".join(extra)


def casualty_figure(c: MergedCasualty) -> str:
    """The reconciled figures in English: ``about 2,400 killed, 11,000–12,000 injured``."""
    qualifier = {"approximate": "about ", "at_least": "at least ", "exact": ""}[_v(c.qualifier)]
    parts = []
    for count, rng, label in ((c.killed, c.killed_range, "killed"), (c.injured, c.injured_range, "injured")):
        if rng is not None:
            parts.append(f"{rng[0]:,}–{rng[1]:,} {label}")
        elif count is not None:
            parts.append(f"{count:,} {label}")
    return qualifier + (", ".join(parts) or "no figure")


def casualty_context(c: MergedCasualty) -> str:
    """Victims, country, place and period of a toll, comma-separated."""
    details = [x for x in (c.victims if c.victims != "unspecified" else None, c.country, c.location, c.period) if x]
    return ", ".join(str(x) for x in details) or "no details"


def coverage(digest: Digest) -> tuple[list[str], str]:
    """The digest's languages (sorted) and its publication span (", published A to B" or "")."""
    dated = [a.published for a in digest.articles if a.published]
    languages = sorted({a.language for a in digest.articles})
    return languages, f", published {min(dated)} to {max(dated)}" if dated else ""


def render_digest_markdown(digest: Digest) -> str:
    """An English Markdown digest: the articles, a dated timeline of meetings
    (``date · place · status — participants: outcome``), the standing demands of each party and
    the casualty figures, each line citing its sources as ``(article_id, language)``. Merged items
    carry their merge reason on an indented line. All article-derived text is escaped."""
    languages, span = coverage(digest)
    lines = [
        "# Digest",
        "",
        f"*{_plural(len(digest.articles), 'article')} in {_plural(len(languages), 'language')} "
        f"({escape_markdown(', '.join(languages))}){span}*",
        "",
        "## Articles",
        "",
    ]
    for a in digest.articles:
        lines.append(
            f"- {a.published or 'undated'} — {escape_markdown(a.headline)} "
            f"({escape_markdown(a.article_id)}, {escape_markdown(a.language)})"
        )
    lines += ["", "## Timeline of meetings", ""]
    for m in digest.meetings:
        extras = _meeting_extras(m)
        tail = f" ({escape_markdown(extras)})" if extras else ""
        lines.append(f"- {escape_markdown(meeting_line(m))}{tail} — {_cite(m.sources)}")
        if len(m.sources) > 1 or "kept apart" in m.merge_reason:
            lines.append(f"  - *{'merged' if len(m.sources) > 1 else 'not merged'}: {escape_markdown(m.merge_reason)}*")
    if not digest.meetings:
        lines.append("- none reported")
    lines += ["", "## Standing demands", ""]
    actors: dict[str, list[MergedDemand]] = {}
    for d in digest.demands:
        actors.setdefault(d.actor, []).append(d)
    for actor, demands in actors.items():
        lines += [f"### {escape_markdown(actor)}", ""]
        for d in demands:
            target = f"→ {escape_markdown(d.target)} " if d.target else ""
            seen = d.first_seen or "undated"
            if d.last_seen and d.last_seen != d.first_seen:
                seen = f"{seen} to {d.last_seen}"
            lines.append(
                f"- {target}\\[{d.category}\\]: {escape_markdown(d.demand)} (seen {seen}) — {_cite(d.sources)}"
            )
            if len(d.sources) > 1:
                lines.append(f"  - *merged: {escape_markdown(d.merge_reason)}*")
        lines.append("")
    if not digest.demands:
        lines += ["- none reported", ""]
    lines += ["## Casualties", ""]
    for c in digest.casualties:
        cause = f"; cause: {c.cause}" if c.cause else ""
        per_source = " ".join(
            f"({escape_markdown(s.article_id)}, {escape_markdown(s.language)}: "
            + escape_markdown(
                _figure(s) + (f"; {s.reported_by}" if s.reported_by else "") + ("; superseded" if s.superseded else "")
            )
            + ")"
            for s in c.sources
        )
        lines.append(
            f"- {escape_markdown(casualty_figure(c))} ({escape_markdown(casualty_context(c))}){escape_markdown(cause)}"
            f" — {per_source}"
        )
        if len(c.sources) > 1:
            lines.append(f"  - *merged: {escape_markdown(c.merge_reason)}*")
    if not digest.casualties:
        lines.append("- none reported")
    return "\n".join(lines).rstrip() + "\n"
