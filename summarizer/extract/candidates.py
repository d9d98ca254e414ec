"""Code finds, the model judges: pick the sentences worth asking the model about.

Trigger words are per-language data (``summarizer/lexicon/<code>.json``); they are deliberately
generous, because the model's judgement and the grounding checks remove false alarms, while
a sentence never picked here can never become a record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..articles import Article
from ..lexicon import pattern
from ..normalize.names import Mention, find_mentions
from .safety import looks_like_injection
from .sentences import CASELESS_SCRIPTS, Sentence

__all__ = [
    "CASUALTY_TRIGGER",
    "Candidate",
    "reportable",
    "DEMAND_TRIGGER",
    "LEAD_SENTENCES",
    "MEETING_TRIGGER",
    "casualty_candidates",
    "contexts_before",
    "demand_candidates",
    "is_heading",
    "is_title",
    "meeting_candidates",
    "names_both_sides",
    "sentence_people",
]


MEETING_TRIGGER = pattern("meeting")
DEMAND_TRIGGER = pattern("demand")
CASUALTY_TRIGGER = pattern("casualty", "killed", "injured")
# Groups that take part in meetings without named members.
_DELEGATION_HINT = pattern("delegation")
# Scripts without capital letters: any sentence in them may name someone.
_CASELESS = re.compile(f"[{CASELESS_SCRIPTS}]")


@dataclass(frozen=True)
class Candidate:
    """A sentence worth a question, with the sentence before it as context."""

    sentence: Sentence
    context: Sentence | None
    mentions: tuple[Mention, ...]
    context_mentions: tuple[Mention, ...]


def contexts_before(candidates: list[Candidate]) -> dict[int, str]:
    """The text of the sentence before each candidate that has one, by the candidate sentence's
    start: where a record's first quote begins, the scene the text had set just before it."""
    return {c.sentence.start: c.context.text for c in candidates if c.context is not None}


def reportable(sentences: list[Sentence]) -> tuple[list[Sentence], set[int]]:
    """The sentences that may become records, renumbered, and the paragraphs left out.

    A paragraph with a sentence that addresses the model ("ignore previous instructions",
    a pasted JSON record) is left out whole: the article is data, never instructions, and
    the sentences around an injection are part of it.
    """
    tainted = {s.paragraph for s in sentences if looks_like_injection(s.text)}
    kept = [s for s in sentences if s.paragraph not in tainted]
    return [replace(s, index=i) for i, s in enumerate(kept)], tainted


# What ends a sentence; a heading or a title has none of it.
_FINAL_STOP = '.!?…"»”。！？」』）)؟'


def is_heading(sentence: Sentence, sentences: list[Sentence]) -> bool:
    """A section heading ("Peace talks: the latest"): a short paragraph of its own without
    final punctuation. It names a topic; the sentences under it report the facts."""
    alone = sum(1 for s in sentences if s.paragraph == sentence.paragraph) == 1
    short = len(sentence.text) <= 30 if _CASELESS.search(sentence.text) else len(sentence.text.split()) <= 8
    return alone and short and sentence.text[-1:] not in _FINAL_STOP


LEAD_SENTENCES = 3
"""How many of an article's first sentences, its title among them, make its lead: where it
tells its main incident and the day of its story."""


def is_title(article: Article, start: int, end: int) -> bool:
    """Whether ``article.text[start:end]`` is the article's title: its first line, a paragraph of
    its own with more text after it, without final punctuation. A title restates the body."""
    text = article.text
    first = not text[article.body_start : start].strip()
    alone = text[end : end + 1] == "\n" and bool(text[end:].strip())
    return first and alone and text[start:end][-1:] not in _FINAL_STOP


def sentence_people(candidate: Candidate) -> set[str]:
    """The people and groups the candidate's sentence itself names."""
    return {m.name for m in candidate.mentions if m.kind in {"person", "group"}}


def names_both_sides(candidate: Candidate) -> bool:
    """Whether the sentence names two or more people or groups itself: the sides of a meeting,
    told without its context (which the meeting question then leaves out, ``passes._question``)."""
    return len(sentence_people(candidate)) >= 2


def _people(mentions: tuple[Mention, ...]) -> list[Mention]:
    return [m for m in mentions if m.kind in {"person", "group"}]


def with_context(
    sentences: list[Sentence], i: int
) -> tuple[Sentence | None, tuple[Mention, ...], tuple[Mention, ...]]:
    sentence = sentences[i]
    context = sentences[i - 1] if i > 0 else None
    mentions = tuple(find_mentions(sentence.text))
    context_mentions = tuple(find_mentions(context.text)) if context is not None else ()
    return context, mentions, context_mentions


# A capitalised word after the first one: a name the alias table may not know ("Sophie Wilmès", "FNV").
_CAPITALISED = re.compile(r"(?<=[\s(«\"„“'‘])[^\W\d_a-zà-ÿа-яёіїєґα-ωά-ώ]\w")


def names_someone(text: str) -> bool:
    """Whether ``text`` may name a person or organisation the alias table does not know: a
    capitalised word other than the first, or any text in a script without capitals."""
    return bool(_CASELESS.search(text) or _CAPITALISED.search(text))


def meeting_candidates(sentences: list[Sentence]) -> list[Candidate]:
    """Sentences with a meeting word and someone to meet: a known person, a state or a group
    in the sentence, a name the table does not know, or a known person in the sentence
    before (a follow-up sentence)."""
    found = []
    for i, sentence in enumerate(sentences):
        if not MEETING_TRIGGER.search(sentence.text) or is_heading(sentence, sentences):
            continue
        context, mentions, context_mentions = with_context(sentences, i)
        has_party = bool(_people(mentions)) or bool(_DELEGATION_HINT.search(sentence.text))
        has_party = has_party or any(m.kind in {"state", "place"} for m in mentions) or names_someone(sentence.text)
        earlier = tuple(find_mentions(sentences[i - 2].text)) if i > 1 else ()
        follow_up = bool(_people(context_mentions)) or (context is not None and names_someone(context.text))
        if not has_party and not follow_up and not _people(earlier):
            continue
        found.append(Candidate(sentence, context, mentions, context_mentions))
    return found


# Where one sentence joins two demands: ", а США наполягали", "... и требует ...".
_CLAUSE_BREAK = re.compile(
    r"(?:[,;:]\s+(?:а|але|но|однако|тогда как|докато|while|whereas|but)\s+|;\s+|\s+(?:и|і|та|и|and|und|i)\s+"
    r"(?=(?:\w+\s+){0,2}?(?:требу|вимага|изисква|настаива|наполяга|настоява|demand|insist|fordert|exige|żąda)))",
    re.IGNORECASE,
)


def _demand_clauses(sentence: Sentence) -> list[Sentence]:
    """The sentence itself, or its clauses when more than one of them states a demand."""
    cuts = [0]
    for match in _CLAUSE_BREAK.finditer(sentence.text):
        cuts.append(match.start())
        cuts.append(match.end())
    cuts.append(len(sentence.text))
    clauses = []
    for a, b in zip(cuts[0::2], cuts[1::2], strict=True):
        text = sentence.text[a:b].strip(" ,;:")
        if not text:
            continue
        offset = sentence.text.index(text, a)
        clauses.append(
            replace(sentence, start=sentence.start + offset, end=sentence.start + offset + len(text), text=text)
        )
    with_demand = [c for c in clauses if DEMAND_TRIGGER.search(c.text)]
    return with_demand if len(with_demand) > 1 else [sentence]


def demand_candidates(sentences: list[Sentence]) -> list[Candidate]:
    """Sentences (or clauses, where a sentence joins several demands) with a demand word. The
    actor may be anyone ("the protesters", a union the alias table does not know), so no known
    name is required. A clause's context is its whole sentence."""
    found = []
    for i, sentence in enumerate(sentences):
        if not DEMAND_TRIGGER.search(sentence.text) or is_heading(sentence, sentences):
            continue
        context, mentions, context_mentions = with_context(sentences, i)
        clauses = _demand_clauses(sentence)
        if len(clauses) == 1:
            found.append(Candidate(sentence, context, mentions, context_mentions))
            continue
        for clause in clauses:
            found.append(Candidate(clause, sentence, tuple(find_mentions(clause.text)), mentions))
    return found


def casualty_candidates(sentences: list[Sentence]) -> list[Candidate]:
    """Sentences with a killed/injured word and a number."""
    found = []
    for i, sentence in enumerate(sentences):
        if not CASUALTY_TRIGGER.search(sentence.text):
            continue
        context, mentions, context_mentions = with_context(sentences, i)
        found.append(Candidate(sentence, context, mentions, context_mentions))
    return found
