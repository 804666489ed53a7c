"""Make the bodies, the people in their roles and the agreements of one region file as entities.

A body keeps its composition as the page states it in its ``note``; a role
becomes a :class:`~waterketen.Post` held by a :class:`~waterketen.Person`
(a :class:`~waterketen.Tenure`) only because the page names the person; an
agreement keeps its date, its goals and its target in the page's words.
Each starts no later than its page's date and has an open end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from .._time import Between, Period
from ..model import Agreement, Body, BodyKind, Entity, Goal, Person, Post, Provenance, Target, Tenure
from ..register._municipalities import slug
from . import _files as f


__all__ = ["governance"]

_STEERING = re.compile(r"stuurgroep|regiegroep|bestuurlijk overleg|kerngroep", re.I)


def _provenance(page: f.Page) -> Provenance:
    day = page.date.isoformat() if page.date is not None else "not stated"
    return Provenance(source=page.url, locator=f"page date {day}")


def _start(page: f.Page, looked_up: date) -> Period:
    return Period(start=Between(latest=page.date if page.date is not None else looked_up))


def _unique(base: str, used: set[str]) -> str:
    ident, n = base, 1
    while ident in used:
        n += 1
        ident = f"{base}-{n}"
    used.add(ident)
    return ident


def governance(region: f.RegionFile, cooperation: str, looked_up: date) -> Iterator[Entity]:
    """The bodies, posts, persons, tenures and agreements of ``region`` in ``cooperation``."""
    used: set[str] = set()
    for body in region.bodies:
        yield Body(
            id=_unique(f"{cooperation}-{slug(body.name)[:80]}", used),
            name=body.name,
            kind=BodyKind.STEERING_GROUP if _STEERING.search(body.name) else BodyKind.OTHER,
            cooperation=cooperation,
            period=_start(body.page, looked_up),
            note=f"Composition as stated: {body.composition}."
            if body.composition
            else "Composition not stated.",
            provenance=(_provenance(body.page),),
        )
    people: dict[str, Person] = {}
    for role in region.roles:
        person_id = f"{cooperation}-{slug(role.person)}"
        if person_id not in people:
            people[person_id] = Person(
                id=person_id,
                name=role.person,
                period=_start(role.page, looked_up),
                provenance=(_provenance(role.page),),
            )
            used.add(person_id)
            yield people[person_id]
        post_id = _unique(f"{cooperation}-post-{slug(role.role)[:80]}", used)
        yield Post(
            id=post_id,
            name=role.role,
            cooperation=cooperation,
            period=_start(role.page, looked_up),
            provenance=(_provenance(role.page),),
        )
        yield Tenure(
            id=f"{post_id}--{slug(role.person)}",
            holder=person_id,
            post=post_id,
            period=_start(role.page, looked_up),
            note="Named in this role on the page; when the tenure began or ended is not stated.",
            provenance=(_provenance(role.page),),
        )
    for agreement in region.agreements:
        yield Agreement(
            id=_unique(f"{cooperation}-{slug(agreement.name)[:80]}", used),
            name=agreement.name,
            cooperation=cooperation,
            date=agreement.date,
            goals=tuple(Goal(name=g) for g in agreement.goals),
            targets=(Target(text=agreement.target),) if agreement.target else (),
            provenance=(_provenance(agreement.page),),
        )
