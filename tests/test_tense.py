"""Tense told by words: the clause around a date, and the verbs of a meeting."""

from __future__ import annotations

import pytest

from summarizer.normalize.tense import clause_tense, cue_tense, meeting_tense


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


@pytest.mark.parametrize(
    "sentence",
    [
        "По итогам встречи министры договорились продолжить контакты.",
        "За результатами зустрічі міністри домовилися про обмін полоненими.",
        "След срещата министрите заявиха, че разговорите са били полезни.",
        "After the meeting in Vienna, the minister said much work remained.",
        "Nach dem Treffen in Wien sagte die Ministerin, es gebe Fortschritte.",
        "Po spotkaniu w Wilnie minister powiedział, że rozmowy były owocne.",
        "À l'issue de la rencontre, la ministre a salué un dialogue franc.",
        "Tras la cita, ambos ministros se dirigieron a la prensa.",
        "Dopo l'incontro a Vienna, la ministra è rientrata a Roma.",
        "Após a reunião, os ministros falaram com a imprensa.",
        "Na afloop van het gesprek zei de minister dat er vooruitgang was.",
        "Görüşmenin ardından bakan açıklama yaptı.",
        "After talks in Oslo, the minister said much work remained.",
        "Μετά από συνάντηση με τον υπουργό, οι αγρότες αποφάσισαν να άρουν τα μπλόκα.",
        "Usai pertemuan dengan menteri, para nelayan membubarkan diri.",
        "وقال الوزير بعد اللقاء إن المحادثات كانت مثمرة.",
        "外相は会談後、記者団に「有意義だった」と語った。",
        "장관은 회담 후 기자들에게 진전이 있었다고 말했다.",
        "两国外长会谈后表示，双方同意加强合作。",
    ],
)
def test_what_came_after_a_meeting_puts_the_meeting_in_the_past(sentence: str) -> None:
    assert meeting_tense(sentence) == "past"


def test_what_comes_after_a_meeting_still_to_come_is_no_past() -> None:
    assert meeting_tense("Görüşmenin ardından bakan yarın Ankara'ya dönecek.") != "past"
    assert meeting_tense("After the meeting in Vienna, the minister will fly on to Rome.") != "past"


def test_the_russian_noun_for_a_meeting_tells_no_tense_its_verb_does() -> None:
    assert meeting_tense("Встреча глав МИД двух стран состоится в пятницу в Анкаре.") == "future"
    assert meeting_tense("Министр в среду встретится с профсоюзами.") == "future"
    assert meeting_tense("Министр встретился с профсоюзами в среду.") == "past"
    assert meeting_tense("Встреча глав МИД прошла в Анкаре.") == "past"


def test_cue_tense_reads_cue_words_not_slavic_past_endings() -> None:
    text = "Стив Роджерс в четверг встретится с шахтёрами в Кемерово, сообщил его помощник."
    start = text.index("встретится")
    assert cue_tense(text, start, start + 10) is None
    assert clause_tense(text, start, start + 10) == "past"  # the "-ив" of "Стив" reads as a past form
    dutch = "Het loon kwam ter sprake in het overleg met de bonden."
    assert cue_tense(dutch, dutch.index("overleg"), dutch.index("overleg") + 7) == "past"


def test_a_plan_is_no_future() -> None:
    text = "Officials met in Oslo on Sunday to discuss a plan for the harbour."
    i = text.index("Sunday")
    assert clause_tense(text, i, i + 6) == "past"
    text = "Officials plan to meet in Oslo on Sunday."
    i = text.index("Sunday")
    assert clause_tense(text, i, i + 6) == "future"


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks between the two ministries began in Oslo.",
        "Die Gespräche zwischen den Ministerien haben in Oslo begonnen.",
        "Las conversaciones entre ambos ministerios se reanudaron en Oslo.",
        "Les discussions entre les deux ministères ont repris à Oslo.",
        "I colloqui tra i due ministeri sono ripresi a Oslo.",
        "As conversas entre os ministérios começaram em Oslo.",
        "Переговоры министерств начались в Осло.",
        "Переговори міністерств розпочалися в Осло.",
        "Rozmowy ministerstw rozpoczęły się w Oslo.",
        "De gesprekken tussen de ministeries zijn in Oslo begonnen.",
        "Bakanlıklar arasındaki görüşmeler Oslo'da başladı.",
        "Разговорите между министерствата започнаха в Осло.",
        "두 장관은 오슬로에서 만나 두 시간 동안 대화를 나눴다.",
    ],
)
def test_talks_that_began_or_resumed_have_happened(sentence: str) -> None:
    assert meeting_tense(sentence) == "past"


def test_a_korean_past_ending_tells_the_past() -> None:
    text = "장관은 어제 오슬로에서 기자들과 만나 이야기를 나눴다."
    i = text.index("어제")
    assert clause_tense(text, i, i + 2) == "past"
