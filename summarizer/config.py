"""Settings, resolved once: explicit argument > ``SUMMARIZER_*`` environment variable > default.

The usual ``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` work as users expect: they are read
after the ``SUMMARIZER_*`` names.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

from .errors import ConfigError

__all__ = ["ENV_VARS", "OPENAI_BASE_URL", "Settings", "resolve_settings"]

OPENAI_BASE_URL = "https://api.openai.com/v1"
OPENAI_DEFAULT_MODEL = "gpt-4o-mini"

# field -> environment variables read in order, after the explicit argument.
_ENV: dict[str, tuple[str, ...]] = {
    "backend": ("SUMMARIZER_BACKEND",),
    "base_url": ("SUMMARIZER_BASE_URL", "OPENAI_BASE_URL"),
    "model": ("SUMMARIZER_MODEL",),
    "api_key": ("SUMMARIZER_API_KEY", "OPENAI_API_KEY"),
    "model_file": ("SUMMARIZER_MODEL_FILE",),
    "timeout": ("SUMMARIZER_TIMEOUT",),
    "retries": ("SUMMARIZER_RETRIES",),
    "cache_dir": ("SUMMARIZER_CACHE_DIR",),
    "use_cache": ("SUMMARIZER_CACHE",),
    "jobs": ("SUMMARIZER_JOBS",),
    "threads": ("SUMMARIZER_THREADS",),
    "context": ("SUMMARIZER_CONTEXT",),
    "seed": ("SUMMARIZER_SEED",),
    "server_args": ("SUMMARIZER_SERVER_ARGS",),
}

ENV_VARS = _ENV
"""Setting name -> the environment variables read for it, in order (after the explicit argument)."""


@dataclass(frozen=True)
class Settings:
    """Everything that decides which model answers and how."""

    backend: str = "embedded"  # "embedded" (local llama.cpp) or "openai" (any OpenAI-compatible server)
    base_url: str | None = None
    model: str | None = None
    api_key: str | None = field(default=None, repr=False)
    model_file: Path | None = None
    timeout: float = 180.0  # seconds per model call
    retries: int = 2  # re-asks after a validation error, and retries of transient failures
    cache_dir: Path = field(default_factory=lambda: Path(user_cache_dir("summarizer")))
    use_cache: bool = True
    jobs: int = 1
    threads: int | None = None
    context: int = 4096
    seed: int = 0
    temperature: float = 0.0
    server_args: str = ""  # more llama.cpp server settings (common_params fields), e.g. "--n_gpu_layers 99"

    @property
    def is_embedded(self) -> bool:
        return self.backend == "embedded"


def _coerce(name: str, value: Any) -> Any:
    if value is None:
        return None
    try:
        if name in {"timeout"}:
            return float(value)
        if name in {"retries", "jobs", "threads", "context", "seed"}:
            return int(value)
        if name in {"model_file", "cache_dir"}:
            return Path(value).expanduser()
        if name == "use_cache":
            if isinstance(value, bool):
                return value
            return str(value).strip().lower() not in {"0", "false", "no", "off"}
    except ValueError:
        raise ConfigError(f"invalid value for {name}: {value!r}") from None
    return value


def resolve_settings(environ: dict[str, str] | None = None, **explicit: Any) -> Settings:
    """Resolve settings: explicit keyword (not None) > environment > default.

    The backend is ``openai`` when asked for, or when a base URL is set; then a missing base
    URL means OpenAI itself. ``--model-file`` always means the embedded backend.
    """
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    known = {f.name for f in fields(Settings)}
    for name in known:
        value = explicit.get(name)
        if value is None:
            for var in _ENV.get(name, ()):
                if env.get(var):
                    value = env[var]
                    break
        if value is not None:
            values[name] = _coerce(name, value)
    unknown = set(explicit) - known
    if unknown:
        raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
    settings = Settings(**values)
    backend = settings.backend
    if backend not in {"embedded", "openai"}:
        raise ConfigError(f"unknown backend {backend!r}: use 'embedded' or 'openai'")
    explicit_backend = explicit.get("backend") or env.get("SUMMARIZER_BACKEND")
    if settings.model_file is not None:
        if explicit_backend == "openai":
            raise ConfigError("--model-file serves a local GGUF; it cannot be combined with --backend openai")
        backend = "embedded"
    elif settings.base_url and explicit_backend != "embedded":
        backend = "openai"
    if backend == "openai":
        base_url = (settings.base_url or OPENAI_BASE_URL).rstrip("/")
        model = settings.model or (OPENAI_DEFAULT_MODEL if base_url == OPENAI_BASE_URL else None)
        if base_url == OPENAI_BASE_URL and not settings.api_key:
            raise ConfigError("OpenAI needs an API key: set OPENAI_API_KEY or SUMMARIZER_API_KEY, or pass --api-key")
        settings = replace(settings, backend="openai", base_url=base_url, model=model)
    else:
        settings = replace(settings, backend="embedded")
    if settings.jobs < 1:
        raise ConfigError("--jobs must be at least 1")
    if settings.timeout <= 0:
        raise ConfigError("--timeout must be positive")
    return settings
