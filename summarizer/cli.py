"""The ``summarizer`` command: parse options, call one library function, print.

Library errors become one line on stderr and a non-zero exit, never a traceback. The options live
in ``commands.parser``, the subcommands in ``commands.handlers``.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Sequence

from .commands import COMMANDS, set_quiet
from .commands import build_parser as _parser  # the name tests and scripts know
from .errors import SummarizerError

__all__ = ["cli", "main"]

log = logging.getLogger("summarizer")


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that every cleanup runs as for Ctrl-C; exit 143."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def cli(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (see ``commands.EXIT_CODES``)."""
    args: argparse.Namespace = _parser().parse_args(argv)
    verbose = args.verbose + args.sub_verbose
    quiet = bool(args.quiet + args.sub_quiet) and not verbose
    set_quiet(quiet)
    level = logging.ERROR if quiet else logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="summarizer: %(message)s", stream=sys.stderr, force=True)
    for noisy in ("httpx", "openai", "instructor", "httpcore"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    try:
        return COMMANDS[args.command](args)
    except SummarizerError as exc:
        print(f"summarizer: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except Terminated:
        print("summarizer: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("summarizer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file named on the command line that cannot be read or written
        print(f"summarizer: error: {exc}", file=sys.stderr)
        return 2


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    sys.exit(cli())
