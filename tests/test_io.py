"""Reading and writing summaries, predictions and stats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.errors import ConfigError
from summarizer.extract.result import ExtractionStats
from summarizer.io import (
    load_predictions,
    load_stats,
    load_summaries,
    save_stats,
    split_optional,
    write_summaries,
    write_text_atomic,
)
from summarizer.records import ArticleSummary

ONE = ArticleSummary(article_id="a", language="en", headline="h", brief="b")
TWO = ArticleSummary(article_id="b", language="pt", headline="h2", brief="b2")


def test_jsonl_round_trip_and_no_temporary_file_left(tmp_path: Path) -> None:
    path = tmp_path / "out" / "summaries.jsonl"
    write_summaries(path, [ONE, TWO])
    assert load_summaries(path) == [ONE, TWO]
    assert list(load_predictions(path)) == ["a", "b"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["summaries.jsonl"]


def test_a_folder_of_json_files_and_gold_flags(tmp_path: Path) -> None:
    data = ONE.model_dump(mode="json")
    data["demands"] = [{"actor": "x", "target": None, "demand": "y", "category": "other", "optional": True,
                        "evidence": [{"quote": "q", "start": 0, "end": 1}]}]  # fmt: skip
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "b.json").write_text(TWO.model_dump_json(), encoding="utf-8")
    loaded = load_summaries(tmp_path)
    assert [s.article_id for s in loaded] == ["a", "b"] and len(loaded[0].demands) == 1
    cleaned, optional = split_optional(data, "a.json")
    assert optional["demands"] == frozenset({0}) and "optional" not in cleaned["demands"][0]


def test_errors_name_the_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(ONE.model_dump_json() + "\n" + '{"article_id": 3}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.jsonl:2: not a valid ArticleSummary \(\d+ error\(s\); first at"):
        load_summaries(bad)
    with pytest.raises(ConfigError, match="no such file or folder of summaries"):
        load_summaries(tmp_path / "missing")
    with pytest.raises(ConfigError, match="cannot read predictions"):
        load_predictions(tmp_path / "missing.jsonl")


def test_stats_round_trip(tmp_path: Path) -> None:
    stats = ExtractionStats(calls=3)
    stats.note_candidate("meetings", 4, 9)
    save_stats(tmp_path / "p.stats.json", {"a": stats})
    assert load_stats(tmp_path / "p.stats.json")["a"] == stats


def test_write_text_atomic_replaces(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    write_text_atomic(path, "one")
    write_text_atomic(path, "two")
    assert path.read_text(encoding="utf-8") == "two"
