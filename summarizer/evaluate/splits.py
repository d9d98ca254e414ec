"""The evaluation sets: where each split's gold and articles live.

- ``seeds``: the five seed articles (``seeds/``) and their gold (``evals/gold/*.json``).
- ``dev``: the development corpus (``evals/corpus/dev``, ``evals/gold/dev``): tune on this.
- ``test``: the held-out corpus (``evals/corpus/test``, ``evals/gold/test``): measure on this,
  never tune on it.

Paths are relative to the project root: the nearest folder at or above the current directory
that holds ``evals/gold``, else the source checkout the package was imported from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError

__all__ = ["SPLITS", "EvalSet", "project_root", "resolve_splits"]

SPLITS: dict[str, tuple[str, str]] = {
    "seeds": ("evals/gold", "seeds"),
    "dev": ("evals/gold/dev", "evals/corpus/dev"),
    "test": ("evals/gold/test", "evals/corpus/test"),
}
"""Split name -> (gold folder, article folder), relative to the project root."""


@dataclass(frozen=True)
class EvalSet:
    """One named set of gold files and the folder of their articles."""

    name: str
    gold: Path
    articles: Path


def project_root(start: Path | None = None) -> Path:
    """The folder the split paths are relative to (see the module docstring)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "evals" / "gold").is_dir():
            return folder
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "evals" / "gold").is_dir():
        return checkout
    return here


def resolve_splits(spec: str, root: Path | None = None) -> list[EvalSet]:
    """Parse ``--split``: one name, a comma-separated list, or ``all`` (seeds, dev, test).

    Raises ``ConfigError`` for an unknown name or a split whose folders are missing.
    """
    names = list(SPLITS) if spec.strip() == "all" else [part.strip() for part in spec.split(",") if part.strip()]
    if not names:
        raise ConfigError("--split needs a name: seeds, dev, test or all")
    base = root or project_root()
    sets: list[EvalSet] = []
    for name in dict.fromkeys(names):
        if name not in SPLITS:
            raise ConfigError(f"--split: unknown split {name!r} (choose from {', '.join(SPLITS)} or all)")
        gold, articles = (base / part for part in SPLITS[name])
        for folder in (gold, articles):
            if not folder.is_dir():
                raise ConfigError(f"{folder}: folder of split {name!r} not found")
        sets.append(EvalSet(name, gold, articles))
    return sets
