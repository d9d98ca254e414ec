from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from summarizer.records import ArticleSummary, Evidence, MeetingEvent, schema_documents

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schemas_match_the_models() -> None:
    for name, text in schema_documents().items():
        committed = ROOT / "schemas" / name
        assert committed.is_file(), f"schemas/{name} missing: run `summarizer schemas`"
        assert committed.read_text(encoding="utf-8") == text, f"schemas/{name} is stale: run `summarizer schemas`"


def test_evidence_span_must_fit_the_quote() -> None:
    Evidence(quote="abc", start=3, end=6)
    with pytest.raises(ValidationError):
        Evidence(quote="abc", start=3, end=7)


def test_meeting_needs_evidence_and_valid_enums() -> None:
    ev = [{"quote": "x", "start": 0, "end": 1}]
    with pytest.raises(ValidationError):
        MeetingEvent(participants=["A"], status="happened", evidence=[])
    with pytest.raises(ValidationError):
        MeetingEvent(participants=["A"], status="maybe", evidence=ev)
    with pytest.raises(ValidationError):
        MeetingEvent(participants=["A"], status="planned", date="22.01.2026", evidence=ev)
    m = MeetingEvent(participants=["A"], status="planned", date="2026-01", evidence=ev)
    assert m.format == "unknown" and m.topics == []


def test_summary_rejects_unknown_fields() -> None:
    data = {"article_id": "a", "language": "ru", "headline": "h", "brief": "b", "extra": 1}
    with pytest.raises(ValidationError):
        ArticleSummary.model_validate(data)


def test_schema_is_json_with_the_contract_fields() -> None:
    schema = json.loads(schema_documents()["ArticleSummary.json"])
    assert set(schema["properties"]) == {
        "article_id", "language", "published", "headline", "brief", "meetings", "demands", "casualties",
    }  # fmt: skip
