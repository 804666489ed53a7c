"""A network out as a Popolo JSON document.

Each entity is written as the Popolo object that says the most of it. What
that object cannot say is found by reading the object back with the reader's
own mapping and comparing, field by field, with the entity; exactly those
fields go, in waterketen's native form, into the object's ``waterketen``
field. Agreements, spearheads and changes, which Popolo has no class for,
go into the document's ``waterketen`` field. Reading the document back
therefore gives the same network.
"""

from __future__ import annotations

import functools
import json
import typing
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

import waterketen as wk
from waterketen.convert import make_converter, unstructure_entity
from waterketen.formats.files import write_atomically

from ._dates import end_to_popolo, start_to_popolo
from ._mapping import EXTENSION, MAPPERS, TENURE, UNKNOWN_NAME, Index
from ._source import VERSION


if TYPE_CHECKING:
    from cattrs import Converter


__all__ = ["classification", "dumps", "popolo_writer", "to_popolo", "write"]

_MISSING = object()
_DOCUMENT_SECTIONS: tuple[tuple[str, type[wk.Entity]], ...] = (
    ("agreements", wk.Agreement),
    ("spearheads", wk.Spearhead),
    ("changes", wk.Change),
)


@functools.cache
def _converter() -> Converter:
    return make_converter(detailed_validation=False)


_FIELDS: dict[str, tuple[tuple[str, Any, Any], ...]] = {}


def _fields(entity: wk.Entity) -> tuple[tuple[str, Any, Any], ...]:
    """(name, type, default or _MISSING) of every field of an entity's class."""
    if entity.tag not in _FIELDS:
        cls = type(entity)
        hints = typing.get_type_hints(cls)
        _FIELDS[entity.tag] = tuple(
            (a.name, hints[a.name], _MISSING if a.default is attrs.NOTHING else a.default)
            for a in attrs.fields(cls)
        )
    return _FIELDS[entity.tag]


def extension(entity: wk.Entity, data: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``entity`` that ``data`` (what the reader makes of its Popolo object) misses.

    Each comes in waterketen's native form, ready to overlay ``data`` with.
    """
    converter = _converter()
    missing: dict[str, Any] = {}
    for name, type_, default in _fields(entity):
        mine = getattr(entity, name)
        if name in data:
            try:
                theirs = converter.structure(data[name], type_)
            except Exception:  # what the reader makes of it is no value: say it again
                theirs = _MISSING
        else:
            theirs = default
        if theirs is _MISSING or theirs != mine:
            missing[name] = converter.unstructure(mine, type_)
    return missing


def classification(entity: wk.Cooperation | wk.Organisation | wk.Cluster | wk.Body) -> str:
    """The Popolo ``classification`` of an organisation-like entity.

    Examples:
        >>> classification(wk.Body(id="b", name="B", kind=wk.BodyKind.WATER_TEAM, cooperation="c"))
        'water-team'
    """
    if isinstance(entity, wk.Organisation):
        return entity.kind.value
    if isinstance(entity, wk.Body):
        return "body" if entity.kind is wk.BodyKind.OTHER else entity.kind.value
    return entity.tag


def _dates(period: wk.Period, start_key: str, end_key: str) -> dict[str, str]:
    dates = {}
    if (start := start_to_popolo(period.start)) is not None:
        dates[start_key] = start
    if (end := end_to_popolo(period.end)) is not None:
        dates[end_key] = end
    return dates


def _sources(entity: wk.Entity) -> dict[str, Any]:
    links = []
    for provenance in entity.provenance:
        link = {"url": provenance.source}
        if provenance.locator is not None:
            link["note"] = provenance.locator
        links.append(link)
    return {"sources": links} if links else {}


def _organization(entity: wk.Cooperation | wk.Organisation | wk.Cluster | wk.Body) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "id": entity.id,
        "name": entity.name if entity.name is not None else UNKNOWN_NAME,
        "classification": classification(entity),
    }
    if isinstance(entity, wk.Organisation):
        obj |= _identifiers(entity.identifiers) | _reach(entity)
    if not isinstance(entity, wk.Body) and entity.other_names:
        obj["other_names"] = [{"name": str(name)} for name in entity.other_names]
    if isinstance(entity, wk.Cluster):
        obj["parent_id"] = entity.cooperation
    elif isinstance(entity, wk.Body):
        obj["parent_id"] = entity.cluster or entity.cooperation
    obj |= _dates(entity.period, "founding_date", "dissolution_date")
    return obj | _sources(entity)


def _identifiers(identifiers: tuple[wk.Identifier, ...]) -> dict[str, Any]:
    if not identifiers:
        return {}
    return {"identifiers": [{"identifier": i.value, "scheme": i.scheme} for i in identifiers]}


def _with_note(obj: dict[str, Any], note: str | None) -> dict[str, Any]:
    return obj if note is None else obj | {"note": note}


def _reach(entity: wk.Organisation | wk.Person) -> dict[str, Any]:
    """Popolo ``links`` and ``contact_details``."""
    obj: dict[str, Any] = {}
    if entity.links:
        obj["links"] = [_with_note({"url": link.url}, link.note) for link in entity.links]
    if entity.contact_details:
        contacts = []
        for contact in entity.contact_details:
            written = {"type": contact.kind, "value": contact.value}
            if contact.label is not None:
                written["label"] = contact.label
            written = _with_note(written, contact.note)
            contacts.append(written | _dates(contact.period, "valid_from", "valid_until"))
        obj["contact_details"] = contacts
    return obj


def _person(entity: wk.Person) -> dict[str, Any]:
    obj: dict[str, Any] = {"id": entity.id, "name": entity.name} | _identifiers(entity.identifiers)
    if entity.other_names:
        obj["other_names"] = [
            _with_note({"name": n.name}, n.note) | _dates(n.period, "start_date", "end_date")
            for n in entity.other_names
        ]
    obj |= _reach(entity) | _dates(entity.period, "birth_date", "death_date")
    return obj | _sources(entity)


def _post_place(post: wk.Post) -> dict[str, str]:
    """Where a post is held: the body of its first duty, with that role, or its cooperation."""
    if post.duties:
        return {"organization_id": post.duties[0].body, "role": post.duties[0].role.value}
    return {"organization_id": post.cooperation}


def _post(entity: wk.Post) -> dict[str, Any]:
    obj = {"id": entity.id, "label": entity.name} | _post_place(entity)
    return obj | _dates(entity.period, "start_date", "end_date") | _sources(entity)


def _member(network: wk.Network, member: str) -> dict[str, Any]:
    if isinstance(_get(network, member), wk.Person):
        return {"person_id": member}
    return {"member": {"@type": "Organization", "id": member}}


def _get(network: wk.Network, entity_id: str) -> wk.Entity | None:
    try:
        return network[entity_id]
    except wk.UnknownEntityError:
        return None


def _membership(network: wk.Network, entity: wk.Membership) -> dict[str, Any]:
    obj = {"id": entity.id} | _member(network, entity.member) | {"organization_id": entity.group}
    if entity.post is not None and isinstance(_get(network, entity.group), wk.Organisation):
        obj["post_id"] = (
            entity.post
        )  # read back as a membership with a post; elsewhere, the extension says it
    if entity.role is not None:
        obj["role"] = entity.role
    if entity.label is not None:
        obj["label"] = entity.label
    if entity.on_behalf_of is not None:
        obj["on_behalf_of_id"] = entity.on_behalf_of
    return obj | _dates(entity.period, "start_date", "end_date") | _sources(entity)


def _tenure(network: wk.Network, entity: wk.Tenure) -> dict[str, Any]:
    obj = {"id": entity.id} | _member(network, entity.holder)
    post = _get(network, entity.post)
    if isinstance(post, wk.Post):
        obj |= _post_place(post) | {"post_id": entity.post}
        if post.represents is not None:
            obj["on_behalf_of_id"] = post.represents
        if isinstance(_get(network, post.cooperation), wk.Organisation) and not post.duties:
            obj[EXTENSION] = {TENURE: True}  # else it reads as a membership of the organisation
    else:
        obj["post_id"] = entity.post
    return obj | _dates(entity.period, "start_date", "end_date") | _sources(entity)


def to_popolo(network: wk.Network) -> dict[str, Any]:
    """The Popolo document of a network.

    Cooperations, organisations, clusters and bodies are Popolo
    organizations (told apart by ``classification``); posts are posts;
    memberships and tenures are memberships. Whatever Popolo cannot say is in
    ``waterketen`` fields, so :func:`waterketen_popolo.read` gives the network back.

    Examples:
        >>> doc = to_popolo(wk.load())
        >>> bedum = next(o for o in doc["organizations"] if o["id"] == "bedum")
        >>> bedum["classification"], bedum["identifiers"], bedum["dissolution_date"]
        ('municipality', [{'identifier': 'GM0005', 'scheme': 'cbs'}], '2018-12-31')
    """
    written: list[tuple[str, dict[str, Any], wk.Entity]] = []
    document: dict[str, Any] = {"persons": [], "organizations": [], "posts": [], "memberships": []}

    def add(collection: str, entity: wk.Entity, obj: dict[str, Any]) -> None:
        document[collection].append(obj)
        written.append((collection, obj, entity))

    organisations: list[wk.Cooperation | wk.Organisation | wk.Cluster | wk.Body] = [
        *network.entities(wk.Cooperation),
        *network.entities(wk.Organisation),
        *network.entities(wk.Cluster),
        *network.entities(wk.Body),
    ]
    for organisation in organisations:
        add("organizations", organisation, _organization(organisation))
    for person in network.entities(wk.Person):
        add("persons", person, _person(person))
    for post in network.entities(wk.Post):
        add("posts", post, _post(post))
    for membership in network.entities(wk.Membership):
        add("memberships", membership, _membership(network, membership))
    for tenure in network.entities(wk.Tenure):
        add("memberships", tenure, _tenure(network, tenure))
    index = Index.of(document)
    for collection, obj, entity in written:
        _, mapper = MAPPERS[collection]
        _, data = mapper(obj, index, _ignore)
        if missing := extension(entity, data):
            obj[EXTENSION] = obj.get(EXTENSION, {}) | missing
    sections: dict[str, Any] = {"version": VERSION}
    for section, kind in _DOCUMENT_SECTIONS:
        if entities := network.entities(kind):
            sections[section] = [unstructure_entity(e) for e in entities]
    document[EXTENSION] = sections
    return document


def _ignore(field: str, reason: str) -> None:
    pass


def dumps(network: wk.Network, *, indent: int | None = 2) -> str:
    """The Popolo document of a network as JSON text."""
    return json.dumps(to_popolo(network), ensure_ascii=False, indent=indent) + "\n"


def write(network: wk.Network, path: str | PathLike[str]) -> None:
    """Write the network to ``path`` as Popolo JSON, atomically (see :func:`to_popolo`)."""
    write_atomically(path, dumps(network))


def _write(network: wk.Network, path: Path) -> None:
    write(network, path)


popolo_writer = wk.Writer(
    name="popolo",
    description="Popolo JSON: persons, organizations, posts and memberships",
    write=_write,
    suffixes=(".popolo.json",),
)
"""The writer this plugin offers."""
