"""The English headline and brief: composed from the records where the article has any (their
fields are English by construction), else the model's summary of the lead, checked for English
and for names the article does not support.

A name the model writes ("S. Biden", "Steve Vitkoff") must be one the records or the alias
table's mentions of the article hold, or, where the article is in Latin letters or Cyrillic,
one the article writes, give or take an ending or an accent. An answer with an unsupported name
is asked for again, once, with the names the article does support; what still names someone
unsupported is left out.
"""

from __future__ import annotations

import functools
import re
from difflib import SequenceMatcher
from typing import Any

from ..articles import Article
from ..english import compose_brief, compose_headlines, date_words, plural
from ..errors import ExtractionError
from ..normalize.language import detect_language, is_english
from ..normalize.names import find_mentions, strip_cyrillic
from ..normalize.text import is_latin_script, token_set_similarity
from .asking import note_failure, record_usage
from .participants import ascii_fold
from .passes import Asker, ask_summary
from .prompts import prompts
from .result import ExtractionStats

__all__ = ["headline_brief", "supported_names", "unsupported_names"]

# A run of two to four capitalised words: how a person's or a place's name looks in English.
_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|del|van|von|bin|al|ibn)){1,3}\b")


def supported_names(article: Article, records: list[Any]) -> list[str]:
    """English names the records hold and the alias table finds in the article."""
    names: list[str] = []
    for record in records:
        for name in (*getattr(record, "participants", []), *(getattr(record, f, None) for f in
                     ("actor", "target", "location", "country"))):  # fmt: skip
            if isinstance(name, str) and name and name not in names:
                names.append(name)
    for mention in find_mentions(article.text):
        for name in (mention.name, mention.actor, mention.place):
            if name and name not in names:
                names.append(name)
    return names


_SMALL_WORDS = frozenset({"and", "the", "for", "but", "nor", "via", "per", "with", "from", "into", "over"})


def _title_case(text: str) -> bool:
    """Whether the text is in title case ("Miners End Underground Protest in Katowice"): no
    lower-case word but the small ones, so a run of capitals says nothing about names."""
    words = re.findall(r"[^\W\d_]{3,}", text)
    lower = [w for w in words if w[0].islower() and w.lower() not in _SMALL_WORDS]
    return len(words) >= 3 and not lower


def unsupported_names(text: str, article: Article, known: list[str]) -> list[str]:
    """The names in ``text`` (runs of capitalised words, judged by their last word, the surname
    or the place) that neither ``known`` names nor, in an article written in Latin letters or
    Cyrillic, the article's own words support. Text in title case, or about an article in
    another script, is only checked against ``known`` names where that can decide."""
    window_words = _article_words(article.body)
    if window_words is None:
        # Nothing to compare an English name with, but a person, state or place the alias
        # table knows in English must be one it finds in the article ("Kazakhstan" in a
        # summary of a Chinese article about Congo).
        names = set(known)
        return [m.surface for m in find_mentions(text) if not {m.name, m.actor, m.place} & names]
    if _title_case(text):
        return []
    known_words = {ascii_fold(w) for name in known for w in re.findall(r"\w+", name)}
    out = []
    for run in _NAME_RUN.findall(text):
        words = [w for w in re.findall(r"[^\W\d_]+", run) if len(w) > 2 and w[0].isupper()]
        if not words or ascii_fold(words[-1]) in known_words or _written(ascii_fold(words[-1]), window_words):
            continue
        out.append(run)
    return out


@functools.lru_cache(maxsize=4)
def _article_words(body: str) -> frozenset[str] | None:
    """The folded words of an article (Cyrillic transliterated), read once for its headline and
    its brief; None for an article in a script an English name cannot be compared with."""
    window = strip_cyrillic(body)
    if not is_latin_script(window):
        return None
    return frozenset(ascii_fold(w) for w in re.findall(r"[^\W\d_]{3,}", window))


def _written(word: str, window_words: frozenset[str]) -> bool:
    """Whether the article writes ``word`` (folded), give or take an ending or a spelling
    ("Vitkoff" for "Witkoff", "Bogota" for "Bogotá", "Kyiv" for "Kyievi")."""
    if word in window_words:
        return True
    return any(
        SequenceMatcher(None, word, w).ratio() >= 0.8 or (len(word) >= 4 and w.startswith(word[:4]))
        for w in window_words
        if abs(len(w) - len(word)) <= 4
    )


def headline_brief(
    article: Article,
    lead: str,
    client: Asker,
    stats: ExtractionStats,
    records: list[Any],
    language: str | None = None,
) -> tuple[str, str]:
    """The English headline and brief. An article with records gets them composed from its
    records in code (the facts are the records' own, names canonical, dates resolved), and no
    question is asked. Only an article without records asks the model to summarise its lead:
    an answer that does not read as English is asked for again, once, saying so; one that
    names someone the article does not support is asked for again with the names it does;
    what still fails is replaced by a plain sentence, never transliterated text. A headline that
    reads as the article's own ``language`` is the article's title copied, however English the
    brief after it: it is asked for again too."""
    known = supported_names(article, records)
    headline, brief = _composed(article, records, known)
    if headline and brief:
        return headline, brief
    retry: dict[str, Any] = {}
    for attempt in range(2):
        try:
            answer, usage = ask_summary(client, lead, article.published, **retry)
        except ExtractionError as exc:
            note_failure(stats, "summary", None, exc)
            break
        record_usage(stats, usage)
        candidate_headline = " ".join(strip_cyrillic(answer.headline).replace('"', "").split()[:15])
        candidate_brief = " ".join(strip_cyrillic(answer.brief).split())
        # Judged together: a short headline full of names is too little text to identify alone,
        # though one that reads as the article's own language is its title copied.
        copied_title = language not in (None, "en") and detect_language(candidate_headline) == language
        if copied_title or not is_english(f"{candidate_headline}. {candidate_brief}"):
            retry = {"insist": True}
            continue
        invented = unsupported_names(candidate_headline, article, known)
        invented += unsupported_names(candidate_brief, article, known)
        copied = _copies_an_example(candidate_headline, candidate_brief)  # the example's story told again
        if invented or copied:
            stats.warnings.append(
                "summary retold the prompt's example"
                if copied
                else f"summary named someone the article does not support: {', '.join(invented)}"
            )
            if attempt == 0:
                retry = {"names": [n for n in known if " " in n or n[:1].isupper()][:12]}
                continue
            # Keep what is clean; nothing of a copy.
            if not copied and not any(run in candidate_headline for run in invented):
                headline = headline or candidate_headline
            if not copied and not any(run in candidate_brief for run in invented):
                brief = brief or candidate_brief
            break
        headline, brief = headline or candidate_headline, brief or candidate_brief
        break
    if not headline:
        stats.warnings.append("headline replaced: the model's was not English or not supported")
        found = f"{plural(len(records), 'record')} found" if records else "No meeting, demand or casualty figure found"
        published = date_words(article.published)
        headline = f"{found} in an article published {published}" if published else f"{found} in this article"
    if not brief:
        stats.warnings.append("brief replaced: the model's was not English or not supported")
        brief = (  # true either way: an article whose records gave no clean sentence still has them
            f"The article reports {plural(len(records), 'record')}: meetings, demands or casualty figures."
            if records
            else "No meeting, demand or casualty figure was found in this article."
        )
    return headline, brief


COPY_SIMILARITY = 0.6
"""An answer whose headline or brief shares this much of an example's words is a copy of it."""


def _copies_an_example(headline: str, brief: str) -> bool:
    """Whether the model's summary retells one of the prompt's examples instead of the article."""
    return any(
        token_set_similarity(headline, example["answer"]["headline"]) >= COPY_SIMILARITY
        or token_set_similarity(brief, example["answer"]["brief"]) >= COPY_SIMILARITY
        for example in prompts().examples("summary")
    )


def _clean(text: str, article: Article, known: list[str]) -> bool:
    """Whether composed text is English letters naming no one the article does not support (a
    record's demand or outcome is the model's wording and may name someone)."""
    return is_latin_script(text) and not unsupported_names(text, article, known)


def _composed(article: Article, records: list[Any], known: list[str]) -> tuple[str, str]:
    """Headline and brief composed from the records; each empty where no record gives a clean one."""
    clean = [h for h in compose_headlines(records) if _clean(h, article, known)]
    # The first that a language identifier reads as English on its own; a record whose names or
    # quoted demand outweigh its English words ("Profsoyuz demands of Russia") gives way to the next.
    headline = next((h for h in clean if is_english(h)), clean[0] if clean else "")
    sentences = [s for s in compose_brief(records, limit=8) if _clean(s, article, known)][:4]
    if len(sentences) == 1 and article.published:
        sentences.append(f"The article was published {date_words(article.published)}.")
    return headline, " ".join(sentences)
