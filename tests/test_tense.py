"""Tense told by words: the clause around a date, and the verbs of a meeting."""

from __future__ import annotations

from summarizer.normalize.tense import clause_tense, meeting_tense


def test_meeting_verbs() -> None:
    assert meeting_tense("Les ministres se sont rencontrés à Rabat.") == "past"
    assert meeting_tense("Die Minister werden sich in Rabat treffen.") == "future"
    assert meeting_tense("Spotkanie odbyło się wczoraj, a następne będzie w maju.") is None  # both: undecided


def test_clause_around_a_date() -> None:
    text = "Міністри зустрілися в четвер. Наступна зустріч буде в понеділок."
    assert clause_tense(text, text.index("четвер"), text.index("четвер") + 6) == "past"
    assert clause_tense(text, text.index("понеділок"), len(text) - 1) == "future"


def test_a_ukrainian_synthetic_future_is_no_past_meeting() -> None:
    # "обговорюватимуть" (they will discuss) starts like the past "обговорювали".
    assert meeting_tense("На переговорах обговорюватимуть результати зустрічі у Варшаві.") == "future"
    assert meeting_tense("Сторони обговорюватимуть це питання у Варшаві.") == "future"
    assert meeting_tense("Сторони обговорювали це питання у Варшаві.") == "past"
