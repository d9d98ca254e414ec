"""Prompt templates and few-shot examples, read from the ``prompts/`` files.

An installed wheel carries them as ``summarizer/prompts``; an editable checkout reads the
repository's top-level ``prompts/``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jinja2

from ..errors import ConfigError

__all__ = ["PromptSet", "prompt_dir", "prompts"]


def prompt_dir() -> Path:
    packaged = Path(__file__).resolve().parents[1] / "prompts"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "prompts"
    if checkout.is_dir():
        return checkout
    raise ConfigError("prompt templates not found: reinstall summarizer")


class PromptSet:
    """Renders ``<name>.system.j2`` / ``<name>.user.j2`` and loads ``examples/<name>.json``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(folder)),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
            autoescape=False,
        )

    def render(self, template: str, **values: Any) -> str:
        return self.env.get_template(template).render(**values).strip()

    @functools.lru_cache(maxsize=16)  # noqa: B019 - one PromptSet per folder, kept for the process
    def examples(self, name: str) -> list[dict[str, Any]]:
        path = self.folder / "examples" / f"{name}.json"
        if not path.is_file():
            return []
        return list(json.loads(path.read_text(encoding="utf-8")))

    def messages(self, name: str, **values: Any) -> list[dict[str, str]]:
        """System prompt, few-shot turns, then the question: the shared prefix comes first so
        that llama.cpp reuses its prefill across questions of the same kind."""
        messages = [{"role": "system", "content": self.render(f"{name}.system.j2")}]
        for example in self.examples(name):
            question = {key: value for key, value in example.items() if key != "answer"}
            messages.append({"role": "user", "content": self.render(f"{name}.user.j2", **question)})
            messages.append({"role": "assistant", "content": json.dumps(example["answer"], ensure_ascii=False)})
        messages.append({"role": "user", "content": self.render(f"{name}.user.j2", **values)})
        return messages


@functools.lru_cache(maxsize=4)
def prompts(folder: Path | None = None) -> PromptSet:
    return PromptSet(folder or prompt_dir())
