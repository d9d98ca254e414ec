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

from collections.abc import Sequence

from ..normalize.text import fold
from ..records import ArticleSummary
from .casualties import cluster_casualties, merge_casualty
from .demands import DEMAND_SHORT_TOKENS, DEMAND_SIMILARITY, cluster_demands, merge_demand
from .items import sort_summaries
from .meetings import cluster_meetings, merge_meeting
from .models import (
    CasualtySource,
    DemandSource,
    Digest,
    DigestArticle,
    DigestSource,
    MeetingSource,
    MergedCasualty,
    MergedDemand,
    MergedMeeting,
    digest_schema_document,
    write_digest_schema,
)

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
    "digest_schema_document",
    "write_digest_schema",
]


def build_digest(summaries: Sequence[ArticleSummary]) -> Digest:
    """Merge the records of many article summaries into one ``Digest``.

    The input order does not matter: summaries are sorted by publication date (unknown first),
    then article id. See the module docstring for the merge rules; every merged item carries a
    ``merge_reason`` and lists each reporting article with its evidence.
    """
    ordered = sort_summaries(summaries)
    articles = [
        DigestArticle(article_id=s.article_id, language=s.language, published=s.published, headline=s.headline)
        for s in ordered
    ]
    meetings = [merge_meeting(c) for c in cluster_meetings(ordered)]
    meetings.sort(
        key=lambda m: (
            m.date is None,
            m.date or "",
            m.sources[0].published or "",
            m.sources[0].article_id,
            m.participants,
        )
    )
    demands = [merge_demand(c) for c in cluster_demands(ordered)]
    demands.sort(key=lambda d: (fold(d.actor), d.first_seen or "", fold(d.target or ""), str(d.category), d.demand))
    casualties = [merge_casualty(c) for c in cluster_casualties(ordered)]
    casualties.sort(key=lambda c: (c.period is None, c.period or "", c.country or "", c.sources[0].article_id))
    return Digest(articles=articles, meetings=meetings, demands=demands, casualties=casualties)
