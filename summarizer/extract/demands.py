"""Demands: who demands what of whom, the actor grounded in the sentence, repeats of one demand
folded into one record with several quotes."""

from __future__ import annotations

from ..articles import Article
from ..errors import ExtractionError
from ..normalize.names import canonical_actor, strip_cyrillic
from ..records import Demand
from .asking import Memo, ask_once, note_failure, record_usage
from .candidates import Candidate, is_title
from .grounding import evidence_for_span
from .participants import (
    bare_group,
    source_institution,
    state_of_collective,
    supported_name,
    unknown_entity,
    window_text,
)
from .passes import Asker, ask_demand
from .result import ExtractionStats

__all__ = ["find_demands", "grounded_actor"]


def grounded_actor(raw: str | None, candidate: Candidate, *, fallback: bool, language: str | None = None) -> str | None:
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
        if actor is None:
            # Unknown to the alias table (a union, a movement, "Chilean truckers"): the model's
            # English answer stands where the sentence or its context writes it (or it is a
            # group described in English). A known name is never put in the place of an unknown
            # one, and group or title words alone ("protesters", "the government", "Prime
            # Minister") name no party at all.
            english = unknown_entity(raw)
            if english is None or bare_group(english) or source_institution(raw, language):
                return None  # ... nor do the article's own words for them ("syndicats", "профсоюзы")
            return supported_name(english, window_text(candidate))
    if fallback and names:
        return names[0]
    return None


def find_demands(
    article: Article, candidates: list[Candidate], client: Asker, stats: ExtractionStats, language: str | None = None
) -> list[Demand]:
    demands: list[Demand] = []
    titled: list[Demand] = []  # the title's demands, kept only as quotes of the body's
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
            continue
        actor = grounded_actor(answer.actor, candidate, fallback=True, language=language)
        if actor is None:
            stats.dropped_unsupported += 1
            continue
        target = grounded_actor(answer.target, candidate, fallback=False, language=language)
        if target == actor:
            target = None
        sentence = candidate.sentence
        evidence = evidence_for_span(article.text, sentence.start, sentence.end)
        if is_title(article, sentence.start, sentence.end):
            titled.append(Demand(actor=actor, target=target, demand=text, category=answer.category, evidence=[evidence]))
            continue
        twin = next(
            (d for d in demands if (d.actor, d.target, d.category, d.demand) == (actor, target, answer.category, text)),
            None,
        )
        if twin is not None:  # the same demand repeated: one record, several quotes
            twin.evidence.append(evidence)
            continue
        demands.append(Demand(actor=actor, target=target, demand=text, category=answer.category, evidence=[evidence]))
    for demand in titled:
        # A title restates the body in fewer words (and the model reads it with less to go on:
        # "Perú: presidente del Congreso pide renuncia de Merino" gave the actor "Peru"): its
        # demand is one more quote of the body's demand by the same actor, or none at all.
        body = next((d for d in demands if d.actor == demand.actor), None)
        if body is not None:
            body.evidence.insert(0, demand.evidence[0])
    return demands
