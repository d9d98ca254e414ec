"""The real embedded model, end to end (slow: minutes; CI runs it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from platformdirs import user_cache_dir

from summarizer.articles import read_article
from summarizer.cli import cli
from summarizer.llm import ensure_model

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "003_32f261f9b184bad9.txt"

pytestmark = pytest.mark.slow


def test_brief_and_records_from_the_embedded_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # An empty response cache, so that the model itself answers; the model file is the user's.
    user_cache = Path(user_cache_dir("summarizer"))
    ensure_model(user_cache)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "models").symlink_to(user_cache / "models", target_is_directory=True)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(cache))
    out = tmp_path / "003.json"
    assert cli(["extract", str(SEED), "-o", str(out)]) == 0
    summary = json.loads(out.read_text(encoding="utf-8"))
    text = read_article(SEED).text

    meetings = summary["meetings"]
    planned = [m for m in meetings if m["date"] == "2026-01-22"]
    assert planned, meetings
    assert planned[0]["status"] == "planned"
    assert {"Steve Witkoff", "Vladimir Putin"} <= set(planned[0]["participants"])
    for kind in ("meetings", "demands", "casualties"):
        for record in summary[kind]:
            for evidence in record["evidence"]:
                assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
    english = [summary["headline"], summary["brief"]] + [p for m in meetings for p in m["participants"]]
    english += [m["location"] or "" for m in meetings] + [d["demand"] for d in summary["demands"]]
    assert not any(re.search("[\u0400-\u04ff]", value) for value in english)

    # The brief is rendered from the same records (answers now come from the cache).
    assert cli(["brief", str(SEED)]) == 0
    brief = capsys.readouterr().out
    assert "Steve Witkoff" in brief and "Vladimir Putin" in brief
    assert "2026-01-22" in brief and "**planned**" in brief
