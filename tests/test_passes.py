"""The model's questions about one candidate: what each carries, and how the answer comes back."""

from __future__ import annotations

from typing import Any

from summarizer.extract.candidates import Candidate
from summarizer.extract.passes import DemandAnswer, MeetingAnswer, SummaryAnswer, ask_demand, ask_meeting, ask_summary
from summarizer.extract.sentences import Sentence
from summarizer.normalize.names import find_mentions
from summarizer.testing import FakeModel

CONTEXT = "Il presidente del Consiglio è arrivato a Bruxelles in mattinata."
NOT_A_MEETING = {"is_meeting": False, "participants": [], "status": "happened"}


def _candidate(text: str, context: str | None = CONTEXT) -> Candidate:
    sentence = Sentence(len(context or "") + 1, len(context or "") + 1 + len(text), text, 0, 1)
    ctx = Sentence(0, len(context), context, 0, 0) if context else None
    return Candidate(sentence, ctx, tuple(find_mentions(text)), tuple(find_mentions(context or "")))


def test_a_meeting_question_carries_the_sentence_the_date_and_the_names() -> None:
    fake = FakeModel().enqueue(NOT_A_MEETING)
    candidate = _candidate("Ha incontrato il primo ministro belga per un'ora.")
    answer, usage = ask_meeting(fake.client(), candidate, "2025-03-04", ["Alexander De Croo"])
    assert isinstance(answer, MeetingAnswer) and not answer.is_meeting
    question = FakeModel.question(fake.requests[-1])
    assert "Ha incontrato il primo ministro belga" in question
    assert CONTEXT in question  # fewer than two people named: the context resolves "he"
    assert "Alexander De Croo" in question and "2025-03-04" in question
    assert not usage.cached


def test_a_sentence_naming_both_sides_goes_without_context() -> None:
    fake = FakeModel().enqueue(NOT_A_MEETING)
    ask_meeting(fake.client(), _candidate("Emmanuel Macron met Olaf Scholz in Paris."), None)
    assert CONTEXT not in FakeModel.question(fake.requests[-1])


def test_a_demand_question_always_shows_its_context() -> None:
    answer_json = {"is_demand": True, "actor": "farmers", "target": "the government",
                   "demand": "Lower diesel taxes.", "category": "economic"}  # fmt: skip
    fake = FakeModel().enqueue(answer_json)
    answer, _ = ask_demand(fake.client(), _candidate("Gli agricoltori chiedono meno tasse sul gasolio."), None)
    assert isinstance(answer, DemandAnswer) and answer.category == "economic"
    assert CONTEXT in FakeModel.question(fake.requests[-1])


def test_the_summary_is_asked_again_insisting_on_english() -> None:
    replies: list[dict[str, Any]] = [{"headline": "Farmers protest", "brief": "Farmers protested in Brussels."}] * 2
    fake = FakeModel().enqueue(*replies)
    first, _ = ask_summary(fake.client(), "Gli agricoltori protestano a Bruxelles.", "2025-03-04")
    ask_summary(fake.client(), "Gli agricoltori protestano a Bruxelles.", "2025-03-04", insist=True)
    assert isinstance(first, SummaryAnswer) and first.headline == "Farmers protest"
    plain, insisting = (FakeModel.question(r) for r in fake.requests)
    assert "not in English" not in plain and "not in English" in insisting
