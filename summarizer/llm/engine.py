"""The embedded model server process: llama.cpp's own HTTP server, in-process through
``xllamacpp`` (a prebuilt wheel: no compiler), on 127.0.0.1.

Run by ``EmbeddedServer`` as ``python -m summarizer.llm.engine --model PATH --port N ...``, so
that the server's log goes to a file, a crash in native code cannot take the caller down,
and the caller can stop it with a signal. ``--set NAME=VALUE`` sets any field of llama.cpp's
``common_params`` (``SUMMARIZER_SERVER_ARGS``), e.g. ``--set n_gpu_layers=99``.
"""

from __future__ import annotations

import argparse
import enum
import os
import signal
import sys
import threading
from typing import Any

__all__ = ["apply_setting", "build_params", "main", "parse_settings"]

# The server logs every request at the default verbosity; warnings and errors are enough here.
QUIET = 1


def parse_settings(text: str) -> list[tuple[str, str]]:
    """``"--n_gpu_layers 99 --flash-attn-type 1"`` or ``"n_gpu_layers=99"`` -> [(name, value)]."""
    import shlex

    words = shlex.split(text)
    pairs: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        word = words[i].lstrip("-")
        if "=" in word:
            name, value = word.split("=", 1)
            i += 1
        elif i + 1 < len(words):
            name, value = word, words[i + 1]
            i += 2
        else:
            raise ValueError(f"server setting {words[i]!r} has no value")
        pairs.append((name.replace("-", "_"), value))
    return pairs


def apply_setting(params: Any, name: str, value: str) -> None:
    """Set ``params.<name>`` (dots reach nested fields) to ``value``, typed like the field."""
    target = params
    *path, field = name.split(".")
    for part in path:
        target = getattr(target, part)
    if not hasattr(target, field):
        raise ValueError(f"unknown llama.cpp server setting {name!r}")
    current = getattr(target, field)
    typed: Any
    if isinstance(current, bool):
        typed = value.strip().lower() in {"1", "true", "yes", "on"}
    elif isinstance(current, enum.Enum):
        kind = type(current)
        typed = kind[value] if value in kind.__members__ else kind(int(value))
    elif isinstance(current, int):
        typed = int(value)
    elif isinstance(current, float):
        typed = float(value)
    else:
        typed = value
    setattr(target, field, typed)


def build_params(args: argparse.Namespace) -> Any:
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = args.model
    params.port = args.port
    params.n_parallel = args.slots
    # Each slot (one kind of question) gets a whole context of its own, not a share of one.
    params.n_ctx = args.context * args.slots
    params.kv_unified = False
    params.cpuparams.n_threads = args.threads
    params.cpuparams_batch.n_threads = args.threads
    params.slot_save_path = os.path.join(args.state_dir, "")  # llama.cpp appends file names as they are
    params.endpoint_slots = True
    params.cache_ram_mib = 0  # prompt prefixes are kept per slot and on disk (llm/prefix.py), not in RAM copies
    params.warmup = False
    params.sampling.seed = 0
    params.verbosity = QUIET
    for name, value in parse_settings(args.set):
        apply_setting(params, name, value)
    return params


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m summarizer.llm.engine")
    parser.add_argument("--model", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--context", type=int, default=4096, help="tokens per slot")
    parser.add_argument("--slots", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--state-dir", required=True, help="where slots are saved and restored")
    parser.add_argument("--set", default="", help="more llama.cpp settings: 'name=value ...'")
    args = parser.parse_args(argv)
    try:
        params = build_params(args)
    except (ValueError, KeyError, AttributeError) as exc:
        print(f"error: {exc}", file=sys.stderr, flush=True)
        return 2
    import xllamacpp

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    server = xllamacpp.Server(params)
    print(f"listening on {server.listening_address}", file=sys.stderr, flush=True)
    stop.wait()
    del server  # stops the server's loop and frees the model
    return 0


if __name__ == "__main__":
    sys.exit(main())
