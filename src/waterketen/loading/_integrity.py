"""Referential integrity, derived from the model's own metadata: what each field may refer to, and cycles.

Every field that refers to another entity says so in its metadata
(:data:`waterketen.model.REFERS_TO`: the tags it may refer to), in the
entity's own class or in the values it holds (a post's duties, a change's
parts); :func:`references` reads that, so there is no table of references to
keep beside the model.
"""

from __future__ import annotations

import builtins
import functools
import re
import sys
import typing
from collections.abc import Iterator, Mapping

import attrs

from .._fields import GROUPS, GROUPS_OF_PERSONS
from ..errors import Problem, Severity
from ..model import ENTITY_TYPES, REFERS_TO, Entity, Membership, Organisation, Person, a
from ..sources import Record


__all__ = ["allowed", "groups_for", "on_cycles", "reference_problems", "references"]

_Path = tuple[str, tuple[type, ...], str | None]


def allowed(tags: tuple[str, ...]) -> tuple[type, ...]:
    """The entity classes of ``tags``."""
    return tuple(ENTITY_TYPES[t] for t in tags)


_GROUPS = allowed(GROUPS)
_PERSONS_GROUPS = allowed(GROUPS_OF_PERSONS)


@functools.cache
def _fields(cls: type) -> tuple[_Path, ...]:
    """(field, allowed classes, field of the items or None) for each referring field of ``cls``."""
    out: list[_Path] = []
    for field in attrs.fields(cls):
        tags = field.metadata.get(REFERS_TO)
        if tags is not None:
            out.append((field.name, allowed(tags), None))
            continue
        item = _item_class(cls, field.name)
        if item is not None:
            for sub in attrs.fields(item):
                sub_tags = sub.metadata.get(REFERS_TO)
                if sub_tags is not None:
                    out.append((field.name, allowed(sub_tags), sub.name))
    return tuple(out)


_TUPLE_OF = re.compile(r"tuple\[(.+), \.\.\.\]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9.]*")


def _item_class(cls: type, name: str) -> type | None:
    """The attrs class of the items of the tuple field ``name`` of ``cls`` (``tuple[Duty, ...]``), if any."""
    known, item = _item_class_of_text(cls, attrs.fields_dict(cls)[name].type)
    if known:
        return item
    hint = typing.get_type_hints(cls).get(name)
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and args and attrs.has(args[0]):
        return args[0]
    return None


def _item_class_of_text(cls: type, annotation: object) -> tuple[bool, type | None]:
    """:func:`_item_class` read from the annotation's text, without evaluating every annotation of
    the class (which compiles each, the largest part of a small load): (whether the text alone
    can say, the class)."""
    if not isinstance(annotation, str):  # a type already (attrs.resolve_types ran)
        args = typing.get_args(annotation)
        tuple_of = typing.get_origin(annotation) is tuple and args and attrs.has(args[0])
        return True, args[0] if tuple_of else None
    scope = vars(sys.modules[cls.__module__])
    match = _TUPLE_OF.fullmatch(annotation.strip())
    if match:
        item = match[1].strip()
        if not _NAME.fullmatch(item):
            return True, None  # a union or a generic of items: no attrs class
        found = scope.get(item, getattr(builtins, item, None))
        if found is None:
            return False, None
        return True, found if isinstance(found, type) and attrs.has(found) else None
    if "tuple" in annotation or "Tuple" in annotation:
        return False, None
    for word in _NAME.findall(annotation):
        found = scope.get(word, getattr(builtins, word, None))
        if word != "None" and not isinstance(found, type) and (found is None or "tuple" in repr(found)):
            return False, None  # not a class: it might name a tuple
    return True, None


def groups_for(member: Entity | None) -> tuple[type, ...]:
    """What ``member`` may be a member of: a person or an organisation also of an organisation (a council)."""
    return _PERSONS_GROUPS if isinstance(member, Person | Organisation) else _GROUPS


def references(
    entity: Entity, entities: Mapping[str, Entity] | None = None
) -> Iterator[tuple[str, str, tuple[type, ...]]]:
    """(field, id, allowed classes) for every reference an entity makes.

    What a membership's group may be depends on its member, looked up in ``entities``.

    Examples:
        >>> post = wk.load()["gnd-waterregisseur"]
        >>> [(field, target) for field, target, _ in references(post)][:2]
        [('cooperation', 'groningen-noord-drenthe'), ('duties/0/body', 'gnd-regiegroep')]
    """
    for name, classes, sub in _fields(type(entity)):  # type: ignore[arg-type]
        value = getattr(entity, name)
        if sub is None:
            if value is not None:
                if name == "group" and entities is not None and isinstance(entity, Membership):
                    classes = groups_for(entities.get(entity.member))
                yield name, value, classes
            continue
        for index, item in enumerate(value):
            target = getattr(item, sub)
            if target is not None:
                yield f"{name}/{index}/{sub}", target, classes


def problem(record: Record, field: str | None, reason: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(
        source=record.provenance.source,
        place=record.provenance.locator,
        field=field,
        reason=reason,
        severity=severity,
        record=record.data if severity is Severity.ERROR else None,
    )


def reference_problems(entity: Entity, record: Record, entities: dict[str, Entity]) -> Iterator[Problem]:
    for field, target_id, allowed in references(entity, entities):
        target = entities.get(target_id)
        if target is None:
            reason = f"refers to {target_id!r}, which is not defined"
        elif not isinstance(target, allowed):
            names = " or ".join(cls.tag for cls in allowed)  # type: ignore[attr-defined]
            reason = f"refers to {target_id!r}, {a(target.tag)}, where {a(names)} is expected"
        else:
            continue
        yield Problem(
            source=record.provenance.source,
            place=record.provenance.locator,
            field=field,
            reason=reason,
            record=record.data,
        )


def _trimmed(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """``edges`` without the nodes that have no edge in or no edge out: none of them lies on a cycle.

    Repeated until nothing more goes; in a network, the members that are no
    group (most of its memberships) go in the first round.
    """
    while True:
        targets: set[str] = set().union(*edges.values())
        kept = {node: children & edges.keys() for node, children in edges.items() if node in targets}
        kept = {node: children for node, children in kept.items() if children}
        if len(kept) == len(edges) and sum(map(len, kept.values())) == sum(map(len, edges.values())):
            return kept
        edges = kept


def on_cycles(edges: dict[str, set[str]]) -> set[str]:
    """The nodes that lie on a cycle of ``edges`` (Tarjan's strongly connected components)."""
    edges = _trimmed(edges)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[str] = set()
    counter = 0
    for root in list(edges):
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.update(component)
    return found
