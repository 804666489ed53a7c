"""The ``waterketen register`` commands: look up, history, crosswalk and vintage on the national register.

Each prints a :class:`~waterketen.answers.Answer` as a table, JSON or CSV,
like every query command. Nothing is imported until a command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from .answers import Answer
    from .network import Network

__all__ = ["add_register_command", "run_register"]

EXIT_OK, EXIT_FAILED = 0, 1


def _day(text: str) -> date:
    from ._time import as_date

    try:
        return as_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_register_command(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add ``register`` and its sub-commands, with ``command`` (the main parser's factory)."""
    register = command("register", "the national register: look-up, history, crosswalk, vintage")
    subs = register.add_subparsers(dest="register_command", metavar="SUBCOMMAND", required=True)

    def sub(name: str, summary: str) -> argparse.ArgumentParser:
        parser = subs.add_parser(
            name,
            formatter_class=register.formatter_class,  # the command line's (see waterketen.cli._parser)
            help=summary,
            description=summary[0].upper() + summary[1:] + ".",
        )
        parser.add_argument(
            "--format",
            choices=("table", "json", "csv"),
            default="table",
            help="how to print (default: table)",
        )
        return parser

    lookup = sub("lookup", "the organisation of a code (GM0005, 0005, WS17, W0647, P0020) or id")
    lookup.add_argument("code", metavar="CODE_OR_ID")
    lookup.add_argument(
        "--at", type=_day, metavar="DATE", help="the day, YYYY-MM-DD (needed when a code denotes two)"
    )
    history = sub("history", "the trajectory of a municipality: its predecessors, successors and changes")
    history.add_argument("code", metavar="CODE_OR_ID")
    walk = sub(
        "crosswalk", "map the municipality codes of one day to those of another (backwards if earlier)"
    )
    walk.add_argument("start", type=_day, metavar="FROM", help="the day of the codes you have, YYYY-MM-DD")
    walk.add_argument("end", type=_day, metavar="TO", help="the day of the codes you want, YYYY-MM-DD")
    walk.add_argument("codes", nargs="*", metavar="CODE", help="only these codes (default: all of FROM)")
    age = sub("vintage", "on which days a list of municipality codes was exactly the municipal division")
    age.add_argument(
        "codes", nargs="+", metavar="CODE", help="the codes, or - to read them from standard input"
    )


def _lookup(register: Network, args: argparse.Namespace) -> Answer:
    from .answers._table import Answer
    from .model import Organisation

    code = args.code.strip()
    found: list[Organisation] = []
    if code in register:
        found = [register.get(code, Organisation)]
    else:
        import contextlib

        from .register.analysis import normalise_code

        candidates = [code.upper()]
        with contextlib.suppress(ValueError):
            candidates.append(normalise_code(code))
        for org in register.entities(Organisation, on=args.at):
            if any(i.value in candidates for i in org.identifiers):
                found.append(org)
    rows = tuple(
        (
            o.id,
            o.name if args.at is None else o.name_on(args.at),
            o.kind.value,
            tuple(str(i) for i in o.identifiers),
            None if o.period.start is None else o.period.start.isoformat(),
            None if o.period.end is None else o.period.end.isoformat(),
        )
        for o in found
    )
    return Answer(
        command="register lookup",
        at=args.at,
        columns=("id", "name", "kind", "identifiers", "start", "end"),
        rows=rows,
    )


def _history(register: Network, args: argparse.Namespace) -> Answer:
    from .answers._table import Answer
    from .query import describe_change
    from .register.analysis import trajectory

    found = trajectory(register, args.code.strip())
    rows = tuple(
        (
            change.date.isoformat(),
            change.kind.value,
            change.id,
            describe_change(register, change),
            tuple(p.source for p in change.provenance),
        )
        for change in found.changes
    )
    return Answer(
        command="register history",
        at=None,
        columns=("date", "kind", "change", "description", "sources"),
        rows=rows,
    )


def _crosswalk(register: Network, args: argparse.Namespace) -> Answer:
    from .answers._table import Answer
    from .register.analysis import crosswalk, normalise_code

    walk = crosswalk(register, args.start, args.end)
    wanted = {normalise_code(c) for c in args.codes}
    rows = tuple(
        (link.from_code, link.from_name, link.to_code, link.to_name, link.partial)
        for link in walk
        if not wanted or link.from_code in wanted
    )
    return Answer(
        command="register crosswalk",
        at=args.end,
        columns=("from_code", "from_name", "to_code", "to_name", "partial"),
        rows=rows,
        extra={"from": args.start.isoformat(), "to": args.end.isoformat()},
    )


def _vintage(register: Network, args: argparse.Namespace) -> Answer:
    from .answers._table import Answer
    from .register.analysis import vintage

    codes = sys.stdin.read().split() if args.codes == ["-"] else args.codes
    periods = vintage(codes, register)
    rows = tuple(
        (
            None if p.start is None else p.start.isoformat(),
            None if p.end is None else p.end.isoformat(),
        )
        for p in periods
    )
    return Answer(command="register vintage", at=None, columns=("start", "end"), rows=rows)


_ASK = {"lookup": _lookup, "history": _history, "crosswalk": _crosswalk, "vintage": _vintage}


def run_register(args: argparse.Namespace) -> int:
    """Run a ``register`` sub-command; exit 1 when it found nothing or a code is not one."""
    from .errors import UnknownEntityError
    from .register import load_register

    try:
        answer = _ASK[args.register_command](load_register(), args)
    except (UnknownEntityError, ValueError) as exc:
        print(f"waterketen register {args.register_command}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    text = answer.render(args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if not answer.rows:
        print(f"waterketen register {args.register_command}: nothing found", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
