"""What code decides from the quote: modality, format, aggregates, titles, clauses."""

from __future__ import annotations

import pytest

from summarizer.extract.candidates import Candidate, _demand_clauses, demand_candidates
from summarizer.extract.participants import resolve_participants
from summarizer.extract.rules import (
    ALSO_PRESENT,
    cause_kind,
    format_from_text,
    is_aggregate,
    outcome_of,
    status_from_text,
    victims_of,
)
from summarizer.extract.sentences import Sentence, split_sentences
from summarizer.normalize.dates import dates_compatible
from summarizer.normalize.names import find_mentions
from summarizer.normalize.tense import meeting_tense


def candidate(text: str, context: str | None = None) -> Candidate:
    sentence = Sentence(0, len(text), text, 0, 1)
    ctx = Sentence(0, len(context), context, 0, 0) if context else None
    return Candidate(sentence, ctx, tuple(find_mentions(text)), tuple(find_mentions(context or "")))


@pytest.mark.parametrize(
    "text,status",
    [
        ("Встреча может состояться в этом месяце.", "possible"),
        ("В Белом доме отметили, что такая поездка официально не запланирована.", "possible"),
        ("Зустріч Лаврова і Рубіо скасовано.", "cancelled"),
        ("The summit was postponed.", "cancelled"),
        ("Уиткоф ще проведе преговори с Путин в четвъртък.", None),
    ],
)
def test_status_from_wording(text: str, status: str | None) -> None:
    assert status_from_text(text) == status


def test_modality_of_a_clause_without_a_meeting_says_nothing_of_the_meeting() -> None:
    # "possible" qualifies the referendum of the reported clause, not the talks.
    text = "Nach dem Treffen in Wien sagte Scholz, dass Orbán ein mögliches Referendum ablehne."
    assert status_from_text(text) is None
    assert status_from_text("Scholz sagte, ein Treffen mit Orbán sei möglich.") == "possible"


def test_format_aggregate_outcome_victims() -> None:
    assert format_from_text("Трамп провел телефонный разговор с Путиным.") == "phone"
    assert format_from_text("Зеленський провів відеорозмову з Мерцом.") == "video"
    assert is_aggregate("Виткофф в 2025 году шесть раз встречался с Путиным.")
    assert not is_aggregate("Виткофф встретился с Путиным в Москве.")
    assert outcome_of("Переговоры длились пять часов, но не привели к прорыву.") == "No breakthrough was reached."
    assert victims_of("погибли около 2 400 гражданских украинцев") == "civilians"


def test_participants_are_canonical_grounded_and_not_titles() -> None:
    text = "Посланники президента США Дональда Трампа Стив Уиткофф и Джаред Кушнер встретятся с Владимиром Путиным."
    names = ["Steve Uitkoff", "Jared Kushner", "Vladimir Putin", "Donald Trump", "Emmanuel Macron", "Стив Виткофф"]
    assert resolve_participants(names, candidate(text)) == ["Steve Witkoff", "Jared Kushner", "Vladimir Putin"]


def test_envoy_himself_is_a_participant() -> None:
    text = "Спецпосланець президента США Стівен Віткофф зустрінеться з президентом рф володимиром путіним."
    assert resolve_participants(["Steven Vitkoff", "Vladimir Putin"], candidate(text)) == [
        "Steve Witkoff",
        "Vladimir Putin",
    ]


def test_states_among_participants_are_delegations() -> None:
    text = "В Берлин се е състояла среща между представители на САЩ и Украйна."
    assert resolve_participants(["Predstaviteli Na SASHT", "Ukraine"], candidate(text)) == [
        "US delegation",
        "Ukrainian delegation",
    ]


def test_a_sentence_with_two_demands_gives_two_clauses() -> None:
    text = " date 2026-01-21 Сторони залишилися на позиціях: росія вимагала визнання територій, а США наполягали на перемир'ї."
    sentences = split_sentences(text, 17)
    found = demand_candidates(sentences)
    assert [c.sentence.text for c in found] == [
        "Сторони залишилися на позиціях: росія вимагала визнання територій",
        "США наполягали на перемир'ї.",
    ]
    for c in found:
        assert text[c.sentence.start : c.sentence.end] == c.sentence.text
    single = Sentence(0, 30, "Кремль настаивает на выводе войск.", 0, 0)
    assert _demand_clauses(single) == [single]


def test_lower_case_sentence_start_is_a_boundary() -> None:
    text = "Зустріч тривала п'ять годин. путін продовжував вимагати весь Донбас. Див. т. е. далі."
    sentences = [s.text for s in split_sentences(text)]
    assert sentences[:2] == ["Зустріч тривала п'ять годин.", "путін продовжував вимагати весь Донбас."]


def test_dates_compatible_at_the_coarser_precision() -> None:
    assert dates_compatible("2026-01-22", "2026-01")
    assert dates_compatible(None, "2025-12")
    assert not dates_compatible("2025-12", "2026-01")


def test_headings_are_not_candidates() -> None:
    from summarizer.extract.candidates import is_heading, meeting_candidates

    text = "Возможна встреча с Путиным\nВиткофф может встретиться с Путиным в этом месяце."
    sentences = split_sentences(text)
    assert is_heading(sentences[0], sentences) and not is_heading(sentences[1], sentences)
    assert [c.sentence.text for c in meeting_candidates(sentences)] == [sentences[1].text]


@pytest.mark.parametrize(
    ("text", "status", "tense", "fmt"),
    [
        ("Los cancilleres se reunieron el martes en Lima.", None, "past", None),
        ("I ministri si incontreranno a Roma la prossima settimana.", None, "future", None),
        ("Os presidentes conversaram por telefone na segunda-feira.", None, "past", "phone"),
        ("De premier ontmoette de vakbondsleiders in Den Haag.", None, "past", None),
        ("Bakanlar Ankara'da görüştü.", None, "past", None),
        ("Οι υπουργοί θα συναντηθούν στην Αθήνα.", None, "future", None),
        ("التقى الوزير نظيره في الرياض.", None, "past", None),
        ("Kedua menteri akan bertemu di Jakarta.", None, "future", None),
        ("双方外长举行了会谈。", None, "past", None),
        ("両首脳は来週、東京で会談する予定だ。", None, "future", None),
        ("양국 정상은 어제 서울에서 만났다.", None, "past", None),
        ("La reunión con los transportistas fue aplazada sin fecha.", "cancelled", None, None),
        ("Il vertice potrebbe tenersi a marzo.", "possible", None, None),
        ("Die Außenminister sprachen per Videokonferenz.", None, "past", "video"),
        ("Les deux présidents se sont entretenus par téléphone.", None, "past", "phone"),
    ],
)
def test_status_tense_and_format_words_of_many_languages(
    text: str, status: str | None, tense: str | None, fmt: str | None
) -> None:
    assert status_from_text(text) == status
    assert meeting_tense(text) == tense
    assert format_from_text(text) == fmt


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ein Erdbeben der Stärke 6,1 erschütterte die Region.", "earthquake"),
        ("Un autobús volcó en la carretera y chocó contra un camión.", "road crash"),
        ("В результате пожара в торговом центре погибли люди.", "fire"),
        ("Deprem sonrası çıkan yangında iki kişi öldü.", "earthquake"),  # the more specific first
        ("Eine Drohne traf einen Bus mit Bergarbeitern.", "drone attack"),  # the weapon, not the miners
        ("暴雨引发洪水，造成多人死亡。", "flood"),
        ("The minister spoke about the budget.", None),
        # French "crash" is a plane's only with its aircraft; English "bus crash" is on the road
        ("Police said the bus crash near the border had killed 3 people.", "road crash"),
        ("Le crash de l'avion a fait 12 morts près de Lyon.", "plane crash"),
    ],
)
def test_the_cause_of_a_toll_is_named_by_the_lexicons_words(text: str, expected: str | None) -> None:
    assert cause_kind(text) == expected


def test_a_place_at_the_start_is_a_dateline_only_before_a_dash_or_comma() -> None:
    from summarizer.extract.rules import place_of

    dateline = "Lima – Os presidentes se reuniram em Brasília."
    assert place_of(find_mentions(dateline), dateline) == "Brasília"
    scene = "Ankara'da tüm gözlerin çevrildiği görüşmenin ardından İstanbul'a gidecek."
    assert place_of(find_mentions(scene), scene) == "Ankara"


@pytest.mark.parametrize(
    "text,place",
    [
        ("Die Ministerpräsidenten berieten stundenlang im Kanzleramt.", "Berlin"),
        ("Les syndicats seront reçus à Matignon mercredi.", "Paris"),
        ("Los dirigentes se reunieron en el Palacio de La Moneda.", "Santiago"),
        ("Bakan, Beştepe'de muhalefet lideriyle görüştü.", "Ankara"),
        ("总理在人民大会堂会见了德国总理。", "Beijing"),
        ("La premier è salita al Quirinale per un colloquio.", "Rome"),
        ("A spokesman at the Kremlin said talks were useful.", "Moscow"),
        ("The Kremlin spokesman said talks were useful.", None),  # the Kremlin speaks; nothing happens there
    ],
)
def test_a_seat_of_government_where_people_meet_stands_for_its_city(text: str, place: str | None) -> None:
    from summarizer.extract.rules import place_of

    assert place_of(find_mentions(text), text) == place


@pytest.mark.parametrize(
    "text",
    [
        "I due leader si sono incontrati sei volte dal 2019.",  # it
        "Los cancilleres se reunieron en varias ocasiones este año.",  # es
        "Os ministros já se encontraram três vezes.",  # pt
        "De premiers spraken elkaar meerdere keren.",  # nl
        "İki lider bu yıl 3 kez görüştü.",  # tr
        "Οι δύο υπουργοί συναντήθηκαν πολλές φορές.",  # el
        "التقى الوزيران عدة مرات هذا العام.",  # ar
        "Kedua menteri bertemu tiga kali tahun ini.",  # id
        "両首脳はこれまでに5回会談している。",  # ja
        "两国领导人今年已会晤多次。",  # zh
        "양국 장관은 올해 세 차례 만났다.",  # ko
        "Die Außenminister trafen sich zweimal.",  # de, one word
    ],
)
def test_a_count_of_meetings_in_any_language(text: str) -> None:
    assert is_aggregate(text)


@pytest.mark.parametrize(
    "text",
    [
        "双方举行了第二次会谈。",  # the second round: one meeting
        "第3回会談が東京で行われた。",
        "두 번째 회담이 서울에서 열렸다.",
        "Le due parti si sono incontrate una volta sola, a Roma.",  # once is one meeting
        "Die 12 Minister trafen sich in Brüssel.",
    ],
)
def test_one_meeting_is_no_count_of_meetings(text: str) -> None:
    assert not is_aggregate(text)


@pytest.mark.parametrize(
    "text",
    [
        "Al incontro erano presenti anche i ministri Tajani e Crosetto.",  # it
        "También asistieron el canciller y el ministro de Defensa.",  # es
        "De minister van Financiën was ook aanwezig.",  # nl
        "Görüşmeye Dışişleri Bakanı Hakan Fidan da katıldı.",  # tr
        "Στη συνάντηση παρευρέθηκε επίσης ο υπουργός Άμυνας.",  # el
        "كما حضر اللقاء وزير الخارجية.",  # ar
        "Pertemuan itu juga dihadiri Menlu Retno Marsudi.",  # id
        "会談には外相も同席した。",  # ja
        "会谈中，外交部长王毅也出席。",  # zh
        "회담에는 외교부 장관도 배석했다.",  # ko
        "Also present were the foreign and defence ministers.",  # en
    ],
)
def test_more_people_at_the_meeting_just_told(text: str) -> None:
    assert ALSO_PRESENT.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "Anche il governo ha chiesto una tregua.",  # "also", but nobody attends
        "Die Gespräche dauerten fünf Stunden.",
        "外交部长王毅出席了记者会。",  # attended, not "also"
    ],
)
def test_no_more_people_without_also_attending(text: str) -> None:
    assert not ALSO_PRESENT.search(text)
