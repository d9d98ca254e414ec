"""Read an article: decode the bytes, normalise newlines, parse the ``date`` header.

Offsets everywhere in the project index ``Article.text``: the whole decoded file, header
included, newlines normalised to ``\\n``. For an HTML page (a saved news page) ``Article.text``
is the article text extracted from the page (with the ``date`` header in front when the file
had one), not the HTML source: offsets index that extracted text.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ArticleError

__all__ = [
    "ARTICLE_SUFFIXES",
    "Article",
    "decode_bytes",
    "expand_paths",
    "extract_html_text",
    "looks_like_html",
    "parse_article",
    "parse_html_article",
    "read_article",
]

log = logging.getLogger(__name__)

HEADER_RE = re.compile(r"^\ufeff?\s?date (\S+) ")
ISO_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CYRILLIC_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў")
_MAX_CONTROL_SHARE = 0.01
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)
_HTML_START_RE = re.compile(r"^\ufeff?\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE | re.DOTALL)
# htmldate rejects dates after ``max_date`` (by default today): a fixed bound keeps extraction
# independent of the clock; metadata only (no guessing from the page text) favours precision.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2100-12-31"}


@dataclass(frozen=True)
class Article:
    """One decoded article. ``text`` is what every evidence offset indexes.

    ``source_format`` is ``"text"`` for a plain-text article (``text`` is the decoded file) or
    ``"html"`` for an HTML page (``text`` is the article text extracted from the page, after
    the ``date`` header if the file had one; the HTML source itself is not kept).
    """

    article_id: str
    text: str
    published: str | None = None
    body_start: int = 0
    encoding: str = "utf-8"
    source_format: str = "text"

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


def _cyrillic_lower_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c in _CYRILLIC_LOWER for c in letters) / len(letters)


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f\v")
    return controls > max(2, _MAX_CONTROL_SHARE * len(text))


def _plausible_share(text: str) -> float:
    """Share of characters that news text is made of: ASCII, Latin, Greek, Cyrillic, punctuation.

    UTF-16 read with the wrong byte order turns into CJK and other scripts, and scores low.
    """
    if not text:
        return 0.0
    good = 0
    for c in text:
        o = ord(c)
        if (
            (0x20 <= o < 0x7F)
            or c in "\n\r\t"
            or 0xA0 <= o <= 0x24F
            or 0x370 <= o <= 0x52F
            or 0x2010 <= o <= 0x205E
            or o in (0x20AC, 0x2116, 0xFEFF)
        ):
            good += 1
    return good / len(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-16 text that has no BOM: the byte order whose text reads as news text wins."""
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausible_share(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0] < 0.9 or _looks_binary(best[1]):
        return None
    return best[1], best[2]


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode an article's bytes; return ``(text, encoding)``.

    BOMs decide first (UTF-8, UTF-16 LE/BE); bytes with NULs are UTF-16 without a BOM (the
    byte order whose decoding reads as text) or binary; then strict UTF-8; then the
    single-byte Cyrillic code pages, choosing the one whose decoding reads as mostly lower-case
    Cyrillic (cp1251 and KOI8-R swap the cases; KOI8-U has Ukrainian letters where KOI8-R has
    box-drawing signs); then the other single-byte code pages (cp1250, cp1252, latin-1...) as
    charset-normalizer tells them apart. Raises ``ArticleError`` for bytes that are not text.
    """
    candidates: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        # Text in UTF-8 or a code page never holds NUL; UTF-16 does (every ASCII character).
        decoded = _utf16_without_bom(data)
        if decoded is None:
            raise ArticleError("not a text file (binary content)")
        return decoded
    else:
        candidates = ["utf-8"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding.startswith("utf-16") and text.startswith("\ufeff"):
            text = text[1:]
        if not _looks_binary(text):
            return text, encoding
    if b"\x00" in data:
        raise ArticleError("not a text file (binary content)")
    decoded = _utf16_without_bom(data)  # UTF-16 of pure Cyrillic, without a single ASCII character
    if decoded is not None:
        return decoded
    best: tuple[float, str, str] | None = None
    for encoding in ("cp1251", "koi8-r", "koi8-u"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # KOI8-R reads the Ukrainian letters of KOI8-U as box-drawing signs: those count against it.
        score = _cyrillic_lower_share(text) - sum("\u2500" <= c <= "\u257f" for c in text) / max(1, len(text))
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is not None and not _looks_binary(best[1]) and best[0] >= 0.3:
        return best[1], best[2]
    return _detected_single_byte(data)


def _detected_single_byte(data: bytes) -> tuple[str, str]:
    """Latin single-byte code pages: cp1252 (German, French, latin-1 text) or cp1250 (Polish,
    Czech...). The one whose decoding leaves fewer signs glued to letters wins (Polish "ł" read
    as cp1252 is "³"); on a tie, charset-normalizer's guess. Raises ``ArticleError`` when
    nothing reads as text."""
    from charset_normalizer import from_bytes

    decoded: list[tuple[int, str, str]] = []
    for encoding in ("cp1252", "cp1250"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        decoded.append((len(_GLUED_SIGN.findall(text)), encoding, text))
    if not decoded:
        raise ArticleError("not a text file (unknown encoding or binary content)")
    fewest = min(odd for odd, _, _ in decoded)
    tied = [(encoding, text) for odd, encoding, text in decoded if odd == fewest]
    if len(tied) > 1:
        guess = from_bytes(data).best()
        name = (guess.encoding or "").replace("_", "") if guess is not None else ""
        tied.sort(key=lambda item: item[0].replace("-", "") != name)
    encoding, text = tied[0]
    if _looks_binary(text) or _plausible_share(text) < 0.9:
        raise ArticleError("not a text file (unknown encoding or binary content)")
    return text, encoding


# A non-ASCII sign (not a letter, digit or space) touching a letter: "zas³ab³o", "¿yje".
_GLUED_SIGN = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f«»„“”‘’–—…°€]|[^\w\s\x00-\x7f«»„“”‘’–—…°€](?=[^\W\d_])")


def parse_article(text: str, article_id: str, *, published: str | None = None, encoding: str = "utf-8") -> Article:
    """Build an ``Article`` from decoded text: normalise newlines and read the date header.

    ``published`` (an ISO date) overrides the header's date.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ArticleError("the article is empty")
    header_date: str | None = None
    body_start = 0
    match = HEADER_RE.match(text)
    if match:
        body_start = match.end()
        candidate = match.group(1)
        if ISO_DAY_RE.match(candidate) and _is_valid_date(candidate):
            header_date = candidate
        else:
            log.warning("%s: malformed date header %r; publication date unknown", article_id, candidate)
    if published is not None and not (ISO_DAY_RE.match(published) and _is_valid_date(published)):
        raise ArticleError(f"--published must be an ISO date YYYY-MM-DD, got {published!r}")
    return Article(
        article_id=article_id,
        text=text,
        published=published or header_date,
        body_start=body_start,
        encoding=encoding,
    )


def looks_like_html(text: str, suffix: str = "") -> bool:
    """True for an HTML page: a ``.html``/``.htm`` file, or text that opens with ``<!doctype html``
    or ``<html`` (after an optional ``date`` header, BOM, white space and comments)."""
    if suffix.lower() in HTML_SUFFIXES:
        return True
    match = HEADER_RE.match(text)
    return bool(_HTML_START_RE.match(text[match.end() :] if match else text))


def extract_html_text(html: str) -> tuple[str, str | None]:
    """The article text of an HTML page and the page's publication date (ISO, or ``None``).

    Uses ``trafilatura`` with deterministic settings that favour precision: no comments, no
    tables, no images or links, date from the page's metadata only. Paragraphs become lines.
    Raises ``ArticleError`` when the page holds no article text.
    """
    import trafilatura  # imported here: plain-text articles never pay for it

    try:
        document = trafilatura.bare_extraction(
            html,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=True,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as exc:  # a parser failure on a hostile page is an input error, not a crash
        raise ArticleError(f"cannot read the HTML page ({type(exc).__name__})") from None
    text = getattr(document, "text", None) if document is not None else None
    if not text or not any(c.isalpha() for c in text):
        raise ArticleError("no article text found in the HTML page")
    text = "\n".join(line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    date = getattr(document, "date", None)
    page_date = (
        date[:10] if isinstance(date, str) and ISO_DAY_RE.match(date[:10]) and _is_valid_date(date[:10]) else None
    )
    return text.strip(), page_date


def parse_html_article(html: str, article_id: str, *, published: str | None = None, encoding: str = "utf-8") -> Article:
    """Build an ``Article`` from an HTML page: ``text`` is the extracted article text.

    A ``date`` header in front of the page is kept in front of the extracted text (and wins
    over the page's own date); without one, the date the page's metadata gives is used.
    ``published`` overrides both.
    """
    html = html.replace("\r\n", "\n").replace("\r", "\n")
    if html.startswith("\ufeff"):
        html = html[1:]
    header = HEADER_RE.match(html)
    prefix = header.group(0) if header else ""
    text, page_date = extract_html_text(html[header.end() :] if header else html)
    if header is None and published is None:
        published = page_date
    article = parse_article(prefix + text, article_id, published=published, encoding=encoding)
    return replace(article, source_format="html")


def _is_valid_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def read_article(path: str | Path, *, published: str | None = None) -> Article:
    """Read one article from a file path, or from stdin when ``path`` is ``"-"``.

    An HTML page (``.html``/``.htm``, or text opening with ``<!doctype html``/``<html``) is
    reduced to its article text (see ``parse_html_article``). Raises ``ArticleError`` with a
    one-line reason for a missing path, a directory, an unreadable, empty or binary file, or a
    page without article text.
    """
    suffix = ""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        article_id = "stdin"
        where = "stdin"
    else:
        p = Path(path)
        where = str(p)
        if not p.exists():
            raise ArticleError(f"{where}: no such file")
        if p.is_dir():
            raise ArticleError(f"{where}: is a directory, not an article file")
        try:
            data = p.read_bytes()
        except PermissionError:
            raise ArticleError(f"{where}: permission denied") from None
        except OSError as exc:
            raise ArticleError(f"{where}: cannot read ({exc.strerror or exc})") from None
        article_id = p.stem
        suffix = p.suffix
    if not data.strip():
        raise ArticleError(f"{where}: the article is empty")
    try:
        text, encoding = decode_bytes(data)
        if looks_like_html(text, suffix):
            return parse_html_article(text, article_id, published=published, encoding=encoding)
        return parse_article(text, article_id, published=published, encoding=encoding)
    except ArticleError as exc:
        raise ArticleError(f"{where}: {exc}") from None


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files as given; folders as their article files, sorted; ``-`` for stdin."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                raise ArticleError(f"{raw}: is a directory with no article files (*.txt, *.html)")
            yield from (str(p) for p in files)
        else:
            yield raw
