"""``waterketen map [REGION] --at DAY -o FILE``: the command, called by the core's ``map`` sub-command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date

import waterketen as wk
import waterketen.model
from waterketen.export import write_atomically


__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SUFFIXES = (".geojson", ".png", ".svg", ".html")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="waterketen map",
        description="Draw a cooperation on a map: GeoJSON, a PNG or SVG picture, or an offline web page "
        "(the suffix of FILE chooses).",
        epilog="exit codes: 0 written, 1 could not (unknown region, bad data, file not written), 2 usage",
    )
    parser.add_argument(
        "region", nargs="?", metavar="REGION", help="the cooperation (id or name); default: all"
    )
    parser.add_argument(
        "--at",
        metavar="DAY",
        help="the day, YYYY-MM-DD (default: today; for .html: every day on which the map changes)",
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the file: " + ", ".join(SUFFIXES)
    )
    parser.add_argument(
        "--national", action="store_true", help="a picture of the country, one colour per cooperation"
    )
    parser.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="LOCATION",
        help="load this source instead of the embedded dataset (repeatable)",
    )
    return parser


def _region(net: wk.Network, text: str | None) -> str | None:
    if text is None or text in net:
        return text
    found = net.find(text, kind=wk.Cooperation)
    if len(found) != 1:
        names = ", ".join(c.name for c in net.entities(wk.Cooperation))
        raise wk.UnknownEntityError(f"no one cooperation is called {text!r}; the cooperations are {names}")
    return found[0].id


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``waterketen map`` with the arguments after ``map``; return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    suffix = next((s for s in SUFFIXES if args.output.lower().endswith(s)), None)
    if suffix is None:
        print(
            f"waterketen map: error: FILE must end in {', '.join(SUFFIXES)}, got {args.output!r}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.at is not None:
        try:
            instant = wk.model.parse_instant(args.at)
            if not isinstance(instant, date):
                raise ValueError(f"a map needs a whole day (YYYY-MM-DD), got {args.at!r}")
            day: date | None = instant
        except ValueError as exc:
            print(f"waterketen map: error: --at: {exc}", file=sys.stderr)
            return EXIT_USAGE
    else:
        day = None
    from . import geojson, page, picture

    try:
        net = wk.load(*args.source)
        region = _region(net, args.region)
        if suffix == ".geojson":
            document = geojson(net, region, on=day or date.today())
            write_atomically(args.output, json.dumps(document, ensure_ascii=False) + "\n")
        elif suffix == ".html":
            page(net, region, on=day).save(args.output)
        else:
            picture(net, region, on=day or date.today(), national=args.national or None).save(args.output)
    except (wk.WaterketenError, OSError) as exc:
        print(f"waterketen map: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {args.output}")
    return EXIT_OK
