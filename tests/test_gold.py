"""Checks on the hand-labelled gold data in ``evals/gold``.

Every gold file must be a valid ``ArticleSummary`` (once the gold-only ``optional`` keys are
removed), name an existing seed article, ground every evidence quote at its offsets in the
article text as ``read_article`` reads it, and keep Cyrillic out of every English field.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from summarizer.articles import read_article
from summarizer.records import ArticleSummary

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "evals" / "gold"
SEEDS_DIR = ROOT / "seeds"
RECORD_LISTS = ("meetings", "demands", "casualties")
CYRILLIC = re.compile(r"[\u0400-\u04FF\u0500-\u052F]")

GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _strip_optional(doc: dict) -> dict:
    doc = copy.deepcopy(doc)
    for key in RECORD_LISTS:
        for record in doc.get(key, []):
            optional = record.pop("optional", None)
            assert optional in (None, True, False), f"'optional' must be a boolean, got {optional!r}"
    return doc


def _english_strings(value, path: str = ""):
    """Yield (path, string) for every string in the document except evidence quotes."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "evidence":
                continue
            yield from _english_strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _english_strings(item, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


def test_gold_files_exist_for_every_seed():
    seeds = {p.stem for p in SEEDS_DIR.glob("*.txt")}
    gold = {p.stem for p in GOLD_FILES}
    assert seeds, "no seed articles found"
    assert seeds <= gold, f"seeds without gold: {sorted(seeds - gold)}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_validates(path: Path):
    doc = _load(path)
    summary = ArticleSummary.model_validate(_strip_optional(doc))
    assert summary.article_id == path.stem


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_article_exists_and_matches_header(path: Path):
    doc = _load(path)
    seed = SEEDS_DIR / f"{doc['article_id']}.txt"
    assert seed.is_file(), f"no seed article {seed.name}"
    article = read_article(seed)
    assert doc["published"] == article.published


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_evidence_is_verbatim(path: Path):
    doc = _load(path)
    text = read_article(SEEDS_DIR / f"{doc['article_id']}.txt").text
    for key in RECORD_LISTS:
        for i, record in enumerate(doc.get(key, [])):
            assert record["evidence"], f"{key}[{i}] has no evidence"
            for ev in record["evidence"]:
                assert 0 <= ev["start"] <= ev["end"] <= len(text), f"{key}[{i}]: offsets out of range"
                assert text[ev["start"] : ev["end"]] == ev["quote"], f"{key}[{i}]: quote not at {ev['start']}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_english_fields_have_no_cyrillic(path: Path):
    doc = _load(path)
    bad = [(where, s) for where, s in _english_strings(doc) if CYRILLIC.search(s)]
    assert not bad, f"Cyrillic in English fields: {bad}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_headline_and_brief_shape(path: Path):
    doc = _load(path)
    assert 1 <= len(doc["headline"].split()) <= 15
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", doc["brief"].strip()) if s]
    assert 2 <= len(sentences) <= 4, sentences
