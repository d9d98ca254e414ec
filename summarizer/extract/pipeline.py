"""Article -> ``ArticleSummary``: code finds candidates, the model judges them, code grounds,
normalises and merges.

Every record's evidence is a sentence the code located in the article, so every quote is
verbatim at its offsets by construction (and checked once more before output).
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field

from ..articles import Article
from ..errors import ExtractionError
from ..llm.client import CallUsage
from ..normalize.dates import resolve_date
from ..normalize.language import detect_language
from ..normalize.names import Mention, canonical_actor, canonical_person, english_name, strip_cyrillic
from ..normalize.numbers import casualty_counts, parse_duration_hours
from ..records import ArticleSummary, Casualty, Demand, Evidence, MeetingEvent
from .candidates import (
    Candidate,
    casualty_candidates,
    demand_candidates,
    meeting_candidates,
)
from .grounding import evidence_for_span
from .passes import Asker, ask_demand, ask_meeting, ask_summary
from .result import ExtractionResult, ExtractionStats
from .rules import (
    DELEGATIONS,
    cause_of,
    country_of,
    format_from_text,
    is_aggregate,
    outcome_of,
    status_from_text,
    topics_of,
    victims_of,
)
from .sentences import Sentence, split_sentences

__all__ = ["extract_article", "lead_of"]

log = logging.getLogger(__name__)

STATUS_PRIORITY = {"cancelled": 3, "happened": 2, "possible": 1, "planned": 0}
LEAD_CHARS = 1200
ATTACH_WINDOW = 3  # a follow-up sentence attaches to a meeting at most this many sentences back


@dataclass
class _Meeting:
    participants: list[str]
    status: str
    format: str
    date: str | None
    location: str | None
    duration: float | None
    evidence: list[Evidence]
    last_sentence: int
    outcome: str | None = None
    topics: list[str] = field(default_factory=list)


def _record_usage(stats: ExtractionStats, usage: CallUsage) -> None:
    stats.calls += 1
    stats.cached_calls += int(usage.cached)
    stats.prompt_tokens += usage.prompt_tokens
    stats.completion_tokens += usage.completion_tokens


def lead_of(article: Article, limit: int = LEAD_CHARS) -> str:
    """The first paragraphs of the body, whole, up to about ``limit`` characters."""
    paragraphs = [p.strip() for p in article.body.split("\n") if p.strip()]
    lead: list[str] = []
    size = 0
    for paragraph in paragraphs:
        if lead and size + len(paragraph) > limit:
            break
        lead.append(paragraph[: limit * 2])
        size += len(paragraph)
    return "\n".join(lead)


# -- dates -----------------------------------------------------------------------------


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Same date at the coarser precision, or one side unknown."""
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _more_precise(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if len(b) > len(a) else a


def _relative_to_published(date: str | None, published: str | None) -> int:
    """-1 when ``date`` lies wholly before publication, 1 wholly after, 0 otherwise."""
    if date is None or published is None:
        return 0
    pub = published[: len(date)]
    if date < pub:
        return -1
    if date > pub:
        return 1
    return 0


# -- names -----------------------------------------------------------------------------


def _window_mentions(candidate: Candidate) -> list[Mention]:
    return list(candidate.mentions) + list(candidate.context_mentions)


def _similar(a: str, b: str) -> bool:
    a_last, b_last = a.lower().split()[-1:], b.lower().split()[-1:]
    if not a_last or not b_last:
        return False
    x, y = a_last[0], b_last[0]
    return x[:4] == y[:4] or (len(x) > 4 and len(y) > 4 and x[-4:] == y[-4:])


def resolve_participants(names: list[str], candidate: Candidate) -> list[str]:
    """Map the model's names to canonical names that the sentence or its context mention.

    A name the window does not mention (a garbled or invented one) is dropped; delegations
    are kept; an unknown person is transliterated.
    """
    known = [m.name for m in _window_mentions(candidate) if m.kind in {"person", "group"}]
    window = strip_cyrillic((candidate.context.text if candidate.context else "") + " " + candidate.sentence.text)
    resolved: list[str] = []
    for raw in names:
        raw = raw.strip()
        if not raw:
            continue
        name = canonical_person(raw)
        if name is None:
            name = next((k for k in known if _similar(strip_cyrillic(raw), k)), None)
        if name is None:
            english = strip_cyrillic(raw).strip()
            if english.lower() in DELEGATIONS:
                name = DELEGATIONS[english.lower()]
            elif english and english.split()[-1][:4].lower() in window.lower():
                name = english_name(raw)
        if name and name not in resolved and (name in known or name in DELEGATIONS.values() or name not in known):
            if canonical_person(name) is not None and name not in known:
                continue  # a known person the window never mentions: the model made them up
            resolved.append(name)
    return resolved


def _location(mentions: list[Mention], text: str) -> str | None:
    for mention in mentions:
        if mention.kind == "place":
            return mention.name
    for mention in mentions:
        if (
            mention.kind == "organisation"
            and mention.name == "Russia"
            and re.match(r"(?i)кремл|kreml", mention.surface)
        ):
            return "Moscow"
    if re.search(r"(?i)посет|посещ|поїзд|поездк|відвіда|визит|візит|visit|travel|trip|пътува", text):
        for mention in mentions:
            if mention.kind == "state" and re.search(
                r"(?i)\b(?:в|у|до|to|in|nach)\s+" + re.escape(mention.surface), text
            ):
                return mention.name
    return None


# -- meetings --------------------------------------------------------------------------


def _build_meeting(
    answer_participants: list[str], status: str, fmt: str, candidate: Candidate, article: Article
) -> _Meeting:
    sentence = candidate.sentence
    date = resolve_date(sentence.text, article.published)
    text_status = status_from_text(sentence.text)
    if text_status is not None:
        status = text_status
    position = _relative_to_published(date, article.published)
    if status != "cancelled":
        if position < 0 and text_status is None:
            status = "happened"
        elif position > 0 and status == "happened":
            status = "planned"
    return _Meeting(
        participants=answer_participants,
        status=status,
        format=format_from_text(sentence.text) or fmt,
        date=date,
        location=_location(list(candidate.mentions), sentence.text),
        duration=parse_duration_hours(sentence.text),
        evidence=[evidence_for_span(article.text, sentence.start, sentence.end)],
        last_sentence=sentence.index,
        outcome=outcome_of(sentence.text),
        topics=topics_of(sentence.text),
    )


def _same_meeting(a: _Meeting, b: _Meeting) -> bool:
    shared = set(a.participants) & set(b.participants)
    if not shared:
        return False
    smaller = min(len(set(a.participants)), len(set(b.participants)))
    if len(shared) < min(2, smaller):
        return False
    if not dates_compatible(a.date, b.date):
        return False
    if a.location and b.location and a.location != b.location:
        return False
    # Without dates, one past and one future mention are different meetings.
    if (a.date is None or b.date is None) and {a.status, b.status} >= {"happened", "planned"}:
        return False
    return True


def _absorb(into: _Meeting, other: _Meeting) -> None:
    for name in other.participants:
        if name not in into.participants:
            into.participants.append(name)
    if STATUS_PRIORITY[other.status] > STATUS_PRIORITY[into.status]:
        into.status = other.status
    if into.format == "unknown":
        into.format = other.format
    into.date = _more_precise(into.date, other.date)
    into.location = into.location or other.location
    into.duration = into.duration if into.duration is not None else other.duration
    into.outcome = into.outcome or other.outcome
    into.topics += [t for t in other.topics if t not in into.topics]
    into.evidence += [e for e in other.evidence if e not in into.evidence]
    into.last_sentence = max(into.last_sentence, other.last_sentence)


def _meetings(article: Article, sentences: list[Sentence], client: Asker, stats: ExtractionStats) -> list[MeetingEvent]:
    found: list[_Meeting] = []
    for candidate in meeting_candidates(sentences):
        try:
            answer, usage = ask_meeting(client, candidate, article.published)
        except ExtractionError as exc:
            stats.warnings.append(f"meeting question skipped: {exc}")
            continue
        _record_usage(stats, usage)
        if not answer.is_meeting or is_aggregate(candidate.sentence.text):
            continue
        participants = resolve_participants(answer.participants, candidate)
        meeting = _build_meeting(participants, answer.status, answer.format, candidate, article)
        if len(participants) < 2:
            # A follow-up ("the talks lasted five hours") belongs to the meeting just described.
            previous = found[-1] if found else None
            if (
                previous is not None
                and candidate.sentence.index - previous.last_sentence <= ATTACH_WINDOW
                and (dates_compatible(previous.date, meeting.date))
            ):
                meeting.participants = list(previous.participants)
                _absorb(previous, meeting)
            else:
                stats.dropped_unsupported += 1
            continue
        twin = next((m for m in found if _same_meeting(m, meeting)), None)
        if twin is not None:
            _absorb(twin, meeting)
        else:
            found.append(meeting)
    return [
        MeetingEvent(
            participants=m.participants,
            location=m.location,
            date=m.date,
            status=m.status,  # type: ignore[arg-type]
            format=m.format,  # type: ignore[arg-type]
            duration_hours=m.duration,
            topics=m.topics,
            outcome=m.outcome,
            evidence=m.evidence,
        )
        for m in found
    ]


# -- demands ---------------------------------------------------------------------------


def _grounded_actor(raw: str | None, candidate: Candidate, *, fallback: bool) -> str | None:
    names = [m.name for m in candidate.mentions if m.kind in {"state", "organisation", "person", "group"}]
    if raw:
        actor = canonical_actor(raw) or canonical_actor(strip_cyrillic(raw))
        if actor and actor in names:
            return actor
    if fallback and names:
        return names[0]
    return None


def _demands(article: Article, sentences: list[Sentence], client: Asker, stats: ExtractionStats) -> list[Demand]:
    demands: list[Demand] = []
    for candidate in demand_candidates(sentences):
        try:
            answer, usage = ask_demand(client, candidate, article.published)
        except ExtractionError as exc:
            stats.warnings.append(f"demand question skipped: {exc}")
            continue
        _record_usage(stats, usage)
        text = strip_cyrillic(answer.demand).strip()
        if not answer.is_demand or not text:
            continue
        actor = _grounded_actor(answer.actor, candidate, fallback=True)
        if actor is None:
            stats.dropped_unsupported += 1
            continue
        target = _grounded_actor(answer.target, candidate, fallback=False)
        if target == actor:
            target = None
        sentence = candidate.sentence
        demands.append(
            Demand(
                actor=actor,
                target=target,
                demand=text,
                category=answer.category,
                evidence=[evidence_for_span(article.text, sentence.start, sentence.end)],
            )
        )
    return demands


# -- casualties ------------------------------------------------------------------------


def _casualties(article: Article, sentences: list[Sentence]) -> list[Casualty]:
    records: dict[tuple[str, str | None, str | None], Casualty] = {}
    for candidate in casualty_candidates(sentences):
        sentence = candidate.sentence
        counts = casualty_counts(sentence.text)
        killed, injured = counts.get("killed"), counts.get("injured")
        if killed is None and injured is None:
            continue
        victims = victims_of(sentence.text)
        period = resolve_date(sentence.text, article.published)
        country = country_of(sentence.text)
        record = Casualty(
            killed=killed,
            injured=injured,
            qualifier=counts.get("qualifier") or "exact",
            victims=victims,
            children_killed=counts.get("children_killed"),
            children_injured=counts.get("children_injured"),
            country=country,
            location=next((m.name for m in candidate.mentions if m.kind == "place"), None),
            period=period,
            cause=cause_of(sentence.text),
            evidence=[evidence_for_span(article.text, sentence.start, sentence.end)],
        )
        # Running updates of one toll: the latest figure for the same victims and period wins.
        records[(victims, period, country)] = record
    return list(records.values())


# -- the article -----------------------------------------------------------------------


def _verified(items: list, text: str, stats: ExtractionStats) -> list:  # type: ignore[type-arg]
    """Keep records whose every quote is verbatim at its offsets; count the others."""
    kept = []
    for item in items:
        if all(text[e.start : e.end] == e.quote for e in item.evidence):
            kept.append(item)
        else:
            stats.dropped_ungrounded += 1
    return kept


def _headline_brief(article: Article, client: Asker, stats: ExtractionStats) -> tuple[str, str]:
    try:
        answer, usage = ask_summary(client, lead_of(article), article.published)
    except ExtractionError as exc:
        stats.warnings.append(f"summary skipped: {exc}")
        return f"Article {article.article_id}", "The model gave no usable summary for this article."
    _record_usage(stats, usage)
    headline = " ".join(strip_cyrillic(answer.headline).replace('"', "").split()[:15])
    brief = " ".join(strip_cyrillic(answer.brief).split())
    return headline or f"Article {article.article_id}", brief


def extract_article(article: Article, client: Asker) -> ExtractionResult:
    """Extract every record of one article and an English headline and brief."""
    started = time.perf_counter()
    stats = ExtractionStats()
    sentences = split_sentences(article.text, article.body_start)
    meetings = _verified(_meetings(article, sentences, client, stats), article.text, stats)
    demands = _verified(_demands(article, sentences, client, stats), article.text, stats)
    casualties = _verified(_casualties(article, sentences), article.text, stats)
    headline, brief = _headline_brief(article, client, stats)
    summary = ArticleSummary(
        article_id=article.article_id,
        language=detect_language(article.body),
        published=article.published,
        headline=headline,
        brief=brief,
        meetings=meetings,
        demands=demands,
        casualties=casualties,
    )
    stats.seconds = time.perf_counter() - started
    if stats.dropped_ungrounded:
        log.warning("%s: dropped %d record(s) without verbatim evidence", article.article_id, stats.dropped_ungrounded)
    return ExtractionResult(summary=summary, stats=stats)
