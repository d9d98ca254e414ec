"""The one seam to models. Nothing outside this package knows which server answers."""

from __future__ import annotations

from .backends import RestartingClient, articles_at_once, open_client, start_embedded_server
from .client import CallUsage, ModelClient, ResponseCache
from .embedded import DEFAULT_MODEL, EmbeddedServer, ensure_model
from .prefix import SlotRouter, clear_slot_states, saved_slot_states

__all__ = [
    "DEFAULT_MODEL",
    "CallUsage",
    "EmbeddedServer",
    "ModelClient",
    "ResponseCache",
    "RestartingClient",
    "SlotRouter",
    "articles_at_once",
    "clear_slot_states",
    "saved_slot_states",
    "ensure_model",
    "open_client",
    "start_embedded_server",
]
