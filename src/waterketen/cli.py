"""The ``waterketen`` command: a thin shell over the public API.

Each query command parses its arguments, loads the sources, calls one
function of :mod:`waterketen.answers` and prints the answer as a table, JSON
or CSV (see ``docs/cli.md`` for the JSON of each). Nothing is imported until
a command needs it, and networkx only for the graph formats.

Exit codes: 0 the command answered; 1 it could not (the data has problems, an
id or name is unknown or ambiguous, a file cannot be written, ``validate``
found errors, ``find`` or ``lookup`` found nothing); 2 the command line
itself is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from .answers import Answer
    from .network import Network
    from .sources import Source

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

_EPILOG = """\
exit codes:
  0  the command answered
  1  it could not: problems in the data, an unknown or ambiguous id or name,
     a file that cannot be written, validate found errors, find or lookup found nothing
  2  wrong usage

Without a command, waterketen shows the network (the embedded dataset by default).
Run 'waterketen COMMAND --help' for the options of a command; docs/cli.md has more."""


class _UsageError(Exception):
    """The command line is wrong in a way argparse cannot see (exit 2)."""


def _day(text: str) -> date:
    from ._time import as_date

    try:
        return as_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _pair(text: str) -> tuple[str, str]:
    key, equals, value = text.partition("=")
    if not equals or not key.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return key.strip(), value


# -- the parser ---------------------------------------------------------------------------------------


def _sources(sub: argparse.ArgumentParser, *, positional: bool = True) -> None:
    if positional:
        sub.add_argument(
            "sources",
            nargs="*",
            metavar="SOURCE",
            help="files or scheme:locations to load (default: the embedded dataset)",
        )
    loading = sub.add_argument_group("loading")
    loading.add_argument("--lenient", action="store_true", help="keep the valid records, report the rest")
    loading.add_argument(
        "--map",
        type=_pair,
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="for CSV tables: the column of a field (code, name, id, kind, group, group-id, cluster, "
        "cluster-id, start, end, member-start, member-end); repeat for each",
    )
    loading.add_argument(
        "--table-option",
        type=_pair,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="for CSV tables: type (of every member), scheme, delimiter, encoding, end-inclusive, "
        "define-members, define-groups",
    )


def _format(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="how to print the answer (default: table)",
    )


def _time(sub: argparse.ArgumentParser, *, today: bool) -> None:
    when = sub.add_mutually_exclusive_group()
    default = "today" if today else "all time"
    when.add_argument(
        "--at", type=_day, metavar="DATE", help=f"ask about this day, YYYY-MM-DD (default: {default})"
    )
    if today:
        when.add_argument("--all-time", action="store_true", help="ask over all time, not one day")


class _Version(argparse.Action):
    """--version, looking the version up only when asked (it costs start-up time)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from importlib.metadata import version

        print(f"waterketen {version('waterketen')}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="waterketen",
        description="Dutch regional water-chain cooperations as a graph through time: "
        "ask the network questions, validate sources, export it.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    def command(name: str, summary: str, description: str | None = None) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=summary,
            description=description or summary[0].upper() + summary[1:] + ".",
            epilog="exit codes: 0 answered, 1 could not answer, 2 wrong usage",
        )

    from .model import ENTITY_TYPES, BodyKind, OrgKind

    show = command("show", "show the network readably (the default command)")
    _sources(show)
    show.add_argument("--at", type=_day, metavar="DATE", help="the day to show, YYYY-MM-DD (default: today)")

    partners = command("partners", "the partners of a cooperation")
    partners.add_argument("--kind", choices=[k.value for k in OrgKind], help="only partners of this kind")
    partners.add_argument("--cluster", metavar="CLUSTER", help="only members of this cluster (id or name)")
    partners.add_argument("--cooperation", metavar="COOP", help="the cooperation (id or name), if several")

    clusters = command("clusters", "the clusters of a cooperation, with their members")
    clusters.add_argument("--cooperation", metavar="COOP", help="the cooperation (id or name), if several")

    members = command("members", "the members of a cooperation, cluster or body")
    members.add_argument("group", metavar="GROUP", help="the group's id or name")

    cluster_of = command(
        "cluster-of",
        "the cluster of an organisation",
        "The cluster of an organisation: status known, unknown (the data cannot say) or none.",
    )
    cluster_of.add_argument("organisation", metavar="ORG", help="the organisation's id or name")

    bodies = command("bodies", "the governance bodies of a cooperation")
    bodies.add_argument("--kind", choices=[k.value for k in BodyKind], help="only bodies of this kind")
    bodies.add_argument("--cooperation", metavar="COOP", help="the cooperation (id or name), if several")

    posts = command(
        "posts",
        "the posts with a duty in a body, or every post",
        "The posts with a duty in BODY (every post without one), with their duties and holders. "
        "A first argument that names a source (an existing path, a scheme:location, a .json, "
        ".toml or .csv file) is a source, not a body.",
    )
    posts.add_argument("body", nargs="?", metavar="BODY", help="the body's id or name")

    holders = command("holders", "who holds a post")
    holders.add_argument("post", metavar="POST", help="the post's id or name")

    seats = command("seats", "who represents what in a body")
    seats.add_argument("body", metavar="BODY", help="the body's id or name")

    find = command("find", "entities by name (any case, accents or punctuation; other names too)")
    find.add_argument("name", metavar="NAME", help="the name to look for")
    find.add_argument("--type", choices=list(ENTITY_TYPES), help="only entities of this kind")

    lookup = command("lookup", "the organisation with an official code")
    lookup.add_argument(
        "scheme", metavar="SCHEME", help="the scheme of the code, such as cbs or kadaster-bgt"
    )
    lookup.add_argument("code", metavar="CODE", help="the code, such as GM0005")

    for sub in (partners, clusters, members, cluster_of, bodies, posts, holders, seats):
        _sources(sub)
        _time(sub, today=True)
        _format(sub)
    for sub in (find, lookup):
        _sources(sub)
        _time(sub, today=False)
        _format(sub)

    for name, summary in (
        ("successors", "what (part of) an organisation went to, through mergers and splits"),
        ("predecessors", "what an organisation took over, through mergers and splits"),
    ):
        sub = command(name, summary)
        sub.add_argument("organisation", metavar="ORG", help="the organisation's id or name")
        sub.add_argument("--transitive", action="store_true", help="follow the chain to its end")
        _sources(sub)
        _time(sub, today=False)
        _format(sub)

    timeline = command("timeline", "the dated events of an entity: start, end, changes, groups, posts")
    timeline.add_argument("entity", metavar="ENTITY", help="the entity's id or name")
    _sources(timeline)
    _format(timeline)

    diff = command(
        "diff",
        "what changed between two days, explained by change events",
        "What changed between two days: the change events between them; --format json adds the "
        "summary, the partner counts and the ids added, removed and uncertain.",
    )
    diff.add_argument("start", type=_day, metavar="DATE", help="the first day, YYYY-MM-DD")
    diff.add_argument("end", type=_day, metavar="DATE", help="the second day, YYYY-MM-DD")
    _sources(diff)
    _format(diff)

    check = command(
        "check",
        "run the domain rules on the network; exit 1 when a rule finds an error",
        "Run the domain rules (built-in and from plugins) on every day of the network's history, "
        "or on one day with --at; exit 1 when a rule finds an error.",
    )
    _sources(check)
    check.add_argument("--at", type=_day, metavar="DATE", help="check this day only (default: every day)")
    check.add_argument("--rule", action="append", metavar="NAME", help="run only this rule (repeatable)")
    check.add_argument("--disable", action="append", default=[], metavar="NAME", help="switch a rule off")
    _format(check)

    validate = command(
        "validate",
        "load sources and report every problem",
        "Load the sources leniently and report every problem with its place, then run the domain "
        "rules; exit 1 when there are errors.",
    )
    _sources(validate)
    validate.add_argument("--no-checks", action="store_true", help="do not run the domain rules")
    _format(validate)

    export = command("export", "write the network in a format: json, csv, graphml, gexf, node-link, ...")
    _sources(export)
    export.add_argument(
        "--format",
        metavar="FORMAT",
        help="the format (see 'waterketen writers'; default: the one the suffix of PATH names)",
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PATH",
        help="the file to write (a directory for csv; '-' for standard output)",
    )

    for name, summary in (
        ("plugins", "the plugins installed, with their versions, source types and writers"),
        ("sources", "the kinds of source that can be loaded"),
        ("writers", "the formats a network can be exported in"),
    ):
        _format(command(name, summary))
    command("schema", "print the JSON Schema of the native format")
    return parser


# -- running --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in (*_HANDLERS, "-h", "--help", "--version"):
        args_list.insert(0, "show")
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return _HANDLERS[args.command](args)
    except _UsageError as exc:
        print(f"waterketen {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
        return EXIT_OK
    except Exception as exc:
        from .errors import WaterketenError

        if isinstance(exc, WaterketenError | OSError):
            print(f"waterketen: {_message(exc)}", file=sys.stderr)
            return EXIT_FAILED
        raise


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


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
    from .errors import SourceError
    from .sources.tables import TableSource, open_table

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
                raise _UsageError(exc.problem.reason if exc.problem.field is None else str(exc)) from None
            out.append(source)
        else:
            out.append(location)
    if not tables:
        raise _UsageError(
            "--map and --table-option apply to tables (.csv, .tsv, .xlsx, table:), and no SOURCE is one"
        )
    return out


def _query(options: dict[str, str]) -> str:
    from urllib.parse import urlencode

    return urlencode(options)


def _load(args: argparse.Namespace) -> Network:
    from .load import load

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
        answer = ask(network, args, _on(args))
        _print(answer, args)
        if empty_fails and not answer.rows:
            print(f"waterketen {args.command}: nothing found", file=sys.stderr)
            return EXIT_FAILED
        return EXIT_OK

    return run


def _show(args: argparse.Namespace) -> int:
    from ._render import summary

    network = _load(args)
    print(summary(network, args.at or date.today()))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from . import answers
    from .load import load

    network = load(*_open_sources(args), strict=False)
    report = network.report
    assert report is not None  # a load always reports
    checks = None if args.no_checks else network.check()
    if args.format == "table":
        print(report)
        if checks is not None:
            print(checks)
    else:
        _print(answers.validation(report, checks), args)
    return EXIT_OK if report.ok and (checks is None or checks.ok) else EXIT_FAILED


def _check(args: argparse.Namespace) -> int:
    from . import answers

    network = _load(args)
    try:
        report = network.check(on=args.at, rules=args.rule, disable=args.disable)
    except ValueError as exc:  # an unknown rule name
        raise _UsageError(str(exc)) from None
    _print(answers.check(report), args)
    return EXIT_OK if report.ok else EXIT_FAILED


def _export(args: argparse.Namespace) -> int:
    from .errors import UnknownFormatError
    from .export import find_writer

    to_stdout = args.output == "-"
    try:
        writer = find_writer(args.format, None if to_stdout else args.output)
    except UnknownFormatError as exc:
        raise _UsageError(f"{exc} (pass --format)" if args.format is None else str(exc)) from None
    network = _load(args)
    if not to_stdout:
        from pathlib import Path

        writer.write(network, Path(args.output))
        print(f"wrote {len(network)} entities to {args.output} ({writer.name})", file=sys.stderr)
        return EXIT_OK
    if not writer.suffixes:
        raise _UsageError(f"the {writer.name} format writes a directory, not standard output")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"network{writer.suffixes[0]}"
        writer.write(network, path)
        sys.stdout.buffer.write(path.read_bytes())
        sys.stdout.flush()
    return EXIT_OK


def _installation(args: argparse.Namespace) -> int:
    from . import answers

    ask = {"plugins": answers.plugins, "sources": answers.source_types, "writers": answers.writers}[
        args.command
    ]
    from .plugins import get_plugin_manager

    pm = get_plugin_manager()
    _print(ask(pm), args)
    for failure in pm.failures:
        print(f"waterketen: {failure}", file=sys.stderr)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    import json

    from .schema import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


# Each question: one call of waterketen.answers with the parsed arguments.


def _partners(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import partners

    return partners(network, on=on, kind=args.kind, cluster=args.cluster, cooperation=args.cooperation)


def _clusters(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import clusters

    return clusters(network, on=on, cooperation=args.cooperation)


def _members(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import members

    return members(network, args.group, on=on)


def _cluster_of(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import cluster_of

    return cluster_of(network, args.organisation, on=on)


def _bodies(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import bodies

    return bodies(network, on=on, kind=args.kind, cooperation=args.cooperation)


def _posts(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import posts

    return posts(network, args.body, on=on)


def _holders(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import holders

    return holders(network, args.post, on=on)


def _seats(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import seats

    return seats(network, args.body, on=on)


def _find(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import find

    return find(network, args.name, on=on, tag=args.type)


def _lookup(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import lookup

    return lookup(network, args.scheme, args.code, on=on)


def _successors(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import predecessors, successors

    ask = successors if args.command == "successors" else predecessors
    return ask(network, args.organisation, on=on, transitive=args.transitive)


def _timeline(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import timeline

    return timeline(network, args.entity)


def _diff(network: Network, args: argparse.Namespace, on: date | None) -> Answer:
    from .answers import diff

    return diff(network, args.start, args.end)


def _run_posts(args: argparse.Namespace) -> int:
    if args.body is not None and _is_source(args.body):
        args.sources.insert(0, args.body)
        args.body = None
    return _query_command(_posts)(args)


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
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
}

COMMANDS = tuple(_HANDLERS)
"""The names of the commands, in the order of their help."""


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
