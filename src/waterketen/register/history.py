"""Read the CBS history notes of municipality codes (Dutch free text) into dated facts.

The notes (``cbsComment`` in the CBS identifier list, kept in
``data/register/municipality-history.csv``) are short Dutch sentences with
dates written ``01-01-2004`` or ``1-1-2004``: "Ontstaan per 01-01-2011",
"Opgeheven per 01-01-2003 over naar: Terneuzen.", "Naamswijziging per
01-01-2003 oude naam: Olst.", "Begindatum voor 1830", ... :func:`parse_history`
turns each sentence it knows into a :class:`HistoryFact` and returns every
piece of text it does not know as :class:`Unparsed`, so nothing is dropped
silently.

Examples:
    >>> facts, unparsed = parse_history([{"code": "GM0555", "name": "Maasland",
    ...     "comment": "Opgeheven per 01-01-2004 over naar: Midden-Delfland, Westland en. Maassluis."}])
    >>> facts[0].kind, facts[0].day.isoformat(), facts[0].names
    ('abolished', '2004-01-01', ('Midden-Delfland', 'Westland', 'Maassluis'))
    >>> parse_history([{"code": "GM0599D06", "name": "Rotterdam - dg Charlois",
    ...                 "comment": "dg = deelgemeente"}])[1]
    (Unparsed(code='GM0599D06', name='Rotterdam - dg Charlois', text='dg = deelgemeente'),)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Literal

from attrs import frozen

from .._time import Between, Bound


__all__ = ["FactKind", "HistoryFact", "Unparsed", "parse_history"]

FactKind = Literal["created", "abolished", "renamed", "began", "boundary", "reorganised"]
"""What a sentence of a note states."""

_D = r"(\d{1,2}-\d{1,2}-\d{4})"
_NAMES = r"(?P<names>(?:[^.]|(?<=,)\.|(?<=\ben)\.)+?)(?<!,)(?<!\ben)\.(?=\s|$)"
"""A list of names up to its full stop; ``,.`` and ``en.`` are left-overs of line breaks, not stops."""
_PARCEL = re.compile(
    r"-\s*(?P<name>.+?)\s*\((?P<code>GM\d{4})\),\.\s*\.\.\.\s*\d+ hectare met \d+ woningen en \d+ inwoners\."
)
_SENTENCES: tuple[tuple[FactKind, re.Pattern[str]], ...] = (
    ("created", re.compile(rf"Ontstaan per {_D}")),
    ("created", re.compile(rf"Nieuw gevormd per {_D}(?: uit: {_NAMES}| oude naam: (?P<old>[^.]+)\.)?")),
    ("abolished", re.compile(rf"Opgeheven per {_D} over naar: {_NAMES}")),
    ("renamed", re.compile(rf"Naamswijziging per {_D}(?: (?:oude|nieuwe) naam: (?P<old>[^.]+)\.)?")),
    ("began", re.compile(rf"Begindatum (?:{_D}|voor (?P<year>\d{{4}}))")),
    (
        "boundary",
        re.compile(
            rf"Grenswijziging per {_D}, (?:overgegaan naar|ontvangen van):\.?"
            r"(?P<parcels>(?:\s*-\s*.+?\s*\(GM\d{4}\),\.\s*\.\.\.\s*"
            r"\d+ hectare met \d+ woningen en \d+ inwoners\.)+)"
        ),
    ),
    ("boundary", re.compile(rf"Grenscorrectie per {_D}(?: over naar (?P<to>[^:]+): {_NAMES}|\.)")),
    ("reorganised", re.compile(rf"Gemeentelijke herindeling per {_D}\.?")),
)
_LEFTOVER = re.compile(r"^[\s.,]*$")


@frozen(kw_only=True)
class HistoryFact:
    """One dated sentence of a code's note, as the note states it."""

    code: str
    name: str
    kind: FactKind
    day: date | None
    """The day the note gives; ``None`` for "Begindatum voor 1830" (see :attr:`bound`)."""
    bound: Bound
    """The day as a bound: the day itself, or a range ("voor 1830": on or before 1829-12-31)."""
    names: tuple[str, ...] = ()
    """The other municipalities the sentence names (successors, parts, the old or new name)."""
    codes: tuple[str, ...] = ()
    """The GM codes the sentence names (a boundary change's other municipalities)."""
    text: str


@frozen(kw_only=True)
class Unparsed:
    """A piece of a note that no known sentence matches."""

    code: str
    name: str
    text: str


def _day(text: str) -> date:
    day, month, year = (int(p) for p in text.split("-"))
    return date(year, month, day)


def _split_names(text: str) -> tuple[str, ...]:
    cleaned = text.replace(",.", ",").replace(" en. ", " en ")
    return tuple(n.strip(" .") for n in re.split(r",\s*|\s+en\s+", cleaned) if n.strip(" ."))


def _fact(code: str, name: str, kind: FactKind, match: re.Match[str]) -> HistoryFact:
    groups = match.groupdict()
    day = _day(match.group(1)) if match.group(1) else None
    # "voor 1830": on or before the last day of the year before.
    bound: Bound = day if day is not None else Between(latest=date(int(groups["year"]) - 1, 12, 31))
    names: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    if groups.get("names"):
        names = _split_names(groups["names"])
    if groups.get("to"):
        names = (groups["to"].strip(), *names)
    if groups.get("old"):
        names = (groups["old"].strip(),)
    if groups.get("parcels"):
        parcels = list(_PARCEL.finditer(groups["parcels"]))
        names = tuple(p.group("name") for p in parcels)
        codes = tuple(p.group("code") for p in parcels)
    return HistoryFact(
        code=code, name=name, kind=kind, day=day, bound=bound, names=names, codes=codes, text=match.group(0)
    )


def parse_history(rows: Iterable[Mapping[str, str]]) -> tuple[tuple[HistoryFact, ...], tuple[Unparsed, ...]]:
    """The facts of every note (rows with ``code``, ``name``, ``comment``), and what did not parse.

    A note that yields no fact at all (GM0199 Angerlo's is just ``.``) is
    reported whole as unparsed; so is every stretch of text between known
    sentences that is more than punctuation.
    """
    facts: list[HistoryFact] = []
    unparsed: list[Unparsed] = []
    for row in rows:
        code, name, comment = row["code"], row["name"], row["comment"]
        spans: list[tuple[int, int]] = []
        found: list[tuple[int, HistoryFact]] = []
        for kind, pattern in _SENTENCES:
            for match in pattern.finditer(comment):
                if any(s < match.end() and match.start() < e for s, e in spans):
                    continue  # a stretch an earlier pattern already read
                spans.append(match.span())
                found.append((match.start(), _fact(code, name, kind, match)))
        facts.extend(f for _, f in sorted(found, key=lambda pair: pair[0]))
        position = 0
        for start, end in sorted(spans):
            if not _LEFTOVER.match(comment[position:start]):
                unparsed.append(Unparsed(code=code, name=name, text=comment[position:start].strip()))
            position = end
        rest = comment[position:]
        if not _LEFTOVER.match(rest):
            unparsed.append(Unparsed(code=code, name=name, text=rest.strip()))
        elif not found:
            unparsed.append(Unparsed(code=code, name=name, text=comment))
    return tuple(facts), tuple(unparsed)
