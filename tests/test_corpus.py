"""The evaluation corpus meets its specification: counts, languages, topics, split, grounding.

Every figure is read from the files (``evals/corpus/SOURCES.tsv`` and the gold JSON), so the
test fails when an article, a gold file or a row goes missing or the split leaks a story.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from summarizer.articles import read_article
from summarizer.evaluate.gold import RECORD_TYPES, GoldArticle, load_gold

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "evals" / "corpus"
GOLD = ROOT / "evals" / "gold"
SPLITS = ("dev", "test")
REQUIRED_LANGUAGES = ("ru", "uk", "bg", "en", "de", "pl", "fr", "es", "it", "pt", "nl", "tr", "ar", "zh", "ja")
SEED_TOPIC = "russia-ukraine-us"


@pytest.fixture(scope="module")
def sources() -> list[dict[str, str]]:
    with (CORPUS / "SOURCES.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.fixture(scope="module")
def gold() -> dict[str, dict[str, GoldArticle]]:
    return {split: load_gold(GOLD / split) for split in SPLITS}


def _required(article: GoldArticle, kind: str) -> int:
    return len(getattr(article.summary, kind)) - len(article.optional_indices(kind))


def test_every_article_has_gold_and_a_source_row(
    sources: list[dict[str, str]], gold: dict[str, dict[str, GoldArticle]]
) -> None:
    for split in SPLITS:
        texts = {p.stem for p in (CORPUS / split).glob("*.txt")}
        assert texts == set(gold[split]), f"{split}: articles and gold files differ"
        rows = {Path(r["file"]).stem for r in sources if r["split"] == split}
        assert rows == texts, f"{split}: SOURCES.tsv rows and articles differ"
    for row in sources:
        assert row["address"].startswith("http") and row["title"] and row["story"], row["file"]


def test_counts_languages_and_topics(sources: list[dict[str, str]], gold: dict[str, dict[str, GoldArticle]]) -> None:
    articles = [a for split in SPLITS for a in gold[split].values()]
    assert len(articles) >= 48
    languages = Counter(a.summary.language for a in articles)
    assert len(languages) >= 14
    for code in REQUIRED_LANGUAGES:
        assert languages[code] >= 2, f"{code}: {languages[code]} article(s)"
    topics = {row["topic"] for row in sources} - {SEED_TOPIC}
    assert len(topics) >= 10, sorted(topics)
    totals = {kind: sum(_required(a, kind) for a in articles) for kind in RECORD_TYPES}
    assert totals["meetings"] >= 40 and totals["demands"] >= 35 and totals["casualties"] >= 35, totals
    for article in articles:
        assert any(_required(article, kind) for kind in RECORD_TYPES), f"{article.article_id}: no record"
    # Some articles lack a kind: a pipeline that always finds all three must pay for it.
    assert all(any(_required(a, kind) == 0 for a in articles) for kind in RECORD_TYPES)


def test_actors_beyond_states_are_common(gold: dict[str, dict[str, GoldArticle]]) -> None:
    states = {"Russia", "Ukraine", "United States", "Israel", "China", "Japan", "Turkey", "Syria", "Egypt", "Qatar"}
    actors = [d.actor for split in SPLITS for a in gold[split].values() for d in a.summary.demands]
    assert sum(actor not in states for actor in actors) >= len(actors) // 2


def test_split_is_by_story_with_every_language_on_both_sides(
    sources: list[dict[str, str]], gold: dict[str, dict[str, GoldArticle]]
) -> None:
    sides: dict[str, set[str]] = defaultdict(set)
    for row in sources:
        sides[row["story"]].add(row["split"])
    leaked = [story for story, where in sides.items() if len(where) > 1]
    assert not leaked, f"stories on both sides: {leaked}"
    languages = {split: {a.summary.language for a in gold[split].values()} for split in SPLITS}
    assert languages["dev"] == languages["test"]
    share = len(gold["test"]) / (len(gold["dev"]) + len(gold["test"]))
    assert 0.3 <= share <= 0.5


@pytest.mark.parametrize("split", SPLITS)
def test_gold_quotes_are_verbatim_at_their_offsets(split: str, gold: dict[str, dict[str, GoldArticle]]) -> None:
    for article_id, article in gold[split].items():
        text = read_article(CORPUS / split / f"{article_id}.txt").text
        assert article.summary.published == read_article(CORPUS / split / f"{article_id}.txt").published
        for kind in RECORD_TYPES:
            for record in getattr(article.summary, kind):
                for evidence in record.evidence:
                    assert text[evidence.start : evidence.end] == evidence.quote, (article_id, evidence.quote[:60])


def test_second_pass_review_is_recorded() -> None:
    readme = (GOLD / "README.md").read_text(encoding="utf-8")
    assert "Second pass" in readme
    reviews = sorted((GOLD / "review").glob("REVIEW-*.md"))
    assert reviews, "no review notes"
    reviewed = " ".join(p.read_text(encoding="utf-8") for p in reviews)
    for split in SPLITS:
        for path in (GOLD / split).glob("*.json"):
            assert path.stem in reviewed, f"{path.stem}: not in any review"
