"""The model seam: re-ask on invalid answers, transport failures, the cache, the restart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.errors import BackendError, ExtractionError
from summarizer.extract.passes import DemandAnswer, MeetingAnswer, SummaryAnswer
from summarizer.llm import RestartingClient
from summarizer.llm._http import httpx
from summarizer.llm.client import CallUsage, _read_timings, answer_grammar_schema
from summarizer.testing import FakeModel, Truncated

MESSAGES = [{"role": "system", "content": "s"}, {"role": "user", "content": "q"}]
GOOD = {"headline": "h", "brief": "b"}


def test_invalid_answer_is_reasked_then_accepted() -> None:
    fake = FakeModel().enqueue("not json at all", GOOD)
    value, usage = fake.client(retries=2).ask(MESSAGES, SummaryAnswer)
    assert value.headline == "h"
    assert len(fake.requests) == 2


def test_invalid_answer_every_time_is_an_extraction_error_with_the_raw_output() -> None:
    fake = FakeModel(lambda request: '{"headline": 1}')
    with pytest.raises(ExtractionError) as info:
        fake.client(retries=1).ask(MESSAGES, SummaryAnswer, label="summary")
    assert info.value.attempts == 2
    assert info.value.last_output == '{"headline": 1}'


def test_connection_failure_is_a_backend_error_after_bounded_retries() -> None:
    fake = FakeModel(lambda request: httpx.ConnectError("refused"))
    client = fake.client(retries=1)
    with pytest.raises(BackendError, match="failed after 2 attempts"):
        client.ask(MESSAGES, SummaryAnswer)


def test_cache_answers_without_a_call(tmp_path: Path) -> None:
    fake = FakeModel().enqueue(GOOD)
    client = fake.client(cache_dir=tmp_path)
    first, usage1 = client.ask(MESSAGES, SummaryAnswer)
    second, usage2 = client.ask(MESSAGES, SummaryAnswer)
    assert first.model_dump() == second.model_dump() and usage2.cached and not usage1.cached
    assert len(fake.requests) == 1
    # A different question or schema is a different key.
    fake.enqueue({"is_meeting": False, "participants": [], "status": "planned"})
    client.ask(MESSAGES, MeetingAnswer)
    assert len(fake.requests) == 2


class _Server:
    def __init__(self) -> None:
        self.port = 1
        self.started = 0
        self.alive_now = False

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def alive(self) -> bool:
        return self.alive_now

    def stop(self) -> None:
        pass

    def start(self) -> None:
        self.started += 1
        self.alive_now = True


def test_dead_embedded_server_is_restarted_and_the_question_asked_again() -> None:
    server = _Server()

    def crash(request: dict[str, Any]) -> Exception:
        server.alive_now = False  # the server process dies while answering
        return httpx.ConnectError("refused")

    dead = FakeModel(crash)
    healthy = FakeModel().enqueue(GOOD)
    made: list[str] = []

    def make(base_url: str) -> Any:
        made.append(base_url)
        return (dead if len(made) == 1 else healthy).client(retries=0)

    client = RestartingClient(server, make)  # type: ignore[arg-type]
    value, _ = client.ask(MESSAGES, SummaryAnswer)
    assert value.headline == "h"
    assert server.started == 2 and len(made) == 2 and made[0] != made[1]


def test_embedded_server_is_not_started_when_the_cache_answers(tmp_path: Path) -> None:
    server = _Server()
    warm = FakeModel().enqueue(GOOD)
    warm.client(cache_dir=tmp_path).ask(MESSAGES, SummaryAnswer)
    client = RestartingClient(server, lambda url: FakeModel().client(cache_dir=tmp_path))  # type: ignore[arg-type]
    value, usage = client.ask(MESSAGES, SummaryAnswer)
    assert usage.cached and value.headline == "h"
    assert server.started == 0


def test_answer_cut_at_max_tokens_is_an_extraction_error() -> None:
    fake = FakeModel(lambda request: Truncated('{"headline": "h", "bri'))
    with pytest.raises(ExtractionError, match="summary"):
        fake.client(retries=1).ask(MESSAGES, SummaryAnswer, label="summary")


def test_a_no_ends_the_answer_and_the_rest_takes_its_negative_values() -> None:
    answer = MeetingAnswer.model_validate({"is_meeting": False})
    assert answer.participants == [] and answer.status == "possible"
    with pytest.raises(ValueError):  # a "yes" must be complete
        MeetingAnswer.model_validate({"is_meeting": True})


def test_the_grammar_lets_a_no_stop_early_and_a_yes_name_every_field() -> None:
    schema = answer_grammar_schema(MeetingAnswer)
    no, yes = schema["anyOf"]
    assert no["properties"] == {"is_meeting": {"const": False}} and no["additionalProperties"] is False
    assert yes["properties"]["is_meeting"] == {"const": True}
    assert set(yes["required"]) == {"is_meeting", "participants", "location", "status"}
    assert answer_grammar_schema(SummaryAnswer) == {**SummaryAnswer.model_json_schema(), "additionalProperties": False}
    demand = answer_grammar_schema(DemandAnswer)
    assert "$defs" in demand and "$defs" not in demand["anyOf"][1]  # references resolve from the root
    # Beside an anyOf, llguidance intersects top-level keys with each branch: a top-level
    # "additionalProperties": false made every property unsatisfiable, and the server then
    # dropped the constraint altogether. Only the branches may say it.
    assert set(schema) <= {"anyOf", "$defs"} and set(demand) <= {"anyOf", "$defs"}


def test_llama_cpp_gets_an_llguidance_grammar_instead_of_any_json() -> None:
    fake = FakeModel().enqueue({"is_meeting": False})
    client = fake.client()
    client.llguidance = {"x-guidance": {"whitespace_pattern": " ?"}}
    value, _ = client.ask(MESSAGES, MeetingAnswer)
    assert value.is_meeting is False
    body = fake.requests[0]
    assert body["response_format"] == {"type": "text"}  # not instructor's {"type": "json_object"}
    header, grammar = body["grammar"].split("\n", 1)
    assert header == "%llguidance {}" and grammar.startswith("start: %json ")
    constraint = json.loads(grammar[len("start: %json ") :])
    assert constraint["x-guidance"] == {"whitespace_pattern": " ?"} and len(constraint["anyOf"]) == 2


def test_server_timings_are_kept_in_the_usage() -> None:
    usage = CallUsage()
    _read_timings(usage, {"prompt_n": 42, "prompt_ms": 1500.0, "predicted_n": 9, "predicted_ms": 600.0})
    assert (usage.prefill_tokens, usage.prefill_seconds, usage.decode_seconds) == (42, 1.5, 0.6)
    _read_timings(usage, None)  # servers without timings leave it alone
    assert usage.prefill_tokens == 42


def test_an_unusable_answer_is_remembered_so_a_rerun_does_not_ask_again(tmp_path: Path) -> None:
    fake = FakeModel(lambda request: '{"headline": 1}')
    with pytest.raises(ExtractionError):
        fake.client(cache_dir=tmp_path, retries=1).ask(MESSAGES, SummaryAnswer, label="summary")
    asked = len(fake.requests)
    again = FakeModel(lambda request: GOOD)  # would answer now, but must not be asked
    with pytest.raises(ExtractionError, match="no valid answer") as info:
        again.client(cache_dir=tmp_path, retries=1).ask(MESSAGES, SummaryAnswer, label="summary")
    assert again.requests == [] and asked == 2
    assert info.value.last_output == '{"headline": 1}'


def test_a_failed_connection_is_not_remembered(tmp_path: Path) -> None:
    down = FakeModel(lambda request: httpx.ConnectError("refused"))
    with pytest.raises(BackendError):
        down.client(cache_dir=tmp_path, retries=0).ask(MESSAGES, SummaryAnswer)
    value, usage = FakeModel().enqueue(GOOD).client(cache_dir=tmp_path).ask(MESSAGES, SummaryAnswer)
    assert value.headline == "h" and not usage.cached
