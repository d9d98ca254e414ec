"""Batch runs: appended JSONL, resume, a failure in the middle, the response cache."""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.articles import Article
from summarizer.batch import run_batch
from summarizer.config import resolve_settings
from summarizer.errors import ExtractionError
from summarizer.extract import ExtractionResult, ExtractionStats
from summarizer.records import ArticleSummary
from summarizer.testing import FakeModel

from .test_cli import answer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    return folder


def fake_extract(fail_on: str | None = None, seen: list[str] | None = None) -> Any:
    def extract(article: Article) -> ExtractionResult:
        if seen is not None:
            seen.append(article.article_id)
        if article.article_id == fail_on:
            raise ExtractionError("no valid answer after 3 attempts", article_id=article.article_id)
        summary = ArticleSummary(article_id=article.article_id, language="ru", published=article.published,
                                 headline="h", brief="b")  # fmt: skip
        return ExtractionResult(summary, ExtractionStats())

    return extract


def ids(path: Path) -> list[str]:
    return [json.loads(line)["article_id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_failure_in_the_middle_is_recorded_and_the_batch_goes_on(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    lines: list[str] = []
    code = run_batch([str(articles)], resolve_settings(environ={}), output=out,
                     extract=fake_extract(fail_on="002_492a296c2b99c6ab"), notify=lines.append)  # fmt: skip
    assert code == 1
    assert ids(out) == ["000_f162027763fb38f0", "001_26853ce867b8a829", "003_32f261f9b184bad9",
                        "004_1ccdb289d609ce85"]  # fmt: skip
    assert any("002_492a296c2b99c6ab" in line and "no valid answer" in line for line in lines)
    assert lines[-1].startswith("done 4, skipped 0, failed 1")


def test_resume_skips_finished_articles_and_redoes_a_torn_line(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    settings = resolve_settings(environ={})
    run_batch([str(articles)], settings, output=out, extract=fake_extract(fail_on="003_32f261f9b184bad9"))
    with out.open("a", encoding="utf-8") as stream:
        stream.write('{"article_id": "004_1cc')  # an interrupted write
    seen: list[str] = []
    code = run_batch([str(articles)], settings, output=out, resume=True, extract=fake_extract(seen=seen))
    assert code == 0
    assert seen == ["003_32f261f9b184bad9"]
    # The torn line is gone and every line parses: a valid JSONL with each article once.
    assert sorted(ids(out)) == sorted(p.stem for p in articles.glob("*.txt"))


def test_cached_rerun_makes_no_model_call(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    model = FakeModel(answer)

    @contextlib.contextmanager
    def open_client(settings: Any, progress: Any = None) -> Iterator[Any]:
        yield model.client(cache_dir=settings.cache_dir / "responses" if settings.use_cache else None)

    monkeypatch.setattr("summarizer.llm.open_client", open_client)
    seed = str(ROOT / "seeds" / "004_1ccdb289d609ce85.txt")
    settings = resolve_settings(environ={}, cache_dir=str(tmp_path / "cache"))
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    run_batch([seed], settings, output=first)
    calls = len(model.requests)
    assert calls > 0
    run_batch([seed], settings, output=second)
    assert len(model.requests) == calls  # every answer came from the cache
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    run_batch([seed], resolve_settings(environ={}, cache_dir=str(tmp_path / "cache"), use_cache=False), output=second)
    assert len(model.requests) == 2 * calls  # --no-cache asks again


def test_cache_never_holds_the_api_key(tmp_path: Path) -> None:
    model = FakeModel(answer)
    client = model.client(cache_dir=tmp_path / "responses")
    client.api_key = "sk-secret-123"
    from summarizer.extract.passes import SummaryAnswer

    client.ask([{"role": "user", "content": "x"}], SummaryAnswer)
    for path in (tmp_path / "responses").rglob("*"):
        if path.is_file():
            assert "sk-secret-123" not in path.read_text(encoding="utf-8")


def test_invalid_json_every_time_is_reported_with_the_raw_output_saved(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(request: dict[str, Any]) -> Any:
        if FakeModel.schema_title(request) == "MeetingAnswer":
            return "{not json"
        return answer(request)

    model = FakeModel(broken)

    @contextlib.contextmanager
    def open_client(settings: Any, progress: Any = None) -> Iterator[Any]:
        yield model.client(retries=1)

    monkeypatch.setattr("summarizer.llm.open_client", open_client)
    lines: list[str] = []
    settings = resolve_settings(environ={}, cache_dir=str(tmp_path / "cache"))
    out = tmp_path / "out.jsonl"
    code = run_batch([str(ROOT / "seeds" / "002_492a296c2b99c6ab.txt")], settings, output=out, notify=lines.append)
    assert code == 0 and ids(out) == ["002_492a296c2b99c6ab"]  # the article's other records stand
    warning = next(line for line in lines if line.startswith("warning: 002_492a296c2b99c6ab"))
    saved = tmp_path / "cache" / "failures" / "002_492a296c2b99c6ab.json"
    assert str(saved) in warning
    failed = json.loads(saved.read_text(encoding="utf-8"))
    assert failed and all(f["last_output"] == "{not json" and f["question"] == "meeting" for f in failed)
