"""The parts of the command line behind ``summarizer.cli``: ``parser`` (options, examples, exit
codes), ``handlers`` (one function per subcommand) and ``console`` (stderr lines and progress,
``-`` for stdout, summaries from stdin)."""

from __future__ import annotations

from .console import set_quiet
from .handlers import COMMANDS
from .parser import EXIT_CODES, build_parser

__all__ = ["COMMANDS", "EXIT_CODES", "build_parser", "set_quiet"]
