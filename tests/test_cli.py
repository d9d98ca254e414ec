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
        return {"is_meeting": False, "participants": [], "status": "happened", "format": "unknown"}
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
    assert out.startswith("# Witkoff to meet Putin")
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
