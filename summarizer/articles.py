"""Read an article: decode the bytes, normalise newlines, parse the ``date`` header.

Offsets everywhere in the project index ``Article.text``: the whole decoded file, header
included, newlines normalised to ``\\n``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import ArticleError

__all__ = ["Article", "decode_bytes", "parse_article", "read_article"]

log = logging.getLogger(__name__)

HEADER_RE = re.compile(r"^\ufeff?\s?date (\S+) ")
ISO_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CYRILLIC_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў")
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class Article:
    """One decoded article. ``text`` is what every evidence offset indexes."""

    article_id: str
    text: str
    published: str | None = None
    body_start: int = 0
    encoding: str = "utf-8"

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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode an article's bytes; return ``(text, encoding)``.

    BOMs decide first (UTF-8, UTF-16 LE/BE); then strict UTF-8; then UTF-16 without a BOM
    (recognised by its NUL bytes); then the single-byte Cyrillic code pages, choosing the one
    whose decoding reads as mostly lower-case Cyrillic (cp1251 and KOI8-R swap the cases).
    Raises ``ArticleError`` for bytes that are not text.
    """
    candidates: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8"]
        even_nuls = data[0::2].count(0)
        odd_nuls = data[1::2].count(0)
        if len(data) >= 4 and odd_nuls > len(data) // 8 and even_nuls < odd_nuls // 4:
            candidates.insert(0, "utf-16-le")
        elif len(data) >= 4 and even_nuls > len(data) // 8 and odd_nuls < even_nuls // 4:
            candidates.insert(0, "utf-16-be")
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
    best: tuple[float, str, str] | None = None
    for encoding in ("cp1251", "koi8-r"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _cyrillic_lower_share(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or _looks_binary(best[1]) or best[0] < 0.3:
        raise ArticleError("not a text file (unknown encoding or binary content)")
    return best[1], best[2]


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


def _is_valid_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def read_article(path: str | Path, *, published: str | None = None) -> Article:
    """Read one article from a file path, or from stdin when ``path`` is ``"-"``.

    Raises ``ArticleError`` with a one-line reason for a missing path, a directory, an
    unreadable, empty or binary file.
    """
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
    if not data.strip():
        raise ArticleError(f"{where}: the article is empty")
    try:
        text, encoding = decode_bytes(data)
        return parse_article(text, article_id, published=published, encoding=encoding)
    except ArticleError as exc:
        raise ArticleError(f"{where}: {exc}") from None
