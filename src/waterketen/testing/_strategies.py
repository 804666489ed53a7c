"""Hypothesis strategies for waterketen data: ids, names, dates and periods, whole networks and histories."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from hypothesis import strategies as st

from .._time import UNKNOWN, Between, Bound, Instant, PartialDate, Period, _hi, _lo
from ..model import (
    Agreement,
    Body,
    BodyKind,
    Change,
    ChangeKind,
    Cluster,
    Contact,
    Cooperation,
    Duty,
    Entity,
    Goal,
    Identifier,
    Link,
    Membership,
    Name,
    Organisation,
    OrgKind,
    OtherName,
    Part,
    Person,
    Post,
    Provenance,
    Role,
    Spearhead,
    Target,
    Tenure,
)
from ..network import Network


__all__ = [
    "bounds",
    "ids",
    "instants",
    "names",
    "networks",
    "periods",
]

ids = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
"""Human-readable ids."""

names = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs"), exclude_characters="\x85\xa0"),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() != "")
"""Names in many scripts, never blank."""

_days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
instants: st.SearchStrategy[Instant] = st.one_of(
    _days,
    st.builds(PartialDate, st.integers(1900, 2100)),
    st.builds(PartialDate, st.integers(1900, 2100), st.integers(1, 12)),
)
"""Days, months and years."""


@st.composite
def _ranges(draw: st.DrawFn) -> Between:
    sides = sorted(draw(st.lists(instants, min_size=1, max_size=2)), key=lambda i: (_lo(i), _hi(i)))
    if len(sides) == 1 or _hi(sides[1]) < _lo(sides[0]):
        return Between(earliest=sides[0]) if draw(st.booleans()) else Between(latest=sides[0])
    return Between(earliest=sides[0], latest=sides[1])


bounds: st.SearchStrategy[Bound] = st.one_of(instants, st.just(UNKNOWN), _ranges())
"""Every kind of period bound: days, months, years, ranges and UNKNOWN."""


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Valid periods: either bound open, a day, a partial date, a range or UNKNOWN."""
    start = draw(st.none() | bounds)
    end = draw(st.none() | bounds)
    try:
        return Period(start=start, end=end)
    except ValueError:
        return Period(start=end, end=start) if _valid(end, start) else Period(start=start)


def _valid(start: Bound | None, end: Bound | None) -> bool:
    try:
        Period(start=start, end=end)
    except ValueError:
        return False
    return True


_provenance = st.lists(
    st.builds(Provenance, source=names, locator=st.none() | st.text(max_size=10)), max_size=2
).map(tuple)
_notes = st.none() | st.text(max_size=30)


_links = st.builds(Link, url=names.map(lambda n: f"https://example.invalid/{n}"), note=st.none() | names)
_contacts = st.builds(
    Contact, kind=st.just("address"), value=names, label=st.none() | names, period=periods()
)
"""Contacts of made-up organisations and persons: addresses only (no telephone numbers or e-mail)."""


@st.composite
def _people_fields(draw: st.DrawFn) -> dict[str, Any]:
    """A person's identifiers, other names (with periods), links and contacts, each often empty."""
    return {
        "identifiers": tuple(
            draw(st.lists(st.builds(Identifier, scheme=st.just("wikidata"), value=names), max_size=1))
        ),
        "other_names": tuple(
            draw(
                st.lists(
                    st.builds(OtherName, name=names, period=periods(), note=st.none() | names), max_size=2
                )
            )
        ),
        "links": tuple(draw(st.lists(_links, max_size=1))),
        "contact_details": tuple(draw(st.lists(_contacts, max_size=1))),
    }


@st.composite
def _seats_in_organisations(
    draw: st.DrawFn,
    orgs: list[Organisation],
    persons: list[Person],
    new_id: Callable[[str], str],
    extra: Callable[[], dict[str, Any]],
) -> list[Entity]:
    """Memberships of persons in organisations (a council), with role, label, party and post."""
    if not persons:
        return []
    out: list[Entity] = []
    for person in persons:
        if not draw(st.booleans()):
            continue
        group = draw(st.sampled_from(orgs))
        post = None
        if draw(st.booleans()):
            post = Post(
                id=new_id("post"), name=draw(names), cooperation=group.id, period=draw(periods()), **extra()
            )
            out.append(post)
        out.append(
            Membership(
                id=new_id("m"),
                member=person.id,
                group=group.id,
                role=draw(st.none() | names),
                label=draw(st.none() | names),
                on_behalf_of=draw(st.none() | st.sampled_from([o.id for o in orgs])),
                post=None if post is None else post.id,
                period=draw(periods()),
                **extra(),
            )
        )
    return out


@st.composite
def networks(draw: st.DrawFn, *, max_organisations: int = 8) -> Network:
    """Valid networks: one cooperation with partners, clusters, bodies, posts,
    holders, agreements, spearheads and changes, every reference resolved."""
    used: set[str] = set()

    def new_id(prefix: str) -> str:
        value = f"{prefix}-{draw(ids)}"
        while value in used:
            value += "x"
        used.add(value)
        return value

    common: dict[str, Any] = {}

    def extra() -> dict[str, Any]:
        return {"note": draw(_notes), "provenance": draw(_provenance)}

    coop = Cooperation(id=new_id("coop"), name=draw(names), period=draw(periods()), **extra(), **common)
    entities: list[Entity] = [coop]
    orgs = [
        Organisation(
            id=new_id("org"),
            name=draw(names),
            kind=draw(st.sampled_from(OrgKind)),
            identifiers=tuple(
                draw(
                    st.lists(
                        st.builds(Identifier, scheme=st.sampled_from(["cbs", "kvk"]), value=names), max_size=2
                    )
                )
            ),
            other_names=tuple(
                draw(st.lists(names | st.builds(Name, name=names, period=periods()), max_size=2))
            ),
            links=tuple(draw(st.lists(_links, max_size=1))),
            contact_details=tuple(draw(st.lists(_contacts, max_size=1))),
            period=draw(periods()),
            **extra(),
        )
        for _ in range(draw(st.integers(1, max_organisations)))
    ]
    entities += orgs
    clusters = [
        Cluster(
            id=new_id("cluster"), name=draw(names), cooperation=coop.id, period=draw(periods()), **extra()
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    entities += clusters
    bodies = [
        Body(
            id=new_id("body"),
            name=draw(names),
            kind=draw(st.sampled_from(BodyKind)),
            cooperation=coop.id,
            cluster=draw(st.none() | st.sampled_from([c.id for c in clusters])) if clusters else None,
            seats=draw(st.none() | st.integers(0, 20)),
            period=draw(periods()),
            **extra(),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    entities += bodies
    for org in orgs:
        for group in draw(
            st.lists(st.sampled_from([coop.id] + [c.id for c in clusters]), max_size=2, unique=True)
        ):
            entities.append(
                Membership(id=new_id("m"), member=org.id, group=group, period=draw(periods()), **extra())
            )
    persons = [
        Person(
            id=new_id("person"), name=draw(names), period=draw(periods()), **extra(), **draw(_people_fields())
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    entities += persons
    entities += draw(_seats_in_organisations(orgs, persons, new_id, extra))
    if bodies:
        for _ in range(draw(st.integers(0, 3))):
            duties = draw(
                st.lists(
                    st.builds(Duty, role=st.sampled_from(Role), body=st.sampled_from([b.id for b in bodies])),
                    max_size=2,
                )
            )
            post = Post(
                id=new_id("post"),
                name=draw(names),
                cooperation=coop.id,
                duties=tuple(duties),
                represents=draw(st.none() | st.sampled_from([o.id for o in orgs] + [c.id for c in clusters])),
                period=draw(periods()),
                **extra(),
            )
            entities.append(post)
            for holder in draw(
                st.lists(st.sampled_from([p.id for p in persons] + [o.id for o in orgs]), max_size=2)
            ):
                entities.append(
                    Tenure(id=new_id("t"), holder=holder, post=post.id, period=draw(periods()), **extra())
                )
    if draw(st.booleans()):
        entities.append(
            Agreement(
                id=new_id("agreement"),
                name=draw(names),
                cooperation=coop.id,
                date=draw(st.none() | instants),
                goals=tuple(
                    draw(st.lists(st.builds(Goal, name=names, description=st.none() | names), max_size=4))
                ),
                targets=tuple(
                    draw(
                        st.lists(
                            st.builds(
                                Target,
                                text=names,
                                goal=st.none() | names,
                                amount=st.none() | st.floats(0, 1e9, allow_nan=False),
                                approximate=st.booleans(),
                                by=st.none() | instants,
                            ),
                            max_size=2,
                        )
                    )
                ),
                partners=draw(st.none() | st.integers(0, 100)),
                period=draw(periods()),
                **extra(),
            )
        )
    for number in range(1, draw(st.integers(0, 3)) + 1):
        entities.append(
            Spearhead(
                id=new_id("spearhead"),
                number=number,
                title=draw(names),
                cooperation=coop.id,
                period=draw(periods()),
                **extra(),
            )
        )
    if len(orgs) >= 2 and draw(st.booleans()):
        before, after = orgs[0], orgs[1]
        entities.append(
            Change(
                id=new_id("change"),
                kind=draw(st.sampled_from(ChangeKind)),
                date=draw(instants),
                before=(Part(id=before.id, partial=draw(st.booleans())),),
                after=(Part(id=after.id),),
                description=draw(st.none() | names),
                **extra(),
            )
        )
    return Network(entities)
