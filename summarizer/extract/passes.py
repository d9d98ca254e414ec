"""The small, constrained questions the model answers about one candidate sentence.

Each answer model is tiny, its lists bounded (``maxItems``) and its choices enums, so a
grammar-constrained server can only produce a short, valid answer.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal, Protocol, TypeVar

from pydantic import BaseModel, Field, model_validator

from ..llm.client import CallUsage
from ..records import DemandCategory
from .candidates import Candidate, names_both_sides
from .prompts import prompts

__all__ = ["Asker", "DemandAnswer", "MeetingAnswer", "SummaryAnswer", "ask_demand", "ask_meeting", "ask_summary"]

T = TypeVar("T", bound=BaseModel)


class Asker(Protocol):
    """What the passes need of a model client (``ModelClient`` and the fakes provide it)."""

    def ask(
        self, messages: list[dict[str, str]], response_model: type[T], *, max_tokens: int = ..., label: str = ...
    ) -> tuple[T, CallUsage]: ...


class _Verdict(BaseModel):
    """An answer that opens with a yes/no field (``verdict``); when it is false the other fields
    mean nothing, so a constrained server may end the answer there (``llm.client`` builds that
    grammar) and the rest take the ``negative`` values."""

    verdict: ClassVar[str]
    negative: ClassVar[dict[str, Any]]

    @model_validator(mode="before")
    @classmethod
    def _fill_negative(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get(cls.verdict) is False:
            return {**cls.negative, **data}
        return data


class MeetingAnswer(_Verdict):
    """Does the target sentence report one specific meeting, and of whom?"""

    verdict: ClassVar[str] = "is_meeting"
    negative: ClassVar[dict[str, Any]] = {"participants": [], "location": None, "status": "possible"}

    is_meeting: bool = Field(description="true if the target sentence reports one specific meeting, talk or call")
    participants: list[str] = Field(
        max_length=6,
        description="English names of the people or delegations who meet, first name first",
    )
    location: str | None = Field(
        default=None, max_length=60, description="English name of the city or place where they meet, or null"
    )
    status: Literal["happened", "planned", "possible", "cancelled"]


class DemandAnswer(_Verdict):
    """Does the target sentence report a demand, by whom, of whom, for what?"""

    verdict: ClassVar[str] = "is_demand"
    negative: ClassVar[dict[str, Any]] = {"actor": "", "target": None, "demand": "", "category": "other"}

    is_demand: bool = Field(description="true if someone demands, insists on, requires or opposes as a condition")
    actor: str = Field(description="who demands, in English")
    target: str | None = Field(description="of whom it is demanded, in English, or null")
    demand: str = Field(description="one short English sentence: what is demanded", max_length=240)
    category: DemandCategory


class SummaryAnswer(BaseModel):
    """An English headline and brief for the article."""

    headline: str = Field(description="English headline, at most 12 words", max_length=160)
    brief: str = Field(description="2 or 3 short English sentences", max_length=900)


def _question(
    candidate: Candidate, published: str | None, names: list[str] | None = None, *, always_context: bool = True
) -> dict[str, object]:
    # A sentence that names both sides needs no context: fewer tokens to read per question.
    show_context = candidate.context is not None and (always_context or not names_both_sides(candidate))
    return {
        "published": published,
        "context": candidate.context.text if show_context and candidate.context else None,
        "sentence": candidate.sentence.text,
        "names": names or [],
    }


def ask_meeting(
    client: Asker, candidate: Candidate, published: str | None, names: list[str] | None = None
) -> tuple[MeetingAnswer, CallUsage]:
    """Ask about one candidate sentence; ``names`` are the canonical names code found in it."""
    messages = prompts().messages("meeting", **_question(candidate, published, names, always_context=False))
    return client.ask(messages, MeetingAnswer, max_tokens=128, label="meeting")


def ask_demand(client: Asker, candidate: Candidate, published: str | None) -> tuple[DemandAnswer, CallUsage]:
    messages = prompts().messages("demand", **_question(candidate, published))
    return client.ask(messages, DemandAnswer, max_tokens=128, label="demand")


def ask_summary(
    client: Asker, lead: str, published: str | None, *, insist: bool = False, names: list[str] | None = None
) -> tuple[SummaryAnswer, CallUsage]:
    """Headline and brief; ``insist`` asks again, saying that the last answer was not English;
    ``names`` asks again, saying that the last answer named someone the article does not name
    and which names it does."""
    messages = prompts().messages("summary", lead=lead, published=published, insist=insist, names=names)
    return client.ask(messages, SummaryAnswer, max_tokens=200, label="summary")
