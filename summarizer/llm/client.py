"""The one seam to models: an ``openai`` client patched by ``instructor``.

Every backend (the embedded llama.cpp server, OpenAI, any OpenAI-compatible server) answers
through ``ModelClient.ask``: a structured question whose answer is a Pydantic model, with
instructor's re-ask on validation errors, ``tenacity`` retries on transient failures, a
timeout on every call and an on-disk response cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from ..errors import BackendError, ExtractionError
from ._http import httpx
from .prefix import prefix_key

__all__ = ["CallUsage", "ModelClient", "ResponseCache"]

log = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)



def _transient() -> tuple[type[Exception], ...]:
    # openai and instructor are imported on the first question the cache cannot answer: a fully
    # cached run never pays the ~1.5 s they take to import.
    import openai

    return (openai.APIConnectionError, openai.APITimeoutError, openai.InternalServerError, openai.RateLimitError)

CACHE_FORMAT = 1


class Router(Protocol):
    """Where a question goes on a server with several slots (``prefix.SlotRouter``)."""

    def enter(self, label: str, key: str) -> dict[str, Any]: ...

    def leave(self, label: str, key: str) -> None: ...


@dataclass
class CallUsage:
    """Tokens and time of one ``ask``; ``cached`` when the answer came from the cache."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cached: bool = False
    attempts: int = 1
    # From servers that report timings (llama.cpp): prompt tokens actually read (the rest came
    # from the KV cache) and the seconds spent reading them and generating.
    prefill_tokens: int = 0
    prefill_seconds: float = 0.0
    decode_seconds: float = 0.0


class ResponseCache:
    """Model answers on disk, one JSON file per key.

    The key is a SHA-256 of everything that determines the answer: model identity, the full
    messages, the response schema and the sampling parameters. API keys are never part of it.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(payload: dict[str, Any]) -> str:
        blob = json.dumps({"v": CACHE_FORMAT, **payload}, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: dict[str, Any]) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp-{os.getpid()}-{threading.get_ident()}")
        tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)

    def clear(self) -> int:
        removed = 0
        if self.folder.is_dir():
            for path in self.folder.glob("*/*.json"):
                path.unlink(missing_ok=True)
                removed += 1
        return removed


@dataclass
class ModelClient:
    """Ask a model structured questions.

    ``constrain`` sends the response schema as ``{"type": "json_object", "schema": ...}`` so
    that servers with grammar support (llama.cpp) can only produce schema-valid JSON.
    """

    base_url: str
    model: str
    api_key: str = field(default="local", repr=False)
    model_identity: str = ""
    mode: str = "json_mode"  # an ``instructor.Mode`` value: "json_mode", "tool_call"
    constrain: bool = False
    timeout: float = 180.0
    retries: int = 2
    seed: int | None = 0
    temperature: float = 0.0
    extra_params: dict[str, Any] = field(default_factory=dict)
    cache: ResponseCache | None = None
    http_client: httpx.Client | None = None
    before_request: Callable[[], None] | None = field(default=None, repr=False)
    # Set for llama.cpp's own server: the schema goes as an llguidance grammar, with these
    # top-level keys added to it (not to the prompt), e.g. {"x-guidance": {...}} for compact JSON.
    llguidance: dict[str, Any] | None = None
    router: Router | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.model_identity = self.model_identity or f"{self.base_url}|{self.model}"
        self.mode = str(getattr(self.mode, "value", self.mode))
        self._instructor: Any = None

    @property
    def _client(self) -> Any:
        # Built on first use: a fully cached run never pays for the HTTP client (TLS set-up).
        if self._instructor is None:
            import instructor
            import openai

            raw = openai.OpenAI(
                base_url=self.base_url,
                api_key=self.api_key or "local",
                timeout=self.timeout,
                max_retries=0,  # retries are ours (tenacity), so that they are counted and bounded
                http_client=self.http_client,
            )
            self._instructor = instructor.from_openai(raw, mode=instructor.Mode(self.mode))
        return self._instructor

    def sampling(self, max_tokens: int) -> dict[str, Any]:
        params: dict[str, Any] = {"temperature": self.temperature, "max_tokens": max_tokens}
        if self.seed is not None:
            params["seed"] = self.seed
        return params

    def fingerprint(self) -> dict[str, Any]:
        """What decides this client's answers besides the questions (a key part of caches of
        whole results)."""
        return {
            "model": self.model_identity,
            "params": self.sampling(0),
            "extra": self.extra_params,
            "constrain": self.constrain,
            "llguidance": self.llguidance,
            "mode": self.mode,
        }

    def _key(self, messages: list[dict[str, str]], response_model: type[BaseModel], max_tokens: int) -> str:
        return ResponseCache.key(
            {
                "model": self.model_identity,
                "messages": messages,
                "schema": response_model.model_json_schema(),
                "params": self.sampling(max_tokens),
                "extra": self.extra_params,
                "constrain": self.constrain,
                "llguidance": self.llguidance,
                "grammar": answer_grammar_schema(response_model) if self.llguidance is not None else None,
                "mode": self.mode,
            }
        )

    def _lookup(self, key: str | None, response_model: type[T]) -> T | None:
        hit = self.cache.get(key) if self.cache is not None and key is not None else None
        if hit is None:
            return None
        if "unusable" in hit:  # asked before, and no attempt gave a valid answer
            raise ExtractionError(str(hit["unusable"]), attempts=0, last_output=hit.get("last_output"))
        try:
            return response_model.model_validate(hit["output"])
        except Exception:  # a stale or corrupt entry is simply recomputed
            return None

    def ask(
        self,
        messages: list[dict[str, str]],
        response_model: type[T],
        *,
        max_tokens: int = 256,
        label: str = "",
    ) -> tuple[T, CallUsage]:
        """Send ``messages``; return the validated answer and what it cost.

        A cached answer returns at once; otherwise ``before_request`` (if set) runs first, so
        that an embedded server is started only for a question the cache cannot answer.
        """
        key = self._key(messages, response_model, max_tokens) if self.cache is not None else None
        hit = self._lookup(key, response_model)
        if hit is not None:
            return hit, CallUsage(cached=True, seconds=0.0)
        if self.before_request is not None:
            self.before_request()
        try:
            value, usage = self._ask_model(messages, response_model, max_tokens, label)
        except ExtractionError as exc:
            # The same question gets the same unusable answer (temperature 0, fixed seed): remember
            # that too, so that a rerun neither starts the model nor asks again.
            if self.cache is not None and key is not None and exc.attempts:
                self.cache.put(key, {"unusable": str(exc), "last_output": exc.last_output, "label": label})
            raise
        if self.cache is not None and key is not None:
            self.cache.put(key, {"output": value.model_dump(mode="json"), "label": label})
        return value, usage

    def _ask_model(
        self, messages: list[dict[str, str]], response_model: type[T], max_tokens: int, label: str
    ) -> tuple[T, CallUsage]:
        import openai
        from instructor.core import InstructorError, InstructorRetryException

        transient = _transient()
        schema = response_model.model_json_schema()
        params = self.sampling(max_tokens)
        extra_body = dict(self.extra_params)
        if self.constrain and self.llguidance is not None:
            extra_body["grammar"] = "%llguidance {}\nstart: %json " + json.dumps(
                {**self.llguidance, **answer_grammar_schema(response_model)}
            )
            # instructor's JSON mode asks for {"type": "json_object"}, which llama.cpp would honour
            # with a grammar of any JSON instead of ours.
            extra_body["response_format"] = {"type": "text"}
        elif self.constrain:
            extra_body["response_format"] = {"type": "json_object", "schema": schema}
        prefix = prefix_key(self.model_identity, messages, schema) if self.router is not None else ""
        if self.router is not None:
            extra_body.update(self.router.enter(label, prefix))
        started = time.perf_counter()
        attempts = 0
        last_output: str | None = None
        try:
            for attempt in Retrying(
                retry=retry_if_exception_type(transient),
                stop=stop_after_attempt(self.retries + 1),
                wait=wait_exponential(multiplier=0.5, max=8),
                reraise=True,
            ):
                with attempt:
                    attempts += 1
                    try:
                        value, completion = self._client.chat.completions.create_with_completion(
                            model=self.model,
                            messages=messages,  # type: ignore[arg-type]
                            response_model=response_model,
                            max_retries=self.retries,
                            extra_body=extra_body or None,
                            **params,
                        )
                    except InstructorRetryException as exc:
                        # instructor wraps transport failures too: those are the server's, not the answer's.
                        cause = _transport_failure(exc)
                        if cause is not None:
                            raise cause from None
                        raise
        except transient as exc:
            raise BackendError(f"model server failed after {attempts} attempts: {_describe(exc)}") from None
        except openai.APIStatusError as exc:
            raise BackendError(f"model server refused the request: {_describe(exc)}") from None
        except InstructorRetryException as exc:
            last_output = _last_completion_text(exc)
            raise ExtractionError(
                f"{label or 'model'}: no valid answer after {exc.n_attempts} attempts",
                attempts=exc.n_attempts,
                last_output=last_output,
            ) from None
        except InstructorError as exc:  # e.g. output cut at max_tokens: this answer is unusable
            raise ExtractionError(
                f"{label or 'model'}: unusable answer ({type(exc).__name__}: {str(exc)[:200]})",
                attempts=attempts,
                last_output=_last_completion_text(exc),
            ) from None
        usage = CallUsage(seconds=time.perf_counter() - started, attempts=attempts)
        if self.router is not None:
            self.router.leave(label, prefix)
        raw_usage = getattr(completion, "usage", None)
        if raw_usage is not None:
            usage.prompt_tokens = int(getattr(raw_usage, "prompt_tokens", 0) or 0)
            usage.completion_tokens = int(getattr(raw_usage, "completion_tokens", 0) or 0)
        _read_timings(usage, getattr(completion, "timings", None))
        return value, usage


def answer_grammar_schema(response_model: type[BaseModel]) -> dict[str, Any]:
    """The schema that constrains an answer. For a model with a ``verdict`` field (a yes/no that
    opens the answer), a "no" may end the answer at once: ``{"is_meeting": false}`` is a few
    tokens where the full record would be twenty; the model fills in the rest itself."""
    # No keys beyond the schema's. Each branch says so itself: llguidance intersects top-level
    # keys with every branch of an anyOf, and an unsatisfiable grammar means no constraint at all
    # (the server logs "llg error" and samples freely).
    schema = {**response_model.model_json_schema(), "additionalProperties": False}
    verdict = getattr(response_model, "verdict", None)
    if not isinstance(verdict, str) or verdict not in schema.get("properties", {}):
        return schema
    defs = schema.pop("$defs", None)
    no = {"type": "object", "properties": {verdict: {"const": False}}, "required": [verdict],
          "additionalProperties": False}  # fmt: skip
    # A "yes" writes every field, those with defaults too (``null`` where nothing is known).
    yes = {**schema, "properties": {**schema["properties"], verdict: {"const": True}}, "additionalProperties": False,
           "required": list(schema["properties"])}  # fmt: skip
    return {"anyOf": [no, yes], **({"$defs": defs} if defs else {})}


def _read_timings(usage: CallUsage, timings: Any) -> None:
    """llama.cpp's per-request ``timings`` (an extra field of the completion), if present."""
    if not isinstance(timings, dict):
        return
    try:
        usage.prefill_tokens = int(timings.get("prompt_n", 0))
        usage.prefill_seconds = float(timings.get("prompt_ms", 0.0)) / 1000
        usage.decode_seconds = float(timings.get("predicted_ms", 0.0)) / 1000
    except (TypeError, ValueError):
        pass


def _transport_failure(exc: Exception) -> Exception | None:
    """The transport error (connection, timeout, 5xx) behind an instructor retry error, if any."""
    candidates: list[BaseException | None] = [exc.__cause__, exc.__context__]
    candidates += [getattr(a, "exception", None) for a in getattr(exc, "failed_attempts", None) or []]
    for candidate in candidates:
        import openai

        if isinstance(candidate, (*_transient(), openai.APIStatusError)):
            return candidate  # type: ignore[return-value]
    return None


def _describe(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return f"{exc.__class__.__name__}: {text[:300]}"


def _last_completion_text(exc: Exception) -> str | None:
    completion = getattr(exc, "last_completion", None)
    try:
        return str(completion.choices[0].message.content)  # type: ignore[union-attr]
    except Exception:
        return None if completion is None else str(completion)[:4000]
