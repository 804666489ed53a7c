"""Popolo objects to the raw records waterketen's core structures.

Each function takes one Popolo object and gives the tag and the raw mapping
of a waterketen entity. It never raises: a value it cannot interpret is
passed on as it is, so that the core rejects the record with its reason
(``period/end: '2014-02-30' is not a real date``). A Popolo field waterketen
has no place for is left out and told to ``warn``.

The writer uses the same functions to learn what a Popolo object it wrote
does *not* say, and puts exactly that in the object's ``waterketen`` field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs
from attrs import frozen

from ._dates import end_from_popolo, start_from_popolo
from ._ids import blank, derived_id, to_id


__all__ = [
    "CLASSIFICATIONS",
    "EXTENSION",
    "MAPPERS",
    "TENURE",
    "TERMS",
    "UNKNOWN_NAME",
    "Index",
    "Warn",
    "escape",
    "is_term",
    "items",
    "membership",
    "organization",
    "person",
    "post",
]

EXTENSION = "waterketen"
"""The extension field: on an object, what Popolo cannot say of it; on the
document, the entities Popolo has no class for."""

TENURE = "tenure"
"""The key in a membership's extension that makes it a tenure of a post of an organisation."""

UNKNOWN_NAME = "(name unknown)"
"""The name written for a cluster whose name no source gives (Popolo requires one)."""

CLASSIFICATIONS: dict[str, tuple[str, str | None]] = {
    "cooperation": ("cooperation", None),
    "cluster": ("cluster", None),
    "municipality": ("organisation", "municipality"),
    "water-board": ("organisation", "water-board"),
    "water-company": ("organisation", "water-company"),
    "province": ("organisation", "province"),
    "other": ("organisation", "other"),
    "steering-group": ("body", "steering-group"),
    "coordinators-meeting": ("body", "coordinators-meeting"),
    "water-team": ("body", "water-team"),
    "body": ("body", "other"),
}
"""Popolo ``classification`` → (waterketen tag, kind)."""

_ROLES = ("chair", "secretary", "member", "lead")

Warn = Callable[[str, str], None]
"""Told of a field left out: ``warn(field, reason)``."""


def _ignore(field: str, reason: str) -> None:
    pass


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def _ref(value: Any) -> Any:
    return None if blank(value) else to_id(value)


def items(document: Mapping[str, Any], key: str) -> Iterator[tuple[str, Any]]:
    """Each item of a collection with its JSON pointer (``/persons/3``).

    A collection that is not a list is one item at ``/persons``, so that the
    core reads it or says why it cannot.
    """
    value = document.get(key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield f"/{escape(str(key))}/{index}", item
    elif value is not None:
        yield f"/{escape(str(key))}", value


def escape(key: str) -> str:
    """A key as a JSON pointer token (``~`` and ``/`` escaped)."""
    return key.replace("~", "~0").replace("/", "~1")


TERMS = frozenset({"legislative period", "legislative-period", "legislative_period", "term"})
"""The ``classification`` of an event that is a legislative period (a term)."""


def is_term(obj: Any) -> bool:
    """True for a Popolo event that is a legislative period."""
    if not isinstance(obj, Mapping):
        return False
    classification = obj.get("classification")
    return isinstance(classification, str) and classification.strip().casefold() in TERMS


def org_class(classification: Any) -> tuple[str, str | None, bool]:
    """(tag, kind, whether waterketen knows the classification)."""
    if isinstance(classification, str):
        key = classification.strip().casefold().replace("_", "-").replace(" ", "-")
        if key in CLASSIFICATIONS:
            tag, kind = CLASSIFICATIONS[key]
            return tag, kind, True
    return "organisation", "other", False


@frozen
class Index:
    """What one Popolo object needs to know of the others of its document."""

    orgs: dict[str, tuple[str, Any]]
    """Organisation id → (tag, parent id)."""
    posts: dict[str, tuple[Any, Any]]
    """Post id → (organization id, role)."""
    represents: dict[str, str]
    """Post id → the organisation on whose behalf every holder of the post holds it."""
    terms: dict[str, tuple[Any, Any]] = attrs.field(factory=dict)
    """Event id → (start date, end date) of the events that are legislative periods."""

    @classmethod
    def of(cls, document: Mapping[str, Any]) -> Index:
        """The index of a Popolo document (never raises)."""
        orgs: dict[str, tuple[str, Any]] = {}
        for _, obj in items(document, "organizations"):
            if isinstance(obj, Mapping) and isinstance(key := _ref(obj.get("id")), str):
                orgs.setdefault(key, (org_class(obj.get("classification"))[0], _ref(obj.get("parent_id"))))
        posts: dict[str, tuple[Any, Any]] = {}
        for _, obj in items(document, "posts"):
            if isinstance(obj, Mapping) and isinstance(key := _ref(obj.get("id")), str):
                posts.setdefault(key, (_ref(obj.get("organization_id")), obj.get("role")))
        behalf: dict[str, set[Any]] = {}
        for _, obj in items(document, "memberships"):
            if isinstance(obj, Mapping) and isinstance(key := _ref(obj.get("post_id")), str):
                value = _ref(obj.get("on_behalf_of_id"))
                behalf.setdefault(key, set()).add(value if isinstance(value, str) else None)
        represents = {
            key: next(iter(values))
            for key, values in behalf.items()
            if len(values) == 1
            and None not in values
            and (not orgs or next(iter(values)) in orgs)
            and not (key in posts and orgs.get(posts[key][0], ("",))[0] == "organisation")
        }
        terms: dict[str, tuple[Any, Any]] = {}
        for _, obj in items(document, "events"):
            if is_term(obj) and isinstance(key := _ref(obj.get("id")), str):
                terms.setdefault(key, (obj.get("start_date"), obj.get("end_date")))
        return cls(orgs, posts, represents, terms)

    def held_in_organisation(self, group: Any, post_id: Any) -> bool:
        """True when a membership with a post is one of an organisation (a council's mayor), not a tenure."""
        if group is None and isinstance(post_id, str) and post_id in self.posts:
            group = self.posts[post_id][0]
        return self.tag(group) == "organisation"

    def tag(self, org: Any) -> str | None:
        """The tag of an organisation of the document, if it has one."""
        return self.orgs[org][0] if isinstance(org, str) and org in self.orgs else None

    def parent(self, org: Any) -> Any:
        """The parent of an organisation of the document, if it has one."""
        return self.orgs[org][1] if isinstance(org, str) and org in self.orgs else None

    def cooperation_of_body(self, body: Any) -> Any:
        """The cooperation of a body: its parent, or its cluster's parent."""
        parent = self.parent(body)
        return self.parent(parent) if self.tag(parent) == "cluster" else parent


def _own_id(obj: Mapping[str, Any], prefix: str, parts: tuple[Any, ...] = ()) -> Any:
    value = obj.get("id")
    return derived_id(prefix, parts, obj) if blank(value) else to_id(value)


def _period(obj: Mapping[str, Any], start_key: str, end_key: str) -> dict[str, Any]:
    period = {}
    if (start := start_from_popolo(obj.get(start_key))) is not None:
        period["start"] = start
    if (end := end_from_popolo(obj.get(end_key))) is not None:
        period["end"] = end
    return period


def _names(value: Any, warn: Warn) -> Any:
    if not isinstance(value, list):
        return value  # the core says it is not a list
    names = []
    for index, item in enumerate(value):
        if isinstance(item, Mapping):
            names.append(item.get("name"))
            for key, detail in item.items():
                if key != "name" and not _empty(detail):
                    warn(f"other_names/{index}/{key}", "left out: waterketen keeps only the name itself")
        else:
            names.append(item)  # a plain string is a name; the core reports anything else
    return names


def _dated_names(value: Any, warn: Warn) -> Any:
    """Popolo ``other_names`` with their periods (``start_date``, ``end_date``) and notes."""
    if not isinstance(value, list):
        return value
    names: list[Any] = []
    for index, item in enumerate(value):
        if not isinstance(item, Mapping):
            names.append({"name": item} if isinstance(item, str) else item)
            continue
        name: dict[str, Any] = {"name": item.get("name")}
        if period := _period(item, "start_date", "end_date"):
            name["period"] = period
        if not _empty(item.get("note")):
            name["note"] = item["note"]
        names.append(name)
        for key, detail in item.items():
            if key not in ("name", "start_date", "end_date", "note") and not _empty(detail):
                warn(
                    f"other_names/{index}/{key}", "left out: waterketen keeps the name, its period and a note"
                )
    return names


def _links(value: Any, warn: Warn) -> Any:
    """Popolo ``links`` (``url``, ``note``)."""
    if not isinstance(value, list):
        return value
    links: list[Any] = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            links.append({"url": item})
            continue
        if not isinstance(item, Mapping):
            links.append(item)
            continue
        link = {key: item[key] for key in ("url", "note") if not _empty(item.get(key))}
        links.append(link)
        for key, detail in item.items():
            if key not in ("url", "note") and not _empty(detail):
                warn(f"links/{index}/{key}", "left out: waterketen keeps the url and the note")
    return links


_CONTACT_KEYS = {"type": "kind", "value": "value", "label": "label", "note": "note"}


def _contacts(value: Any, warn: Warn) -> Any:
    """Popolo ``contact_details``: type, value, label, note, valid_from and valid_until."""
    if not isinstance(value, list):
        return value
    contacts: list[Any] = []
    for index, item in enumerate(value):
        if not isinstance(item, Mapping):
            contacts.append(item)
            continue
        contact = {
            mine: item[theirs] for theirs, mine in _CONTACT_KEYS.items() if not _empty(item.get(theirs))
        }
        if period := _period(item, "valid_from", "valid_until"):
            contact["period"] = period
        contacts.append(contact)
        for key, detail in item.items():
            if key not in (*_CONTACT_KEYS, "valid_from", "valid_until") and not _empty(detail):
                warn(
                    f"contact_details/{index}/{key}",
                    "left out: waterketen keeps the type, value, label, note and period",
                )
    return contacts


def _identifiers(value: Any, warn: Warn) -> Any:
    if not isinstance(value, list):
        return value
    identifiers = []
    for index, item in enumerate(value):
        if not isinstance(item, Mapping):
            identifiers.append(item)
            continue
        identifier: dict[str, Any] = {}
        if not blank(item.get("scheme")):
            identifier["scheme"] = to_id(item["scheme"])
        if item.get("identifier") is not None:
            identifier["value"] = item["identifier"]
        identifiers.append(identifier)
        for key, detail in item.items():
            if key not in ("scheme", "identifier") and not _empty(detail):
                warn(f"identifiers/{index}/{key}", "left out: waterketen keeps the scheme and the value")
    return identifiers


def _provenance(value: Any, warn: Warn) -> Any:
    if not isinstance(value, list):
        return value
    provenance = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            provenance.append({"source": item})
        elif isinstance(item, Mapping):
            entry = {}
            if item.get("url") is not None:
                entry["source"] = item["url"]
            if item.get("note") is not None:
                entry["locator"] = item["note"]
            provenance.append(entry)
            for key, detail in item.items():
                if key not in ("url", "note") and not _empty(detail):
                    warn(f"sources/{index}/{key}", "left out: waterketen keeps the url and the note")
        else:
            provenance.append(item)
    return provenance


def _common(obj: Mapping[str, Any], data: dict[str, Any], warn: Warn) -> None:
    if not _empty(sources := obj.get("sources")):
        data["provenance"] = _provenance(sources, warn)


def _left_out(obj: Mapping[str, Any], kept: frozenset[str], warn: Warn) -> None:
    for key, value in obj.items():
        if key not in kept and not _empty(value):
            warn(str(key), "left out: waterketen has no place for this field")


_ORG_KEPT = frozenset(
    {"id", "name", "classification", "founding_date", "dissolution_date", "sources", EXTENSION}
)


def organization(obj: Mapping[str, Any], index: Index, warn: Warn = _ignore) -> tuple[str, dict[str, Any]]:
    """A Popolo organization as a cooperation, organisation, cluster or body.

    The ``classification`` decides which (see :data:`CLASSIFICATIONS`); one
    waterketen does not know gives an organisation of kind ``other``.
    """
    classification = obj.get("classification")
    tag, kind, known = org_class(classification)
    if not known:
        said = "it has none" if blank(classification) else f"{classification!r:.60} is not one it knows"
        warn("classification", f"read as an organisation of kind 'other': {said}")
    data: dict[str, Any] = {"id": _own_id(obj, tag)}
    if obj.get("name") is not None:
        data["name"] = obj["name"]
    if tag in ("organisation", "body"):
        data["kind"] = kind
    kept = set(_ORG_KEPT)
    if tag in ("cooperation", "organisation", "cluster"):
        kept.add("other_names")
        if not _empty(other_names := obj.get("other_names")):
            data["other_names"] = _names(other_names, warn)
    if tag == "organisation":
        kept.update(("identifiers", "links", "contact_details"))
        if not _empty(identifiers := obj.get("identifiers")):
            data["identifiers"] = _identifiers(identifiers, warn)
        if not _empty(links := obj.get("links")):
            data["links"] = _links(links, warn)
        if not _empty(contacts := obj.get("contact_details")):
            data["contact_details"] = _contacts(contacts, warn)
    parent = _ref(obj.get("parent_id"))
    if tag == "cluster":
        kept.add("parent_id")
        if parent is not None:
            data["cooperation"] = parent
    elif tag == "body":
        kept.update(("parent_id", "seats"))
        if index.tag(parent) == "cluster":
            data["cluster"] = parent
            parent = index.parent(parent)
        if parent is not None:
            data["cooperation"] = parent
        if obj.get("seats") is not None:  # EveryPolitician's count of seats
            data["seats"] = obj["seats"]
    if period := _period(obj, "founding_date", "dissolution_date"):
        data["period"] = period
    _common(obj, data, warn)
    _left_out(obj, frozenset(kept), warn)
    return tag, data


_PERSON_KEPT = frozenset(
    {
        "id",
        "name",
        "identifiers",
        "other_names",
        "links",
        "contact_details",
        "birth_date",
        "death_date",
        "sources",
        EXTENSION,
    }
)


def person(obj: Mapping[str, Any], index: Index, warn: Warn = _ignore) -> tuple[str, dict[str, Any]]:
    """A Popolo person; the period runs from the birth date to the death date."""
    data: dict[str, Any] = {"id": _own_id(obj, "person")}
    if obj.get("name") is not None:
        data["name"] = obj["name"]
    if not _empty(identifiers := obj.get("identifiers")):
        data["identifiers"] = _identifiers(identifiers, warn)
    if not _empty(other_names := obj.get("other_names")):
        data["other_names"] = _dated_names(other_names, warn)
    if not _empty(links := obj.get("links")):
        data["links"] = _links(links, warn)
    if not _empty(contacts := obj.get("contact_details")):
        data["contact_details"] = _contacts(contacts, warn)
    if period := _period(obj, "birth_date", "death_date"):
        data["period"] = period
    _common(obj, data, warn)
    _left_out(obj, _PERSON_KEPT, warn)
    return "person", data


_POST_KEPT = frozenset(
    {"id", "label", "organization_id", "role", "start_date", "end_date", "sources", EXTENSION}
)


def _role(value: Any) -> Any:
    if isinstance(value, str) and value.strip().casefold() in _ROLES:
        return value.strip().casefold()
    return value  # the core lists the roles it knows


def post(obj: Mapping[str, Any], index: Index, warn: Warn = _ignore) -> tuple[str, dict[str, Any]]:
    """A Popolo post: in a body, a duty with its role; else a post of a cooperation."""
    key = _own_id(obj, "post")
    data: dict[str, Any] = {"id": key}
    if obj.get("label") is not None:
        data["name"] = obj["label"]
    organization_id = _ref(obj.get("organization_id"))
    role = obj.get("role")
    if index.tag(organization_id) == "body":
        duty: dict[str, Any] = {"body": organization_id}
        if not blank(role):
            duty["role"] = _role(role)
        data["duties"] = [duty]
        organization_id = index.cooperation_of_body(organization_id)
    elif not blank(role):
        warn("role", "left out: waterketen gives a post a role only in a body")
    if organization_id is not None:
        data["cooperation"] = organization_id
    if isinstance(key, str) and key in index.represents:
        data["represents"] = index.represents[key]
    if period := _period(obj, "start_date", "end_date"):
        data["period"] = period
    _common(obj, data, warn)
    _left_out(obj, _POST_KEPT, warn)
    return "post", data


_MEMBERSHIP_KEPT = frozenset(
    {
        "id",
        "person_id",
        "person",
        "member",
        "organization_id",
        "organization",
        "post_id",
        "post",
        "role",
        "label",
        "on_behalf_of_id",
        "legislative_period_id",
        "start_date",
        "end_date",
        "sources",
        EXTENSION,
    }
)


def _embedded_id(obj: Mapping[str, Any], key: str, warn: Warn) -> Any:
    """The id of an embedded object (``member``, ``person``, ...); its other fields are left out."""
    embedded = obj.get(key)
    if not isinstance(embedded, Mapping):
        if not _empty(embedded):
            warn(key, "left out: expected an object with an id")
        return None
    for field, value in embedded.items():
        if field not in ("id", "@type") and not _empty(value):
            warn(f"{key}/{field}", "left out: waterketen keeps only the id of an embedded object")
    return _ref(embedded.get("id"))


def _reference(obj: Mapping[str, Any], keys: tuple[str, ...], warn: Warn) -> Any:
    """The first of ``*_id`` and embedded objects that gives an id."""
    found = None
    for key in keys:
        value = _ref(obj.get(key)) if key.endswith("_id") else _embedded_id(obj, key, warn)
        if found is None:
            found = value
        elif value is not None and value != found:
            warn(key, f"left out: it names {value!r:.60}, but {keys[0]} names {found!r:.60}")
    return found


def _membership_details(obj: Mapping[str, Any], data: dict[str, Any], role: Any, behalf: Any) -> None:
    if not blank(role):
        data["role"] = role
    if not blank(label := obj.get("label")):
        data["label"] = label
    if behalf is not None:
        data["on_behalf_of"] = behalf


def membership(obj: Mapping[str, Any], index: Index, warn: Warn = _ignore) -> tuple[str, dict[str, Any]]:
    """A Popolo membership: a tenure when it holds a post, else a membership of a group."""
    member = _reference(obj, ("person_id", "member", "person"), warn)
    group = _reference(obj, ("organization_id", "organization"), warn)
    post_id = _reference(obj, ("post_id", "post"), warn)
    start = obj.get("start_date")
    term = _ref(obj.get("legislative_period_id"))
    dated: tuple[str, ...] = (term,) if isinstance(term, str) else ()
    if isinstance(start, str) and not blank(start):
        dated = (*dated, start)
    role, behalf = obj.get("role"), _ref(obj.get("on_behalf_of_id"))
    if isinstance(behalf, str) and index.orgs and behalf not in index.orgs:
        warn("on_behalf_of_id", f"left out: {behalf!r:.60} is no organization of the document")
        behalf = None
    period = _period(obj, "start_date", "end_date")
    if term is not None:
        if isinstance(term, str) and term in index.terms:
            term_start, term_end = index.terms[term]
            term_period = _period({"s": term_start, "e": term_end}, "s", "e")
            period = {**term_period, **period}  # the membership's own dates come first
        else:
            warn("legislative_period_id", "left out: no event of the document is this legislative period")
    data: dict[str, Any]
    extension = obj.get(EXTENSION)
    marked = isinstance(extension, Mapping) and extension.get(TENURE) is True
    if post_id is not None and not marked and index.held_in_organisation(group, post_id):
        if group is None:
            group = index.posts[post_id][0]
        data = {"id": _own_id(obj, "membership", (member, group, post_id, *dated)), "group": group}
        if member is not None:
            data["member"] = member
        data["post"] = post_id
        _membership_details(obj, data, role, behalf)
        tag = "membership"
    elif post_id is not None:
        tag = "tenure"
        data = {"id": _own_id(obj, "tenure", (member, post_id, *dated)), "post": post_id}
        if member is not None:
            data["holder"] = member
        if isinstance(post_id, str) and post_id in index.posts:
            post_org, post_role = index.posts[post_id]
            if group is not None and group != post_org:
                warn("organization_id", f"left out: the post is held in {post_org!r:.60}")
            if not blank(role) and role != post_role:
                warn("role", f"left out: the post's role is {post_role!r:.60}")
            if behalf is not None and behalf != index.represents.get(post_id):
                warn("on_behalf_of_id", "left out: the holders of this post are not all on behalf of it")
        if not blank(obj.get("label")):
            warn("label", "left out: a post's holder has the post's label")
    else:
        tag = "membership"
        data = {"id": _own_id(obj, "membership", (member, group, *dated))}
        if member is not None:
            data["member"] = member
        if group is not None:
            data["group"] = group
        _membership_details(obj, data, role, behalf)
    if period:
        data["period"] = period
    _common(obj, data, warn)
    _left_out(obj, _MEMBERSHIP_KEPT, warn)
    return tag, data


Mapper = Callable[[Mapping[str, Any], Index, Warn], tuple[str, dict[str, Any]]]

MAPPERS: dict[str, tuple[str, Mapper]] = {
    "organizations": ("organisation", organization),
    "persons": ("person", person),
    "posts": ("post", post),
    "memberships": ("membership", membership),
}
"""Popolo collection → (the tag of an item that is not an object, its mapper)."""
