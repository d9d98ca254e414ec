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


def test_every_answer_grammar_compiles_on_the_engine(tmp_path: Path) -> None:
    # llama.cpp answers without any constraint when llguidance cannot compile a grammar (it only
    # logs "llg error"), so a grammar mistake shows up as invalid answers much later, not here.
    import urllib.request

    from summarizer.extract.passes import DemandAnswer, MeetingAnswer, SummaryAnswer
    from summarizer.extract.triage import CasualtyAnswer, TriageAnswer
    from summarizer.llm import EmbeddedServer
    from summarizer.llm.backends import COMPACT_JSON
    from summarizer.llm.client import answer_grammar_schema

    model_file = ensure_model(Path(user_cache_dir("summarizer")))
    server = EmbeddedServer(model_file, log_dir=tmp_path, state_dir=tmp_path / "slots", extra_args="verbosity=4")
    with server:
        for answer in (MeetingAnswer, DemandAnswer, SummaryAnswer, TriageAnswer, CasualtyAnswer):
            grammar = "%llguidance {}\nstart: %json " + json.dumps({**COMPACT_JSON, **answer_grammar_schema(answer)})
            body = {"messages": [{"role": "user", "content": "Answer in JSON."}], "grammar": grammar,
                    "response_format": {"type": "text"}, "temperature": 0, "max_tokens": 24}  # fmt: skip
            request = urllib.request.Request(
                f"{server.root_url}/v1/chat/completions", data=json.dumps(body).encode(),
                headers={"Content-Type": "application/json"},
            )  # fmt: skip
            with urllib.request.urlopen(request, timeout=120) as response:
                assert response.status == 200
    log = (tmp_path / "embedded-server.log").read_text(encoding="utf-8", errors="replace")
    assert "llg error" not in log, [line for line in log.splitlines() if "llg error" in line]
