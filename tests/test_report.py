"""Tests of the report, the table, the baseline gate, gold loading and the eval runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.articles import Article
from summarizer.errors import ConfigError, ExtractionError
from summarizer.evaluate import (
    HEADLINE_KEYS,
    build_report,
    compare_to_baseline,
    format_table,
    load_gold,
    load_predictions,
    load_report,
    run_eval,
    score_article,
    write_report,
)
from summarizer.extract.result import ExtractionResult, ExtractionStats
from summarizer.records import ArticleSummary

from .handmade import GOLD, TEXT, casualty, meeting, summary

TOP_KEYS = [
    "version",
    "articles",
    "types",
    "fields",
    "grounding",
    "candidate_recall",
    "english",
    "cost",
    "per_language",
    "per_article",
    "headline",
    "matches",
    "optional_matches",
    "unmatched",
    "failures",
]


def _report(pred: ArticleSummary = GOLD, stats: dict[str, ExtractionStats] | None = None) -> dict[str, Any]:
    return build_report([score_article(pred, GOLD, TEXT)], stats)


def test_report_shape_and_key_order() -> None:
    report = _report(stats={"a1": ExtractionStats(seconds=2.5, prompt_tokens=1000, completion_tokens=200)})
    assert list(report) == TOP_KEYS
    assert report["version"] == 2 and report["articles"] == 1
    assert list(report["types"]) == ["meetings", "demands", "casualties"]
    assert list(report["types"]["meetings"]) == ["tp", "fp", "fn", "precision", "recall", "f1"]
    assert list(report["fields"]["meetings"]) == ["status", "date", "location", "duration_hours", "format"]
    assert list(report["fields"]["demands"]) == ["actor", "target", "category"]
    assert list(report["fields"]["casualties"]) == ["killed", "injured", "qualifier", "victims", "period"]
    assert list(report["grounding"]) == ["verbatim_share", "english_clean_share", "canonical_participants_share"]
    assert tuple(report["headline"]) == HEADLINE_KEYS
    diagnostics = {"candidate_recall", "english_headline_share", "english_brief_share"}
    assert all(v == 1.0 for k, v in report["headline"].items() if k not in diagnostics)
    assert all(report["headline"][k] is None for k in diagnostics)  # no stats, languages or checks given
    assert report["per_article"]["a1"] == {
        "language": None,
        "meetings": {"tp": 1, "fp": 0, "fn": 0},
        "demands": {"tp": 1, "fp": 0, "fn": 0},
        "casualties": {"tp": 1, "fp": 0, "fn": 0},
        "seconds": 2.5,
        "candidate_recall": None,
        "english": None,
    }
    assert report["matches"]["a1"] == {"meetings": [[0, 0]], "demands": [[0, 0]], "casualties": [[0, 0]]}
    assert report["cost"]["seconds_mean"] == 2.5 and report["cost"]["prompt_tokens_mean"] == 1000.0
    assert report["cost"]["completion_tokens_mean"] == 200.0
    assert json.loads(json.dumps(report)) == report


def test_report_without_stats_has_null_cost() -> None:
    report = _report()
    assert report["cost"]["seconds_mean"] is None and report["cost"]["seconds_median"] is None
    assert report["per_article"]["a1"]["seconds"] is None


def test_report_aggregates_articles() -> None:
    extra = GOLD.model_copy(update={"casualties": [*GOLD.casualties, casualty(killed=3, injured=None)]})
    gold_b = GOLD.model_copy(update={"article_id": "b2"})
    scores = [
        score_article(extra, GOLD, TEXT),
        score_article(summary(), gold_b, TEXT),
    ]
    stats = {"a1": ExtractionStats(seconds=1.0), "b2": ExtractionStats(seconds=3.0)}
    report = build_report(scores, stats)
    cas = report["types"]["casualties"]
    assert (cas["tp"], cas["fp"], cas["fn"]) == (1, 1, 1)
    assert cas["precision"] == 0.5 and cas["recall"] == 0.5 and cas["f1"] == 0.5
    assert report["cost"]["seconds_mean"] == 2.0 and report["cost"]["seconds_median"] == 2.0
    assert report["unmatched"]["a1"]["casualties"]["predicted"] == ["killed=3 injured=None exact unspecified"]
    assert list(report["per_article"]) == ["a1", "b2"]


def test_format_table_is_readable() -> None:
    report = _report(stats={"a1": ExtractionStats(seconds=2.5, prompt_tokens=1000, completion_tokens=200)})
    table = format_table(report)
    assert "meetings" in table and "F1" in table and "1.000" in table
    assert "meetings.status" in table and "verbatim_share" in table and "seconds_mean" in table
    assert "a1" in table and "1/0/0" in table
    empty = format_table(build_report([]))
    assert "0 article(s)" in empty


# --- the baseline gate ---------------------------------------------------------------------


def _with_headline(**values: float | None) -> dict[str, Any]:
    headline: dict[str, float | None] = {key: 0.8 for key in HEADLINE_KEYS}
    headline.update(values)
    return {"version": 1, "headline": headline}


def test_compare_to_baseline_passes_when_equal_or_within_tolerance() -> None:
    baseline = _with_headline()
    assert compare_to_baseline(_with_headline(), baseline) == []
    assert compare_to_baseline(_with_headline(meetings_f1=0.76), baseline) == []
    assert compare_to_baseline(_with_headline(meetings_f1=0.75), baseline) == []  # exactly at the tolerance
    assert compare_to_baseline(_with_headline(demands_f1=0.99), baseline) == []


def test_compare_to_baseline_detects_regressions() -> None:
    baseline = _with_headline()
    problems = compare_to_baseline(_with_headline(meetings_f1=0.7, verbatim_share=0.5), baseline)
    assert len(problems) == 2
    assert problems[0].startswith("meetings_f1: 0.700") and "0.800" in problems[0]
    assert problems[1].startswith("verbatim_share")
    assert compare_to_baseline(_with_headline(meetings_f1=0.7), baseline, tolerance=0.2) == []


def test_compare_to_baseline_null_counts_as_regression() -> None:
    baseline = _with_headline()
    problems = compare_to_baseline(_with_headline(meetings_date_acc=None), baseline)
    assert problems == ["meetings_date_acc: missing (baseline 0.800)"]
    current = _with_headline()
    del current["headline"]["casualties_killed_acc"]
    assert len(compare_to_baseline(current, baseline)) == 1


def test_compare_to_baseline_skips_null_baseline_figures() -> None:
    assert compare_to_baseline(_with_headline(meetings_date_acc=None), _with_headline(meetings_date_acc=None)) == []


def test_real_reports_regression() -> None:
    baseline = _report()
    worse = _report(summary(demands=GOLD.demands, casualties=GOLD.casualties))
    problems = compare_to_baseline(worse, baseline)
    assert [p.split(":")[0] for p in problems] == [
        "meetings_f1",
        "meetings_status_acc",
        "meetings_date_acc",
        "meetings_location_acc",
    ]
    assert compare_to_baseline(baseline, baseline) == []


def test_write_and_load_report(tmp_path: Path) -> None:
    report = _report()
    path = tmp_path / "out" / "report.json"
    write_report(report, path)
    assert load_report(path) == report
    assert list(load_report(path)) == TOP_KEYS


# --- gold files and the runner -------------------------------------------------------------


def _write_fixture(tmp_path: Path, *, optional_extra: bool = True) -> tuple[Path, Path]:
    gold_dir = tmp_path / "gold"
    articles_dir = tmp_path / "articles"
    gold_dir.mkdir()
    articles_dir.mkdir()
    data = GOLD.model_dump(mode="json")
    if optional_extra:
        extra = meeting(["Donald Trump", "Vladimir Putin"], date="2026-02", status="possible").model_dump(mode="json")
        extra["optional"] = True
        data["meetings"].append(extra)
    (gold_dir / "a1.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (articles_dir / "a1.txt").write_text(TEXT, encoding="utf-8")
    return gold_dir, articles_dir


def test_load_gold_strips_optional(tmp_path: Path) -> None:
    gold_dir, _ = _write_fixture(tmp_path)
    gold = load_gold(gold_dir)
    assert list(gold) == ["a1"]
    assert gold["a1"].optional_indices("meetings") == frozenset({1})
    assert gold["a1"].optional_indices("demands") == frozenset()
    assert len(gold["a1"].summary.meetings) == 2


def test_load_gold_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such gold folder"):
        load_gold(tmp_path / "missing")
    gold_dir, _ = _write_fixture(tmp_path)
    (gold_dir / "b2.json").write_text(GOLD.model_dump_json(), encoding="utf-8")
    with pytest.raises(ConfigError, match="does not match the file name"):
        load_gold(gold_dir)
    (gold_dir / "b2.json").write_text('{"article_id": "b2"}', encoding="utf-8")
    with pytest.raises(ConfigError, match="not a valid ArticleSummary"):
        load_gold(gold_dir)
    (gold_dir / "b2.json").write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid JSON"):
        load_gold(gold_dir)


def test_run_eval_with_predictions(tmp_path: Path) -> None:
    gold_dir, articles_dir = _write_fixture(tmp_path)
    stats = {"a1": ExtractionStats(seconds=4.0, prompt_tokens=10, completion_tokens=5)}
    report = run_eval(gold_dir, articles_dir, predictions={"a1": GOLD}, stats=stats)
    assert report["headline"]["meetings_f1"] == 1.0
    assert report["cost"]["seconds_mean"] == 4.0
    assert report["failures"] == {}


def test_run_eval_missing_prediction_is_empty(tmp_path: Path) -> None:
    gold_dir, articles_dir = _write_fixture(tmp_path)
    report = run_eval(gold_dir, articles_dir, predictions={})
    assert report["types"]["meetings"]["fn"] == 1  # the optional gold meeting is not a false negative
    assert report["failures"] == {"a1": "no prediction"}


def test_run_eval_with_extract(tmp_path: Path) -> None:
    gold_dir, articles_dir = _write_fixture(tmp_path)
    seen: list[Article] = []

    def extract(article: Article) -> ExtractionResult:
        seen.append(article)
        return ExtractionResult(summary=GOLD, stats=ExtractionStats(seconds=1.5, prompt_tokens=100))

    report = run_eval(gold_dir, articles_dir, extract=extract)
    assert [a.article_id for a in seen] == ["a1"] and seen[0].text == TEXT
    assert report["per_article"]["a1"]["seconds"] == 1.5
    assert report["cost"]["prompt_tokens_mean"] == 100.0
    assert report["headline"]["verbatim_share"] == 1.0


def test_run_eval_extraction_error_is_recorded(tmp_path: Path) -> None:
    gold_dir, articles_dir = _write_fixture(tmp_path)

    def extract(article: Article) -> ExtractionResult:
        raise ExtractionError("model answers never validated")

    report = run_eval(gold_dir, articles_dir, extract=extract)
    assert report["failures"] == {"a1": "model answers never validated"}
    assert report["types"]["demands"]["fn"] == 1


def test_run_eval_needs_a_source(tmp_path: Path) -> None:
    gold_dir, articles_dir = _write_fixture(tmp_path)
    with pytest.raises(ValueError):
        run_eval(gold_dir, articles_dir)


def test_load_predictions_jsonl_and_list(tmp_path: Path) -> None:
    other = GOLD.model_copy(update={"article_id": "b2"})
    jsonl = tmp_path / "pred.jsonl"
    jsonl.write_text(GOLD.model_dump_json() + "\n\n" + other.model_dump_json() + "\n", encoding="utf-8")
    assert list(load_predictions(jsonl)) == ["a1", "b2"]
    as_list = tmp_path / "pred.json"
    as_list.write_text(json.dumps([GOLD.model_dump(mode="json"), other.model_dump(mode="json")]), encoding="utf-8")
    loaded = load_predictions(as_list)
    assert loaded["a1"] == GOLD and loaded["b2"] == other
    single = tmp_path / "one.json"
    single.write_text(GOLD.model_dump_json(indent=2), encoding="utf-8")
    assert list(load_predictions(single)) == ["a1"]


def test_load_predictions_errors(tmp_path: Path) -> None:
    dup = tmp_path / "dup.jsonl"
    dup.write_text(GOLD.model_dump_json() + "\n" + GOLD.model_dump_json() + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="appears twice"):
        load_predictions(dup)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(GOLD.model_dump_json() + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.jsonl:2: invalid JSON"):
        load_predictions(bad)
    invalid = tmp_path / "invalid.jsonl"
    invalid.write_text('{"article_id": "x"}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not a valid ArticleSummary"):
        load_predictions(invalid)
