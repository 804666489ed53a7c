"""Build the municipalities of 1 January 2010-2025 and their successions as entities of the model.

One CBS code is one :class:`~waterketen.Organisation`, with its spellings
over the years as other names (:class:`~waterketen.Name` with a period),
except where a merger formed a *new* municipality that kept one
predecessor's code (Groningen, GM0014, 2019): the code then denotes two
organisations in time, the second with the year in its id
(``groningen-2019``). Every succession becomes a :class:`~waterketen.Change`
citing its sources.

Dates: the lists are snapshots of 1 January. A code present on 1 January
2010 started *no later than* that day (``Between(latest=2010-01-01)``)
unless the CBS history note gives its start; a code that comes or goes
starts or ends on the date of its succession, or else on the first 1
January it is present, or absent.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

import attrs
from attrs import frozen

from .._time import Between, Bound, Period
from ..model import Change, ChangeKind, Identifier, Name, Organisation, OrgKind, Part, Provenance
from ._data import CBS_LIST, boundary_file, read_rows, sources_of
from .history import HistoryFact, parse_history


__all__ = ["municipalities", "slug"]

FIRST_YEAR, LAST_YEAR = 2010, 2025
_KINDS = {
    "merger": ChangeKind.MERGER,
    "absorption": ChangeKind.ABSORPTION,
    "split": ChangeKind.SPLIT,
    "boundary-correction": ChangeKind.BOUNDARY_CORRECTION,
    "rename": ChangeKind.RENAME,
    "unknown": ChangeKind.UNKNOWN,
}


def slug(name: str) -> str:
    """The id form of a name: lower case, no accents or apostrophes, words joined by ``-``.

    Examples:
        >>> slug("Bergen (NH.)"), slug("'s-Hertogenbosch"), slug("Súdwest-Fryslân")
        ('bergen-nh', 's-hertogenbosch', 'sudwest-fryslan')
    """
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    bare = re.sub(r"['’‘`´]", "", bare.casefold())
    return re.sub(r"[^0-9a-z]+", "-", bare).strip("-")


@frozen
class _Era:
    """One organisation of a code: the years the lists show it, its start and end."""

    code: str
    id: str
    years: tuple[int, ...]
    start: Bound
    end: Bound | None


def _first_of_january(year: int) -> date:
    return date(year, 1, 1)


def _first_year_on(day: date) -> int:
    """The first year whose list of 1 January shows what changed on ``day``."""
    return day.year if (day.month, day.day) == (1, 1) else day.year + 1


def _names(
    code: str, years: Iterable[int], by_year: dict[tuple[int, str], str], start: Bound
) -> tuple[str, tuple[Name, ...]]:
    """The name of today (the last spelling) and the earlier spellings with their periods."""
    spellings: list[tuple[str, int]] = []  # (spelling, first year)
    for year in sorted(years):
        spelling = by_year[year, code]
        if not spellings or spellings[-1][0] != spelling:
            spellings.append((spelling, year))
    others = []
    for index, (spelling, first) in enumerate(spellings[:-1]):
        begin: Bound = start if index == 0 else _first_of_january(first)
        others.append(
            Name(name=spelling, period=Period(start=begin, end=_first_of_january(spellings[index + 1][1])))
        )
    return spellings[-1][0], tuple(others)


def _id_name(code: str, years: Iterable[int], by_year: dict[tuple[int, str], str]) -> str:
    """The spelling an id is made from: the one of most years (the later one on a tie)."""
    counts = Counter(by_year[y, code] for y in years)
    last = {by_year[y, code]: y for y in sorted(years)}
    return max(counts, key=lambda s: (counts[s], last[s]))


def _history_starts(facts: Iterable[HistoryFact]) -> dict[str, Bound]:
    """The start of a code that its note gives ("Ontstaan per", "Nieuw gevormd per", "Begindatum")."""
    out: dict[str, Bound] = {}
    for fact in facts:
        if fact.kind in ("created", "began") and fact.code not in out:
            out[fact.code] = fact.bound
    return out


def municipalities() -> tuple[list[Organisation], list[Change]]:
    """The municipalities of 1 January 2010-2025 and the changes between them."""
    rows = read_rows("municipalities-by-year.csv")
    by_year = {(int(r["year"]), r["code"]): r["name"] for r in rows}
    years_of: dict[str, list[int]] = defaultdict(list)
    for year, code in sorted(by_year):
        years_of[code].append(year)
    successions = read_rows("successions.csv")
    facts, _ = parse_history(read_rows("municipality-history.csv"))
    starts = _history_starts(facts)
    history_codes = {f.code for f in facts}

    # Where a merger formed a new municipality under a kept code, the code has two eras.
    new_under_kept: dict[str, list[date]] = defaultdict(list)
    for row in successions:
        day = date.fromisoformat(row["date"])
        if (
            row["kind"] == "merger"
            and row["keeps_code"] == "yes"
            and day.year - 1 >= years_of[row["to_code"]][0]
            and day not in new_under_kept[row["to_code"]]
        ):
            new_under_kept[row["to_code"]].append(day)
    came: dict[str, date] = {}
    left: dict[str, date] = {}
    for row in successions:
        day = date.fromisoformat(row["date"])
        to_years, from_years = years_of[row["to_code"]], years_of[row["from_code"]]
        if to_years[0] > FIRST_YEAR and _first_year_on(day) == to_years[0]:
            came.setdefault(row["to_code"], day)
        if from_years[-1] < LAST_YEAR and _first_year_on(day) == from_years[-1] + 1:
            left.setdefault(row["from_code"], day)

    eras: dict[str, list[_Era]] = {}
    for code, years in years_of.items():
        first, last = years[0], years[-1]
        start: Bound
        if first == FIRST_YEAR:
            start = starts.get(code, Between(latest=_first_of_january(FIRST_YEAR)))
        else:
            start = came.get(code) or starts.get(code) or _first_of_january(first)
        end = None if last == LAST_YEAR else left.get(code, _first_of_january(last + 1))
        cuts = sorted(new_under_kept.get(code, ()))
        bounds = [start, *cuts]
        ends: list[Bound | None] = [*cuts, end]
        eras[code] = []
        for index, (begin, finish) in enumerate(zip(bounds, ends, strict=True)):
            low = _first_year_on(begin) if isinstance(begin, date) and index else first
            high = _first_year_on(finish) if isinstance(finish, date) and index < len(cuts) else last + 1
            era_years = tuple(y for y in years if low <= y < high)
            base = slug(_id_name(code, era_years, by_year))
            ident = base if index == 0 else f"{base}-{begin.year}"  # type: ignore[union-attr]
            eras[code].append(_Era(code=code, id=ident, years=era_years, start=begin, end=finish))

    orgs = [_organisation(era, by_year, code in history_codes) for code in eras for era in eras[code]]
    _check_unique(o.id for o in orgs)
    changes = _changes(successions, eras)
    return _with_kept_code_notes(orgs, changes, eras), changes


def _with_kept_code_notes(
    orgs: list[Organisation], changes: list[Change], eras: dict[str, list[_Era]]
) -> list[Organisation]:
    """Say of the two organisations of a kept code which is which."""
    by_id = {o.id: o for o in orgs}
    notes: dict[str, str] = {}
    for code, found in eras.items():
        for old, new in itertools.pairwise(found):
            notes[old.id] = f"The municipality before {new.start}; its successor kept the code."
            merger = next(
                c for c in changes if c.kind is ChangeKind.MERGER and any(p.id == new.id for p in c.after)
            )
            others = sorted((by_id[p.id].name for p in merger.before if p.id != old.id), key=str.casefold)
            names = " + ".join([by_id[old.id].name, *others])
            notes[new.id] = f"The new municipality {by_id[new.id].name} ({names}), which kept code {code}."
    return [attrs.evolve(o, note=notes[o.id]) if o.id in notes else o for o in orgs]


def _organisation(era: _Era, by_year: dict[tuple[int, str], str], noted: bool) -> Organisation:
    name, others = _names(era.code, era.years, by_year, era.start)
    provenance = [boundary_file(era.years[0])]
    if era.years[-1] != era.years[0]:
        provenance.append(boundary_file(era.years[-1]))
    if noted:
        provenance.append(Provenance(source=CBS_LIST.source, locator=f"{CBS_LIST.locator}, cbsId {era.code}"))
    return Organisation(
        id=era.id,
        name=name,
        kind=OrgKind.MUNICIPALITY,
        identifiers=(Identifier(scheme="cbs", value=era.code),),
        other_names=others,
        period=Period(start=era.start, end=era.end),
        provenance=tuple(provenance),
    )


def _check_unique(ids: Iterable[str]) -> None:
    twice = [i for i, n in Counter(ids).items() if n > 1]
    if twice:
        raise ValueError(f"the id rule gives these ids to several organisations: {', '.join(sorted(twice))}")


def _era_on(eras: list[_Era], day: date) -> _Era:
    """The organisation of a code on a day (the last one that started by then)."""
    for era in reversed(eras):
        if not isinstance(era.start, date) or era.start <= day:
            return era
    return eras[0]


def _changes(successions: list[dict[str, str]], eras: dict[str, list[_Era]]) -> list[Change]:
    """The succession rows as changes: one per merger (by its new or receiving
    municipality), one per split (by the municipality split)."""
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for row in successions:
        side = row["from_code"] if row["kind"] == "split" else row["to_code"]
        groups[row["date"], row["kind"], side].append(row)
    changes: list[Change] = []
    used: Counter[str] = Counter()
    for (day_text, kind_text, _), rows in groups.items():
        day = date.fromisoformat(day_text)
        kind = _KINDS[kind_text]
        split = kind is ChangeKind.SPLIT
        before: dict[str, Part] = {}
        after: dict[str, Part] = {}
        unsure: list[str] = []
        for row in rows:
            source = _era_on(eras[row["from_code"]], day - timedelta(days=1))
            target = _era_on(eras[row["to_code"]], day)
            partial = row["partial"] == "yes"
            if row["partial"] == "unknown":
                unsure.append(f"{row['from_name']} ({row['from_code']})")
            before.setdefault(source.id, Part(id=source.id, partial=partial and not split))
            after.setdefault(target.id, Part(id=target.id, partial=partial and split))
        kept = [r for r in rows if r["keeps_code"] == "yes"]
        if kept and kind is ChangeKind.MERGER:
            old = _era_on(eras[kept[0]["to_code"]], day - timedelta(days=1))
            if old.id not in after:
                before = {old.id: Part(id=old.id), **before}
        notes = []
        if kind is ChangeKind.UNKNOWN:
            notes.append("No source says whether this was a merger into a new municipality or an absorption.")
        if unsure:
            notes.append(f"Whether the whole of {', '.join(unsure)} went over is not known.")
        if any(r["status"] != "verified" for r in rows):
            notes.append(
                "Not verified: "
                + ", ".join(f"{r['from_name']} → {r['to_name']}" for r in rows if r["status"] != "verified")
            )
        anchor = next(iter(before if split else after))
        base = (
            f"{kind.value}-{anchor}"
            if anchor.endswith(f"-{day.year}")
            else f"{kind.value}-{anchor}-{day.year}"
        )
        used[base] += 1
        sources = dict.fromkeys(p for r in rows if r["source_url"] for p in sources_of(r["source_url"]))
        changes.append(
            Change(
                id=base if used[base] == 1 else f"{base}-{used[base]}",
                kind=kind,
                date=day,
                before=tuple(before.values()),
                after=tuple(after.values()),
                description=(
                    f"A new municipality that kept code {kept[0]['to_code']}."
                    if kept and kind is ChangeKind.MERGER
                    else None
                ),
                note=" ".join(notes) or None,
                provenance=tuple(sources),
            )
        )
    return changes
