from __future__ import annotations

from summarizer.extract.grounding import evidence_for_span, locate_quote, make_evidence
from summarizer.extract.sentences import split_sentences

TEXT = "Він сказав: «Ми маємо поїхати  зустрітися з ним у четвер» - сказав Віткофф.\nДругий рядок."


def test_exact_quote() -> None:
    quote = "Другий рядок."
    start, end = locate_quote(TEXT, quote)  # type: ignore[misc]
    assert TEXT[start:end] == quote


def test_tolerates_whitespace_quote_marks_dashes_and_case() -> None:
    span = locate_quote(TEXT, '"ми маємо поїхати зустрітися з ним у четвер" – сказав')
    assert span is not None
    start, end = span
    assert TEXT[start:end] == "«Ми маємо поїхати  зустрітися з ним у четвер» - сказав"


def test_stored_quote_is_the_articles_own_text() -> None:
    evidence = make_evidence(TEXT, "ми маємо поїхати зустрітися")
    assert evidence is not None
    assert TEXT[evidence.start : evidence.end] == evidence.quote == "Ми маємо поїхати  зустрітися"


def test_absent_quote_is_not_grounded() -> None:
    assert locate_quote(TEXT, "Putin met Trump in Alaska") is None
    assert make_evidence(TEXT, "") is None


def test_evidence_for_span_trims_whitespace() -> None:
    newline = TEXT.index("\n")
    evidence = evidence_for_span(TEXT, newline - 2, len(TEXT))
    assert evidence.quote == TEXT[evidence.start : evidence.end]
    assert not evidence.quote[0].isspace() and not evidence.quote[-1].isspace()


def test_sentences_index_the_article() -> None:
    text = " date 2026-01-14 Первое предложение. Второе — про г. Москву и В. Путина! Третье?\n\nНовый абзац."
    sentences = split_sentences(text, 17)
    assert [s.text for s in sentences] == [
        "Первое предложение.",
        "Второе — про г. Москву и В. Путина!",
        "Третье?",
        "Новый абзац.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in sentences] == [0, 0, 0, 1]
