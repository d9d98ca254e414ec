"""Unit tests never reach a real model or the network: every model call goes through
``summarizer.testing.FakeModel``. Tests that load the embedded model are marked ``slow``."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _isolated_environment(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_BASE_URL", "SUMMARIZER_API_KEY",
                "SUMMARIZER_BACKEND", "SUMMARIZER_MODEL", "SUMMARIZER_MODEL_FILE"):  # fmt: skip
        monkeypatch.delenv(var, raising=False)
    if request.node.get_closest_marker("slow") is None:  # slow tests use the real model cache
        monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def seeds() -> Path:
    return SEEDS
