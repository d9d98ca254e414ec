"""Progress inside an article: the events the pipeline sends, and the two displays."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from rich.console import Console

from summarizer import progress
from summarizer.articles import read_article
from summarizer.extract import extract_article
from summarizer.progress import PlainDisplay, RichDisplay
from summarizer.testing import FakeModel

from .test_cli import answer

ROOT = Path(__file__).resolve().parents[1]


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, str, object]] = []

    def batch_started(self, articles: int) -> None:
        self.events.append(("batch", "", articles))

    def planned(self, article_id: str, questions: Mapping[str, int]) -> None:
        self.events.append(("planned", article_id, dict(questions)))

    def asking(self, article_id: str, kind: str) -> None:
        self.events.append(("asking", article_id, kind))

    def answered(self, article_id: str, kind: str) -> None:
        self.events.append(("answered", article_id, kind))

    def article_done(self, article_id: str, seconds: float | None) -> None:
        self.events.append(("done", article_id, seconds))


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_every_question_is_seen_with_its_kind_and_the_plan_bounds_them() -> None:
    model = FakeModel(answer)
    article = read_article(ROOT / "seeds" / "003_32f261f9b184bad9.txt")
    recorder = Recorder()
    with progress.observing(recorder):
        extract_article(article, model.client())
    asked = [kind for event, _, kind in recorder.events if event == "asking"]
    assert len(asked) == len(model.requests) > 0
    titles = {"meeting": "MeetingAnswer", "demand": "DemandAnswer", "summary": "SummaryAnswer"}
    assert [titles[str(k)] for k in asked] == [FakeModel.schema_title(r) for r in model.requests]
    plan = next(p for event, _, p in recorder.events if event == "planned")
    assert isinstance(plan, dict) and plan["summary"] == 1 and plan["meeting"] >= asked.count("meeting") > 0
    assert {aid for _, aid, _ in recorder.events} == {article.article_id}
    # Nobody observing: the client is not wrapped, and nothing is recorded.
    client = model.client()
    assert progress.watched(client, "x") is client


def test_plain_display_writes_whole_lines_at_each_kind_with_the_batch_eta() -> None:
    stream, clock = io.StringIO(), Clock()
    display = PlainDisplay(stream, every=100, clock=clock)
    display.batch_started(3)
    display.planned("a", {"meeting": 2, "summary": 1})
    for kind in ("meeting", "meeting", "summary"):
        display.asking("a", kind)
        clock.now += 10
        display.answered("a", kind)
    display.article_done("a", 30.0)
    display.planned("b", {"demand": 4, "summary": 1})
    clock.now += 5
    display.asking("b", "demand")
    lines = stream.getvalue().splitlines()
    assert lines == [
        "summarizer: [1/3] a: meeting question 1/3, 0 s, ETA unknown",
        "summarizer: [1/3] a: summary question 3/3, 20 s, ETA 1:10",  # 30 s an article: 10 s here, 60 s after
        "summarizer: [2/3] b: demand question 1/5, 5 s, ETA 55 s",  # one done at 30 s: 25 s here, 30 s after
    ]


def test_rich_display_shows_questions_kind_and_eta() -> None:
    clock = Clock()
    console = Console(file=io.StringIO(), force_terminal=True, width=160, color_system=None)
    display = RichDisplay(console, clock=clock)
    display.batch_started(2)
    display.planned("art-1", {"meeting": 4, "summary": 1})
    for _ in range(3):
        display.asking("art-1", "meeting")
        clock.now += 4
        display.answered("art-1", "meeting")
    display.asking("art-1", "demand")
    out = io.StringIO()
    Console(file=out, width=160, color_system=None).print(display.progress.get_renderable())
    text = out.getvalue()
    assert "[1/2] art-1" in text and "3/5" in text and "demand" in text
    assert "ETA 28 s" in text  # 12 s for 3 of 5 questions: 20 s an article, 8 s left here and 20 s for the next
    display.article_done("art-1", 20.0)
    assert not display.progress.tasks  # the finished article's bar is gone
