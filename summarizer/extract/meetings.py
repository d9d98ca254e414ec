"""Meetings: a record per meeting the article reports, its status fixed by the wording, the
tense and the date where they speak, follow-up sentences attached, mentions of one meeting merged."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from ..articles import Article
from ..errors import ExtractionError
from ..lexicon import pattern
from ..normalize.dates import dates_compatible, find_dates, relative_to_published, resolve_date
from ..normalize.delegations import STATE_DELEGATIONS
from ..normalize.names import canonical_actor, canonical_person, find_mentions, strip_cyrillic
from ..normalize.numbers import parse_duration_hours
from ..normalize.tense import clause_tense, cue_tense, meeting_tense
from ..normalize.text import is_latin_script
from ..records import STATUS_RANK_WITHIN_ARTICLE, Evidence, MeetingEvent
from .asking import Memo, ask_once, note_failure, record_usage
from .candidates import LEAD_SENTENCES, Candidate, contexts_before, is_title
from .grounding import evidence_for_span
from .participants import (
    ascii_fold,
    given_names,
    mention_side,
    resolve_participants,
    source_institution,
    spelled_out,
    supported_name,
    talk_sides,
    unknown_entity,
    unverified,
    window_mentions,
    window_people,
    window_text,
)
from .passes import Asker, ask_meeting
from .result import ExtractionStats
from .rules import (
    ALSO_PRESENT,
    SEQUEL,
    format_from_text,
    is_aggregate,
    outcome_of,
    place_of,
    status_from_text,
    topics_of,
)
from .sentences import Sentence

__all__ = ["ATTACH_WINDOW", "find_meetings", "meeting_place"]

log = logging.getLogger(__name__)

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


def _more_precise(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if len(b) > len(a) else a


def meeting_place(answer: str | None, candidate: Candidate, language: str | None = None) -> str | None:
    """Where the meeting is: a place the alias table finds in the sentence, else the model's
    English place name, canonical where the table knows it, and only where the sentence or its
    context writes it (checked as ``supported_name`` checks names)."""
    known = place_of(list(candidate.mentions), candidate.sentence.text)
    if known is not None or not answer:
        return known
    english = unknown_entity(answer)
    if english is None or len(re.sub(r"[\W\d_]", "", english)) < 3:
        return None  # "Kh": a letter (the social network "Х") is no place
    if source_institution(answer, language):
        return None  # "Senado", "Câmara": the article's word for a body, no English place
    window = window_text(candidate)
    if not is_latin_script(strip_cyrillic(window)):
        # A window an English name cannot be checked against (Chinese, Japanese, Arabic...): a
        # state in the answer must be one the sentence itself names ("Kunshan, Japan" for a
        # meeting in 慶州, 韓国; "China", Xi's country, for a sentence that names no place).
        own = {m.name for m in candidate.mentions if m.kind == "state"}
        if any(m.kind == "state" and m.name not in own for m in find_mentions(english)):
            return None
    # "Washington D.C." is Washington: a known place that makes up most of the answer.
    table = next((m.place for m in find_mentions(english) if m.place and m.end - m.start >= 0.6 * len(english)), None)
    if table is not None:
        english = table
        in_window = {m.place for m in window_mentions(candidate) if m.place}
        if english in in_window:
            return english
    return supported_name(english, window)


def _other_occasion(candidate: Candidate, here: str | None, published: str | None) -> bool:
    """Whether the sentence (dated ``here``) and its context are dated to different days, months
    or years."""
    if candidate.context is None or here is None:
        return False
    there = resolve_date(candidate.context.text, published)
    return there is not None and not dates_compatible(here, there)


def _named_in(person: str, candidate: Candidate) -> bool:
    """Whether the candidate's sentence itself names ``person``, in full or by surname."""
    if person in {m.name for m in candidate.mentions}:
        return True
    surname = ascii_fold(person.split()[-1])
    words = re.findall(r"\w+", ascii_fold(strip_cyrillic(candidate.sentence.text)))
    return any(SequenceMatcher(None, surname, w[: len(surname) + 2]).ratio() >= 0.8 for w in words)


def _full_names(found: list[_Meeting], text: str, language: str | None) -> None:
    """A participant named by surname alone ("Yıldırım") is the one person of that surname the
    article names in full elsewhere: at another meeting ("Binali Yıldırım"), so that the mentions
    of one meeting merge, or anywhere in its text ("o ministro Carlos Marun")."""
    full: dict[str, set[str]] = {}
    for meeting in found:
        meeting.participants = [spelled_out(name, text, language) for name in meeting.participants]
    for meeting in found:
        for name in meeting.participants:
            words = name.split()
            if len(words) >= 2 and "delegation" not in name:
                full.setdefault(ascii_fold(words[-1]), set()).add(name)
    for meeting in found:
        for name in meeting.participants:
            if " " not in name and ascii_fold(name) not in full:
                written = given_names(name, text, language)
                if written:
                    full[ascii_fold(name)] = written
    for meeting in found:
        named = [
            next(iter(full[ascii_fold(p)])) if " " not in p and len(full.get(ascii_fold(p), ())) == 1 else p
            for p in meeting.participants
        ]
        meeting.participants = list(dict.fromkeys(named))


def _told_in_past(text: str, date: str | None, published: str | None) -> bool:
    """Whether the clause around the mention of ``date`` in ``text`` is in the past tense."""
    return any(m.value == date and clause_tense(text, m.start, m.end) == "past" for m in find_dates(text, published))


def _build_meeting(
    answer_participants: list[str],
    status: str,
    candidate: Candidate,
    article: Article,
    date: str | None,
    location: str | None = None,
    language: str | None = None,
) -> _Meeting:
    """The meeting one answer reports; ``date`` is the sentence's own."""
    sentence = candidate.sentence
    text_status = status_from_text(sentence.text)
    certain = text_status is not None
    if text_status is not None:
        status = text_status
    else:
        tense = meeting_tense(sentence.text)
        certain = tense is not None
        if tense is None:
            # No meeting verb tells the tense: the clause of the meeting word does, if anything
            # ("the relations came up in the talks between Rutte and Wilmès": past), not certain.
            tense = _tense_at_meeting_word(sentence.text, language)
        if tense == "past":
            status = "happened"
        elif tense == "future" and status == "happened":
            status = "planned"
    position = relative_to_published(date, article.published)
    if status != "cancelled":
        if position < 0 and text_status is None:
            status, certain = "happened", True
        elif position > 0 and status == "happened":
            status, certain = "planned", True
        elif (
            position == 0
            and text_status is None
            and not certain
            and _told_in_past(sentence.text, date, article.published)
        ):
            status, certain = "happened", True  # "the talks on Friday [today] were constructive"
    return _Meeting(
        participants=answer_participants,
        status=status,
        format=format_from_text(sentence.text) or "unknown",
        date=date,
        location=meeting_place(location, candidate, language),
        duration=parse_duration_hours(sentence.text),
        evidence=[evidence_for_span(article.text, sentence.start, sentence.end)],
        last_sentence=sentence.index,
        outcome=outcome_of(sentence.text),
        topics=topics_of(sentence.text),
        status_certain=certain,
    )


def _tense_at_meeting_word(text: str, language: str | None) -> str | None:
    """The tense of the clause around the sentence's first meeting word (the lexicon's
    ``meeting``), told by the lexicons' general past and future cue words; None when they are
    silent or the sentence has no meeting word of the language."""
    if language is None:
        return None
    found = pattern("meeting", language=language).search(text)
    return cue_tense(text, found.start(), found.end()) if found else None


UNNAMED_DELEGATION = "unnamed delegation"
"""The side of a meeting that the sentence tells only as a group ("a delegation of the victims'
families", "the unions") where no known group is named."""


def _other_side(candidate: Candidate, participants: list[str]) -> str:
    """The group across the table from the one participant a sentence names: a known group the
    sentence names, as its delegation ("M23 delegation"), else an unnamed delegation. A state
    named there is as often the host ("in the Jordanian capital") as a side."""
    for mention in sorted(candidate.mentions, key=lambda m: m.start):
        side = mention_side(mention) if mention.kind == "group" else None
        if side is not None and side not in participants and mention.name not in participants:
            return side
    return UNNAMED_DELEGATION


def _delegations_at(sides: list[str]) -> bool:
    """Whether a sentence names two sides of talks or more, all delegations, no person."""
    return len(sides) >= 2 and all("delegation" in side for side in sides)


def _format(meeting: _Meeting) -> str:
    """A call or a video call where a mention's words say so (lexicon ``phone``, ``video``);
    otherwise a meeting with a place is met in person. Code decides, not the model: on dev's
    matched meetings this agreed with the gold 16 times in 20, the model's answer 15."""
    if meeting.format == "unknown" and meeting.location:
        return "in_person"
    return meeting.format


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
    if not _places_agree(a.location, b.location):
        return False
    if (a.date is None or b.date is None) and (a.status == "happened") != (b.status == "happened"):
        return False
    return True


def _places_agree(a: str | None, b: str | None) -> bool:
    """Whether two meeting places may be one: either unknown, the same, or a capital and its
    state ("Washington" and "United States": the headline's country, the body's city)."""
    return not a or not b or a == b or canonical_actor(a) == b or canonical_actor(b) == a


def _absorb(into: _Meeting, other: _Meeting) -> None:
    for name in other.participants:
        if name not in into.participants:
            into.participants.append(name)
    # The wording beats the model's guess; between equals, the further-along status wins.
    if (other.status_certain, STATUS_RANK_WITHIN_ARTICLE[other.status]) > (
        into.status_certain,
        STATUS_RANK_WITHIN_ARTICLE[into.status],
    ):
        into.status = other.status
        into.status_certain = other.status_certain
    if into.format == "unknown":
        into.format = other.format
    into.date = _more_precise(into.date, other.date)
    if not into.location or (other.location and canonical_actor(other.location) == into.location):
        into.location = other.location  # the city rather than its state
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


def _titles_told_again(found: list[_Meeting], article: Article) -> list[_Meeting]:
    """A meeting the title tells is the body's meeting of the same people, whatever the
    title's tense or its lack of a date ("Trump and Zelensky meet at the White House" over
    "Trump will host Zelensky at the White House today"): one record, the title its first quote,
    the body's status and date. A title's meeting that the body does not tell stands."""
    titled = {id(m) for m in found if all(is_title(article, e.start, e.end) for e in m.evidence)}
    kept: list[_Meeting] = []
    for meeting in found:
        people = set(meeting.participants)
        body = [
            m
            for m in found
            if id(m) not in titled
            and len(people & set(m.participants)) >= min(2, len(people))
            and dates_compatible(m.date, meeting.date)
        ]
        if id(meeting) not in titled or not body:
            kept.append(meeting)
            continue
        told = max(body, key=lambda m: len(people & set(m.participants)))  # the first of the closest
        told.evidence = meeting.evidence + told.evidence
        told.location = told.location or meeting.location
    return kept


def _delegations_only(meeting: _Meeting) -> bool:
    return all(p in STATE_DELEGATIONS.values() for p in meeting.participants)


def _delegations_named(found: list[_Meeting], sentences: list[Sentence]) -> list[_Meeting]:
    """Talks the text tells first as between states' delegations ("Russian and American
    representatives held a new round") and then by who sat at the table ("Witkoff and Dmitriev
    met") are one meeting: a meeting of delegations only joins the one meeting of named people
    (and no delegation) told within ``ATTACH_WINDOW`` sentences of it whose date, place and
    status agree, or told anywhere on the same day with the same status; where there are
    several, it stays as it is."""

    def index(start: int) -> int:
        return next((s.index for s in sentences if s.start <= start < s.end), -1)

    def same_day(a: _Meeting, b: _Meeting) -> bool:
        # Talks of the same day, as the lead and the body tell them ("negotiators hold talks in
        # the US on Sunday" ... "the team is due to meet Rubio in Florida on Sunday").
        return a.date is not None and len(a.date) == 10 and a.date == b.date

    for group in [m for m in found if _delegations_only(m)]:
        at = index(group.evidence[0].start)
        near = [
            m
            for m in found
            if m is not group
            and len(m.participants) >= 2
            and not set(m.participants) & set(STATE_DELEGATIONS.values())  # people only
            and (any(abs(index(e.start) - at) <= ATTACH_WINDOW for e in m.evidence) or same_day(m, group))
            and dates_compatible(m.date, group.date)
            and (_places_agree(m.location, group.location) or same_day(m, group))
            and (
                m.date is not None
                and group.date is not None
                or (m.status == "happened") == (group.status == "happened")
                or m.location is not None
                and m.location == group.location  # "the talks in Davos", told twice
            )
        ]
        if len(near) == 1:
            named = near[0]
            participants = list(named.participants)
            _absorb(named, group)
            named.participants = participants  # the names say who the delegations were
            found.remove(group)
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


def find_meetings(
    article: Article,
    sentences: list[Sentence],
    candidates: list[Candidate],
    client: Asker,
    stats: ExtractionStats,
    language: str,
) -> list[MeetingEvent]:
    found: list[_Meeting] = []
    last: _Meeting | None = None  # the meeting the text spoke of most recently
    memo: Memo = {}
    for candidate in candidates:
        stats.note_candidate("meetings", candidate.sentence.start, candidate.sentence.end)
        try:
            answer, usage = ask_once(
                memo,
                "meeting",
                candidate,
                lambda c: ask_meeting(client, c, article.published, window_people(c)),
            )
        except ExtractionError as exc:
            note_failure(stats, "meeting", candidate, exc)
            continue
        record_usage(stats, usage)
        # A model that names who met is trusted over a list of envoys ("the presence of Bessent
        # shows that representatives of Russia and the US..."); "between" names the sides anyway.
        at_table = talk_sides(candidate, language, envoys=not answer.is_meeting)
        sides = list(at_table)
        if is_aggregate(candidate.sentence.text) or not (answer.is_meeting or _delegations_at(sides)):
            said = "yes, an aggregate" if answer.is_meeting else "no"
            log.debug("meeting? %s | model: %s", candidate.sentence.text[:70], said)
            continue
        if not answer.is_meeting:
            # "Unterhändler Moskaus und Kiews hatten in Abu Dhabi miteinander gesprochen", "talks
            # between the government and the Houthis", answered "no": the sentence names the sides.
            log.debug("meeting? %s | model: no, but talks of %s", candidate.sentence.text[:70], sides)
            answer = answer.model_copy(update={"participants": [], "location": None, "status": "happened"})
        if at_table:
            # "talks between Moscow and Kyiv in Geneva": a place that names a side is no venue.
            used = {id(m) for m in at_table.values() if m.kind == "place"}
            candidate = replace(candidate, mentions=tuple(m for m in candidate.mentions if id(m) not in used))
        participants = resolve_participants(answer.participants, candidate, language)
        own_date = resolve_date(candidate.sentence.text, article.published)
        if _other_occasion(candidate, own_date, article.published):
            # The context is dated to another day ("on Tuesday they will present the plan to
            # Putin. At Sunday's meeting Rubio said..."): its people are not at this meeting.
            participants = [p for p in participants if canonical_person(p) is None or _named_in(p, candidate)]
        if sides:
            # "talks between representatives of Ukraine, the US and Russia": the sides the
            # sentence names are at the table, with any person it names; nobody only the
            # model or the context brings in.
            participants = sides + [p for p in participants if p not in sides and _named_in(p, candidate)]
        vouched = [name for name in participants if not unverified(name, candidate)]
        if participants and not vouched:
            # "وزير الخارجية المصري يلتقي نظيره الأردني" answered "Walid El-Sayed and Mohamed
            # El-Sayed": names nothing in the window can vouch for are no meeting.
            log.debug("meeting? %s | model %s, unverified", candidate.sentence.text[:70], answer.participants)
            stats.dropped_unsupported += 1
            continue
        # A name nothing vouches for beside one the window does ("安倍総理" answered "Shinzo Abe"
        # and "Satoru Ishii"): the model's guess, not a participant. A meeting left with one
        # side is a follow-up of the one before or none (below): filling the gap with an
        # unnamed side made more wrong meetings than right ones on dev.
        participants = vouched
        meeting = _build_meeting(participants, answer.status, candidate, article, own_date, answer.location, language)
        log.debug(
            "meeting? %s | model %s %s | resolved %s date=%s status=%s",
            candidate.sentence.text[:70], answer.participants, answer.status, participants, meeting.date, meeting.status,
        )  # fmt: skip
        near = last is not None and candidate.sentence.index - last.last_sentence <= ATTACH_WINDOW
        if last is not None and near and meeting.date is None and last.date and SEQUEL.search(candidate.sentence.text):
            meeting.date = last.date[:7]  # "a few days later": the same month, at most
            if meeting.status != "cancelled" and relative_to_published(meeting.date, article.published) < 0:
                meeting.status = "happened"
        if last is not None and near and ALSO_PRESENT.search(candidate.sentence.text):
            # "Kushner and Bessent were also present at the meeting": more people, same meeting.
            meeting.participants = list(dict.fromkeys(last.participants + participants))
            _absorb(last, meeting)
            continue
        # People the sentence does not name, only its context ("The meeting lasted about three
        # hours", answered with the people of the sentence before): no side of its own.
        hearsay = bool(participants) and all(
            "delegation" not in p and not _named_in(p, candidate) for p in participants
        )
        if len(participants) < 2 or (hearsay and last is not None and near):
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
            elif (
                participants
                and "delegation" not in participants[0]
                and pattern("delegation", language=language).search(candidate.sentence.text)
            ):
                # "Una delegazione dei familiari delle vittime è stata ricevuta da Giorgia Meloni",
                # "L'intersyndicale va être reçue par Sébastien Lecornu": the model names the one
                # side it can; the word for envoys or unions says a group sat across the table.
                meeting.participants = participants + [_other_side(candidate, participants)]
                found.append(meeting)
                last = meeting
            else:
                stats.dropped_unsupported += 1
            continue
        if (
            last is not None
            and candidate.sentence.index - last.last_sentence == 1
            and sentences[last.last_sentence].paragraph == candidate.sentence.paragraph
            and set(participants) == set(last.participants)
            and own_date is None
            and last.status_certain
            and not meeting.status_certain
        ):
            # The next sentence of the paragraph, about the same people, undated, its status only
            # the model's guess ("Zelensky was received at the Élysée on Monday. The talks aimed
            # to..." guessed "planned"): the meeting the paragraph tells.
            _absorb(last, meeting)
            continue
        twin = next((m for m in reversed(found) if _same_meeting(m, meeting)), None)
        if twin is not None:
            _absorb(twin, meeting)
            last = twin
        else:
            found.append(meeting)
            last = meeting
    _full_names(found, article.text, language)
    found = _merge_all(found)
    found = _titles_told_again(found, article)
    found = _delegations_named(found, sentences)
    _follow_ups(found, sentences, article)
    # A meeting its sentences leave undated takes the date of the sentence before its first
    # mention: "On Monday Ruiz flew to Lima. There he met Vega." (the scene the text has set).
    # One that happened and that nothing dates took place on the day the lead tells: "El diálogo
    # nacional se inició este miércoles en Managua ... Lesther Alemán interrumpió a Ortega".
    before = contexts_before(candidates)
    lead_date = resolve_date(" ".join(s.text for s in sentences[:LEAD_SENTENCES]), article.published)
    if relative_to_published(lead_date, article.published) > 0:
        lead_date = None  # a lead that looks ahead dates no past meeting
    for m in found:
        if m.date is None and m.evidence[0].start in before:
            scene = resolve_date(before[m.evidence[0].start], article.published)
            # A meeting its own words put in the past is not dated by a sentence before it that
            # looks ahead ("The strike goes on tomorrow. After meeting the minister, the union...").
            if not (
                m.status == "happened" and m.status_certain and relative_to_published(scene, article.published) > 0
            ):
                m.date = scene
        if m.date is None and m.status == "happened":
            m.date = lead_date
        if m.status == "happened" and relative_to_published(m.date, article.published) > 0:
            # A meeting dated after the article cannot have happened, whatever a past-tense
            # follow-up merged into it says ("They talked ... and set a meeting for January").
            m.status = "planned"
    return [
        MeetingEvent(
            participants=m.participants,
            location=m.location,
            date=m.date,
            status=m.status,  # type: ignore[arg-type]
            format=_format(m),  # type: ignore[arg-type]
            duration_hours=m.duration,
            topics=m.topics,
            outcome=m.outcome,
            evidence=m.evidence,
        )
        for m in found
    ]
