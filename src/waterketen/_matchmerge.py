"""Merging records: two records of one entity become one, and what is a real disagreement.

One job, for :mod:`waterketen.load`: :func:`combine` merges two records of
one entity (a field one of them leaves at its default is no conflict; other
names and codes add up); :func:`merge_by_code` merges the organisations that
two sources give under different ids when they carry the same code on
overlapping days (found by :func:`waterketen.matching.find_matches`, rule
``identifier``), keeps the id of the earlier source, records both sources'
places and turns every reference to the merged-away id to the kept one.
Organisations that share a code but disagree are left apart, with a warning
naming both places and both values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from ._time import Period
from .errors import Problem, Severity
from .model import Change, Entity, Identifier, Membership, Organisation, Part, Post, Provenance, Tenure


if TYPE_CHECKING:
    from .matching import Match

__all__ = ["ADDITIVE", "combine", "differences", "merge_by_code"]

ADDITIVE = ("provenance", "other_names")
"""The fields in which two records of one entity add up rather than agree."""


def differences(old: Entity, new: Entity, *, by_code: bool = False) -> list[str]:
    """The fields on which two records of one entity really disagree, as ``field new here, old there``.

    Two names of an organisation agree when they are one name after
    normalising (``Gemeente Bedum``, ``Bedum``); ``by_code``, for records
    matched by their code, also when one resolves to the other as a fuzzy
    match would (``De Pekela's``, ``Pekela``).
    """
    if type(old) is not type(new):
        return ["tag"]
    out = []
    for field in attrs.fields(type(old)):
        name = field.name
        if name in ("id", *ADDITIVE):
            continue
        a, b = getattr(new, name), getattr(old, name)
        if a == b or a == field.default or b == field.default:
            continue
        if name == "note":
            continue  # notes are remarks, not facts: the first stays
        if name == "name" and isinstance(old, Organisation) and _alike(old, a, by_code):
            continue  # "Gemeente Bedum" and "Bedum": one name, the other kept as another name
        if name == "identifiers" and not _codes_conflict(a, b):
            continue
        out.append(f"{name} {_show(a)} here, {_show(b)} there")
    return out


def _alike(old: Organisation, name: str, by_code: bool) -> bool:
    from ._names import form  # its regular expressions are compiled only when names are compared

    if form(name).core == form(old.name).core:
        return True
    if not by_code:
        return False
    from ._resolving import outcome
    from .network import Network

    return outcome(name, None, None, Network({old.id: old}), full=False).best is not None


def combine(old: Entity, new: Entity, *, by_code: bool = False) -> Entity | None:
    """The two records merged, or ``None`` when they really disagree (see :func:`differences`).

    Examples:
        >>> import waterketen as wk
        >>> a = wk.Organisation(id="bedum", name="Bedum", kind=wk.OrgKind.MUNICIPALITY,
        ...     period=wk.Period(end=wk.model.parse_instant("2019-01-01")))
        >>> b = wk.Organisation(id="bedum", name="Gemeente Bedum", kind=wk.OrgKind.MUNICIPALITY,
        ...     identifiers=(wk.Identifier(scheme="cbs", value="GM0005"),))
        >>> merged = combine(a, b)
        >>> merged.period.end, merged.identifiers[0].value, merged.other_names
        (datetime.date(2019, 1, 1), 'GM0005', ('Gemeente Bedum',))
    """
    if differences(old, new, by_code=by_code):
        return None
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(old)):
        name = field.name
        a, b = getattr(old, name), getattr(new, name)
        if name == "id" or a == b:
            continue
        if name in ADDITIVE or name == "identifiers":
            changes[name] = a + tuple(x for x in b if x not in a)
        elif a == field.default:
            changes[name] = b
    names = getattr(old, "name", None), getattr(new, "name", None)
    if isinstance(old, Organisation) and names[1] and names[1] != names[0]:
        others = changes.get("other_names", old.other_names)
        changes["other_names"] = others + ((names[1],) if names[1] not in others else ())
    return attrs.evolve(old, **changes) if changes else old


def _codes_conflict(a: tuple[Identifier, ...], b: tuple[Identifier, ...]) -> bool:
    codes = {i.scheme: i.value for i in a}
    return any(i.scheme in codes and codes[i.scheme] != i.value for i in b)


def _show(value: object) -> str:
    if isinstance(value, Period):
        from ._html import period_text  # the presenters' words, imported only for a message

        return period_text(value)
    if isinstance(value, tuple) and all(isinstance(v, Identifier) for v in value):
        return "'" + ", ".join(map(str, value)) + "'"
    return repr(getattr(value, "value", value))


def merge_by_code(
    entities: dict[str, Entity],
    origins: dict[str, Any],
    place: Callable[[Any], Provenance],
    sources: list[str],
) -> tuple[list[Match], list[Problem]]:
    """Merge the organisations of different sources that share a code on overlapping days.

    Args:
        entities: the loaded entities by id, changed in place.
        origins: the loader's places of each entity (see :class:`waterketen.load._Loader`), changed in place.
        place: the provenance of one origin.
        sources: the names of the sources, in the order they were read.

    Returns:
        The matches merged (the kept id first) and the warnings about those left apart.
    """
    from .matching import find_matches
    from .network import Network

    orgs = [e for e in entities.values() if isinstance(e, Organisation)]
    if not orgs:
        return [], []

    def where(entity_id: str) -> list[Provenance]:
        found = origins[entity_id]
        return [place(o) for o in found] if isinstance(found, list) else [place(found)]

    rank = {name: i for i, name in enumerate(sources)}

    def first_source(entity_id: str) -> int:
        return min(rank.get(p.source, len(rank)) for p in where(entity_id))

    report = find_matches(Network({o.id: o for o in orgs}))
    merged: list[Match] = []
    problems: list[Problem] = []
    renamed: dict[str, str] = {}
    for match in report.matches:
        if match.rule != "identifier":
            continue
        first, second = renamed.get(match.first, match.first), renamed.get(match.second, match.second)
        if first == second or {p.source for p in where(first)} & {p.source for p in where(second)}:
            continue  # one source's own records: their ids are its business
        kept, away = sorted((first, second), key=lambda i: (first_source(i), i != first))
        old, new = entities[kept], entities[away]
        together = combine(old, new, by_code=True)
        if together is None:
            here, there = where(away)[0], where(kept)[0]
            detail = "; ".join(differences(old, new, by_code=True))
            problems.append(
                Problem(
                    source=here.source,
                    place=here.locator,
                    field="identifiers",
                    reason=f"{away!r} and {kept!r} (at {there.source} {there.locator or ''}".rstrip()
                    + f") have the code {match.key} on the same days but disagree: {detail}; not merged",
                    severity=Severity.WARNING,
                )
            )
            continue
        entities[kept] = together
        del entities[away]
        places = [*where(kept), *where(away)]
        origins[kept] = places
        del origins[away]
        renamed[away] = kept
        for other, target in list(renamed.items()):
            if target == away:
                renamed[other] = kept
        merged.append(attrs.evolve(match, first=kept, second=away))
    if renamed:
        for entity_id, entity in list(entities.items()):
            moved = _moved(entity, renamed)
            if moved is not entity:
                entities[entity_id] = moved
    return merged, problems


def _moved(entity: Entity, renamed: dict[str, str]) -> Entity:
    """The entity with its references to merged-away organisations turned to the kept ones."""
    if isinstance(entity, Membership) and entity.member in renamed:
        return attrs.evolve(entity, member=renamed[entity.member])
    if isinstance(entity, Tenure) and entity.holder in renamed:
        return attrs.evolve(entity, holder=renamed[entity.holder])
    if isinstance(entity, Post) and entity.represents in renamed:
        return attrs.evolve(entity, represents=renamed[entity.represents])
    if isinstance(entity, Change) and any(p.id in renamed for p in (*entity.before, *entity.after)):

        def turn(parts: tuple[Part, ...]) -> tuple[Part, ...]:
            return tuple(attrs.evolve(p, id=renamed.get(p.id, p.id)) for p in parts)

        return attrs.evolve(entity, before=turn(entity.before), after=turn(entity.after))
    return entity
