"""Article -> ``ArticleSummary``: code finds candidates, the model judges them, code grounds,
normalises and merges.

Every record's evidence is a sentence the code located in the article, so every quote is
verbatim at its offsets by construction (and checked once more before output).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from ..articles import Article
from ..english import describe_records
from ..errors import ExtractionError
from ..lexicon import lexicons
from ..llm.client import CallUsage
from ..normalize.dates import dates_compatible, resolve_date
from ..normalize.language import detect_language, is_english
from ..normalize.names import Mention, canonical_actor, canonical_person, english_name, strip_cyrillic, transliterate
from ..normalize.numbers import casualty_counts, parse_duration_hours
from ..normalize.text import is_latin_script
from ..records import STATUS_RANK_WITHIN_ARTICLE, ArticleSummary, Casualty, Demand, Evidence, MeetingEvent
from .candidates import (
    Candidate,
    casualty_candidates,
    demand_candidates,
    is_heading,
    meeting_candidates,
    reportable,
    with_context,
)
from .grounding import evidence_for_span
from .passes import Asker, ask_demand, ask_meeting, ask_summary
from .result import ExtractionResult, ExtractionStats
from .rules import (
    ALSO_PRESENT,
    DELEGATIONS,
    SEQUEL,
    STATE_DELEGATIONS,
    TITLE_OF,
    cause_of,
    country_of,
    format_from_text,
    is_aggregate,
    outcome_of,
    status_from_text,
    tense_of,
    topics_of,
    victims_of,
)
from .sentences import Sentence, split_sentences
from .triage import ask_casualty, ask_triage

__all__ = ["extract_article", "lead_of"]

log = logging.getLogger(__name__)

LEAD_CHARS = 800
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
    status_certain: bool = False  # set by the wording, the tense or the date, not only by the model


def _record_usage(stats: ExtractionStats, usage: CallUsage) -> None:
    stats.calls += 1
    stats.model_seconds += usage.seconds
    stats.cached_calls += int(usage.cached)
    stats.prompt_tokens += usage.prompt_tokens
    stats.completion_tokens += usage.completion_tokens


def _ask_once(
    memo: dict[tuple[str, str, str | None], Any],
    kind: str,
    candidate: Candidate,
    ask: Callable[[Candidate], tuple[Any, CallUsage]],
) -> tuple[Any, CallUsage]:
    """Ask about a sentence once per article: long pages repeat themselves."""
    key = (kind, candidate.sentence.text, candidate.context.text if candidate.context else None)
    if key in memo:
        return memo[key], CallUsage(cached=True)
    answer, usage = ask(candidate)
    memo[key] = answer
    return answer, usage


def _failed(stats: ExtractionStats, kind: str, candidate: Candidate | None, exc: ExtractionError) -> None:
    stats.warnings.append(f"{kind} question skipped: {exc}")
    stats.failed_questions.append(
        {
            "question": kind,
            "sentence": candidate.sentence.text if candidate else "",
            "error": str(exc),
            "last_output": exc.last_output or "",
        }
    )


def lead_of(article: Article, limit: int = LEAD_CHARS, skip: set[int] | None = None) -> str:
    """The first paragraphs of the body, whole, up to about ``limit`` characters; paragraphs
    numbered in ``skip`` (injected instructions) are left out."""
    paragraphs = [p.strip() for p in article.body.split("\n") if p.strip()]
    paragraphs = [p for i, p in enumerate(paragraphs) if i not in (skip or set())]
    lead: list[str] = []
    size = 0
    for paragraph in paragraphs:
        if lead and size + len(paragraph) > limit:
            break
        lead.append(paragraph[: limit * 2])
        size += len(paragraph)
    return "\n".join(lead)


# -- dates -----------------------------------------------------------------------------


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


def _name_similarity(a: str, b: str) -> float:
    """How alike two English names are: the better of full-name and last-name similarity."""
    a, b = a.lower().strip(), b.lower().strip()
    full = SequenceMatcher(None, a, b).ratio()
    last = SequenceMatcher(None, a.split()[-1], b.split()[-1]).ratio() if a.split() and b.split() else 0.0
    return max(full, last)


NAME_SIMILARITY = 0.6
STATE_OF_DELEGATION = {delegation: state for state, delegation in STATE_DELEGATIONS.items()}


def window_people(candidate: Candidate) -> list[str]:
    """Canonical names of the people and groups the sentence and its context mention."""
    names: list[str] = []
    for mention in _window_mentions(candidate):
        if mention.kind in {"person", "group"} and mention.name not in names:
            names.append(mention.name)
    return names


def _title_only(name: str, candidate: Candidate) -> bool:
    """True when every mention of ``name`` in the window only qualifies someone else
    ("the envoy of President Trump", "Trump's son-in-law"): such a person is not a participant."""
    spans = [(candidate.sentence, m) for m in candidate.mentions if m.name == name]
    if candidate.context is not None:
        spans += [(candidate.context, m) for m in candidate.context_mentions if m.name == name]
    if not spans:
        return False
    return all(_qualifies_other(sentence.text[max(0, m.start - 80) : m.start], m.surface) for sentence, m in spans)


_GENITIVE = re.compile(r"(?:а|я|ого|его|ього)$", re.IGNORECASE)


def _qualifies_other(before: str, surface: str) -> bool:
    # "посланник президента США Дональда Трампа": the title is someone else's and the name is
    # in the genitive; "Спецпосланець президента США Стівен Віткофф" is the envoy himself.
    if re.search(r"(?i)(?:\bзет\w*|\bзят\w*|son-in-law|schwiegersohn|zięć)\W+(?:\w+\W+){0,5}$", before):
        return True  # "Trump's son-in-law", "зет на президента на САЩ Доналд Тръмп"
    if not TITLE_OF.search(before):
        return False
    last = surface.split()[-1] if surface.split() else surface
    return bool(_GENITIVE.search(last)) or bool(re.search(r"(?i)\b(?:на|of)\s+$", before))


def _echoed_mention(english: str, candidate: Candidate) -> str | None:
    """The window mention a model merely transliterated ("Predstaviteli Na SASHT" for
    "представители на САЩ"): its canonical actor or name."""
    words = re.findall(r"[a-z]+", english.lower())
    for mention in _window_mentions(candidate):
        surface = re.findall(r"[a-z]+", transliterate(mention.surface).lower())
        if len(surface) != 1 or len(surface[0]) < 3:
            continue
        if any(SequenceMatcher(None, surface[0], word).ratio() >= 0.7 for word in words):
            return mention.actor or mention.name
    return None


def resolve_participants(names: list[str], candidate: Candidate, language: str | None = None) -> list[str]:
    """Map the model's names to canonical names that the sentence or its context mention.

    Garbled spellings ("Steve Uitkoff") map to the most similar person the window mentions;
    a known person the window never mentions, or a name that resembles nothing in the
    window, is dropped as invented; delegations are kept; an unknown person who is in the
    window is transliterated.
    """
    known = window_people(candidate)
    window_states = {m.actor or m.name for m in _window_mentions(candidate)}
    window = strip_cyrillic((candidate.context.text if candidate.context else "") + " " + candidate.sentence.text)
    window_words = [w for w in re.findall(r"\w+", window.lower()) if len(w) > 3]
    comparable = is_latin_script(window)
    resolved: list[str] = []
    for raw in names:
        raw = raw.strip()
        if not raw:
            continue
        english = strip_cyrillic(raw).strip()
        name = canonical_person(raw) or canonical_person(english)
        if name is None and english.lower() in DELEGATIONS:
            name = DELEGATIONS[english.lower()]
        if name is None:
            # "representatives of the US", "Ukraine": a state among participants is its delegation.
            actor = canonical_actor(raw) or canonical_actor(english) or _echoed_mention(english, candidate)
            if actor in STATE_DELEGATIONS:
                name = STATE_DELEGATIONS[actor]
            elif actor is not None and canonical_person(actor) is not None:
                name = actor
        if name is None and known:
            best = max(known, key=lambda k: _name_similarity(english, k))
            if _name_similarity(english, best) >= NAME_SIMILARITY:
                name = best
        if name is None:
            last = english.split()[-1].lower() if english.split() else ""
            if last and any(SequenceMatcher(None, last, w).ratio() >= 0.8 for w in window_words):
                name = english_name(raw, language)
            elif not comparable:
                # A window in a script an English name cannot be compared with (Greek, Arabic,
                # Chinese, Korean...): the model's English name stands, unless it is a known
                # person the window never mentions (checked below).
                name = unknown_entity(raw)
        if name is None:
            continue
        if name in STATE_DELEGATIONS.values() and STATE_OF_DELEGATION[name] not in window_states:
            continue  # a delegation of a state the window never mentions
        if canonical_person(name) is not None and name not in known:
            continue  # a known person the window never mentions: the model made them up
        if _title_only(name, candidate):
            continue
        if name not in resolved:
            resolved.append(name)
    return resolved


def _location(mentions: list[Mention], text: str) -> str | None:
    for mention in mentions:
        if mention.kind == "place" and mention.place:
            return mention.place
    for mention in mentions:
        # "in the Kremlin", "at the White House": an institution standing for its city.
        if (
            mention.kind == "organisation"
            and mention.place
            and re.search(r"(?i)\b(?:в|у|във|in|at|im)\s+" + re.escape(mention.surface), text)
        ):
            return mention.place
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
    certain = text_status is not None
    if text_status is not None:
        status = text_status
    else:
        tense = tense_of(sentence.text)
        certain = tense is not None
        if tense == "past":
            status = "happened"
        elif tense == "future" and status == "happened":
            status = "planned"
    position = _relative_to_published(date, article.published)
    if status != "cancelled":
        if position < 0 and text_status is None:
            status, certain = "happened", True
        elif position > 0 and status == "happened":
            status, certain = "planned", True
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
        status_certain=certain,
    )


def _same_meeting(a: _Meeting, b: _Meeting) -> bool:
    """Two mentions of one meeting: shared participants, compatible dates and places; when a
    date is missing, a past mention and a future one are different meetings."""
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
    if (a.date is None or b.date is None) and (a.status == "happened") != (b.status == "happened"):
        return False
    return True


def _absorb(into: _Meeting, other: _Meeting) -> None:
    for name in other.participants:
        if name not in into.participants:
            into.participants.append(name)
    # The wording beats the model's guess; between equals, the further-along status wins.
    if (other.status_certain, STATUS_RANK_WITHIN_ARTICLE[other.status]) > (into.status_certain, STATUS_RANK_WITHIN_ARTICLE[into.status]):
        into.status = other.status
        into.status_certain = other.status_certain
    if into.format == "unknown":
        into.format = other.format
    into.date = _more_precise(into.date, other.date)
    into.location = into.location or other.location
    into.duration = into.duration if into.duration is not None else other.duration
    into.outcome = into.outcome or other.outcome
    into.topics += [t for t in other.topics if t not in into.topics]
    into.evidence += [e for e in other.evidence if e not in into.evidence]
    into.last_sentence = max(into.last_sentence, other.last_sentence)


def _merge_all(found: list[_Meeting]) -> list[_Meeting]:
    """Merge until no two records describe the same meeting (a record that grew may now match)."""
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(found):
            for b in found[i + 1 :]:
                if _same_meeting(a, b):
                    _absorb(a, b)
                    found.remove(b)
                    merged = True
                    break
            if merged:
                break
    return found


def _follow_ups(found: list[_Meeting], sentences: list[Sentence], article: Article) -> None:
    """A sentence right after a meeting's, in the same paragraph, that states a duration or an
    outcome and starts no meeting of its own ("The talks lasted over 12 hours") describes it."""
    claimed = {e.start for m in found for e in m.evidence}
    for meeting in found:
        here = sentences[meeting.last_sentence] if meeting.last_sentence < len(sentences) else None
        following = meeting.last_sentence + 1
        if here is None or following >= len(sentences):
            continue
        sentence = sentences[following]
        if sentence.paragraph != here.paragraph or sentence.start in claimed:
            continue
        duration = parse_duration_hours(sentence.text)
        outcome = outcome_of(sentence.text)
        if (duration is None or meeting.duration is not None) and (outcome is None or meeting.outcome is not None):
            continue
        meeting.duration = meeting.duration if meeting.duration is not None else duration
        meeting.outcome = meeting.outcome or outcome
        meeting.evidence.append(evidence_for_span(article.text, sentence.start, sentence.end))
        claimed.add(sentence.start)


def _meetings(
    article: Article,
    sentences: list[Sentence],
    candidates: list[Candidate],
    client: Asker,
    stats: ExtractionStats,
    language: str,
) -> list[MeetingEvent]:
    found: list[_Meeting] = []
    last: _Meeting | None = None  # the meeting the text spoke of most recently
    memo: dict[tuple[str, str, str | None], Any] = {}
    for candidate in candidates:
        stats.note_candidate("meetings", candidate.sentence.start, candidate.sentence.end)
        try:
            answer, usage = _ask_once(
                memo,
                "meeting",
                candidate,
                lambda c: ask_meeting(client, c, article.published, window_people(c)),
            )
        except ExtractionError as exc:
            _failed(stats, "meeting", candidate, exc)
            continue
        _record_usage(stats, usage)
        if not answer.is_meeting or is_aggregate(candidate.sentence.text):
            continue
        participants = resolve_participants(answer.participants, candidate, language)
        meeting = _build_meeting(participants, answer.status, answer.format, candidate, article)
        log.debug(
            "meeting? %s | model %s %s | resolved %s date=%s status=%s",
            candidate.sentence.text[:70], answer.participants, answer.status, participants, meeting.date, meeting.status,
        )  # fmt: skip
        near = last is not None and candidate.sentence.index - last.last_sentence <= ATTACH_WINDOW
        if last is not None and near and meeting.date is None and last.date and SEQUEL.search(candidate.sentence.text):
            meeting.date = last.date[:7]  # "a few days later": the same month, at most
            if meeting.status != "cancelled" and _relative_to_published(meeting.date, article.published) < 0:
                meeting.status = "happened"
        if last is not None and near and ALSO_PRESENT.search(candidate.sentence.text):
            # "Kushner and Bessent were also present at the meeting": more people, same meeting.
            meeting.participants = list(dict.fromkeys(last.participants + participants))
            _absorb(last, meeting)
            continue
        if len(participants) < 2:
            if last is not None and near and dates_compatible(last.date, meeting.date):
                # A follow-up ("the talks lasted five hours") belongs to the meeting just described;
                # a place it names is where something else happened ("Moscow then said...").
                meeting.participants = list(last.participants)
                meeting.location = None
                _absorb(last, meeting)
            elif last is not None and near and meeting.date is not None:
                # "The next round took place on 11 April": the same parties meet again.
                meeting.participants = list(last.participants)
                found.append(meeting)
                last = meeting
            else:
                stats.dropped_unsupported += 1
            continue
        twin = next((m for m in reversed(found) if _same_meeting(m, meeting)), None)
        if twin is not None:
            _absorb(twin, meeting)
            last = twin
        else:
            found.append(meeting)
            last = meeting
    found = _merge_all(found)
    _follow_ups(found, sentences, article)
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
    mentions = list(candidate.mentions)
    if candidate.context is not None and candidate.sentence.start >= candidate.context.start:
        mentions += candidate.context_mentions  # a clause: its sentence names the actor
    names = [m.actor or m.name for m in mentions if m.kind in {"state", "organisation", "person", "group"}]
    if raw:
        actor = canonical_actor(raw) or canonical_actor(strip_cyrillic(raw))
        if actor and actor in names:
            return actor
        if actor is None:
            # Unknown to the alias table (a union, a movement, "protesters"): the model's English
            # answer stands. A known name is never put in the place of an unknown one.
            return unknown_entity(raw)
    if fallback and names:
        return names[0]
    return None


_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f0-9][\w .,'’&()/-]*$")


def unknown_entity(raw: str) -> str | None:
    """The model's English name for an entity the alias table does not know, cleaned: Cyrillic
    transliterated, outer spaces and punctuation trimmed; None unless it is a short phrase in
    Latin script (an answer in the article's script, or a sentence, is no name)."""
    english = " ".join(strip_cyrillic(raw).split()).strip(" .,;:-\"'«»“”")
    if not english or len(english.split()) > 6 or not _LATIN_NAME.match(english):
        return None
    return english


def _demands(article: Article, candidates: list[Candidate], client: Asker, stats: ExtractionStats) -> list[Demand]:
    demands: list[Demand] = []
    memo: dict[tuple[str, str, str | None], Any] = {}
    for candidate in candidates:
        stats.note_candidate("demands", candidate.sentence.start, candidate.sentence.end)
        try:
            answer, usage = _ask_once(memo, "demand", candidate, lambda c: ask_demand(client, c, article.published))
        except ExtractionError as exc:
            _failed(stats, "demand", candidate, exc)
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
        evidence = evidence_for_span(article.text, sentence.start, sentence.end)
        twin = next(
            (d for d in demands if (d.actor, d.target, d.category, d.demand) == (actor, target, answer.category, text)),
            None,
        )
        if twin is not None:  # the same demand repeated: one record, several quotes
            twin.evidence.append(evidence)
            continue
        demands.append(Demand(actor=actor, target=target, demand=text, category=answer.category, evidence=[evidence]))
    return demands


# -- casualties ------------------------------------------------------------------------


def _casualties(
    article: Article, candidates: list[Candidate], stats: ExtractionStats, language: str, client: Asker | None
) -> list[Casualty]:
    """Casualty records: counts by the rules, or, where the language has no casualty words
    (``client`` given: triage mode), by the model with the numbers checked against the sentence."""
    records: dict[tuple[str, str | None, str | None], Casualty] = {}
    for candidate in candidates:
        sentence = candidate.sentence
        stats.note_candidate("casualties", sentence.start, sentence.end)
        counts = casualty_counts(sentence.text, language)
        if client is not None and counts.get("killed") is None and counts.get("injured") is None:
            try:
                asked, usage = ask_casualty(client, candidate, language)
            except ExtractionError as exc:
                _failed(stats, "casualty", candidate, exc)
                continue
            _record_usage(stats, usage)
            counts = {**counts, **asked}
        killed, injured = counts.get("killed"), counts.get("injured")
        if killed is None and injured is None:
            continue
        victims = victims_of(sentence.text)
        period = resolve_date(sentence.text, article.published)
        country = country_of(sentence.text)
        record = Casualty.model_validate(
            {
                "killed": killed,
                "injured": injured,
                "qualifier": counts.get("qualifier") or "exact",
                "victims": victims,
                "children_killed": counts.get("children_killed"),
                "children_injured": counts.get("children_injured"),
                "country": country,
                "location": next((m.place for m in candidate.mentions if m.kind == "place"), None),
                "period": period,
                "cause": cause_of(sentence.text),
                "evidence": [evidence_for_span(article.text, sentence.start, sentence.end)],
            }
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


def _triaged(sentences: list[Sentence], client: Asker, stats: ExtractionStats) -> dict[str, list[Candidate]]:
    """Candidates picked by the model: one triage question per sentence that is not a heading."""
    found: dict[str, list[Candidate]] = {"meetings": [], "demands": [], "casualties": []}
    for i, sentence in enumerate(sentences):
        if is_heading(sentence, sentences):
            continue
        candidate = Candidate(sentence, *with_context(sentences, i))
        try:
            answer, usage = ask_triage(client, sentence)
        except ExtractionError as exc:
            _failed(stats, "triage", candidate, exc)
            continue
        _record_usage(stats, usage)
        for kind, flagged in (("meetings", answer.meeting), ("demands", answer.demand), ("casualties", answer.casualty)):
            if flagged:
                found[kind].append(candidate)
    return found


def _headline_brief(
    article: Article, client: Asker, stats: ExtractionStats, records: list[Any], skip: set[int] | None = None
) -> tuple[str, str]:
    """The model's English headline and brief. An answer that does not read as English is asked
    for again, once, saying so; what is still not English is composed from the records instead
    (their fields are English by construction), never transliterated."""
    lead = lead_of(article, skip=skip)
    headline = brief = ""
    for insist in (False, True):
        try:
            answer, usage = ask_summary(client, lead, article.published, insist=insist)
        except ExtractionError as exc:
            _failed(stats, "summary", None, exc)
            break
        _record_usage(stats, usage)
        candidate_headline = " ".join(strip_cyrillic(answer.headline).replace('"', "").split()[:15])
        candidate_brief = " ".join(strip_cyrillic(answer.brief).split())
        # Judged together: a short headline full of names is too little text to identify alone.
        if is_english(f"{candidate_headline}. {candidate_brief}"):
            headline, brief = candidate_headline, candidate_brief
            break
    composed = describe_records(records)
    if not headline:
        stats.warnings.append("headline composed from the records: the model's was not English")
        headline = " ".join(composed[0].rstrip(".").split()[:15]) if composed else f"Article {article.article_id}"
    if not brief:
        stats.warnings.append("brief composed from the records: the model's was not English")
        brief = " ".join(composed[:3]) if composed else "No meeting, demand or casualty figure was found in this article."
    return headline, brief


def extract_article(article: Article, client: Asker) -> ExtractionResult:
    """Extract every record of one article and an English headline and brief."""
    started = time.perf_counter()
    stats = ExtractionStats()
    sentences, tainted = reportable(split_sentences(article.text, article.body_start))
    if tainted:
        stats.warnings.append(f"{len(tainted)} paragraph(s) addressing the model were ignored")
        log.warning("%s: ignored %d paragraph(s) that address the model", article.article_id, len(tainted))
    language = detect_language(article.body)
    has_lexicon = language in lexicons()
    if has_lexicon:
        found = {
            "meetings": meeting_candidates(sentences),
            "demands": demand_candidates(sentences),
            "casualties": casualty_candidates(sentences),
        }
    else:  # no trigger words for this language: the model picks the sentences
        log.info("%s: no lexicon for %r; the model triages every sentence", article.article_id, language)
        found = _triaged(sentences, client, stats)
    triage_client = None if has_lexicon else client
    meetings = _verified(
        _meetings(article, sentences, found["meetings"], client, stats, language), article.text, stats
    )
    demands = _verified(_demands(article, found["demands"], client, stats), article.text, stats)
    casualties = _verified(
        _casualties(article, found["casualties"], stats, language, triage_client), article.text, stats
    )
    headline, brief = _headline_brief(article, client, stats, [*meetings, *casualties, *demands], tainted)
    summary = ArticleSummary(
        article_id=article.article_id,
        language=language,
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
