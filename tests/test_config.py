from __future__ import annotations

import pytest

from summarizer.config import OPENAI_BASE_URL, resolve_settings
from summarizer.errors import ConfigError


def test_default_is_embedded() -> None:
    assert resolve_settings(environ={}).backend == "embedded"


def test_argument_beats_environment_beats_default() -> None:
    env = {"SUMMARIZER_TIMEOUT": "30", "SUMMARIZER_MODEL": "env-model", "SUMMARIZER_BASE_URL": "http://h:1/v1"}
    settings = resolve_settings(environ=env, model="arg-model")
    assert settings.model == "arg-model"
    assert settings.timeout == 30.0
    assert settings.backend == "openai" and settings.base_url == "http://h:1/v1"


def test_openai_variables_are_read() -> None:
    env = {"OPENAI_BASE_URL": "http://vllm:8000/v1/", "OPENAI_API_KEY": "sk-test"}
    settings = resolve_settings(environ=env)
    assert settings.base_url == "http://vllm:8000/v1"
    assert settings.api_key == "sk-test"
    assert "sk-test" not in repr(settings)


def test_openai_itself_needs_a_key_and_says_how() -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        resolve_settings(environ={}, backend="openai")
    settings = resolve_settings(environ={"OPENAI_API_KEY": "k"}, backend="openai")
    assert settings.base_url == OPENAI_BASE_URL and settings.model


def test_model_file_means_embedded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = resolve_settings(environ={"OPENAI_BASE_URL": "http://x/v1"}, model_file=str(tmp_path / "m.gguf"))
    assert settings.backend == "embedded"


def test_bad_values_are_config_errors() -> None:
    with pytest.raises(ConfigError):
        resolve_settings(environ={"SUMMARIZER_TIMEOUT": "soon"})
    with pytest.raises(ConfigError):
        resolve_settings(environ={}, backend="magic")
