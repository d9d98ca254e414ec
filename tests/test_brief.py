"""Headline and brief: English or composed from the records, never transliterated source text."""

from __future__ import annotations

from typing import Any

from summarizer.articles import parse_article
from summarizer.extract import extract_article
from summarizer.testing import FakeModel

ARTICLE = (
    " date 2024-03-08 Los sindicatos de Correos exigen a la empresa una subida salarial del 10%.\n\n"
    "El accidente del autobús en Cuenca dejó 3 muertos y 15 heridos el jueves."
)
# No meeting, demand or casualty: only the model can summarise it.
NO_RECORDS = " date 2024-03-08 El ministerio presentó ayer en Madrid el nuevo plan de trenes de cercanías."
NOT_ENGLISH = {"headline": "Ministerstvo predstavilo plan poyezdov", "brief": "Ministerstvo predstavilo plan."}
ENGLISH = {
    "headline": "Ministry unveils commuter rail plan",
    "brief": "The ministry presented a new rail plan in Madrid.",
}


def _model(summaries: list[dict[str, str]]) -> FakeModel:
    def respond(request: dict[str, Any]) -> dict[str, Any]:
        title = FakeModel.schema_title(request)
        if title == "SummaryAnswer":
            return summaries.pop(0) if len(summaries) > 1 else summaries[0]
        if title == "DemandAnswer":
            return {"is_demand": True, "actor": "Correos unions", "target": "Correos",
                    "demand": "Raise wages by 10 percent.", "category": "economic"}  # fmt: skip
        return {"is_meeting": False, "participants": [], "status": "happened"}

    return FakeModel(respond)


def _summary_requests(fake: FakeModel) -> int:
    return sum(FakeModel.schema_title(r) == "SummaryAnswer" for r in fake.requests)


def test_an_article_with_records_is_summarised_from_them_without_a_question() -> None:
    fake = _model([ENGLISH])
    result = extract_article(parse_article(ARTICLE, "es-post"), fake.client())
    summary = result.summary
    assert summary.casualties and summary.demands
    assert summary.headline == "Correos unions demand of Correos: Raise wages by 10 percent"
    assert summary.brief == (
        "Correos unions demand of Correos: Raise wages by 10 percent. "
        "3 civilians were killed and 15 were injured on 7 March 2024 (cause: road crash)."
    )
    assert _summary_requests(fake) == 0


def test_an_english_answer_is_kept() -> None:
    fake = _model([ENGLISH])
    summary = extract_article(parse_article(NO_RECORDS, "es-rail"), fake.client()).summary
    assert (summary.headline, summary.brief) == (ENGLISH["headline"], ENGLISH["brief"])
    assert _summary_requests(fake) == 1


def test_a_transliterated_answer_is_asked_again() -> None:
    fake = _model([NOT_ENGLISH, ENGLISH])
    summary = extract_article(parse_article(NO_RECORDS, "es-rail"), fake.client()).summary
    assert summary.headline == ENGLISH["headline"]
    assert _summary_requests(fake) == 2
    assert "not in English" in FakeModel.question(fake.requests[-1])


def test_still_not_english_is_replaced_by_plain_english() -> None:
    fake = _model([NOT_ENGLISH])
    result = extract_article(parse_article(NO_RECORDS, "es-rail"), fake.client())
    summary = result.summary
    assert summary.headline == "No meeting, demand or casualty figure found in an article published on 8 March 2024"
    assert summary.brief == "No meeting, demand or casualty figure was found in this article."
    assert any("not English" in w for w in result.stats.warnings)
