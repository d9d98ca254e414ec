"""Language detection by script, distinctive letters and stopwords."""

import pytest

from summarizer.normalize import detect_language, language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Спецпредставитель президента США Стив Виткофф может в скором времени посетить Россию.", "ru"),
        ("Это значит, что переговоры продолжатся в этом месяце.", "ru"),
        ("Спецпосланець президента США повідомив, що в четвер зустрінеться з путіним.", "uk"),
        ("Зеленський заявив, що Україна та партнери готові до переговорів.", "uk"),
        ("Специалният пратеник ще проведе преговори с президента на Русия в четвъртък.", "bg"),
        ("Информацията беше потвърдена и от говорителя на Кремъл, който заяви, че срещата е утре.", "bg"),
        ("The US envoy said he will meet the Russian president on Thursday.", "en"),
        ("Der US-Sondergesandte wird am Donnerstag mit dem russischen Präsidenten sprechen.", "de"),
        ("Specjalny wysłannik USA spotka się w czwartek z prezydentem Rosji, poinformowała agencja.", "pl"),
        ("L'envoyé spécial des États-Unis rencontrera le président russe jeudi à Moscou.", "fr"),
        ("El enviado especial de Estados Unidos se reunirá con el presidente ruso el jueves.", "es"),
        ("Гэта быў ужо трэці ўдар па горадзе за тыдзень.", "be"),
        ("Ђоковић је рекао да ће играти у суботу.", "sr"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_fallbacks_never_und() -> None:
    assert detect_language("") == "en"
    assert detect_language("12 345") == "en"
    assert detect_language("Путин") == "ru"
    assert detect_language("Trump") == "en"


def test_seed_like_header_line() -> None:
    text = " date 2026-01-21 Спецпосланець президента США Стівен Віткофф повідомив, що зустрінеться з путіним."
    assert detect_language(text) == "uk"


def test_the_language_model_is_kept_decompressed_in_the_cache(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import platformdirs

    from summarizer.normalize import language

    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda name: str(tmp_path / name))
    language._identifier.cache_clear()
    try:
        assert language.is_english("The ministers met in Vienna on Tuesday to discuss the grain deal.")
        kept = list((tmp_path / "summarizer").glob("langid-*.pickle"))
        assert len(kept) == 1
        kept[0].write_bytes(b"not a pickle")  # a damaged copy is rebuilt, not trusted
        language._identifier.cache_clear()
        assert not language.is_english("Les ministres se sont rencontrés mardi à Vienne.")
        assert kept[0].stat().st_size > 1000
    finally:
        language._identifier.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        "Nana Akufo-Addo and Jean-Pierre Fabre hold a meeting in Lomé",
        "Verdi and Beamtenbund dbb demands: Seven percent more pay for workers",
        "Kwame Nkrumah Mensah and Abena Owusu-Ansah sign a deal in Kumasi",
    ],
)
def test_names_do_not_outweigh_the_english_words_between_them(text: str) -> None:
    assert language.is_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "Poslanniki prezidenta United States Donald Trump i Jared Kushner planiruyut vstrechu",
        "Die Gewerkschaften Verdi und dbb fordern sieben Prozent mehr Lohn für die Beschäftigten",
        "Rutte en Wilmès hebben gesproken over de crisis in België",
        "Zelensky y Trump se reunieron en Washington el lunes para hablar de la guerra",
        "Pielęgniarki protestują przed KPRM",  # too few words left without its names: the whole decides
    ],
)
def test_names_set_aside_leave_other_languages_what_they_are(text: str) -> None:
    assert not language.is_english(text)
