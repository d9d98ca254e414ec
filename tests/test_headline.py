"""Headline and brief: English, and naming no one the article does not support."""

from __future__ import annotations

from typing import Any

from summarizer.articles import parse_article
from summarizer.extract.headline import headline_brief, supported_names, unsupported_names
from summarizer.extract.prompts import prompts
from summarizer.extract.result import ExtractionStats
from summarizer.records import Casualty, Demand, MeetingEvent
from summarizer.testing import FakeModel

SPANISH = parse_article(
    " date 2019-01-18 Un carro bomba explotó en la escuela de cadetes General Santander en Bogotá. "
    "El presidente Iván Duque condenó el ataque.",
    "bogota",
)
UKRAINIAN = parse_article(
    " date 2025-01-02 Президент Володимир Зеленський зустрівся з Віткоффом у Києві. Переговори тривали три години.",
    "kyiv",
)


def test_names_the_article_does_not_support_are_found() -> None:
    known = supported_names(SPANISH, [])
    assert unsupported_names("President Gustavo Petro condemned the attack in Bogota.", SPANISH, known) == [
        "President Gustavo Petro"
    ]
    # Spelt without the accents, or as the alias table knows them, names are supported.
    assert unsupported_names("President Ivan Duque condemned the bombing in Bogota.", SPANISH, known) == []
    known = supported_names(UKRAINIAN, [])
    assert unsupported_names("Zelensky met Joe Biden in Kyiv.", UKRAINIAN, known) == ["Joe Biden"]
    assert unsupported_names("Volodymyr Zelensky met Steve Vitkoff in Kyiv.", UKRAINIAN, known) == []
    # Title case says nothing about names.
    assert unsupported_names("Police Academy Bombing In Bogota Kills 21", SPANISH, known) == []
    # In a script English cannot be compared with, only names the alias table knows are judged:
    # one the article does not mention is invented ("Kazakhstan" retold from a prompt example).
    chinese = parse_article(" date 2025-07-29 泰国和柬埔寨领导人举行会谈。", "zh")
    known = supported_names(chinese, [])
    assert unsupported_names("Thai leader Anna Smith met Hun Manet.", chinese, known) == ["Hun Manet"]
    assert unsupported_names("Kazakhstan Raises Minimum Pension", chinese, known) == ["Kazakhstan"]
    named = parse_article(" date 2025-07-29 柬埔寨首相洪玛奈与泰国代总理普坦举行会谈。", "zh")
    assert unsupported_names("Thai leader Anna Smith met Hun Manet.", named, supported_names(named, [])) == []


def _summaries(*answers: dict[str, str]) -> FakeModel:
    return FakeModel().enqueue(*answers)


def test_an_invented_name_is_asked_again_with_the_names_the_article_gives() -> None:
    fake = _summaries(
        {"headline": "Zelensky meets Joe Biden", "brief": "Zelensky met Joe Biden in Kyiv for three hours."},
        {"headline": "Zelensky meets Witkoff in Kyiv", "brief": "Zelensky met Steve Witkoff in Kyiv for three hours."},
    )
    stats = ExtractionStats()
    headline, brief = headline_brief(UKRAINIAN, UKRAINIAN.body, fake.client(), stats, [])
    assert headline == "Zelensky meets Witkoff in Kyiv"
    retry = FakeModel.question(fake.requests[-1])
    assert "does not name" in retry and "Steve Witkoff" in retry
    assert any("Joe Biden" in warning for warning in stats.warnings)


def test_a_name_invented_twice_leaves_what_is_clean() -> None:
    invented: dict[str, Any] = {"headline": "Zelensky meets Joe Biden", "brief": "The talks lasted three hours."}
    stats = ExtractionStats()
    headline, brief = headline_brief(UKRAINIAN, UKRAINIAN.body, _summaries(invented, invented).client(), stats, [])
    assert headline == "No meeting, demand or casualty figure found in an article published on 2 January 2025"
    assert brief == "The talks lasted three hours."
    assert any("headline replaced" in w for w in stats.warnings)


def test_records_give_headline_and_brief_and_their_invented_names_are_left_out() -> None:
    meeting = MeetingEvent.model_validate(
        {"participants": ["Volodymyr Zelensky", "Steve Witkoff"], "date": "2025-01-02", "location": "Kyiv",
         "status": "happened", "format": "in_person", "outcome": "Joe Biden sent a letter.",
         "evidence": [{"quote": UKRAINIAN.text[16:60], "start": 16, "end": 60}]}
    )  # fmt: skip
    fake = _summaries({"headline": "Zelensky meets Joe Biden", "brief": "The talks lasted three hours."})
    headline, brief = headline_brief(UKRAINIAN, UKRAINIAN.body, fake.client(), ExtractionStats(), [meeting])
    assert headline == "Volodymyr Zelensky and Steve Witkoff hold a meeting in Kyiv"
    assert brief == (
        "A meeting between Volodymyr Zelensky and Steve Witkoff took place in Kyiv on 2 January 2025. "
        "The article was published on 2 January 2025."
    )
    assert not fake.requests  # nothing asked


def test_records_whose_sentences_all_name_the_unsupported_never_get_a_false_brief() -> None:
    demand = Demand.model_validate(
        {"actor": "Volodymyr Zelensky", "demand": "Joe Biden must resign.", "category": "political",
         "evidence": [{"quote": UKRAINIAN.text[16:60], "start": 16, "end": 60}]}
    )  # fmt: skip
    never_english = {"headline": "Зеленський", "brief": "Зустріч"}
    fake = _summaries(never_english, never_english)
    headline, brief = headline_brief(UKRAINIAN, UKRAINIAN.body, fake.client(), ExtractionStats(), [demand])
    assert "Biden" not in headline + brief
    assert brief == "The article reports 1 record: meetings, demands or casualty figures."


def test_a_composed_headline_that_does_not_read_as_english_gives_way_to_the_next() -> None:
    article = parse_article(
        " date 2024-03-05 Профсоюз требует повысить зарплаты. При пожаре на складе погибли 4 человека.", "sklad"
    )
    demand = Demand.model_validate(
        {"actor": "Profsoyuz", "demand": "Povysit zarplaty rabochim sklada.", "category": "economic",
         "evidence": [{"quote": article.text[16:50], "start": 16, "end": 50}]}
    )  # fmt: skip
    casualty = Casualty.model_validate(
        {"killed": 4, "qualifier": "exact", "victims": "civilians", "cause": "Fire", "location": None,
         "evidence": [{"quote": article.text[51:], "start": 51, "end": len(article.text)}]}
    )  # fmt: skip
    headline, _ = headline_brief(article, article.body, FakeModel().client(), ExtractionStats(), [demand, casualty])
    assert "Profsoyuz" not in headline and "4" in headline
    # With no English candidate, the first clean one stands.
    headline, _ = headline_brief(article, article.body, FakeModel().client(), ExtractionStats(), [demand])
    assert headline.startswith("Profsoyuz")


def test_a_summary_that_retells_the_prompts_example_is_not_kept() -> None:
    example = prompts().examples("summary")[0]["answer"]
    fake = _summaries(dict(example), dict(example))
    article = parse_article(" date 2025-05-06 刚果政府与M23叛军在多哈恢复和谈。", "zh")
    headline, brief = headline_brief(article, article.body, fake.client(), ExtractionStats(), [])
    assert headline != example["headline"] and brief != example["brief"]


def test_a_headline_in_the_articles_language_is_asked_again_however_english_the_brief() -> None:
    polish = parse_article(
        " date 2024-11-19 Pielęgniarki protestują przed KPRM\n\nSetki pielęgniarek protestowały we wtorek w Warszawie.",
        "nurses",
    )
    fake = _summaries(
        {"headline": "Pielęgniarki protestują przed KPRM",
         "brief": "Hundreds of nurses protested in Warsaw on Tuesday outside the prime minister's office."},
        {"headline": "Nurses protest in Warsaw",
         "brief": "Hundreds of nurses protested in Warsaw on Tuesday outside the prime minister's office."},
    )  # fmt: skip
    headline, _ = headline_brief(polish, polish.body, fake.client(), ExtractionStats(), [], "pl")
    assert headline == "Nurses protest in Warsaw"
    assert "was not in English" in FakeModel.question(fake.requests[-1])  # asked again, insisting
