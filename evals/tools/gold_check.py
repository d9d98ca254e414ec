"""Fill in and check the evidence offsets of gold files; check the fields against RECORDS.md.

Usage::

    python evals/tools/gold_check.py CORPUS_DIR GOLD_DIR [--fill] [FILE_STEM ...]

For every ``GOLD_DIR/<id>.json`` the article ``CORPUS_DIR/<id>.txt`` is read as the extractor
reads it (UTF-8, BOM dropped, newlines normalised to ``\\n``). With ``--fill`` each evidence
quote's ``start``/``end`` are (re)computed with ``str.find``: a quote that occurs more than once
keeps the occurrence nearest to the ``start`` it already has (labellers set it when a quote
repeats). Without ``--fill`` the offsets are only checked. Every problem is printed, one line
each, and the exit status is 1 when there is any. Standalone on purpose: it needs no install.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

STATUS = {"happened", "planned", "possible", "cancelled"}
FORMAT = {"in_person", "phone", "video", "unknown"}
CATEGORY = {"territory", "military", "security", "recognition", "sanctions", "economic", "political",
            "humanitarian", "other"}
QUALIFIER = {"exact", "approximate", "at_least"}
VICTIMS = {"civilians", "military", "mixed", "unspecified"}
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
HEADER = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")
NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]")

FIELDS = {
    "meetings": {"participants", "location", "date", "status", "format", "duration_hours", "topics", "outcome",
                 "evidence", "optional"},
    "demands": {"actor", "target", "demand", "category", "evidence", "optional"},
    "casualties": {"killed", "injured", "qualifier", "victims", "children_killed", "children_injured", "country",
                   "location", "period", "cause", "reported_by", "evidence", "optional"},
}


def read_text(path: Path) -> str:
    text = path.read_bytes().decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _english(where: str, value: object, problems: list[str]) -> None:
    if isinstance(value, str) and NON_LATIN.search(value):
        problems.append(f"{where}: not English/Latin script: {value!r}")


def check_record(kind: str, where: str, record: dict, text: str, fill: bool, problems: list[str]) -> None:
    extra = set(record) - FIELDS[kind]
    if extra:
        problems.append(f"{where}: unknown fields {sorted(extra)}")
    evidence = record.get("evidence") or []
    if not evidence:
        problems.append(f"{where}: no evidence")
    for j, ev in enumerate(evidence):
        quote = ev.get("quote", "")
        if not quote or quote != quote.strip():
            problems.append(f"{where}.evidence[{j}]: empty quote or quote with outer spaces")
            continue
        if fill:
            spots = [m.start() for m in re.finditer(re.escape(quote), text)]
            if not spots:
                problems.append(f"{where}.evidence[{j}]: quote not found verbatim: {quote[:80]!r}")
                continue
            hint = ev.get("start")
            start = min(spots, key=lambda s: abs(s - hint)) if isinstance(hint, int) else spots[0]
            if len(spots) > 1 and not isinstance(hint, int):
                problems.append(f"{where}.evidence[{j}]: quote occurs {len(spots)} times; set 'start' near the right one")
            ev["start"], ev["end"] = start, start + len(quote)
        elif text[ev.get("start", -1) : ev.get("end", -1)] != quote:
            problems.append(f"{where}.evidence[{j}]: text[start:end] != quote")
    if kind == "meetings":
        if record.get("status") not in STATUS:
            problems.append(f"{where}: bad status {record.get('status')!r}")
        if record.get("format") not in FORMAT:
            problems.append(f"{where}: bad format {record.get('format')!r}")
        if not record.get("participants"):
            problems.append(f"{where}: no participants")
        for name in record.get("participants", []):
            _english(f"{where}.participants", name, problems)
        for key in ("location", "outcome"):
            _english(f"{where}.{key}", record.get(key), problems)
        for topic in record.get("topics", []):
            _english(f"{where}.topics", topic, problems)
    elif kind == "demands":
        if record.get("category") not in CATEGORY:
            problems.append(f"{where}: bad category {record.get('category')!r}")
        if not record.get("actor") or not record.get("demand"):
            problems.append(f"{where}: actor and demand are required")
        for key in ("actor", "target", "demand"):
            _english(f"{where}.{key}", record.get(key), problems)
    else:
        if record.get("qualifier") not in QUALIFIER:
            problems.append(f"{where}: bad qualifier {record.get('qualifier')!r}")
        if record.get("victims") not in VICTIMS:
            problems.append(f"{where}: bad victims {record.get('victims')!r}")
        if record.get("killed") is None and record.get("injured") is None:
            problems.append(f"{where}: neither killed nor injured")
        for key in ("country", "location", "cause", "reported_by"):
            _english(f"{where}.{key}", record.get(key), problems)
    for key in ("date", "period"):
        value = record.get(key)
        if value is not None and not ISO.match(str(value)):
            problems.append(f"{where}: {key} {value!r} is not an ISO date or period")


def check_file(gold_path: Path, corpus: Path, fill: bool) -> list[str]:
    problems: list[str] = []
    article = corpus / f"{gold_path.stem}.txt"
    if not article.exists():
        return [f"{gold_path}: no article {article}"]
    text = read_text(article)
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    header = HEADER.match(text)
    if not header:
        problems.append(f"{article}: no ' date YYYY-MM-DD ' header")
    elif data.get("published") != header.group(1):
        problems.append(f"{gold_path}: published {data.get('published')!r} != header {header.group(1)}")
    if data.get("article_id") != gold_path.stem:
        problems.append(f"{gold_path}: article_id must be {gold_path.stem!r}")
    for key in ("language", "headline", "brief"):
        if not data.get(key):
            problems.append(f"{gold_path}: {key} missing")
    _english(f"{gold_path}: headline", data.get("headline"), problems)
    _english(f"{gold_path}: brief", data.get("brief"), problems)
    if not any(data.get(kind) for kind in FIELDS):
        problems.append(f"{gold_path}: no record at all")
    for kind in FIELDS:
        for i, record in enumerate(data.get(kind, [])):
            check_record(kind, f"{gold_path.name}:{kind}[{i}]", record, text, fill, problems)
    if fill:
        gold_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return problems


def main(argv: list[str]) -> int:
    fill = "--fill" in argv
    args = [a for a in argv if a != "--fill"]
    if len(args) < 2:
        print(__doc__)
        return 2
    corpus, gold = Path(args[0]), Path(args[1])
    stems = set(args[2:])
    problems: list[str] = []
    count = 0
    for path in sorted(gold.glob("*.json")):
        if stems and path.stem not in stems:
            continue
        count += 1
        problems += check_file(path, corpus, fill)
    for line in problems:
        print(line)
    print(f"{count} gold file(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
