from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from summarizer.articles import decode_bytes, parse_article, read_article
from summarizer.errors import ArticleError

TEXT = " date 2026-01-21 Спецпосланець Віткофф зустрінеться з путіним у четвер.\n\nДругий абзац."


@pytest.mark.parametrize(
    "encoding,prefix",
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
     ("utf-16-le", b""), ("cp1251", b""), ("koi8-r", b"")],
)  # fmt: skip
def test_decodes_every_supported_encoding(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = TEXT if encoding != "koi8-r" and encoding != "cp1251" else TEXT.replace("і", "и").replace("є", "е")
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + text.encode(encoding))
    article = read_article(path)
    assert article.text == text
    assert article.published == "2026-01-21"
    assert article.article_id == "a"
    assert article.text[article.body_start :].startswith("Спецпосланець")


def test_crlf_is_normalised_and_offsets_index_the_normalised_text(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert read_article(path).text == TEXT


@pytest.mark.parametrize("content", [b"", b"   \n\t ", b"\x00\x01\x02\x03binary\x00\xff\xfe\x00" * 10])
def test_empty_whitespace_and_binary_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match="bad.txt"):
        read_article(path)


def test_missing_path_and_directory_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(ArticleError, match="directory"):
        read_article(tmp_path)


def test_no_header_means_unknown_date_unless_given() -> None:
    assert parse_article("Просто текст.", "x").published is None
    assert parse_article("Просто текст.", "x", published="2025-05-01").published == "2025-05-01"


def test_malformed_header_leaves_date_unknown() -> None:
    article = parse_article(" date 2026-13-45 Текст.", "x")
    assert article.published is None


def test_bad_published_option_is_refused() -> None:
    with pytest.raises(ArticleError, match="--published"):
        parse_article("Текст.", "x", published="yesterday")


def test_decode_bytes_reports_encoding() -> None:
    assert decode_bytes("Привет, мир".encode("cp1251"))[1] == "cp1251"
    assert decode_bytes("Привет, мир".encode("koi8-r"))[1] == "koi8-r"
