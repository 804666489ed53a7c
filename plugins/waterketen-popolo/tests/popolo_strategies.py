"""Hypothesis strategies: valid Popolo documents within the mapping, and messy ones.

:func:`popolo_documents` draws documents that use only what the mapping
covers (see the README's table), so reading and writing one must keep every
field. :func:`messy_documents` and :data:`json_values` draw anything.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

import waterketen as wk
from waterketen.testing import instants, names


__all__ = ["json_values", "messy_documents", "popolo_dates", "popolo_documents"]

_ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(/[a-z0-9._-]{1,8})?", fullmatch=True)
"""Ids as Popolo files have them, path-like ones included."""
_schemes = st.from_regex(r"[a-z][a-z0-9_-]{0,9}", fullmatch=True)

popolo_dates = instants.map(lambda instant: instant.isoformat())
"""Popolo dates: ``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD``."""


def _first(instant: wk.typing.Instant) -> date:
    return instant.first_day if isinstance(instant, wk.PartialDate) else instant


def _last(instant: wk.typing.Instant) -> date:
    return instant.last_day if isinstance(instant, wk.PartialDate) else instant


@st.composite
def _dates(draw: st.DrawFn, start_key: str, end_key: str) -> dict[str, str]:
    """A start and an end (the last day, as Popolo has it), either left out, never in the wrong order."""
    start = draw(st.none() | instants)
    end = draw(st.none() | instants)
    if start is not None and end is not None and _last(end) < _first(start):
        start, end = end, start
        if _last(end) < _first(start):
            end = None
    dates = {}
    if start is not None:
        dates[start_key] = start.isoformat()
    if end is not None:
        dates[end_key] = end.isoformat()
    return dates


_sources = st.lists(
    st.fixed_dictionaries({"url": names}, optional={"note": st.text(max_size=10)}), max_size=2
)


_links = st.lists(st.fixed_dictionaries({"url": names}, optional={"note": names}), max_size=2)
_contacts = st.lists(
    st.fixed_dictionaries(
        {"type": st.just("address"), "value": names},
        optional={"label": names, "note": names},
    ),
    max_size=1,
)
"""Addresses only: the tests hold no telephone numbers or e-mail addresses."""


@st.composite
def _reach(draw: st.DrawFn) -> dict[str, Any]:
    """``links`` and ``contact_details``, each left out when empty."""
    out: dict[str, Any] = {}
    if links := draw(_links):
        out["links"] = links
    if contacts := draw(_contacts):
        out["contact_details"] = [c | draw(_dates("valid_from", "valid_until")) for c in contacts]
    return out


@st.composite
def _person_details(draw: st.DrawFn) -> dict[str, Any]:
    """A person's identifiers, other names with their dates, links and contacts."""
    out: dict[str, Any] = {}
    identifiers = draw(st.lists(st.fixed_dictionaries({"identifier": names, "scheme": _schemes}), max_size=2))
    if identifiers:
        out["identifiers"] = identifiers
    other = [
        {"name": draw(names)}
        | draw(_dates("start_date", "end_date"))
        | draw(st.just({}) | st.builds(lambda n: {"note": n}, names))
        for _ in range(draw(st.integers(0, 2)))
    ]
    if other:
        out["other_names"] = other
    return out | draw(_reach())


@st.composite
def _seat_details(draw: st.DrawFn, orgs: list[dict[str, Any]]) -> dict[str, Any]:
    """A membership's ``role``, ``label`` and ``on_behalf_of_id``, each maybe."""
    out: dict[str, Any] = {}
    for key in ("role", "label"):
        if (value := draw(st.none() | names)) is not None:
            out[key] = value
    if draw(st.booleans()):
        out["on_behalf_of_id"] = draw(st.sampled_from(orgs))["id"]
    return out


@st.composite
def popolo_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Valid Popolo documents that use only the fields the mapping covers."""
    used: set[str] = set()

    def new_id() -> str:
        value = draw(_ids)
        while value in used:
            value += "x"
        used.add(value)
        return value

    def common(start_key: str, end_key: str) -> dict[str, Any]:
        obj: dict[str, Any] = {"id": new_id()}
        obj |= draw(_dates(start_key, end_key))
        if sources := draw(_sources):
            obj["sources"] = sources
        return obj

    def other_names() -> dict[str, Any]:
        found = draw(st.lists(names, max_size=2))
        return {"other_names": [{"name": n} for n in found]} if found else {}

    def organization(classification: str, **fields: Any) -> dict[str, Any]:
        obj = common("founding_date", "dissolution_date")
        return obj | {"name": draw(names), "classification": classification} | fields

    coops = [organization("cooperation", **other_names()) for _ in range(draw(st.integers(1, 2)))]
    orgs = []
    for _ in range(draw(st.integers(0, 4))):
        identifiers = draw(
            st.lists(st.fixed_dictionaries({"identifier": names, "scheme": _schemes}), max_size=2)
        )
        kind = draw(st.sampled_from(["municipality", "water-board", "water-company", "province", "other"]))
        orgs.append(
            organization(
                kind,
                **other_names(),
                **({"identifiers": identifiers} if identifiers else {}),
                **draw(_reach()),
            )
        )
    clusters = [
        organization("cluster", parent_id=draw(st.sampled_from(coops))["id"], **other_names())
        for _ in range(draw(st.integers(0, 3)))
    ]
    bodies = [
        organization(
            draw(st.sampled_from(["steering-group", "coordinators-meeting", "water-team", "body"])),
            parent_id=draw(st.sampled_from(coops + clusters))["id"],
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    persons = [
        common("birth_date", "death_date") | {"name": draw(names)} | draw(_person_details())
        for _ in range(draw(st.integers(0, 3)))
    ]
    posts = []
    for _ in range(draw(st.integers(0, 3))):
        place = draw(st.sampled_from(coops + bodies))
        post = common("start_date", "end_date") | {"label": draw(names), "organization_id": place["id"]}
        if place in bodies:
            post["role"] = draw(st.sampled_from(["chair", "secretary", "member", "lead"]))
        posts.append(post)
    groups = coops + clusters + bodies
    members = coops + orgs + clusters + bodies + persons
    memberships = []

    def member(obj: dict[str, Any]) -> dict[str, Any]:
        if obj in persons:
            return {"person_id": obj["id"]}
        return {"member": {"@type": "Organization", "id": obj["id"]}}

    for _ in range(draw(st.integers(0, 4))):
        group = draw(st.sampled_from(groups))
        # A group holds only groups listed after it: no group ends up inside itself.
        candidates = [
            m
            for m in members
            if m is not group and not (m in groups and groups.index(m) <= groups.index(group))
        ]
        if not candidates:
            continue
        who = draw(st.sampled_from(candidates))
        memberships.append(common("start_date", "end_date") | member(who) | {"organization_id": group["id"]})
    # Persons in organisations (a council, a legislature): role, label, party, and a post of the organisation.
    council_posts: list[dict[str, Any]] = []
    for person in persons if orgs else []:
        for _ in range(draw(st.integers(0, 2))):
            place = draw(st.sampled_from(orgs))
            seat = common("start_date", "end_date") | {
                "person_id": person["id"],
                "organization_id": place["id"],
            }
            seat |= draw(_seat_details(orgs))
            if draw(st.booleans()):
                post = common("start_date", "end_date") | {
                    "label": draw(names),
                    "organization_id": place["id"],
                }
                council_posts.append(post)
                seat["post_id"] = post["id"]
            memberships.append(seat)
    holders = persons + orgs
    for post in posts if holders else []:
        behalf = draw(st.none() | st.sampled_from(coops + orgs + clusters + bodies))
        for _ in range(draw(st.integers(0, 2))):
            tenure = common("start_date", "end_date") | member(draw(st.sampled_from(holders)))
            tenure |= {k: post[k] for k in ("organization_id", "role") if k in post}
            tenure["post_id"] = post["id"]
            if behalf is not None:
                tenure["on_behalf_of_id"] = behalf["id"]
            memberships.append(tenure)
    return {
        "persons": persons,
        "organizations": coops + orgs + clusters + bodies,
        "posts": posts + council_posts,
        "memberships": memberships,
    }


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
"""Any JSON value."""

_VOCABULARY = [
    "id", "name", "label", "classification", "parent_id", "identifiers", "identifier", "scheme",
    "other_names", "founding_date", "dissolution_date", "birth_date", "death_date", "start_date",
    "end_date", "person_id", "member", "person", "organization_id", "organization", "post_id", "post",
    "role", "on_behalf_of_id", "sources", "url", "note", "seats", "@type", "waterketen", "version",
    "period", "duties", "changes",
]  # fmt: skip
_popolo_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 3000)
    | st.sampled_from(["", " ", "2014", "2014-11", "2014-02-30", "2018-12-31", "9999-12-31", "unknown"])
    | st.sampled_from(["cooperation", "cluster", "body", "municipality", "party", "chair", "Member"])
    | st.text(max_size=8)
    | _ids,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(_VOCABULARY) | st.text(max_size=5), children, max_size=5)
    ),
    max_leaves=25,
)


@st.composite
def messy_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Popolo-shaped documents of anything: the right collections, any objects in them."""
    keys = st.sampled_from([*_VOCABULARY, "areas", "events", "meta"])
    objects = st.dictionaries(keys, _popolo_values, max_size=8)
    collection = st.lists(objects | _popolo_values, max_size=4) | _popolo_values
    document: dict[str, Any] = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "persons": collection,
                "organizations": collection,
                "posts": collection,
                "memberships": collection,
                "areas": collection,
                "events": collection,
                "meta": _popolo_values,
                "waterketen": st.fixed_dictionaries(
                    {}, optional={"changes": collection, "version": _popolo_values}
                )
                | _popolo_values,
            },
        )
    )
    return document
