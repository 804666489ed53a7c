"""The ``waterketen`` command: a thin shell over the public API.

Exit codes: 0 success; 1 the data has problems (a load failed, or
``validate`` found errors); 2 the command line itself is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date


__all__ = ["main"]

COMMANDS = ("show", "validate", "export", "sources")


def _day(text: str) -> date:
    from ._time import as_date

    try:
        return as_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="waterketen",
        description="Dutch regional water-chain cooperations as a graph through time. "
        "Without a command, shows the embedded dataset.",
        epilog="Exit codes: 0 success, 1 problems in the data, 2 wrong usage.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def with_sources(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "sources",
            nargs="*",
            metavar="SOURCE",
            help="paths or scheme:locations to load (default: the embedded dataset)",
        )
        sub.add_argument("--lenient", action="store_true", help="keep valid records, report the rest")

    show = commands.add_parser("show", help="show a network readably (the default command)")
    with_sources(show)
    show.add_argument("--at", type=_day, metavar="DATE", help="the day to show (YYYY-MM-DD; default: today)")

    validate = commands.add_parser("validate", help="load sources and report every problem")
    with_sources(validate)

    export = commands.add_parser("export", help="write a network in the native JSON format")
    with_sources(export)
    export.add_argument("-o", "--output", required=True, metavar="PATH", help="the file to write")

    commands.add_parser("sources", help="list the source types and plugins installed")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in (*COMMANDS, "-h", "--help", "--version")):
        args_list.insert(0, "show")
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.version:
        from importlib.metadata import version

        print(f"waterketen {version('waterketen')}")
        return 0
    try:
        return _run(args)
    except BrokenPipeError:
        return 0


def _run(args: argparse.Namespace) -> int:
    from . import load
    from .errors import LoadError, WaterketenError

    if args.command == "sources":
        return _sources()
    strict = not (args.lenient or args.command == "validate")
    try:
        network = load(*args.sources, strict=strict)
    except LoadError as exc:
        print(f"waterketen: {exc}", file=sys.stderr)
        return 1
    except WaterketenError as exc:
        print(f"waterketen: {exc}", file=sys.stderr)
        return 1
    report = network.report
    if args.command == "validate":
        print(report)
        return 0 if report is None or report.ok else 1
    if report is not None and report.problems:
        for problem in report.problems:
            print(f"waterketen: {problem}", file=sys.stderr)
    if args.command == "export":
        from .export.native import write_json

        write_json(network, args.output)
        print(f"wrote {len(network)} entities to {args.output}", file=sys.stderr)
        return 0
    from ._render import summary

    print(summary(network, args.at or date.today()))
    return 0


def _sources() -> int:
    from .load import source_types
    from .plugins import get_plugin_manager, list_plugins

    pm = get_plugin_manager()
    print("Source types:")
    for source_type in source_types(pm):
        handles = ", ".join([f"{s}:" for s in source_type.schemes] + list(source_type.suffixes))
        print(f"  {source_type.name:<14} {handles:<22} {source_type.description}")
    print("Plugins:")
    for info in list_plugins(pm):
        version = f" {info.version}" if info.version else ""
        print(f"  {info.name}{f' ({info.package}{version})' if info.package else ''}")
    for failure in pm.failures:
        print(f"  {failure}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
