"""Demand records assembled from the model's answers, on an article written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from summarizer.articles import parse_article
from summarizer.extract.candidates import Candidate, demand_candidates, reportable
from summarizer.extract.demands import as_listed, find_demands, grounded_actor, only_an_action, reported_parties
from summarizer.extract.result import ExtractionStats
from summarizer.extract.sentences import split_sentences
from summarizer.records import Demand
from summarizer.testing import FakeModel

ARTICLE = (
    " date 2025-09-02 Hakan Fidan demanded that Sweden extradite the suspects.\n\n"
    "Later in the day Fidan again demanded that Sweden extradite the suspects.\n\n"
    "The Swedish Farmers' Union demands lower fuel taxes."
)


def _by_sentence(mark: str, hit: dict[str, Any], miss: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A model that answers ``hit`` for a target sentence containing ``mark``, else ``miss``."""

    def says(request: dict[str, Any]) -> dict[str, Any]:
        sentence = FakeModel.question(request).split("Target sentence:", 1)[-1].split("\n", 1)[0]
        return {"is_demand": True, **(hit if mark in sentence else miss)}

    return says


responder = _by_sentence(
    "extradite",
    {"actor": "Turkey", "target": "Sweden", "demand": "Sweden must extradite the suspects.", "category": "political"},
    {"actor": "Swedish Farmers' Union", "target": "Swedish Farmers' Union", "demand": "Lower fuel taxes.",
     "category": "economic"},
)  # fmt: skip


def _demands() -> tuple[list[Demand], ExtractionStats]:
    article = parse_article(ARTICLE, "taxes")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    stats = ExtractionStats()
    return find_demands(article, demand_candidates(sentences), FakeModel(responder).client(), stats), stats


def test_a_repeated_demand_is_one_record_with_every_quote() -> None:
    demands, stats = _demands()
    extradition = [d for d in demands if d.category == "political"]
    assert len(extradition) == 1 and len(extradition[0].evidence) == 2
    assert stats.calls == 3


def test_the_actor_is_grounded_and_an_unknown_one_stands() -> None:
    demands, _ = _demands()
    # "Turkey" is not in the sentence, but its foreign minister is: the minister is the actor.
    assert {d.actor for d in demands} == {"Hakan Fidan", "Swedish Farmers' Union"}
    farmers = next(d for d in demands if d.category == "economic")
    assert farmers.target is None  # a target equal to the actor says nothing


def test_grounded_actor_without_an_answer_falls_back_to_the_sentence() -> None:
    article = parse_article(ARTICLE, "taxes")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    candidate = demand_candidates(sentences)[0]
    assert grounded_actor(None, candidate, fallback=True) == "Hakan Fidan"
    assert grounded_actor(None, candidate, fallback=False) is None


TITLE_ARTICLE = (
    " date 2024-06-03 Chile: el Senado pide la renuncia del ministro tras el apagón\n\n"
    "La presidenta del Senado, Paulina Núñez, pidió este lunes la renuncia del ministro de Energía."
)


def _title_responder(request: dict[str, Any]) -> dict[str, Any]:
    sentence = FakeModel.question(request).split("Target sentence:", 1)[-1].split("\n", 1)[0]
    if "Chile:" in sentence:  # the title, read with less to go on: the state for the senator
        return {"is_demand": True, "actor": "Chile", "target": None, "demand": "The minister's resignation.",
                "category": "political"}  # fmt: skip
    return {"is_demand": True, "actor": "Paulina Núñez", "target": None, "demand": "The minister's resignation.",
            "category": "political"}  # fmt: skip


def test_a_titles_demand_is_only_a_quote_of_the_bodys() -> None:
    article = parse_article(TITLE_ARTICLE, "title")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    demands = find_demands(
        article, demand_candidates(sentences), FakeModel(_title_responder).client(), ExtractionStats()
    )
    assert [d.actor for d in demands] == ["Paulina Núñez"]
    assert len(demands[0].evidence) == 1  # the title's actor differs: no quote of this demand


def test_a_title_with_the_bodys_actor_is_one_more_quote() -> None:
    article = parse_article(TITLE_ARTICLE.replace("Chile: el Senado", "Paulina Núñez"), "title")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))

    def says(request: dict[str, Any]) -> dict[str, Any]:
        return {**_title_responder(request), "actor": "Paulina Núñez"}

    (demand,) = find_demands(article, demand_candidates(sentences), FakeModel(says).client(), ExtractionStats())
    assert [e.quote[:13] for e in demand.evidence] == ["Paulina Núñez", "La presidenta"]


def test_the_articles_own_word_for_the_union_is_no_target() -> None:
    article = parse_article(
        " date 2023-04-28 FNV-bestuurder Anna de Wit eist van de bond een loonsverhoging van 14 procent.", "bond"
    )
    sentences, _ = reportable(split_sentences(article.text, article.body_start))

    def says(request: dict[str, Any]) -> dict[str, Any]:
        return {"is_demand": True, "actor": "Anna de Wit", "target": "bond", "demand": "A 14% pay rise.",
                "category": "economic"}  # fmt: skip

    (demand,) = find_demands(article, demand_candidates(sentences), FakeModel(says).client(), ExtractionStats(), "nl")
    assert (demand.actor, demand.target) == ("Anna de Wit", None)


def test_an_actor_the_article_lists_is_an_english_list_spelt_as_written() -> None:
    text = (
        "Cgil Cisl e Uil chiedono un incontro urgente al ministro.\n\n"
        "Cgil, Cisl e Uil di Napoli hanno proclamato otto ore di sciopero."
    )
    assert as_listed("Cgil Cisl and Uil", text) == "Cgil, Cisl and Uil"  # the commas the second sentence writes
    assert as_listed("Cgil Cisl e Uil", text) == "Cgil, Cisl and Uil"  # the article's conjunction in English
    assert as_listed("Cgil", text) == "Cgil"
    # Words the article never separates by commas may be one name; an answer that is no list stays.
    assert as_listed("Kim Jong Un and Moon", "Kim Jong Un e Moon si sono incontrati.") == "Kim Jong Un and Moon"
    assert as_listed("Luis Valdez", "Luis, Valdez e gli altri.") == "Luis Valdez"


def _only_candidate(text: str) -> Candidate:
    article = parse_article(text, "one")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    (candidate,) = demand_candidates(sentences)
    return candidate


def test_the_articles_own_word_for_a_union_in_latin_letters_is_no_actor() -> None:
    candidate = _only_candidate(" date 2024-11-05 Профсоюзы шахтёров настаивают на повышении зарплат до конца года.")
    assert grounded_actor("profsoyuzy", candidate, fallback=False, language="ru") is None
    assert grounded_actor("Miners' unions", candidate, fallback=False, language="ru") == "Miners' unions"


GROUP_ARTICLE = (
    " date 2025-03-11 Il sindacato Fiom chiede al governo un piano per l'acciaieria.\n\n"
    "I lavoratori hanno bloccato la statale per tre ore.\n\n"
    "Chiedono anche la cassa integrazione per tutti i dipendenti."
)


_group_responder = _by_sentence(
    "Fiom",
    {"actor": "Fiom", "target": "Italy", "demand": "A plan for the steelworks.", "category": "economic"},
    {"actor": "protesters", "target": None, "demand": "Wage support for all staff.", "category": "economic"},
)


def test_a_group_word_after_a_named_union_stands_for_the_union() -> None:
    article = parse_article(GROUP_ARTICLE, "fiom")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    client = FakeModel(_group_responder).client()
    demands = find_demands(article, demand_candidates(sentences), client, ExtractionStats(), "it")
    assert [(d.actor, d.demand) for d in demands] == [
        ("Fiom", "A plan for the steelworks."),
        ("Fiom", "Wage support for all staff."),
    ]
    # With no union named before it, "protesters" names no party.
    alone = parse_article(GROUP_ARTICLE.replace("Il sindacato Fiom chiede", "Si chiede"), "fiom")
    sentences, _ = reportable(split_sentences(alone.text, alone.body_start))
    assert find_demands(alone, demand_candidates(sentences), client, ExtractionStats(), "it") == []


def test_a_surname_actor_is_the_full_name_the_article_writes() -> None:
    article = parse_article(
        " date 2004-06-04 De rebellenleider Laurent Kabuga trok zich terug uit de stad.\n\n"
        "Kabuga eist dat generaal Mabe wordt vervangen.",
        "kabuga",
    )
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    says = _by_sentence("eist", {"actor": "Kabuga", "target": None, "demand": "Replace Mabe.", "category": "military"},
                        {"actor": "", "target": None, "demand": "", "category": "other"})  # fmt: skip
    demands = find_demands(article, demand_candidates(sentences), FakeModel(says).client(), ExtractionStats(), "nl")
    assert [d.actor for d in demands] == ["Laurent Kabuga"]


def test_the_articles_own_word_copied_or_a_pronoun_is_no_actor() -> None:
    candidate = _only_candidate(" date 2024-10-03 Madenciler işten çıkarılan arkadaşlarının geri alınmasını istiyor.")
    assert grounded_actor("madenciler", candidate, fallback=False, language="tr") is None
    assert grounded_actor("Madenciler", candidate, fallback=False, language="tr") is None  # the lexicon's word
    assert grounded_actor("the speaker", candidate, fallback=False, language="tr") is None
    assert grounded_actor("dismissed miners", candidate, fallback=False, language="tr") == "dismissed miners"


def test_one_person_by_a_title_alone_is_no_actor_but_a_group_with_its_state_is() -> None:
    candidate = _only_candidate(" date 2024-10-03 The Lithuanian president calls for more aid for the farmers.")
    assert grounded_actor("Lithuanian president", candidate, fallback=False, language="en") is None
    candidate = _only_candidate(" date 2024-10-03 A Lithuanian diplomat urged Minsk to free the detainees.")
    assert grounded_actor("Lithuanian diplomat", candidate, fallback=False, language="en") is None
    candidate = _only_candidate(" date 2024-10-03 Lithuanian farmers call for more aid from Vilnius.")
    assert grounded_actor("Lithuanian farmers", candidate, fallback=False, language="en") == "Lithuanian farmers"
    candidate = _only_candidate(" date 2024-10-03 The Lithuanian Farmers Union calls for more aid.")
    assert grounded_actor("Lithuanian Farmers Union", candidate, fallback=False, language="en") == "Lithuanian Farmers Union"


def test_a_group_word_never_stands_for_a_person_named_before() -> None:
    article = parse_article(
        GROUP_ARTICLE.replace("Il sindacato Fiom chiede", "Il deputato Ruggero Fiom chiede"), "fiom"
    )
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    says = _by_sentence(
        "Fiom",
        {"actor": "Ruggero Fiom", "target": "Italy", "demand": "A plan for the steelworks.", "category": "economic"},
        {"actor": "protesters", "target": None, "demand": "Wage support for all staff.", "category": "economic"},
    )
    demands = find_demands(article, demand_candidates(sentences), FakeModel(says).client(), ExtractionStats(), "it")
    assert [d.actor for d in demands] == ["Ruggero Fiom"]


@pytest.mark.parametrize(
    ("told", "an_action"),
    [
        ("A three-day road blockade.", True),
        ("Protest against the pension reform.", True),
        ("An indefinite strike at the port of Santos.", True),
        ("Marches in every provincial capital on Friday", True),
        ("Stop the strike and return to work.", False),  # asked of the strikers
        ("Withdraw the pension reform.", False),
        ("The right to strike must be respected.", False),
    ],
)
def test_a_protest_action_is_no_demand(told: str, an_action: bool) -> None:
    assert only_an_action(told) is an_action


def test_a_demand_told_as_the_protest_itself_gives_no_record() -> None:
    text = " date 2025-03-03 The Santos Dockers' Union demands a blockade of the port until the talks resume."
    article = parse_article(text, "port")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    answer = {"actor": "Santos Dockers' Union", "demand": "A blockade of the port.", "category": "economic"}
    model = FakeModel(_by_sentence("port", {**answer, "target": None}, answer))
    assert find_demands(article, demand_candidates(sentences), model.client(), ExtractionStats()) == []


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Władze w Moskwie nalegają, by rozejm był warunkiem wstępnym rozmów.", "pl", "Russia"),
        ("The authorities in Kyiv insist that prisoners be exchanged first.", "en", "Ukraine"),
        ("The government in Moscow demands that Kyiv withdraw its troops.", "en", None),  # two seats: whose?
        ("The government demands that Russia withdraw its troops.", "en", None),  # a state, not a seat
        ("Officials in Brussels insist on new sanctions.", "en", None),  # a city that stands for no state
    ],
)
def test_an_answer_of_the_government_is_the_state_whose_seat_the_sentence_names(
    sentence: str, language: str, expected: str | None
) -> None:
    candidate = _only_candidate(f" date 2025-03-11 {sentence}")
    assert grounded_actor("the government", candidate, fallback=False, language=language) == expected


def test_a_precondition_is_a_demand_word() -> None:
    polish = demand_candidates(
        split_sentences(" date 2025-03-11 Kijów uważa, że rozejm powinien być warunkiem wstępnym rozmów.")
    )
    bulgarian = demand_candidates(
        split_sentences(" date 2025-03-11 Киев поставя примирието като предварително условие за преговорите.")
    )
    assert len(polish) == 1 and len(bulgarian) == 1


def _told(text: str, actor: str, language: str) -> list[str] | None:
    return reported_parties(_only_candidate(f" date 2025-03-04 {text}"), actor, language)


@pytest.mark.parametrize(
    ("text", "actor", "language", "parties"),
    [
        # The speaker tells the demand of the parties the told clause names first.
        ("Macron said that Germany and Poland demand new sanctions on Iran.", "Emmanuel Macron", "en",
         ["Germany", "Poland"]),
        ("Macron told reporters that Germany demands new sanctions on Iran.", "Emmanuel Macron", "en", ["Germany"]),
        ("Сийярто заявил, что Китай и Индия требуют от ЕС снять пошлины.", "Péter Szijjártó", "ru",
         ["China", "India"]),
        ("Урсула фон дер Ляєн заявила, що і Польща, і Литва вимагають закрити кордон.", "Ursula von der Leyen",
         "uk", ["Poland", "Lithuania"]),
        ("El canciller Juan Ortiz dijo que Bolivia exige la salida al mar.", "Juan Ortiz", "es", ["Bolivia"]),
        # Its subject is a body the sentence does not name: no party, no record.
        ("Die Sprecher von Anna Berg erklärten, die Opposition verlange eine Neuwahl.", "Anna Berg", "de", []),
        ("Лидер движения Ахра Гумба заявил, что оппозиция требует отставки кабинета.", "Akhra Gumba", "ru", []),
        # Not this rule: the speaker's own demand, a pronoun as the subject, the model named the party.
        ("Juan Ortiz exigió la renuncia del ministro y dijo que Bolivia no cederá.", "Juan Ortiz", "es", None),
        ("Macron said that he demands new sanctions on Iran.", "Emmanuel Macron", "en", None),
        ("Macron said that Germany demands new sanctions on Iran.", "Germany", "en", None),
        ("Macron demanded new sanctions on Iran.", "Emmanuel Macron", "en", None),
        ("野田佳彦は、中国は対話を求めると述べた。", "Yoshihiko Noda", "ja", None),  # no told-clause words
    ],
)  # fmt: skip
def test_a_demand_the_speaker_only_tells_is_the_told_clauses_subjects(
    text: str, actor: str, language: str, parties: list[str] | None
) -> None:
    assert _told(text, actor, language) == parties


def _border_demands(target: str) -> list[tuple[str, str | None]]:
    """The records of a Ukrainian sentence telling that Poland and Lithuania demand the border
    closed, where the model named the speaker as the actor and ``target`` as the target."""
    text = " date 2025-03-04 Урсула фон дер Ляєн заявила, що Польща та Литва вимагають закрити кордон з Білоруссю."
    answer = {"actor": "Ursula von der Leyen", "target": target, "demand": "Close the border.", "category": "security"}
    article = parse_article(text, "border")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    client = FakeModel(lambda request: {"is_demand": True, **answer}).client()
    demands = find_demands(article, demand_candidates(sentences), client, ExtractionStats(), "uk")
    return [(d.actor, d.target) for d in demands]


def test_a_told_demand_of_two_parties_is_a_record_for_each() -> None:
    assert _border_demands("Belarus") == [("Poland", "Belarus"), ("Lithuania", "Belarus")]


def test_the_fallback_actor_is_never_the_party_the_model_named_as_target() -> None:
    candidate = _only_candidate(" date 2025-09-04 Both countries urged Ethiopia to change its policy on the dam.")
    assert grounded_actor("Sudan", candidate, fallback=True, target="Ethiopia") is None
    assert grounded_actor("Sudan", candidate, fallback=True, target=None) == "Ethiopia"  # the sentence's party


def test_a_co_demander_the_model_named_as_target_is_no_target() -> None:
    assert _border_demands("Poland") == [("Poland", None), ("Lithuania", None)]


def test_a_count_of_parties_names_no_actor() -> None:
    candidate = _only_candidate(" date 2025-09-04 两个下游国家呼吁埃塞俄比亚改变政策。")
    assert grounded_actor("two downstream countries", candidate, fallback=False, language="zh") is None
    assert grounded_actor("both sides", candidate, fallback=False, language="zh") is None
    assert grounded_actor("Two Rivers Alliance", candidate, fallback=False, language="zh") == "Two Rivers Alliance"


def _demands_of(text: str, answer: dict[str, Any], language: str) -> list[Demand]:
    article = parse_article(text, "one")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    client = FakeModel(lambda request: {"is_demand": True, **answer}).client()
    return find_demands(article, demand_candidates(sentences), client, ExtractionStats(), language)


def test_an_actor_nothing_in_an_unreadable_sentence_vouches_for_is_dropped() -> None:
    text = " date 2025-08-14 طالب حاكم الإقليم الحكومة بحماية المدنيين في المدينة المحاصرة."
    guess = {"actor": "Omar Haddad", "target": None, "demand": "Protect the civilians.", "category": "humanitarian"}
    assert _demands_of(text, guess, "ar") == []
    # A description is a translation, not a name to spell: it stays, as before.
    group = {**guess, "actor": "the governor's office"}
    assert [d.actor for d in _demands_of(text, group, "ar")] == ["the governor's office"]
    # A target nothing vouches for is left out; the demand stands.
    known = " date 2025-08-14 طالب الاتحاد الأوروبي الحكومة بحماية المدنيين في المدينة المحاصرة."
    (demand,) = _demands_of(known, {**guess, "actor": "European Union", "target": "Karim Nasser"}, "ar")
    assert demand.actor == "European Union" and demand.target is None
