"""One load: records in, structured by the converter, merged by id, checked for integrity, a Network out.

The raw record of an entity is kept only while it may still be rejected:
until every entity it refers to has come and is itself settled (and always
for a change, which the successor-loop check may reject at the end). In the
native order, references point backwards, so nearly every record is let go
at once, and a streamed source never needs all of its raw data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from .._fields import GROUPS, HOLDERS, MEMBERS
from .._origins import Origins
from ..convert import Tables, _fast_hook, describe_error, structure_entity, unstructure_entity
from ..errors import Problem, SourceError, WaterketenError
from ..model import (
    ENTITY_TYPES,
    Change,
    Cooperation,
    Entity,
    Membership,
    Organisation,
    Person,
    Post,
    Provenance,
    Tenure,
)
from ..network import Network
from ..sources import Record, Source, Unreadable, updated_of, warnings_of
from ._groups import merge_alike
from ._integrity import allowed, groups_for, reference_problems, references
from ._loops import reject_group_cycles, reject_successor_loops
from ._merge import Merger, conflict
from ._report import LoadReport, Rejected, SourceSummary, late_accounts
from ._staleness import as_of_of, stale


if TYPE_CHECKING:
    from ..matching import Match


__all__ = ["Loader", "name_of_source"]

_GROUPS = allowed(GROUPS)
_MEMBERS = allowed(MEMBERS)
_HOLDERS = allowed(HOLDERS)
_ALWAYS_SETTLED = frozenset({Organisation, Person, Cooperation})
"""The classes that refer to nothing."""
_TRIM_EVERY = 4096
"""How many records a source gives between two trims of the shared tables."""


def _lane(tag: str) -> tuple[Any, type[Any]] | None:
    """The converter's generated hook for the class of ``tag``, and the class (``None``: no such class).

    It is :func:`~waterketen.convert.structure_entity` without its checks: the
    loader trims the shared tables itself and, when the hook raises, asks
    ``structure_entity`` for the detailed error.
    """
    cls = ENTITY_TYPES.get(tag)
    return None if cls is None else (_fast_hook(cls), cls)


def name_of_source(source: Source) -> str:
    """The name of a source for messages (its repr, if its name fails)."""
    try:
        return str(source.name)
    except Exception:
        return repr(source)


class Loader:
    """One load: collects entities, merges them by id and keeps the accounts (see the module)."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        """The ids and date bounds the converter shares within this load."""
        self.entities: dict[str, Entity] = {}
        self.pending: dict[str, Record] = {}
        """The records of the entities whose references are not yet settled."""
        self.change_records: dict[str, Record] = {}
        self.rejected: list[Rejected] = []
        self.rejected_while_reading = 0
        """How many records were rejected before the end of the load."""
        self.problems: list[Problem] = []
        self.summaries: list[SourceSummary] = []
        self.read_count = 0
        self.origins: dict[str, Any] = {}
        """The place of each entity: the locator alone in the first source, else its
        provenance; a list (a tuple once the load is done) when several sources gave it."""
        self.main: str | None = None
        """The name of the first source a record was accepted from."""
        self.merger = Merger()
        self.listed = False
        """True once an entity has places in a list (several records gave it): see :meth:`finish`."""
        self.lanes: dict[str, tuple[Any, type[Any]] | None] = {}
        """The converter's generated hook and the class of each tag met (see :func:`_lane`)."""

    def source_failed(self, name: str, exc: BaseException) -> None:
        if isinstance(exc, SourceError):
            self.problems.append(exc.problem)
        else:
            self.problems.append(Problem(source=name, reason=str(exc)))

    def read(self, source: Source) -> None:
        name = name_of_source(source)
        read = accepted = 0
        # The built-in sources also offer their records as (tag, data,
        # locator): a Record and a Provenance are then made only for a record
        # that is kept (pending or rejected), not for each of a million.
        located = getattr(source, "_located_records", None)
        # The embedded datasets offer their entities already structured.
        structured = getattr(source, "_structured_records", None)
        try:
            prebuilt = structured() if structured is not None else None
            if prebuilt is not None:
                accept = self.accept
                for entity, locator in prebuilt:
                    read += 1
                    accepted += accept(entity, entity.tag, None, name, locator, None)
            elif located is not None:
                # add_located and accept written out for the bulk of a load: a table
                # structured by its class's hook, a new entity of the first source,
                # settled, not a change. Any other record takes them.
                entities, origins, lanes, trim = self.entities, self.origins, self.lanes, self.tables.trim
                add_located, add_structured, settled = self.add_located, self.add_structured, self.settled
                for tag, data, locator in located():
                    read += 1
                    lane = lanes[tag] if tag in lanes else lanes.setdefault(tag, _lane(tag))
                    made: Entity | None = None
                    if lane is not None and type(data) is dict:
                        try:
                            made = lane[0](data, lane[1])
                        except Exception:
                            made = None  # structured again by add_located, for the detailed error
                    if made is None:
                        accepted += add_located(tag, data, name, locator)
                    else:
                        if self.main is None:
                            self.main = name
                        entity_id = made.id
                        kind = type(made)
                        if (
                            entity_id not in entities
                            and name == self.main
                            and kind is not Change
                            and (kind in _ALWAYS_SETTLED or settled(made))
                        ):
                            entities[entity_id] = made
                            origins[entity_id] = locator
                            accepted += 1
                        else:
                            accepted += add_structured(made, tag, data, name, locator, None)
                    if not read % _TRIM_EVERY:
                        trim()
            else:
                add = self.add
                items: Iterable[object] = source.records()  # a plugin's may yield anything
                for item in items:
                    read += 1
                    if type(item) is not Record and not isinstance(item, Record):
                        self.reject_foreign(name, read, item)
                        continue
                    accepted += add(item)
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
            SourceSummary(
                name=name, read=read, accepted=accepted, updated=updated_of(source), as_of=as_of_of(source)
            )
        )

    def reject(self, record: Record, problems: Iterable[Problem]) -> None:
        problems = tuple(problems)
        stand_in = record.data
        if type(stand_in) is _Structured:  # the raw data of a structured record, made now it is needed
            data = unstructure_entity(stand_in.entity)
            record = attrs.evolve(record, data=data)
            problems = tuple(attrs.evolve(p, record=data) if p.record is stand_in else p for p in problems)
        self.rejected.append(Rejected(record=record, problems=problems))
        self.problems.extend(problems)

    def add(self, record: Record) -> int:
        provenance = record.provenance
        return self.add_located(record.tag, record.data, provenance.source, provenance.locator, record)

    def reject_foreign(self, name: str, number: int, item: object) -> None:
        """Keep, as a rejected record, something a source yielded that is not a record."""
        text = f"{item!r:.200}"
        record = Record(tag="?", data=text, provenance=Provenance(source=name, locator=f"item {number}"))
        reason = f"the source yielded {text:.80}, not a Record; it was left out and the rest was read"
        self.reject(record, [Problem(source=name, place=f"item {number}", reason=reason, record=text)])

    def add_located(
        self, tag: str, data: Any, source: str, locator: str | None, record: Record | None = None
    ) -> int:
        """Add one record, given as its parts; ``record`` is made only if it has to be kept."""
        entity: Entity | None = None
        if type(data) is dict:
            lanes = self.lanes
            lane = lanes[tag] if tag in lanes else lanes.setdefault(tag, _lane(tag))
            if lane is not None:
                try:
                    entity = lane[0](data, lane[1])
                except Exception:
                    entity = None  # structured again below, for the detailed error
        if entity is None:
            found = self.structured(tag, data, source, locator, record)
            if found is None:
                return 0
            entity = found
        return self.accept(entity, tag, data, source, locator, record)

    def accept(
        self, entity: Entity, tag: str, data: Any, source: str, locator: str | None, record: Record | None
    ) -> int:
        """Add one structured entity; ``data`` None stands for its unstructured fields (made if needed)."""
        if self.main is None:
            self.main = source
        entity_id = entity.id
        entities = self.entities
        if (
            entity_id not in entities
            and source == self.main
            and locator is not None
            and type(entity) is not Change
            and (type(entity) in _ALWAYS_SETTLED or self.settled(entity))
        ):
            # The bulk of a load: a new entity of the first source, settled, not a change.
            entities[entity_id] = entity
            self.origins[entity_id] = locator
            return 1
        return self.add_structured(entity, tag, data, source, locator, record)

    def structured(
        self, tag: str, data: Any, source: str, locator: str | None, record: Record | None
    ) -> Entity | None:
        """The entity of a record, or ``None`` when it is rejected (with its problems)."""
        if type(data) is Unreadable:
            record = record or _record(tag, data.raw, source, locator)
            self.reject(record, [attrs.evolve(data.problem, record=data.raw)])
            return None
        if tag not in ENTITY_TYPES:
            record = record or Record(
                tag=tag, data=data, provenance=Provenance(source=source, locator=locator)
            )
            kinds = ", ".join(ENTITY_TYPES)
            reason = f"unknown kind of record {tag!r:.80}; expected one of {kinds}"
            problem = Problem(source=source, place=locator, field=f"{tag:.80}", reason=reason, record=data)
            self.reject(record, [problem])
            return None
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
            return None
        return entity

    def add_structured(
        self, entity: Entity, tag: str, data: Any, source: str, locator: str | None, record: Record | None
    ) -> int:
        """Add one structured entity: new (pending when not settled) or merged with the one of its id."""
        entity_id = entity.id
        existing = self.entities.get(entity_id)
        if existing is None:
            if not self.settled(entity):
                record = record or _record(tag, _raw(entity, data), source, locator)
                self.pending[entity_id] = record
            if isinstance(entity, Change):
                record = record or _record(tag, _raw(entity, data), source, locator)
                self.change_records[entity_id] = record
            self.entities[entity_id] = entity
            # A place in the first source is kept as its locator alone.
            if source == self.main and locator is not None:
                self.origins[entity_id] = locator
            else:
                self.origins[entity_id] = (
                    record.provenance if record else Provenance(source=source, locator=locator)
                )
            return 1
        record = record or _record(tag, _raw(entity, data), source, locator)
        merged = self.merger.merge(existing, entity)
        if merged is None:
            self.reject(record, [conflict(existing, self.first_origin(entity_id), entity, record)])
            return 0
        self.entities[entity_id] = merged
        origins = self.origins[entity_id]
        if isinstance(origins, list):
            origins.append(record.provenance)
        else:
            self.origins[entity_id] = [self.place(origins), record.provenance]
            self.listed = True
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
                return self.references_settled(entity)
            return (
                member is not None
                and group is not None
                and type(member) in _MEMBERS
                and isinstance(group, groups_for(member))
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
        return self.references_settled(entity)

    def references_settled(self, entity: Entity) -> bool:
        """True when every entity ``entity`` refers to has come, is of the right kind and is settled."""
        entities, pending = self.entities, self.pending
        for _, target_id, classes in references(entity, entities):
            target = entities.get(target_id)
            if target is None or target_id in pending or not isinstance(target, classes):
                return False
        return True

    def first_origin(self, entity_id: str) -> Provenance:
        origins = self.origins[entity_id]
        return origins[0] if isinstance(origins, list) else self.place(origins)

    def drop(self, entity_id: str) -> None:
        del self.entities[entity_id]
        del self.origins[entity_id]
        self.pending.pop(entity_id, None)
        self.change_records.pop(entity_id, None)

    def finish(self) -> tuple[Network, LoadReport]:
        self.tables.clear()  # every record is structured: the shared ids and dates are kept by the entities
        self.merger.settle(self.entities)
        self.rejected_while_reading = len(self.rejected)
        matches: list[Match] = []
        several = sum(1 for s in self.summaries if s.accepted) > 1
        if several:  # one organisation under two sources' ids
            from .._matchmerge import merge_by_code

            matches, warnings = merge_by_code(
                self.entities, self.origins, self.place, [s.name for s in self.summaries]
            )
            self.problems.extend(warnings)
            _, warnings = merge_alike(self.entities, self.origins, self.place, self.pending)
            self.problems.extend(warnings)
        # Referential integrity, to a fixed point: rejecting a record can
        # leave others pointing at nothing. Settled entities need no check:
        # what they refer to is settled too, and is never rejected.
        while True:
            bad = [
                (entity_id, record, problems)
                for entity_id, record in self.pending.items()
                if (problems := list(reference_problems(self.entities[entity_id], record, self.entities)))
            ]
            if not bad:
                break
            for entity_id, record, problems in bad:
                self.drop(entity_id)
                self.reject(record, problems)
        self.pending.clear()
        reject_successor_loops(self)
        reject_group_cycles(self)
        origins = self.origins
        if several or self.listed:  # else no entity has its places in a list
            for entity_id, places in origins.items():  # in place: no second table of a million ids
                if isinstance(places, list):
                    origins[entity_id] = tuple(places)
        where = Origins(origins, self.main)
        if any(s.updated is not None for s in self.summaries):
            # Only a source that says when it was updated needs the staleness check.
            self.problems.extend(stale(Network(self.entities, origins=where), self.summaries))
        summaries = late_accounts(self.summaries, self.rejected[self.rejected_while_reading :])
        report = LoadReport(
            read=self.read_count,
            accepted=self.read_count - len(self.rejected),
            rejected=tuple(self.rejected),
            problems=tuple(self.problems),
            sources=summaries,
            matches=tuple(matches),
        )
        network = Network(self.entities, origins=where, report=report)
        return network, report


def _record(tag: str, data: Any, source: str, locator: str | None) -> Record:
    return Record(tag=tag, data=data, provenance=Provenance(source=source, locator=locator))


class _Structured:
    """Stands for the raw data of a record that came structured (a prebuilt form), until it is rejected."""

    __slots__ = ("entity",)

    def __init__(self, entity: Entity) -> None:
        self.entity = entity


def _raw(entity: Entity, data: Any) -> Any:
    """The raw data of a record: as read, or a stand-in when it came structured (made only if rejected)."""
    return _Structured(entity) if data is None else data
