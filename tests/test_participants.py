"""Who takes part: the model's names against what the sentence and its context mention."""

from __future__ import annotations

from summarizer.extract.candidates import Candidate
from summarizer.extract.participants import (
    given_names,
    group_delegation,
    resolve_participants,
    source_institution,
    spelled_out,
    unknown_entity,
    window_people,
    without_title,
)
from summarizer.extract.sentences import Sentence
from summarizer.normalize.names import find_mentions


def _candidate(text: str, context: str | None = None) -> Candidate:
    sentence = Sentence(0, len(text), text, 0, 1)
    ctx = Sentence(0, len(context), context, 0, 0) if context else None
    return Candidate(sentence, ctx, tuple(find_mentions(text)), tuple(find_mentions(context or "")))


def test_the_window_names_its_people_once() -> None:
    candidate = _candidate("Keir Starmer spoke with Emmanuel Macron.", "Emmanuel Macron had landed in London.")
    assert window_people(candidate) == ["Keir Starmer", "Emmanuel Macron"]


def test_a_garbled_spelling_maps_to_the_person_the_window_mentions() -> None:
    candidate = _candidate("Keir Starmer hat Emmanuel Macron in London empfangen.")
    assert resolve_participants(["Kier Starmar", "Emanuel Makron"], candidate, "de") == [
        "Keir Starmer",
        "Emmanuel Macron",
    ]


def test_a_known_person_the_window_never_mentions_is_dropped() -> None:
    candidate = _candidate("Keir Starmer a reçu Emmanuel Macron à Londres.")
    assert resolve_participants(["Keir Starmer", "Donald Trump"], candidate, "fr") == ["Keir Starmer"]


def test_a_state_among_participants_is_its_delegation() -> None:
    candidate = _candidate("Delegacje Ukrainy i Turcji spotkały się w Ankarze.")
    assert resolve_participants(["Ukraine", "Turkey"], candidate, "pl") == [
        "Ukrainian delegation",
        "Turkish delegation",
    ]


def test_a_demonym_alone_is_its_states_delegation() -> None:
    candidate = _candidate("Las delegaciones de Chile y Perú se reunieron en Lima el martes.")
    assert resolve_participants(["Chilean", "Peruvian delegation"], candidate, "es") == [
        "Chilean delegation",
        "Peruvian delegation",
    ]


def test_someone_named_only_in_a_title_is_no_participant() -> None:
    candidate = _candidate("Steve Witkoff, the envoy of Donald Trump, met Hakan Fidan in Ankara.")
    assert resolve_participants(["Steve Witkoff", "Donald Trump", "Hakan Fidan"], candidate, "en") == [
        "Steve Witkoff",
        "Hakan Fidan",
    ]


def test_an_unknown_entity_is_the_models_english_name_cleaned() -> None:
    assert unknown_entity(" «Confederación de Agricultores» ") == "Confederación de Agricultores"
    assert unknown_entity("Профспілка шахтарів") == "Profspilka shakhtariv"
    assert unknown_entity("The union said it would keep striking until the wages are raised.") is None


def test_a_group_without_named_members_is_its_delegation() -> None:
    candidate = _candidate("Le ministre Keir Starmer a reçu les syndicats des dockers à Londres.")
    assert resolve_participants(["Keir Starmer", "dockers' unions"], candidate, "fr") == [
        "Keir Starmer",
        "dockers' unions' delegation",
    ]
    assert group_delegation("the nurses") == "nurses' delegation"
    assert group_delegation("Chilean teachers") == "Chilean teachers' delegation"
    assert group_delegation("farmers' delegation") == "farmers' delegation"


def test_a_title_a_name_or_a_source_word_is_no_group_delegation() -> None:
    assert group_delegation("Prime Minister") is None  # a person no one named
    assert group_delegation("police") is None  # no plural: a body, not the people who came
    assert group_delegation("Camioneros Unidos") is None  # capitalised: a name, checked as one
    assert group_delegation("los sindicatos") is None  # not English


def test_a_states_government_or_negotiators_are_its_delegation() -> None:
    candidate = _candidate("Los gobiernos de Chile y Perú se reunieron en Lima el martes.")
    assert resolve_participants(["Chilean government", "Peruvian negotiators"], candidate, "es") == [
        "Chilean delegation",
        "Peruvian delegation",
    ]


def test_every_states_delegation_is_its_own_name() -> None:
    candidate = _candidate("Antonio Tajani a reçu la délégation de la France et celle de l'Allemagne à Rome.")
    assert resolve_participants(["Antonio Tajani", "French delegation", "german delegation"], candidate, "fr") == [
        "Antonio Tajani",
        "French delegation",
        "German delegation",
    ]


def test_the_articles_own_word_for_a_body_is_no_participant() -> None:
    candidate = _candidate("El Gobierno y la Iglesia Católica se reunieron con Luis Abinader en Santo Domingo.")
    assert resolve_participants(["Gobierno", "Iglesia Católica", "Luis Abinader"], candidate, "es") == ["Luis Abinader"]
    candidate = _candidate("Daniel Santalla anunció que el Gobierno y la COB tendrán un encuentro hoy.")
    assert resolve_participants(["Daniel Santalla", "COB"], candidate, "es") == ["Daniel Santalla", "COB"]


def test_the_son_in_law_named_after_whose_he_is_takes_part() -> None:
    # Whose son-in-law is no participant; the son-in-law himself, named after him, is.
    ru = _candidate("Вечером в Кремле Путин принял Уиткоффа и зятя американского лидера Дональда Трампа Джареда Кушнера.")
    assert resolve_participants(["Vladimir Putin", "Steve Witkoff", "Donald Trump", "Jared Kushner"], ru, "ru") == [
        "Vladimir Putin",
        "Steve Witkoff",
        "Jared Kushner",
    ]
    de = _candidate("Witkoff als Berater von US-Präsident Donald Trump und dessen Schwiegersohn Kushner trafen Putin.")
    assert resolve_participants(["Steve Witkoff", "Donald Trump", "Jared Kushner", "Vladimir Putin"], de, "de") == [
        "Steve Witkoff",
        "Jared Kushner",
        "Vladimir Putin",
    ]
    en = _candidate("Trump's son-in-law Jared Kushner and the envoy of the US Steve Witkoff met Putin.")
    assert resolve_participants(["Jared Kushner", "Steve Witkoff", "Vladimir Putin"], en, "en") == [
        "Jared Kushner",
        "Steve Witkoff",
        "Vladimir Putin",
    ]


def test_the_place_or_the_talks_themselves_are_no_participants() -> None:
    candidate = _candidate("Bei dem Gespräch in Miami am Freitag sprachen Vertreter beider Seiten über Garantien.")
    assert resolve_participants(["Die Gespräche", "Miami", "the talks"], candidate, "de") == []
    person = _candidate("Bürgermeister Gerhard Treffer empfing am Montag Keir Starmer in Passau.")
    assert resolve_participants(["Gerhard Treffer", "Keir Starmer"], person, "de") == ["Gerhard Treffer", "Keir Starmer"]


def test_a_sentence_that_names_both_sides_takes_no_one_from_its_context() -> None:
    candidate = _candidate(
        "Keir Starmer and Emmanuel Macron held talks in a friendly tone.",
        "Jonathan Powell said the two leaders understand each other.",
    )
    assert resolve_participants(["Keir Starmer", "Emmanuel Macron", "Jonathan Powell"], candidate, "en") == [
        "Keir Starmer",
        "Emmanuel Macron",
    ]
    # A follow-up sentence that names one side still takes the other from its context.
    follow_up = _candidate("He then met Emmanuel Macron.", "Keir Starmer flew to Paris.")
    assert resolve_participants(["Keir Starmer", "Emmanuel Macron"], follow_up, "en") == ["Keir Starmer", "Emmanuel Macron"]


def test_whose_plan_it_is_is_no_participant() -> None:
    uk = _candidate("Віткофф та Умєров зустрілися у понеділок, після дискусій щодо мирного плану Дональда Трампа.")
    assert resolve_participants(["Donald Trump", "Steve Witkoff", "Rustem Umerov"], uk, "uk") == [
        "Steve Witkoff",
        "Rustem Umerov",
    ]
    en = _candidate("Keir Starmer and Emmanuel Macron discussed the peace plan of Donald Trump in Paris.")
    assert resolve_participants(["Keir Starmer", "Emmanuel Macron", "Donald Trump"], en, "en") == [
        "Keir Starmer",
        "Emmanuel Macron",
    ]


def test_whose_thing_a_name_is_said_of_is_no_participant() -> None:
    es = _candidate("Chile tuvo una conversación con Perú sobre los aranceles de Donald Trump y la minería.")
    assert resolve_participants(["Donald Trump", "Chilean delegation", "Peruvian delegation"], es, "es") == [
        "Chilean delegation",
        "Peruvian delegation",
    ]
    # A noun that is no one's thing names who takes part: "la visita de Lula", "la llegada de Lula".
    arrival = _candidate("La llegada de Lula a París para reunirse con Emmanuel Macron fue el lunes.")
    assert resolve_participants(["Luiz Inacio Lula da Silva", "Emmanuel Macron"], arrival, "es") == [
        "Luiz Inacio Lula da Silva",
        "Emmanuel Macron",
    ]
    visit = _candidate("La visita de Lula a Emmanuel Macron en París duró dos días.")
    assert resolve_participants(["Luiz Inacio Lula da Silva", "Emmanuel Macron"], visit, "es") == [
        "Luiz Inacio Lula da Silva",
        "Emmanuel Macron",
    ]


def test_given_names_the_window_does_not_write_are_not_added() -> None:
    candidate = _candidate("Cumhurbaşkanı Kemal Aksoy, Başbakan Yıldız ile Çankaya'da görüştü.")
    assert resolve_participants(["Kemal Aksoy", "Mehmet Ali Yıldız"], candidate, "tr") == ["Kemal Aksoy", "Yıldız"]
    written = _candidate("In oktober ging Jan Jambon langs bij Kees Verhoef in Den Haag.")
    assert resolve_participants(["Jan Jambon", "Kees Verhoef"], written, "nl") == ["Jan Jambon", "Kees Verhoef"]


def test_a_surname_that_is_a_state_is_a_person_where_a_given_name_precedes_it() -> None:
    candidate = _candidate("O ministro reuniu-se ontem com o governador de São Paulo, Alberto Portugal, na sede do governo.")
    assert resolve_participants(["Portugal"], candidate, "pt") == ["Alberto Portugal"]
    state = _candidate("O ministro reuniu-se ontem com representantes de Portugal e da Espanha.")
    assert resolve_participants(["Portugal", "Spain"], state, "pt") == ["Portuguese delegation", "Spanish delegation"]


def test_the_full_names_an_article_writes_for_a_surname() -> None:
    text = "O ministro Carlos Dantas falou ontem. Presidente Dantas chegou cedo. E o governo Dantas caiu."
    assert given_names("Dantas", text, "pt") == {"Carlos Dantas"}  # a title opening a sentence is no given name
    assert given_names("Weber", "Der Außenminister Weber reiste ab.", "de") == set()  # a title, capitalised
    assert given_names("Weber", "Später sprach Weber.", "de") == set()
    assert given_names("Smit", "Hij sprak met FNV-voorzitter Smit en met Jan-Willem Smit.", "nl") == {"Jan-Willem Smit"}
    # In Cyrillic, the given name is found beside the surname's own spelling and transliterated.
    cyrillic = "Кметът Петров говори вчера. Срещата с Иван Петров продължи час."
    assert given_names("Petrov", cyrillic, "bg") == {"Ivan Petrov"}


def test_a_name_the_window_writes_with_accents_keeps_them() -> None:
    candidate = _candidate("Po rozmowie z ministrem Jan Kowalski spotkał się z Tomaszem Wójcikiem i Anną Nowak.")
    assert resolve_participants(["Jan Kowalski", "Anna Nowak"], candidate, "pl") == ["Jan Kowalski", "Anna Nowak"]
    accented = _candidate("Po rozmowie z ministrem lider Marek Wójcik pojechał do protestujących.")
    assert resolve_participants(["Marek Wojcik"], accented, "pl") == ["Marek Wójcik"]
    # A last letter that differs is a case ending, not a spelling: "z Tomaszem Kotą" is Tomasz Kota.
    inflected = _candidate("Górnicy spotkali się wczoraj z Tomaszem Kotą.", "Wiceminister Tomasz Kota przyjechał.")
    assert resolve_participants(["Tomasz Kota"], inflected, "pl") == ["Tomasz Kota"]


def test_a_german_compound_for_a_body_or_group_is_no_name() -> None:
    assert source_institution("Bauernvertreter", "de")
    assert source_institution("Ampelfraktionen", "de")
    assert source_institution("Bauern", "de") and source_institution("Landwirte", "de")
    assert source_institution("Fraktionsspitzen", "de")
    assert not source_institution("Jonas Klein", "de")
    assert not source_institution("Peter Bauer", "de")  # a surname, not "the farmers"
    assert not source_institution("Anna Landwirt", "de")


def test_titles_the_model_copies_before_a_name_are_dropped() -> None:
    assert without_title("generaal Ian Isberg", "nl") == "Ian Isberg"
    assert without_title("Gewerkschaftschef Jonas Klein", "de") == "Jonas Klein"
    assert without_title("former Prime Minister Ana Reyes", "en") == "Ana Reyes"
    assert without_title("ex-presidente Ana Reyes", "es") == "Ana Reyes"
    assert without_title("CNV-voorzitter De Waal", "nl") == "De Waal"
    assert without_title("CNV-voorzitter Terpstra", "nl") == "Terpstra"
    assert without_title("generaal Nkunda", "nl") == "Nkunda"
    # A title that a place or body qualifies, and the capitalised titles of the lexicons.
    assert without_title("Kerala Labour Minister Anil Varma", "en") == "Anil Varma"
    assert without_title("Bank of Ghana Governor Kofi Mensah", "en") == "Kofi Mensah"
    assert without_title("Genel Başkanı Ali Demir", "tr") == "Ali Demir"
    assert without_title("İzmir Şube Başkanı Ayşe Kaya", "tr") == "Ayşe Kaya"
    assert without_title("Gubernur Budi Santoso", "id") == "Budi Santoso"
    assert without_title("Bürgermeister Jonas Klein", "de") == "Jonas Klein"
    assert without_title("Jean-Pierre Raffarin", "fr") == "Jean-Pierre Raffarin"
    kept_as_is = ("de Croo", "van der Bellen", "della Rovere", "General Motors", "miners of PG Silesia")
    for kept in (*kept_as_is, "Hamas delegation"):
        assert without_title(kept, "en") == kept
    candidate = _candidate("Le président Jean Dupont a reçu le ministre Paul Martin à Lyon.")
    assert resolve_participants(["président Jean Dupont", "ministre Paul Martin"], candidate, "fr") == [
        "Jean Dupont",
        "Paul Martin",
    ]


def test_an_acronym_is_the_name_an_english_article_spells_out_for_it() -> None:
    text = "Talks between the Dock Workers Union of Lagos (DWUL) and the port authority broke down."
    assert spelled_out("DWUL", text, "en") == "Dock Workers Union of Lagos"
    assert spelled_out("DWUL", text, "fr") == "DWUL"  # a long form in another language is no English name
    assert spelled_out("DWU", text, "en") == "DWU"  # the article spells out no such acronym
    assert spelled_out("NATO", "the North Atlantic Treaty Organization (NATO) met", "en") == "NATO"  # known
