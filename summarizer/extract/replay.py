"""Whole results replayed: a rerun of an article whose text, code, prompts, word lists and
model are all unchanged neither asks the model nor runs the rules again.

The key is a SHA-256 of the article (text, offsets, date, id), the record types asked for,
the client's fingerprint (model identity and sampling) and the bytes of every file of the
package and of the prompts: any edit to code or data makes new keys, so a result is never
replayed from a different build. It lives beside the response cache (``<cache>/results``)
and is on and off with it (``--no-cache``); ``summarizer cache clear`` removes both.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import time
from collections.abc import Collection
from pathlib import Path
from typing import Any

from ..articles import Article
from ..llm.client import ResponseCache
from ..records import ArticleSummary
from .prompts import prompt_dir
from .result import ExtractionResult, ExtractionStats

__all__ = ["ResultCache", "build_fingerprint"]

log = logging.getLogger(__name__)

FORMAT = 1
_PACKAGE = Path(__file__).resolve().parents[1]
_SUFFIXES = {".py", ".json", ".j2", ".txt"}


def _files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.suffix in _SUFFIXES and "__pycache__" not in p.parts and p.is_file()
    )


@functools.lru_cache(maxsize=1)
def build_fingerprint() -> str:
    """A hash of every code, data and prompt file this build runs (~150 files, a few ms)."""
    digest = hashlib.sha256()
    for root in (_PACKAGE, prompt_dir()):
        for path in _files(root):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


class ResultCache:
    """One JSON file per extracted article, keyed as the module says."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = ResponseCache(folder)  # the same one-JSON-file-per-key layout

    @classmethod
    def for_client(cls, client: Any) -> ResultCache | None:
        """The result cache beside ``client``'s response cache; None when the client has no
        cache (``--no-cache``, a test's fake) or cannot say what decides its answers."""
        responses = getattr(client, "cache", None)
        if responses is None or not callable(getattr(client, "fingerprint", None)):
            return None
        return cls(Path(responses.folder).parent / "results")

    @staticmethod
    def key(article: Article, types: Collection[str] | None, client: Any) -> str:
        payload = {
            "v": FORMAT,
            "build": build_fingerprint(),
            "client": client.fingerprint(),
            "article": dataclasses.asdict(article),
            "types": sorted(types) if types is not None else None,
        }
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def get(self, key: str) -> ExtractionResult | None:
        """The stored result, its costs those of a replay: no question reached the model."""
        started = time.perf_counter()
        try:
            stored = self.store.get(key)
            if stored is None:
                return None
            summary = ArticleSummary.model_validate(stored["summary"])
            fields = {f.name for f in dataclasses.fields(ExtractionStats)}
            stats = ExtractionStats(**{k: v for k, v in stored["stats"].items() if k in fields})
        except (ValueError, KeyError, TypeError):
            return None  # absent, or written by another version: computed again
        stats.candidates = {kind: [tuple(span) for span in spans] for kind, spans in stats.candidates.items()}  # type: ignore[misc]
        stats.cached_calls = stats.calls
        stats.model_seconds = stats.prefill_seconds = stats.decode_seconds = 0.0
        stats.prompt_tokens = stats.completion_tokens = stats.prefill_tokens = 0
        stats.seconds = time.perf_counter() - started
        return ExtractionResult(summary=summary, stats=stats)

    def put(self, key: str, result: ExtractionResult) -> None:
        value = {"summary": result.summary.model_dump(mode="json"), "stats": dataclasses.asdict(result.stats)}
        try:
            self.store.put(key, value)
        except OSError as exc:  # a full or read-only cache costs the next run time, nothing else
            log.warning("could not keep the result of %s: %s", result.summary.article_id, exc)

    def clear(self) -> int:
        return self.store.clear()
