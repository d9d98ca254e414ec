"""Benchmark the embedded path on the seed articles (not a test: it measures, it does not assert).

    python benchmarks/bench.py [--articles seeds] [--output benchmarks/RESULTS.md]

Reports, per article and in total: wall seconds, prompt and generated tokens, tokens per
second, the share of time spent outside model calls (our own code), the model load time,
and the wall time of a fully cached rerun of the CLI (process start included).
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

from summarizer.api import extract_many
from summarizer.config import resolve_settings
from summarizer.errors import SummarizerError
from summarizer.llm import ensure_model, open_client


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="seeds")
    parser.add_argument("--output", type=Path, default=Path("benchmarks/RESULTS.md"))
    args = parser.parse_args()

    user_settings = resolve_settings()
    cache_dir = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
    # The model file comes from the user's cache; the response cache of this run starts empty.
    ensure_model(user_settings.cache_dir)
    (cache_dir / "models").symlink_to(user_settings.cache_dir / "models", target_is_directory=True)
    settings = resolve_settings(cache_dir=str(cache_dir))
    rows = []
    load_seconds = 0.0
    with open_client(settings) as client:
        for article, result in extract_many([args.articles], client=client):
            if isinstance(result, SummarizerError):
                raise result
            st = result.stats
            wall = st.seconds
            rows.append({
                "article": article.article_id, "wall_s": wall, "calls": st.calls,
                "prompt_tokens": st.prompt_tokens, "completion_tokens": st.completion_tokens,
                "model_s": st.model_seconds, "outside_share": max(0.0, 1 - st.model_seconds / wall) if wall else 0.0,
                "gen_tok_per_s": st.completion_tokens / st.model_seconds if st.model_seconds else 0.0,
            })  # fmt: skip
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
        lanes = getattr(client, "lanes", {})
        load_seconds = sum(getattr(lane.server, "start_seconds", 0.0) for lane in lanes.values())

    out_jsonl = cache_dir / "rerun.jsonl"
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "summarizer", "extract", args.articles, "-o", str(out_jsonl), "--cache-dir", str(cache_dir)],
        check=True, capture_output=True,
    )  # fmt: skip
    rerun = time.perf_counter() - t0

    walls = [r["wall_s"] for r in rows]
    total_wall = sum(walls)
    total_model = sum(r["model_s"] for r in rows)
    lines = [
        "# Benchmark: embedded Qwen2.5-Coder-1.5B-Instruct Q4_K_M on the seeds",
        "",
        f"- machine: {machine()}",
        f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- model load (server starts until they answer, all lanes, inside the first article's time): {load_seconds:.1f} s",
        f"- cached rerun of all articles, `python -m summarizer extract {args.articles}` incl. process start: {rerun:.2f} s",
        "",
        "| article | wall s | calls | prompt tok | generated tok | generated tok/s (in calls) | outside model calls |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['article']} | {r['wall_s']:.1f} | {r['calls']} | {r['prompt_tokens']} | {r['completion_tokens']} "
            f"| {r['gen_tok_per_s']:.1f} | {100 * r['outside_share']:.1f}% |"
        )
    lines += [
        f"| **total** | {total_wall:.1f} | {sum(r['calls'] for r in rows)} | {sum(r['prompt_tokens'] for r in rows)} "
        f"| {sum(r['completion_tokens'] for r in rows)} | | {100 * (1 - total_model / total_wall):.1f}% |",
        "",
        f"Median seconds per article: {statistics.median(walls):.1f}. Prompt tokens count the whole prompt of every "
        "call, most of it a prefix that llama.cpp reuses from its KV cache.",
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
