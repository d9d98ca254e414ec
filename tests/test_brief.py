"""Headline and brief: English or composed from the records, never transliterated source text."""

from __future__ import annotations

from typing import Any

from summarizer.articles import parse_article
from summarizer.english import describe_records
from summarizer.extract import extract_article
from summarizer.normalize.language import is_english
from summarizer.records import Casualty, Demand, Evidence, MeetingEvent
from summarizer.testing import FakeModel

ARTICLE = (
    " date 2024-03-08 Los sindicatos de Correos exigen a la empresa una subida salarial del 10%.\n\n"
    "El accidente del autobús en Cuenca dejó 3 muertos y 15 heridos el jueves."
)
NOT_ENGLISH = {"headline": "Sindikaty Correos trebuyut povysheniya zarplat", "brief": "Sindikaty trebuyut ot kompanii."}
ENGLISH = {"headline": "Postal unions demand a pay rise", "brief": "Unions at Correos demand a 10% pay rise."}


def _model(summaries: list[dict[str, str]]) -> FakeModel:
    def respond(request: dict[str, Any]) -> dict[str, Any]:
        title = FakeModel.schema_title(request)
        if title == "SummaryAnswer":
            return summaries.pop(0) if len(summaries) > 1 else summaries[0]
        if title == "DemandAnswer":
            return {"is_demand": True, "actor": "Correos unions", "target": "Correos",
                    "demand": "Raise wages by 10 percent.", "category": "economic"}  # fmt: skip
        return {"is_meeting": False, "participants": [], "status": "happened", "format": "unknown"}

    return FakeModel(respond)


def _summary_requests(fake: FakeModel) -> int:
    return sum(FakeModel.schema_title(r) == "SummaryAnswer" for r in fake.requests)


def test_an_english_answer_is_kept() -> None:
    fake = _model([ENGLISH])
    summary = extract_article(parse_article(ARTICLE, "es-post"), fake.client()).summary
    assert (summary.headline, summary.brief) == (ENGLISH["headline"], ENGLISH["brief"])
    assert _summary_requests(fake) == 1


def test_a_transliterated_answer_is_asked_again() -> None:
    fake = _model([NOT_ENGLISH, ENGLISH])
    summary = extract_article(parse_article(ARTICLE, "es-post"), fake.client()).summary
    assert summary.headline == ENGLISH["headline"]
    assert _summary_requests(fake) == 2
    assert "not in English" in FakeModel.question(fake.requests[-1])


def test_still_not_english_is_composed_from_the_records() -> None:
    fake = _model([NOT_ENGLISH])
    result = extract_article(parse_article(ARTICLE, "es-post"), fake.client())
    summary = result.summary
    assert summary.casualties and summary.demands
    assert summary.headline == "3 killed and 15 injured reported"
    assert "Correos unions demands: Raise wages by 10 percent." in summary.brief
    assert is_english(f"{summary.headline}. {summary.brief}")
    assert any("composed from the records" in w for w in result.stats.warnings)


def test_describe_records_reads_each_kind() -> None:
    ev = [Evidence(quote="x", start=0, end=1)]
    meeting = MeetingEvent(participants=["Ana Ruiz", "Luis Vega"], location="Lima", date="2024-03-07",
                           status="planned", format="in_person", evidence=ev)  # fmt: skip
    demand = Demand(actor="CGT", target=None, demand="Withdraw the reform", category="political", evidence=ev)
    casualty = Casualty(killed=None, injured=4, qualifier="exact", victims="civilians", evidence=ev)
    assert describe_records([meeting, demand, casualty]) == [
        "Ana Ruiz and Luis Vega are to meet in Lima (2024-03-07).",
        "CGT demands: Withdraw the reform.",
        "4 injured reported.",
    ]
