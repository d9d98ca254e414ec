"""Split the labelled pool into dev and test, once, by story.

Usage::

    python evals/tools/split_corpus.py [--dry-run]

Reads ``evals/corpus/pool/SOURCES-*.tsv`` (file, address, title, topic, language, story), moves
every article of a story to the same side (``evals/corpus/{dev,test}`` and its gold file to
``evals/gold/{dev,test}``) and writes ``evals/corpus/SOURCES.tsv`` with a ``split`` column.
Within each language the stories are ordered by the SHA-256 of their slug (a fixed, arbitrary
order nobody chose) and the first ``max(1, round(0.4 * n))`` go to test, so every language
sits on both sides when it has two stories or more and the split is about 60/40. A story with
articles in several languages goes where its first language puts it.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POOL_TEXT = ROOT / "evals" / "corpus" / "pool"
POOL_GOLD = ROOT / "evals" / "gold" / "pool"
COLUMNS = ["file", "address", "title", "topic", "language", "story"]


def read_sources() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(POOL_TEXT.glob("SOURCES-*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows.append({key: (row.get(key) or "").strip() for key in COLUMNS})
    return rows


def assign(rows: list[dict[str, str]]) -> dict[str, str]:
    """story -> "dev" | "test"."""
    stories_by_language: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row["story"] not in stories_by_language[row["language"]]:
            stories_by_language[row["language"]].append(row["story"])
    side: dict[str, str] = {}
    for language in sorted(stories_by_language):
        stories = sorted(stories_by_language[language], key=lambda s: hashlib.sha256(s.encode()).hexdigest())
        n_test = max(1, round(0.4 * len(stories))) if len(stories) > 1 else 0
        for index, story in enumerate(stories):
            side.setdefault(story, "test" if index < n_test else "dev")
    return side


def main(argv: list[str]) -> int:
    rows = read_sources()
    side = assign(rows)
    out_rows = []
    for row in sorted(rows, key=lambda r: r["file"]):
        split = side[row["story"]]
        stem = Path(row["file"]).stem
        out_rows.append({**row, "split": split})
        if "--dry-run" in argv:
            print(split, stem)
            continue
        for source, target in (
            (POOL_TEXT / f"{stem}.txt", ROOT / "evals" / "corpus" / split / f"{stem}.txt"),
            (POOL_GOLD / f"{stem}.json", ROOT / "evals" / "gold" / split / f"{stem}.json"),
        ):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(source), str(target))
    if "--dry-run" not in argv:
        with (ROOT / "evals" / "corpus" / "SOURCES.tsv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=[*COLUMNS, "split"], delimiter="\t", lineterminator="\n")
            writer.writeheader()
            writer.writerows(out_rows)
    counts = defaultdict(int)
    for row in out_rows:
        counts[row["split"]] += 1
    print(dict(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
