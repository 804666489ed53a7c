"""One cooperation, cluster or body that two sources describe under their own ids becomes one entity.

The embedded dataset calls Groningen & Noord-Drenthe ``groningen-noord-drenthe``
and its cluster DAL ``gnd-dal``; the wiki reader calls them
``wiki-groningen-noord-drenthe`` and ``wiki-groningen-noord-drenthe/cluster-dal``.
After the merge by id (:mod:`._merge`) and by code (:mod:`waterketen._matchmerge`),
:func:`merge_alike` merges the entities of different sources that denote one
thing, in the order in which they refer to each other:

- cooperations with a name in common (after :func:`~waterketen.normalise_name`);
- then, within one cooperation, clusters, bodies (also within one cluster),
  posts and agreements with a name in common (or posts that represent one
  partner with the same duties: "Lid regiegroep namens Hunze en Aa’s" and
  "... namens Waterschap Hunze en Aa's"), spearheads with one number and title;
- then memberships of one member in one group (with one post, role and
  principal) and tenures of one holder in one post.

Two records are merged when their periods can be one (:func:`together`:
each bound of one lies where the other allows, the narrower kept) and no
other field disagrees (:func:`waterketen._matchmerge.combine`); the id of the
earlier source is kept, both sources' places are kept, and every reference to
the merged-away id turns to the kept one. Alike records that disagree stay
apart, with a warning naming both places and the disagreement.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterator
from datetime import date
from typing import Any

import attrs

from .._matchmerge import combine, differences
from .._time import UNKNOWN, Between, Bound, Period, _hi, _lo
from ..errors import Problem, Severity
from ..model import (
    Agreement,
    Body,
    Cluster,
    Cooperation,
    Entity,
    Membership,
    Post,
    Provenance,
    Spearhead,
    Tenure,
)
from ..query import normalise_name
from ._integrity import _fields


__all__ = ["merge_alike", "together"]

_ORDER: tuple[type[Any], ...] = (Cooperation, Cluster, Body, Post, Agreement, Spearhead, Membership, Tenure)
_MIN, _MAX = date.min, date.max


@functools.lru_cache(maxsize=4096)
def _norm(name: str) -> str:
    return normalise_name(name.replace("&", " en "))  # "Stad & Ommeland", "Stad en Ommeland"


def _names(entity: Any) -> Iterator[str]:
    for name in (getattr(entity, "name", None), *getattr(entity, "other_names", ())):
        if name:
            yield _norm(str(name))


def _keys(entity: Entity) -> Iterator[Hashable]:
    """What two records of one thing share (two records share a key, or they are not alike)."""
    if isinstance(entity, Cooperation):
        yield from _names(entity)
    elif isinstance(entity, Cluster | Post | Agreement):
        yield from ((entity.cooperation, n) for n in _names(entity))
        if isinstance(entity, Post) and entity.represents is not None:  # one seat, named two ways
            yield (entity.cooperation, entity.represents, frozenset((d.role, d.body) for d in entity.duties))
    elif isinstance(entity, Body):
        yield from ((entity.cooperation, entity.cluster, n) for n in _names(entity))
    elif isinstance(entity, Spearhead):
        yield (entity.cooperation, entity.number, normalise_name(entity.title))
    elif isinstance(entity, Membership):
        yield (entity.member, entity.group, entity.post, entity.role, entity.on_behalf_of)
    elif isinstance(entity, Tenure):
        yield (entity.holder, entity.post)


def _bound(a: Bound | None, b: Bound | None, *, end: bool) -> tuple[bool, Bound | None]:
    """One bound for both, or (False, None) when they cannot be one day.

    An open start is unsaid; an open end is kept where the other end allows it
    (``2018-01-01..``: "still so at the latest source" is within "after 2017").
    """
    said = [x for x in (a, b) if x is not None and x is not UNKNOWN]
    if len(said) < 2:
        unsaid = a if b in said else b
        if not said:
            return True, unsaid if unsaid is not None else (a if a is not None else b)
        if end and unsaid is None and _hi(said[0]) == _MAX:
            return True, None
        return True, said[0]
    lo, hi = max(_lo(said[0]), _lo(said[1])), min(_hi(said[0]), _hi(said[1]))
    if lo > hi:
        return False, None
    for bound in said:
        if (_lo(bound), _hi(bound)) == (lo, hi):
            return True, bound  # the narrower of the two, as its source wrote it
    earliest = None if lo == _MIN else lo
    latest = None if hi == _MAX else hi
    if earliest is None and latest is None:
        return True, UNKNOWN
    return True, Between(earliest=earliest, latest=latest)


def together(a: Period, b: Period) -> Period | None:
    """The one period two records of one entity can share, or ``None`` when they cannot.

    An open bound is one the record does not state; of two bounds that may be
    one day, the narrower is kept.

    Examples:
        >>> from datetime import date
        >>> from waterketen import Period
        >>> from waterketen.model import parse_bound
        >>> print(together(Period(start=parse_bound("..2014"), end=date(2020, 1, 1)), Period()))
        [..2014, 2020-01-01)
        >>> print(together(Period(start=parse_bound("..2014")), Period(start=parse_bound("..2017-12-31"))))
        [..2014, …)
        >>> together(Period(end=date(2015, 1, 1)), Period(start=date(2016, 1, 1))) is None
        True
    """
    ok_start, start = _bound(a.start, b.start, end=False)
    ok_end, end = _bound(a.end, b.end, end=True)
    if not (ok_start and ok_end):
        return None
    try:
        return Period(start=start, end=end)
    except ValueError:
        return None


def _joined(old: Entity, new: Entity) -> tuple[Entity | None, str]:
    """The two alike records as one, or None with the disagreement."""
    period = together(old.period, new.period)  # type: ignore[union-attr]
    if period is None:
        return None, f"period '{new.period}' here, '{old.period}' there"  # type: ignore[union-attr]
    changes: dict[str, Any] = {"period": period}
    old_name, new_name = getattr(old, "name", None), getattr(new, "name", None)
    if old_name and new_name and old_name != new_name:
        changes["name"] = old_name  # alike by a name in common: the first source's name stays
        if hasattr(old, "other_names"):
            others = (*getattr(old, "other_names", ()), *getattr(new, "other_names", ()))
            changes["other_names"] = tuple(n for n in dict.fromkeys((*others, new_name)) if n != old_name)
    if isinstance(old, Post) and isinstance(new, Post):  # the duties each source states add up
        changes["duties"] = old.duties + tuple(d for d in new.duties if d not in old.duties)
    old2 = attrs.evolve(old, **{k: v for k, v in changes.items() if k != "name"})
    new2 = attrs.evolve(new, id=old.id, **changes)
    merged = combine(old2, new2)
    if merged is None:
        return None, "; ".join(differences(old2, new2))
    return merged, ""


def _moved(entity: Entity, renamed: dict[str, str]) -> Entity:
    """The entity with its references to merged-away ids turned to the kept ones."""
    changes: dict[str, Any] = {}
    for name, _, sub in _fields(type(entity)):  # type: ignore[arg-type]
        value = getattr(entity, name)
        if sub is None:
            if value in renamed:
                changes[name] = renamed[value]
            continue
        items = tuple(
            attrs.evolve(item, **{sub: renamed[getattr(item, sub)]})
            if getattr(item, sub) in renamed
            else item
            for item in value
        )
        if items != value:
            changes[name] = tuple(dict.fromkeys(items))
    return attrs.evolve(entity, **changes) if changes else entity


def merge_alike(
    entities: dict[str, Entity],
    origins: dict[str, Any],
    place: Callable[[Any], Provenance],
    pending: dict[str, Any],
) -> tuple[list[tuple[str, str]], list[Problem]]:
    """Merge the alike entities of different sources (see the module's text); change the tables in place.

    Args:
        entities: the loaded entities by id, in the order they were read.
        origins: the loader's places of each entity.
        place: the provenance of one origin.
        pending: the entities whose references are still to be checked (a merged-away one leaves).

    Returns:
        The pairs merged (the kept id first), and the warnings about alike records left apart.
    """

    def where(entity_id: str) -> list[Provenance]:
        found = origins[entity_id]
        return [place(o) for o in found] if isinstance(found, list | tuple) else [place(found)]

    known: dict[str, frozenset[str]] = {}

    def sources(entity_id: str) -> frozenset[str]:
        found = known.get(entity_id)
        if found is None:
            found = known[entity_id] = frozenset(p.source for p in where(entity_id))
        return found

    merged: list[tuple[str, str]] = []
    problems: list[Problem] = []
    renamed: dict[str, str] = {}
    by_class: dict[type[Any], list[str]] = {cls: [] for cls in _ORDER}
    for entity_id, entity in entities.items():
        ids = by_class.get(type(entity))
        if ids is not None:
            ids.append(entity_id)
    for cls in _ORDER:
        if renamed:
            for entity_id in by_class[cls]:
                entities[entity_id] = _moved(entities[entity_id], renamed)
        seen: dict[Hashable, list[str]] = {}
        for entity_id in by_class[cls]:
            entity = entities[entity_id]
            keys = tuple(_keys(entity))
            alike = [other for key in keys for other in seen.get(key, ())]
            candidates: list[str] = []
            if alike:  # the sources of an entity are read only when another shares a key with it
                mine = sources(entity_id)
                candidates = list(
                    dict.fromkeys(other for other in alike if other in entities and not sources(other) & mine)
                )
            kept = None
            detail = ""
            for other in candidates:
                joined, detail = _joined(entities[other], entity)
                if joined is not None:
                    entities[other] = joined
                    kept = other
                    break
            if kept is not None:
                del entities[entity_id]
                origins[kept] = [*where(kept), *where(entity_id)]
                known[kept] = sources(kept) | mine
                del origins[entity_id]
                pending.pop(entity_id, None)
                renamed[entity_id] = kept
                merged.append((kept, entity_id))
                continue
            if candidates:
                here, there = where(entity_id)[0], where(candidates[0])[0]
                problems.append(
                    Problem(
                        source=here.source,
                        place=here.locator,
                        field="id",
                        reason=f"{entity_id!r} and {candidates[0]!r} (at {there.source} "
                        f"{there.locator or ''}".rstrip()
                        + f") are alike {entity.tag}s but disagree: {detail}; not merged",
                        severity=Severity.WARNING,
                    )
                )
            for key in keys:
                seen.setdefault(key, []).append(entity_id)
    if renamed:
        for entity_id, entity in entities.items():
            entities[entity_id] = _moved(entity, renamed)
    return merged, problems
