"""Candidates in a language without a lexicon: the model triages the sentences itself.

Trigger words exist for the languages in ``summarizer/lexicon``; for any other language no
sentence would ever become a candidate, so the model is asked one short, constrained question
per sentence (three booleans) instead, and casualty counts come from a second question whose
numbers must be written in the sentence. Slower, but no language yields nothing.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from ..errors import ExtractionError
from ..llm.client import CallUsage
from ..normalize.numbers import find_counts
from .candidates import Candidate, is_heading, with_context
from .passes import Asker
from .prompts import prompts
from .result import ExtractionStats
from .sentences import Sentence

__all__ = ["CasualtyAnswer", "TriageAnswer", "ask_casualty", "triaged_candidates"]


class TriageAnswer(BaseModel):
    """Which kinds of fact does the target sentence report?"""

    meeting: bool = Field(description="a specific meeting, talk or call between named parties")
    demand: bool = Field(description="a party demands, insists on or calls for something")
    casualty: bool = Field(description="a number of people killed or injured")


class CasualtyAnswer(BaseModel):
    """How many people does the target sentence say were killed and injured?"""

    killed: int | None = Field(ge=0, description="people killed, as written in the sentence, or null")
    injured: int | None = Field(ge=0, description="people injured, as written in the sentence, or null")


def triaged_candidates(
    sentences: list[Sentence], client: Asker, stats: ExtractionStats, record: object
) -> dict[str, list[Candidate]]:
    """Ask about every sentence that is not a heading; return the candidates per record type.

    ``record`` is called with each answer's ``CallUsage`` (the pipeline's usage bookkeeping). A
    sentence whose question fails is skipped and noted in ``stats``.
    """
    found: dict[str, list[Candidate]] = {"meetings": [], "demands": [], "casualties": []}
    for i, sentence in enumerate(sentences):
        if is_heading(sentence, sentences):
            continue
        messages = prompts().messages("triage", sentence=sentence.text)
        try:
            answer, usage = client.ask(messages, TriageAnswer, max_tokens=32, label="triage")
        except ExtractionError as exc:
            stats.warnings.append(f"triage skipped a sentence: {exc}")
            continue
        record(usage)  # type: ignore[operator]
        context, mentions, context_mentions = with_context(sentences, i)
        candidate = Candidate(sentence, context, mentions, context_mentions)
        for kind, flagged in (("meetings", answer.meeting), ("demands", answer.demand), ("casualties", answer.casualty)):
            if flagged:
                found[kind].append(candidate)
    return found


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
