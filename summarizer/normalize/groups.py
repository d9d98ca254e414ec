"""English words that name no one in particular, as data: ``data/group_words.json``.

Groups and bodies without a name of their own ("protesters", "union", "ministry") and titles
("prime minister", "envoy"). A model names an entity the alias table does not know in English
("Teachers' Union of Chile"); such words are translations, never written in the article, so the
check that an unknown name is written in its sentence (``extract.participants.supported_name``)
skips them; and a participant made of them alone ("Prime Minister") names nobody. A new word is
a line in the file (lower case, no accents).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from ..errors import ConfigError

__all__ = ["group_words", "load_group_words"]

_DATA_FILE = Path(__file__).parent / "data" / "group_words.json"


def load_group_words(path: Path = _DATA_FILE) -> frozenset[str]:
    """Read and check a group-words file: a JSON list of lower-case words."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: unreadable group-words file ({exc})") from None
    if not isinstance(data, list) or not all(isinstance(w, str) and w == w.lower() and w.isascii() for w in data):
        raise ConfigError(f"{path}: must be a list of lower-case ASCII words")
    return frozenset(data)


@functools.lru_cache(maxsize=1)
def group_words() -> frozenset[str]:
    return load_group_words()
