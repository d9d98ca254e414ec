"""Split an article into sentences with offsets into the article text."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CASELESS_SCRIPTS", "Sentence", "split_sentences"]

# Capital letters of the Latin, Greek and Cyrillic scripts, and scripts without capitals
# (Hebrew, Arabic, Indic, Thai, kana, CJK, Hangul): what can open a sentence.
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
CASELESS_SCRIPTS = "\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
"""Character ranges of scripts without capital letters (Hebrew, Arabic, Indic, Thai, kana, CJK, Hangul)."""
_OPENER = f"{re.escape(_UPPER)}0-9{CASELESS_SCRIPTS}"
# A boundary: sentence-final punctuation (optionally closing quotes/brackets), white space,
# then something that can open a sentence (a capital, a digit, a quote or a dash); or a full
# stop of Chinese and Japanese, which needs no space after it.
_BOUNDARY = re.compile(
    rf"(?<=[.!?…؟])[\"'»”)\]]*\s+(?=[\"'«„“(\[—–-]?\s*[{_OPENER}]|[а-яёіїєґ]{{3,}})"
    r"|(?<=[。！？])[」』”’）)]*\s*(?=\S)"
)
# Tokens before a full stop that do not end a sentence: initials and common abbreviations.
_NO_BREAK_BEFORE = re.compile(
    r"(?:(?:^|(?<=\s))[A-ZА-ЯЁІЇЄҐa-zа-яёіїєґ]|\b(?:г|гг|ул|им|т|д|с|ст|тыс|млн|млрд|р|руб|грн|проф|акад|св|бл|пр|вкл|напр|Mr|Mrs|Ms|Dr|St|Prof|"
    r"Gen|Sen|Rep|U\.S|e\.g|i\.e|vs|No|Nr|bzw|z\.B|ca|ok|np|tzw|ds|ul|gen|płk|M|Mme))\.$"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text == article_text[start:end]``; ``paragraph`` counts from 0."""

    start: int
    end: int
    text: str
    paragraph: int
    index: int = 0


def split_sentences(text: str, start: int = 0) -> list[Sentence]:
    """Split ``text[start:]`` into sentences; offsets index ``text``. Blank lines are dropped."""
    sentences: list[Sentence] = []
    paragraph = 0
    pos = start
    for line in re.finditer(r"[^\n]+|\n", text[start:]):
        chunk = line.group(0)
        line_start = start + line.start()
        if chunk == "\n":
            if pos != line_start:
                pass
            continue
        cursor = 0
        pieces: list[tuple[int, int]] = []
        for boundary in _BOUNDARY.finditer(chunk):
            head = chunk[cursor : boundary.start()]
            if _NO_BREAK_BEFORE.search(head.rstrip("\"'»”)]")):
                continue
            pieces.append((cursor, boundary.start()))
            cursor = boundary.end()
        pieces.append((cursor, len(chunk)))
        for a, b in pieces:
            segment = chunk[a:b]
            stripped = segment.strip()
            if not stripped:
                continue
            lead = len(segment) - len(segment.lstrip())
            s = line_start + a + lead
            sentences.append(Sentence(s, s + len(stripped), stripped, paragraph, len(sentences)))
        paragraph += 1
        pos = line_start + len(chunk)
    return sentences
