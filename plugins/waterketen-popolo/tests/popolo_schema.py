"""A check of Popolo documents against the Popolo JSON schemas, written from the specification.

No network access: the rules are those of the schemas of popoloproject.com
(popolo-spec ``schemas/*.json``) and of the specification's serialization
notes, kept strict where the schema's versions differ:

- a person and an organization have a ``name`` (required in the spec's
  earlier schemas), a post has a ``label``;
- a membership names an organization (``organization_id`` or
  ``organization``) and a member (``person_id``, ``person`` or ``member``, an
  object with ``@type`` Person or Organization and an ``id``);
- an identifier has an ``identifier``, an other name a ``name``, a link a ``url``;
- every date matches the Popolo date pattern;
- the fields the schemas type as text are text or null, the lists are lists;
- beyond the schemas: ids are unique and every ``*_id`` names an object of
  the document of the right class.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any


__all__ = ["DATE", "problems"]

DATE = re.compile(
    r"^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}(T[0-9]{2}(:[0-9]{2}){0,2}(Z|[+-][0-9]{2}(:[0-9]{2})?))?)$"
)
"""The date pattern of the Popolo schemas (a day may carry a time)."""

_DATES = {
    "persons": ("birth_date", "death_date"),
    "organizations": ("founding_date", "dissolution_date"),
    "posts": ("start_date", "end_date"),
    "memberships": ("start_date", "end_date"),
}
_TEXT = {
    "persons": ("id", "name", "family_name", "given_name", "sort_name", "gender", "image", "summary"),
    "organizations": ("id", "name", "classification", "parent_id", "area_id", "image"),
    "posts": ("id", "label", "role", "organization_id", "area_id"),
    "memberships": ("id", "label", "role", "person_id", "organization_id", "post_id", "on_behalf_of_id"),
}
_REQUIRED_TEXT = {"persons": "name", "organizations": "name", "posts": "label"}
_LISTS = ("identifiers", "other_names", "sources", "links", "contact_details")


def _text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _object_problems(collection: str, obj: Mapping[str, Any]) -> Iterator[str]:
    required = _REQUIRED_TEXT.get(collection)
    if required is not None and not (isinstance(obj.get(required), str) and obj[required].strip()):
        yield f"{required} is required and must be text"
    for key in _TEXT[collection]:
        if not _text(obj.get(key)):
            yield f"{key} must be text or null"
    for key in _DATES[collection]:
        value = obj.get(key)
        if value is not None and not (isinstance(value, str) and DATE.match(value)):
            yield f"{key} {value!r} does not match the Popolo date pattern"
    for key in _LISTS:
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(i, Mapping) for i in value):
            yield f"{key} must be a list of objects"
            continue
        for index, item in enumerate(value):
            field = {"identifiers": "identifier", "other_names": "name"}.get(key, "url")
            if key != "contact_details" and not isinstance(item.get(field), str):
                yield f"{key}/{index}: {field} is required and must be text"
            if key == "identifiers" and not _text(item.get("scheme")):
                yield f"{key}/{index}: scheme must be text or null"
            if key in ("sources", "links") and not _text(item.get("note")):
                yield f"{key}/{index}: note must be text or null"
    if collection == "memberships":
        if obj.get("organization_id") is None and obj.get("organization") is None:
            yield "a membership names an organization (organization_id or organization)"
        member = obj.get("member")
        if obj.get("person_id") is None and obj.get("person") is None and member is None:
            yield "a membership names a member (person_id, person or member)"
        if member is not None and not (
            isinstance(member, Mapping)
            and member.get("@type") in ("Person", "Organization")
            and isinstance(member.get("id"), str)
        ):
            yield "member must be an object with @type Person or Organization and an id"


def _references(document: Mapping[str, Any]) -> Iterator[str]:
    ids = {
        collection: [o.get("id") for o in document.get(collection, []) if isinstance(o, Mapping)]
        for collection in _DATES
    }
    every = [i for values in ids.values() for i in values if i is not None]
    if len(every) != len(set(every)):
        yield "ids are not unique"
    known = {collection: set(values) for collection, values in ids.items()}
    targets = {
        "parent_id": "organizations",
        "organization_id": "organizations",
        "on_behalf_of_id": "organizations",
        "person_id": "persons",
        "post_id": "posts",
    }
    for collection in _DATES:
        for index, obj in enumerate(document.get(collection, [])):
            for key, target in targets.items():
                if isinstance(obj, Mapping) and obj.get(key) is not None and obj[key] not in known[target]:
                    yield f"/{collection}/{index} {key}: {obj[key]!r} names no object of {target}"
            member = obj.get("member") if isinstance(obj, Mapping) else None
            if isinstance(member, Mapping):
                target = "persons" if member.get("@type") == "Person" else "organizations"
                if member.get("id") not in known[target]:
                    yield f"/{collection}/{index} member: {member.get('id')!r} names no object of {target}"


def problems(document: Any) -> list[str]:
    """Every way ``document`` breaks the Popolo schemas' rules (an empty list when it keeps them).

    Examples:
        >>> problems({"persons": [{"id": "p", "birth_date": "1970-13"}]})
        ['/persons/0: name is required and must be text']
        >>> problems({"memberships": [{"person_id": "p", "start_date": "2014"}]})[:1]
        ['/memberships/0: a membership names an organization (organization_id or organization)']
    """
    if not isinstance(document, Mapping):
        return ["a Popolo document is an object"]
    found = []
    for collection in _DATES:
        objects = document.get(collection, [])
        if not isinstance(objects, list):
            found.append(f"/{collection}: must be a list")
            continue
        for index, obj in enumerate(objects):
            if not isinstance(obj, Mapping):
                found.append(f"/{collection}/{index}: must be an object")
                continue
            found += [f"/{collection}/{index}: {p}" for p in _object_problems(collection, obj)]
    return found + list(_references(document))
