"""The eval report page: gold and predicted evidence side by side, outcomes marked, checked in a
real headless browser by a screenshot."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np
import pytest

from summarizer.evaluate.runner import run_eval_sets
from summarizer.evaluate.splits import EvalSet
from summarizer.io import load_summaries
from summarizer.records import ArticleSummary, Casualty, Evidence
from summarizer.render.eval_html import render_eval_html

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARTICLE = "000_f162027763fb38f0"  # gold has meetings, demands and a casualty record


def _eval_set(tmp_path: Path) -> EvalSet:
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(ROOT / "evals" / "gold" / f"{ARTICLE}.json", gold)
    return EvalSet("seeds", gold, ROOT / "seeds")


def _predicted() -> ArticleSummary:
    """The gold records, less one demand (a false negative), plus an invented casualty figure on a
    sentence nobody labelled (a false positive) whose quote holds hostile markup."""
    gold = next(s for s in load_summaries(ROOT / "evals" / "gold") if s.article_id == ARTICLE)
    text = (ROOT / "seeds" / f"{ARTICLE}.txt").read_text(encoding="utf-8")
    predicted = gold.model_copy(deep=True)
    predicted.demands = predicted.demands[1:]  # the first stands alone in its sentence
    used = {(e.start, e.end) for s in (gold.meetings, gold.demands, gold.casualties) for r in s for e in r.evidence}
    lines = [line for line in text.split("\n") if len(line) > 60]
    free = next(line for line in lines if all(not (a < text.index(line) + len(line) and text.index(line) < b)
                                              for a, b in used))  # fmt: skip
    start = text.index(free)
    predicted.casualties.append(
        Casualty(killed=999, evidence=[Evidence(quote=free, start=start, end=start + len(free))])
    )
    predicted.headline = "<script>alert(1)</script>"
    return predicted


def _page(tmp_path: Path) -> str:
    item = _eval_set(tmp_path)
    predicted = _predicted()
    report = run_eval_sets([item], predictions={ARTICLE: predicted})
    return render_eval_html(report, [item], {ARTICLE: predicted})


def test_outcomes_are_marked_on_both_sides_and_text_is_escaped(tmp_path: Path) -> None:
    page = _page(tmp_path)
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http://" not in page and "https://" not in page and "src=" not in page  # self-contained
    gold_side, predicted_side = page.split('<section class="predicted">', 1)
    gold_side = gold_side.split('<section class="gold">', 1)[1]
    marks = lambda side: set(re.findall(r'<mark class="([a-z ]+)" data-record=', side))  # noqa: E731
    assert {"meeting tp", "demand tp", "casualty tp", "demand fn"} <= marks(gold_side)
    assert "casualty fp" in marks(predicted_side) and not any("fn" in m for m in marks(predicted_side))
    assert not any("fp" in m for m in marks(gold_side))
    assert re.search(r'<span class="badge fp">FP</span><span class="kind casualty">casualty</span>Casualties: 999 killed',
                     page)  # fmt: skip
    assert "casualties</td><td>0.500</td><td>1.000</td><td>0.667</td><td>1</td><td>1</td><td>0</td>" in page
    assert re.search(r"<details class=\"article\" id=\"article-000_f162027763fb38f0\" open>", page)


def test_cli_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from summarizer.cli import cli

    predictions = tmp_path / "p.jsonl"
    predictions.write_text(_predicted().model_dump_json() + "\n", encoding="utf-8")
    item = _eval_set(tmp_path)
    out = tmp_path / "report.html"
    code = cli(["eval", "--gold", str(item.gold), "--articles", str(item.articles), "--predictions",
                str(predictions), "--html", str(out)])  # fmt: skip
    assert code == 0
    assert 'class="casualty fp"' in out.read_text(encoding="utf-8")
    assert "=== split: custom ===" in capsys.readouterr().out  # the table, with the page in a file
    assert cli(["eval", "--gold", str(item.gold), "--articles", str(item.articles), "--predictions",
                str(predictions), "--html", "-"]) == 0  # fmt: skip
    captured = capsys.readouterr()
    assert captured.out.startswith("<!DOCTYPE html>") and "=== split: custom ===" in captured.err


def _png_rgb(path: Path) -> np.ndarray:
    """Decode an 8-bit, non-interlaced RGB(A) PNG (what Chromium writes) to an (h, w, 3) array."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, chunk = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
    assert depth == 8 and interlace == 0 and color in (2, 6)
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    image = np.zeros((height, stride), dtype=np.uint8)
    previous = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        kind_byte = raw[y * (stride + 1)]
        line = np.frombuffer(raw, np.uint8, stride, y * (stride + 1) + 1).astype(np.int32)
        if kind_byte == 0:
            row = line
        elif kind_byte == 1:
            row = np.cumsum(line.reshape(width, bpp), axis=0).reshape(-1) % 256
        elif kind_byte == 2:
            row = (line + previous) % 256
        else:
            out = [0] * stride
            up = previous.tolist()
            filt = line.tolist()
            for i in range(stride):
                left = out[i - bpp] if i >= bpp else 0
                if kind_byte == 3:
                    out[i] = (filt[i] + (left + up[i]) // 2) % 256
                else:
                    corner = up[i - bpp] if i >= bpp else 0
                    p = left + up[i] - corner
                    pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - corner)
                    guess = left if pa <= pb and pa <= pc else (up[i] if pb <= pc else corner)
                    out[i] = (filt[i] + guess) % 256
            row = np.array(out, dtype=np.int32)
        image[y] = row
        previous = row
    return image.reshape(height, width, bpp)[:, :, :3]


def _count(image: np.ndarray, hex_color: str) -> int:
    rgb = [int(hex_color[i : i + 2], 16) for i in (1, 3, 5)]
    return int(np.all(image == rgb, axis=2).sum())


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs /usr/bin/chromium (Debian package `chromium`) for the browser test"
)
def test_screenshot_shows_each_record_type_and_a_false_positive(tmp_path: Path) -> None:
    page = _page(tmp_path)
    # Only the highlights in the article texts may carry these colours: hide the legend, the
    # record lists and their badges, so a colour seen is a highlight drawn.
    page = page.replace("</style>", ".legend, ul.records, table, details:not(.article) { display: none; }</style>")
    html_file = tmp_path / "eval.html"
    html_file.write_text(page, encoding="utf-8")
    shot = tmp_path / "eval.png"
    result = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--force-device-scale-factor=1", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,1400",
         f"--screenshot={shot}", html_file.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0 and shot.is_file(), result.stderr[-2000:]
    image = _png_rgb(shot)
    assert image.shape[:2] == (1400, 1200)
    for name, color in (("meeting", "#ffe08a"), ("demand", "#a8d8ff"), ("casualty", "#ffb3b3")):
        assert _count(image, color) > 500, f"no {name} highlight visible"
    assert _count(image, "#d0021b") > 100, "the false positive's mark is not visible"
    assert _count(image, "#6a1b9a") > 100, "the false negative's mark is not visible"
    right = image[:, 600:]
    assert _count(right, "#d0021b") == _count(image, "#d0021b")  # the false positive sits in the predicted column
