"""Date expressions in several languages, resolved against the publication date."""

import pytest

from summarizer.normalize import DateMention, find_dates, resolve_date
from summarizer.normalize.dates import span_period


def values(text: str, published: str | None) -> list[tuple[str, str]]:
    return [(d.value, d.precision) for d in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13 марта 2025 года", "2025-03-13"),
        ("11 квітня 2025 року", "2025-04-11"),
        ("am 6. August 2025", "2025-08-06"),
        ("January 22, 2026", "2026-01-22"),
        ("22 January 2026", "2026-01-22"),
        ("22.01.2026", "2026-01-22"),
        ("2026-01-22", "2026-01-22"),
        ("6 sierpnia 2025 r.", "2025-08-06"),
        ("le 2 décembre 2025", "2025-12-02"),
        ("на 2 декември 2025 г.", "2025-12-02"),
    ],
)
def test_explicit_full_dates_need_no_publication_date(text: str, expected: str) -> None:
    assert values(text, None) == [(expected, "day")]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("13-14 марта 2025 г.", None, "2025-03"),
        ("Die Gespräche am 3.–4. Juni in Istanbul", "2025-06-10", "2025-06"),
        ("The summit on June 3-4 ended without a deal.", "2025-06-10", "2025-06"),
        ("I negoziati del 9 - 10 ottobre a Doha", "2025-10-12", "2025-10"),
    ],
)
def test_a_span_of_days_is_its_month(text: str, published: str | None, expected: str) -> None:
    """Two days of one month have no one day: the ISO period that holds both is the month."""
    assert values(text, published) == [(expected, "month")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("в 2025 году", "2025"),
        ("у 2025 році", "2025"),
        ("през 2025 г.", "2025"),
        ("in 2025", "2025"),
        ("im Jahr 2025", "2025"),
        ("w 2025 roku", "2025"),
        ("Протягом 2025 року", "2025"),
    ],
)
def test_years(text: str, expected: str) -> None:
    assert values(text, None) == [(expected, "year")]


def test_month_with_year() -> None:
    assert values("в декабре 2025 года", None) == [("2025-12", "month")]
    assert values("December 2025", None) == [("2025-12", "month")]
    assert values("у серпні 2025 року", None) == [("2025-08", "month")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # December in a January article is last year's December.
        ("в декабре", "2026-01-14", "2025-12"),
        ("у грудні", "2026-01-14", "2025-12"),
        ("през декември", "2026-01-14", "2025-12"),
        ("в началото на декември", "2026-01-21", "2025-12"),
        ("Anfang Dezember", "2026-01-21", "2025-12"),
        ("w grudniu", "2026-01-21", "2025-12"),
        ("en décembre", "2026-01-21", "2025-12"),
        ("на початку січня", "2026-01-21", "2026-01"),
        ("в конце января", "2026-01-21", "2026-01"),
        ("наприкінці січня", "2026-01-21", "2026-01"),
        # January in a November article is next year's January.
        ("в январе", "2025-11-20", "2026-01"),
        ("in May", "2026-01-21", "2026-05"),
        # Tense decides: a future meeting in December, seen from January, is next December.
        ("Встреча пройдет в декабре", "2026-01-14", "2026-12"),
        ("Они встретились в июне", "2026-03-01", "2025-06"),
    ],
)
def test_month_without_year(text: str, published: str, expected: str) -> None:
    assert values(text, published) == [(expected, "month")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("2 грудня", "2026-01-21", "2025-12-02"),
        ("22 січня", "2026-01-21", "2026-01-22"),
        ("on 6 August", "2026-01-21", "2025-08-06"),
        ("6 sierpnia", "2026-01-21", "2025-08-06"),
        ("1-го января", "2026-01-21", "2026-01-01"),
    ],
)
def test_day_month_without_year(text: str, published: str, expected: str) -> None:
    assert values(text, published) == [(expected, "day")]


def test_day_month_takes_the_year_of_its_sentence() -> None:
    text = "Останній раунд у 2024 році відбувся 2 грудня в Москві."
    assert ("2024-12-02", "day") in values(text, "2026-01-21")


# 2026-01-21 is a Wednesday.
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("в четверг", "2026-01-21", "2026-01-22"),
        ("в четвер", "2026-01-21", "2026-01-22"),
        ("у четвер", "2026-01-21", "2026-01-22"),
        ("в четвъртък", "2026-01-21", "2026-01-22"),
        ("am Donnerstag", "2026-01-21", "2026-01-22"),
        ("on Thursday", "2026-01-21", "2026-01-22"),
        ("w czwartek", "2026-01-21", "2026-01-22"),
        ("jeudi", "2026-01-21", "2026-01-22"),
        # No tense to go by: the nearer such day (Monday two days before, not five days after).
        ("в понедельник", "2026-01-21", "2026-01-19"),
        ("у п'ятницю", "2026-01-21", "2026-01-23"),
        ("в среду", "2026-01-21", "2026-01-21"),
        # Past tense: the latest such day on or before publication.
        ("Уиткофф встретился с Путиным в четверг", "2026-01-24", "2026-01-22"),
        ("Witkoff met Putin on Thursday", "2026-01-24", "2026-01-22"),
        ("Am Donnerstag traf Witkoff Putin", "2026-01-24", "2026-01-22"),
        ("Віткофф зустрівся з путіним у понеділок", "2026-01-21", "2026-01-19"),
        # Reported future speech stays in the future.
        ("Ми маємо поїхати зустрітися з ним у четвер - сказав Віткофф", "2026-01-21", "2026-01-22"),
        ("Віткофф заявив, що у четвер поїде до москви", "2026-01-21", "2026-01-22"),
        ("Witkoff said he will meet Putin on Thursday", "2026-01-21", "2026-01-22"),
        # Other languages: weekday names and tense cues from the lexicon files.
        ("Los ministros se reunieron el jueves en Lima", "2024-03-11", "2024-03-07"),
        ("Il vertice si terrà venerdì a Roma e durerà un giorno", "2024-03-11", "2024-03-15"),
        ("Het kabinet zal maandag overleggen met de vakbonden", "2024-03-13", "2024-03-18"),
        ("Bakanlar salı günü bir araya gelecek", "2024-03-14", "2024-03-19"),
        ("유가족들은 월요일 면담을 했다", "2024-03-13", "2024-03-11"),
        ("双方将于周二举行会谈", "2024-03-13", "2024-03-19"),
        # A weekday joined to a part of the day, as German and Dutch write it.
        ("Am Dienstagabend trafen sich die Minister in Wien", "2024-03-14", "2024-03-12"),
        ("Die Gespräche sollen am Samstagvormittag fortgesetzt werden", "2024-03-14", "2024-03-16"),
        ("De ministers spraken elkaar maandagavond in Den Haag", "2024-03-14", "2024-03-11"),
        # Arabic perfect verbs and the Chinese perfective 了 put a weekday in the past.
        ("شهدت المدينة صدامات ليلة الثلاثاء أودت بحياة شخصين", "2024-03-16", "2024-03-12"),
        ("两国外长周二举行了会谈", "2024-03-17", "2024-03-12"),
        # The Turkish future with its softened k ("yapacağı"): the weekday ahead.
        ("Cumhurbaşkanının pazartesi yapacağı görüşme basına kapalı", "2024-03-14", "2024-03-18"),
        # Polish adjectives of the weekday ("Sunday's meeting").
        ("Na początku niedzielnego spotkania w Warszawie minister podkreślił", "2024-03-14", "2024-03-10"),
        ("Po wtorkowych rozmowach w Wilnie", "2024-03-14", "2024-03-12"),
        # Explicit last/next.
        ("в прошлый четверг", "2026-01-22", "2026-01-15"),
        ("next Thursday", "2026-01-22", "2026-01-29"),
        ("jeudi dernier", "2026-01-21", "2026-01-15"),
    ],
)
def test_weekdays(text: str, published: str, expected: str) -> None:
    assert values(text, published) == [(expected, "day")]


def test_weekday_next_to_explicit_date_is_dropped() -> None:
    text = "Віткофф повідомив, що в четвер 22 січня зустрінеться з путіним."
    assert values(text, "2026-01-21") == [("2026-01-22", "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("завтра", ("2026-01-22", "day")),
        ("утре", ("2026-01-22", "day")),
        ("morgen", ("2026-01-22", "day")),
        ("jutro", ("2026-01-22", "day")),
        ("demain", ("2026-01-22", "day")),
        ("tomorrow", ("2026-01-22", "day")),
        ("вчера", ("2026-01-20", "day")),
        ("вчора", ("2026-01-20", "day")),
        ("gestern", ("2026-01-20", "day")),
        ("wczoraj", ("2026-01-20", "day")),
        ("yesterday", ("2026-01-20", "day")),
        ("сегодня", ("2026-01-21", "day")),
        ("сьогодні", ("2026-01-21", "day")),
        ("днес", ("2026-01-21", "day")),
        ("heute", ("2026-01-21", "day")),
        ("в этом месяце", ("2026-01", "month")),
        ("цього місяця", ("2026-01", "month")),
        ("този месец", ("2026-01", "month")),
        ("this month", ("2026-01", "month")),
        ("last month", ("2025-12", "month")),
        ("в прошлом году", ("2025", "year")),
        ("минулого року", ("2025", "year")),
        ("миналата година", ("2025", "year")),
        ("last year", ("2025", "year")),
        ("this year", ("2026", "year")),
        ("наступного року", ("2027", "year")),
        ("a week ago", ("2026-01-14", "day")),
        ("преди седмица", ("2026-01-14", "day")),
        ("hace una semana", ("2026-01-14", "day")),
        ("tydzień temu", ("2026-01-14", "day")),
        ("seminggu yang lalu", ("2026-01-14", "day")),
        ("через неделю", ("2026-01-28", "day")),
        ("dans une semaine", ("2026-01-28", "day")),
    ],
)
def test_relative(text: str, expected: tuple[str, str]) -> None:
    assert values(text, "2026-01-21") == [expected]


def test_relative_needs_publication_date() -> None:
    assert find_dates("в декабре, в четверг, завтра, в прошлом году", None) == []
    assert values("2 грудня", None) == []


def test_not_dates() -> None:
    assert values("you may go", "2026-01-21") == []
    assert values("Hier ist das Problem", "2026-01-21") == []  # German "here", not French "yesterday"
    assert values("около 2 400 человек и 20 пунктов", "2026-01-21") == []
    assert values("Am Morgen", "2026-01-21") == []


def test_offsets_index_text() -> None:
    text = "Перша поїздка відбулася 13 березня 2025 року."
    (mention,) = find_dates(text, None)
    assert isinstance(mention, DateMention)
    assert text[mention.start : mention.end] == "13 березня 2025 року"


def test_seed_like_article() -> None:
    text = (
        "Уиткофф и Кушнер посещали Москву в декабре, где провели почти пятичасовые переговоры с Путиным. "
        "Уиткофф в 2025 году шесть раз встречался с Путиным."
    )
    assert values(text, "2026-01-14") == [("2025-12", "month"), ("2025", "year")]


def test_resolve_date_prefers_precision() -> None:
    assert resolve_date("В декабре, а точнее 2 декабря 2025 года", None) == "2025-12-02"
    assert resolve_date("в четверг", "2026-01-21") == "2026-01-22"
    assert resolve_date("в 2025 году", None) == "2025"
    assert resolve_date("без даты", "2026-01-21") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O encontro foi marcado para 14 de março em Lisboa.", "2027-03-14"),
        ("De ministers spreken elkaar op 3 februari opnieuw.", "2027-02-03"),
        ("Görüşme 21 ekim tarihinde Ankara'da yapıldı.", "2026-10-21"),
        ("Pertemuan itu berlangsung pada 9 agustus di Jakarta.", "2026-08-09"),
        ("Η συνάντηση έγινε στις 5 Νοεμβρίου στην Αθήνα.", "2026-11-05"),
        ("عقد الاجتماع في 12 أيار في القاهرة.", "2026-05-12"),  # "was held": the past May
        ("La reunión con los sindicatos será el 20 de enero.", "2027-01-20"),
        ("El acuerdo se firmó el 3 de julio de 2025 en Madrid.", "2025-07-03"),
    ],
)
def test_month_names_of_more_languages_come_from_their_lexicons(text: str, expected: str) -> None:
    # Published on 1 December 2026: a day and month without a year take the year its tense asks for.
    assert resolve_date(text, "2026-12-01") == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("双方于2025年11月3日在北京举行会谈。", "2026-01-10", "2025-11-03"),
        ("両首脳は３月１５日に東京で会談した。", "2026-04-01", "2026-03-15"),
        ("양국 장관은 9월 4일 서울에서 만났다.", "2026-10-01", "2026-09-04"),
        ("会谈预计在6月举行。", "2026-04-01", "2026-06"),
    ],
)
def test_chinese_japanese_and_korean_numeric_dates(text: str, published: str, expected: str) -> None:
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("外相は１５日、東京で米国務長官と会談した。", "2025-03-16", "2025-03-15"),
        ("两国外长28日在北京举行会谈。", "2025-07-29", "2025-07-28"),
        ("양국 정상은 28일 회담했다.", "2025-03-01", "2025-02-28"),
        ("首脳会談は30日に開かれる予定だ。", "2025-03-28", "2025-03-30"),
        ("首脳会談は5日に開かれる予定だ。", "2025-03-28", "2025-04-05"),
        # A tense cue of another verb does not send a day a month away: the talks were on the 20th.
        ("首相は20日夜、米大統領と電話で会談し、連携する方針で一致した。", "2020-09-21", "2020-09-20"),
    ],
)
def test_a_day_of_the_month_alone_is_the_nearest_such_day_its_tense_allows(
    text: str, published: str, expected: str
) -> None:
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize(
    "text", ["協議は3日間続いた。", "救助活動は20日以上続いた。", "협상은 3일간 계속됐다.", "罰金は100日元だった。"]
)
def test_a_count_of_days_is_not_a_day(text: str) -> None:
    assert resolve_date(text, "2025-03-16") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il sindaco aveva incontrato i familiari tre giorni fa.", "2026-11-28"),
        ("Die Delegationen trafen sich vor zwei Tagen in Genf.", "2026-11-29"),
        ("Переговоры возобновятся через пять дней.", "2026-12-06"),
        ("The ferry capsized 4 days ago.", "2026-11-27"),
        ("两国外长3天前通了电话。", "2026-11-28"),
        ("El derrumbe ocurrió anoche en Lima.", "2026-11-30"),
        ("Het lichaam werd vannacht gevonden.", "2026-12-01"),
    ],
)
def test_a_count_of_days_and_parts_of_the_day_are_relative(text: str, expected: str) -> None:
    assert resolve_date(text, "2026-12-01") == expected


def test_a_count_of_months_is_not_a_month() -> None:
    assert resolve_date("谈判持续了3个月。", "2026-04-01") is None
    assert resolve_date("협상은 3개월 동안 계속됐다.", "2026-04-01") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Los ministros se reunieron ayer en Bogotá.", "2026-11-30"),
        ("I sindacati incontrano il governo domani.", "2026-12-02"),
        ("Os líderes conversaram ontem por telefone.", "2026-11-30"),
        ("De premier sprak gisteren met de vakbonden.", "2026-11-30"),
        ("Bakanlar dün Ankara'da bir araya geldi.", "2026-11-30"),
        ("Οι υπουργοί συναντήθηκαν χθες στην Αθήνα.", "2026-11-30"),
        ("التقى الوزيران أمس في الرياض.", "2026-11-30"),
        ("Kedua menteri bertemu kemarin di Jakarta.", "2026-11-30"),
        ("两国外长昨天在北京会谈。", "2026-11-30"),
        ("両外相は明日、東京で会談する。", "2026-12-02"),
        ("양국 정상은 어제 서울에서 만났다.", "2026-11-30"),
        ("Las conversaciones comenzaron el año pasado.", "2025"),
        # "yesterday's" and "last night" as the languages write them
        ("Bei Angriffen in der vergangenen Nacht wurden zwei Menschen verletzt.", "2026-11-30"),
        ("Die gestrige Sitzung des Kabinetts dauerte vier Stunden.", "2026-11-30"),
        ("Wczorajsze rozmowy ministrów zakończyły się bez porozumienia.", "2026-11-30"),
        ("Ο χθεσινός σεισμός προκάλεσε ζημιές στο νησί.", "2026-11-30"),
        ("Dünkü toplantıda bakanlar anlaştı.", "2026-11-30"),
        ("Deux personnes ont été blessées la nuit dernière à Lyon.", "2026-11-30"),
        ("Due persone sono morte la notte scorsa a Napoli.", "2026-11-30"),
    ],
)
def test_relative_words_of_more_languages_come_from_their_lexicons(text: str, expected: str) -> None:
    assert resolve_date(text, "2026-12-01") == expected


def test_a_daily_paper_is_not_today() -> None:
    assert resolve_date("قالت صحيفة اليومية إن المحادثات مستمرة.", "2026-12-01") is None


def test_a_month_name_before_a_capitalised_word_is_a_given_name() -> None:
    assert resolve_date("Die Gespräche zwischen Jan Brouwer und Piet Kramer dauerten lange.", "2024-05-02") is None
    assert resolve_date("June Carter Cash sang at the rally.", "2024-05-02") is None
    assert resolve_date("In January Lula met the union leaders.", "2024-05-02") == "2024-01"  # its cue word
    assert resolve_date("On 10 Jan Lula met the union leaders.", "2024-05-02") == "2024-01-10"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("These were the first direct talks since 7 March.", None),
        ("Это первые очные переговоры делегаций с 7 марта.", None),
        ("Seit Januar sind 41 Menschen ums Leben gekommen.", None),
        ("Depuis le 7 mars, les deux délégations ne se sont pas revues.", None),
        ("这是2021年以来双方首次会谈。", None),
        ("The first talks since 7 March were held on 29 March.", "2022-03-29"),
        ("Встреча с Путиным состоится 2 апреля.", "2022-04-02"),
    ],
)
def test_a_date_that_starts_a_span_is_no_day_of_the_event(text: str, expected: str | None) -> None:
    assert resolve_date(text, "2022-03-29") == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Since 3 May, 12 people have died in the clashes.", "2025-05-20", "2025-05"),
        ("Seit Januar sind 41 Menschen ums Leben gekommen.", "2025-05-20", "2025"),
        ("As chuvas que caem desde segunda-feira (29) causaram 40 mortes.", "2024-05-05", "2024"),
        ("С 7 марта погибли 30 человек.", "2025-03-20", "2025-03"),
        ("2021年以来，已有30人死亡。", "2025-03-20", None),  # a span over years: no ISO period
        ("Twelve people died on Monday.", "2025-05-20", None),  # no span at all
        ("12 people have died since 3 May.", None, None),
        ("12 people have died since Monday.", "2025-05-31", "2025-05"),  # a Saturday: the Monday before
        ("12 people have died since Monday.", "2025-05-26", "2025-05-26"),  # a Monday: that day
        ("Seit Montag sind 12 Menschen gestorben.", "2025-06-01", "2025"),  # a Sunday: Monday was in May
    ],
)
def test_a_span_runs_to_publication(text: str, published: str | None, expected: str | None) -> None:
    assert span_period(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Os dois presidentes reuniram-se em 2014 em Brasília.",  # pt: em
        "I due ministri si erano incontrati nel 2014 a Roma.",  # it: nel
        "Het kabinet sprak in 2014 met de bonden.",  # nl: in
        "Madenciler 2014'te Ankara'ya yürüdü.",  # tr: 'te after the year
        "Sendika 2014 yılında greve gitti.",  # tr: yılında
        "Το 2014 οι δύο ηγέτες συναντήθηκαν.",  # el: το
        "التقى الوزيران عام 2014 في عمان.",  # ar: عام
        "Kedua menteri bertemu pada tahun 2014.",  # id: pada tahun
        "两国领导人于2014年会晤。",  # zh: 年 after the year
        "양국 정상은 2014년 회담했다.",  # ko: 년
        "Спор начался в 2014 году.",  # ru: year word after
    ],
)
def test_a_year_by_the_languages_words_for_it(text: str) -> None:
    assert values(text, "2024-10-04") == [("2014", "year")]


@pytest.mark.parametrize(
    "text",
    [
        "2000'den fazla kişi yürüyüşe katıldı.",  # tr: "more than 2000", no year
        "More than 2000 people marched.",
        "Miners received 2014 lira each.",
    ],
)
def test_a_number_without_a_year_word_is_no_year(text: str) -> None:
    assert values(text, "2024-10-04") == []


@pytest.mark.parametrize(
    "text",
    [
        "Er vielen tot 2000 doden bij de overstromingen.",  # nl "up to 2000 dead"
        "El sismo dejó hasta 2000 heridos.",  # es
        "A enchente deixou até 2000 desabrigados.",  # pt
    ],
)
def test_up_to_a_number_is_no_year(text: str) -> None:
    assert values(text, "2024-10-04") == []
