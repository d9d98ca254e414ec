"""The command line, in process, with the fake model standing in for the server."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from summarizer import cli as cli_module
from summarizer.cli import cli
from summarizer.testing import FakeModel

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "002_492a296c2b99c6ab.txt"


def answer(request: dict[str, Any]) -> dict[str, Any]:
    title = FakeModel.schema_title(request)
    if title == "MeetingAnswer":
        return {"is_meeting": False, "participants": [], "status": "happened"}
    if title == "DemandAnswer":
        return {"is_demand": False, "actor": "", "target": None, "demand": "", "category": "other"}
    return {"headline": "Witkoff to meet Putin", "brief": "Steve Witkoff will meet Vladimir Putin on Thursday."}


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeModel:
    model = FakeModel(answer)

    @contextlib.contextmanager
    def open_client(settings: Any, progress: Any = None) -> Iterator[Any]:
        yield model.client(cache_dir=tmp_path / "responses" if settings.use_cache else None)

    monkeypatch.setattr("summarizer.llm.open_client", open_client)
    return model


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli(["--version"])
    assert exit_info.value.code == 0
    assert "summarizer" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content,expected",
    [(b"", "empty"), (b"   \n ", "empty"), (b"\x00\x01\x02binary\xff\x00" * 20, "not a text file")],
)
def test_bad_files_get_one_line_and_nonzero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake: FakeModel, content: bytes, expected: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code = cli(["extract", str(path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0
    assert len(err) == 1 and expected in err[0] and "Traceback" not in err[0]
    assert fake.requests == []  # no model was asked


def test_missing_path_and_empty_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str], fake: FakeModel) -> None:
    assert cli(["brief", str(tmp_path / "missing.txt")]) != 0
    assert "no such file" in capsys.readouterr().err
    assert cli(["extract", str(tmp_path)]) != 0
    err = capsys.readouterr().err
    assert "directory" in err and len(err.strip().splitlines()) == 1


def test_extract_writes_schema_valid_jsonl(tmp_path: Path, fake: FakeModel) -> None:
    out = tmp_path / "out.jsonl"
    assert cli(["extract", str(SEED), str(ROOT / "seeds" / "004_1ccdb289d609ce85.txt"), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    schema = json.loads((ROOT / "schemas" / "ArticleSummary.json").read_text(encoding="utf-8"))
    for line in lines:
        jsonschema.validate(json.loads(line), schema)


def test_brief_prints_markdown(capsys: pytest.CaptureFixture[str], fake: FakeModel) -> None:
    assert cli(["brief", str(SEED)]) == 0
    out = capsys.readouterr().out
    # The seed names the sides of talks in Berlin, a meeting whatever the fake model says: the
    # headline is composed from that record, not the model's summary of the lead.
    assert out.startswith("# US delegation and Ukrainian delegation hold a meeting in Berlin\n")
    assert "source language: Bulgarian" in out and "## Meetings" in out


def test_stdin_is_read_as_article(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fake: FakeModel
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    assert cli(["extract", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["article_id"] == "stdin" and data["published"] == "2026-01-21"


def test_schemas_command_writes_files(tmp_path: Path) -> None:
    assert cli(["schemas", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "ArticleSummary.json").is_file() and (tmp_path / "Digest.json").is_file()


def test_bad_setting_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["extract", str(SEED), "--backend", "openai"]) == 2
    assert "OPENAI_API_KEY" in capsys.readouterr().err


def test_module_entry_point_exists() -> None:
    assert callable(cli_module.main)


# -- issue 14: the CLI as shell users expect it --------------------------------------------

SEED_B = ROOT / "seeds" / "004_1ccdb289d609ce85.txt"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_output_is_replaced_on_rerun_not_appended(tmp_path: Path, fake: FakeModel) -> None:
    out = tmp_path / "out.jsonl"
    assert cli(["extract", str(SEED), str(SEED_B), "-o", str(out)]) == 0
    first = out.read_text(encoding="utf-8")
    assert cli(["extract", str(SEED), str(SEED_B), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == first and len(_lines(out)) == 2
    assert cli(["extract", str(SEED), "-o", str(out), "--append"]) == 0
    assert [json.loads(line)["article_id"] for line in _lines(out)] == [SEED.stem, SEED_B.stem, SEED.stem]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_a_failed_run_leaves_an_existing_output_as_it_was(
    tmp_path: Path, fake: FakeModel, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"article_id": "kept"}\n', encoding="utf-8")
    fake.responder = lambda request: OSError("connection refused")  # the server is gone
    code = cli(["extract", str(SEED), str(SEED_B), "-o", str(out)])
    assert code == 3
    assert out.read_text(encoding="utf-8") == '{"article_id": "kept"}\n'
    assert f"{out} left as it was" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_every_article_failing_writes_no_empty_file(tmp_path: Path, fake: FakeModel) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli(["extract", str(empty), "-o", str(out)]) == 2
    assert not out.exists()


def test_interrupted_run_keeps_finished_articles_of_a_new_file(tmp_path: Path, fake: FakeModel) -> None:
    summaries = 0

    def interrupt_second_article(request: dict[str, Any]) -> dict[str, Any]:
        nonlocal summaries
        if summaries == 1:
            raise KeyboardInterrupt
        summaries += FakeModel.schema_title(request) == "SummaryAnswer"
        return answer(request)

    fake.responder = interrupt_second_article
    # Articles without records, so that each asks for its summary last (and the fake summary's
    # names are the article's: no second try).
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    for path, day in ((first, "Thursday"), (second, "Friday")):
        path.write_text(f" date 2025-06-01 Steve Witkoff flew to Moscow on {day}; Vladimir Putin spoke.\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert cli(["extract", str(first), str(second), "-o", str(out)]) == 130
    assert [json.loads(line)["article_id"] for line in _lines(out)] == ["first"]  # ready for --resume


def test_sigterm_exits_143_and_keeps_the_old_output(
    tmp_path: Path, fake: FakeModel, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import signal

    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    fake.responder = lambda request: os.kill(os.getpid(), signal.SIGTERM)  # type: ignore[func-returns-value]
    monkeypatch.setattr("sys.argv", ["summarizer", "extract", str(SEED), "-o", str(out)])
    previous = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(SystemExit) as exit_info:
            cli_module.main()
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert exit_info.value.code == 143
    assert out.read_text(encoding="utf-8") == "old\n"
    assert "terminated" in capsys.readouterr().err


def test_dash_means_stdout_and_extract_pipes_into_digest(
    tmp_path: Path, fake: FakeModel, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    assert cli(["extract", str(SEED), str(SEED_B), "-o", "-"]) == 0
    jsonl = capsys.readouterr().out
    assert [json.loads(line)["article_id"] for line in jsonl.splitlines()] == [SEED.stem, SEED_B.stem]
    assert not (Path.cwd() / "-").exists()
    monkeypatch.setattr(sys, "stdin", io.StringIO(jsonl))
    assert cli(["digest", "-", "--json", "-"]) == 0
    digest = json.loads(capsys.readouterr().out)  # only the JSON: the Markdown gave stdout up
    assert sorted(a["article_id"] for a in digest["articles"]) == [SEED.stem, SEED_B.stem]
    monkeypatch.setattr(sys, "stdin", io.StringIO(jsonl))
    assert cli(["digest", "-"]) == 0
    assert capsys.readouterr().out.startswith("#")
    assert cli(["digest", str(tmp_path), "--json", "-", "--html", "-"]) == 2
    assert "only one output can go to stdout" in capsys.readouterr().err


def test_digest_of_bad_stdin_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO('{"article_id": "x"}\n{"article_id": "y"}\n'))
    assert cli(["digest", "-"]) == 2
    assert "<stdin>:1: not an ArticleSummary" in capsys.readouterr().err


def test_stdin_article_gets_its_id(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fake: FakeModel
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    assert cli(["extract", "-", "--id", "story-42"]) == 0
    assert json.loads(capsys.readouterr().out)["article_id"] == "story-42"


def test_verbosity_options_after_the_subcommand(
    tmp_path: Path, fake: FakeModel, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(["extract", str(SEED), "-o", str(tmp_path / "a.json"), "-v"]) == 0
    err = capsys.readouterr().err
    assert "meeting question 1/" in err  # plain progress lines: stderr is not a terminal here
    assert cli(["extract", str(SEED), "-o", str(tmp_path / "b.json"), "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert cli(["-q", "brief", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err  # errors still show


def test_help_documents_exit_codes_examples_and_env_vars(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli(["--help"])
    top = capsys.readouterr().out
    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "130", "143"):
        assert f"\n  {code}" in top
    for command in ("extract", "brief", "eval", "digest", "schemas", "serve", "info", "cache"):
        with pytest.raises(SystemExit):
            cli([command, "--help"])
        text = capsys.readouterr().out
        assert "examples:\n  summarizer" in text or "examples:\n  curl" in text, command
        assert "-q, --quiet" in text and "143" in text
    parser = cli_module._parser()
    subparsers = next(a for a in parser._actions if isinstance(a, cli_module.argparse._SubParsersAction))
    for command, sub in subparsers.choices.items():
        for group in sub._action_groups:
            if group.title and group.title.startswith("model"):
                for action in group._group_actions:
                    assert action.help and ("SUMMARIZER_" in action.help or "OPENAI_" in action.help), (
                        command, action.option_strings)  # fmt: skip
    serve = {o for a in subparsers.choices["serve"]._actions for o in a.option_strings}
    assert {"--model-file", "--threads", "--context", "--server-args", "--cache-dir"} <= serve
    assert not serve & {"--base-url", "--backend", "--model", "--api-key", "--timeout", "--retries", "--no-cache"}


def test_missing_sources_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["digest", str(tmp_path / "nothing")]) == 2
    assert cli(["eval", "--gold", str(tmp_path / "gold"), "--articles", str(tmp_path)]) == 2
    assert cli(["eval", "--predictions", str(tmp_path / "p.jsonl")]) == 2
    assert cli(["eval", "--baseline", str(tmp_path / "b.json"), "--predictions", str(tmp_path / "p.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "gold folder not found" in err and "nothing: no such file" in err and "Traceback" not in err


def test_types_asks_only_the_wanted_questions(
    tmp_path: Path, fake: FakeModel, capsys: pytest.CaptureFixture[str]
) -> None:
    def meets(request: dict[str, Any]) -> dict[str, Any]:
        if FakeModel.schema_title(request) == "DemandAnswer":
            return {"is_demand": True, "actor": "Russia", "target": None, "demand": "Talks now.", "category": "other"}
        return answer(request)

    fake.responder = meets
    assert cli(["extract", str(ROOT / "seeds" / "003_32f261f9b184bad9.txt"), "--types", "meetings,casualties"]) == 0
    data = json.loads(capsys.readouterr().out)
    asked = {FakeModel.schema_title(r) for r in fake.requests}
    # The summary question is asked only where no record was found (the seed's talks in Davos
    # are one whatever the fake model says): never a demand question.
    assert "MeetingAnswer" in asked and asked <= {"MeetingAnswer", "SummaryAnswer"}
    assert data["demands"] == []
    schema = json.loads((ROOT / "schemas" / "ArticleSummary.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    fake.requests.clear()
    assert cli(["extract", str(ROOT / "seeds" / "003_32f261f9b184bad9.txt"), "--types", "demands", "--no-cache"]) == 0
    # A demand is found, so the headline and brief are composed from it: no summary question.
    assert {FakeModel.schema_title(r) for r in fake.requests} == {"DemandAnswer"}
    assert json.loads(capsys.readouterr().out)["demands"]  # the wanted type is still found
    assert cli(["extract", str(SEED), "--types", "meetings,weather"]) == 2
    assert "weather" in capsys.readouterr().err


def test_info_names_the_reason_for_each_choice(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert cli(["info", "--json"]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["backend"]["value"] == "embedded" and rows["backend"]["reason"].startswith("default")
    assert rows["cache folder"]["reason"] == "environment SUMMARIZER_CACHE_DIR"  # set by conftest
    assert "version summarizer" in rows and "model file" in rows
    monkeypatch.setenv("OPENAI_BASE_URL", "http://10.0.0.9:11434/v1")
    assert cli(["info", "--json", "--threads", "3"]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["backend"]["value"] == "openai" and "OPENAI_BASE_URL" in rows["backend"]["reason"]
    assert rows["server"]["value"] == "http://10.0.0.9:11434/v1"
    assert rows["threads"] == {"name": "threads", "value": "3", "reason": "option --threads"}
    assert cli(["info", "--backend", "embedded"]) == 0
    text = capsys.readouterr().out
    assert "embedded" in text and "option --backend" in text


def test_a_global_openai_base_url_is_announced(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fake: FakeModel
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://10.0.0.9:11434/v1")
    assert cli(["extract", str(SEED)]) == 0
    err = capsys.readouterr().err
    assert "notice: using the server at http://10.0.0.9:11434/v1 because OPENAI_BASE_URL is set" in err
    assert cli(["extract", str(SEED), "--base-url", "http://10.0.0.9:11434/v1"]) == 0
    assert "notice" not in capsys.readouterr().err  # asked for explicitly: nothing to announce


def test_eval_and_schemas_work_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarizer.io import load_summaries

    predictions = tmp_path / "gold.jsonl"  # the gold itself, as predictions: a perfect score
    predictions.write_text("".join(s.model_dump_json() + "\n" for s in load_summaries(ROOT / "evals" / "gold")))
    monkeypatch.chdir(tmp_path)
    assert cli(["eval", "--predictions", str(predictions), "--report", "-"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)  # the JSON alone on stdout, the table on stderr
    assert report["splits"]["seeds"]["headline"]["meetings_f1"] == 1.0
    assert "=== split: seeds ===" in captured.err
    checkout = tmp_path / "checkout"
    (checkout / "summarizer").mkdir(parents=True)
    (checkout / "schemas").mkdir()
    monkeypatch.setattr("summarizer.evaluate.splits.project_root", lambda start=None: checkout)
    assert cli(["schemas"]) == 0
    assert (checkout / "schemas" / "ArticleSummary.json").is_file()


def test_without_the_corpus_eval_and_schemas_say_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("summarizer.evaluate.splits.project_root", lambda start=None: tmp_path)  # a wheel install
    assert cli(["eval", "--predictions", str(tmp_path / "p.jsonl")]) == 2
    assert "--gold DIR --articles DIR" in capsys.readouterr().err
    assert cli(["schemas"]) == 2
    assert "pass -o FOLDER" in capsys.readouterr().err


def test_digest_reads_a_json_document_on_stdin_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fake: FakeModel
) -> None:
    import io
    import sys

    assert cli(["extract", str(SEED), str(SEED_B), "--format", "json"]) == 0
    document = capsys.readouterr().out
    assert document.startswith("[\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO(document))
    assert cli(["digest", "-", "--json", "-"]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 2
    assert cli(["extract", str(SEED)]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(capsys.readouterr().out))  # one indented document
    assert cli(["digest", "-", "--json", "-"]) == 0
    assert [a["article_id"] for a in json.loads(capsys.readouterr().out)["articles"]] == [SEED.stem]
