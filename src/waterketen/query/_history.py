"""Questions across time: successors, predecessors, timelines and diffs.

Functions take the network first and return plain values (networkx's habit);
:class:`~waterketen.Network` offers each as a method.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from attrs import frozen

from .._index import every
from .._time import Bound, Certainty, DateLike, Period, Unknown, _lo, as_date
from ..errors import AmbiguityError
from ..model import (
    Change,
    ChangeKind,
    Entity,
    Organisation,
    Part,
    name_of,
)
from ._refs import entity_id


if TYPE_CHECKING:
    from ..network import Network

__all__ = [
    "Diff",
    "Event",
    "Succession",
    "changes",
    "describe_change",
    "diff",
    "predecessors",
    "successors",
    "timeline",
]


@frozen(kw_only=True)
class Succession:
    """One link of succession: an organisation, whole or in part, and the change that made it."""

    organisation: Entity
    partial: bool
    change: Change


@frozen(kw_only=True)
class Event:
    """One dated event in the timeline of an entity."""

    date: Bound
    what: str
    """``start``, ``end``, ``joined``, ``left``, ``held``, ``change``, ..."""
    description: str
    related: str | None = None
    """The id of the other entity involved (the group, the post, the change)."""


def changes(
    network: Network, organisation: str | None = None, *, on: DateLike | None = None
) -> tuple[Change, ...]:
    """The change events (of one organisation, when given) in date order (until ``on``, when given).

    Examples:
        >>> [c.id for c in wk.load().changes("winsum")]
        ['gnd-herindeling-het-hogeland-2019', 'gnd-herindeling-westerkwartier-2019']
    """
    if organisation is not None:
        organisation = entity_id(network, organisation, on=on)
    found = (
        network.entities(Change) if organisation is None else every(network.index.changes_of, organisation)
    )
    day = None if on is None else as_date(on)
    return tuple(
        sorted(
            (c for c in found if day is None or _made_on(c) <= day),
            key=_made_on,
        )
    )


def _sure_by(change: Change, day: date | None) -> bool:
    return day is None or Period(start=change.date).contains(day)


def _made_on(change: Change) -> date:
    """The first day a change may have been made: the order of :func:`changes`."""
    return _lo(change.date)


def _links(
    network: Network, organisation: str, day: date | None, forward: bool
) -> Iterator[tuple[str, bool, Change]]:
    found = every(network.index.changes_of, organisation)
    for change in sorted(found, key=_made_on) if len(found) > 1 else found:
        if not _sure_by(change, day):
            continue
        here, there = (change.before, change.after) if forward else (change.after, change.before)
        mine = [p for p in here if p.id == organisation]
        if not mine:
            continue
        for part in there:
            if part.id != organisation:
                yield part.id, mine[0].partial or part.partial, change


def _follow(
    network: Network, organisation: str, on: DateLike | None, transitive: bool, forward: bool
) -> tuple[Succession, ...]:
    day = None if on is None else as_date(on)
    out: dict[str, Succession] = {}
    queue = [(organisation, False)]
    seen = {organisation}
    while queue:
        current, partial_so_far = queue.pop(0)
        for other, partial, change in _links(network, current, day, forward):
            partial = partial or partial_so_far
            if other not in out:
                entity = network.index.entities.get(other) or network[other]  # network[] tells an unknown id
                out[other] = Succession(organisation=entity, partial=partial, change=change)
            if transitive and other not in seen:
                seen.add(other)
                queue.append((other, partial))
    return tuple(out.values())


def successors(
    network: Network, organisation: str, *, on: DateLike | None = None, transitive: bool = False
) -> tuple[Succession, ...]:
    """The organisations that took over (part of) ``organisation`` by ``on``.

    Args:
        organisation: the id of the organisation, or a name that names one.
        on: count only the changes surely made by that day (default: all).
        transitive: follow successors of successors as well.

    Examples:
        >>> net = wk.load()
        >>> [(s.organisation.name, s.partial) for s in net.successors("winsum", on="2019-01-01")]
        [('Het Hogeland', True), ('Westerkwartier', True)]
    """
    organisation = entity_id(network, organisation, Organisation, on=on)
    return _follow(network, organisation, on, transitive, forward=True)


def predecessors(
    network: Network, organisation: str, *, on: DateLike | None = None, transitive: bool = False
) -> tuple[Succession, ...]:
    """The organisations (part of) which ``organisation`` took over by ``on``.

    Examples:
        >>> net = wk.load()
        >>> [s.organisation.name for s in net.predecessors("eemsdelta")]
        ['Appingedam', 'Delfzijl', 'Loppersum']
    """
    organisation = entity_id(network, organisation, Organisation, on=on)
    return _follow(network, organisation, on, transitive, forward=False)


def _sort_key(bound: Bound) -> tuple[int, date]:
    return (0, date.min) if isinstance(bound, Unknown) else (1, _lo(bound))


def timeline(network: Network, entity_id: str) -> tuple[Event, ...]:
    """The dated events of an entity: its start and end, the changes it took
    part in, the groups it joined and left, the posts it held. Events whose
    date no source gives come first, marked ``unknown``.

    Examples:
        >>> for event in wk.load().timeline("bedum")[-3:]:
        ...     print(event.date, event.what, event.description)
        2019-01-01 left left Groningen & Noord-Drenthe
        2019-01-01 left left BMWE
        2019-01-01 change merger: Bedum, De Marne, Eemsmond, Winsum (part) → Het Hogeland
    """
    entity = network[entity_id]
    events: list[Event] = []
    period = entity.period if not isinstance(entity, Change) else None
    label = name_of(entity)
    if period is not None:
        if period.start is not None:
            events.append(Event(date=period.start, what="start", description=f"{label} starts"))
        if period.end is not None:
            events.append(Event(date=period.end, what="end", description=f"{label} ends"))
    for membership in network.memberships(entity_id):
        if membership.member != entity_id:
            continue
        group = name_of(network[membership.group])
        if membership.period.start is not None:
            events.append(
                Event(
                    date=membership.period.start,
                    what="joined",
                    description=f"joined {group}",
                    related=membership.group,
                )
            )
        if membership.period.end is not None:
            events.append(
                Event(
                    date=membership.period.end,
                    what="left",
                    description=f"left {group}",
                    related=membership.group,
                )
            )
    for tenure in network.tenures(entity_id):
        other = tenure.post if tenure.holder == entity_id else tenure.holder
        verb = "holds" if tenure.holder == entity_id else "held by"
        for bound, what in ((tenure.period.start, "from"), (tenure.period.end, "until")):
            if bound is not None:
                events.append(
                    Event(
                        date=bound,
                        what="held",
                        description=f"{verb} {name_of(network[other])} {what}",
                        related=other,
                    )
                )
    for change in network.changes(entity_id):
        events.append(
            Event(
                date=change.date,
                what="change",
                description=describe_change(network, change),
                related=change.id,
            )
        )
    events.sort(key=lambda e: _sort_key(e.date))
    return tuple(events)


def describe_change(network: Network, change: Change) -> str:
    """A change in one line: ``merger: A, B (part) → C``."""

    def side(parts: tuple[Part, ...]) -> str:
        labels = []
        for part in parts:
            label = name_of(network[part.id]) if part.id in network else part.id
            labels.append(f"{label} (part)" if part.partial else label)
        return ", ".join(labels) or "(none)"

    return f"{change.kind.value}: {side(change.before)} → {side(change.after)}"


@frozen(kw_only=True)
class Diff:
    """What changed from one day to another, and the change events that explain it.

    Applying ``removed`` and ``added`` to the entities of ``net.at(start)``
    gives exactly the entities of ``net.at(end)``, change events included:
    ``at(end) == (at(start) - removed) | added``. A diff may go backwards
    (``end`` before ``start``): then the change events are those undone.
    """

    start: date
    end: date
    changes: tuple[Change, ...]
    """The change events between the days: made by ``end`` and not by ``start``
    (backwards: made by ``start`` and not by ``end``, the events undone)."""
    added: tuple[Entity, ...]
    """What ``at(end)`` holds and ``at(start)`` does not (change events made in between too)."""
    removed: tuple[Entity, ...]
    """What ``at(start)`` holds and ``at(end)`` does not."""
    partners: tuple[int, int]
    """The number of partners of the cooperation (when there is one) on each day."""
    uncertain: tuple[Entity, ...]
    """Entities uncertain on either day: the diff does not pretend to know them."""

    @property
    def backward(self) -> bool:
        """True when ``end`` is before ``start``."""
        return self.end < self.start

    def __repr__(self) -> str:
        from .._display import diff_repr

        return diff_repr(self)

    def _repr_html_(self) -> str:
        from .._display import diff_html

        return diff_html(self)

    def explain(self, entity_id: str) -> tuple[Change, ...]:
        """The change events among :attr:`changes` that involve the entity."""
        return tuple(c for c in self.changes if any(p.id == entity_id for p in (*c.before, *c.after)))

    def summary(self) -> str:
        """The diff in one line, such as ``31 → 18 partners: 6 mergers, 1 boundary correction``.

        Backwards the events are undone: ``18 → 31 partners: 6 mergers, 1 reorganisation undone``.
        """
        counts = Counter(c.kind for c in self.changes)
        kinds = ", ".join(
            f"{n} {_plural(kind, n)}" for kind, n in sorted(counts.items(), key=lambda kv: kv[0].value)
        )
        if kinds and self.backward:
            kinds += " undone"
        before, after = self.partners
        return f"{before} → {after} partners: {kinds or 'no change events'}"


def _plural(kind: ChangeKind, n: int) -> str:
    word = kind.value.replace("-", " ")
    return word if n == 1 else f"{word}s"


def diff(network: Network, start: DateLike, end: DateLike) -> Diff:
    """What changed from ``start`` to ``end``, explained by change events; backwards when ``end`` is earlier.

    Examples:
        >>> d = wk.load().diff("2017-06-01", "2021-06-01")
        >>> d.summary()
        '31 → 18 partners: 6 mergers, 1 reorganisation'
        >>> [c.date.isoformat() for c in d.explain("bedum")]
        ['2019-01-01']
        >>> back = wk.load().diff("2021-06-01", "2017-06-01")
        >>> back.summary(), "bedum" in {e.id for e in back.added}
        ('18 → 31 partners: 6 mergers, 1 reorganisation undone', True)
    """
    a, b = as_date(start), as_date(end)
    before = {e.id: e for e in network.at(a)}
    after = {e.id: e for e in network.at(b)}
    early, late = min(a, b), max(a, b)
    changes = tuple(
        c
        for c in network.changes()
        if Period(start=c.date).certainty(early) is not Certainty.YES
        and Period(start=c.date).certainty(late) is Certainty.YES
    )
    uncertain = {e.id: e for e in (*network.at(a).uncertain(), *network.at(b).uncertain())}
    try:
        partners = (len(network.partners(on=a)), len(network.partners(on=b)))
    except AmbiguityError:  # not one cooperation: no single count
        partners = (0, 0)
    return Diff(
        start=a,
        end=b,
        changes=changes,
        added=tuple(e for i, e in after.items() if i not in before),
        removed=tuple(e for i, e in before.items() if i not in after),
        partners=partners,
        uncertain=tuple(uncertain.values()),
    )
