"""Candidates in a language without a lexicon: the model triages the sentences itself.

Trigger words exist for the languages in ``summarizer/lexicon``; for any other language no
sentence would ever become a candidate, so the model is asked one short, constrained question
per sentence (three booleans) instead, and casualty counts come from a second question whose
numbers must be written in the sentence. Slower, but no language yields nothing.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from ..llm.client import CallUsage
from ..normalize.numbers import find_counts
from .candidates import Candidate
from .passes import Asker
from .prompts import prompts
from .sentences import Sentence

__all__ = ["CasualtyAnswer", "TriageAnswer", "ask_casualty", "ask_triage"]


class TriageAnswer(BaseModel):
    """Which kinds of fact does the target sentence report?"""

    meeting: bool = Field(description="a specific meeting, talk or call between named parties")
    demand: bool = Field(description="a party demands, insists on or calls for something")
    casualty: bool = Field(description="a number of people killed or injured")


class CasualtyAnswer(BaseModel):
    """How many people does the target sentence say were killed and injured?"""

    killed: int | None = Field(ge=0, description="people killed, as written in the sentence, or null")
    injured: int | None = Field(ge=0, description="people injured, as written in the sentence, or null")


def ask_triage(client: Asker, sentence: Sentence) -> tuple[TriageAnswer, CallUsage]:
    """Which kinds of fact one sentence reports (three booleans: a few generated tokens)."""
    messages = prompts().messages("triage", sentence=sentence.text)
    return client.ask(messages, TriageAnswer, max_tokens=32, label="triage")


def ask_casualty(client: Asker, candidate: Candidate, language: str) -> tuple[dict[str, int | None], CallUsage]:
    """Killed and injured in the candidate sentence, by the model, kept only where the number is
    written in the sentence (as a numeral, or a number word of ``language``)."""
    messages = prompts().messages("casualty", sentence=candidate.sentence.text)
    answer, usage = client.ask(messages, CasualtyAnswer, max_tokens=32, label="casualty")
    written = {count.value for count in find_counts(candidate.sentence.text, language)}
    counts = {
        "killed": answer.killed if answer.killed in written else None,
        "injured": answer.injured if answer.injured in written else None,
    }
    return counts, usage
