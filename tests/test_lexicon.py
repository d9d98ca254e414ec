"""Per-language word lists as data, and the rules that make any language yield candidates.

Every sentence here is made up for the test or paraphrased from news of other stories than the
seeds'; none comes from a seed article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.errors import ConfigError
from summarizer.extract.candidates import (
    Candidate,
    demand_candidates,
    is_heading,
    meeting_candidates,
    names_someone,
)
from summarizer.extract.demands import grounded_actor
from summarizer.extract.participants import resolve_participants, unknown_entity
from summarizer.extract.sentences import Sentence, split_sentences
from summarizer.lexicon import FIELDS, lexicons, load_lexicons, number_words, pattern
from summarizer.normalize.casualties import casualty_counts
from summarizer.normalize.groups import group_words, load_group_words
from summarizer.normalize.names import english_name, find_mentions

CORPUS_LANGUAGES = {"ru", "uk", "bg", "en", "de", "pl", "fr", "es", "it", "pt", "nl", "tr", "ar", "zh", "ja", "ko",
                    "el", "id"}  # fmt: skip


def _candidate(text: str, context: str | None = None) -> Candidate:
    sentence = Sentence(0, len(text), text, 0, 1)
    ctx = Sentence(0, len(context), context, 0, 0) if context else None
    return Candidate(sentence, ctx, tuple(find_mentions(text)), tuple(find_mentions(context or "")))


def test_every_corpus_language_has_a_lexicon_with_every_list() -> None:
    table = lexicons()
    assert CORPUS_LANGUAGES <= set(table)
    for code, lexicon in table.items():
        for kind in ("meeting", "demand", "killed", "injured"):
            assert lexicon.words[kind], f"{code}: no {kind} words"
        assert lexicon.words["negation"] or lexicon.words["negation_after"], f"{code}: no words of denial"


@pytest.mark.parametrize(
    "content,message",
    [
        ({"language": "xx", "anchor": "word", "meeting": ["meet"]}, "whose 'language' is the file's name"),
        ({"language": "qq", "anchor": "sideways"}, "'anchor' must be"),
        ({"language": "qq", "anchor": "word", "demand": ["insist(("]}, "not a valid pattern"),
        ({"language": "qq", "anchor": "word", "killed": "dead"}, "must be a list"),
        ({"language": "qq", "anchor": "word", "numbers": {"two": "dos"}}, "is not a number"),
        ({"language": "qq", "anchor": "word", "count_first": "yes"}, "'count_first' must be"),
        ({"language": "qq", "anchor": "word", "causes": {"volcano": ["lava"]}}, "'causes' maps some of"),
        ({"language": "qq", "anchor": "word", "causes": {"flood": "inondation"}}, "cause 'flood' must be a list"),
        ({"language": "qq", "anchor": "word", "multipliers": {"thousand": ["k"]}}, "multiplier 'thousand' must be"),
        ({"language": "qq", "anchor": "word", "relative": {"days_ago": ["days ago"]}}, "the count of days"),
        ({"language": "qq", "anchor": "word", "relative": {"today": ["{n} today"]}}, "the count of days"),
    ],
)
def test_a_bad_lexicon_file_is_named_in_the_error(tmp_path: Path, content: dict[str, object], message: str) -> None:
    (tmp_path / "qq.json").write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as error:
        load_lexicons(tmp_path)
    assert "qq.json" in str(error.value)


def test_adding_a_language_is_adding_a_file(tmp_path: Path) -> None:
    (tmp_path / "sw.json").write_text(
        json.dumps(
            {"language": "sw", "name": "Swahili", "anchor": "word", "meeting": ["mkutano"], "numbers": {"2": "mbili"}}
        ),  # fmt: skip
        encoding="utf-8",
    )
    loaded = load_lexicons(tmp_path)
    assert set(loaded) == {"sw"} and set(loaded["sw"].words) == set(FIELDS)
    assert loaded["sw"].numbers == {"mbili": 2.0}


def test_anchoring_word_starts_compounds_and_unspaced_scripts() -> None:
    meeting = pattern("meeting")
    assert meeting.search("The ministers held talks in Geneva")
    assert not meeting.search("The stalks of wheat were burnt")  # "talks" only at a word start
    assert meeting.search("Die Friedensgespräche wurden vertagt")  # German compound ("~gespräch")
    assert meeting.search("两国外长在北京举行会谈")  # Chinese: no spaces, matched anywhere
    assert meeting.search("苏丹政府与快速支援部队在吉达重启和谈")  # peace talks, simplified
    assert meeting.search("蘇丹政府與快速支援部隊在吉達重啓和談")  # and traditional
    killed = pattern("killed", whole_words=True)
    assert killed.search("Bei dem Unglück gab es drei Todesopfer")
    assert not killed.search("The totals were revised")


def test_number_words_belong_to_their_language() -> None:
    assert number_words("tr")["on"] == 10
    assert "on" not in number_words("en")
    assert casualty_counts("Three people died on Monday in the blast", "en")["killed"] == 3
    assert casualty_counts("Madende on işçi hayatını kaybetti", "tr")["killed"] == 10
    assert casualty_counts("Dos muertos y varios heridos en Lima durante la marcha", "es")["killed"] == 2


def test_counts_glued_to_unspaced_scripts() -> None:
    assert casualty_counts("地震で少なくとも94人の死亡が確認された", "ja") == {
        "killed": 94, "injured": None, "children_killed": None, "children_injured": None, "qualifier": "at_least",
    }  # fmt: skip
    assert casualty_counts("화재로 4명이 숨지고 12명이 다쳤다", "ko")["killed"] == 4
    assert casualty_counts("爆炸已造成36人死亡", "zh")["killed"] == 36
    assert casualty_counts("The B52 crew was not hurt", "en")["injured"] is None  # a code, not a count


@pytest.mark.parametrize(
    ("sentence", "language", "killed", "qualifier"),
    [
        ("Al menos 12 personas murieron en el derrumbe.", "es", 12, "at_least"),
        ("Nell'incendio sono morte circa 30 persone.", "it", 30, "approximate"),
        ("Pelo menos 8 pessoas morreram na enchente.", "pt", 8, "at_least"),
        ("Bij de brand kwamen ruim 40 mensen om het leven.", "nl", 40, "at_least"),
        ("Depremde 20'den fazla kişi hayatını kaybetti.", "tr", 20, "at_least"),
        ("Στην πυρκαγιά σκοτώθηκαν τουλάχιστον 15 άνθρωποι.", "el", 15, "at_least"),
        ("Banjir itu menewaskan sedikitnya 11 orang.", "id", 11, "at_least"),
        # Ranges, collective numbers and years with case endings.
        ("La crisis ha cobrado entre 58 y 65 muertes en un mes.", "es", 58, "at_least"),
        ("Die Kämpfe forderten 120–150 Tote.", "de", 120, "at_least"),
        ("Les affrontements ont fait une vingtaine de morts jeudi.", "fr", 20, "approximate"),
        ("Gli scontri hanno causato una ventina di morti.", "it", 20, "approximate"),
        ("2014'te Soma'da yaşamını yitiren 301 madencinin mezarı ziyaret edildi.", "tr", 301, "exact"),
        ("Liczba ofiar ataku na dwa bloki mieszkalne wzrosła w piątek do 31.", "pl", 31, "exact"),  # blocks are no people
        ("洪水已造成约40人死亡。", "zh", 40, "approximate"),
        ("화재로 30여 명이 숨졌다.", "ko", 30, "approximate"),
        ("Під час обстрілу загинули три людини.", "uk", 3, "exact"),
    ],
)
def test_count_qualifiers_and_number_words_are_per_language_data(
    sentence: str, language: str, killed: int, qualifier: str
) -> None:
    counts = casualty_counts(sentence, language)
    assert (counts["killed"], counts["qualifier"]) == (killed, qualifier)


def test_sentences_split_in_scripts_without_spaces_and_with_other_capitals() -> None:
    text = "両首脳は会談した。輸出管理で一致した。"
    assert [s.text for s in split_sentences(text)] == ["両首脳は会談した。", "輸出管理で一致した。"]
    greek = "Ο σεισμός έπληξε τη Σάμο. Δύο παιδιά σκοτώθηκαν."
    assert len(split_sentences(greek)) == 2
    arabic = "التقى الوفد مدير المخابرات. وبحث الجانبان وقف إطلاق النار."
    assert len(split_sentences(arabic)) == 2


def test_a_short_unspaced_title_is_a_heading_a_sentence_is_not() -> None:
    sentences = split_sentences("港口工人罢工要求加薪\n工会要求公司提高工资。")
    assert is_heading(sentences[0], sentences)
    assert not is_heading(sentences[1], sentences)


def test_names_the_alias_table_does_not_know_make_a_party() -> None:
    assert names_someone("In the residence the prime minister received Anna Claes.")
    assert not names_someone("They said they would meet again soon.")
    assert names_someone("工会代表与公司管理层会面。")
    sentences = split_sentences("Premier Jan Peeters ontving zijn Deense collega Mette Lund in het Catshuis.")
    assert len(meeting_candidates(sentences)) == 1


def test_a_demand_needs_no_known_actor() -> None:
    sentences = split_sentences("Protestujący domagają się podwyżek płac i krótszego czasu pracy.")
    assert [c.sentence.text for c in demand_candidates(sentences)] == [sentences[0].text]


def test_unknown_entities_are_the_models_english_answer() -> None:
    assert unknown_entity("FNV") == "FNV"
    assert unknown_entity("  the dockworkers' union. ") == "the dockworkers' union"
    assert unknown_entity("Профсоюз авиадиспетчеров") == "Profsoyuz aviadispetcherov"
    assert unknown_entity("工会") is None  # not an English answer
    assert unknown_entity("S.I.N.D.E.") == "SINDE" and unknown_entity("U.G.T") == "UGT"  # no dots in acronyms
    assert unknown_entity("J. R. Mendoza") == "J. R. Mendoza"  # a person's initials keep theirs
    assert unknown_entity("None") is None and unknown_entity("unknown") is None  # no one named
    assert unknown_entity("The union demands that the company raise wages by seven percent now") is None


def test_an_unknown_actor_is_never_replaced_by_a_known_name() -> None:
    text = "Профсоюз докеров потребовал от России повысить зарплаты."
    assert grounded_actor("Dockworkers' union", _candidate(text), fallback=True) == "Dockworkers' union"
    assert grounded_actor("Russia", _candidate(text), fallback=True) == "Russia"
    assert grounded_actor("", _candidate(text), fallback=True) == "Russia"  # no answer: the window's actor


def test_an_unknown_actor_must_be_written_in_its_sentence() -> None:
    # An invented organisation is dropped; a misspelt acronym becomes the one the sentence writes.
    turkish = "Maden-İş ve DİSK, ücretlerin derhal ödenmesini istiyor."
    assert grounded_actor("DISQ", _candidate(turkish), fallback=False) == "DISK"
    assert grounded_actor("DISK", _candidate(turkish), fallback=False) == "DISK"  # never "DİSK"
    assert grounded_actor("World Labour Forum", _candidate(turkish), fallback=False) is None
    # A group described in English is a translation and stands; so does a name the sentence
    # writes, give or take accents and endings, and any name where the script cannot be compared.
    # Group words alone name no party.
    spanish = "Los camioneros chilenos de la Confederación Nacional exigen rebajar el peaje."
    assert grounded_actor("Chilean truckers", _candidate(spanish), fallback=False) == "Chilean truckers"
    assert grounded_actor("Confederacion Nacional", _candidate(spanish), fallback=False) == "Confederación Nacional"
    assert grounded_actor("Protesters", _candidate(spanish), fallback=False) is None
    assert grounded_actor("the government", _candidate(spanish), fallback=False) is None
    assert grounded_actor("Prime Minister", _candidate(spanish), fallback=False) is None
    assert (
        grounded_actor("Farmers' Union", _candidate("農民団体は政府に補助金を求めた。"), fallback=False)
        == "Farmers' Union"
    )


def test_group_words_are_data_and_checked(tmp_path: Path) -> None:
    assert {"protesters", "union", "families"} <= group_words()
    bad = tmp_path / "groups.json"
    bad.write_text('["Protesters"]', encoding="utf-8")
    with pytest.raises(ConfigError, match="lower-case"):
        load_group_words(bad)


def test_participants_in_a_script_english_cannot_be_compared_with() -> None:
    text = "김민준 장관은 28일 유가족 대표 이수진 씨와 면담했다."
    assert resolve_participants(["Kim Min-jun", "Lee Su-jin"], _candidate(text)) == ["Kim Min-jun", "Lee Su-jin"]
    latin = "Minister Jan Peeters met the union leaders in Antwerp."
    assert resolve_participants(["Jan Peeters", "Karel Smit"], _candidate(latin)) == ["Jan Peeters"]


def test_a_hyphenated_surname_is_written_in_the_window() -> None:
    text = "La présidente malienne, Awa Koné-Traoré, a reçu vendredi à Bamako son homologue nigérien."
    assert resolve_participants(["Awa Koné-Traoré"], _candidate(text)) == ["Awa Koné-Traoré"]
    assert resolve_participants(["Awa Koné-Diallo"], _candidate(text)) == []  # another surname


# -- a language without a lexicon: the model triages ----------------------------------------

SWAHILI = (
    " date 2024-05-07 Waziri Mkuu Amina Juma alikutana na Rais Baraka Mwita mjini Arusha jana kujadili biashara.\n\n"
    "Chama cha madereva CHAMADA kinataka serikali ipunguze bei ya mafuta mara moja.\n\n"
    "Watu 9 walifariki na wengine 22 kujeruhiwa baada ya lori kugonga basi karibu na Morogoro.\n\n"
    "Hali ya hewa inatarajiwa kuwa nzuri mwishoni mwa wiki."
)


def _swahili_model(request: dict[str, object]) -> dict[str, object]:
    from summarizer.testing import FakeModel

    title = FakeModel.schema_title(request)  # type: ignore[arg-type]
    sentence = FakeModel.question(request).split("Target sentence:", 1)[-1]  # type: ignore[arg-type]
    if title == "TriageAnswer":
        return {"meeting": "alikutana" in sentence, "demand": "kinataka" in sentence, "casualty": "Watu 9" in sentence}
    if title == "MeetingAnswer":
        return {"is_meeting": True, "participants": ["Amina Juma", "Baraka Mwita"], "status": "happened"}  # fmt: skip
    if title == "DemandAnswer":
        return {"is_demand": True, "actor": "CHAMADA", "target": "government",
                "demand": "Cut fuel prices at once.", "category": "economic"}  # fmt: skip
    if title == "CasualtyAnswer":
        return {"killed": 9, "injured": 23}  # 23 is not in the sentence: it must be dropped
    if title == "SummaryAnswer":
        return {"headline": "Tanzanian leaders meet in Arusha", "brief": "Two leaders met in Arusha."}
    raise AssertionError(title)


def test_a_language_without_a_lexicon_still_yields_its_records() -> None:
    from summarizer.articles import parse_article
    from summarizer.extract import extract_article
    from summarizer.testing import FakeModel

    assert "sw" not in lexicons()
    article = parse_article(SWAHILI, "sw-test")
    fake = FakeModel(_swahili_model)
    summary = extract_article(article, fake.client()).summary
    assert summary.language == "sw"
    titles = [FakeModel.schema_title(r) for r in fake.requests]
    assert titles.count("TriageAnswer") == 4  # one short question per sentence
    assert [m.participants for m in summary.meetings] == [["Amina Juma", "Baraka Mwita"]]
    assert summary.meetings[0].date is None  # "jana" (yesterday): no date words for Swahili, so none invented
    assert [(d.actor, d.category) for d in summary.demands] == [("CHAMADA", "economic")]
    assert [(c.killed, c.injured) for c in summary.casualties] == [(9, None)]
    for record in [*summary.meetings, *summary.demands, *summary.casualties]:
        quote = record.evidence[0]
        assert SWAHILI[quote.start : quote.end] == quote.quote


def test_name_endings_undo_polish_cases_of_a_name_the_model_copied() -> None:
    assert english_name("Mateuszem Koteckim", "pl") == "Mateusz Kotecki"
    assert english_name("Anną Kowalską", "pl") == "Anna Kowalska"
    assert english_name("Jan Kowalski", "pl") == "Jan Kowalski"  # already nominative
    assert english_name("Karolem Nowakiem", "de") == "Karolem Nowakiem"  # only the article's language's endings


def test_name_endings_are_checked(tmp_path: Path) -> None:
    (tmp_path / "qq.json").write_text(json.dumps({"language": "qq", "anchor": "word", "name_endings": [["", "a"]]}))
    with pytest.raises(ConfigError, match="name_endings"):
        load_lexicons(tmp_path)


def test_the_articles_own_word_for_a_body_is_no_english_actor() -> None:
    spanish = "Los sindicatos de estibadores exigen al Gobierno de Chile subir los salarios."
    assert grounded_actor("sindicatos", _candidate(spanish), fallback=False, language="es") is None
    assert grounded_actor("Gobierno", _candidate(spanish), fallback=False, language="es") is None
    assert grounded_actor("Dockworkers' unions", _candidate(spanish), fallback=False, language="es") is not None
    russian = "Профсоюз докеров потребовал повысить зарплаты."
    assert grounded_actor("профсоюз", _candidate(russian), fallback=False, language="ru") is None


def test_a_states_government_or_side_demanding_is_the_state() -> None:
    text = "Правительство Египта потребовало от Израиля немедленно прекратить огонь."
    assert grounded_actor("Egyptian government", _candidate(text), fallback=False, language="ru") == "Egypt"
    assert grounded_actor("the Israeli side", _candidate(text), fallback=False, language="ru") == "Israel"


@pytest.mark.parametrize(
    "language,sentence",
    [
        ("en", "The two foreign ministers held discussions by video conference on Friday."),
        ("pl", "Premier gościł w środę prezydenta Litwy."),
        ("ru", "Министры связались по видеосвязи."),
        ("uk", "Президенти поговорили по відеозв'язку у вівторок."),
        ("bg", "Министърът посрещна колегата си от Гърция в София."),
        ("de", "Die Außenminister sprachen mit ihrem Amtskollegen in einer Schalte."),
        ("fr", "Le président a parlé avec son homologue par téléphone."),
        ("es", "El presidente habló con su homólogo en una llamada telefónica."),
        ("it", "Il premier ha parlato con il presidente francese in videoconferenza."),
        ("pt", "O presidente falou com o primeiro-ministro numa ligação telefónica."),
        ("nl", "De premier belde vrijdag met de Duitse bondskanselier."),
        ("tr", "Dışişleri bakanları Ankara'da buluştu."),
        ("id", "Presiden berbincang dengan Perdana Menteri melalui konferensi video."),
        ("ar", "أجرى الرئيس مكالمة مع نظيره الفرنسي."),
        ("el", "Ο πρωθυπουργός τηλεφώνησε στον Γάλλο πρόεδρο."),
        ("ja", "首相は大統領と対談した。"),
        ("ko", "두 정상은 화상으로 대화를 나눴다."),
        ("zh", "国家主席接见了法国总统。"),
    ],
)
def test_calls_visits_and_talks_of_every_form_are_meeting_words(language: str, sentence: str) -> None:
    assert pattern("meeting", language=language).search(sentence)
