"""Casualty counts (normalize/casualties) and casualty records (extract/casualties), on sentences
written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.articles import parse_article
from summarizer.extract.candidates import casualty_candidates, reportable
from summarizer.extract.casualties import find_casualties
from summarizer.extract.result import ExtractionStats
from summarizer.extract.rules import victims_of
from summarizer.extract.sentences import split_sentences
from summarizer.normalize.casualties import casualty_counts


def test_counts_in_several_languages() -> None:
    assert casualty_counts("Po wybuchu zginęło pięć osób, a dziesięć zostało rannych.", "pl")["killed"] == 5
    spanish = casualty_counts("En el incendio murieron 12 personas y resultaron heridas 30.", "es")
    assert (spanish["killed"], spanish["injured"]) == (12, 30)
    assert casualty_counts("Mindestens 4 Menschen starben.", "de")["qualifier"] == "at_least"
    assert casualty_counts("The market opened at 9 with 40 stalls.", "en")["killed"] is None


def _records(text: str, language: str) -> list:  # type: ignore[type-arg]
    article = parse_article(text, "toll")
    sentences, _ = reportable(split_sentences(article.text, article.body_start))
    return find_casualties(article, casualty_candidates(sentences), ExtractionStats(), language, None)


def test_a_toll_split_up_in_brackets_is_no_incident_of_its_own() -> None:
    text = (
        " date 2024-02-10 Banjir di Sumatra menewaskan 15 orang, kata BNPB.\n\n"
        "Korban meninggal berasal dari Kabupaten Agam (9 orang) dan Kabupaten Solok (enam orang).\n\n"
        "Banjir juga melukai 40 orang dari Agam (30 orang) dan Solok (10 orang)."
    )
    (record,) = _records(text, "id")
    assert (record.killed, record.injured) == (15, 40)  # the injured total outside the brackets stands


def test_a_titles_figure_is_the_bodys_whatever_its_scene() -> None:
    text = (
        " date 2024-02-10 Korban jiwa banjir Agam bertambah jadi 4 orang\n\n"
        "Banjir terjadi pada Kamis (8/2/2024).\n\n"
        "Hingga Sabtu (10/2/2024), terdapat 4 korban meninggal dunia dan 9 orang luka-luka."
    )
    (record,) = _records(text, "id")
    assert (record.killed, record.injured, len(record.evidence)) == (4, 9, 2)


def test_a_dateline_is_where_the_story_was_written_not_the_scene() -> None:
    text = " date 2024-02-10 Jakarta (ANTARA) - Banjir bandang menewaskan 4 orang di Sumatra Barat."
    (record,) = _records(text, "id")
    assert record.location != "Jakarta"


def test_a_record_per_toll_with_victims_and_cause() -> None:
    (record,) = _records(" date 2025-04-03 A missile strike killed 7 civilians and injured 19 in Kharkiv.", "en")
    assert (record.killed, record.injured, record.victims) == (7, 19, "civilians")
    assert record.cause == "Missile strike"


def test_a_running_update_of_one_toll_keeps_the_latest_figure() -> None:
    text = (
        " date 2025-04-03 Early reports said 3 civilians were killed.\n\n"
        "By evening the toll had risen: 9 civilians were killed."
    )
    (record,) = _records(text, "en")
    assert record.killed == 9
    assert record.evidence[0].quote == "By evening the toll had risen: 9 civilians were killed."


def test_killed_and_injured_of_one_incident_are_one_record_across_sentences() -> None:
    text = (
        " date 2024-09-10 A car bomb killed 14 people at a bus station on Monday.\n\n"
        "Some 40 others were hurt, the hospital said.\n\n"
        "In a separate attack in Kharkiv, 3 people were injured."
    )
    first, second = _records(text, "en")
    assert (first.killed, first.injured, first.qualifier) == (14, 40, "exact")
    assert [e.quote[:11] for e in first.evidence] == ["A car bomb ", "Some 40 oth"]
    assert (second.killed, second.injured, second.location) == (None, 3, "Kharkiv")


def test_a_later_figure_of_the_other_kind_keeps_the_earlier_one() -> None:
    # "Ранее сообщалось о 81" is no casualty sentence; the injured complete the dead.
    text = (
        " date 2025-03-02 В результате землетрясения погибли 75 человек. Ранее сообщалось о 81. "
        "Более 400 человек получили ранения."
    )
    (record,) = _records(text, "ru")
    assert (record.killed, record.injured) == (75, 400)


def test_tolls_of_different_places_stay_apart() -> None:
    text = " date 2025-06-01 In Kharkiv 5 people died.\n\nIn Odesa 2 people died and 6 were injured."
    assert [(r.location, r.killed, r.injured) for r in _records(text, "en")] == [("Kharkiv", 5, None), ("Odesa", 2, 6)]


def test_a_number_between_two_casualty_words_goes_to_the_one_not_yet_taken() -> None:
    # The nearer word of 30 is "killed", but "killed" already has its own number (12).
    english = casualty_counts("At least 12 people were killed and 30 were injured in the blast.", "en")
    assert (english["killed"], english["injured"], english["qualifier"]) == (12, 30, "at_least")
    spelled = casualty_counts("Twelve people died and 40 were hurt when the bridge gave way.", "en")
    assert (spelled["killed"], spelled["injured"]) == (12, 40)
    spanish = casualty_counts("Los bomberos dijeron que 7 personas murieron y 25 resultaron heridas.", "es")
    assert (spanish["killed"], spanish["injured"]) == (7, 25)


def test_two_numbers_for_one_word_still_share_it_when_there_is_no_other() -> None:
    # Listed by group, each with its own noun, the counts of one word add up.
    counts = casualty_counts("The storm killed 4 fishermen and 2 tourists on the coast.", "en")
    assert counts["killed"] == 6 and counts["injured"] is None
    assert casualty_counts("Rannych zostało jeszcze 11 strażaków i trzech cywilów.", "pl")["injured"] == 14
    # Nothing else adds up: "2 operai in una fabbrica" is no list, nor are killed and injured.
    assert casualty_counts("L'esplosione uccide 2 operai in una fabbrica di fuochi.", "it")["killed"] == 2
    assert casualty_counts("Five soldiers were killed and three civilians injured.", "en")["killed"] == 5


def test_qualifiers_are_read_in_the_texts_own_language() -> None:
    # Dutch "over" is "about" a topic, not the English "over" of "over 50 dead".
    counts = casualty_counts("In een ziekenhuis werd gesproken over vijf doden.", "nl")
    assert (counts["killed"], counts["qualifier"]) == (5, "exact")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tres pasajeros murieron cuando el autobús cayó por un barranco.", "civilians"),
        ("Dwóch górników zginęło w kopalni po wybuchu metanu.", "civilians"),
        ("İki asker çatışmada hayatını kaybetti.", "military"),
        ("Vijf inwoners en twee soldaten kwamen om bij de aanval.", "mixed"),
        ("事故で乗客３人が死亡した。", "civilians"),
        ("The flood killed 12 people in the valley.", "unspecified"),
        ("Bei den Zusammenstößen wurden auf beiden Seiten 40 Menschen verletzt.", "mixed"),
        ("Сообщается о 15 раненых с обеих сторон.", "mixed"),
        ("En los enfrentamientos hubo seis heridos de ambos bandos.", "mixed"),
        ("衝突で双方に10人の負傷者が出た。", "mixed"),
    ],
)
def test_victims_come_from_the_lexicons_words(text: str, expected: str) -> None:
    assert victims_of(text) == expected


def test_a_count_takes_the_scene_the_lead_sets() -> None:
    # The lead gives place and day; the count two sentences on gives neither.
    text = (
        " date 2024-02-10 Floodwaters swept through Odesa on Friday.\n\n"
        "Roads were closed across the region.\n\n"
        "Rescuers said 11 people had died."
    )
    (record,) = _records(text, "en")
    assert (record.killed, record.location, record.period) == (11, "Odesa", "2024-02-09")
    assert (record.cause, record.victims) == ("flood", "civilians")


def test_the_sentence_before_gives_its_date_and_the_counts_own_words_win() -> None:
    text = (
        " date 2024-02-10 Officials met in Lviv to discuss the budget.\n\n"
        "Late on Wednesday gunmen opened fire on a checkpoint.\n\n"
        "Four soldiers were killed."
    )
    (record,) = _records(text, "en")
    assert record.period == "2024-02-07"
    # A shooting names no civilians: the victims are who the sentence says.
    assert (record.victims, record.cause) == ("military", "shooting")


def test_several_numbers_for_one_word_the_nearest_wins() -> None:
    # The missing are no dead; a revised toll keeps its last figure.
    text = "Le bilan de l'inondation s'est alourdi à 12 morts et au moins 30 personnes sont portées disparues."
    assert casualty_counts(text, "fr")["killed"] == 12
    assert casualty_counts("Het dodental werd bijgesteld van 41 naar 38 doden.", "nl")["killed"] == 38


def test_a_figure_the_article_repeats_is_one_record() -> None:
    text = (
        " date 2023-05-02 Tanker blast kills 9 in Odesa\n\n"
        "A fuel tanker exploded on Monday near a market in Odesa, killing 9 people, officials said.\n\n"
        "In Kharkiv, 9 people were killed in a separate fire."
    )
    odesa, kharkiv = _records(text, "en")
    assert (odesa.killed, len(odesa.evidence), odesa.period) == (9, 2, "2023-05-01")
    assert (kharkiv.killed, len(kharkiv.evidence)) == (9, 1)  # the same figure of another place



def test_a_figure_told_again_with_less_or_another_date_is_still_one_record() -> None:
    text = (
        " date 2024-03-08 Bei dem Einsturz eines Wohnhauses in Bursa starben 14 Menschen, 23 wurden verletzt.\n\n"
        "Die Rettungsarbeiten dauerten bis Freitag.\n\n"
        "Die Behörden bestätigten am Donnerstag erneut, dass die 14 Toten alle Bewohner des Hauses waren."
    )
    (record,) = _records(text, "de")
    assert (record.killed, record.injured, len(record.evidence)) == (14, 23, 2)
    one = (
        " date 2024-03-08 One person was killed in a fire in Bursa on Monday.\n\n"
        "Firefighters said the blaze started in a kitchen.\n\n"
        "On Wednesday one person was killed in a crash in Bursa."
    )
    assert len(_records(one, "en")) == 2  # one death told twice may be two

@pytest.mark.parametrize(
    "text,language,killed",
    [
        ("Nello schianto è morto un uomo di 54 anni.", "it", 1),  # an age, not a toll
        ("Kazada 27 yaşındaki bir sürücü hayatını kaybetti.", "tr", 1),  # "bir" (one), not 27
        ("지난 14일 화재로 3명이 숨졌다.", "ko", 3),  # the 14th, not 14 people
        ("Drei Menschen starben, als 12 Raketen einschlugen.", "de", 3),
        ("The quake killed 40 people some 60 km from the coast.", "en", 40),
    ],
)
def test_a_number_followed_by_an_age_date_unit_or_object_counts_no_one(
    text: str, language: str, killed: int | None
) -> None:
    assert casualty_counts(text, language)["killed"] == killed


def test_a_far_figure_updates_a_toll_only_where_it_speaks_of_the_toll() -> None:
    filler = "".join(f"Paragraph {n} is about something else entirely.\n\n" for n in range(4))
    separate = (
        f" date 2024-06-02 One fisherman was killed near the harbour.\n\n{filler}Since January 41 people have died."
    )
    assert [r.killed for r in _records(separate, "en")] == [1, 41]
    update = (
        f" date 2024-06-02 Three people were killed in the fire.\n\n{filler}The death toll rose to 5 people killed."
    )
    assert [r.killed for r in _records(update, "en")] == [5]


def test_arabic_martyrdom_counts_the_dead() -> None:
    assert casualty_counts("أدت الغارات إلى استشهاد 12 مدنيا في المدينة.", "ar")["killed"] == 12


def test_counts_are_read_in_the_articles_own_language() -> None:
    # German "tot" (dead) is Dutch "tot" (until): no toll in a Dutch sentence about aftershocks.
    assert casualty_counts("Tot nu toe zijn er minstens 475 naschokken geweest.", "nl")["killed"] is None
    assert casualty_counts("Bei dem Beben sind 475 Menschen tot.", "de")["killed"] == 475


def test_a_children_word_after_another_word_makes_a_children_count() -> None:
    counts = casualty_counts("Bei dem Beben starben zwei kleine Kinder.", "de")
    assert (counts["killed"], counts["children_killed"]) == (2, 2)


# Per language: tolls that only the wider casualty words pick (perished, bodies recovered, taken to
# hospital, martyrdom, "3死5伤"), with their counts, and numbers that count no one.
CASUALTY_SENTENCES = json.loads((Path(__file__).parent / "casualty_sentences.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", sorted(CASUALTY_SENTENCES))
def test_casualty_words_of_every_language(language: str) -> None:
    said = CASUALTY_SENTENCES[language]
    for example in said["positive"]:
        sentence = example["sentence"]
        assert len(casualty_candidates(split_sentences(sentence, 0))) == 1, sentence
        counts = casualty_counts(sentence, language)
        assert (counts["killed"], counts["injured"]) == (example["killed"], example["injured"]), sentence
    for sentence in said["negative"]:
        assert casualty_candidates(split_sentences(sentence, 0)) == [], sentence


@pytest.mark.parametrize(
    ("text", "language", "killed", "children"),
    [
        (
            " date 2024-05-02 A gas explosion in a mine killed 41 workers.\n\nTwo engineers and 3 children were among the dead.",
            "en",
            41,
            3,
        ),
        (
            " date 2024-05-02 Bei dem Brand starben 23 Menschen.\n\nUnter den Toten sind 4 Kinder und zwei Feuerwehrleute.",
            "de",
            23,
            4,
        ),
        (
            " date 2024-05-02 В результате обстрела погибли 17 человек.\n\nСреди погибших двое детей и три пожарных.",
            "ru",
            17,
            2,
        ),
        (" date 2024-05-02 地震で住民56人が死亡した。\n\n死者のうち3人は消防士だった。", "ja", 56, None),
    ],
)
def test_a_count_among_the_dead_is_part_of_the_toll_not_an_incident(
    text: str, language: str, killed: int, children: int | None
) -> None:
    # Its children counts complete the toll; its other counts are no new incident.
    (record,) = _records(text, language)
    assert (record.killed, record.children_killed, len(record.evidence)) == (killed, children, 1)


@pytest.mark.parametrize(
    ("text", "language", "injured"),
    [
        (" date 2024-05-02 La explosión dejó 31 heridos.\n\nDoce de los heridos siguen en estado grave, dijo el alcalde.",
         "es", 31),
        (" date 2024-05-02 O desabamento deixou 14 feridos.\n\nTrês dos feridos foram levados para São Paulo.", "pt", 14),
        (" date 2024-05-02 Lo scontro ha causato 22 feriti.\n\nDue dei feriti sono in prognosi riservata.", "it", 22),
        (" date 2024-05-02 В результате взрыва пострадали 40 человек.\n\nДвое из пострадавших в тяжелом состоянии.",
         "ru", 40),
        (" date 2024-05-02 The blast injured 52 people.\n\nNine of the injured were children, the police said.", "en", 52),
    ],
)  # fmt: skip
def test_a_count_of_some_of_the_injured_is_part_of_the_toll(text: str, language: str, injured: int) -> None:
    (record,) = _records(text, language)
    assert (record.injured, len(record.evidence)) == (injured, 1)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Οι δύο ηγέτες συναντήθηκαν στη νεκρή ζώνη της Λευκωσίας με τρεις απεσταλμένους.", "el"),
        ("Two envoys crossed the dead zone with 3 aides on Monday.", "en"),
    ],
)
def test_the_dead_zone_is_no_death(sentence: str, language: str) -> None:
    counts = casualty_counts(sentence, language)
    assert (counts["killed"], counts["injured"]) == (None, None)


def test_a_count_among_the_dead_with_no_toll_before_it_stands() -> None:
    (record,) = _records(" date 2024-05-02 Seven soldiers were among the dead, the army said.", "en")
    assert record.killed == 7


def test_people_a_strike_killed_in_a_town_are_civilians_unless_soldiers_are_named() -> None:
    (town,) = _records(" date 2025-03-04 A missile strike on Odesa killed 5 people overnight.", "en")
    assert town.victims == "civilians"
    (soldiers,) = _records(" date 2025-03-04 A missile strike on Odesa killed 5 soldiers.", "en")
    assert soldiers.victims == "military"
    (nowhere,) = _records(" date 2025-03-04 A missile strike killed 5 people.", "en")
    assert nowhere.victims == "unspecified"


@pytest.mark.parametrize(
    ("text", "language", "killed"),
    [
        (
            " date 2024-08-02 The flood has killed 48 people, officials said.\n\nAn earlier toll put the dead at 31.",
            "en",
            48,
        ),
        (" date 2024-08-02 L'incendie a fait 12 morts.\n\nUn précédent bilan faisait état de neuf morts.", "fr", 12),
        (" date 2024-08-02 При обрушении погибли 7 человек. Ранее сообщалось о пяти погибших.", "ru", 7),
    ],
)
def test_a_figure_that_a_later_one_replaced_is_no_record(text: str, language: str, killed: int) -> None:
    assert [r.killed for r in _records(text, language)] == [killed]


@pytest.mark.parametrize(
    ("text", "language", "killed", "injured"),
    [
        ("Banjir menewaskan 6 orang, 11 orang hilang dan 4 orang luka-luka.", "id", 6, 4),
        ("The landslide killed 12 people and 30 are still missing.", "en", 12, None),
        ("Погибли 5 человек, еще 3 пропали без вести.", "ru", 5, None),
        ("Durante la tormenta murieron 4 personas y 9 siguen desaparecidas.", "es", 4, None),
    ],
)
def test_the_missing_are_neither_dead_nor_injured(text: str, language: str, killed: int, injured: int | None) -> None:
    counts = casualty_counts(text, language)
    assert (counts["killed"], counts["injured"]) == (killed, injured)


def test_the_first_of_two_ages_is_no_count() -> None:
    counts = casualty_counts("Στο τροχαίο σκοτώθηκαν δύο φοιτητές 19 και 21 ετών.", "el")
    assert counts["killed"] == 2
    assert casualty_counts("Two boys aged 9 and 11 years drowned in the river.", "en")["killed"] == 2


def test_the_comma_of_a_decimal_number_is_no_punctuation_between_a_count_and_its_word() -> None:
    text = (
        "La cifra de muertos tras el sismo de magnitud 7,2 que golpeó la costa de Oaxaca y Guerrero el "
        "martes por la tarde subió este miércoles a 14, dijo el gobernador."
    )
    assert casualty_counts(text, "es")["killed"] == 14


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Las inundaciones dejaron 30 muertos y desaparecidos en la región.", "es"),
        ("폭우로 12명의 사망·실종자가 나왔다.", "ko"),
        ("The landslide left at least 15 dead or missing.", "en"),
    ],
)
def test_a_count_of_the_dead_and_the_missing_together_is_no_death_toll(sentence: str, language: str) -> None:
    counts = casualty_counts(sentence, language)
    assert (counts["killed"], counts["injured"]) == (None, None)


_FILLER = "".join(f"Paragraph {n} is about something else entirely.\n\n" for n in range(4))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            f" date 2024-06-02 A bomb at a bus depot killed 11 people.\n\n{_FILLER}"
            "Doctors said 35 more were wounded by the explosion.",
            "en",
        ),
        (
            " date 2024-06-02 Bij een ontploffing in een busstation kwamen 11 mensen om het leven.\n\n"
            + "".join(f"Alinea {n} gaat over iets anders.\n\n" for n in range(4))
            + "Volgens artsen raakten 35 mensen gewond door de explosie.",
            "nl",
        ),
    ],
)
def test_a_far_count_of_the_other_kind_with_no_scene_completes_the_leads_toll(text: str, language: str) -> None:
    (record,) = _records(text, language)
    assert (record.killed, record.injured, len(record.evidence)) == (11, 35, 2)


def test_a_far_count_of_the_other_kind_with_a_scene_of_its_own_is_another_incident() -> None:
    placed = f" date 2024-06-02 A bomb at a bus depot killed 11 people.\n\n{_FILLER}In Odesa 35 people were wounded."
    assert [(r.killed, r.injured) for r in _records(placed, "en")] == [(11, None), (None, 35)]
    dated = f" date 2024-06-02 A bomb at a bus depot killed 11 people.\n\n{_FILLER}On Monday 35 people were wounded."
    assert [(r.killed, r.injured) for r in _records(dated, "en")] == [(11, None), (None, 35)]


def test_only_a_toll_told_in_the_lead_takes_a_far_count_of_the_other_kind() -> None:
    text = (
        f" date 2024-06-02 The city council met on Monday.\n\n{_FILLER}A bomb at a bus depot killed 11 people.\n\n"
        f"{_FILLER}Doctors said 35 more were wounded."
    )
    assert [(r.killed, r.injured) for r in _records(text, "en")] == [(11, None), (None, 35)]


@pytest.mark.parametrize(
    ("sentence", "language", "killed", "injured"),
    [
        ("Two drones were shot down over the port; no one was injured.", "en", None, None),
        ("A second freight train derailed nearby but caused no injuries.", "en", None, None),
        ("At least 12 people were killed and nobody was hurt in the second blast.", "en", 12, None),
        ("Drei Raketen schlugen in der Stadt ein, verletzt wurde niemand.", "de", None, None),
        ("Un segundo tren descarriló el martes, sin causar heridos.", "es", None, None),
        ("El choque dejó 3 muertos y ningún herido.", "es", 3, None),
        ("Ένας ακόμα εκτροχιασμός τρένου σημειώθηκε, ο οποίος δεν προκάλεσε τραυματισμούς.", "el", None, None),
        ("Два беспилотника сбиты над городом, пострадавших нет.", "ru", None, None),
        ("2人が死亡し、けが人はいない。", "ja", 2, None),
    ],
)
def test_a_denied_casualty_word_takes_no_count(sentence: str, language: str, killed: int | None, injured: int | None) -> None:
    counts = casualty_counts(sentence, language)
    assert (counts["killed"], counts["injured"]) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "language", "killed", "injured"),
    [
        ("No fewer than 20 people were killed in the floods.", "en", 20, None),
        ("Не менее пяти человек погибли при обрушении.", "ru", 5, None),
        ("Dwie osoby nie żyją, a pięć jest rannych.", "pl", 2, 5),  # "nie żyje": is dead
        ("Dos mineros quedaron sin vida y otros 4 resultaron heridos.", "es", 2, 4),
    ],
)
def test_a_denial_with_a_count_between_or_inside_a_casualty_word_denies_nothing(
    sentence: str, language: str, killed: int, injured: int | None
) -> None:
    counts = casualty_counts(sentence, language)
    assert (counts["killed"], counts["injured"]) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "language", "killed", "injured"),
    [
        ("Un policía resultó herido en los enfrentamientos.", "es", None, 1),
        ("Murió un policía y tres manifestantes resultaron heridos.", "es", 1, 3),
        ("Um motorista morreu no acidente.", "pt", 1, None),
        ("Один человек погиб.", "ru", 1, None),
        ("Une passante est décédée et deux autres ont été grièvement blessées.", "fr", 1, 2),
        ("Un incendie a fait quatre blessés dans la vieille ville.", "fr", None, 4),
        # the article "a", not a count: too far from the casualty word, or after it
        ("Una delegazione dei familiari delle vittime del crollo è stata ricevuta dal sindaco.", "it", None, None),
        ("La reputación del club quedó lesionada, y solo una victoria la puede recuperar.", "es", None, None),
        ("Le pêcheur a répondu qu'un même risque de mort l'attendait en restant au pays.", "fr", None, None),
        ("Η πυρκαγιά άφησε 12 νεκρούς και ένα δεύτερο κτίριο κατέρρευσε.", "el", 12, None),
    ],
)
def test_one_in_words_counts_only_next_to_its_casualty_word(
    sentence: str, language: str, killed: int | None, injured: int | None
) -> None:
    counts = casualty_counts(sentence, language)
    assert (counts["killed"], counts["injured"]) == (killed, injured)


def test_a_toll_left_undated_takes_the_day_a_later_sentence_gives_its_cause() -> None:
    # Neither the toll nor the lead dates the earthquake; a later sentence does.
    text = (
        " date 2024-03-10 Relief teams reach the mountain villages\n\n"
        "Relief teams reached the mountain villages of the province by road.\n\n"
        "Officials said the death toll of the earthquake had risen to 14.\n\n"
        "Electricity was still cut in two districts.\n\n"
        "The earthquake on Thursday had a magnitude of 6.1."
    )
    (record,) = _records(text, "en")
    assert (record.killed, record.cause, record.period) == (14, "earthquake", "2024-03-07")


def test_a_later_dated_sentence_of_another_cause_dates_no_toll() -> None:
    text = (
        " date 2024-03-10 Relief teams reach the mountain villages\n\n"
        "Relief teams reached the mountain villages of the province by road.\n\n"
        "Officials said the death toll of the earthquake had risen to 14.\n\n"
        "A bus crash on Thursday had closed the main road."
    )
    (record,) = _records(text, "en")
    assert (record.killed, record.period) == (14, None)


def test_a_later_dated_sentence_on_a_crash_elsewhere_dates_no_toll() -> None:
    text = (
        " date 2024-03-10 Roads closed after the crash\n\n"
        "Roads were closed across the region.\n\n"
        "Police said the bus crash in Lviv had killed 3 people.\n\n"
        "A bus crash near Odesa on Thursday had injured 12."
    )
    records = _records(text, "en")
    lviv = next(r for r in records if r.killed == 3)
    assert lviv.location == "Lviv" and lviv.period != "2024-03-07"


def test_a_toll_since_a_day_counts_over_the_span_to_publication() -> None:
    # The lead dates the storm's start; the toll runs from it to the article's day, over two months.
    text = (
        " date 2024-05-05 Heavy rain began falling across the state on Monday (29).\n\n"
        "The storms that have hit the state since Monday (29) have caused 66 deaths."
    )
    (record,) = _records(text, "en")
    assert (record.killed, record.period) == (66, "2024")


def test_a_repeated_toll_takes_its_own_span_over_a_day_borrowed_from_the_scene() -> None:
    # The first telling has no date of its own (the lead's Sunday is the scene's); the repeat
    # counts since a day, whatever day the bulletin gave it.
    text = (
        " date 2024-05-05 Rescue teams worked through Sunday in the flooded towns.\n\n"
        "The heavy rain of recent days has killed 66 people in the state.\n\n"
        "The storms that have hit the state since Monday (29) have caused 66 deaths, the bulletin said on Sunday."
    )
    (record,) = _records(text, "en")
    assert (record.killed, record.period, len(record.evidence)) == (66, "2024", 2)
