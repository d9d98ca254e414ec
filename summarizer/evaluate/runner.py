"""Run the eval: read the gold data and the articles, get predictions, score, report."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..api import Outcome, extract_many
from ..articles import Article, read_article
from ..errors import ExtractionError, SummarizerError
from ..extract.result import ExtractionResult, ExtractionStats
from ..records import ArticleSummary
from .coverage import candidate_coverage, english_checks
from .gold import load_gold
from .report import REPORT_VERSION, build_report
from .scorer import ArticleScore, Ratio, score_article
from .splits import EvalSet

__all__ = ["run_eval", "run_eval_sets"]


def _empty_summary(article: Article) -> ArticleSummary:
    return ArticleSummary(
        article_id=article.article_id, language="und", published=article.published, headline="", brief=""
    )


def run_eval(
    gold_dir: Path,
    articles_dir: Path,
    *,
    predictions: Mapping[str, ArticleSummary] | None = None,
    extract: Callable[[Article], ExtractionResult] | None = None,
    stats: Mapping[str, ExtractionStats] | None = None,
) -> dict[str, Any]:
    """Score predictions for every gold article and return the report dict (see ``build_report``).

    For each gold article id, the article is read from ``articles_dir/<id>.txt``. Predictions
    come from ``predictions`` (keyed by article id; a missing id is scored as an empty
    prediction and listed under ``failures``) or, when that is not given, from
    ``extract(article)``, whose stats feed the cost figures. ``stats`` supplies (or, with
    ``extract``, seeds) the per-article ``ExtractionStats``. An ``ExtractionError`` on one
    article is recorded under ``failures`` and scored as an empty prediction; other errors
    propagate. Raises ``ConfigError`` for bad gold data, ``ArticleError`` for a missing article,
    and ``ValueError`` when neither ``predictions`` nor ``extract`` is given.
    """
    if predictions is None and extract is None:
        raise ValueError("run_eval needs predictions or an extract function")
    gold = load_gold(Path(gold_dir))
    collected: dict[str, ExtractionStats | None] = dict(stats or {})
    failures: dict[str, str] = {}
    scores: list[ArticleScore] = []
    languages: dict[str, str] = {}
    coverage: dict[str, dict[str, Ratio]] = {}
    english: dict[str, dict[str, bool]] = {}
    articles = [read_article(Path(articles_dir) / f"{article_id}.txt") for article_id in gold]
    pairs: Iterable[tuple[Article, Outcome | None]] = (
        extract_many(articles, extract=extract)
        if extract is not None and predictions is None
        else ((a, None) for a in articles)
    )
    for (article_id, gold_article), (article, outcome) in zip(gold.items(), pairs, strict=True):
        if outcome is None:
            predicted = (predictions or {}).get(article_id)
            if predicted is None:
                failures[article_id] = "no prediction"
                predicted = _empty_summary(article)
        elif isinstance(outcome, ExtractionError):
            failures[article_id] = str(outcome) or type(outcome).__name__
            predicted = _empty_summary(article)
        elif isinstance(outcome, SummarizerError):
            raise outcome
        else:
            predicted = outcome.summary
            collected[article_id] = outcome.stats
        scores.append(score_article(predicted, gold_article, article.text, article_id=article_id))
        languages[article_id] = gold_article.summary.language
        english[article_id] = english_checks(predicted)
        article_stats = collected.get(article_id)
        if article_stats is not None and article_id not in failures:
            coverage[article_id] = candidate_coverage(gold_article, article_stats.candidates)
    return build_report(scores, collected, failures=failures, languages=languages, coverage=coverage, english=english)


def run_eval_sets(
    sets: Sequence[EvalSet],
    *,
    predictions: Mapping[str, ArticleSummary] | None = None,
    extract: Callable[[Article], ExtractionResult] | None = None,
    stats: Mapping[str, ExtractionStats] | None = None,
) -> dict[str, Any]:
    """Run ``run_eval`` on each set; return ``{"version", "splits": {name: report}}``."""
    return {
        "version": REPORT_VERSION,
        "splits": {
            item.name: run_eval(item.gold, item.articles, predictions=predictions, extract=extract, stats=stats)
            for item in sets
        },
    }
