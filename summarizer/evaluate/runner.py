"""Run the eval: read the gold data and the articles, get predictions, score, report."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..articles import Article, read_article
from ..errors import ConfigError, ExtractionError
from ..extract.result import ExtractionResult, ExtractionStats
from ..records import ArticleSummary
from .coverage import candidate_coverage, english_checks
from .gold import load_gold
from .report import REPORT_VERSION, build_report
from .scorer import ArticleScore, Ratio, score_article
from .splits import EvalSet

__all__ = ["load_predictions", "load_stats", "run_eval", "run_eval_sets", "save_stats"]


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
    for article_id, gold_article in gold.items():
        article = read_article(Path(articles_dir) / f"{article_id}.txt")
        if predictions is not None:
            predicted = predictions.get(article_id)
            if predicted is None:
                failures[article_id] = "no prediction"
                predicted = _empty_summary(article)
        else:
            assert extract is not None
            try:
                result = extract(article)
            except ExtractionError as exc:
                failures[article_id] = str(exc) or type(exc).__name__
                predicted = _empty_summary(article)
            else:
                predicted = result.summary
                collected[article_id] = result.stats
        scores.append(score_article(predicted, gold_article, article.text, article_id=article_id))
        languages[article_id] = gold_article.summary.language
        english[article_id] = english_checks(predicted)
        article_stats = collected.get(article_id)
        if article_stats is not None and article_id not in failures:
            coverage[article_id] = candidate_coverage(gold_article, article_stats.candidates)
    return build_report(
        scores, collected, failures=failures, languages=languages, coverage=coverage, english=english
    )


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


def save_stats(path: Path, stats: Mapping[str, ExtractionStats]) -> None:
    """Write per-article ``ExtractionStats`` as one JSON object (the predictions' sidecar)."""
    data = {aid: dataclasses.asdict(item) for aid, item in sorted(stats.items())}
    Path(path).write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")


def load_stats(path: Path) -> dict[str, ExtractionStats]:
    """Read what ``save_stats`` wrote; raises ``ConfigError`` naming the file when it is not that."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        result = {}
        for aid, item in data.items():
            item["candidates"] = {kind: [tuple(span) for span in spans] for kind, spans in item["candidates"].items()}
            result[aid] = ExtractionStats(**item)
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a stats file written by eval --save-predictions ({exc})") from None
    return result


def load_predictions(path: Path) -> dict[str, ArticleSummary]:
    """Read predictions from a JSONL file (one ``ArticleSummary`` a line), a JSON list of them, or
    a single JSON object; return ``{article_id: ArticleSummary}``.

    Raises ``ConfigError`` naming the file (and line) for unreadable or invalid JSON, an invalid
    summary, or an article id given twice.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read predictions ({exc})") from None
    items: list[tuple[str, Any]] = []
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append((f"{path}:{lineno}", json.loads(line)))
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
    else:
        if isinstance(whole, list):
            items = [(f"{path}[{i}]", item) for i, item in enumerate(whole)]
        else:
            items = [(str(path), whole)]
    result: dict[str, ArticleSummary] = {}
    for where, item in items:
        try:
            summary = ArticleSummary.model_validate(item)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(part) for part in first.get("loc", ()))
            raise ConfigError(
                f"{where}: not a valid ArticleSummary (first error at {loc or 'top level'}: "
                f"{first.get('msg', 'invalid')})"
            ) from None
        if summary.article_id in result:
            raise ConfigError(f"{where}: article {summary.article_id!r} appears twice")
        result[summary.article_id] = summary
    return result
