"""The command's handlers: each loads the sources, asks one question of :mod:`waterketen.answers`, prints."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from ..answers import Answer
    from ..network import Network
    from ..sources import Source

from ..errors import UsageError


__all__ = ["COMMANDS", "EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "HANDLERS"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _is_source(text: str) -> bool:
    """Whether a command-line argument names a source rather than an entity."""
    import re
    from pathlib import Path

    if re.match(r"[A-Za-z][A-Za-z0-9+.-]+:", text):
        return True
    return text.lower().endswith((".json", ".toml", ".csv", ".tsv", ".xlsx", ".xlsm")) or Path(text).exists()


def _open_sources(args: argparse.Namespace) -> list[str | Source]:
    """The sources to load, with the table mapping of --map and --table-option applied to tables."""
    locations: list[str] = list(args.sources)
    options = dict(args.map) | dict(args.table_option)
    if not options:
        return list(locations)
    from ..errors import SourceError
    from ..sources.tables import TableSource, open_table

    out: list[str | Source] = []
    tables = 0
    for location in locations:
        path = location.removeprefix("table:")
        if location.startswith("table:") or location.lower().endswith((".csv", ".tsv", ".xlsx", ".xlsm")):
            tables += 1
            try:
                if "?" in path:
                    source: Source = open_table(path + "&" + _query(options))
                else:
                    source = TableSource.from_options(path, options)
            except SourceError as exc:
                raise UsageError(exc.problem.reason if exc.problem.field is None else str(exc)) from None
            out.append(source)
        else:
            out.append(location)
    if not tables:
        raise UsageError(
            "--map and --table-option apply to tables (.csv, .tsv, .xlsx, table:), and no SOURCE is one"
        )
    return out


def _query(options: dict[str, str]) -> str:
    from urllib.parse import urlencode

    return urlencode(options)


def _load(args: argparse.Namespace) -> Network:
    from ..loading import load

    network = load(*_open_sources(args), strict=not args.lenient)
    report = network.report
    if report is not None:
        for problem in report.problems:
            print(f"waterketen: {problem}", file=sys.stderr)
    return network


def _on(args: argparse.Namespace) -> date | None:
    if getattr(args, "at", None) is not None:
        return args.at  # type: ignore[no-any-return]
    if getattr(args, "all_time", True):
        return None
    return date.today()


def _print(answer: Answer, args: argparse.Namespace) -> int:
    text = answer.render(args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


_Ask = Callable[["Network", argparse.Namespace, "date | None"], "Answer"]


def _query_command(ask: _Ask, *, empty_fails: bool = False) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        network = _load(args)
        answer = _told(ask, network, args)
        _print(answer, args)
        if empty_fails and not answer.rows:
            print(f"waterketen {args.command}: nothing found", file=sys.stderr)
            return EXIT_FAILED
        return EXIT_OK

    return run


def _told(ask: _Ask, network: Network, args: argparse.Namespace) -> Answer:
    """The answer; a cooperation left unnamed is told as the command line names one."""
    from ..errors import AmbiguityError, CooperationNotNamedError

    try:
        return ask(network, args, _on(args))
    except CooperationNotNamedError as exc:
        if not hasattr(args, "cooperation"):  # this command has no --cooperation to tell
            raise AmbiguityError(str(exc)) from None
        raise


def _show(args: argparse.Namespace) -> int:
    """The national picture (no source given), one region (``show REGION``), or the sources' network."""
    region = None
    if args.sources and not _is_source(args.sources[0]):
        region = args.sources.pop(0)
    day = args.at or date.today()
    network = _load(args) if args.sources else _load_national(args)
    if region is not None:
        from .._render import cooperation_summary

        print(cooperation_summary(network, network.cooperation(region), day))
        return EXIT_OK
    if len(network.index.by_tag.get("cooperation", ())) == 1:
        from .._render import summary

        print(summary(network, day))
        return EXIT_OK
    from ..answers._national import overview, regions

    print(overview(regions(network, on=day)))
    return EXIT_OK


def _load_national(args: argparse.Namespace) -> Network:
    """The regions and Groningen & Noord-Drenthe; the sources' findings are counted, not listed."""
    from ..answers._national import NATIONAL
    from ..loading import load

    network = load(*NATIONAL, strict=not args.lenient)
    report = network.report
    if report is not None and report.problems:
        print(
            f"waterketen: the sources give {len(report.problems)} warning(s); "
            f"'waterketen validate {' '.join(NATIONAL)}' lists them",
            file=sys.stderr,
        )
    return network


def _validate(args: argparse.Namespace) -> int:
    from .. import answers
    from ..loading import load

    network = load(*_open_sources(args), strict=False)
    report = network.report
    assert report is not None  # a load always reports
    nothing_read = not report.ok and report.accepted == 0  # rules on nothing would say "0 errors"
    checks = None if args.no_checks or nothing_read else network.check()
    if args.format == "table":
        print(report)
        if checks is not None:
            print(checks)
        elif nothing_read and not args.no_checks:
            print("the rules did not run: no record could be read")
    else:
        _print(answers.validation(report, checks), args)
    return EXIT_OK if report.ok and (checks is None or checks.ok) else EXIT_FAILED


def _check(args: argparse.Namespace) -> int:
    from .. import answers

    network = _load(args)
    try:
        report = network.check(on=args.at, rules=args.rule, disable=args.disable)
    except ValueError as exc:  # an unknown rule name
        raise UsageError(str(exc)) from None
    if args.format == "table" and not report.findings:
        rules, days = len(report.rules), len(report.days)
        print(f"no findings: {rules} rule{'s' * (rules != 1)} on {days} day{'s' * (days != 1)}")
    else:
        _print(answers.check(report), args)
    return EXIT_OK if report.ok else EXIT_FAILED


def _export(args: argparse.Namespace) -> int:
    from ..errors import UnknownFormatError
    from ..export import find_writer

    to_stdout = args.output == "-"
    try:
        writer = find_writer(args.format, None if to_stdout else args.output)
    except UnknownFormatError as exc:
        raise UsageError(f"{exc} (pass --format)" if args.format is None else str(exc)) from None
    network = _load(args)
    if not to_stdout:
        from pathlib import Path

        writer.write(network, Path(args.output))
        print(f"wrote {len(network)} entities to {args.output} ({writer.name})", file=sys.stderr)
        return EXIT_OK
    if not writer.suffixes:
        raise UsageError(f"the {writer.name} format writes a directory, not standard output")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"network{writer.suffixes[0]}"
        writer.write(network, path)
        sys.stdout.buffer.write(path.read_bytes())
        sys.stdout.flush()
    return EXIT_OK


def _installation(args: argparse.Namespace) -> int:
    from .. import answers

    ask = {"plugins": answers.plugins, "sources": answers.source_types, "writers": answers.writers}[
        args.command
    ]
    from ..plugins import default_plugin_manager

    pm = default_plugin_manager()
    _print(ask(pm), args)
    for failure in pm.failures:
        print(f"waterketen: {failure}", file=sys.stderr)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    import json

    from ..schema import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


# Each question: one call of waterketen.answers with the parsed arguments.


def _partners(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import partners

    return partners(network, on=on, kind=args.kind, cluster=args.cluster, cooperation=args.cooperation)


def _clusters(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import clusters

    return clusters(network, on=on, cooperation=args.cooperation)


def _members(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import members

    return members(network, args.group, on=on)


def _cluster_of(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import cluster_of

    return cluster_of(network, args.organisation, on=on)


def _bodies(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import bodies

    return bodies(network, on=on, kind=args.kind, cooperation=args.cooperation)


def _posts(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import posts

    return posts(network, args.body, on=on)


def _holders(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import holders

    return holders(network, args.post, on=on)


def _seats(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import seats

    return seats(network, args.body, on=on)


def _find(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import find

    return find(network, args.name, on=on, tag=args.type)


def _lookup(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import lookup

    return lookup(network, args.scheme, args.code, on=on)


def _successors(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import predecessors, successors

    ask = successors if args.command == "successors" else predecessors
    return ask(network, args.organisation, on=on, transitive=args.transitive)


def _timeline(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import timeline

    return timeline(network, args.entity)


def _diff(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from ..answers import diff

    return diff(network, args.start, args.end)


def _resolve(args: argparse.Namespace) -> int:
    from ..cli_resolve import run

    return run(args)


def _register(args: argparse.Namespace) -> int:
    from ..cli_register import run_register

    return run_register(args)


def _run_posts(args: argparse.Namespace) -> int:
    if args.body is not None and _is_source(args.body):
        args.sources = [args.body, *args.sources]
        args.body = None
    return _query_command(_posts)(args)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "show": _show,
    "partners": _query_command(_partners),
    "clusters": _query_command(_clusters),
    "members": _query_command(_members),
    "cluster-of": _query_command(_cluster_of),
    "bodies": _query_command(_bodies),
    "posts": _run_posts,
    "holders": _query_command(_holders),
    "seats": _query_command(_seats),
    "find": _query_command(_find, empty_fails=True),
    "lookup": _query_command(_lookup, empty_fails=True),
    "successors": _query_command(_successors),
    "predecessors": _query_command(_successors),
    "timeline": _query_command(_timeline),
    "diff": _query_command(_diff),
    "check": _check,
    "validate": _validate,
    "export": _export,
    "plugins": _installation,
    "sources": _installation,
    "writers": _installation,
    "schema": _schema,
    "register": _register,
    "resolve": _resolve,
}

COMMANDS = tuple(HANDLERS)
"""The names of the commands, in the order of their help."""
