"""The public API: ``summarizer.extract`` and ``summarizer.extract_many``, with a fake model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import summarizer
import summarizer.extract.pipeline  # noqa: F401 - the subpackage loaded must not hide the function
from summarizer import Article, ArticleSummary, ExtractionError, ExtractionResult, ExtractionStats
from summarizer.testing import FakeModel

TEXT = " date 2025-05-10 The weather in Lisbon was mild all week, and the harbour stayed busy.\n"


def responder(request: dict[str, Any]) -> dict[str, Any]:
    assert FakeModel.schema_title(request) == "SummaryAnswer"
    return {"headline": "A mild week in Lisbon", "brief": "The weather in Lisbon was mild."}


def test_extract_takes_the_text_itself() -> None:
    summary = summarizer.extract(TEXT, client=FakeModel(responder).client())
    assert isinstance(summary, ArticleSummary)
    assert summary.published == "2025-05-10"
    assert summary.headline == "A mild week in Lisbon"
    assert summary.meetings == summary.demands == summary.casualties == []


def test_extract_takes_a_path_and_a_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "lisbon.txt"
    path.write_text(TEXT.split(" ", 3)[3], encoding="utf-8")
    summary = summarizer.extract(str(path), published="2025-05-11", client=FakeModel(responder).client())
    assert (summary.article_id, summary.published) == ("lisbon", "2025-05-11")


def test_extract_many_yields_each_article_in_order(tmp_path: Path) -> None:
    paths = []
    for name in ("b", "a"):
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(TEXT, encoding="utf-8")
    outcomes = list(summarizer.extract_many(paths, client=FakeModel(responder).client()))
    assert [article.article_id for article, _ in outcomes] == ["b", "a"]
    assert all(isinstance(result, ExtractionResult) for _, result in outcomes)


def test_extract_many_yields_an_error_and_goes_on() -> None:
    def extract(article: Article) -> ExtractionResult:
        if article.article_id == "bad":
            raise ExtractionError("no valid answer")
        summary = ArticleSummary(article_id=article.article_id, language="en", headline="h", brief="b")
        return ExtractionResult(summary=summary, stats=ExtractionStats())

    articles = [summarizer.articles.parse_article(TEXT, name) for name in ("bad", "good")]
    outcomes = dict((a.article_id, o) for a, o in summarizer.extract_many(articles, extract=extract, jobs=2))
    assert isinstance(outcomes["bad"], ExtractionError)
    assert isinstance(outcomes["good"], ExtractionResult)


def test_extract_many_of_nothing_opens_no_model() -> None:
    assert list(summarizer.extract_many([])) == []


def test_extract_reports_a_missing_file() -> None:
    with pytest.raises(summarizer.ArticleError):
        summarizer.extract(Path("no/such/article.txt"))
