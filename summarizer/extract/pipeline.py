"""Article -> ``ArticleSummary``: code finds candidates, the model judges them, code grounds,
normalises and merges.

Every record's evidence is a sentence the code located in the article, so every quote is
verbatim at its offsets by construction (and checked once more before output).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Collection

from .. import progress
from ..articles import Article
from ..errors import ExtractionError
from ..lexicon import lexicons
from ..normalize.language import detect_language
from ..records import ArticleSummary
from .asking import note_failure, record_usage
from .candidates import (
    Candidate,
    casualty_candidates,
    demand_candidates,
    is_heading,
    meeting_candidates,
    reportable,
    with_context,
)
from .casualties import find_casualties
from .demands import find_demands
from .headline import headline_brief
from .meetings import find_meetings
from .passes import Asker
from .replay import ResultCache
from .result import ExtractionResult, ExtractionStats
from .sentences import Sentence, split_sentences
from .triage import ask_triage

__all__ = ["extract_article", "lead_of"]

log = logging.getLogger(__name__)

LEAD_CHARS = 800


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
            note_failure(stats, "triage", candidate, exc)
            continue
        record_usage(stats, usage)
        for kind, flagged in (
            ("meetings", answer.meeting),
            ("demands", answer.demand),
            ("casualties", answer.casualty),
        ):
            if flagged:
                found[kind].append(candidate)
    return found


def extract_article(article: Article, client: Asker, *, types: Collection[str] | None = None) -> ExtractionResult:
    """Extract every record of one article and an English headline and brief.

    ``types`` (some of ``meetings``, ``demands``, ``casualties``) limits the records extracted:
    the questions of the other types are not asked and their lists stay empty. An article
    extracted before by this same build and model is replayed from the result cache."""
    results = ResultCache.for_client(client)
    key = ResultCache.key(article, types, client) if results is not None else None
    if results is not None and key is not None:
        replayed = results.get(key)
        if replayed is not None:
            return replayed
    result = _extract(article, client, types)
    if results is not None and key is not None and not result.stats.failed_questions:
        results.put(key, result)  # a result with unanswered questions is computed again next time
    return result


def _extract(article: Article, client: Asker, types: Collection[str] | None) -> ExtractionResult:
    started = time.perf_counter()
    client = progress.watched(client, article.article_id)
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
        progress.planned(article.article_id, {"triage": len(sentences)})
        found = _triaged(sentences, client, stats)
    found = {kind: found[kind] if types is None or kind in types else [] for kind in found}
    progress.planned(article.article_id, {"meeting": len(found["meetings"]), "demand": len(found["demands"]),
                                          "casualty": 0 if has_lexicon else len(found["casualties"]), "summary": 1})  # fmt: skip
    triage_client = None if has_lexicon else client
    meetings = _verified(
        find_meetings(article, sentences, found["meetings"], client, stats, language), article.text, stats
    )
    demands = _verified(find_demands(article, found["demands"], client, stats, language), article.text, stats)
    casualties = _verified(
        find_casualties(article, found["casualties"], stats, language, triage_client), article.text, stats
    )
    lead = lead_of(article, skip=tainted)
    headline, brief = headline_brief(article, lead, client, stats, [*meetings, *casualties, *demands], language)
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
