"""Delegations, as data: ``data/delegations.json`` beside the alias table.

``phrases`` maps an English phrase a model uses for a group that meets ("american delegation",
"eu leaders"; lower case) to its canonical delegation; ``states`` maps a state named among the
participants of a meeting to the delegation it stands for. A new state's delegation is a line
in the file. The file is read and checked on import; a bad one is a ``ConfigError`` naming it.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ConfigError

__all__ = ["DELEGATIONS", "STATE_DELEGATIONS", "STATE_OF_DELEGATION", "load_delegations"]

_DATA_FILE = Path(__file__).parent / "data" / "delegations.json"


def _table(data: object, key: str, path: Path, *, lower_keys: bool) -> dict[str, str]:
    table = data.get(key) if isinstance(data, dict) else None
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise ConfigError(f"{path}: {key!r} must map names to delegation names")
    if lower_keys and any(k != k.lower() for k in table):
        raise ConfigError(f"{path}: the {key!r} are matched in lower case and must be written so")
    return dict(table)


def load_delegations(path: Path = _DATA_FILE) -> tuple[dict[str, str], dict[str, str]]:
    """Read and check a delegations file; return ``(phrases, states)``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: unreadable delegations file ({exc})") from None
    phrases, states = _table(data, "phrases", path, lower_keys=True), _table(data, "states", path, lower_keys=False)
    for delegation in states.values():  # a state's delegation is a phrase for itself: "French delegation"
        phrases.setdefault(delegation.lower(), delegation)
    return phrases, states


DELEGATIONS, STATE_DELEGATIONS = load_delegations()
STATE_OF_DELEGATION = {delegation: state for state, delegation in STATE_DELEGATIONS.items()}
