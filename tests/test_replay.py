"""Whole results replayed from the result cache: only for the same article, build, types and model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from summarizer.articles import parse_article
from summarizer.extract import extract_article, replay
from summarizer.testing import FakeModel

ARTICLE = (
    " date 2024-05-07 Die Gewerkschaft Verdi fordert von der Deutschen Bahn acht Prozent mehr Lohn.\n\n"
    "Bei einem Busunglück nahe Kassel wurden am Montag drei Menschen getötet und 12 verletzt."
)


def responder(request: dict[str, Any]) -> dict[str, Any]:
    title = FakeModel.schema_title(request)
    if title == "DemandAnswer":
        return {"is_demand": True, "actor": "Verdi", "target": "Deutsche Bahn",
                "demand": "Eight percent higher pay.", "category": "economic"}  # fmt: skip
    if title == "SummaryAnswer":
        return {"headline": "Verdi demands higher pay", "brief": "The union Verdi demands eight percent more pay."}
    return {"is_meeting": False}


def refuse(request: dict[str, Any]) -> dict[str, Any]:
    raise AssertionError("a replayed article must not reach the model")


def _run(responses: Path, answer: Any = responder, types: set[str] | None = None) -> Any:
    article = parse_article(ARTICLE, "verdi")
    return extract_article(article, FakeModel(answer).client(cache_dir=responses), types=types)


def test_an_unchanged_article_is_replayed_without_the_model(tmp_path: Path) -> None:
    responses = tmp_path / "responses"
    first = _run(responses)
    assert first.stats.calls >= 1 and first.stats.cached_calls == 0
    assert [d.actor for d in first.summary.demands] == ["Verdi"]
    assert len(list((tmp_path / "results").glob("*/*.json"))) == 1
    # Clearing the response cache shows the replay does not ask it either.
    for path in responses.glob("*/*.json"):
        path.unlink()
    again = _run(responses, refuse)
    assert again.summary == first.summary
    assert again.stats.calls == first.stats.calls == again.stats.cached_calls
    assert again.stats.candidates == first.stats.candidates
    assert again.stats.prompt_tokens == 0 and again.stats.model_seconds == 0.0


def test_other_types_or_another_build_are_computed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    responses = tmp_path / "responses"
    _run(responses)
    fake = FakeModel(responder)
    article = parse_article(ARTICLE, "verdi")
    only = extract_article(article, fake.client(cache_dir=tmp_path / "other"), types={"casualties"})
    assert only.summary.demands == [] and only.summary.casualties
    monkeypatch.setattr(replay, "build_fingerprint", lambda: "an edited build")
    for path in responses.glob("*/*.json"):
        path.unlink()
    asked = FakeModel(responder)
    extract_article(article, asked.client(cache_dir=responses))
    assert asked.requests  # an edited build asks again


def test_without_a_response_cache_nothing_is_kept(tmp_path: Path) -> None:
    article = parse_article(ARTICLE, "verdi")
    extract_article(article, FakeModel(responder).client())
    assert not (tmp_path / "results").exists()


def test_the_build_fingerprint_covers_code_data_and_prompts() -> None:
    files = {p.name for root in (replay._PACKAGE, replay.prompt_dir()) for p in replay._files(root)}
    assert {"pipeline.py", "aliases.json", "en.json", "demand.system.j2", "meeting.json"} <= files


def test_a_result_with_an_unanswered_question_is_not_kept(tmp_path: Path) -> None:
    def garbled(request: dict[str, Any]) -> Any:
        if FakeModel.schema_title(request) == "DemandAnswer":
            return "not json at all"
        return responder(request)

    result = _run(tmp_path / "responses", garbled)
    assert result.stats.failed_questions
    assert not list((tmp_path / "results").glob("*/*.json"))
