"""The loading pipeline: sources → records → entities → merge → check → Network.

:func:`load` takes paths, ``scheme:`` locations or source objects (nothing: the
embedded dataset). Every record is structured by the one converter; records
from several sources merge by id; a disagreement is reported with both
provenances, never resolved silently; references to unknown ids are errors.

A strict load (the default) raises :class:`~waterketen.LoadError` listing
every problem. A lenient load keeps every valid record and puts each rejected
one, whole, in the :class:`LoadReport`: records read = accepted + rejected.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from attrs import frozen

from ._time import Instant, PartialDate, Period
from .convert import clear_tables, describe_error, sharing, structure_entity, unstructure_entity
from .errors import LoadError, Problem, Severity, SourceError, UnknownSourceError, WaterketenError
from .model import (
    ENTITY_TYPES,
    Agreement,
    Body,
    Change,
    Cluster,
    Cooperation,
    Entity,
    Membership,
    Organisation,
    Person,
    Post,
    Provenance,
    Spearhead,
    Tenure,
    a,
)
from .network import Network
from .plugins import PluginManager, default_plugin_manager, load_entry_points
from .sources import Record, Source, SourceType, updated_of, warnings_of
from .sources.embedded import DEFAULT_DATASET


__all__ = ["LoadReport", "Rejected", "SourceSummary", "load", "open_source", "source_types"]

SourceLike = str | os.PathLike[str] | Source


@frozen(kw_only=True)
class Rejected:
    """A record that was not accepted, kept whole with its problems."""

    record: Record
    problems: tuple[Problem, ...]


@frozen(kw_only=True)
class SourceSummary:
    """What one source gave."""

    name: str
    read: int
    accepted: int
    updated: Instant | None = None


@frozen(kw_only=True)
class LoadReport:
    """What a load read, accepted and rejected, and every problem with its place.

    ``read == accepted + len(rejected)`` always holds.
    """

    read: int
    accepted: int
    rejected: tuple[Rejected, ...]
    problems: tuple[Problem, ...]
    """Every problem: those of rejected records, of unreadable sources, and warnings."""
    sources: tuple[SourceSummary, ...]

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return not self.errors

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of error severity."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems of warning severity."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    def __str__(self) -> str:
        lines = [f"read {self.read} records: {self.accepted} accepted, {len(self.rejected)} rejected"]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


def source_types(plugins: PluginManager | None = None) -> tuple[SourceType, ...]:
    """Every source type the plugins offer."""
    pm = plugins or default_plugin_manager()
    return tuple(t for offered in pm.hook.waterketen_source_types() for t in offered)


def open_source(location: SourceLike, plugins: PluginManager | None = None) -> Source:
    """Turn a path, a ``scheme:location`` or a source object into a source.

    Raises:
        UnknownSourceError: no installed source type handles the location.
    """
    if not isinstance(location, str | os.PathLike):
        return location
    text = os.fspath(location)
    pm = plugins or default_plugin_manager()
    if not pm.entry_points_loaded and not _by_scheme(text, source_types(pm)):
        # Only a built-in scheme settles a location without the installed
        # plugins: a plugin may own another scheme, or a longer suffix
        # (.popolo.json) than a built-in one (.json). Scanning entry points
        # costs start-up time, so the embedded dataset never pays it.
        load_entry_points(pm)
    found = _match(text, source_types(pm))
    if found is not None:
        source_type, rest = found
        return source_type.open(rest)
    known = sorted(
        {f"{s}:" for t in source_types(pm) for s in t.schemes}
        | {x for t in source_types(pm) for x in t.suffixes}
    )
    raise UnknownSourceError(f"no source type reads {text!r}; known schemes and suffixes: {', '.join(known)}")


def _by_scheme(text: str, types: Iterable[SourceType]) -> bool:
    scheme, colon, _ = text.partition(":")
    return bool(colon) and len(scheme) > 1 and any(scheme in t.schemes for t in types)


def _match(text: str, types: Iterable[SourceType]) -> tuple[SourceType, str] | None:
    scheme, colon, rest = text.partition(":")
    types = tuple(types)
    if colon and len(scheme) > 1:
        for source_type in types:
            if scheme in source_type.schemes:
                return source_type, rest
    lowered = text.lower()
    matches = [(len(s), t) for t in types for s in t.suffixes if lowered.endswith(s)]
    if matches:
        return max(matches, key=lambda m: m[0])[1], text
    return None


def load(*sources: SourceLike, strict: bool = True, plugins: PluginManager | None = None) -> Network:
    """Load sources into a :class:`~waterketen.Network`.

    Args:
        *sources: paths (``net.json``, ``net.toml``), locations with a scheme
            (``embedded:groningen-noord-drenthe``, ``wiki:page.txt``) or
            :class:`~waterketen.Source` objects; none loads the embedded dataset.
        strict: raise on any error (the default); when false, keep every
            valid record and report the rest in ``network.report``.
        plugins: the plugin manager to find source types in.

    Raises:
        LoadError: a strict load found errors; every one is listed.

    Examples:
        >>> net = wk.load()
        >>> net.report.read == net.report.accepted + len(net.report.rejected)
        True
    """
    pm = plugins or default_plugin_manager()
    loader = _Loader()
    # A load makes many objects and frees few: the collector would walk them
    # again and again for nothing, so it is paused for the load.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with sharing():
            for location in sources or (f"embedded:{DEFAULT_DATASET}",):
                name = os.fspath(location) if isinstance(location, str | os.PathLike) else _name_of(location)
                try:
                    source = open_source(location, pm)
                except WaterketenError as exc:
                    loader.source_failed(name, exc)
                    continue
                loader.read(source)
            network, report = loader.finish()
    finally:
        if collecting:
            gc.enable()
    if strict and not report.ok:
        raise LoadError(report.errors, report)
    return network


def _name_of(source: Source) -> str:
    try:
        return str(source.name)
    except Exception:
        return repr(source)


class _Loader:
    """One load: collects entities, merges them by id and keeps the accounts.

    The raw record of an entity is kept only while it may still be rejected:
    until every entity it refers to has come and is itself settled (and always
    for a change, which the successor-loop check may reject at the end). In
    the native order, references point backwards, so nearly every record is
    let go at once, and a streamed source never needs all of its raw data.
    """

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.pending: dict[str, Record] = {}
        """The records of the entities whose references are not yet settled."""
        self.change_records: dict[str, Record] = {}
        self.rejected: list[Rejected] = []
        self.problems: list[Problem] = []
        self.summaries: list[SourceSummary] = []
        self.read_count = 0
        self.origins: dict[str, Any] = {}
        """The place of each entity: the locator alone in the first source, else its
        provenance; a list (a tuple once the load is done) when several sources gave it."""
        self.main: str | None = None
        """The name of the first source a record was accepted from."""

    def source_failed(self, name: str, exc: BaseException) -> None:
        if isinstance(exc, SourceError):
            self.problems.append(exc.problem)
        else:
            self.problems.append(Problem(source=name, reason=str(exc)))

    def read(self, source: Source) -> None:
        name = _name_of(source)
        read = accepted = 0
        # The built-in sources also offer their records as (tag, data,
        # locator): a Record and a Provenance are then made only for a record
        # that is kept (pending or rejected), not for each of a million.
        located = getattr(source, "_located_records", None)
        try:
            if located is not None:
                add_located = self.add_located
                for tag, data, locator in located():
                    read += 1
                    accepted += add_located(tag, data, name, locator)
            else:
                add = self.add
                for record in source.records():
                    if type(record) is not Record and not isinstance(record, Record):
                        raise TypeError(f"a source must yield Record objects, {name} yielded {record!r:.80}")
                    read += 1
                    accepted += add(record)
        except WaterketenError as exc:
            self.source_failed(name, exc)
        except Exception as exc:  # a plugin's bug is reported, never let through
            self.problems.append(
                Problem(source=name, reason=f"the source failed while reading: {type(exc).__name__}: {exc}")
            )
        try:
            self.problems.extend(warnings_of(source, name))
        except Exception as exc:  # a plugin's bug is reported, never let through
            self.problems.append(
                Problem(source=name, reason=f"the source's warnings failed: {type(exc).__name__}: {exc}")
            )
        self.read_count += read
        self.summaries.append(
            SourceSummary(name=name, read=read, accepted=accepted, updated=updated_of(source))
        )

    def reject(self, record: Record, problems: Iterable[Problem]) -> None:
        problems = tuple(problems)
        self.rejected.append(Rejected(record=record, problems=problems))
        self.problems.extend(problems)

    def add(self, record: Record) -> int:
        provenance = record.provenance
        return self.add_located(record.tag, record.data, provenance.source, provenance.locator, record)

    def add_located(
        self, tag: str, data: Any, source: str, locator: str | None, record: Record | None = None
    ) -> int:
        """Add one record, given as its parts; ``record`` is made only if it has to be kept."""
        if tag not in ENTITY_TYPES:
            record = record or Record(
                tag=tag, data=data, provenance=Provenance(source=source, locator=locator)
            )
            kinds = ", ".join(ENTITY_TYPES)
            reason = f"unknown kind of record {tag!r:.80}; expected one of {kinds}"
            self.reject(record, [Problem(source=source, place=locator, reason=reason, record=data)])
            return 0
        try:
            entity = structure_entity(tag, data)
        except Exception as exc:
            record = record or Record(
                tag=tag, data=data, provenance=Provenance(source=source, locator=locator)
            )
            self.reject(
                record,
                [
                    Problem(
                        source=source,
                        place=locator,
                        field=path.lstrip("/") if path else None,
                        reason=reason,
                        record=data,
                    )
                    for path, reason in describe_error(exc)
                ],
            )
            return 0
        if self.main is None:
            self.main = source
        entity_id = entity.id
        existing = self.entities.get(entity_id)
        if existing is None:
            if not self.settled(entity):
                record = record or Record(
                    tag=tag, data=data, provenance=Provenance(source=source, locator=locator)
                )
                self.pending[entity_id] = record
            if isinstance(entity, Change):
                record = record or Record(
                    tag=tag, data=data, provenance=Provenance(source=source, locator=locator)
                )
                self.change_records[entity_id] = record
            self.entities[entity_id] = entity
            # A place in the first source is kept as its locator alone.
            if source == self.main and locator is not None:
                self.origins[entity_id] = locator
            else:
                self.origins[entity_id] = (
                    record.provenance if record else _record(tag, data, source, locator).provenance
                )
            return 1
        record = record or _record(tag, data, source, locator)
        merged = _merge(existing, entity)
        if merged is None:
            self.reject(record, [_conflict(existing, self.first_origin(entity_id), entity, record)])
            return 0
        self.entities[entity_id] = merged
        origins = self.origins[entity_id]
        if isinstance(origins, list):
            origins.append(record.provenance)
        else:
            self.origins[entity_id] = [self.place(origins), record.provenance]
        return 1

    def place(self, origin: str | Provenance) -> Provenance:
        """The provenance of one origin as the loader keeps it."""
        return Provenance(source=self.main or "", locator=origin) if isinstance(origin, str) else origin

    def settled(self, entity: Entity) -> bool:
        """True when every entity ``entity`` refers to has come, is of the right kind and is settled."""
        entities, pending = self.entities, self.pending
        # The bulk of a network first, without the generator; ``pending`` is
        # empty while references point backwards, as in the native order.
        if isinstance(entity, Membership):
            member, group = entities.get(entity.member), entities.get(entity.group)
            if entity.on_behalf_of is not None or entity.post is not None:
                return _settled_references(entity, entities, pending)
            return (
                member is not None
                and group is not None
                and type(member) in _MEMBERS
                and type(group) in _groups_for(member)
                and (not pending or (entity.member not in pending and entity.group not in pending))
            )
        if isinstance(entity, Tenure):
            holder, post = entities.get(entity.holder), entities.get(entity.post)
            return (
                holder is not None
                and type(holder) in _HOLDERS
                and type(post) is Post
                and (not pending or (entity.holder not in pending and entity.post not in pending))
            )
        if isinstance(entity, Organisation | Person | Cooperation):
            return True
        return _settled_references(entity, entities, pending)

    def first_origin(self, entity_id: str) -> Provenance:
        origins = self.origins[entity_id]
        return origins[0] if isinstance(origins, list) else self.place(origins)

    def drop(self, entity_id: str) -> None:
        del self.entities[entity_id]
        del self.origins[entity_id]
        self.pending.pop(entity_id, None)
        self.change_records.pop(entity_id, None)

    def finish(self) -> tuple[Network, LoadReport]:
        clear_tables()  # every record is structured: the shared ids and dates are kept by the entities
        # Referential integrity, to a fixed point: rejecting a record can
        # leave others pointing at nothing. Settled entities need no check:
        # what they refer to is settled too, and is never rejected.
        while True:
            bad = [
                (entity_id, record, problems)
                for entity_id, record in self.pending.items()
                if (problems := list(_reference_problems(self.entities[entity_id], record, self.entities)))
            ]
            if not bad:
                break
            for entity_id, record, problems in bad:
                self.drop(entity_id)
                self.reject(record, problems)
        self.pending.clear()
        self.reject_successor_loops()
        self.reject_group_cycles()
        origins = self.origins
        for entity_id, places in origins.items():  # in place: no second table of a million ids
            if isinstance(places, list):
                origins[entity_id] = tuple(places)
        network = Network._adopt(self.entities)
        network._origins = origins
        network._origin_source = self.main
        self.problems.extend(_stale(network, self.summaries))
        report = LoadReport(
            read=self.read_count,
            accepted=self.read_count - len(self.rejected),
            rejected=tuple(self.rejected),
            problems=tuple(self.problems),
            sources=tuple(self.summaries),
        )
        network.report = report
        return network, report

    def reject_group_cycles(self) -> None:
        """Reject the memberships that put a cluster, body, cooperation or organisation inside itself."""
        entities, groups = self.entities, _GROUPS_OF_PERSONS
        memberships = [
            e
            for e in entities.values()
            if type(e) is Membership and isinstance(entities.get(e.member), groups)
        ]
        edges: dict[str, set[str]] = {}
        for membership in memberships:
            edges.setdefault(membership.member, set()).add(membership.group)
        looping = _on_cycles(edges)
        for membership in memberships:
            itself = membership.member == membership.group
            if itself or (membership.member in looping and membership.group in looping):
                # Settled records are not kept during a load: the entity's own fields stand for it.
                record = Record(
                    tag=Membership.tag,
                    data=unstructure_entity(membership),
                    provenance=self.first_origin(membership.id),
                )
                self.drop(membership.id)
                inside = "itself" if itself else f"a cycle of {', '.join(sorted(looping))}"
                reason = f"puts {membership.member!r} inside {inside}"
                self.reject(record, [_problem(record, "group", reason)])

    def reject_successor_loops(self) -> None:
        """Reject the change events that make an organisation its own successor."""
        changes = [(self.entities[i], r) for i, r in self.change_records.items()]
        edges: dict[str, set[str]] = {}
        for change, _ in changes:
            assert isinstance(change, Change)
            for before in change.before:
                edges.setdefault(before.id, set()).update(a.id for a in change.after if a.id != before.id)
        looping = _on_cycles(edges)
        for change, record in changes:
            assert isinstance(change, Change)
            loop = [p.id for p in change.before if p.id in looping]
            if loop and any(a.id in looping and a.id != loop[0] for a in change.after):
                self.drop(change.id)
                reason = f"makes a successor loop through {', '.join(sorted(looping))}"
                self.reject(record, [_problem(record, "before", reason)])
        self.change_records.clear()


def _record(tag: str, data: Any, source: str, locator: str | None) -> Record:
    return Record(tag=tag, data=data, provenance=Provenance(source=source, locator=locator))


def _settled_references(entity: Entity, entities: dict[str, Entity], pending: dict[str, Record]) -> bool:
    for _, target_id, allowed in _references(entity, entities):
        target = entities.get(target_id)
        if target is None or target_id in pending or not isinstance(target, allowed):
            return False
    return True


def _merge(old: Entity, new: Entity) -> Entity | None:
    """The two records of one id merged, or ``None`` when they disagree."""
    if type(old) is not type(new) or attrs.evolve(old, provenance=()) != attrs.evolve(new, provenance=()):
        return None
    provenance = old.provenance + tuple(p for p in new.provenance if p not in old.provenance)
    return attrs.evolve(old, provenance=provenance)


def _conflict(old: Entity, there: Provenance, entity: Entity, record: Record) -> Problem:
    if type(old) is not type(entity):
        detail = f"it is {a(entity.tag)} here and {a(old.tag)} there"
    else:
        fields = [
            f"{a.name} {getattr(entity, a.name)!r:.60} here, {getattr(old, a.name)!r:.60} there"
            for a in attrs.fields(type(entity))
            if a.name != "provenance" and getattr(entity, a.name) != getattr(old, a.name)
        ]
        detail = "; ".join(fields)
    return Problem(
        source=record.provenance.source,
        place=record.provenance.locator,
        field="id",
        reason=f"{entity.id!r} is also defined at {there.source} {there.locator or ''}".rstrip()
        + f" and the two disagree: {detail}",
        record=record.data,
    )


_GROUPS = (Cooperation, Cluster, Body)
_GROUPS_OF_PERSONS = (Cooperation, Cluster, Body, Organisation)
"""What a person or an organisation may be a member of: a council or a party (an organisation) too."""
_MEMBERS = (Organisation, Cooperation, Cluster, Person, Body)
_HOLDERS = (Person, Organisation)
_REPRESENTABLE = (Cluster, Organisation, Cooperation, Body)
_CHANGEABLE = (Organisation, Cooperation, Cluster, Body)
_POST_PLACES = (Cooperation, Organisation)
"""Where a post is: a cooperation, or (a council's mayor) an organisation."""


def _groups_for(member: Entity | None) -> tuple[type, ...]:
    """What ``member`` may be a member of: a person or organisation also of an organisation."""
    return _GROUPS_OF_PERSONS if isinstance(member, Person | Organisation) else _GROUPS


def _references(
    entity: Entity, entities: dict[str, Entity] | None = None
) -> Iterator[tuple[str, str, tuple[type, ...]]]:
    """(field, id, allowed classes) for every reference an entity makes.

    What a membership's group may be depends on its member, looked up in ``entities``.
    """
    if isinstance(entity, Cluster | Agreement | Spearhead | Body):
        yield "cooperation", entity.cooperation, (Cooperation,)
    elif isinstance(entity, Post):
        yield "cooperation", entity.cooperation, _POST_PLACES
    if isinstance(entity, Body) and entity.cluster is not None:
        yield "cluster", entity.cluster, (Cluster,)
    if isinstance(entity, Post):
        for index, duty in enumerate(entity.duties):
            yield f"duties/{index}/body", duty.body, (Body,)
        if entity.represents is not None:
            yield "represents", entity.represents, _REPRESENTABLE
    elif isinstance(entity, Membership):
        yield "member", entity.member, _MEMBERS
        yield "group", entity.group, _groups_for(entities.get(entity.member) if entities else None)
        if entity.on_behalf_of is not None:
            yield "on_behalf_of", entity.on_behalf_of, _REPRESENTABLE
        if entity.post is not None:
            yield "post", entity.post, (Post,)
    elif isinstance(entity, Tenure):
        yield "holder", entity.holder, _HOLDERS
        yield "post", entity.post, (Post,)
    elif isinstance(entity, Change):
        for side in ("before", "after"):
            for index, part in enumerate(getattr(entity, side)):
                yield f"{side}/{index}/id", part.id, _CHANGEABLE


def _problem(record: Record, field: str | None, reason: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(
        source=record.provenance.source,
        place=record.provenance.locator,
        field=field,
        reason=reason,
        severity=severity,
        record=record.data if severity is Severity.ERROR else None,
    )


def _on_cycles(edges: dict[str, set[str]]) -> set[str]:
    """The nodes that lie on a cycle of ``edges`` (Tarjan's strongly connected components)."""
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


def _stale(network: Network, summaries: Iterable[SourceSummary]) -> Iterator[Problem]:
    """Warn when a source lists organisations that had ended by the day it was last updated."""
    from ._history import describe_change

    for summary in summaries:
        if summary.updated is None:
            continue
        updated = summary.updated
        day = updated.first_day if isinstance(updated, PartialDate) else updated
        for entity in network.entities(Organisation):
            origins = [o for o in network.origin(entity.id) if o.source == summary.name]
            if not origins or entity.period.latest_end > day:
                continue
            ended_by = [
                describe_change(network, c)
                for c in network.changes(entity.id)
                if any(p.id == entity.id for p in c.before) and Period(start=c.date).contains(day)
            ]
            why = f" ({'; '.join(ended_by)})" if ended_by else ""
            yield Problem(
                source=summary.name,
                place=origins[0].locator,
                reason=f"the source was last updated on {updated} but lists {entity.name} ({entity.id}), "
                f"which had ended on {entity.period.end}{why}",
                severity=Severity.WARNING,
            )


def _reference_problems(entity: Entity, record: Record, entities: dict[str, Entity]) -> Iterator[Problem]:
    for field, target_id, allowed in _references(entity, entities):
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
