"""Code finds, the model judges: pick the sentences worth asking the model about.

Trigger words are multilingual stems (ru, uk, bg, en, de, pl, fr); they are deliberately
generous, because the model's judgement and the grounding checks remove false alarms, while
a sentence never picked here can never become a record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..normalize.names import Mention, find_mentions
from .safety import looks_like_injection
from .sentences import Sentence

__all__ = [
    "CASUALTY_TRIGGER",
    "Candidate",
    "reportable",
    "DEMAND_TRIGGER",
    "MEETING_TRIGGER",
    "casualty_candidates",
    "demand_candidates",
    "meeting_candidates",
]


def _stems(*stems: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(stems) + r")", re.IGNORECASE)


MEETING_TRIGGER = _stems(
    # ru
    r"встре[чт]", r"переговор", r"разговор", r"созвон", r"телефонн", r"визит", r"посет", r"поездк", r"саммит",
    r"прибы", r"провел[аи]? (?:беседу|консультац)", r"консультац", r"беседова", r"раунд", r"round of",
    # uk
    r"зустр", r"перемовин", r"переговор", r"розмов", r"візит", r"відвіда", r"поїздк", r"саміт", r"прибу", r"приїх",
    r"консультаці",
    # bg
    r"сре[щш]", r"преговор", r"разговаря", r"посещ", r"пътуван", r"визита", r"отпътува",
    # en, de, pl, fr
    r"meet", r"met\b", r"talks", r"call\b", r"called\b", r"phone", r"visit", r"summit", r"negotiat",
    r"treff", r"traf", r"gespräch", r"telefonat", r"besuch", r"gipfel", r"verhandl",
    r"spotka", r"rozmow", r"rozmawia", r"wizyt", r"szczyt", r"negocjac",
    r"rencontr", r"entretien", r"négociation", r"sommet", r"s'est entretenu",
)  # fmt: skip

DEMAND_TRIGGER = _stems(
    # ru
    r"требу", r"потребова", r"требовани", r"настаива", r"настоя(?:л|в|ть|ни)", r"призыва", r"призвал", r"выступа\w* против",
    r"против\w* (?:развертыван|размещен|вступлен)", r"добива", r"ультиматум", r"отвергае\w* (?:любые|все)",
    # uk
    r"вимага", r"вимог", r"наполяга", r"наполяг", r"закликає", r"закликал", r"виступа\w* проти", r"домага",
    # bg
    r"изисква", r"настоява", r"призова", r"призовава", r"противопоставя", r"се обявява против",
    # en, de, pl, fr
    r"demand", r"insist", r"call(?:s|ed)? for", r"urge", r"oppos", r"reject\w* anything", r"requir",
    r"forder", r"verlang", r"besteh\w* auf", r"żąda", r"domaga", r"wzywa", r"nalega",
    r"exige", r"réclame", r"insiste", r"appelle à",
)  # fmt: skip

CASUALTY_TRIGGER = _stems(
    r"погиб", r"убит", r"убил", r"жертв", r"ранен", r"ранени", r"пострада", r"загин", r"загибл", r"вбит", r"вбил",
    r"поранен", r"поранил", r"постражда", r"травм", r"загина", r"ранени", r"пострада",
    r"killed", r"dead", r"died", r"injur", r"wounded", r"casualt", r"getötet", r"tote", r"verletzt",
    r"zgin", r"zabit", r"rann", r"tués", r"morts", r"blessé",
)  # fmt: skip

# Words that make an aggregate ("met six times", "all meetings") rather than one meeting.
AGGREGATE = _stems(
    r"\w+ раз(?:а|ів)?\b",
    r"times\b",
    r"mal\b",
    r"razy\b",
    r"fois\b",
    r"пъти\b",
    r"хронолог",
    r"всех встреч",
    r"всіх зустрічей",
)

# Groups that take part in meetings without named members.
_DELEGATION_HINT = _stems(
    r"делегац",
    r"представител",
    r"представник",
    r"чиновник",
    r"посланник",
    r"посланц",
    r"пратени",
    r"delegation",
    r"officials",
    r"envoys",
    r"представители",
    r"лидер",
    r"лідер",
    r"leaders",
    r"союзник",
)


@dataclass(frozen=True)
class Candidate:
    """A sentence worth a question, with the sentence before it as context."""

    sentence: Sentence
    context: Sentence | None
    mentions: tuple[Mention, ...]
    context_mentions: tuple[Mention, ...]


def reportable(sentences: list[Sentence]) -> tuple[list[Sentence], set[int]]:
    """The sentences that may become records, renumbered, and the paragraphs left out.

    A paragraph with a sentence that addresses the model ("ignore previous instructions",
    a pasted JSON record) is left out whole: the article is data, never instructions, and
    the sentences around an injection are part of it.
    """
    tainted = {s.paragraph for s in sentences if looks_like_injection(s.text)}
    kept = [s for s in sentences if s.paragraph not in tainted]
    return [replace(s, index=i) for i, s in enumerate(kept)], tainted


def is_heading(sentence: Sentence, sentences: list[Sentence]) -> bool:
    """A section heading ("Peace talks: the latest"): a short paragraph of its own without
    final punctuation. It names a topic; the sentences under it report the facts."""
    alone = sum(1 for s in sentences if s.paragraph == sentence.paragraph) == 1
    return alone and len(sentence.text.split()) <= 8 and sentence.text[-1:] not in '.!?…"»”'


def _people(mentions: tuple[Mention, ...]) -> list[Mention]:
    return [m for m in mentions if m.kind in {"person", "group"}]


def _with_context(
    sentences: list[Sentence], i: int
) -> tuple[Sentence | None, tuple[Mention, ...], tuple[Mention, ...]]:
    sentence = sentences[i]
    context = sentences[i - 1] if i > 0 else None
    mentions = tuple(find_mentions(sentence.text))
    context_mentions = tuple(find_mentions(context.text)) if context is not None else ()
    return context, mentions, context_mentions


def meeting_candidates(sentences: list[Sentence]) -> list[Candidate]:
    """Sentences with a meeting word and someone to meet: a known person, a state or a group
    in the sentence, or a known person in the sentence before (a follow-up sentence)."""
    found = []
    for i, sentence in enumerate(sentences):
        if not MEETING_TRIGGER.search(sentence.text) or is_heading(sentence, sentences):
            continue
        context, mentions, context_mentions = _with_context(sentences, i)
        has_party = bool(_people(mentions)) or bool(_DELEGATION_HINT.search(sentence.text))
        has_party = has_party or any(m.kind in {"state", "place"} for m in mentions)
        earlier = tuple(find_mentions(sentences[i - 2].text)) if i > 1 else ()
        if not has_party and not _people(context_mentions) and not _people(earlier):
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
    """Sentences (or clauses, where a sentence joins several demands) with a demand word and a
    possible actor (a state, organisation or person). A clause's context is its whole sentence."""
    found = []
    for i, sentence in enumerate(sentences):
        if not DEMAND_TRIGGER.search(sentence.text):
            continue
        context, mentions, context_mentions = _with_context(sentences, i)
        if not mentions and not context_mentions:
            continue
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
        context, mentions, context_mentions = _with_context(sentences, i)
        found.append(Candidate(sentence, context, mentions, context_mentions))
    return found
