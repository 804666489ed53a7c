"""The command's argument parser: every command, its options and its help."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import TYPE_CHECKING, Any, cast


if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["build_parser", "parse_command_line"]

_EPILOG = """\
exit codes:
  0  the command answered
  1  it could not: problems in the data, an unknown or ambiguous id or name,
     an entity asked about on a day on which it did not exist,
     a file that cannot be written, validate found errors, find or lookup found nothing
  2  wrong usage

Without a command, waterketen shows the national picture: every region as of today
('waterketen show REGION' shows one).
Run 'waterketen COMMAND --help' for the options of a command; docs/cli.md has more."""


def _day(text: str) -> date:
    from .._time import as_date

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


def terminal_width() -> int:
    """The terminal's width in columns, as :func:`shutil.get_terminal_size` finds it (a test checks).

    argparse's formatter asks shutil, whose import brings the archive modules
    (zlib, bz2, lzma) into every start; the two steps it takes are taken here.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class Formatter(argparse.HelpFormatter):
    """argparse's formatter, its default width found by :func:`terminal_width` (two columns less, as
    argparse does)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, terminal_width() - 2 if width is None else width
        )


class _RawDescriptionFormatter(argparse.RawDescriptionHelpFormatter, Formatter):
    """The top-level help's formatter: its description and epilog as written."""


def _sources(sub: argparse.ArgumentParser, *, positional: bool = True, help: str | None = None) -> None:
    if positional:
        sub.add_argument(
            "sources",
            nargs="*",
            default=[],
            metavar="SOURCE",
            help=help or "files or scheme:locations to load (default: the embedded dataset)",
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
        "define-members, define-groups, resolve, at",
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


def similar(word: str, choices: list[str]) -> list[str]:
    """The choices most like ``word`` (a mistyped command or option), by the matcher of names."""
    from .._nameindex import _similar

    found = _similar(word, choices, 0.75)
    return [choice for choice, score in found if score >= found[0][1] - 0.05][:3] if found else []


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The parser of each command, by name."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def parse_command_line(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``COMMAND ARGS...``: a command's options and sources may come in any order.

    An error in a command's arguments prints that command's usage (and, for
    a mistyped option, the options it may have meant); exits as argparse does.
    """
    command = argv[0] if argv else None
    sub = _commands(parser).get(command or "")
    if command is None or sub is None:
        return parser.parse_args(argv)
    namespace = argparse.Namespace(command=command, no_plugins=False)
    subcommands = _commands(sub)
    if subcommands:  # register SUBCOMMAND ...: the subcommand's arguments, in any order
        name = argv[1] if len(argv) > 1 else None
        if name not in subcommands:
            return sub.parse_args(argv[1:], namespace)  # its usage, with the choices
        namespace.register_command = name
        sub, argv = subcommands[name], argv[1:]
    args, extras = sub.parse_known_intermixed_args(argv[1:], namespace)
    if extras:
        sub.error(f"unrecognized arguments: {' '.join(extras)}{_did_you_mean(sub, extras)}")
    return args


def _did_you_mean(sub: argparse.ArgumentParser, extras: list[str]) -> str:
    """The "; did you mean --format?" of the first unknown option that is like a known one."""
    options = [o for action in sub._actions for o in action.option_strings if o.startswith("--")]
    for extra in extras:
        if extra.startswith("--"):
            found = similar(extra.partition("=")[0], options)
            if found:
                return f"; did you mean {' or '.join(found)}?"
    return ""


class _Unbuilt:
    """Stands for the parser of a command that is not run: every call is taken and does nothing."""

    def __getattr__(self, name: str) -> Any:
        return self._take

    def _take(self, *args: object, **kwargs: object) -> _Unbuilt:
        return self


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of the command line; with ``only``, that command's in full and no other's.

    Building every command's arguments is most of the parser's cost at a
    start, and one run needs one command's: the others are left out when
    ``only`` is given (the top-level help then lists that one command only,
    so ``waterketen --help`` builds them all).
    """
    parser = argparse.ArgumentParser(
        prog="waterketen",
        description="Dutch regional water-chain cooperations as a graph through time: "
        "ask the network questions, validate sources, export it.",
        epilog=_EPILOG,
        formatter_class=_RawDescriptionFormatter,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and exit")
    parser.add_argument(
        "--no-plugins",
        action="store_true",
        help="use only the built-in sources, writers and rules for this run (anywhere on the line)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    def command(name: str, summary: str, description: str | None = None) -> argparse.ArgumentParser:
        if only is not None and name != only:
            return cast(argparse.ArgumentParser, _Unbuilt())
        return commands.add_parser(
            name,
            formatter_class=Formatter,
            help=summary,
            description=description or summary[0].upper() + summary[1:] + ".",
            epilog="exit codes: 0 answered, 1 could not answer, 2 wrong usage",
        )

    from ..model import ENTITY_TYPES, BodyKind, OrgKind

    show = command(
        "show",
        "show every region, one region (show REGION: an id or a name) or the sources' network "
        "(the default command)",
    )
    _sources(
        show,
        help="first a REGION to show (an id or a name), if any; then files or scheme:locations to load "
        "(default: the regions and the embedded dataset)",
    )
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
    check.add_argument(
        "--at", type=_day, metavar="DATE", help="check this day only, YYYY-MM-DD (default: every day)"
    )
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

    export = command(
        "export",
        "write the network in a format (json, csvdir, graphml, gexf, node-link;"
        " `waterketen writers` lists all)",
    )
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
    from ..cli_resolve import add_arguments

    add_arguments(
        command(
            "resolve",
            "resolve a column of names or codes of a spreadsheet",
            "Resolve the names or codes of one column of a CSV or TSV table and write it back "
            "with the columns code, id, rule, score, successors (the organisations it is today) and note.",
        ),
        _day,
    )
    from ..cli_register import add_register_command

    add_register_command(command)
    command("map", "draw a cooperation on a map: GeoJSON, PNG, SVG or HTML (the plugin waterketen-map)")
    return parser
