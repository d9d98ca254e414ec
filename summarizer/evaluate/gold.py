"""Load the gold data: one ``ArticleSummary`` per article in ``evals/gold/<article_id>.json``.

Gold records may carry ``"optional": true`` (a borderline record the scorer neither rewards
nor penalises). The flag is not part of the record contract, so it is stripped before the
summary is validated, and its position is kept beside the summary.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import ConfigError
from ..io import RECORD_KINDS, invalid_summary, split_optional
from ..records import ArticleSummary

__all__ = ["RECORD_TYPES", "GoldArticle", "load_gold", "parse_gold"]

RECORD_TYPES: tuple[str, ...] = RECORD_KINDS
"""The record lists of an ``ArticleSummary`` that are scored, in report order."""


@dataclass(frozen=True)
class GoldArticle:
    """One gold summary and, per record type, the indices of its optional records."""

    summary: ArticleSummary
    optional: Mapping[str, frozenset[int]] = field(default_factory=dict)

    @property
    def article_id(self) -> str:
        return self.summary.article_id

    def optional_indices(self, record_type: str) -> frozenset[int]:
        """Indices into ``summary.<record_type>`` of the records marked optional."""
        return self.optional.get(record_type, frozenset())

    @classmethod
    def of(cls, summary: ArticleSummary) -> GoldArticle:
        """A gold article without optional records."""
        return cls(summary=summary, optional={kind: frozenset() for kind in RECORD_TYPES})


def parse_gold(data: Mapping[str, Any], *, source: str = "gold") -> GoldArticle:
    """Build a ``GoldArticle`` from the decoded JSON of one gold file.

    Raises ``ConfigError`` naming ``source`` when the data is not a valid ``ArticleSummary``
    (after removing the ``optional`` flags) or a flag is not a boolean.
    """
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source}: expected a JSON object (one ArticleSummary), got {type(data).__name__}")
    cleaned, optional = split_optional(data, source)
    try:
        summary = ArticleSummary.model_validate(cleaned)
    except ValidationError as exc:
        raise invalid_summary(source, exc) from None
    return GoldArticle(summary=summary, optional=optional)


def load_gold(folder: Path) -> dict[str, GoldArticle]:
    """Read every ``*.json`` file in ``folder``; return ``{article_id: GoldArticle}`` sorted by id.

    The article id is the file name without ``.json`` and must equal the summary's
    ``article_id``. Raises ``ConfigError`` for a missing folder, unreadable or invalid JSON,
    an invalid summary, or an id mismatch.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ConfigError(f"{folder}: no such gold folder")
    gold: dict[str, GoldArticle] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read gold file ({exc})") from None
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
        article = parse_gold(data, source=str(path))
        if article.article_id != path.stem:
            raise ConfigError(f"{path}: article_id {article.article_id!r} does not match the file name {path.stem!r}")
        gold[path.stem] = article
    return gold
