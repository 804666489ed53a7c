"""Let a dataset refer to the register's organisations instead of keeping copies; say where it disagrees.

In a native document (the embedded datasets' TOML), an organisation record
with an ``id`` and no ``kind`` is a *reference* to the register's
organisation of that id. It may add what the dataset's own sources state and
the register does not: its ``name`` as the dataset's source spells it (which
must be one of the register's names), other names, a more precise ``period``
within the register's, a ``note``, identifiers and its provenance.
:func:`with_register` fills each reference from the register;
:func:`contradictions` lists every way a document disagrees with it.

Examples:
    >>> doc = with_register({"organisations": [{"id": "bedum", "note": "Cluster BMWE."}]})
    >>> org = doc["organisations"][0]
    >>> org["name"], org["identifiers"], org["note"]
    ('Bedum', [{'scheme': 'cbs', 'value': 'GM0005'}], 'Cluster BMWE.')
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from .._time import Bound, _hi, _lo, parse_bound
from ..convert import unstructure_entity
from ..model import Organisation
from ..query import normalise_name


__all__ = ["contradictions", "is_reference", "register_record", "with_register"]

_REFINES = frozenset({"id", "name", "other_names", "period", "note", "provenance", "identifiers"})


@functools.cache
def _records() -> dict[str, dict[str, Any]]:
    from ._build import entities

    return {e.id: unstructure_entity(e) for e in entities() if isinstance(e, Organisation)}


def register_record(org_id: str) -> dict[str, Any] | None:
    """The register's organisation of that id as a native record (a fresh copy), if there is one."""
    record = _records().get(org_id)
    return None if record is None else {k: list(v) if isinstance(v, list) else v for k, v in record.items()}


def is_reference(record: Any) -> bool:
    """True for an organisation record that refers to the register: an id and no kind."""
    return isinstance(record, Mapping) and "id" in record and "kind" not in record


def _text(name: Any) -> str:
    return name["name"] if isinstance(name, Mapping) else str(name)


def _merged(reference: Mapping[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    out = dict(record)
    others: list[Any] = list(reference.get("other_names", []))
    if "name" in reference and reference["name"] != record["name"]:
        out["name"] = reference["name"]
        others.append(record["name"])
    seen = {_text(n) for n in others} | {out["name"]}
    others += [n for n in record.get("other_names", []) if _text(n) not in seen]
    if others:
        out["other_names"] = others
    if "period" in reference:
        out["period"] = {**record.get("period", {}), **reference["period"]}
    if "note" in reference:
        out["note"] = reference["note"]
    identifiers = list(record.get("identifiers", []))
    identifiers += [i for i in reference.get("identifiers", []) if i not in identifiers]
    if identifiers:
        out["identifiers"] = identifiers
    provenance = list(record.get("provenance", []))
    provenance += [p for p in reference.get("provenance", []) if p not in provenance]
    out["provenance"] = provenance
    return out


def with_register(document: Mapping[str, Any]) -> dict[str, Any]:
    """The document with each reference to a register organisation filled from the register.

    A reference to an id the register does not have, or with fields no
    reference may have, is left as it is: the load then rejects it with its reason.
    """
    out = dict(document)
    items = document.get("organisations")
    if isinstance(items, list):
        filled = []
        for item in items:
            record = register_record(item["id"]) if is_reference(item) else None
            ok = record is not None and set(item) <= _REFINES
            filled.append(_merged(item, record) if ok and record is not None else item)
        out["organisations"] = filled
    return out


def _bound(value: Any) -> Bound | None:
    return None if value is None else parse_bound(str(value))


def _period_contradictions(org_id: str, mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> list[str]:
    problems = []
    for side in ("start", "end"):
        here, there = _bound(mine.get(side)), _bound(theirs.get(side))
        if here is None or there is None or here == there:
            continue
        if not (_lo(there) <= _lo(here) and _hi(here) <= _hi(there)):
            problems.append(f"{org_id}: {side} {here} is not within the register's {there}")
    return problems


def contradictions(document: Mapping[str, Any]) -> list[str]:
    """Every way the references of a document disagree with the register (empty when none).

    A reference contradicts the register when its id is not the register's,
    its name is none of the register's names, a bound of its period lies
    outside the register's, or it has a field a reference may not have.
    """
    problems = []
    for item in document.get("organisations", []):
        if not is_reference(item):
            continue
        org_id = item["id"]
        record = register_record(org_id)
        if record is None:
            problems.append(f"{org_id}: the register has no organisation with this id")
            continue
        extra = set(item) - _REFINES
        if extra:
            problems.append(f"{org_id}: a reference may not set {', '.join(sorted(extra))}")
        names = {
            normalise_name(record["name"]),
            *(normalise_name(_text(n)) for n in record.get("other_names", [])),
        }
        if "name" in item and normalise_name(item["name"]) not in names:
            problems.append(f"{org_id}: the name {item['name']!r} is none of the register's names")
        problems += _period_contradictions(org_id, item.get("period", {}), record.get("period", {}))
    return problems
