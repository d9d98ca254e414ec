"""Tests of the eval's splits, per-language table, candidate recall and English check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli import cli
from summarizer.errors import ConfigError
from summarizer.evaluate import build_report, compare_to_baseline, format_table, score_article
from summarizer.evaluate.coverage import candidate_coverage, english_checks
from summarizer.evaluate.gold import parse_gold
from summarizer.evaluate.runner import run_eval_sets
from summarizer.evaluate.splits import resolve_splits
from summarizer.extract.result import ExtractionStats
from summarizer.io import load_stats, save_stats
from summarizer.normalize.language import is_english
from summarizer.records import ArticleSummary

TEXT = (
    " date 2024-03-05 Dockworkers strike in Rotterdam.\n\n"
    "The union FNV demanded a 7 percent pay rise from the port employers. "
    "Union leaders met the employers' association on Monday in Rotterdam. "
    "A crane collapsed on Tuesday, killing two workers and injuring five."
)


def _ev(quote: str) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote)}


def _gold(article_id: str = "en-port", language: str = "en") -> dict[str, Any]:
    return {
        "article_id": article_id,
        "language": language,
        "published": "2024-03-05",
        "headline": "Rotterdam dockworkers strike over pay",
        "brief": "Dockworkers in Rotterdam went on strike.",
        "meetings": [
            {
                "participants": ["FNV delegation", "employers' delegation"],
                "location": "Rotterdam",
                "date": "2024-03-04",
                "status": "happened",
                "format": "in_person",
                "evidence": [_ev("Union leaders met the employers' association on Monday in Rotterdam.")],
            },
            {
                "participants": ["FNV delegation"],
                "status": "planned",
                "format": "unknown",
                "optional": True,
                "evidence": [_ev("Dockworkers strike in Rotterdam.")],
            },
        ],
        "demands": [
            {
                "actor": "FNV",
                "target": "port employers",
                "demand": "A 7 percent pay rise.",
                "category": "economic",
                "evidence": [_ev("The union FNV demanded a 7 percent pay rise from the port employers.")],
            }
        ],
        "casualties": [
            {
                "killed": 2,
                "injured": 5,
                "qualifier": "exact",
                "victims": "civilians",
                "evidence": [_ev("A crane collapsed on Tuesday, killing two workers and injuring five.")],
            }
        ],
    }


def _predicted(article_id: str, **update: Any) -> ArticleSummary:
    """The gold summary as a prediction: optional records dropped, ``update`` applied."""
    data = _gold(article_id)
    data["meetings"] = [m for m in data["meetings"] if not m.get("optional")]
    return ArticleSummary.model_validate({**data, **update})


def _span(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def test_candidate_coverage_counts_required_records_whose_sentence_was_examined() -> None:
    gold = parse_gold(_gold())
    candidates = {"meetings": [_span("Union leaders met")], "demands": [], "casualties": [(0, 3)]}
    coverage = candidate_coverage(gold, candidates)
    assert (coverage["meetings"].hits, coverage["meetings"].total) == (1, 1)  # the optional one is not counted
    assert (coverage["demands"].hits, coverage["demands"].total) == (0, 1)
    assert (coverage["casualties"].hits, coverage["casualties"].total) == (0, 1)  # a span elsewhere is no cover


def test_is_english_on_sentences_of_several_languages() -> None:
    assert is_english("Dock workers in Rotterdam strike for higher pay as talks with employers stall")
    assert not is_english("Les dockers de Rotterdam en grève réclament une hausse des salaires")
    assert not is_english("Hafenarbeiter in Rotterdam streiken für höhere Löhne")
    assert not is_english("Poslanniki prezidenta vstretilis s predstavitelyami profsoyuza v portu")
    assert not is_english("")


def test_english_checks_judge_headline_and_brief_apart() -> None:
    summary = _predicted("en-port", headline="Huelga de estibadores en Róterdam por los salarios")
    assert english_checks(summary) == {"headline": False, "brief": True}


def test_report_has_a_per_language_table() -> None:
    gold_en, gold_de = parse_gold(_gold()), parse_gold(_gold("de-port", "de"))
    empty = _predicted("de-port", language="de", meetings=[], demands=[], casualties=[])
    perfect = _predicted("en-port")
    scores = [score_article(perfect, gold_en, TEXT), score_article(empty, gold_de, TEXT)]
    coverage = {"en-port": candidate_coverage(gold_en, {"meetings": [_span("Union leaders met")]})}
    report = build_report(
        scores,
        {"en-port": ExtractionStats(seconds=3.0)},
        languages={"en-port": "en", "de-port": "de"},
        coverage=coverage,
        english={"en-port": {"headline": True, "brief": True}, "de-port": {"headline": False, "brief": True}},
    )
    assert list(report["per_language"]) == ["de", "en"]
    assert report["per_language"]["en"]["types"]["meetings"]["f1"] == 1.0
    assert report["per_language"]["de"]["types"]["meetings"]["f1"] == 0.0
    assert report["per_language"]["en"]["candidate_recall"] == {
        "meetings": 1.0,
        "demands": 0.0,
        "casualties": 0.0,
        "all": pytest.approx(1 / 3, abs=1e-4),
    }
    assert report["per_language"]["de"]["candidate_recall"] is None
    assert report["english"] == {"headline_share": 0.5, "brief_share": 1.0}
    assert report["headline"]["english_headline_share"] == 0.5
    table = format_table(report)
    assert "per language:" in table and "cand rec" in table


def _project(root: Path) -> None:
    for split, (gold, articles) in {
        "seeds": ("evals/gold", "seeds"),
        "dev": ("evals/gold/dev", "evals/corpus/dev"),
        "test": ("evals/gold/test", "evals/corpus/test"),
    }.items():
        (root / gold).mkdir(parents=True, exist_ok=True)
        (root / articles).mkdir(parents=True, exist_ok=True)
        article_id = f"{split}-port"
        (root / gold / f"{article_id}.json").write_text(json.dumps(_gold(article_id)), encoding="utf-8")
        (root / articles / f"{article_id}.txt").write_text(TEXT, encoding="utf-8")


def test_resolve_splits(tmp_path: Path) -> None:
    _project(tmp_path)
    assert [s.name for s in resolve_splits("all", tmp_path)] == ["seeds", "dev", "test"]
    assert [s.name for s in resolve_splits("test, seeds,test", tmp_path)] == ["test", "seeds"]
    assert resolve_splits("dev", tmp_path)[0].articles == tmp_path / "evals/corpus/dev"
    with pytest.raises(ConfigError, match="unknown split 'train'"):
        resolve_splits("train", tmp_path)
    (tmp_path / "evals/corpus/test/test-port.txt").unlink()
    (tmp_path / "evals/corpus/test").rmdir()
    with pytest.raises(ConfigError, match="folder of split 'test' not found"):
        resolve_splits("test", tmp_path)


def test_split_reports_are_gated_split_by_split(tmp_path: Path) -> None:
    _project(tmp_path)
    sets = resolve_splits("seeds,test", tmp_path)
    good = {f"{name}-port": _predicted(f"{name}-port") for name in ("seeds", "test")}
    baseline = run_eval_sets(sets, predictions=good)
    assert list(baseline["splits"]) == ["seeds", "test"]
    worse = dict(good, **{"test-port": _predicted("test-port", casualties=[])})
    problems = compare_to_baseline(run_eval_sets(sets, predictions=worse), baseline)
    assert problems and all(line.startswith("test: ") for line in problems)
    assert any("casualties_f1" in line for line in problems)
    table = format_table(baseline)
    assert "headline figures by split" in table and "=== split: test ===" in table


def test_stats_sidecar_round_trip(tmp_path: Path) -> None:
    stats = ExtractionStats(seconds=2.0, calls=3)
    stats.note_candidate("demands", 10, 40)
    save_stats(tmp_path / "p.jsonl.stats.json", {"a": stats})
    loaded = load_stats(tmp_path / "p.jsonl.stats.json")
    assert loaded["a"].candidates == {"demands": [(10, 40)]} and loaded["a"].calls == 3
    (tmp_path / "bad.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a stats file"):
        load_stats(tmp_path / "bad.json")


def test_cli_eval_split_with_saved_predictions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(_predicted("test-port").model_dump_json() + "\n", encoding="utf-8")
    stats = ExtractionStats(seconds=1.0)
    stats.note_candidate("casualties", *_span("A crane collapsed"))
    save_stats(tmp_path / "pred.jsonl.stats.json", {"test-port": stats})
    assert cli(["eval", "--split", "test", "--predictions", str(predictions), "--report", "r.json"]) == 0
    out = capsys.readouterr().out
    assert "per language:" in out
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["splits"]["test"]["candidate_recall"]["casualties"] == 1.0
    assert report["splits"]["test"]["candidate_recall"]["meetings"] == 0.0
    assert cli(["eval", "--split", "nope", "--predictions", str(predictions)]) == 2
    assert "unknown split" in capsys.readouterr().err
