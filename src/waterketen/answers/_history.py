"""Answers across time: successors, predecessors, timelines, diffs, and the domain rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._findings import OPEN_END, OPEN_START
from ..model import Entity, Organisation, name_of
from ._resolve import _day, resolve
from ._table import Answer, Cell


if TYPE_CHECKING:
    from .._time import DateLike
    from ..checks import CheckReport
    from ..network import Network
    from ..query import Succession

__all__ = ["check", "diff", "predecessors", "successors", "timeline"]

_SUCCESSION_COLUMNS = ("id", "name", "partial", "change", "kind", "date")


def _succession_rows(found: tuple[Succession, ...]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        (
            s.organisation.id,
            name_of(s.organisation),
            s.partial,
            s.change.id,
            s.change.kind.value,
            s.change.date.isoformat(),
        )
        for s in found
    )


def successors(
    network: Network, organisation: str, *, on: DateLike | None = None, transitive: bool = False
) -> Answer:
    """What (part of) an organisation went to (``waterketen successors ORG``).

    Returns:
        Columns ``id, name, partial, change, kind, date``: one row per
        successor, with the change that made it and whether it took a part.

    Examples:
        >>> [r["name"] for r in wk.answers.successors(wk.load(), "Winsum").records()]
        ['Het Hogeland', 'Westerkwartier']
    """
    org_id = resolve(network, organisation, Organisation, on=on)
    found = network.successors(org_id, on=on, transitive=transitive)
    return Answer(
        command="successors", at=_day(on), columns=_SUCCESSION_COLUMNS, rows=_succession_rows(found)
    )


def predecessors(
    network: Network, organisation: str, *, on: DateLike | None = None, transitive: bool = False
) -> Answer:
    """What an organisation took over (``waterketen predecessors ORG``); columns as :func:`successors`.

    Examples:
        >>> [r["name"] for r in wk.answers.predecessors(wk.load(), "Eemsdelta").records()]
        ['Appingedam', 'Delfzijl', 'Loppersum']
    """
    org_id = resolve(network, organisation, Organisation, on=on)
    found = network.predecessors(org_id, on=on, transitive=transitive)
    return Answer(
        command="predecessors", at=_day(on), columns=_SUCCESSION_COLUMNS, rows=_succession_rows(found)
    )


def timeline(network: Network, entity: str) -> Answer:
    """The dated events of an entity (``waterketen timeline ENTITY``).

    Returns:
        Columns ``date, what, description, related``: the date as written
        (``2014``, ``2019-01-01``, ``2017-11..``, ``unknown``), then what
        happened and the id of the other entity involved.

    Examples:
        >>> wk.answers.timeline(wk.load(), "bedum").records()[-1]["description"]
        'merger: Bedum, De Marne, Eemsmond, Winsum (part) → Het Hogeland'
    """
    entity_id = resolve(network, entity)
    rows = tuple((e.date.isoformat(), e.what, e.description, e.related) for e in network.timeline(entity_id))
    return Answer(command="timeline", at=None, columns=("date", "what", "description", "related"), rows=rows)


def _ids(entities: tuple[Entity, ...]) -> list[str]:
    return [e.id for e in entities]


def diff(network: Network, start: DateLike, end: DateLike) -> Answer:
    """What changed between two days (``waterketen diff DATE DATE``).

    Returns:
        Columns ``change, kind, date, description``: the change events that
        explain the difference. The JSON form adds ``summary``,
        ``partners`` (the counts on each day), ``added``, ``removed`` and
        ``uncertain`` (ids).

    Examples:
        >>> wk.answers.diff(wk.load(), "2017-06-01", "2021-06-01").extra["summary"]
        '31 → 18 partners: 6 mergers, 1 reorganisation'
    """
    from ..query import describe_change

    found = network.diff(start, end)
    rows = tuple((c.id, c.kind.value, c.date.isoformat(), describe_change(network, c)) for c in found.changes)
    return Answer(
        command="diff",
        at=found.end,
        columns=("change", "kind", "date", "description"),
        rows=rows,
        extra={
            "start": found.start.isoformat(),
            "end": found.end.isoformat(),
            "summary": found.summary(),
            "partners": list(found.partners),
            "added": _ids(found.added),
            "removed": _ids(found.removed),
            "uncertain": _ids(found.uncertain),
        },
    )


def check(report: CheckReport) -> Answer:
    """The findings of the domain rules (``waterketen check``).

    Returns:
        Columns ``rule, level, message, entities, first, last, when``:
        ``first`` and ``last`` are the first and last day it holds, nothing
        where it holds on every day before or after (or is not about days);
        ``when`` says those days in words (``from 2019-01-01 until
        2020-01-01``, ``from 2020-01-01 on``). The JSON
        form adds ``ok``, ``rules`` and ``days`` (how many were checked);
        its ``at`` is the day asked about (``None`` for the whole history).

    Examples:
        >>> answer = wk.answers.check(wk.load().check(on="2016-01-01"))
        >>> answer.extra["ok"], len(answer), answer.to_json()["at"]
        (True, 0, '2016-01-01')
    """
    rows = tuple(
        (
            f.rule,
            f.level.value,
            f.message,
            f.entities,
            None if f.first is None or f.first <= OPEN_START else f.first.isoformat(),
            None if f.last is None or f.last >= OPEN_END else f.last.isoformat(),
            f.when() or None,
        )
        for f in report.findings
    )
    return Answer(
        command="check",
        at=report.on,
        columns=("rule", "level", "message", "entities", "first", "last", "when"),
        rows=rows,
        extra={"ok": report.ok, "rules": list(report.rules), "days": len(report.days)},
    )
