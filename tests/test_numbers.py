"""Numerals, number words, qualifiers, durations and casualty counts."""

import pytest

from summarizer.normalize import Count, casualty_counts, find_counts, parse_duration_hours, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 400", 2400),
        ("2\u00a0400", 2400),
        ("2\u202f400", 2400),
        ("2400", 2400),
        ("2,400", 2400),
        ("2.400", 2400),
        ("12 000", 12000),
        ("12 тысяч", 12000),
        ("1,5 тыс.", 1500),
        ("1.5 million", 1_500_000),
        ("$300 млрд", 300_000_000_000),
        ("двадцять", 20),
        ("пять", 5),
        ("п'яти", 5),
        ("п’яти", 5),
        ("чотири", 4),
        ("three", 3),
        ("zwölf", 12),
        ("двадцять п'ять", 25),
        ("сто двадцать три", 123),
        ("twenty-five", 25),
        ("two hundred", 200),
        ("петима", 5),
        ("трое", 3),
    ],
)
def test_parse_number(text: str, expected: int) -> None:
    assert parse_number(text) == expected


def test_parse_number_none() -> None:
    assert parse_number("нет чисел") is None


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("погибли около 2 400 человек", 2400, "approximate"),
        ("ещё почти 12\u00a0000 получили ранения", 12000, "approximate"),
        ("близько 300 людей", 300, "approximate"),
        ("майже 50", 50, "approximate"),
        ("близо 40 души", 40, "approximate"),
        ("about 1,000 people", 1000, "approximate"),
        ("nearly 30", 30, "approximate"),
        ("etwa 200 Menschen", 200, "approximate"),
        ("prawie 100 osób", 100, "approximate"),
        ("environ 60 personnes", 60, "approximate"),
        ("не менее 10 человек", 10, "at_least"),
        ("по меньшей мере 7", 7, "at_least"),
        ("более 500", 500, "at_least"),
        ("понад 20", 20, "at_least"),
        ("щонайменше 25", 25, "at_least"),
        ("над 20 души", 20, "at_least"),
        ("поне 50", 50, "at_least"),
        ("повече от 100", 100, "at_least"),
        ("at least 12 people", 12, "at_least"),
        ("more than 40", 40, "at_least"),
        ("mindestens 5", 5, "at_least"),
        ("co najmniej 7", 7, "at_least"),
        ("plus de 30", 30, "at_least"),
        ("au moins 4", 4, "at_least"),
        ("погибли 15 человек", 15, "exact"),
    ],
)
def test_find_counts_qualifier(text: str, value: int, qualifier: str) -> None:
    (count,) = find_counts(text)
    assert (count.value, count.qualifier) == (value, qualifier)
    assert text[count.start : count.end].replace("\u00a0", " ") in {
        str(value),
        f"{value:,}",
        f"{value:,}".replace(",", " "),
    }


def test_find_counts_skips_dates_percentages_money_and_compounds() -> None:
    text = "В 2025 году, 2 декабря, на 30% больше, $300 млрд, 20-точечный план, в 15:00 — и 40 человек."
    assert find_counts(text) == [Count(40, "exact", text.index("40 человек"), text.index("40 человек") + 2)]


def test_find_counts_number_words() -> None:
    assert [(c.value, c.qualifier) for c in find_counts("загинули п'ятеро людей, серед них двоє дітей")] == [
        (5, "exact"),
        (2, "exact"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("почти пятичасовые переговоры", 5.0),
        ("понад 12 годин", 12.0),
        ("близько п'яти годин", 5.0),
        ("три години", 3.0),
        ("над четири часа", 4.0),
        ("two and a half hours", 2.5),
        ("90 minutes", 1.5),
        ("полтора часа", 1.5),
        ("півтори години", 1.5),
        ("два с половиной часа", 2.5),
        ("2 часа 30 минут", 2.5),
        ("zweieinhalb Stunden", 2.5),
        ("fünfstündige Gespräche", 5.0),
        ("a five-hour meeting", 5.0),
        ("12-годинні переговори", 12.0),
        ("петчасови преговори", 5.0),
        ("более часа", 1.0),
        ("half an hour", 0.5),
        ("Ця зустріч тривала понад 12 годин і завершилася пізно вночі", 12.0),
    ],
)
def test_parse_duration_hours(text: str, expected: float) -> None:
    assert parse_duration_hours(text) == expected


@pytest.mark.parametrize("text", ["в 15 часов", "о 10 годині ранку", "20 пунктов", "no duration here"])
def test_parse_duration_hours_none(text: str) -> None:
    assert parse_duration_hours(text) is None


def _cc(killed=None, injured=None, ck=None, ci=None, qualifier="exact") -> dict:  # type: ignore[no-untyped-def]
    return {"killed": killed, "injured": injured, "children_killed": ck, "children_injured": ci, "qualifier": qualifier}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "По оценкам европейских правительств, в 2025 году в результате атак погибли около 2 400 гражданских "
            "украинцев, еще почти 12 000 получили ранения — на 30% больше, чем в 2024 году.",
            _cc(2400, 12000, qualifier="approximate"),
        ),
        ("2 400 погибших и 12\u00a0000 раненых", _cc(2400, 12000)),
        ("В результате атаки 3 человека погибли, 10 получили ранения.", _cc(3, 10)),
        ("Загинули щонайменше 25 людей, серед них троє дітей, ще 40 поранені.", _cc(25, 40, 3, qualifier="at_least")),
        (
            "At least 12 people were killed, including 3 children, and 40 injured, including 10 children.",
            _cc(12, 40, 3, 10, "at_least"),
        ),
        ("Загинаха над 20 души, а поне 50 са ранени.", _cc(20, 50, qualifier="at_least")),
        ("Mindestens 5 Menschen wurden getötet und 12 verletzt.", _cc(5, 12, qualifier="at_least")),
        ("Zginęło co najmniej 7 osób, a ponad 20 zostało rannych.", _cc(7, 20, qualifier="at_least")),
        ("Au moins 4 morts et plus de 30 blessés.", _cc(4, 30, qualifier="at_least")),
        ("Russia launched 400 drones and 40 missiles; 2 people were killed.", _cc(2)),
        ("Погибли двое детей.", _cc(2, ck=2)),
        ("внаслідок атаки загинули 5 людей, ще 12 отримали поранення", _cc(5, 12)),
        ("Число погибших возросло до 25.", _cc(25)),
        ("Переговоры длились почти пять часов.", _cc()),
    ],
)
def test_casualty_counts(text: str, expected: dict) -> None:
    assert casualty_counts(text) == expected


def test_multipliers_are_lexicon_words_of_every_language() -> None:
    from summarizer.normalize.numbers import find_counts

    cases = [("sedikitnya 3 ribu orang", "id", 3000), ("地震造成2万人受伤", "zh", 20000), ("unos 4 mil heridos", "es", 4000),
             ("7 bin kişi", "tr", 7000), ("1,2 миллиона человек", "ru", 1_200_000), ("12 miles away", "en", 12)]  # fmt: skip
    for text, language, value in cases:
        assert [c.value for c in find_counts(text, language)] == [value], text


def test_a_count_of_thousands_in_words_and_the_rest_are_one_count() -> None:
    assert [c.value for c in find_counts("Depremde 20 bin 426 kişi yaralandı.", "tr")] == [20426]
    assert [c.value for c in find_counts("Пострадали 2 тысячи 323 человека.", "ru")] == [2323]
    assert [c.value for c in find_counts("Evacuaron a 3 mil 200 personas.", "es")] == [3200]
    assert [c.value for c in find_counts("In 2000 300 people lived there.", "en")] == [300]  # a year, then a count


def test_a_number_after_a_comma_that_follows_a_word_is_a_count() -> None:
    # Chinese news often writes a half-width comma; only a comma after a digit makes a decimal part.
    counts = casualty_counts("事故造成3人死亡,9人受伤。", "zh")
    assert (counts["killed"], counts["injured"]) == (3, 9)
    assert [c.value for c in find_counts("a rise of 3,5 points", "en")] == []  # 3.5: no count of anyone
