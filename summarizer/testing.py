"""A fake model server for tests: no model, no network.

``FakeModel`` answers the OpenAI chat-completions HTTP calls of a real ``ModelClient``
(through ``httpx.MockTransport``), so instructor, retries and the cache run for real. It
replays queued answers or asks a responder function, and keeps every request it received.

>>> fake = FakeModel()
>>> fake.enqueue({"is_meeting": False, "participants": [], "status": "happened"})
>>> client = fake.client()
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .llm._http import httpx
from .llm.client import ModelClient, ResponseCache

__all__ = ["FakeModel", "Truncated"]


class Truncated(str):
    """An answer the server cut at ``max_tokens`` (``finish_reason: "length"``)."""


Answer = dict[str, Any] | str | Exception
Responder = Callable[[dict[str, Any]], Answer]


class FakeModel:
    """Replays recorded JSON answers; records the requests."""

    def __init__(self, responder: Responder | None = None) -> None:
        self.responder = responder
        self.queue: deque[Answer] = deque()
        self.requests: list[dict[str, Any]] = []

    def enqueue(self, *answers: Answer) -> FakeModel:
        self.queue.extend(answers)
        return self

    @staticmethod
    def question(request: dict[str, Any]) -> str:
        """The last user message of a request: what was asked."""
        users = [m["content"] for m in request.get("messages", []) if m.get("role") == "user"]
        return str(users[-1]) if users else ""

    @staticmethod
    def schema_title(request: dict[str, Any]) -> str:
        schema = (request.get("response_format") or {}).get("schema") or {}
        if schema.get("title"):
            return str(schema["title"])
        system = str(request.get("messages", [{}])[0].get("content", ""))
        marker = '"title": "'
        at = system.rfind(marker)
        return system[at + len(marker) : system.find('"', at + len(marker))] if at >= 0 else ""

    def _answer(self, request: dict[str, Any]) -> Answer:
        if self.queue:
            return self.queue.popleft()
        if self.responder is not None:
            return self.responder(request)
        raise AssertionError("FakeModel: no answer queued and no responder")

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/models"):
            return httpx.Response(200, json={"data": [{"id": "fake", "owned_by": "fake"}]})
        body = json.loads(request.content)
        self.requests.append(body)
        answer = self._answer(body)
        if isinstance(answer, Exception):
            raise answer
        content = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
        finish_reason = "length" if isinstance(answer, Truncated) else "stop"
        return httpx.Response(
            200,
            json={
                "id": f"fake-{len(self.requests)}",
                "object": "chat.completion",
                "created": 0,
                "model": body.get("model", "fake"),
                "choices": [
                    {"index": 0, "finish_reason": finish_reason, "message": {"role": "assistant", "content": content}}
                ],
                "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
            },
        )

    def client(self, *, cache_dir: Path | None = None, retries: int = 1, constrain: bool = True) -> ModelClient:
        """A real ``ModelClient`` whose HTTP calls this fake answers."""
        return ModelClient(
            base_url="http://fake.invalid/v1",
            model="fake",
            model_identity="fake",
            mode="json_mode",
            constrain=constrain,
            retries=retries,
            timeout=5,
            cache=ResponseCache(cache_dir) if cache_dir is not None else None,
            http_client=httpx.Client(transport=httpx.MockTransport(self.handle)),
        )
