"""Which server answers: the embedded llama.cpp server (started on demand, restarted if it dies,
one slot per kind of question) or any OpenAI-compatible server; ``open_client`` decides."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from pydantic import BaseModel

from ..config import OPENAI_BASE_URL, Settings
from ..errors import BackendError, ConfigError
from .client import CallUsage, ModelClient, ResponseCache
from .embedded import DEFAULT_MODEL, EmbeddedServer, ensure_model, file_identity, free_port
from .prefix import SlotRouter, slot_folder

__all__ = ["RestartingClient", "articles_at_once", "open_client", "start_embedded_server"]

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
    identity += f"|{ENGINE}"
    if settings.server_args:
        identity += f"|{settings.server_args}"
    digest = hashlib.sha256(f"{identity}|{settings.context}".encode()).hexdigest()[:12]
    server = EmbeddedServer(
        path,
        context=settings.context,
        threads=settings.threads,
        log_dir=settings.cache_dir / "logs",
        extra_args=settings.server_args,
        slots=len(SLOTS),
        state_dir=slot_folder(settings.cache_dir, digest),
    )
    return server, identity


class RestartingClient:
    """A ``ModelClient`` for the embedded server: the server starts on the first question the
    cache cannot answer (a fully cached rerun never loads the model), and is restarted if it
    has died (a crash mid-batch), asking once more; finished work is unaffected."""

    def __init__(
        self, server: EmbeddedServer, make: Callable[[str], ModelClient], router: SlotRouter | None = None
    ) -> None:
        self.server = server
        self.make = make
        self.router = router
        self.restarts = 0
        self.started = False
        self.client = self._made(server.base_url)

    def _made(self, base_url: str) -> ModelClient:
        client = self.make(base_url)
        client.before_request = self._ensure_started
        client.router = self.router
        return client

    def _ensure_started(self) -> None:
        if not self.started:
            self.server.start()
            self.started = True

    @property
    def cache(self) -> ResponseCache | None:
        return self.client.cache

    def fingerprint(self) -> dict[str, Any]:
        return self.client.fingerprint()

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
            if self.router is not None:
                self.router.reset()
            self.server.start()
            self.client = self._made(self.server.base_url)
            return self.client.ask(messages, response_model, **kwargs)


# One server slot per kind of question, so that each kind's prompt prefix stays in llama.cpp.
SLOTS = ("meeting", "demand", "casualty", "triage", "summary")
ENGINE = "llama.cpp-server"
# The answer grammar (llguidance, in the server): at most one space between JSON tokens, as in
# the few-shot answers (pretty-printing costs decoded tokens for nothing).
COMPACT_JSON: dict[str, Any] = {"x-guidance": {"whitespace_pattern": " ?"}}


def articles_at_once(settings: Settings) -> int:
    """How many articles may be in flight: ``--jobs`` for a remote server; one for the embedded
    model, which answers one question at a time on the CPU (parallel slots there gained ~11% and
    changed answers, since batched arithmetic is not bit-identical)."""
    if not settings.is_embedded:
        return settings.jobs
    if settings.jobs > 1:
        log.warning("--jobs applies to remote servers; the embedded model runs one article at a time")
    return 1


@contextlib.contextmanager
def open_client(
    settings: Settings, progress: Progress | None = None
) -> Iterator[ModelClient | RestartingClient]:
    """A ready client for the configured backend; embedded servers, if any, start on the
    first question the cache cannot answer and are stopped when the block ends, whatever
    ends it."""
    if settings.is_embedded:
        server, identity = start_embedded_server(settings, progress)
        router = SlotRouter(lambda: server.root_url, server.state_dir, server.slots, timeout=settings.timeout)
        cache = _cache(settings)

        def make(base_url: str) -> ModelClient:
            return ModelClient(
                base_url=base_url,
                model="local",
                model_identity=identity,
                mode="json_mode",
                constrain=True,
                timeout=settings.timeout,
                retries=settings.retries,
                seed=settings.seed,
                temperature=settings.temperature,
                extra_params=dict(EMBEDDED_SAMPLING),
                llguidance=dict(COMPACT_JSON),
                cache=cache,
            )

        try:
            yield RestartingClient(server, make, router)
        finally:
            server.stop()
        return
    assert settings.base_url is not None
    model = settings.model
    constrain = False
    mode = "tool_call" if settings.base_url == OPENAI_BASE_URL else "json_mode"  # instructor.Mode values
    if settings.base_url != OPENAI_BASE_URL:
        models = _server_models(settings.base_url, settings.api_key, settings.timeout)
        # llama.cpp's server (also `summarizer serve`) and llama-cpp-python's take a JSON schema
        # as a constraint; others (vLLM, Ollama) get instructor's JSON mode.
        constrain = any(m.get("owned_by") in {"llamacpp", "me"} for m in models)
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
