"""How a human-written alias of the table (``data/aliases.json``) becomes a regular expression:
case endings (``~``), any white space, dash and apostrophe variants, "е"/"ё", and the word
boundaries each script calls for (none between Chinese characters, none inside a katakana word,
Korean particles after a Hangul name, Arabic clitics before an Arabic one); and the literal
beginnings (anchors) that let ``names`` skip the entities a text cannot mention."""

from __future__ import annotations

import re

from .text import has_cyrillic

__all__ = ["anchors_of", "compile_patterns"]

# Optional inflectional endings. Longer alternatives first; the trailing word-boundary check makes
# the engine backtrack to the ending that completes the word.
_CYR_ENDINGS = (
    "(?:ами|ями|ими|ыми|ого|его|ому|ему|ові|еві|єві|ою|ею|єю|ом|ем|ём|єм|ым|им|ім|ой|ей|ий|ій|ый|ая|ую|ої"
    "|ие|ые|их|ых|ів|ов|ев|ах|ях|ам|ям|ью|ът|ят|а|я|у|ю|е|є|і|ї|и|ы|ь|й)?"
)
_LAT_ENDINGS = "(?:'s|’s|owi|iego|iemu|ego|emu|iem|ie|em|im|ym|es|s|a|u|e|ą|ę|y|i)?"
_WS = r"[\s\u00a0\u202f]+"
_DASH = "[-\u2010\u2011\u2012\u2013]"
_APOS = "['\u2019\u02bc`]"

_ANCHOR = re.compile(r"^=?([^\W\d_]{2,})")

def anchors_of(patterns: list[str]) -> tuple[str, ...] | None:
    anchors = set()
    for raw in patterns:
        match = _ANCHOR.match(raw)
        if match is None:
            return None
        # The leading run of letters is literal in every match (endings come after it);
        # "е" and "ё" are interchangeable in the patterns.
        anchor = match.group(1).lower().replace("ё", "е")
        if anchor.startswith("ال") and len(anchor) > 3:
            anchor = anchor[1:]  # the article's alif drops after the clitic lam: "للقاهرة"
        anchors.add(anchor)
    # An anchor that contains another one adds nothing: the shorter is found wherever it is.
    kept = {a for a in anchors if not any(b != a and b in a for b in anchors)}
    return tuple(sorted(kept))

def _script(ch: str) -> str:
    """The script class that decides an alias's word boundary on the side of ``ch``."""
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff":
        return "han"
    if "\u30a0" <= ch <= "\u30ff" or "\u3040" <= ch <= "\u309f":
        return "kana"
    if "\uac00" <= ch <= "\ud7af":
        return "hangul"
    if "\u0600" <= ch <= "\u06ff":
        return "arabic"
    return "other"

# Korean particles and the suffix 시 (city) that follow a name without a space, up to two.
_HANGUL_TAIL = "(?:에서|에게|으로|부터|까지|에는|에도|에선|과의|와의|에|의|은|는|이|가|을|를|와|과|로|도|만|시)"
_KATAKANA = "[\u30a1-\u30fa\u30fc]"
# Arabic clitics written onto a name: wa-/fa- "and", bi- "in", li- "to", ka- "like".
_ARABIC_CLITICS = "(?:[وف]?[بلك]?)"

def _bounded(body: str) -> str:
    """The translated alias with the word boundaries its first and last letters call for."""
    letters = [ch for ch in body if ch.isalpha()]
    first = _script(letters[0]) if letters else "other"
    last = _script(letters[-1]) if letters else "other"
    core = _translate(body)
    if first == "han":
        left = ""
    elif first == "kana":
        left = f"(?<!{_KATAKANA})"
    elif first == "arabic":
        core = _ARABIC_CLITICS + core
        if body.startswith("ال"):
            # li- + al- is written "لل": "للقاهرة"
            core = f"(?:{core}|[وف]?لل{_translate(body[2:])})"
        left = r"(?<!\w)"
    else:
        left = r"(?<!\w)"
    if last == "han":
        right = ""
    elif last == "kana":
        right = f"(?!{_KATAKANA})"
    elif last == "hangul":
        right = rf"(?={_HANGUL_TAIL}{{0,2}}(?!\w))"
    else:
        right = r"(?!\w)"
    return f"{left}(?:{core}){right}"

def _translate(pattern: str) -> str:
    """Turn one human-written alias pattern into a Python regular expression."""
    out: list[str] = []
    depth = 0
    last_alpha = ""
    for ch in pattern:
        if ch == "[":
            depth += 1
            out.append(ch)
        elif ch == "]":
            depth -= 1
            out.append(ch)
        elif depth:
            out.append(ch)
        elif ch == "~":
            out.append(_CYR_ENDINGS if has_cyrillic(last_alpha or "a", historic=False) else _LAT_ENDINGS)
        elif ch == " ":
            out.append(_WS)
        elif ch == ".":
            out.append(r"\.")
        elif ch in "-\u2010\u2011":
            out.append(_DASH)
        elif ch in "'\u2019\u02bc":
            out.append(_APOS)
        elif ch in "её":
            out.append("[её]")
        elif ch in "ЕЁ":
            out.append("[ЕЁ]")
        elif ch in '"+*{}^$\\':
            out.append(re.escape(ch))
        else:
            out.append(ch)
        if ch.isalpha():
            last_alpha = ch
    return "".join(out)

def compile_patterns(patterns: list[str]) -> list[re.Pattern[str]]:
    """Compile patterns into at most two regexes (case-insensitive and case-sensitive)."""
    groups: dict[bool, list[str]] = {False: [], True: []}
    for raw in sorted(set(patterns), key=len, reverse=True):
        sensitive = raw.startswith("=")
        body = raw[1:] if sensitive else raw
        groups[sensitive].append(_bounded(body))
    compiled = []
    for sensitive, parts in groups.items():
        if parts:
            flags = 0 if sensitive else re.IGNORECASE
            compiled.append(re.compile("|".join(parts), flags))
    return compiled
