"""The ``waterketen`` command: a thin shell over the public API.

Each query command parses its arguments, loads the sources, calls one
function of :mod:`waterketen.answers` and prints the answer as a table, JSON
or CSV (see ``docs/cli.md`` for the JSON of each). Nothing is imported until
a command needs it, and networkx only for the graph formats.

Exit codes: 0 the command answered; 1 it could not (the data has problems, an
id or name is unknown or ambiguous, an entity is asked about on a day on which
it did not exist, a file cannot be written, ``validate`` found errors,
``find`` or ``lookup`` found nothing); 2 the command line itself is wrong (a
mistyped command or option, a bad date).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ..errors import UsageError
from ._commands import COMMANDS, EXIT_FAILED, EXIT_OK, EXIT_USAGE, HANDLERS
from ._parser import build_parser, parse_command_line


__all__ = ["COMMANDS", "main"]


def _map(argv: list[str]) -> int:
    """``waterketen map``: the command of the plugin waterketen-map, imported only when asked for."""
    import importlib

    try:
        plugin = importlib.import_module("waterketen_map")
    except ImportError:
        print(
            "waterketen map: the map needs the plugin waterketen-map; install it with "
            "'pip install ./plugins/waterketen-map' from a clone of the repository",
            file=sys.stderr,
        )
        return EXIT_FAILED
    return int(plugin.main(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if "--no-plugins" in args_list:  # for this run: only the built-in sources, writers and rules
        args_list = [a for a in args_list if a != "--no-plugins"]
        import os

        os.environ["WATERKETEN_NO_PLUGINS"] = "1"
    if args_list[:1] == ["map"]:
        return _map(args_list[1:])
    first = args_list[0] if args_list else None
    if first is None or first not in (*HANDLERS, "-h", "--help", "--version"):
        mistyped = None if first is None else _mistyped_command(first)
        if mistyped is not None:
            print(f"{build_parser().format_usage()}waterketen: error: {mistyped}", file=sys.stderr)
            return EXIT_USAGE
        args_list.insert(0, "show")
    parser = build_parser(only=args_list[0] if args_list[0] in HANDLERS else None)  # one command's
    try:
        args = parse_command_line(parser, args_list)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return HANDLERS[args.command](args)
    except UsageError as exc:
        print(f"waterketen {args.command}: error: {_message(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
        return EXIT_OK
    except Exception as exc:
        from ..errors import WaterketenError

        if isinstance(exc, WaterketenError | OSError):
            print(f"waterketen: {_message(exc)}", file=sys.stderr)
            return EXIT_FAILED
        raise


def _mistyped_command(word: str) -> str | None:
    """The message for a first argument that is no source but looks like a mistyped command, if it is one."""
    from ._commands import _is_source

    if word.startswith("-") or _is_source(word):
        return None
    from ._parser import similar

    found = similar(word.casefold(), [*HANDLERS, "map"])
    if not found:
        return None
    return f"unknown command {word!r}; did you mean {' or '.join(found)}? ('waterketen --help' lists them)"


def _message(exc: BaseException) -> str:
    """The message of an error, in the words of the command line (``--at``, not ``on=``)."""
    from ..errors import CooperationNotNamedError, WaterketenError

    if isinstance(exc, WaterketenError) and (
        exc.hint is not None or isinstance(exc, CooperationNotNamedError)
    ):
        return exc.told("command")  # a hint, or a message that names the option itself
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)
