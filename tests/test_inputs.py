"""Every kind of input a user may hand the CLI: refused with one clear reason, or decoded and
extracted with evidence offsets that index the decoded (or extracted) text."""

from __future__ import annotations

import codecs
import contextlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.articles import Article, parse_article, read_article
from summarizer.cli import cli
from summarizer.errors import ArticleError
from summarizer.extract import ExtractionResult, extract_article
from summarizer.testing import FakeModel

# Russian only (no Ukrainian letters, no guillemets or long dashes), so that cp1251 and KOI8-R can hold it.
ARTICLE = (
    " date 2026-01-21 Спецпосланник президента США Стив Уиткофф в четверг встретится с Владимиром Путиным"
    ' в Москве, сообщил пресс-секретарь Кремля Дмитрий Песков.\n\nПо словам Пескова, "переговоры будут'
    ' посвящены мирному плану и гарантиям безопасности".\n'
    "Ранее Уиткофф и Путин встречались 13 марта 2025 года в Москве, переговоры длились более пяти часов.\n\n"
    "В результате удара по Харькову погибли 12 человек, еще 30 получили ранения."
)
NO_MEETING = {"is_meeting": False, "participants": [], "status": "happened"}
NO_DEMAND = {"is_demand": False, "actor": "", "target": None, "demand": "", "category": "other"}


def responder(request: dict[str, Any]) -> dict[str, Any]:
    """A decent model: Witkoff and Putin meet where the target sentence names both."""
    title = FakeModel.schema_title(request)
    sentence = FakeModel.question(request).split("Target sentence:", 1)[-1]
    if title == "MeetingAnswer":
        if "Уиткофф" in sentence and "Путин" in sentence:
            status = "planned" if "встретится" in sentence else "happened"
            return {"is_meeting": True, "participants": ["Steve Witkoff", "Vladimir Putin"], "status": status}  # fmt: skip
        return NO_MEETING
    if title == "DemandAnswer":
        if "требует" in sentence:
            return {"is_demand": True, "actor": "Russia", "target": "Ukraine",
                    "demand": "Withdraw Ukrainian troops from Donbas.", "category": "territory"}  # fmt: skip
        return NO_DEMAND
    return {"headline": "Witkoff to meet Putin in Moscow", "brief": "Steve Witkoff will meet Vladimir Putin."}


def extract(article: Article) -> tuple[ExtractionResult, FakeModel]:
    fake = FakeModel(responder)
    return extract_article(article, fake.client()), fake


def assert_grounded(article: Article, result: ExtractionResult) -> int:
    """Every evidence quote is ``article.text[start:end]``; returns how many quotes there are."""
    summary = result.summary
    quotes = 0
    for record in [*summary.meetings, *summary.demands, *summary.casualties]:
        assert record.evidence
        for evidence in record.evidence:
            assert 0 <= evidence.start < evidence.end <= len(article.text)
            assert article.text[evidence.start : evidence.end] == evidence.quote
            quotes += 1
    return quotes


# -- refused inputs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"", b" ", b"   \n\t \r\n ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n", codecs.BOM_UTF16_LE + "  \n ".encode("utf-16-le"),
     " \n".encode("utf-16-be"), b"\xc2\xa0\n"],
)  # fmt: skip
def test_empty_and_whitespace_only_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=r"blank\.txt: .*(empty|not a text file)"):
        read_article(path)


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(255, -1, -1)) * 4,
        bytes(range(1, 32)) * 20,  # control characters without a NUL
        codecs.BOM_UTF16_LE + b"\x00\xd8" * 50,  # unpaired surrogates behind a BOM
    ],
    ids=["png", "elf", "zip", "controls", "bad-utf16"],
)
def test_binary_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=r"blob\.txt: .*not a text file"):
        read_article(path)


def test_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"missing\.txt: no such file"):
        read_article(tmp_path / "missing.txt")


def test_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(ArticleError, match=r"folder: is a directory"):
        read_article(tmp_path / "folder")


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        with pytest.raises(ArticleError, match=r"secret\.txt: permission denied"):
            read_article(path)
    finally:
        path.chmod(0o600)


def test_permission_error_is_one_line_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ArticleError, match=r"secret\.txt: permission denied"):
        read_article(path)


# -- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding,bom,expected",
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("cp1251", b"", "cp1251"),
        ("koi8-r", b"", "koi8-r"),
    ],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_encodings_decode_and_offsets_index_the_decoded_text(
    tmp_path: Path, encoding: str, bom: bytes, expected: str, newline: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bom + ARTICLE.replace("\n", newline).encode(encoding))
    article = read_article(path)
    assert article.text == ARTICLE  # BOM dropped, newlines normalised, nothing garbled
    assert article.encoding == expected
    assert article.published == "2026-01-21"
    assert article.text[article.body_start :].startswith("Спецпосланник")

    result, fake = extract(article)
    assert assert_grounded(article, result) >= 3
    meetings = {m.date: m for m in result.summary.meetings}
    assert set(meetings) == {"2026-01-22", "2025-03-13"}
    assert meetings["2026-01-22"].participants == ["Steve Witkoff", "Vladimir Putin"]
    assert "Уиткофф" in meetings["2025-03-13"].evidence[0].quote
    assert [(c.killed, c.injured) for c in result.summary.casualties] == [(12, 30)]
    assert result.stats.calls == len(fake.requests)


@pytest.mark.parametrize(
    "encoding,text",
    [
        ("cp1250", " date 2025-12-30 Górnicy protestują pod ziemią. Związek zawodowy żąda rozmów z rządem w sprawie "
         "wynagrodzeń; ponad stu pracowników kopalni zostało na dole, a dwóch zasłabło."),
        ("cp1252", " date 2013-06-02 Hochwasser in Österreich: Die Behörden melden zwei Tote und fünf Verletzte. Größere "
         "Überschwemmungen drohen an der Donau, während Bürgermeister über Räumungen beraten."),
        ("latin-1", " date 2025-09-22 Les syndicats réclament l'abandon du projet de budget. Une nouvelle journée de "
         "grève est prévue jeudi à Paris, où l'intersyndicale sera reçue à Matignon."),
        ("koi8-u", " date 2025-08-18 Профспілка вимагає підвищення зарплат. Страйк у Києві триває вже тиждень, "
         "і працівники заводу їдуть до міністерства."),
    ],
    ids=["cp1250-pl", "cp1252-de", "latin-1-fr", "koi8-u"],
)
def test_single_byte_code_pages_are_read_as_text(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(path)
    assert article.text == text  # every letter as written, whichever compatible code page was named
    assert article.published == text[6:16]


# -- HTML pages ----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Уиткофф встретится с Путиным в Москве - Новости дня</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="Уиткофф встретится с Путиным в Москве">
<meta property="article:published_time" content="2026-01-21T09:15:00+03:00">
<link rel="stylesheet" href="/static/main.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</script>
<style>.nav{display:flex}.banner{background:#fc0}</style>
</head>
<body>
<header>
<nav class="nav"><ul>
<li><a href="/">Главная</a></li><li><a href="/politics">Политика</a></li>
<li><a href="/economy">Экономика</a></li><li><a href="/sport">Спорт</a></li>
</ul></nav>
<div class="banner">Подпишитесь на нашу рассылку и получайте новости первыми!</div>
</header>
<main>
<article>
<h1>Уиткофф встретится с Путиным в Москве</h1>
<div class="meta"><time datetime="2026-01-21T09:15">21 января 2026, 09:15</time> | <span class="author">Иван Петров</span></div>
<p>Спецпосланник президента США Стив Уиткофф в четверг встретится с Владимиром Путиным в Москве, сообщил пресс-секретарь Кремля Дмитрий Песков.</p>
<p>По словам Пескова, переговоры будут посвящены мирному плану и гарантиям безопасности. Стороны также намерены обсудить экономическое сотрудничество.</p>
<p>Ранее Уиткофф и Путин встречались 13 марта 2025 года в Москве, тогда переговоры длились более пяти часов.</p>
<div class="share">Поделиться: <a href="#">VK</a> <a href="#">Telegram</a></div>
</article>
</main>
<aside class="related"><h3>Читайте также</h3><ul>
<li><a href="/a1">Курс рубля упал до минимума за год</a></li>
<li><a href="/a2">В Москве ожидается сильный снегопад</a></li>
</ul></aside>
<footer><p>(c) 2026 Новостное агентство. Все права защищены. 18+</p><a href="/privacy">Политика конфиденциальности</a></footer>
<script>document.querySelectorAll('a').forEach(function (a) { a.rel = 'noopener'; trackClick(a); });</script>
</body>
</html>
"""
NOISE = ["Подпишитесь", "dataLayer", "gtag", "Курс рубля", "Все права защищены", "Политика конфиденциальности",
         "trackClick", "Главная", "<p>", "display:flex"]  # fmt: skip


def test_html_page_is_reduced_to_its_article_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.source_format == "html"
    assert article.article_id == "page"
    assert "Стив Уиткофф в четверг встретится с Владимиром Путиным в Москве" in article.text
    assert "тогда переговоры длились более пяти часов" in article.text
    for noise in NOISE:
        assert noise not in article.text
    assert article.published == "2026-01-21"  # from the page's metadata: there is no date header

    result, _ = extract(article)
    assert assert_grounded(article, result) >= 2
    assert {m.date for m in result.summary.meetings} == {"2026-01-22", "2025-03-13"}


def test_html_is_recognised_by_content_and_the_date_header_wins(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes((" date 2026-01-28 " + PAGE).replace("\n", "\r\n").encode("cp1251"))
    article = read_article(path)
    assert article.source_format == "html" and article.encoding == "cp1251"
    assert article.published == "2026-01-28"
    assert article.text.startswith(" date 2026-01-28 ") and article.body_start == len(" date 2026-01-28 ")
    assert "dataLayer" not in article.text
    result, _ = extract(article)
    assert assert_grounded(article, result) >= 2
    assert "2026-01-29" in {m.date for m in result.summary.meetings}  # "в четверг" after 2026-01-28


def test_plain_text_is_not_taken_for_html(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE + "\nВ статье упоминается тег <html> и <p>.", encoding="utf-8")
    article = read_article(path)
    assert article.source_format == "text" and article.text.endswith("<html> и <p>.")


@pytest.mark.parametrize(
    "page",
    ["<!doctype html><html><head><title>x</title><script>var a = 1;</script></head><body></body></html>",
     "<html><body><nav></nav><footer></footer></body></html>", "<!DOCTYPE html>"],
)  # fmt: skip
def test_html_page_without_article_text_is_refused(tmp_path: Path, page: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(ArticleError, match="empty.html: no article text found in the HTML page"):
        read_article(path)


# -- the date header -----------------------------------------------------------------------

WITHOUT_HEADER = ARTICLE[len(" date 2026-01-21 ") :]


@contextlib.contextmanager
def fake_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeModel]:
    model = FakeModel(responder)

    @contextlib.contextmanager
    def open_client(settings: Any, progress: Any = None) -> Iterator[Any]:
        yield model.client()

    monkeypatch.setattr("summarizer.llm.open_client", open_client)
    yield model


def test_no_date_header_means_unknown_date_unless_published_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(WITHOUT_HEADER, encoding="utf-8")
    article = read_article(path)
    assert article.published is None and article.body_start == 0

    with fake_server(monkeypatch):
        assert cli(["extract", str(path)]) == 0
        undated = json.loads(capsys.readouterr().out)
        assert cli(["extract", str(path), "--published", "2026-01-02"]) == 0
        dated = json.loads(capsys.readouterr().out)
    assert undated["published"] is None
    # "в четверг" stays unresolved without a publication date; the explicit date still resolves.
    assert {m["date"] for m in undated["meetings"]} == {None, "2025-03-13"}
    assert dated["published"] == "2026-01-02"
    assert {m["date"] for m in dated["meetings"]} == {"2026-01-08", "2025-03-13"}  # the Thursday after 2026-01-02


def test_bad_published_option_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(WITHOUT_HEADER, encoding="utf-8")
    with fake_server(monkeypatch) as model:
        assert cli(["extract", str(path), "--published", "02.01.2026"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--published" in err[0]
    assert model.requests == []


@pytest.mark.parametrize("header", [" date 2026-13-45 ", " date 2026-02-30 ", " date yesterday ", " date 21.01.2026 "])
def test_malformed_header_leaves_date_unknown_and_warns(header: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="summarizer.articles"):
        article = parse_article(header + WITHOUT_HEADER, "bad-header")
    assert article.published is None
    assert article.body_start == len(header)
    assert any("malformed date header" in r.getMessage() for r in caplog.records)
    result, _ = extract(article)
    assert_grounded(article, result)
    assert {m.date for m in result.summary.meetings} == {None, "2025-03-13"}


def test_header_date_is_overridden_by_published_option() -> None:
    assert parse_article(ARTICLE, "x", published="2026-02-01").published == "2026-02-01"


# -- a long article ------------------------------------------------------------------------

PARAGRAPHS = [
    "Спецпосланник президента США Стив Уиткофф в четверг встретится с Владимиром Путиным в Москве, сообщил "
    "пресс-секретарь Кремля Дмитрий Песков. По его словам, встреча пройдет в Кремле.",
    "По словам Пескова, переговоры будут посвящены мирному плану и гарантиям безопасности. Стороны также намерены "
    "обсудить экономическое сотрудничество и восстановление.",
    "Ранее Уиткофф и Путин встречались 13 марта 2025 года в Москве, тогда переговоры длились более пяти часов.",
    "Кремль требует от Киева вывести войска из Донбасса, заявил Песков журналистам.",
    "В результате удара по Харькову погибли 12 человек, еще 30 получили ранения, сообщили местные власти.",
    "Эксперты отмечают, что позиции сторон по-прежнему далеки друг от друга, а сроки возможного соглашения "
    "остаются неясными. Аналитики указывают на сложность территориального вопроса.",
]


def test_a_200_kb_article_finishes_with_valid_offsets_and_bounded_calls() -> None:
    block = "\n\n".join(PARAGRAPHS)
    copies = 200_000 // len(block) + 1
    article = parse_article(" date 2026-01-21 " + "\n\n".join([block] * copies), "long")
    assert len(article.text) >= 200_000
    sentences_per_block = sum(p.count(". ") + 1 for p in PARAGRAPHS)
    # Repeated sentences ask the same questions: an extractor may ask each distinct
    # (sentence, context) once per question kind, plus the summary, and no more.
    bound = 2 * 2 * sentences_per_block + 1

    class TooManyCalls(BaseException):
        """Escapes every ``except Exception`` between the fake server and the test."""

    def bounded(request: dict[str, Any]) -> dict[str, Any]:
        if len(fake.requests) > bound:
            raise TooManyCalls(f"{len(fake.requests)} model calls for at most {bound} distinct questions")
        return responder(request)

    fake = FakeModel(bounded)
    try:
        result = extract_article(article, fake.client())
    except TooManyCalls as exc:
        pytest.fail(f"a repeated article is not deduplicated: {exc}")
    assert result.stats.calls - result.stats.cached_calls == len(fake.requests) <= bound
    assert assert_grounded(article, result) >= 3
    summary = result.summary
    # Each distinct meeting, demand and toll once, however often the article repeats it.
    assert sorted(m.date or "" for m in summary.meetings) == ["2025-03-13", "2026-01-22"]
    assert len({(d.actor, d.target, d.demand) for d in summary.demands}) == len(summary.demands) == 1
    assert [(c.killed, c.injured) for c in summary.casualties] == [(12, 30)]
