"""Demands: who demands what of whom, the actor grounded in the sentence, repeats of one demand
folded into one record with several quotes."""

from __future__ import annotations

import logging
import re

from anyascii import anyascii

from ..articles import Article
from ..errors import ExtractionError
from ..lexicon import pattern
from ..normalize.groups import group_words
from ..normalize.names import canonical_actor, canonical_person, strip_cyrillic
from ..normalize.text import is_latin_script
from ..records import Demand
from .asking import Memo, ask_once, note_failure, record_usage
from .candidates import Candidate, is_title
from .grounding import evidence_for_span
from .participants import (
    ascii_fold,
    bare_group,
    given_names,
    names_nobody,
    romanised_echo,
    source_institution,
    spelled_out,
    state_of_collective,
    supported_name,
    unknown_entity,
    unverified,
    window_text,
)
from .passes import Asker, ask_demand
from .result import ExtractionStats

__all__ = ["as_listed", "find_demands", "grounded_actor", "only_an_action", "reported_parties"]

log = logging.getLogger(__name__)


# The model's English for a state's rulers without saying whose ("the government", "authorities").
_AUTHORITIES = re.compile(
    r"^(?:the\s+)?(?:government|authorities|administration|cabinet|executive|leadership)$", re.IGNORECASE
)


# An answer that counts parties instead of naming them ("two downstream countries", "both sides").
_COUNTED = re.compile(r"^(?:the\s+)?(?:two|three|four|five|both|several|many|some|all)\s", re.IGNORECASE)


def grounded_actor(
    raw: str | None, candidate: Candidate, *, fallback: bool, language: str | None = None, target: str | None = None
) -> str | None:
    mentions = list(candidate.mentions)
    if candidate.context is not None and candidate.sentence.start >= candidate.context.start:
        mentions += candidate.context_mentions  # a clause: its sentence names the actor
    names = [m.actor or m.name for m in mentions if m.kind in {"state", "organisation", "person", "group"}]
    if raw:
        actor = canonical_actor(raw) or canonical_actor(strip_cyrillic(raw))
        if actor and actor in names:
            return actor
        state = state_of_collective(strip_cyrillic(raw))
        if actor is None and state in names:
            return state  # "Egyptian government", "Russian side": the state
        if actor is None and _AUTHORITIES.match(" ".join(strip_cyrillic(raw).split())):
            # "Władze w Kijowie", "the government in Moscow", answered "government": the state
            # whose capital the sentence names, where it names one.
            seats = {m.actor for m in candidate.mentions if m.kind == "place" and m.actor and m.place}
            if len(seats) == 1:
                return seats.pop()
        if actor is None:
            # Unknown to the alias table (a union, a movement, "Chilean truckers"): the model's
            # English answer stands where the sentence or its context writes it (or it is a
            # group described in English). A known name is never put in the place of an unknown
            # one, and group or title words alone ("protesters", "the government", "Prime
            # Minister") name no party at all.
            english = unknown_entity(raw)
            window = window_text(candidate)
            if english is None or bare_group(english) or source_institution(raw, language):
                return None  # ... nor do the article's own words for them ("syndicats", "профсоюзы")
            if _COUNTED.match(english) and english.islower():
                return None  # ... nor a count of parties ("two downstream countries", "both sides")
            last = english.split()[-1]
            if names_nobody(english) and last.islower() and not last.endswith("s") and not re.search("['’]", english):
                return None  # ... nor one person by a title ("Ukrainian president", "Chinese diplomat")
            if romanised_echo(raw, window, language):
                return None  # ... nor those words in Latin letters ("profsoyuz")
            if (
                language != "en"
                and english.islower()
                and re.search(rf"(?<!\w){re.escape(english)}(?!\w)", window, re.I)
            ):
                return None  # ... nor those words copied ("madenciler"): no English name
            return supported_name(english, window)
    if fallback:
        # The model's actor is not in the sentence: its first party stands, unless that is the
        # party the model named as the target ("两国呼吁埃塞俄比亚", answered Sudan -> Ethiopia).
        whom = canonical_actor(target) or canonical_actor(strip_cyrillic(target)) if target else None
        return next((name for name in names if name != whom), None)
    return None


# A "demand" the model tells as the protest itself ("A three-day road blockade.", "Protest against
# the government's plan."): an action its actor takes, not something asked of another party.
_AN_ACTION = re.compile(
    r"^(?:an?\s+|the\s+)?(?:[\w-]+[- ]day\s+|general\s+|nationwide\s+|road\s+|indefinite\s+)*"
    r"(?:protests?|strikes?|blockades?|march(?:es)?|rall(?:y|ies)|demonstrations?|sit-ins?)\b"
    r"(?:\s+(?:against|over|in|on|at|of|for)\b|\s*\.?$)",
    re.IGNORECASE,
)


def only_an_action(demand: str) -> bool:
    """Whether the model's English ``demand`` names a protest action, not what is demanded."""
    return bool(_AN_ACTION.search(demand.strip()))


GROUP_REFERENCE_WINDOW = 4
"""How many sentences after a named union or movement demands something "the unions" or
"protesters" still stand for it."""

# A short conjunction between the names of a list ("e", "y", "et", "and", "&").
_CONJUNCTION = r"(?:[^\W\d_]{1,3}|&)"
# Between the names of a list: a comma, or a space, perhaps with a conjunction.
_LIST_SEPARATOR = rf"(?:\s*,\s*|\s+)(?:{_CONJUNCTION}\s+)?"


def as_listed(actor: str, text: str) -> str:
    """An actor the article writes as a list ("Fim, Fiom, Uilm e Usb") in the English form of a
    list, "Fim, Fiom, Uilm and Usb", with the article's spelling, where the model's answer
    dropped the commas or kept the article's conjunction. Any other actor is returned as it is."""
    if not re.search(rf",|\s{_CONJUNCTION}\s", actor):
        return actor  # the answer is no list: one name
    words = [w for w in re.findall(r"[^\W_][\w'’&.-]*", actor) if not (w.islower() and len(w) <= 3)]
    if len(words) < 2 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return actor
    found = re.finditer(r"(?<!\w)" + _LIST_SEPARATOR.join(re.escape(w) for w in words) + r"(?!\w)", text, re.IGNORECASE)
    for match in found:
        items = re.split(r"\s*,\s*", match.group(0))
        if len(items) < 2:
            continue  # no comma: one name of several words ("Fim Fiom" may be one union)
        *head, last = items
        tail = re.split(rf"\s+{_CONJUNCTION}\s+", last)
        if len(tail) == 2 and not re.search(rf"\s{_CONJUNCTION}\s", match.group(0).replace(last, "")):
            items = [*head, *tail]
        if all(i[:1].isupper() or i[:1].isdigit() for i in items):
            return ", ".join(items[:-1]) + " and " + items[-1]
    return actor


def _a_group(actor: str, window: str, language: str | None) -> bool:
    """Whether an unknown actor reads as a union, movement or other group, not a person: a
    list, an acronym or a group word ("Fim, Fiom, Uilm and Usb", "FNV", "Dockworkers' union"),
    or a name the window writes after the language's word for a body ("il sindacato Fiom")."""
    words = re.findall(r"[^\W\d_]+", actor)
    if "," in actor or " and " in actor or any(w.isupper() and len(w) >= 2 for w in words):
        return True
    if any(ascii_fold(w) in group_words() for w in words):
        return True
    bodies = pattern("institutions", language=language) if language else None
    return bool(
        words
        and bodies is not None
        and re.search(rf"(?:{bodies.pattern})\W+(?:\w+\W+)?{re.escape(words[0])}(?!\w)", window, re.IGNORECASE)
    )


_PARTIES = frozenset({"state", "organisation", "person", "group"})


def _written_in(name: str, text: str) -> bool:
    """Whether every capitalised word of ``name`` is written in ``text``, in any script (both in
    Latin letters), give or take an ending. Looser than ``participants.spelt_in``, which wants
    the whole name letter for letter: a speaker is often named in another case or with a
    possessive ("Ардзинбы", "Tichanowskajas Berater")."""
    words = [ascii_fold(w) for w in re.findall(r"[^\W\d_]+", name) if w[:1].isupper()]
    written = {ascii_fold(w) for w in re.findall(r"[^\W\d_]+", anyascii(text))}
    return bool(words) and all(any(w[:4] == v[:4] and abs(len(w) - len(v)) <= 3 for v in written) for w in words)


def reported_parties(candidate: Candidate, actor: str, language: str | None) -> list[str] | None:
    """Where the sentence tells what its speaker said and the demand is in the told clause
    ("Zelensky said that the US and Russia demand ...", "Berater erklärten, die Opposition
    verlange ..."), while the model named the speaker: the parties that clause names first, as
    its subject (joined by commas and the language's "and"); ``[]`` when its subject is one of
    the language's words for a body or group ("die Opposition"), which names no party; None
    where this does not apply (no told clause, the speaker demands too, the actor is not the
    speaker, or the clause's subject is a pronoun)."""
    text = candidate.sentence.text
    said = pattern("reported", language=language).search(text)
    if said is None:
        return None
    demand = pattern("demand", language=language)
    trigger = demand.search(text, said.end())
    if trigger is None or demand.search(text, 0, said.start()):
        return None  # no demand in the told clause, or the speaker's own words demand too
    speaker = text[: said.start()]
    before = [m for m in candidate.mentions if m.end <= said.start() and m.kind in _PARTIES]
    if actor not in {m.actor or m.name for m in before} and not _written_in(actor, speaker):
        return None  # the model did not name the speaker
    clause = [
        m for m in candidate.mentions if said.end() <= m.start and m.end <= trigger.start() and m.kind in _PARTIES
    ]
    if clause:
        first = clause[0]
        if len(text[said.end() : first.start].split()) > 2:
            return None  # the clause's subject is something else ("the government of X")
        joined = pattern("and", whole_words=True, language=language).pattern
        chain, end = [first], first.end
        for mention in clause[1:]:
            if not re.fullmatch(rf"\s*,?\s*(?:(?:{joined})\s*)?", text[end : mention.start], re.IGNORECASE):
                break
            chain.append(mention)
            end = mention.end
        parties = [m.actor or m.name for m in chain]
        return list(dict.fromkeys(parties))
    subject = text[said.end() : trigger.start()]
    if pattern("institutions", language=language).search(subject):
        return []
    return None


def _in_full(actor: str, text: str, language: str | None) -> str:
    """An unknown actor named by surname alone is the one full name the article writes for it
    ("Nkunda": "Laurent Nkunda"); an acronym is the name an English article spells out for it."""
    actor = spelled_out(actor, text, language)
    if " " in actor or not actor[:1].isupper() or canonical_actor(actor) is not None or actor.isupper():
        return actor
    written = given_names(actor, text, language)
    return written.pop() if len(written) == 1 else actor


def _vouched(party: str, candidate: Candidate) -> str | None:
    """``party`` unless it is the model's English for someone the alias table does not know, in a
    script the name cannot be checked against ("M. Obama" for a sentence in Arabic): nothing in
    the sentence vouches for it (see ``participants.unverified``)."""
    return None if canonical_actor(party) is None and unverified(party, candidate) else party


def find_demands(
    article: Article, candidates: list[Candidate], client: Asker, stats: ExtractionStats, language: str | None = None
) -> list[Demand]:
    demands: list[Demand] = []
    titled: list[Demand] = []  # the title's demands, kept only as quotes of the body's
    named: tuple[str, int] | None = None  # the last named non-state actor, and its sentence
    memo: Memo = {}
    for candidate in candidates:
        stats.note_candidate("demands", candidate.sentence.start, candidate.sentence.end)
        try:
            answer, usage = ask_once(memo, "demand", candidate, lambda c: ask_demand(client, c, article.published))
        except ExtractionError as exc:
            note_failure(stats, "demand", candidate, exc)
            continue
        record_usage(stats, usage)
        text = strip_cyrillic(answer.demand).strip()
        if not answer.is_demand or not text:
            log.debug("demand? %s | model: no", candidate.sentence.text[:70])
            continue
        if only_an_action(text):
            log.debug("demand? %s | model: %r, a protest, no demand", candidate.sentence.text[:70], text)
            continue
        actor = grounded_actor(answer.actor, candidate, fallback=True, language=language, target=answer.target)
        if actor is None and named is not None and candidate.sentence.index - named[1] <= GROUP_REFERENCE_WINDOW:
            english = unknown_entity(answer.actor or "")
            if english is not None and bare_group(english):
                actor = named[0]  # "the unions", "protesters": the group the article just named
        if actor is not None:
            actor = _in_full(as_listed(actor, article.text), article.text, language)
            window = window_text(candidate)
            readable = is_latin_script(strip_cyrillic(window))  # where supported_name checks it
            if (
                readable
                and canonical_actor(actor) is None
                and canonical_person(actor) is None
                and _a_group(actor, window, language)
            ):
                named = (actor, candidate.sentence.index)
        log.debug(
            "demand? %s | model %r -> %r | resolved %r",
            candidate.sentence.text[:70],
            answer.actor,
            answer.target,
            actor,
        )
        if actor is not None and _vouched(actor, candidate) is None:
            log.debug("demand? %s | %r unverified", candidate.sentence.text[:70], actor)
            actor = None
        actors = [actor] if actor is not None else []
        told = reported_parties(candidate, actor, language) if actor is not None else None
        if told is not None and actor not in told:
            # The model named the speaker of a sentence that tells someone else's demand.
            log.debug("demand? %s | %r only told it: %r", candidate.sentence.text[:70], actor, told)
            actors = told
        if not actors:
            stats.dropped_unsupported += 1
            continue
        target = grounded_actor(answer.target, candidate, fallback=False, language=language)
        target = _vouched(target, candidate) if target is not None else None
        sentence = candidate.sentence
        in_title = is_title(article, sentence.start, sentence.end)
        for actor in actors:
            whom = None if target in actors else target  # a co-demander is no target
            evidence = evidence_for_span(article.text, sentence.start, sentence.end)
            record = Demand(actor=actor, target=whom, demand=text, category=answer.category, evidence=[evidence])
            if in_title:
                titled.append(record)
                continue
            twin = next(
                (
                    d
                    for d in demands
                    if (d.actor, d.target, d.category, d.demand) == (actor, whom, answer.category, text)
                ),
                None,
            )
            if twin is not None:  # the same demand repeated: one record, several quotes
                twin.evidence.append(evidence)
                continue
            demands.append(record)
    for demand in titled:
        # A title restates the body in fewer words (and the model reads it with less to go on:
        # "Perú: presidente del Congreso pide renuncia de Merino" gave the actor "Peru"): its
        # demand is one more quote of the body's demand by the same actor, or none at all.
        body = next((d for d in demands if d.actor == demand.actor), None)
        if body is not None:
            body.evidence.insert(0, demand.evidence[0])
    return demands
