"""Benchmark the embedded path on the seed articles (not a test: it measures, it does not assert).

    python benchmarks/bench.py [--articles seeds] [--output benchmarks/RESULTS.md] [--install]

With an empty response cache (every question goes to the model) but the machine's saved
prompt prefixes (``<cache>/slots``), it reports per article: questions, prompt tokens (all, and
those the server actually read), generated tokens, prefill and decode seconds, and the time
spent outside the model. For the run: the model load, the prefixes restored or saved, the
first answer of a fresh process (start to answer, and the prompt tokens it had to read), a
fully cached rerun of the CLI, and with ``--install`` the install of the embedded extra into a
new venv with no pip cache.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from summarizer.api import extract_many
from summarizer.config import resolve_settings
from summarizer.errors import SummarizerError
from summarizer.llm import ensure_model, open_client

ROOT = Path(__file__).resolve().parents[1]

# A fresh process: start the embedded server, ask one meeting question, print what it cost.
FIRST_ANSWER = """
import json, sys, time
started = float(sys.argv[1])
from summarizer.articles import Article
from summarizer.config import resolve_settings
from summarizer.extract.candidates import Candidate
from summarizer.extract.passes import ask_meeting
from summarizer.extract.sentences import split_sentences
from summarizer.llm import open_client
text = "Die Außenminister Polens und Litauens trafen sich am Dienstag in Vilnius."
sentence = split_sentences(text)[0]
with open_client(resolve_settings(cache_dir=sys.argv[2], use_cache=False)) as client:
    candidate = Candidate(sentence=sentence, context=None, mentions=(), context_mentions=())
    answer, usage = ask_meeting(client, candidate, "2026-03-03")
    print(json.dumps({"seconds": time.time() - started, "load": client.server.start_seconds,
                      "prefill_tokens": usage.prefill_tokens, "prompt_tokens": usage.prompt_tokens,
                      "restored": client.router.restored}))
"""


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) // (1 << 20)
    except OSError:
        mem = 0
    return f"{cpu}, {os.cpu_count()} cores, {mem} GiB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def bench_cache(user_cache: Path) -> Path:
    """A new cache folder: empty response cache; the user's model file and saved prefixes."""
    ensure_model(user_cache)
    cache_dir = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
    for shared in ("models", "slots"):
        (user_cache / shared).mkdir(parents=True, exist_ok=True)
        (cache_dir / shared).symlink_to(user_cache / shared, target_is_directory=True)
    return cache_dir


def extract_rows(articles: str, cache_dir: Path) -> tuple[list[dict[str, Any]], dict[str, float]]:
    rows: list[dict[str, Any]] = []
    with open_client(resolve_settings(cache_dir=str(cache_dir))) as client:
        for article, result in extract_many([articles], client=client):
            if isinstance(result, SummarizerError):
                raise result
            st = result.stats
            rows.append({
                "article": article.article_id, "wall_s": st.seconds, "questions": st.calls,
                "prompt_tokens": st.prompt_tokens, "prefill_tokens": st.prefill_tokens,
                "generated_tokens": st.completion_tokens, "prefill_s": st.prefill_seconds,
                "decode_s": st.decode_seconds, "outside_s": max(0.0, st.seconds - st.model_seconds),
            })  # fmt: skip
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
        server = getattr(client, "server", None)
        router = getattr(client, "router", None)
        run = {
            "load_s": getattr(server, "start_seconds", 0.0),
            "restored": getattr(router, "restored", 0),
            "saved": getattr(router, "saved", 0),
        }
    return rows, run


def first_answer(cache_dir: Path) -> dict[str, float]:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", FIRST_ANSWER, str(started), str(cache_dir)], check=True, capture_output=True, text=True
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def cached_rerun(articles: str, cache_dir: Path) -> float:
    out = cache_dir / "rerun.jsonl"
    command = [sys.executable, "-m", "summarizer", "extract", articles, "-o", str(out), "--cache-dir", str(cache_dir)]
    subprocess.run(command, check=True, capture_output=True)  # the first pass fills the cache if a row missed it
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def install_seconds() -> float:
    """``pip install -e '.[embedded]'`` into a new venv with no pip cache (downloads included), with
    the C and C++ compilers replaced by ``false``: anything that would compile fails the install."""
    with tempfile.TemporaryDirectory(prefix="summarizer-install-") as folder:
        venv = Path(folder) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        env = {**os.environ, "PIP_NO_CACHE_DIR": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "CC": "false", "CXX": "false"}
        started = time.perf_counter()
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "-e", f"{ROOT}[embedded]"], check=True, env=env)
        return time.perf_counter() - started


def report(rows: list[dict[str, Any]], run: dict[str, float], articles: str) -> list[str]:
    def total(key: str) -> float:
        return sum(float(r[key]) for r in rows)

    walls = [float(r["wall_s"]) for r in rows]
    lines = [
        "# Benchmark: embedded Qwen2.5-Coder-1.5B-Instruct Q4_K_M on the seeds",
        "",
        f"- machine: {machine()}",
        f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; engine: llama.cpp server (xllamacpp), one process",
        f"- model load (inside the first article's time): {run['load_s']:.1f} s; prompt prefixes restored from "
        f"disk: {run['restored']:.0f}, read and saved: {run['saved']:.0f}",
        f"- first answer of a fresh process (process start to answer, model load included): {run['first_s']:.1f} s; "
        f"it read {run['first_prefill']:.0f} of its {run['first_prompt']:.0f} prompt tokens",
        f"- cached rerun of all articles, `python -m summarizer extract {articles}` incl. process start: "
        f"{run['rerun_s']:.2f} s",
    ]
    if "install_s" in run:
        lines.append(f"- `pip install -e '.[embedded]'` into a new venv, no pip cache, downloads included, "
                     f"compilers replaced by `false`: {run['install_s']:.0f} s")  # fmt: skip
    lines += [
        "",
        "| article | wall s | questions | prompt tok (read) | generated tok | prefill s | decode s | outside model s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['article']} | {float(r['wall_s']):.1f} | {r['questions']} | {r['prompt_tokens']} ({r['prefill_tokens']}) "
            f"| {r['generated_tokens']} | {float(r['prefill_s']):.1f} | {float(r['decode_s']):.1f} "
            f"| {float(r['outside_s']):.1f} |"
        )
    lines += [
        f"| **total** | {sum(walls):.1f} | {total('questions'):.0f} | {total('prompt_tokens'):.0f} "
        f"({total('prefill_tokens'):.0f}) | {total('generated_tokens'):.0f} | {total('prefill_s'):.1f} "
        f"| {total('decode_s'):.1f} | {total('outside_s'):.1f} |",
        "",
        f"Median seconds per article: {statistics.median(walls):.1f}. \"Read\" prompt tokens are those the server "
        "prefilled; the rest came from the slot's KV cache (the kind's prefix) or a restored slot.",
    ]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="seeds")
    parser.add_argument("--output", type=Path, default=Path("benchmarks/RESULTS-run.md"))
    parser.add_argument("--install", action="store_true", help="also time the install into a new venv")
    args = parser.parse_args()

    cache_dir = bench_cache(resolve_settings().cache_dir)
    rows, run = extract_rows(args.articles, cache_dir)
    first = first_answer(cache_dir)
    run.update(first_s=first["seconds"], first_prefill=first["prefill_tokens"], first_prompt=first["prompt_tokens"])
    run["rerun_s"] = cached_rerun(args.articles, cache_dir)
    if args.install:
        run["install_s"] = install_seconds()
    lines = report(rows, run, args.articles)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
