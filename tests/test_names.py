"""Canonical names: alias table, inflected and lower-case forms, transliteration."""

import json
from pathlib import Path

import pytest

from summarizer.normalize import (
    canonical_actor,
    canonical_person,
    canonical_place,
    english_name,
    find_mentions,
    has_cyrillic,
    strip_cyrillic,
)
from summarizer.normalize.names import KINDS, Mention


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Путиным", "Vladimir Putin"),
        ("Путіним", "Vladimir Putin"),
        ("путіним", "Vladimir Putin"),
        ("володимиром путіним", "Vladimir Putin"),
        ("Виткоффа", "Steve Witkoff"),
        ("Уиткофф", "Steve Witkoff"),
        ("Віткофф", "Steve Witkoff"),
        ("Уиткоф", "Steve Witkoff"),
        ("Уіткоффа", "Steve Witkoff"),
        ("Стівен Віткофф", "Steve Witkoff"),
        ("Witkoffa", "Steve Witkoff"),
        ("Кушнером", "Jared Kushner"),
        ("Джаредом Кушнером", "Jared Kushner"),
        ("Къшнър", "Jared Kushner"),
        ("Дмитриевым", "Kirill Dmitriev"),
        ("кирилом дмітрієвим", "Kirill Dmitriev"),
        ("Зеленский", "Volodymyr Zelensky"),
        ("Зеленського", "Volodymyr Zelensky"),
        ("Зеленски", "Volodymyr Zelensky"),
        ("Selenskyj", "Volodymyr Zelensky"),
        ("Selenskijs", "Volodymyr Zelensky"),  # a German genitive of the other spelling
        ("Трампа", "Donald Trump"),
        ("Тръмп", "Donald Trump"),
        ("Доналд Тръмп", "Donald Trump"),
        ("Песков", "Dmitry Peskov"),
        ("Пєсков", "Dmitry Peskov"),
        ("Юрій Ушаков", "Yuri Ushakov"),
        ("Бессента", "Scott Bessent"),
        ("Умєров", "Rustem Umerov"),
        ("Умеровым", "Rustem Umerov"),
        ("Lavrov", "Sergei Lavrov"),
        ("Rubio's", "Marco Rubio"),
        ("Вэнс", "JD Vance"),
        ("Erdoğan", "Recep Tayyip Erdogan"),
        ("Макроном", "Emmanuel Macron"),
        ("Starmer", "Keir Starmer"),
        ("Мерц", "Friedrich Merz"),
        ("Orbán", "Viktor Orban"),
        ("Си Цзиньпином", "Xi Jinping"),
        ("Моди", "Narendra Modi"),
        ("MBS", "Mohammed bin Salman"),
        ("Гутерриш", "Antonio Guterres"),
        ("Рютте", "Mark Rutte"),
        ("фон дер Ляйен", "Ursula von der Leyen"),
        ("Буданова", "Kyrylo Budanov"),
        ("Єрмаком", "Andriy Yermak"),
        ("Залужного", "Valery Zaluzhny"),
        ("Сибіга", "Andrii Sybiha"),
        ("Келлогг", "Keith Kellogg"),
        ("Дрисколл", "Dan Driscoll"),
        ("Лукашенко", "Alexander Lukashenko"),
        ("Дональд Туск", "Donald Tusk"),
        ("президент Путин", "Vladimir Putin"),
    ],
)
def test_canonical_person(surface: str, expected: str) -> None:
    assert canonical_person(surface) == expected


@pytest.mark.parametrize("surface", ["Стив", "Москва", "переговоры", "us", ""])
def test_canonical_person_unknown(surface: str) -> None:
    assert canonical_person(surface) is None


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Кремль", "Russia"),
        ("кремля", "Russia"),
        ("Кремъл", "Russia"),
        ("Kremlin", "Russia"),
        ("Москва", "Russia"),
        ("москви", "Russia"),
        ("Россия", "Russia"),
        ("рф", "Russia"),
        ("Русия", "Russia"),
        ("Russland", "Russia"),
        ("Rosja", "Russia"),
        ("Киев", "Ukraine"),
        ("Київ", "Ukraine"),
        ("Украйна", "Ukraine"),
        ("Вашингтон", "United States"),
        ("Белом доме", "United States"),
        ("Білий дім", "United States"),
        ("Белия дом", "United States"),
        ("White House", "United States"),
        ("США", "United States"),
        ("US", "United States"),
        ("НАТО", "NATO"),
        ("ЄС", "European Union"),
        ("Евросоюз", "European Union"),
        ("ООН", "United Nations"),
        ("Большой семерки", "G7"),
        ("Велика сімка", "G7"),
        ("Г7", "G7"),
        ("Європа", "Europe"),
        ("российская сторона", "Russia"),
        ("европейские лидеры", "Europe"),
        ("Уиткофф", "Steve Witkoff"),
        ("пресс-секретарь Кремля Дмитрий Песков", "Dmitry Peskov"),
    ],
)
def test_canonical_actor(surface: str, expected: str) -> None:
    assert canonical_actor(surface) == expected


def test_canonical_actor_unknown() -> None:
    assert canonical_actor("us") is None  # the English pronoun is not the United States
    assert canonical_actor("Давос") is None  # a place is not an actor


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Москве", "Moscow"),
        ("в Кремле", "Moscow"),
        ("Кремъл", "Moscow"),
        ("Санкт-Петербург", "Saint Petersburg"),
        ("санкт-петербурзі", "Saint Petersburg"),
        ("Давосі", "Davos"),
        ("Женеві", "Geneva"),
        ("Абу-Даби", "Abu Dhabi"),
        ("во Флориде", "Florida"),
        ("Флориді", "Florida"),
        ("Києві", "Kyiv"),
        ("Анкоридже", "Anchorage"),
        ("Эр-Рияде", "Riyadh"),
        ("Стамбуле", "Istanbul"),
        ("Берлин", "Berlin"),
        ("в России", "Russia"),
        ("Москва, Россия", "Moscow"),
    ],
)
def test_canonical_place(surface: str, expected: str) -> None:
    assert canonical_place(surface) == expected


def test_a_continent_is_no_place_where_something_happened() -> None:
    assert canonical_place("η χειρότερη σιδηροδρομική τραγωδία στην Ευρώπη") is None
    assert canonical_place("в Европе и в Женеве") == "Geneva"


def test_find_mentions_lower_case_ukrainian() -> None:
    text = "Віткофф повідомив, що в четвер зустрінеться з президентом рф володимиром путіним у москві."
    mentions = find_mentions(text)
    assert [(m.name, m.kind) for m in mentions] == [
        ("Steve Witkoff", "person"),
        ("Russia", "state"),
        ("Vladimir Putin", "person"),
        ("Moscow", "place"),
    ]
    for m in mentions:
        assert text[m.start : m.end] == m.surface
    assert mentions[2].surface == "володимиром путіним"  # longest match: first name and surname


def test_find_mentions_sorted_non_overlapping() -> None:
    text = "Стив Виткофф и Джаред Кушнер посещали Москву, где говорили с Путиным в Кремле."
    mentions = find_mentions(text)
    assert [m.name for m in mentions] == ["Steve Witkoff", "Jared Kushner", "Moscow", "Vladimir Putin", "Russia"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


def test_kremlin_is_actor_russia_and_place_moscow() -> None:
    (mention,) = find_mentions("Кремъл")
    assert isinstance(mention, Mention)
    assert (mention.name, mention.kind) == ("Russia", "organisation")
    assert mention.actor == "Russia"
    assert mention.place == "Moscow"


def test_white_house_is_united_states_in_washington() -> None:
    (mention,) = find_mentions("У Білому домі")
    assert (mention.name, mention.kind, mention.actor, mention.place) == (
        "United States",
        "organisation",
        "United States",
        "Washington",
    )
    (state,) = find_mentions("США")
    assert (state.name, state.kind, state.place) == ("United States", "state", "United States")


def test_acronyms_are_case_sensitive() -> None:
    assert find_mentions("Let us talk about it.") == []
    assert [m.name for m in find_mentions("The US and the UN.")] == ["United States", "United Nations"]


def test_adjectives_are_not_mentions() -> None:
    assert find_mentions("украинцы и россияне, российские войска") == []


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Путіним", "Vladimir Putin"),
        ("Женеві", "Geneva"),
        ("Кремль", "Russia"),
        ("Игорем Костюковым", "Igor Kostyukov"),
        ("Андреем Костиным", "Andrey Kostin"),
        ("Сергеем Кириенко", "Sergey Kirienko"),
        ("Андрій Кобзар", "Andriy Kobzar"),
        ("Георги Георгиев", "Georgi Georgiev"),
        ("Щербаков", "Shcherbakov"),
        ("Юлія Тимошенко", "Yuliya Tymoshenko"),
        ("олександром сирським", "Oleksandr Syrskyi"),
        ("John Smith", "John Smith"),
    ],
)
def test_english_name(surface: str, expected: str) -> None:
    assert english_name(surface) == expected


def test_english_name_language_hint() -> None:
    assert english_name("Дмитро Ярош", "uk") == "Dmytro Yarosh"
    assert english_name("Ъгъл Христов", "bg") == "Agal Hristov"


def test_english_name_never_cyrillic() -> None:
    for surface in ["Жан-Ив Ле Дриан", "Ђорђе Јовановић", "Ґалаґан", "Аляксандр Ўладзіміравіч", "ЗСУ"]:
        assert not has_cyrillic(english_name(surface))


def test_strip_cyrillic() -> None:
    assert strip_cyrillic("Meeting with Путіним in Москві") == "Meeting with Vladimir Putin in Moscow"
    assert strip_cyrillic("security guarantees") == "security guarantees"
    assert not has_cyrillic(strip_cyrillic("talks on гарантії безпеки and ЗАЭС"))


def test_has_cyrillic() -> None:
    assert has_cyrillic("abc й")
    assert not has_cyrillic("Zelensky")


def test_alias_data_is_well_formed() -> None:
    path = Path(__file__).parents[1] / "summarizer" / "normalize" / "data" / "aliases.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["entries"]:
        assert entry["kind"] in KINDS
        assert not has_cyrillic(entry["name"])
        assert entry.get("aliases") or entry.get("last")


def places(text: str) -> set[str | None]:
    """The canonical places of every mention in ``text``."""
    return {m.place for m in find_mentions(text)}


def test_world_states_and_places_resolve_to_english_names() -> None:
    assert "Mexico" in places("Переговоры прошли в Мексике на прошлой неделе.")
    assert "Greece" in places("Rząd Grecji ogłosił nowe wybory.")
    assert "Morocco" in places("Der König von Marokko empfing die Delegation.")
    assert "Thailand" in places("El gobierno de Tailandia cerró la frontera.")
    assert "Iraq" in places("وصل الوفد إلى العراق صباح اليوم.")
    assert "South Korea" in places("한국에서 정상회담이 열렸다.")
    assert "Indonesia" in places("首脳はインドネシアを訪問した。")
    assert "Taiwan" in places("美国官员昨日抵达台湾进行访问。")
    assert "Cuba" not in places("Добыча выросла на миллиард кубов газа.")
    assert "Peru" not in places("Он взялся за перу и бумагу.")
    assert "Greece" not in places("예수 그리스도의 가르침")


def test_world_capitals_resolve_and_common_words_do_not() -> None:
    assert "The Hague" in places("Делегации встретились в Гааге.")
    assert "The Hague" in places("Rozmowy odbyły się w Hadze.")
    assert "Cairo" in places("Die Gespräche in Kairo wurden vertagt.")
    assert "Cairo" in places("وصل الوزير بالقاهرة أمس.")
    assert "Seoul" in places("서울에서 회담이 열렸다.")
    assert "Baghdad" in places("La delegación llegó a Bagdad el lunes.")
    assert "Jerusalem" in places("首相はエルサレムを訪れた。")
    assert "Jerusalem" in places("代表团抵达耶路撒冷。")
    assert "Rabat" not in places("Dostaliśmy rabat na zakupy.")
    assert "La Paz" not in places("the peace (la paz) was signed")
    assert "Havana" not in places("Корабли стояли в гавани.")
    assert "Gaza Strip" not in places("Цены газа выросли, а gaza jest jałowa.")


@pytest.mark.parametrize(
    "text,name",
    [
        ("El presidente argentino Javier Milei viajó el lunes a Roma.", "Javier Milei"),
        ("Президент Южной Африки Сирил Рамафоса прибыл в Претори.", "Cyril Ramaphosa"),
        ("李在明总统当天在首尔会见了来访的外宾。", "Lee Jae-myung"),
        ("Nikol Paşinyan, Bakü'de görüşmelere katıldı.", "Nikol Pashinyan"),
        ("Le Premier ministre Anthony Albanese s'est rendu à Pékin.", "Anthony Albanese"),
        ("Der Brand in einem Hochhaus in Rotterdam forderte zwei Tote.", "Rotterdam"),
        ("東京から大阪へ向かう新幹線が止まった。", "Osaka"),
    ],
)
def test_world_leaders_and_cities_are_found_in_any_language(text: str, name: str) -> None:
    assert name in {m.name for m in find_mentions(text)}
