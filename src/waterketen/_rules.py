"""The built-in rules, registered as a default plugin like the built-in sources.

Every rule speaks only of what the data surely says: a day on which a
period is uncertain is not held against it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta

from ._html import period_text
from ._time import Bound, Certainty, _hi, _lo
from .checks import Check, Finding, Level, iter_pairs, possible_days, sure_days
from .hookspecs import hookimpl
from .matching import find_matches
from .model import (
    Agreement,
    Body,
    Change,
    ChangeKind,
    Cluster,
    Cooperation,
    Entity,
    Membership,
    Organisation,
    OrgKind,
    Post,
    Role,
    Tenure,
    name_of,
    period_of,
)
from .network import Network


def _label(entity: Entity) -> str:
    return f"{name_of(entity)} ({entity.id})"


def _seats(n: int) -> str:
    return "1 member seat" if n == 1 else f"{n} member seats"


def one_cluster(network: Network, days: Sequence[date]) -> Iterator[Finding]:
    """Every municipality partner is in exactly one cluster of its cooperation,
    on every day the cluster division is surely known."""
    for coop in network.entities(Cooperation):
        clusters_ever = [c for c in network.entities(Cluster) if c.cooperation == coop.id]
        for day in days:
            clusters = [c for c in clusters_ever if c.period.contains(day)]
            if not clusters or any(not c.members_known for c in clusters):
                continue
            if any(c.period.certainty(day) is Certainty.UNCERTAIN for c in clusters_ever):
                continue
            ids = {c.id for c in clusters}
            for org in network.partners(coop.id, on=day, kind=OrgKind.MUNICIPALITY):
                memberships = [
                    m for m in network.memberships(org.id) if m.member == org.id and m.group in ids
                ]
                if any(m.period.certainty(day) is Certainty.UNCERTAIN for m in memberships):
                    continue
                found = [network[m.group] for m in memberships if m.period.contains(day)]
                if len(found) == 1:
                    continue
                where = ", ".join(name_of(c) for c in found) if found else "none"
                yield Finding(
                    rule="one-cluster",
                    level=Level.ERROR,
                    message=f"{_label(org)} is in {len(found)} clusters of {name_of(coop)} ({where}), not 1",
                    entities=(org.id, coop.id, *(c.id for c in found)),
                    first=day,
                    last=day,
                )


def seat_count(network: Network, days: Sequence[date]) -> Iterator[Finding]:
    """A body with a stated number of seats has that many member seats, each
    representing a distinct cluster or partner that exists on that day."""
    for body in network.entities(Body):
        if body.seats is None:
            continue
        posts = network.posts(body.id)
        for day in days:
            if not body.period.contains(day):
                continue
            if any(p.period.certainty(day) is Certainty.UNCERTAIN for p in posts):
                continue  # the data does not say which seats there were
            seats = [s for s in network.seats(body.id, on=day) if s.role is Role.MEMBER]
            base = {"rule": "seat-count", "level": Level.ERROR, "first": day, "last": day}
            if len(seats) != body.seats:
                yield Finding(
                    message=f"{_label(body)} has {_seats(len(seats))} where {body.seats} are stated",
                    entities=(body.id,),
                    **base,  # type: ignore[arg-type]
                )
            represented = [s.represents for s in seats if s.represents is not None]
            twice = sorted({r.id for r in represented if sum(o.id == r.id for o in represented) > 1})
            for entity_id in twice:
                yield Finding(
                    message=f"{_label(body)} has several seats representing {_label(network[entity_id])}",
                    entities=(body.id, entity_id),
                    **base,  # type: ignore[arg-type]
                )
            for seat in seats:
                other = seat.represents
                if other is not None and period_of(other).certainty(day) is Certainty.NO:
                    yield Finding(
                        message=f"{_label(seat.post)} represents {_label(other)}, which does not exist then",
                        entities=(seat.post.id, other.id),
                        **base,  # type: ignore[arg-type]
                    )


_SINGLE = frozenset({Role.CHAIR, Role.SECRETARY, Role.LEAD})


def single_holder(network: Network, days: Sequence[date]) -> Iterator[Finding]:
    """A post meant for one holder (a chair, secretary or lead) never has two
    holders at once; a gap between holders is a note."""
    for post in network.entities(Post):
        if not any(d.role in _SINGLE for d in post.duties):
            continue
        tenures = sorted(
            (t for t in network.tenures(post.id) if t.post == post.id), key=lambda t: t.period.earliest_start
        )
        for i, j in iter_pairs(tenures):
            a, b = tenures[i], tenures[j]
            if a.period.overlaps(b.period):
                first = max(a.period.latest_start, b.period.latest_start)
                last = min(a.period.earliest_end, b.period.earliest_end) - timedelta(days=1)
                yield Finding(
                    rule="single-holder",
                    level=Level.ERROR,
                    message=f"{_label(post)} has two holders at once: "
                    f"{_label(network[a.holder])} and {_label(network[b.holder])}",
                    entities=(post.id, a.holder, b.holder),
                    first=first,
                    last=last,
                )
        for a, b in itertools.pairwise(tenures):
            gap_from, gap_until = a.period.latest_end, b.period.earliest_start
            if gap_from < gap_until:
                yield Finding(
                    rule="single-holder",
                    level=Level.NOTE,
                    message=f"{_label(post)} has no holder between {_label(network[a.holder])} "
                    f"and {_label(network[b.holder])}",
                    entities=(post.id,),
                    first=gap_from,
                    last=gap_until - timedelta(days=1),
                )


def _containers(network: Network, entity: Entity) -> Iterator[str]:
    if isinstance(entity, Membership):
        yield from (entity.member, entity.group)
    elif isinstance(entity, Tenure):
        yield from (entity.holder, entity.post)
    elif isinstance(entity, Post):
        if entity.represents is not None and any(d.role is Role.MEMBER for d in entity.duties):
            yield entity.represents
    elif isinstance(entity, Body) and entity.cluster is not None:
        yield entity.cluster
    elif isinstance(entity, Cluster):
        yield entity.cooperation


def within_lifetime(network: Network, days: Sequence[date]) -> Iterator[Finding]:
    """A membership, seat, post holding, cluster or water team never outlives
    or predates the entities it connects."""
    for entity in network:
        sure_from, sure_until = sure_days(period_of(entity))
        if sure_from >= sure_until:
            continue
        for other_id in _containers(network, entity):
            other = network[other_id]
            may_from, may_until = possible_days(period_of(other))
            if sure_from < may_from or sure_until > may_until:
                yield Finding(
                    rule="within-lifetime",
                    level=Level.ERROR,
                    message=f"{_label(entity)}, {period_text(period_of(entity))}, outlives or predates "
                    f"{_label(other)}, {period_text(period_of(other))}",
                    entities=(entity.id, other.id),
                )


def stated_partner_count(network: Network, days: Sequence[date]) -> Iterator[Finding]:
    """An agreement's stated number of partners matches the partners on its date."""
    for agreement in network.entities(Agreement):
        if agreement.partners is None or agreement.date is None:
            continue
        day = _hi(agreement.date)  # by then it was surely made
        found = len(network.partners(agreement.cooperation, on=day))
        if found != agreement.partners:
            yield Finding(
                rule="stated-partner-count",
                level=Level.ERROR,
                message=f"{_label(agreement)} states {agreement.partners} partners, the network has {found}",
                entities=(agreement.id, agreement.cooperation),
                first=day,
                last=day,
            )


def unique_identifier(network: Network, days: Sequence[date]) -> Iterator[Finding]:
    """An identifier (scheme and code) denotes one organisation on any day."""
    holders: dict[tuple[str, str], list[Organisation]] = defaultdict(list)
    for org in network.entities(Organisation):
        for identifier in org.identifiers:
            holders[identifier.scheme, identifier.value].append(org)
    for (scheme, value), orgs in holders.items():
        for i, j in iter_pairs(orgs):
            a, b = orgs[i], orgs[j]
            if a.period.overlaps(b.period):
                yield Finding(
                    rule="unique-identifier",
                    level=Level.ERROR,
                    message=f"{scheme}:{value} denotes both {_label(a)} and {_label(b)}",
                    entities=(a.id, b.id),
                    first=max(a.period.latest_start, b.period.latest_start),
                    last=min(a.period.earliest_end, b.period.earliest_end) - timedelta(days=1),
                )


def _may_be(bound: Bound | None, day: Bound) -> bool:
    return bound is not None and _lo(bound) <= _hi(day) and _lo(day) <= _hi(bound)


def change_validity(network: Network, days: Sequence[date]) -> Iterator[Finding]:
    """A change ends what it takes whole and starts what it creates, on its date
    (a boundary correction ends and starts nothing; an absorption, or a change of
    unknown kind, starts nothing; a part that receives only a part need not start)."""
    for change in network.entities(Change):
        if change.kind is ChangeKind.BOUNDARY_CORRECTION:
            continue  # territory moves; nothing ends or starts
        before = {p.id for p in change.before}
        after = {p.id for p in change.after}
        ends = [p.id for p in change.before if not p.partial and p.id not in after]
        starts = (
            []
            if change.kind in (ChangeKind.ABSORPTION, ChangeKind.UNKNOWN)
            else [p.id for p in change.after if p.id not in before and not p.partial]
        )
        checks: Iterable[tuple[str, str, Bound | None]] = [
            *((i, "end", period_of(network[i]).end) for i in ends),
            *((i, "start", period_of(network[i]).start) for i in starts),
        ]
        for entity_id, side, bound in checks:
            if not _may_be(bound, change.date):
                actual = f"its {side} is {bound}" if bound is not None else f"it has no {side}"
                yield Finding(
                    rule="change-validity",
                    level=Level.ERROR,
                    message=f"{_label(network[entity_id])} should {side} on {change.date}, the date of "
                    f"{change.kind.value} {change.id}, but {actual}",
                    entities=(entity_id, change.id),
                )


def same_organisation(network: Network, days: Sequence[date]) -> Iterator[Finding]:
    """Two ids that seem to denote one organisation (by identifier on the same
    day, or by name and kind) are a warning; an ambiguous match too."""
    report = find_matches(network)
    for match in report.matches:
        yield Finding(
            rule="same-organisation",
            level=Level.WARNING,
            message=f"{_label(network[match.first])} and {_label(network[match.second])} seem to be one "
            f"organisation (matched by {match.rule}: {match.key})",
            entities=(match.first, match.second),
        )
    for ambiguous in report.ambiguous:
        names = ", ".join(_label(network[i]) for i in ambiguous.candidates)
        yield Finding(
            rule="same-organisation",
            level=Level.WARNING,
            message=f"{_label(network[ambiguous.subject])} matches several organisations by "
            f"{ambiguous.rule} ({ambiguous.key}): {names}; not merged",
            entities=(ambiguous.subject, *ambiguous.candidates),
        )


BUILT_IN_CHECKS = (
    Check(name="one-cluster", description=one_cluster.__doc__ or "", run=one_cluster),
    Check(name="seat-count", description=seat_count.__doc__ or "", run=seat_count),
    Check(name="single-holder", description=single_holder.__doc__ or "", run=single_holder),
    Check(name="within-lifetime", description=within_lifetime.__doc__ or "", run=within_lifetime),
    Check(
        name="stated-partner-count", description=stated_partner_count.__doc__ or "", run=stated_partner_count
    ),
    Check(name="unique-identifier", description=unique_identifier.__doc__ or "", run=unique_identifier),
    Check(name="change-validity", description=change_validity.__doc__ or "", run=change_validity),
    Check(name="same-organisation", description=same_organisation.__doc__ or "", run=same_organisation),
)


@hookimpl
def waterketen_checks() -> Iterable[Check]:
    """The built-in rules."""
    return BUILT_IN_CHECKS
