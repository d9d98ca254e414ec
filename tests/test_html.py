"""The self-contained HTML view: escaping, highlights from evidence offsets, and a real headless browser."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from summarizer.digest import build_digest
from summarizer.io import load_summaries
from summarizer.records import ArticleSummary, Evidence
from summarizer.render.html import render_html

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")

HOSTILE = (
    ' date 2026-01-21 Виткофф <script>alert(1)</script> встретится с Путиным 22 января & "Кремль" требует <b>всё</b>.\n'
)


def _span(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote))


def _hostile_summary() -> ArticleSummary:
    meeting_quote = "Виткофф <script>alert(1)</script> встретится с Путиным 22 января"
    demand_quote = 'встретится с Путиным 22 января & "Кремль" требует <b>всё</b>'  # overlaps the meeting quote
    return ArticleSummary.model_validate(
        {
            "article_id": "x<y>",
            "language": "ru",
            "published": "2026-01-21",
            "headline": "Witkoff <img src=x onerror=alert(2)> to meet Putin",
            "brief": "A brief.",
            "meetings": [
                {
                    "participants": ["Steve Witkoff", "Vladimir Putin"],
                    "date": "2026-01-22",
                    "status": "planned",
                    "outcome": "<script>alert(3)</script>",
                    "evidence": [_span(HOSTILE, meeting_quote).model_dump()],
                }
            ],
            "demands": [
                {
                    "actor": "Russia",
                    "target": None,
                    "demand": 'Everything <b>now</b> & "forever"',
                    "category": "other",
                    "evidence": [_span(HOSTILE, demand_quote).model_dump()],
                }
            ],
            "casualties": [],
        }
    )


def _page() -> str:
    summary = _hostile_summary()
    return render_html(build_digest([summary]), [summary], {summary.article_id: HOSTILE})


def test_hostile_article_text_is_escaped_and_highlighted() -> None:
    page = _page()
    body = page.split("<script>", 1)[0] + page.rsplit("</script>", 1)[1]  # everything but our own script
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>" not in body and "<img" not in body
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert page.count("<script>") == 1  # ours, at the end
    marks = re.findall(r'<mark class="([a-z ]+)" data-record="([^"]+)" title="([^"]*)">(.*?)</mark>', page, re.S)
    classes = {c for c, *_ in marks}
    assert {"meeting", "demand", "meeting demand"} <= classes  # the overlap is its own segment
    overlap = next(m for m in marks if m[0] == "meeting demand")
    assert len(overlap[1].split()) == 2 and overlap[3] == "встретится с Путиным 22 января"
    # Segments put back together give exactly the escaped quotes.
    meeting_text = "".join(text for c, _, _, text in marks if "meeting" in c)
    assert meeting_text == "Виткофф &lt;script&gt;alert(1)&lt;/script&gt; встретится с Путиным 22 января"
    assert "Meeting: 2026-01-22 · place unknown · planned — Steve Witkoff, Vladimir Putin: &lt;script&gt;" in page
    assert "Everything &lt;b&gt;now&lt;/b&gt; &amp; &quot;forever&quot;" in page


def test_quotes_with_wrong_offsets_are_found_or_reported_not_highlighted_blindly() -> None:
    summary = _hostile_summary()
    moved = summary.model_copy(deep=True)
    quote = moved.meetings[0].evidence[0].quote
    moved.meetings[0].evidence[0] = Evidence(quote=quote, start=0, end=len(quote))  # offsets point elsewhere
    moved.demands[0].evidence[0] = Evidence(quote="не в тексте", start=0, end=11)
    page = render_html(build_digest([moved]), [moved], {moved.article_id: HOSTILE})
    assert 'class="meeting"' in page  # located by the quote itself
    assert "quote not found: не в тексте" in page
    assert '<mark class="demand"' not in page.split('<section id="articles">', 1)[1]


def test_gold_page_highlights_every_record_and_links_the_timeline() -> None:
    summaries = load_summaries(ROOT / "evals" / "gold")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    page = render_html(build_digest(summaries), summaries, texts)
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page  # self-contained
    assert "<link" not in page and "src=" not in page
    records = sum(len(s.meetings) + len(s.demands) + len(s.casualties) for s in summaries)
    marked = set(" ".join(re.findall(r'<mark class="[a-z ]+" data-record="([^"]+)"', page)).split())
    assert len(marked) == records
    for kind in ("meeting", "demand", "casualty"):
        assert f'<mark class="{kind}" data-record=' in page
    assert "Original text not available" not in page and "quote not found" not in page
    assert re.search(r'<li data-records="record-\d+( record-\d+){3}"[^>]*><span class="when">2026-01-22</span>', page)


def _dump_dom(tmp_path: Path, page: str) -> tuple[str, str]:
    html_file = tmp_path / "page.html"
    html_file.write_text(page, encoding="utf-8")
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            html_file.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, result.stderr


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs /usr/bin/chromium (Debian package `chromium`) for the browser test"
)
def test_page_runs_in_a_headless_browser(tmp_path: Path) -> None:
    summaries = load_summaries(ROOT / "evals" / "gold")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    hostile = _hostile_summary()
    page = render_html(
        build_digest([*summaries, hostile]), [*summaries, hostile], {**texts, hostile.article_id: HOSTILE}
    )
    dom, log = _dump_dom(tmp_path, page)
    body = re.search(r"<body[^>]*>", dom)
    assert body is not None and 'data-ready="1"' in body.group(0), "the page script did not finish"
    assert "data-js-error" not in dom
    assert not re.search(r"Uncaught|CONSOLE[:(]\d+\)?\].*\b[A-Za-z]*Error\b", log), log[-2000:]
    # The script ran: every highlight became keyboard-focusable; the hostile script never became an element.
    assert re.search(r'<mark class="meeting" data-record="record-\d+" title="[^"]*" tabindex="0">', dom)
    assert re.search(r'<mark class="demand" data-record="record-\d+" title="[^"]*" tabindex="0">', dom)
    assert re.search(r'<mark class="casualty" data-record="record-\d+" title="[^"]*" tabindex="0">', dom)
    assert "alert(1)</script>" not in dom and "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
