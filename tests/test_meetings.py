"""Meeting records assembled from the model's answers, on an article written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer.articles import parse_article
from summarizer.extract.candidates import Candidate, meeting_candidates, reportable, with_context
from summarizer.extract.meetings import find_meetings, meeting_place
from summarizer.extract.participants import (
    names_nobody,
    parties_between,
    resolve_participants,
    spelt_in,
    talk_sides,
)
from summarizer.extract.result import ExtractionStats
from summarizer.extract.sentences import split_sentences
from summarizer.records import MeetingEvent
from summarizer.testing import FakeModel

ARTICLE = (
    " date 2025-06-12 Emmanuel Macron met Olaf Scholz in Berlin on Tuesday. "
    "The talks lasted two hours and were described as constructive.\n\n"
    "Macron will meet Keir Starmer in London on 20 June.\n\n"
    "Зеленський зустрівся з Ердоганом у Стамбулі 10 червня."
)

MODEL_SAYS: dict[str, dict[str, Any]] = {
    # The model is unsure of the tense: the wording and the date decide.
    "Olaf Scholz": {"participants": ["Emmanuel Macron", "Olaf Scholz"], "status": "planned"},
    "Keir Starmer": {
        "participants": ["Emmanuel Macron", "Keir Starmer", "Invented Adviser"],
        "status": "happened",
    },  # fmt: skip
    "Ердоганом": {"participants": ["Volodymyr Zelensky", "Erdogan"], "status": "happened"},
}


def responder(request: dict[str, Any]) -> dict[str, Any]:
    sentence = FakeModel.question(request).split("Target sentence:", 1)[-1].split("\n", 1)[0]
    for key, answer in MODEL_SAYS.items():
        if key in sentence:
            return {"is_meeting": True, **answer}
    return {"is_meeting": False, "participants": [], "status": "happened"}


def _meetings() -> tuple[list[MeetingEvent], ExtractionStats]:
    article = parse_article(ARTICLE, "summit")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    stats = ExtractionStats()
    found = find_meetings(article, sentences, meeting_candidates(sentences), FakeModel(responder).client(), stats, "en")
    return found, stats


def test_each_meeting_is_one_record_with_its_date_place_and_status() -> None:
    meetings, stats = _meetings()
    by_date = {m.date: m for m in meetings}
    assert len(meetings) == 3 and set(by_date) == {"2025-06-10", "2025-06-20"}
    berlin = next(m for m in meetings if m.location == "Berlin")
    assert berlin.participants == ["Emmanuel Macron", "Olaf Scholz"]
    assert berlin.status == "happened"  # "met", and Tuesday lies before publication
    london = next(m for m in meetings if m.location == "London")
    assert london.status == "planned" and london.date == "2025-06-20"  # "will meet", after publication
    assert stats.calls >= 3


def test_a_follow_up_sentence_adds_duration_and_outcome_to_its_meeting() -> None:
    berlin = next(m for m in _meetings()[0] if m.location == "Berlin")
    assert berlin.duration_hours == 2.0
    assert berlin.outcome == "The talks were described as constructive."
    assert len(berlin.evidence) == 2  # the meeting's sentence and the follow-up


def test_an_invented_name_is_dropped_and_a_ukrainian_sentence_resolves() -> None:
    meetings = _meetings()[0]
    london = next(m for m in meetings if m.location == "London")
    assert "Invented Adviser" not in london.participants
    istanbul = next(m for m in meetings if m.location == "Istanbul")
    assert istanbul.participants == ["Volodymyr Zelensky", "Recep Tayyip Erdogan"]
    assert istanbul.date == "2025-06-10" and istanbul.status == "happened"


def test_every_quote_is_the_articles_own_text() -> None:
    article = parse_article(ARTICLE, "summit")
    for meeting in _meetings()[0]:
        for e in meeting.evidence:
            assert article.text[e.start : e.end] == e.quote


def _window(text: str) -> Candidate:
    sentences = split_sentences(text)
    return Candidate(sentences[-1], *with_context(sentences, len(sentences) - 1))


def test_the_meeting_place_is_the_models_english_name_where_the_sentence_writes_it() -> None:
    dutch = _window("In het Catshuis in Den Haag heeft premier Jan de Vries zijn Deense collega ontvangen.")
    assert meeting_place("The Hague", dutch) == "The Hague"
    portuguese = _window("Recife – Os presidentes Ana Souza e Luis Pardo se reuniram em Brasília.")
    assert meeting_place("Brasilia", portuguese) == "Brasília"  # spelt as the sentence spells it
    assert meeting_place("Geneva", portuguese) == "Brasília"  # the table finds the sentence's own place
    unnamed = _window("Recife – Os presidentes Ana Souza e Luis Pardo se reuniram na capital.")
    assert meeting_place("Geneva", unnamed) is None  # written nowhere: invented
    ukrainian = _window("Прем'єр зустрівся з колегою у Києві.")
    assert meeting_place("Kiev", ukrainian) == "Kyiv"  # the table's canonical name
    assert meeting_place(None, ukrainian) == "Kyiv"  # the table finds it without the model
    dateline = _window("Lima – Os presidentes Ana Souza e Luis Pardo se reuniram em Brasília.")
    assert meeting_place(None, dateline) == "Brasília"  # the dateline says where it was written
    american = _window("Die Delegationen trafen sich in Washington.")
    assert meeting_place("Washington D.C.", american) == "Washington"
    chinese = _window("两国领导人在布城举行会谈。")
    assert meeting_place("Putrajaya", chinese) == "Putrajaya"  # a script English cannot be compared with


def test_in_a_script_english_cannot_be_checked_against_a_known_place_must_be_the_sentences_own() -> None:
    # The sentence names 慶州 (unknown to the table) and 中国 only as Xi's country.
    japanese = _window("慶州を訪問中の首相は５日、中国の習近平国家主席と会談した。")
    assert meeting_place("Kunshan, Japan", japanese) is None
    assert meeting_place("Gyeongju", japanese) == "Gyeongju"  # unknown to the table: it stands
    assert meeting_place(None, _window("ソウルを訪問中の首相は５日、習近平国家主席と会談した。")) == "Seoul"
    follow_up = _window("首相は５日、中国の習近平国家主席と会談した。両首脳は経済協力の推進を確認した。")
    assert meeting_place("China", follow_up) is None
    korean = _window("두 정상은 서울에서 회담했다.")
    assert meeting_place("Seoul", korean) in {"Seoul", None}  # unknown to the table or its own: not refused


def test_a_participant_left_in_another_script_is_dropped() -> None:
    arabic = _window("التقى وفد الحركة برئيس المخابرات حسن رشاد في القاهرة.")
    assert resolve_participants(["حسن رشاد", "Hassan Rashad"], arabic) == ["Hassan Rashad"]


def test_a_bare_title_names_nobody() -> None:
    window = _window("Le Premier ministre a reçu jeudi Jan Peeters à Matignon.")
    assert resolve_participants(["Prime Minister", "Jan Peeters"], window) == ["Jan Peeters"]
    assert names_nobody("Foreign Minister") and names_nobody("protesters")
    assert not names_nobody("Ukrainian delegation") and not names_nobody("Jan Peeters")


def test_a_title_with_a_states_adjective_names_nobody() -> None:
    # "Which Chinese diplomat?": the adjective says whose title it is, not who holds it.
    assert names_nobody("Chinese diplomat") and names_nobody("Greek Minister of Justice")
    window = _window("Le ministre égyptien du Renseignement a reçu Jan Peeters au Caire.")
    assert resolve_participants(["Egyptian Minister of Intelligence", "Jan Peeters"], window) == ["Jan Peeters"]


def _only_meeting(text: str, answer: dict[str, Any], asked_about: str = "", language: str = "en") -> MeetingEvent:
    """The one meeting found in ``text`` when the model gives ``answer`` for the sentences that
    contain ``asked_about`` and says no to the others."""
    article = parse_article(text, "one")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))

    def says(request: dict[str, Any]) -> dict[str, Any]:
        if asked_about in FakeModel.question(request).split("Target sentence:", 1)[-1]:
            return {"is_meeting": True, **answer}
        return {"is_meeting": False}

    (meeting,) = find_meetings(article, sentences, meeting_candidates(sentences), FakeModel(says).client(),
                               ExtractionStats(), language)  # fmt: skip
    return meeting


def test_the_tense_of_the_meeting_words_clause_decides_where_no_meeting_verb_does() -> None:
    answer = {"participants": ["Jan Brouwer", "Piet Kramer"], "status": "planned"}
    dutch = " date 2024-05-02 De handel kwam ter sprake in de gesprekken tussen Jan Brouwer en Piet Kramer."
    assert _only_meeting(dutch, answer, language="nl").status == "happened"
    german = " date 2024-05-02 Der Handel war Thema der Gespräche zwischen Jan Brouwer und Piet Kramer."
    assert _only_meeting(german, answer, language="de").status == "happened"
    silent = " date 2024-05-02 Der Handel ist Thema der Gespräche zwischen Jan Brouwer und Piet Kramer."
    assert _only_meeting(silent, answer, language="de").status == "planned"  # the model's guess stands


def test_an_undated_meeting_takes_the_date_of_the_sentence_before() -> None:
    text = (
        " date 2025-03-14 Pedro Sánchez flew to Lisbon on Wednesday.\n\n"
        "There Pedro Sánchez met Luís Montenegro at the São Bento palace."
    )
    answer = {"participants": ["Pedro Sánchez", "Luís Montenegro"], "location": "Lisbon", "status": "happened"}  # fmt: skip
    assert _only_meeting(text, answer, "Montenegro").date == "2025-03-12"


def test_a_meeting_its_words_put_in_the_past_takes_no_later_date_from_the_sentence_before() -> None:
    text = (
        " date 2025-03-14 The dockers' strike goes on next Tuesday.\n\n"
        "After the meeting with Luís Montenegro, Pedro Sánchez thanked the dockers."
    )
    answer = {"participants": ["Pedro Sánchez", "Luís Montenegro"], "status": "planned"}
    meeting = _only_meeting(text, answer, "Montenegro")
    assert (meeting.status, meeting.date) == ("happened", None)


def test_a_country_and_its_capital_are_one_meeting_place() -> None:
    text = (
        " date 2025-05-02 Pedro Sánchez and Emmanuel Macron will meet in France next week.\n\n"
        "Pedro Sánchez will meet Emmanuel Macron in Paris on 9 May."
    )
    answer = {"participants": ["Pedro Sánchez", "Emmanuel Macron"], "location": None, "status": "planned"}  # fmt: skip
    meeting = _only_meeting(text, answer)
    assert (meeting.location, meeting.date, len(meeting.evidence)) == ("Paris", "2025-05-09", 2)


def test_the_format_is_read_from_the_words_not_asked() -> None:
    said = {
        "Pedro Sánchez spoke with Emmanuel Macron by phone on Thursday.": None,
        "Pedro Sánchez met Luís Montenegro in Lisbon on Friday.": "Lisbon",
        "Pedro Sánchez has met Olaf Scholz, his office said.": None,
    }
    formats = []
    for sentence, place in said.items():
        answer = {"participants": ["Pedro Sánchez", sentence.split()[4]], "location": place, "status": "happened"}
        formats.append(_only_meeting(f" date 2025-05-02 {sentence}", answer).format)
    assert formats == ["phone", "in_person", "unknown"]


def test_a_letter_is_no_meeting_place() -> None:
    text = ' date 2025-05-02 Pedro Sánchez wrote on "X" that he had met Luís Montenegro.'
    answer = {"participants": ["Pedro Sánchez", "Luís Montenegro"], "location": "X", "status": "happened"}
    assert _only_meeting(text, answer).location is None


_ASIDE = "".join(f"Paragraph {n} is about the economy.\n\n" for n in range(4))


@pytest.mark.parametrize(
    ("text", "status", "date"),
    [
        (
            " date 2025-03-14 The summit opened in Lisbon on Wednesday.\n\n{aside}Pedro Sánchez met Luís Montenegro.",
            "happened",
            "2025-03-12",
        ),
        (
            " date 2025-03-14 The summit opened in Lisbon on Wednesday.\n\n{aside}Pedro Sánchez will meet Luís Montenegro.",
            "planned",
            None,
        ),
        (
            " date 2025-03-14 The summit opens in Lisbon next Tuesday.\n\n{aside}Pedro Sánchez met Luís Montenegro.",
            "happened",
            None,
        ),
    ],
)
def test_a_meeting_that_happened_and_nothing_dates_takes_the_day_of_the_lead(
    text: str, status: str, date: str | None
) -> None:
    answer = {"participants": ["Pedro Sánchez", "Luís Montenegro"], "status": status}
    assert _only_meeting(text.format(aside=_ASIDE), answer, "Montenegro").date == date


def _told(text: str, answers: dict[str, tuple[list[str], str]]) -> list[MeetingEvent]:
    """The meetings of ``text`` when the model names ``answers[key]`` (people, status) for the
    sentence with ``key`` and says no to the others."""
    article = parse_article(text, "told")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))

    def says(request: dict[str, Any]) -> dict[str, Any]:
        sentence = FakeModel.question(request).split("Target sentence:", 1)[-1]
        found = next((v for k, v in answers.items() if k in sentence), None)
        if found is None:
            return {"is_meeting": False}
        return {"is_meeting": True, "participants": found[0], "status": found[1]}

    return find_meetings(article, sentences, meeting_candidates(sentences), FakeModel(says).client(),
                         ExtractionStats(), "en")  # fmt: skip


def test_a_meeting_the_title_tells_is_the_bodys_meeting_of_the_same_people() -> None:
    text = (
        " date 2025-03-14 Pedro Sánchez and Luís Montenegro meet in Lisbon over water rights\n\n"
        "Pedro Sánchez will meet Luís Montenegro in Lisbon on Monday to discuss water rights."
    )
    people = ["Pedro Sánchez", "Luís Montenegro"]
    (meeting,) = _told(text, {"meet in Lisbon": (people, "happened"), "will meet": (people, "planned")})
    assert (meeting.status, meeting.date, len(meeting.evidence)) == ("planned", "2025-03-17", 2)
    assert meeting.evidence[0].quote.endswith("meet in Lisbon over water rights")


def test_a_meeting_only_the_title_tells_stands() -> None:
    text = (
        " date 2025-03-14 Pedro Sánchez and Luís Montenegro meet in Lisbon over water rights\n\n"
        "Pedro Sánchez will meet Emmanuel Macron in Paris on Monday to discuss water rights."
    )
    answers = {
        "meet in Lisbon": (["Pedro Sánchez", "Luís Montenegro"], "happened"),
        "will meet": (["Pedro Sánchez", "Emmanuel Macron"], "planned"),
    }
    assert len(_told(text, answers)) == 2


def test_people_only_the_context_names_make_a_follow_up_of_the_last_meeting() -> None:
    text = (
        " date 2025-03-14 Pedro Sánchez met Luís Montenegro in Lisbon on Monday.\n\n"
        "Afterwards Pedro Sánchez wrote a letter to Emmanuel Macron.\n\n"
        "The meeting lasted about three hours."
    )
    answers = {
        "in Lisbon": (["Pedro Sánchez", "Luís Montenegro"], "happened"),
        "lasted": (["Pedro Sánchez", "Emmanuel Macron"], "happened"),  # the context's people
    }
    (meeting,) = _told(text, answers)
    assert (meeting.participants, meeting.duration_hours) == (["Pedro Sánchez", "Luís Montenegro"], 3.0)


def test_a_meeting_dated_after_the_article_has_not_happened() -> None:
    text = (
        " date 2025-03-14 Pedro Sánchez and Luís Montenegro set their next meeting in Lisbon for 20 May.\n\n"
        "The talks were held in a good atmosphere, Pedro Sánchez said."
    )
    article = parse_article(text, "may")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))

    def says(request: dict[str, Any]) -> dict[str, Any]:
        if "20 May" in FakeModel.question(request).split("Target sentence:", 1)[-1]:
            return {"is_meeting": True, "participants": ["Pedro Sánchez", "Luís Montenegro"], "status": "planned"}
        # The follow-up speaks in the past and names one of them: it joins the meeting before.
        return {"is_meeting": True, "participants": ["Pedro Sánchez"], "status": "happened"}

    (meeting,) = find_meetings(article, sentences, meeting_candidates(sentences), FakeModel(says).client(),
                               ExtractionStats(), "en")  # fmt: skip
    assert (meeting.date, meeting.status, len(meeting.evidence)) == ("2025-05-20", "planned", 2)


def _answered(text: str, answers: dict[str, list[str]]) -> list[MeetingEvent]:
    """The meetings of ``text`` when the model names ``answers[key]`` for the sentence with ``key``."""
    return _told(text, {key: (names, "happened") for key, names in answers.items()})


def test_delegations_told_first_are_the_named_people_who_met() -> None:
    text = (
        " date 2025-05-02 Officials of Italy and Spain held a new round of talks in Rome.\n\n"
        "Antonio Tajani met José Manuel Albares at the Farnesina, the ministry said."
    )
    answers = {
        "Italy and": ["Italian officials", "Spanish officials"],
        "Tajani": ["Antonio Tajani", "José Manuel Albares"],
    }
    (meeting,) = _answered(text, answers)
    assert meeting.participants == ["Antonio Tajani", "José Manuel Albares"] and len(meeting.evidence) == 2


def test_delegations_of_the_lead_are_the_named_people_who_meet_that_day_further_on() -> None:
    text = (
        " date 2025-05-02 Italian and Spanish negotiators hold talks in Spain on Sunday.\n\n"
        "Storms hit the north of Italy.\n\nTrains were cancelled.\n\nSchools stayed closed.\n\n"
        "Antonio Tajani is due to meet José Manuel Albares in Madrid on Sunday."
    )
    answers = {
        "negotiators": ["Italian negotiators", "Spanish negotiators"],
        "Tajani": ["Antonio Tajani", "José Manuel Albares"],
    }
    (meeting,) = _answered(text, answers)
    assert (meeting.participants, meeting.date) == (["Antonio Tajani", "José Manuel Albares"], "2025-05-04")


def test_delegations_stay_apart_from_a_meeting_that_has_its_own_delegation() -> None:
    text = (
        " date 2025-05-02 Officials of Italy and Spain held a new round of talks in Rome.\n\n"
        "Antonio Tajani met the US delegation at the Farnesina, the ministry said."
    )
    answers = {"Italy and": ["Italian officials", "Spanish officials"], "Tajani": ["Antonio Tajani", "US delegation"]}
    assert len(_answered(text, answers)) == 2


def test_the_articles_word_for_a_body_is_no_meeting_place() -> None:
    portuguese = _window("As centrais sindicais se encontrarão com o presidente do Senado, Eunício Oliveira.")
    assert meeting_place("Senado", portuguese, "pt") is None
    assert meeting_place("Senado", portuguese) == "Senado"  # no language, no word list to go by


def test_names_nothing_in_an_unreadable_window_vouches_for_are_no_meeting() -> None:
    text = " date 2024-05-20 التقى وزير الخارجية المصري نظيره الأردني في القاهرة اليوم."
    assert _answered(text, {"القاهرة": ["Walid El-Sayed", "Mohamed El-Sayed"]}) == []
    known = (
        " date 2024-05-20 التقى وزير الخارجية الروسي سيرغي لافروف ووزير الخارجية التركي هاكان فيدان"
        " ونظيرهما الأردني في القاهرة اليوم."
    )
    (meeting,) = _answered(known, {"القاهرة": ["Sergey Lavrov", "Hakan Fidan", "Nasser Al-Amri"]})
    # The two the alias table finds there stay; the model's name for the third is its guess.
    assert meeting.participants == ["Sergei Lavrov", "Hakan Fidan"]


def test_one_vouched_name_beside_a_guess_is_no_meeting_of_its_own() -> None:
    text = " date 2024-05-20 التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأردني في القاهرة اليوم."
    assert _answered(text, {"القاهرة": ["Sergey Lavrov", "Nasser Al-Amri"]}) == []


def test_a_surname_an_alphabet_spells_another_way_vouches_for_itself() -> None:
    # Greek "ου" romanises as "oy"; the model writes "ou". A Greek name it never wrote does not pass.
    text = " date 2025-03-11 Ο υπουργός Εργασίας Γιάννης Παναγιώτου συναντήθηκε με τον Ανδρέα Μάτσα στη Λευκωσία."
    (meeting,) = _answered(text, {"Λευκωσία": ["Yiannis Panagiotou", "Andreas Matsas"]})
    assert meeting.participants == ["Yiannis Panagiotou", "Andreas Matsas"]
    (meeting,) = _answered(text, {"Λευκωσία": ["Yiannis Panagiotou", "Andreas Matsas", "Kostas Georgiou"]})
    assert meeting.participants == ["Yiannis Panagiotou", "Andreas Matsas"]


def test_a_name_an_unreadable_window_spells_vouches_for_itself() -> None:
    # Latin letters inside Chinese; Chinese characters whose reading is the English name.
    latin = " date 2024-07-02 GAM与FRETILIN领导人在赫尔辛基举行会谈。"
    (meeting,) = _answered(latin, {"赫尔辛基": ["GAM", "FRETILIN", "Malik Mahmud"]})
    assert meeting.participants == ["GAM", "FRETILIN"]  # the name the sentence does not write is dropped
    spelt = " date 2024-07-02 王沪宁与刘建超在北京举行会谈。"
    (meeting,) = _answered(spelt, {"北京": ["Wang Huning", "Liu Jianchao"]})
    assert meeting.participants == ["Wang Huning", "Liu Jianchao"]
    invented = " date 2024-07-02 两国代表团在北京举行会谈。"
    assert _answered(invented, {"北京": ["Li Qiang", "Zhang Wei"]}) == []


def test_spelt_in_compares_letters_not_spaces_or_case() -> None:
    assert spelt_in("Xi Jinping", "中方表示,习近平将出席峰会")
    assert spelt_in("Mitsotakis", "Ο Μητσοτάκης συναντήθηκε")
    assert spelt_in("M23", "剛果與M23重啓和談")
    assert not spelt_in("Li", "李强")  # too short to tell
    assert not spelt_in("Kim Jong-un", "中方表示")


def test_a_meeting_of_the_articles_own_day_told_in_the_past_has_happened() -> None:
    text = (
        " date 2024-03-15 Das Gespräch zwischen Keir Starmer und Olaf Scholz am Freitag in Berlin war nach"
        " Angaben beider Seiten konstruktiv."
    )
    answer = {"participants": ["Keir Starmer", "Olaf Scholz"], "status": "planned"}
    assert _only_meeting(text, answer).status == "happened"
    later = " date 2024-03-15 Keir Starmer und Olaf Scholz werden sich am Freitagabend in Berlin treffen."
    assert _only_meeting(later, answer).status == "planned"


@pytest.mark.parametrize(
    "sentence",
    [
        "Er hatte sich bereits vergangene Woche mit Keir Starmer in London getroffen.",
        "Am Dienstag kamen Scholz und Starmer dann in London zusammen.",
        "Beim Spitzentreffen in London sprach Scholz über Zölle.",
        "Am Wochenende hatten Unterhändler Berlins und Londons in Genf erstmals direkt miteinander gesprochen.",
    ],
)
def test_german_meeting_words_of_every_form_make_a_candidate(sentence: str) -> None:
    article = parse_article(f" date 2024-03-15 {sentence}", "de")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    assert [c.sentence.text for c in meeting_candidates(sentences)] == [sentence]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("On Friday Keir Starmer talked with Olaf Scholz for an hour.", "en"),
        ("Presiden Joko Widodo mengunjungi keluarga korban di Bandung, Jumat malam.", "id"),
    ],
)
def test_visits_and_talks_of_every_form_make_a_candidate(sentence: str, language: str) -> None:
    article = parse_article(f" date 2024-03-15 {sentence}", language)
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    assert [c.sentence.text for c in meeting_candidates(sentences)] == [sentence]


def test_people_of_a_context_dated_to_another_day_are_not_at_this_meeting() -> None:
    text = (
        " date 2024-03-12 Keir Starmer will present the plan to Emmanuel Macron on Thursday.\n\n"
        "At Sunday's meeting in London, Olaf Scholz and Pedro Sánchez agreed on tariffs."
    )
    answer = {"participants": ["Olaf Scholz", "Pedro Sánchez", "Keir Starmer", "Emmanuel Macron"], "status": "happened"}
    meeting = _only_meeting(text, answer, "Sunday")
    assert (meeting.participants, meeting.date) == (["Olaf Scholz", "Pedro Sánchez"], "2024-03-10")


def test_a_person_the_sentence_names_by_surname_stays_whatever_its_context_says() -> None:
    text = (
        " date 2024-03-12 Keir Starmer asked on Saturday for Emmanuel Macron's help.\n\n"
        "On Sunday Starmer met Macron in Paris."
    )
    answer = {"participants": ["Keir Starmer", "Emmanuel Macron"], "status": "happened"}
    assert _only_meeting(text, answer, "On Sunday").participants == ["Keir Starmer", "Emmanuel Macron"]


def test_a_surname_alone_is_the_person_the_article_names_in_full() -> None:
    text = (
        " date 2017-10-26 Cumhurbaşkanı Kemal Aksoy, Çankaya'da Başbakan Ahmet Yıldız ile görüştü.\n\n"
        "Hava çok soğuktu.\n\nŞehirde yollar kapandı.\n\nOkullar tatil edildi.\n\n"
        "Aksoy ile Yıldız dün akşam Çankaya'da bir araya geldi."
    )
    answers = {"Ahmet Yıldız": ["Kemal Aksoy", "Ahmet Yıldız"], "Aksoy ile": ["Kemal Aksoy", "Yıldız"]}
    (meeting,) = _answered(text, answers)
    assert meeting.participants == ["Kemal Aksoy", "Ahmet Yıldız"] and len(meeting.evidence) == 2


def test_the_next_sentence_of_the_paragraph_whose_status_is_a_guess_is_the_same_meeting() -> None:
    text = (
        " date 2025-12-02 Keir Starmer a été reçu à l'Élysée par Emmanuel Macron le lundi 1er décembre. "
        "Selon l'Élysée, l'entretien de Keir Starmer et Emmanuel Macron visait à préparer le sommet."
    )
    # The model guesses "planned" for both; the date of the first says it has happened.
    answer = {"participants": ["Keir Starmer", "Emmanuel Macron"], "status": "planned"}
    meeting = _only_meeting(text, answer)
    assert (meeting.status, meeting.date, len(meeting.evidence)) == ("happened", "2025-12-01", 2)


def _candidate_of(sentence: str, language: str) -> Candidate:
    article = parse_article(f" date 2024-05-20 {sentence}", language)
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    (candidate,) = meeting_candidates(sentences)
    return candidate


@pytest.mark.parametrize(
    ("sentence", "language", "sides"),
    [
        ("Ayer comenzaron en Ginebra las negociaciones entre Rusia y Ucrania sobre el canje de prisioneros.", "es",
         ["Russian delegation", "Ukrainian delegation"]),
        ("Rusya ile Ukrayna arasındaki müzakereler dün İstanbul'da başladı.", "tr",
         ["Russian delegation", "Ukrainian delegation"]),
        ("В Дохе прошли переговоры между ХАМАС и Израилем о перемирии.", "ru", ["Hamas delegation", "Israeli delegation"]),
        ("Die Grenze zwischen Russland und der Ukraine war Thema der Gespräche in Genf.", "de", []),  # no talks between them
        ("Ayer comenzaron las negociaciones entre Rusia y la ONU.", "es", []),  # one side only
    ],
)  # fmt: skip
def test_the_sides_a_sentence_names_between_are_at_the_table(sentence: str, language: str, sides: list[str]) -> None:
    assert parties_between(_candidate_of(sentence, language), language) == sides


@pytest.mark.parametrize(
    ("sentence", "language", "sides"),
    [
        ("Am Samstag hatten Unterhändler Armeniens und Aserbaidschans in Genf miteinander verhandelt.", "de",
         ["Armenian delegation", "Azerbaijani delegation"]),
        ("Negotiators of Israel and Hamas held indirect talks in Cairo on Sunday.", "en",
         ["Israeli delegation", "Hamas delegation"]),
        ("Представители России, Украины и Турции провели переговоры в Стамбуле.", "ru",
         ["Russian delegation", "Ukrainian delegation", "Turkish delegation"]),
        # A list that is no list of sides: the second name comes after other words.
        ("Representatives of Israel held talks in Cairo with officials who had met Hamas.", "en", []),
    ],
)  # fmt: skip
def test_the_sides_a_list_of_envoys_names_are_at_the_table(sentence: str, language: str, sides: list[str]) -> None:
    candidate = _candidate_of(sentence, language)
    assert list(talk_sides(candidate, language)) == sides
    # No "between": without envoys (where the model names who met) the sentence names no sides.
    assert parties_between(candidate, language) == [] and talk_sides(candidate, language, envoys=False) == {}


def _meetings_of(text: str, says: Any, language: str) -> list[MeetingEvent]:
    article = parse_article(text, "one")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    return find_meetings(article, sentences, meeting_candidates(sentences), FakeModel(says).client(),
                         ExtractionStats(), language)  # fmt: skip


def test_talks_of_named_sides_are_a_meeting_where_the_model_says_no() -> None:
    text = " date 2024-05-20 Unterhändler Armeniens und Aserbaidschans haben am Samstag in Genf miteinander verhandelt."
    (meeting,) = _meetings_of(text, lambda request: {"is_meeting": False}, "de")
    assert meeting.participants == ["Armenian delegation", "Azerbaijani delegation"]
    assert (meeting.location, meeting.date, meeting.status) == ("Geneva", "2024-05-18", "happened")
    # The place a side is named by is no venue: "Moskaus" says who, Abu Dhabi where.
    text = " date 2024-05-20 Unterhändler Moskaus und Kiews haben am Samstag in Abu Dhabi miteinander verhandelt."
    (meeting,) = _meetings_of(text, lambda request: {"is_meeting": False}, "de")
    assert meeting.participants == ["Russian delegation", "Ukrainian delegation"] and meeting.location == "Abu Dhabi"


def test_sides_named_between_replace_a_person_only_the_model_brings_in() -> None:
    text = (
        " date 2024-05-20 Volodymyr Zelensky spoke to reporters in Kyiv on Monday.\n\n"
        "On Sunday talks between representatives of Ukraine, the US and Russia were held in Geneva."
    )
    answer = {"participants": ["Volodymyr Zelensky"], "status": "happened"}
    meeting = _only_meeting(text, answer, "Geneva")
    assert meeting.participants == ["Ukrainian delegation", "US delegation", "Russian delegation"]


def test_talks_of_delegations_told_again_at_the_same_place_are_the_named_meeting() -> None:
    text = (
        " date 2024-05-20 Last week Rubio held talks with Sergey Lavrov in Riyadh, and he will meet Putin soon.\n\n"
        "In Riyadh negotiators of the US and Russia held talks for five hours."
    )

    def says(request: dict[str, Any]) -> dict[str, Any]:
        if "Lavrov" in FakeModel.question(request).split("Target sentence:", 1)[-1].split("\n")[0]:
            return {"is_meeting": True, "participants": ["Marco Rubio", "Sergey Lavrov"], "status": "planned"}
        return {"is_meeting": False}

    (meeting,) = _meetings_of(text, says, "en")
    assert meeting.participants == ["Marco Rubio", "Sergei Lavrov"] and meeting.location == "Riyadh"
    assert len(meeting.evidence) == 2


@pytest.mark.parametrize(
    ("sentence", "language", "model_names", "participants"),
    [
        ("Una delegazione dei familiari delle vittime è stata ricevuta ieri a Palazzo Chigi da Giorgia Meloni.", "it",
         ["Giorgia Meloni"], ["Giorgia Meloni", "unnamed delegation"]),
        ("L'intersyndicale sera reçue mercredi à Matignon par Sébastien Lecornu.", "fr",
         ["Sébastien Lecornu"], ["Sébastien Lecornu", "unnamed delegation"]),
        ("Der Vermittler Ahmed Salem traf am Montag in Doha eine Delegation der Hamas.", "de",
         ["Ahmed Salem"], ["Ahmed Salem", "Hamas delegation"]),
        # No word for envoys or unions: one person alone had no meeting the sentence tells.
        ("Giorgia Meloni è stata ricevuta ieri a Berlino.", "it", ["Giorgia Meloni"], None),
    ],
)  # fmt: skip
def test_a_group_across_the_table_from_the_one_side_the_model_names(
    sentence: str, language: str, model_names: list[str], participants: list[str] | None
) -> None:
    text = f" date 2024-05-20 {sentence}"
    found = _meetings_of(text, lambda request: {"is_meeting": True, "participants": model_names, "status": "happened"},
                         language)  # fmt: skip
    assert [m.participants for m in found] == ([participants] if participants else [])
