"""The extraction pipeline end to end on a seed article, with a fake model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from summarizer.articles import read_article
from summarizer.extract import extract_article
from summarizer.records import ArticleSummary
from summarizer.testing import FakeModel

SEED = Path(__file__).resolve().parents[1] / "seeds" / "003_32f261f9b184bad9.txt"


def responder(request: dict[str, Any]) -> dict[str, Any]:
    """Answers like a decent model would, keyed on what was asked."""
    title = FakeModel.schema_title(request)
    question = FakeModel.question(request)
    sentence = question.split("Target sentence:", 1)[-1]
    if title == "MeetingAnswer":
        if "22 січня зустрінеться" in sentence:
            return {"is_meeting": True, "participants": ["Стівен Віткофф", "Vladimir Putin"], "status": "planned"}  # fmt: skip
        if "13 березня 2025" in sentence:
            return {"is_meeting": True, "participants": ["Steve Witkoff", "Vladimir Putin", "Invented Person"],
                    "status": "happened"}  # fmt: skip
        if "шість разів" in sentence:
            return {"is_meeting": True, "participants": ["Steve Witkoff", "Vladimir Putin"], "status": "happened"}  # fmt: skip
        return {"is_meeting": False, "participants": [], "status": "happened"}
    if title == "DemandAnswer":
        if "вимагала визнання" in sentence:
            return {"is_demand": True, "actor": "Russia", "target": None,
                    "demand": "Recognise the annexed territories.", "category": "recognition"}  # fmt: skip
        return {"is_demand": False, "actor": "", "target": None, "demand": "", "category": "other"}
    if title == "SummaryAnswer":
        return {"headline": "Witkoff to meet Putin on 22 January", "brief": "Steve Witkoff will meet Vladimir Putin."}
    raise AssertionError(f"unexpected question {title}")


def test_pipeline_grounds_normalises_and_filters() -> None:
    article = read_article(SEED)
    fake = FakeModel(responder)
    result = extract_article(article, fake.client())
    summary = result.summary
    ArticleSummary.model_validate(summary.model_dump())
    assert summary.language == "uk" and summary.published == "2026-01-21"
    # Headline and brief are composed from the records: the model's summary is not asked for.
    assert summary.headline == "Steve Witkoff and Vladimir Putin to hold a meeting"
    assert summary.brief.startswith(
        "A meeting between Steve Witkoff and Vladimir Putin is planned for 22 January 2026. "
    )
    assert "SummaryAnswer" not in {FakeModel.schema_title(r) for r in fake.requests}

    planned = [m for m in summary.meetings if m.date == "2026-01-22"]
    assert len(planned) == 1
    assert planned[0].participants[:2] == ["Steve Witkoff", "Vladimir Putin"]
    assert planned[0].status == "planned"

    march = [m for m in summary.meetings if m.date == "2025-03-13"]
    assert len(march) == 1
    assert "Invented Person" not in march[0].participants  # not mentioned in the article: dropped
    assert march[0].duration_hours == 12.0
    assert march[0].location == "Moscow"

    # "met six times in 2025" is an aggregate, never a meeting, whatever the model says.
    assert all("шість разів" not in e.quote for m in summary.meetings for e in m.evidence)

    assert [d.category for d in summary.demands] == ["recognition"]
    assert summary.demands[0].actor == "Russia"

    for record in [*summary.meetings, *summary.demands, *summary.casualties]:
        for evidence in record.evidence:
            assert article.text[evidence.start : evidence.end] == evidence.quote
    assert result.stats.calls == len(fake.requests)
    assert all(req["temperature"] == 0 for req in fake.requests)


def test_grammar_constraint_is_sent_with_the_schema() -> None:
    article = read_article(SEED)
    fake = FakeModel(responder)
    extract_article(article, fake.client())
    formats = [req.get("response_format") for req in fake.requests]
    assert all(f and f["type"] == "json_object" and "properties" in f["schema"] for f in formats)
    meeting = next(f for f in formats if f["schema"]["title"] == "MeetingAnswer")
    assert meeting["schema"]["properties"]["participants"]["maxItems"] == 6
    json.dumps(fake.requests)  # requests are plain JSON
