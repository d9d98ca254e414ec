"""The one seam to models. Nothing outside this package knows which server answers."""

from __future__ import annotations

import contextlib
import json
import logging
import shlex
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import instructor
from pydantic import BaseModel

from ..config import OPENAI_BASE_URL, Settings
from ..errors import BackendError, ConfigError
from .client import CallUsage, ModelClient, ResponseCache
from .embedded import DEFAULT_MODEL, EmbeddedServer, ensure_model, file_identity, free_port

__all__ = [
    "CallUsage",
    "DEFAULT_MODEL",
    "EmbeddedServer",
    "LanedClient",
    "ModelClient",
    "RestartingClient",
    "ResponseCache",
    "ensure_model",
    "open_client",
    "start_embedded_server",
]

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
T = TypeVar("T", bound=BaseModel)
MAX_RESTARTS = 3
# Mild: JSON repeats braces and quotes by necessity; the grammar and maxItems bound the rest.
EMBEDDED_SAMPLING = {"repeat_penalty": 1.05, "top_k": 1}


def _cache(settings: Settings) -> ResponseCache | None:
    return ResponseCache(settings.cache_dir / "responses") if settings.use_cache else None


def _server_models(base_url: str, api_key: str | None, timeout: float) -> list[dict[str, object]]:
    request = urllib.request.Request(f"{base_url}/models")
    if api_key:
        request.add_header("Authorization", f"Bearer {api_key}")
    try:
        with urllib.request.urlopen(request, timeout=min(timeout, 15)) as response:
            return list(json.loads(response.read()).get("data", []))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise BackendError(f"cannot reach the model server at {base_url}: {reason}") from None


def start_embedded_server(settings: Settings, progress: Progress | None = None) -> tuple[EmbeddedServer, str]:
    """Assemble the model (first run only) and prepare its server; return the server, not yet
    started, and the model identity used in cache keys."""
    if settings.model_file is not None:
        path = settings.model_file
        if not path.is_file():
            raise ConfigError(f"--model-file {path}: no such file")
        identity = f"gguf:{file_identity(path)}"
    else:
        path = ensure_model(settings.cache_dir, DEFAULT_MODEL, progress)
        identity = f"gguf:{DEFAULT_MODEL.sha256}"
    if settings.server_args:
        identity += f"|{settings.server_args}"
    server = EmbeddedServer(
        path,
        context=settings.context,
        threads=settings.threads,
        log_dir=settings.cache_dir / "logs",
        extra_args=shlex.split(settings.server_args),
    )
    return server, identity


class RestartingClient:
    """A ``ModelClient`` for the embedded server: the server starts on the first question the
    cache cannot answer (a fully cached rerun never loads the model), and is restarted if it
    has died (a crash mid-batch), asking once more; finished work is unaffected."""

    def __init__(self, server: EmbeddedServer, make: Callable[[str], ModelClient]) -> None:
        self.server = server
        self.make = make
        self.restarts = 0
        self.started = False
        self.client = self._made(server.base_url)

    def _made(self, base_url: str) -> ModelClient:
        client = self.make(base_url)
        client.before_request = self._ensure_started
        return client

    def _ensure_started(self) -> None:
        if not self.started:
            self.server.start()
            self.started = True

    @property
    def cache(self) -> ResponseCache | None:
        return self.client.cache

    def ask(self, messages: list[dict[str, str]], response_model: type[T], **kwargs: Any) -> tuple[T, CallUsage]:
        try:
            return self.client.ask(messages, response_model, **kwargs)
        except BackendError:
            if self.server.alive() or self.restarts >= MAX_RESTARTS:
                raise
            self.restarts += 1
            log.warning("the embedded model server died; restarting it (%d/%d)", self.restarts, MAX_RESTARTS)
            self.server.stop()
            self.server.port = free_port()
            self.server.start()
            self.client = self._made(self.server.base_url)
            return self.client.ask(messages, response_model, **kwargs)


class LanedClient:
    """One embedded server per kind of question ("lane").

    llama.cpp reuses the KV cache of the longest prompt prefix it has just seen. Questions of
    one kind share a long prefix (instructions, few-shot examples, schema), but an article asks
    several kinds in turn, and one server would re-read each prefix at every switch (about
    25 s apiece here). A server per lane keeps every prefix warm; the servers take turns, so
    they share the CPU without contention, and the model file's pages are shared.
    """

    def __init__(self, lanes: dict[str, RestartingClient], default: str) -> None:
        self.lanes = lanes
        self.default = default

    @property
    def cache(self) -> ResponseCache | None:
        return self.lanes[self.default].cache

    def ask(self, messages: list[dict[str, str]], response_model: type[T], **kwargs: Any) -> tuple[T, CallUsage]:
        lane = self.lanes.get(str(kwargs.get("label", "")), self.lanes[self.default])
        return lane.ask(messages, response_model, **kwargs)


LANES = ("meeting", "demand", "summary")


@contextlib.contextmanager
def open_client(
    settings: Settings, progress: Progress | None = None
) -> Iterator[ModelClient | RestartingClient | LanedClient]:
    """A ready client for the configured backend; embedded servers, if any, start on the
    first question the cache cannot answer and are stopped when the block ends, whatever
    ends it."""
    if settings.is_embedded:
        first, identity = start_embedded_server(settings, progress)
        servers = [first] + [
            EmbeddedServer(
                first.model_path,
                context=first.context,
                threads=first.threads,
                log_dir=first.log_dir,
                extra_args=first.extra_args,
            )
            for _ in LANES[1:]
        ]
        cache = _cache(settings)

        def make(base_url: str) -> ModelClient:
            return ModelClient(
                base_url=base_url,
                model="local",
                model_identity=identity,
                mode=instructor.Mode.JSON,
                constrain=True,
                timeout=settings.timeout,
                retries=settings.retries,
                seed=settings.seed,
                temperature=settings.temperature,
                extra_params=dict(EMBEDDED_SAMPLING),
                cache=cache,
            )

        client = LanedClient({lane: RestartingClient(server, make) for lane, server in zip(LANES, servers, strict=True)},
                             default=LANES[0])  # fmt: skip
        try:
            yield client
        finally:
            for server in servers:
                server.stop()
        return
    assert settings.base_url is not None
    model = settings.model
    constrain = False
    mode = instructor.Mode.TOOLS if settings.base_url == OPENAI_BASE_URL else instructor.Mode.JSON
    if settings.base_url != OPENAI_BASE_URL:
        models = _server_models(settings.base_url, settings.api_key, settings.timeout)
        # llama-cpp-python's server (also `summarizer serve`) takes a JSON schema as grammar.
        constrain = any(m.get("owned_by") == "me" for m in models)
        if model is None:
            if not models:
                raise ConfigError(f"{settings.base_url} lists no models: pass --model or set SUMMARIZER_MODEL")
            model = str(models[0].get("id"))
    if model is None:
        raise ConfigError("no model name: pass --model or set SUMMARIZER_MODEL")
    yield ModelClient(
        base_url=settings.base_url,
        model=model,
        api_key=settings.api_key or "none",
        model_identity=f"{settings.base_url}|{model}",
        mode=mode,
        constrain=constrain,
        timeout=settings.timeout,
        retries=settings.retries,
        seed=settings.seed,
        temperature=settings.temperature,
        extra_params=dict(EMBEDDED_SAMPLING) if constrain else {},
        cache=_cache(settings),
    )
