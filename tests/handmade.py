"""One hand-made article and records built on it, shared by the scorer and report tests."""

from __future__ import annotations

from typing import Any

from summarizer.records import ArticleSummary, Casualty, Demand, Evidence, MeetingEvent

TEXT = (
    " date 2026-01-23 Виткофф и Кушнер встретились с Путиным в Москве 22 января. "
    "Кремль требует, чтобы Украина вывела войска из Донбасса. "
    "Киев настаивает на гарантиях безопасности. "
    "В результате удара погибли 12 человек, ранены около 40."
)


def ev(quote: str, text: str = TEXT) -> Evidence:
    start = text.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote))


def meeting(participants: list[str], date: str | None = "2026-01-22", **kw: Any) -> MeetingEvent:
    values: dict[str, Any] = {
        "participants": participants,
        "location": "Moscow",
        "date": date,
        "status": "happened",
        "format": "in_person",
        "evidence": [ev("встретились с Путиным")],
    }
    values.update(kw)
    return MeetingEvent(**values)


def demand(actor: str = "Russia", text: str = "Ukraine must withdraw its troops from Donbas.", **kw: Any) -> Demand:
    values: dict[str, Any] = {
        "actor": actor,
        "target": "Ukraine",
        "demand": text,
        "category": "territory",
        "evidence": [ev("Украина вывела войска из Донбасса")],
    }
    values.update(kw)
    return Demand(**values)


def casualty(killed: int | None = 12, injured: int | None = 40, **kw: Any) -> Casualty:
    values: dict[str, Any] = {
        "killed": killed,
        "injured": injured,
        "qualifier": "exact",
        "victims": "unspecified",
        "evidence": [ev("погибли 12 человек")],
    }
    values.update(kw)
    return Casualty(**values)


def summary(**records: Any) -> ArticleSummary:
    return ArticleSummary(
        article_id="a1",
        language="ru",
        published="2026-01-23",
        headline="Witkoff and Kushner meet Putin in Moscow",
        brief="Steve Witkoff and Jared Kushner met Vladimir Putin in Moscow on 22 January.",
        **records,
    )


GOLD = summary(
    meetings=[meeting(["Steve Witkoff", "Jared Kushner", "Vladimir Putin"])],
    demands=[demand()],
    casualties=[casualty()],
)
