"""How records read in English, on records written for these tests."""

from __future__ import annotations

from summarizer.english import (
    casualty_context,
    casualty_figure,
    describe_record,
    describe_records,
    join_words,
    language_name,
    meeting_extras,
    meeting_line,
    plural,
    record_title,
)
from summarizer.records import Casualty, Demand, Evidence, MeetingEvent

QUOTE = [Evidence(quote="x", start=0, end=1)]
MEETING = MeetingEvent(participants=["Keir Starmer", "Emmanuel Macron"], location="London", date="2025-06-20",
                       status="planned", format="video", duration_hours=1.5, topics=["fishing rights"],
                       evidence=QUOTE)  # fmt: skip
DEMAND = Demand(actor="Farmers' union", target=None, demand="Lower fuel taxes.", category="economic", evidence=QUOTE)
TOLL = Casualty(killed=2400, injured=12000, qualifier="approximate", country="Chile", period="2025-02", evidence=QUOTE)


def test_meeting_phrases() -> None:
    assert meeting_line(MEETING) == "2025-06-20 · London · planned — Keir Starmer, Emmanuel Macron"
    assert meeting_extras(MEETING) == ["video", "1.5 h", "topics: fishing rights"]
    assert describe_records([MEETING]) == ["Keir Starmer and Emmanuel Macron are to meet in London (2025-06-20)."]


def test_casualty_phrases() -> None:
    assert casualty_figure(TOLL) == "about 2,400 killed, 12,000 injured"
    assert casualty_context(TOLL) == "Chile, 2025-02"  # unspecified victims say nothing
    assert record_title(TOLL) == "Casualties: about 2,400 killed, 12,000 injured (unspecified, Chile, 2025-02)"


def test_demand_phrases() -> None:
    assert record_title(DEMAND) == "Demand [economic]: Farmers' union: Lower fuel taxes."
    assert describe_record(DEMAND) == "Farmers' union [economic]: Lower fuel taxes."
    assert describe_records([DEMAND]) == ["Farmers' union demands: Lower fuel taxes."]


def test_small_words() -> None:
    assert join_words(["a", "b", "c"]) == "a, b and c" and plural(1, "article") == "1 article"
    assert language_name("uk") == "Ukrainian" and language_name("sw") == "sw"
