"""Casualties: counts by the rules of the language's lexicon, or, for a language without one,
by the model with every number checked against the sentence."""

from __future__ import annotations

from ..articles import Article
from ..errors import ExtractionError
from ..normalize.casualties import casualty_counts
from ..normalize.dates import resolve_date
from ..records import Casualty
from .asking import note_failure, record_usage
from .candidates import Candidate
from .grounding import evidence_for_span
from .passes import Asker
from .result import ExtractionStats
from .rules import cause_of, country_of, victims_of
from .triage import ask_casualty

__all__ = ["find_casualties"]


def find_casualties(
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
                note_failure(stats, "casualty", candidate, exc)
                continue
            record_usage(stats, usage)
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
