"""Prompt prefixes paid once per machine, not once per process.

Every kind of question (meeting, demand, casualty, triage, summary) starts with the same long
prefix: instructions, few-shot turns and the answer schema, some 1,200 tokens that take the
CPU ~20 s to read. The embedded server gives each kind a slot of its own, so that switching
kinds does not evict a prefix, and the first time a kind is asked on this machine its slot is
saved to disk (llama.cpp's slot save, ~35 MB). A later process restores the slot in
milliseconds and reads only the new question's tokens.

The file name holds a hash of everything that decides the prefix's KV state: the model, the
engine, the server settings and the prefix messages with their schema; a prompt edit simply
makes a new file (and the old one of that kind is removed).
"""

from __future__ import annotations

import hashlib
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["SlotRouter", "clear_slot_states", "prefix_key", "saved_slot_states", "slot_folder"]

log = logging.getLogger(__name__)


def prefix_key(identity: str, messages: list[dict[str, str]], schema: dict[str, Any]) -> str:
    """A hash of the part of a question shared by every question of its kind: all messages but
    the last, and the answer schema (instructor writes it into the system message)."""
    blob = json.dumps({"model": identity, "prefix": messages[:-1], "schema": schema}, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:20]


class SlotRouter:
    """Pins each kind of question to a server slot and keeps that slot's prefix on disk."""

    def __init__(self, root_url: Callable[[], str], state_dir: Path, slots: int, timeout: float = 60.0) -> None:
        self.root_url = root_url
        self.state_dir = state_dir
        self.slots = slots
        self.timeout = timeout
        self.slot_of: dict[str, int] = {}
        self.holds: dict[int, str] = {}  # slot -> prefix key it holds now (as far as we know)
        self.restored = 0
        self.saved = 0

    def reset(self) -> None:
        """The server was restarted: its slots are empty."""
        self.holds.clear()

    def _slot(self, label: str) -> int:
        if label not in self.slot_of:
            self.slot_of[label] = len(self.slot_of) % self.slots
        return self.slot_of[label]

    def _file(self, label: str, key: str) -> str:
        return f"{label or 'default'}-{key}.bin"

    def _post(self, slot: int, action: str, filename: str) -> bool:
        request = urllib.request.Request(
            f"{self.root_url()}/slots/{slot}?action={action}",
            data=json.dumps({"filename": filename}).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError) as exc:
            log.debug("slot %d %s %s failed: %s", slot, action, filename, exc)
            return False

    def enter(self, label: str, key: str) -> dict[str, Any]:
        """Before a question: restore the slot's prefix from disk if it does not hold it yet;
        return the request fields that send the question to that slot."""
        slot = self._slot(label)
        if self.holds.get(slot) != key:
            path = self.state_dir / self._file(label, key)
            if path.is_file() and self._post(slot, "restore", path.name):
                self.restored += 1
                self.holds[slot] = key
            elif path.is_file():
                path.unlink(missing_ok=True)  # written by another engine build: make it anew
        return {"id_slot": slot}

    def leave(self, label: str, key: str) -> None:
        """After an answer: the slot now holds this prefix; save it if no file has it yet."""
        slot = self._slot(label)
        name = self._file(label, key)
        if not (self.state_dir / name).is_file() and self._post(slot, "save", name):
            self.saved += 1
            for stale in self.state_dir.glob(f"{label or 'default'}-*.bin"):
                if stale.name != name:
                    stale.unlink(missing_ok=True)
        self.holds[slot] = key


def slot_folder(cache_dir: Path, model: str) -> Path:
    """Where the slots of one model and server set-up (``model``: a hash of them) are saved."""
    return cache_dir / "slots" / model


def saved_slot_states(cache_dir: Path) -> list[Path]:
    """Every saved slot of every model (``<cache>/slots/<model>/<kind>-<prefix>.bin``)."""
    return sorted((cache_dir / "slots").glob("*/*.bin"))


def clear_slot_states(cache_dir: Path) -> int:
    """Remove every saved slot; return how many."""
    saved = saved_slot_states(cache_dir)
    for path in saved:
        path.unlink(missing_ok=True)
    return len(saved)
