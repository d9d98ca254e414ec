"""The delegations data file: read and checked on import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.errors import ConfigError
from summarizer.normalize.delegations import DELEGATIONS, STATE_DELEGATIONS, STATE_OF_DELEGATION, load_delegations
from summarizer.normalize.names import canonical_actor


def test_every_state_is_a_known_state_and_every_phrase_lower_case() -> None:
    assert all(canonical_actor(state) == state for state in STATE_DELEGATIONS)
    assert all(phrase == phrase.lower() for phrase in DELEGATIONS)
    assert STATE_OF_DELEGATION["Turkish delegation"] == "Turkey"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"phrases": {"EU leaders": "EU leaders"}, "states": {}}, "lower case"),
        ({"phrases": {}, "states": ["Chile"]}, "'states' must map"),
    ],
)
def test_a_bad_file_is_named(tmp_path: Path, content: dict[str, object], message: str) -> None:
    path = tmp_path / "delegations.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_delegations(path)
