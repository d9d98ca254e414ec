"""Prompt prefixes kept per slot and on disk: which slot a kind of question goes to, when a
slot is restored from a file and when it is saved (a stub server stands in for llama.cpp)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from summarizer.llm.prefix import SlotRouter, clear_slot_states, prefix_key, saved_slot_states, slot_folder


class _SlotServer:
    """Answers llama.cpp's ``POST /slots/<id>?action=save|restore`` and writes or checks files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.calls: list[tuple[str, int, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                path, _, query = self.path.partition("?")
                slot = int(path.rsplit("/", 1)[1])
                action = query.split("=", 1)[1]
                name = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["filename"]
                outer.calls.append((action, slot, name))
                ok = True
                if action == "save":
                    (outer.folder / name).write_bytes(b"kv")
                else:
                    ok = (outer.folder / name).read_bytes() == b"kv"
                self.send_response(200 if ok else 400)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[_SlotServer]:
    stub = _SlotServer(tmp_path)
    yield stub
    stub.httpd.shutdown()


def test_each_kind_of_question_keeps_its_own_slot(server: _SlotServer, tmp_path: Path) -> None:
    router = SlotRouter(lambda: server.url, tmp_path, slots=3)
    assert router.enter("meeting", "k1") == {"id_slot": 0}
    assert router.enter("demand", "k2") == {"id_slot": 1}
    assert router.enter("summary", "k3") == {"id_slot": 2}
    assert router.enter("meeting", "k1") == {"id_slot": 0}
    assert router.enter("triage", "k4") == {"id_slot": 0}  # more kinds than slots: they share


def test_a_prefix_is_saved_once_and_restored_by_the_next_process(server: _SlotServer, tmp_path: Path) -> None:
    first = SlotRouter(lambda: server.url, tmp_path, slots=2)
    first.enter("meeting", "abc")
    first.leave("meeting", "abc")
    first.enter("meeting", "abc")
    first.leave("meeting", "abc")
    assert server.calls == [("save", 0, "meeting-abc.bin")]
    assert first.saved == 1 and first.restored == 0

    second = SlotRouter(lambda: server.url, tmp_path, slots=2)  # a new process on the same machine
    second.enter("meeting", "abc")
    second.leave("meeting", "abc")
    second.enter("meeting", "abc")  # the slot holds it now: no second restore
    assert server.calls[1:] == [("restore", 0, "meeting-abc.bin")]
    assert second.restored == 1 and second.saved == 0


def test_an_edited_prompt_replaces_its_kinds_old_file(server: _SlotServer, tmp_path: Path) -> None:
    router = SlotRouter(lambda: server.url, tmp_path, slots=2)
    for key in ("old", "new"):
        router.enter("demand", key)
        router.leave("demand", key)
    assert sorted(p.name for p in tmp_path.glob("*.bin")) == ["demand-new.bin"]


def test_a_file_the_server_cannot_restore_is_dropped_and_made_anew(server: _SlotServer, tmp_path: Path) -> None:
    (tmp_path / "meeting-abc.bin").write_bytes(b"from another engine build")
    router = SlotRouter(lambda: server.url, tmp_path, slots=1)
    router.enter("meeting", "abc")
    assert not (tmp_path / "meeting-abc.bin").exists()
    router.leave("meeting", "abc")
    assert (tmp_path / "meeting-abc.bin").read_bytes() == b"kv"


def test_after_a_restart_the_slots_are_restored_again(server: _SlotServer, tmp_path: Path) -> None:
    router = SlotRouter(lambda: server.url, tmp_path, slots=1)
    router.enter("meeting", "abc")
    router.leave("meeting", "abc")
    router.reset()
    router.enter("meeting", "abc")
    assert [c[0] for c in server.calls] == ["save", "restore"]


def test_the_prefix_key_ignores_the_question_but_not_the_prefix() -> None:
    system = {"role": "system", "content": "instructions"}
    one = prefix_key("model", [system, {"role": "user", "content": "sentence one"}], {"title": "A"})
    two = prefix_key("model", [system, {"role": "user", "content": "sentence two"}], {"title": "A"})
    assert one == two
    assert one != prefix_key("model", [{"role": "system", "content": "edited"}, {"role": "user", "content": "q"}],
                             {"title": "A"})  # fmt: skip
    assert one != prefix_key("model", [system, {"role": "user", "content": "q"}], {"title": "B"})
    assert one != prefix_key("other model", [system, {"role": "user", "content": "q"}], {"title": "A"})


def test_cache_clear_removes_saved_slots(tmp_path: Path) -> None:
    folder = slot_folder(tmp_path, "abc123")
    folder.mkdir(parents=True)
    (folder / "meeting-x.bin").write_bytes(b"kv")
    (folder / "demand-y.bin").write_bytes(b"kv")
    assert [p.name for p in saved_slot_states(tmp_path)] == ["demand-y.bin", "meeting-x.bin"]
    assert clear_slot_states(tmp_path) == 2
    assert saved_slot_states(tmp_path) == []
    assert clear_slot_states(tmp_path / "missing") == 0
