"""Reading and writing summaries, predictions and their stats: JSON, JSONL and folders of them.

Every reader raises ``ConfigError`` naming the file (and line or index) of what is wrong; every
whole-file writer writes a temporary file and renames it, so a reader never sees half a file.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import ConfigError
from .extract.result import ExtractionStats
from .records import ArticleSummary

__all__ = [
    "RECORD_KINDS",
    "invalid_summary",
    "load_predictions",
    "load_stats",
    "load_summaries",
    "parse_summary",
    "save_stats",
    "split_optional",
    "write_summaries",
    "write_text_atomic",
]

RECORD_KINDS = ("meetings", "demands", "casualties")
"""The record lists of an ``ArticleSummary``."""


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it: never a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def write_summaries(path: Path, summaries: Iterable[ArticleSummary]) -> None:
    """Write summaries as JSONL, one a line."""
    write_text_atomic(path, "".join(s.model_dump_json() + "\n" for s in summaries))


def invalid_summary(where: str, exc: ValidationError) -> ConfigError:
    """The one message for data that is not an ``ArticleSummary``: where, how many errors, the first."""
    first = exc.errors()[0]
    loc = ".".join(str(part) for part in first.get("loc", ())) or "top level"
    return ConfigError(
        f"{where}: not a valid ArticleSummary ({exc.error_count()} error(s); first at {loc}: "
        f"{first.get('msg', 'invalid')})"
    )


def split_optional(data: Any, source: str) -> tuple[Any, dict[str, frozenset[int]]]:
    """``data`` without the ``optional`` flags gold files put on records, and per record kind
    the indices of the records flagged optional. The flag is not part of the record contract."""
    if not isinstance(data, Mapping):
        return data, {kind: frozenset() for kind in RECORD_KINDS}
    cleaned = dict(data)
    optional: dict[str, frozenset[int]] = {}
    for kind in RECORD_KINDS:
        records = cleaned.get(kind)
        if not isinstance(records, list):
            optional[kind] = frozenset()
            continue
        stripped: list[Any] = []
        flagged: set[int] = set()
        for index, record in enumerate(records):
            if isinstance(record, Mapping) and "optional" in record:
                record = dict(record)
                flag = record.pop("optional")
                if not isinstance(flag, bool):
                    raise ConfigError(f"{source}: {kind}[{index}].optional must be true or false, got {flag!r}")
                if flag:
                    flagged.add(index)
            stripped.append(record)
        cleaned[kind] = stripped
        optional[kind] = frozenset(flagged)
    return cleaned, optional


def parse_summary(data: Any, where: str) -> ArticleSummary:
    """Validate one summary (gold ``optional`` flags removed); ``ConfigError`` naming ``where``."""
    try:
        return ArticleSummary.model_validate(split_optional(data, where)[0])
    except ValidationError as exc:
        raise invalid_summary(where, exc) from None


def _json_line(line: str, where: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{where}: invalid JSON ({exc.msg})") from None


def _documents(path: Path, what: str) -> list[tuple[str, Any]]:
    """The JSON values of a file, each with where it stands: every line of a JSONL file (also a
    ``.json`` file that is not one JSON value), or the items of a list, or the one object."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read {what} ({exc})") from None
    lines = [(f"{path}:{n}", line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if path.suffix == ".jsonl":
        return [(where, _json_line(line, where)) for where, line in lines]
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        if len(lines) < 2:
            raise ConfigError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
        return [(where, _json_line(line, where)) for where, line in lines]
    if isinstance(whole, list):
        return [(f"{path}[{i}]", item) for i, item in enumerate(whole)]
    return [(str(path), whole)]


def load_summaries(path: Path, *, what: str = "summaries") -> list[ArticleSummary]:
    """Read ``ArticleSummary`` objects from a JSONL file (one per line), a JSON file (one summary
    or a list), or a folder of ``*.json`` / ``*.jsonl`` files (read in name order).

    Records marked ``"optional"`` (gold files) load with the flag removed. Raises ``ConfigError``
    for a missing path, unreadable or invalid JSON, or an invalid summary.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in (".json", ".jsonl"))
    elif path.is_file():
        files = [path]
    else:
        raise ConfigError(f"{path}: no such file or folder of {what}")
    return [parse_summary(data, where) for f in files for where, data in _documents(f, what)]


def load_predictions(path: Path) -> dict[str, ArticleSummary]:
    """Read predictions as ``load_summaries`` does; return ``{article_id: ArticleSummary}``.

    Raises ``ConfigError`` as ``load_summaries`` does, and for an article id given twice.
    """
    result: dict[str, ArticleSummary] = {}
    for where, data in _documents(Path(path), "predictions"):
        summary = parse_summary(data, where)
        if summary.article_id in result:
            raise ConfigError(f"{where}: article {summary.article_id!r} appears twice")
        result[summary.article_id] = summary
    return result


def save_stats(path: Path, stats: Mapping[str, ExtractionStats]) -> None:
    """Write per-article ``ExtractionStats`` as one JSON object (the predictions' sidecar)."""
    data = {aid: dataclasses.asdict(item) for aid, item in sorted(stats.items())}
    write_text_atomic(path, json.dumps(data, ensure_ascii=False) + "\n")


def load_stats(path: Path) -> dict[str, ExtractionStats]:
    """Read what ``save_stats`` wrote; raises ``ConfigError`` naming the file when it is not that."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        result = {}
        for aid, item in data.items():
            item["candidates"] = {kind: [tuple(span) for span in spans] for kind, spans in item["candidates"].items()}
            result[aid] = ExtractionStats(**item)
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a stats file written by eval --save-predictions ({exc})") from None
    return result
