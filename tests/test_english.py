"""How records read in English, on records written for these tests."""

from __future__ import annotations

from summarizer.english import (
    casualty_context,
    casualty_figure,
    compose_brief,
    compose_headlines,
    date_words,
    describe_record,
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


def test_casualty_phrases() -> None:
    assert casualty_figure(TOLL) == "about 2,400 killed, 12,000 injured"
    assert casualty_context(TOLL) == "Chile, 2025-02"  # unspecified victims say nothing
    assert record_title(TOLL) == "Casualties: about 2,400 killed, 12,000 injured (unspecified, Chile, 2025-02)"


def test_demand_phrases() -> None:
    assert record_title(DEMAND) == "Demand [economic]: Farmers' union: Lower fuel taxes."
    assert describe_record(DEMAND) == "Farmers' union [economic]: Lower fuel taxes."


def test_small_words() -> None:
    assert join_words(["a", "b", "c"]) == "a, b and c" and plural(1, "article") == "1 article"
    assert language_name("uk") == "Ukrainian" and language_name("sw") == "sw"


def _at(record, start: int):  # type: ignore[no-untyped-def]
    return record.model_copy(update={"evidence": [Evidence(quote="x", start=start, end=start + 1)]})


def test_headline_and_brief_composed_in_the_order_the_article_reports() -> None:
    toll = _at(TOLL, 50)
    records = [toll, _at(DEMAND, 90), _at(MEETING, 10)]
    assert compose_headlines(records) == [
        "Keir Starmer and Emmanuel Macron to hold a meeting in London",
        "About 2,400 people killed, 12,000 injured",
        "Farmers' union demands: Lower fuel taxes",
    ]
    assert compose_brief(records) == [
        "A meeting between Keir Starmer and Emmanuel Macron is planned by video link in London for 20 June 2025.",
        "The talks are to cover fishing rights.",
        "About 2,400 people were killed and 12,000 were injured in February 2025.",
        "Farmers' union demands: Lower fuel taxes.",
    ]
    assert len(compose_brief(records, limit=2)) == 2


def test_composed_phrases_agree_with_their_subject() -> None:
    workers = Demand(actor="dockworkers", target="the port authority", demand="Demand for a 5% pay rise.",
                     category="economic", evidence=QUOTE)  # fmt: skip
    assert compose_brief([workers]) == ["Dockworkers demand of the port authority: a 5% pay rise."]
    one = Casualty(killed=1, injured=None, qualifier="exact", location="Lyon", cause="Tram collision", evidence=QUOTE)
    assert compose_brief([one]) == ["1 person was killed in Lyon (cause: Tram collision)."]
    called = MeetingEvent(participants=["Ana Ruiz", "Luis Vega"], status="happened", format="phone", evidence=QUOTE)
    assert compose_headlines([called]) == ["Ana Ruiz and Luis Vega hold a phone call"]
    assert compose_brief([called]) == ["A meeting between Ana Ruiz and Luis Vega took place by phone."]
    long = Demand(actor="Teachers' union", target=None, category="economic", evidence=QUOTE,
                  demand="Higher pay for all staff, smaller classes in every primary school, and new buildings.")  # fmt: skip
    assert compose_headlines([long]) == ["Teachers' union demands: Higher pay for all staff"]


def test_date_words() -> None:
    assert (date_words("2025-08-15"), date_words("2025-08"), date_words("2025"), date_words(None)) == (
        "on 15 August 2025", "in August 2025", "in 2025", "")  # fmt: skip
