"""Folding, content tokens, similarity and script checks."""

from __future__ import annotations

from summarizer.normalize.text import (
    any_of,
    content_tokens,
    fold,
    has_cyrillic,
    is_latin_script,
    sentence_bounds,
    token_set_similarity,
)


def test_fold_and_tokens() -> None:
    assert fold("  Steve\tWITKOFF ") == "steve witkoff"
    assert content_tokens("The withdrawal of the Ukrainian troops") == {"withd", "ukrai", "troop"}


def test_similarity_of_paraphrases() -> None:
    assert token_set_similarity("Ukraine must withdraw its troops", "withdrawal of Ukrainian troops") == 1.0
    assert token_set_similarity("lower taxes", "the") == 0.0


def test_cyrillic_modern_and_historic() -> None:
    assert has_cyrillic("Zelensky і Путін") and not has_cyrillic("Zelensky")
    combining = "Iphone\u2de0"  # a combining Cyrillic letter only
    assert has_cyrillic(combining) and not has_cyrillic(combining, historic=False)


def test_latin_script_share() -> None:
    assert is_latin_script("Recep Tayyip Erdoğan") and not is_latin_script("Ρετζέπ Ταγίπ Ερντογάν")


def test_sentence_bounds_and_any_of() -> None:
    text = "One. Two three. Four"
    assert text[slice(*sentence_bounds(text, 6))].strip() == "Two three"
    assert any_of("cat", "do(?:g|ve)").search("A DOVE") is not None
