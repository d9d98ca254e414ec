"""Tense, told by words: two questions, two sets of words, kept together here.

* ``clause_tense``: is the clause around a date past or future? Any verb counts: the Slavic
  "-л" past forms, and the ``past``/``future`` cues of every language's lexicon file. The date
  resolver uses it to choose a year or a weekday.
* ``meeting_tense``: do the verbs of meeting ("met", "will meet": the lexicon's ``meeting_past``
  and ``meeting_future``) put the meeting itself in the past or the future? Verbs of saying do
  not count, since they report any tense. The meeting status uses it.
"""

from __future__ import annotations

import re

from ..lexicon import pattern

__all__ = ["clause_tense", "clauses", "cue_tense", "meeting_tense"]


_REPORTING = re.compile(
    r"^(?:сообщ|заяв|сказ|отмет|рассказ|написа|подчерк|добав|поясн|уточн|призна|говор|напомн|информир|передал"
    r"|повідом|зазнач|наголос|додав|розповів|підтверд|пиш|съобщ|каза|посочи|предаде|потвърд|информира)",
    re.IGNORECASE,
)
_NOT_PAST = {
    "около", "мало", "дело", "тело", "село", "число", "сила", "сили", "силу", "генерал", "материал", "канал",
    "финал", "капитал", "сигнал", "идеал", "арсенал", "персонал", "журнал", "начало", "пол", "стол", "посол",
    "или", "если", "школа", "весело", "мила", "діла", "тіла", "села", "стала", "дали", "сало", "шала", "ала",
    "вела", "скала", "зала", "хвала", "цели", "мели", "ели", "али", "поли", "воли", "роли", "долі", "волі",
}  # fmt: skip
_PAST_SLAVIC = re.compile(
    r"(?<!\w)(\w+(?:[аеёиоуыяіїъ]л(?:ся|а|ась|ася|и|ись|ися|о|ось|ося)?|ав|ив|ув|їв|вся))(?!\w)", re.IGNORECASE
)
# Tense cues of the languages whose past is not told by the Slavic "-л" forms above: lexicon data.
_PAST_OTHER = pattern("past", whole_words=True)
_FUTURE = pattern("future", whole_words=True)
_CLAUSE_BREAK = re.compile(
    r"[.!?;\n«»\"“”„]|\s[-–—]\s|,\s*(?:что|що|че|that|dass|że|que|как|як|но|але|но|but|aber|ale|mais)(?!\w)",
    re.IGNORECASE,
)


def clauses(text: str) -> list[str]:
    """``text`` cut at its clause breaks (punctuation, quotes, dashes, ", that", ", but")."""
    return [part for part in _CLAUSE_BREAK.split(text) if part and part.strip()]


def _clause(text: str, start: int, end: int) -> str:
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    right_m = _CLAUSE_BREAK.search(text, end)
    right = right_m.start() if right_m else len(text)
    return text[left:start] + " " + text[end:right]


def cue_tense(text: str, start: int, end: int) -> str | None:
    """'future' or 'past' where the clause around ``text[start:end]`` has a tense cue word of the
    lexicons (``future``, ``past``: "will", "kwamen", "war"); else None. Unlike ``clause_tense``
    it does not read the Slavic past endings, which names also have ("Стив" reads as a past
    form in "Стив Уиткофф в четверг встретится с Путиным")."""
    return _cued(_clause(text, start, end))


def _cued(clause: str) -> str | None:
    if _FUTURE.search(clause):
        return "future"
    if _PAST_OTHER.search(clause):
        return "past"
    return None


def clause_tense(text: str, start: int, end: int) -> str | None:
    """'future', 'past' or None for the clause around ``text[start:end]``."""
    clause = _clause(text, start, end)
    cued = _cued(clause)
    if cued is not None:
        return cued
    for m in _PAST_SLAVIC.finditer(clause):
        word = m.group(1).lower()
        if len(word) >= 3 and word not in _NOT_PAST and not _REPORTING.match(word):
            return "past"
    return None


# The verbs news uses for meetings (not verbs of saying, which report any tense), per language:
# the lexicon files' ``meeting_past`` and ``meeting_future``.
_MEETING_PAST = pattern("meeting_past")
_MEETING_AFTER = pattern("meeting_after")
_MEETING_FUTURE = pattern("meeting_future")


def meeting_tense(text: str) -> str | None:
    """ "past" or "future" when the meeting verbs say so unambiguously; else ``None``. What came
    after a meeting ("after the talks", "по итогам встречи": the lexicon's ``meeting_after``)
    puts it in the past unless the sentence speaks of the future ("after the talks he will fly
    on to Istanbul")."""
    after = bool(_MEETING_AFTER.search(text)) and not _FUTURE.search(text)
    past, future = bool(_MEETING_PAST.search(text)) or after, bool(_MEETING_FUTURE.search(text))
    if past and not future:
        return "past"
    if future and not past:
        return "future"
    return None
