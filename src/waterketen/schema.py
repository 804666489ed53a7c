"""The JSON Schema of the native format, generated from the model.

:func:`json_schema` walks the attrs classes of :mod:`waterketen.model`: each
entity class becomes a definition whose properties are its fields (required
when the field has no default), and each section of a native document an
array of that definition. Text, numbers, enums, dates, periods, lists and the
nested value classes map to their JSON Schema forms; the checks the model
makes on ids (1-200 characters, no spaces or control characters) and on text
(not blank) become patterns that mean the same in Python and in JavaScript.

The schema describes the JSON form (what ``wk.formats.native.write_json`` writes). A few
checks stay with the loader: a period's end after its start, a real
calendar day, references to entities that exist, and ids used once.
"""

from __future__ import annotations

import enum
import functools
import typing
from typing import Any

import attrs

from . import _fields
from ._time import Bound, Instant, Period
from .formats.native import FORMAT, SECTIONS, VERSION
from .model import ENTITY_TYPES


__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "urn:waterketen:native:1"
"""The ``$id`` of the schema: the native format, version 1."""

WHITESPACE = (
    "\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
)
"""What Python counts as whitespace (``str.isspace``), as a regular-expression class body."""

_END = "(?![\\s\\S])"  # the end of the text, in Python and JavaScript alike ("$" also matches before "\n")
_ID = {
    "type": "string",
    "minLength": 1,
    "maxLength": 200,
    "not": {"pattern": f"[\\x00-\\x1f\\x7f{WHITESPACE}]"},
    "description": "1-200 characters, no spaces or control characters",
}
_TEXT = {"type": "string", "pattern": f"[^{WHITESPACE}]", "description": "text that is not blank"}
_INSTANT = {
    "type": "string",
    "pattern": f"^[0-9]{{4}}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?{_END}",
    "description": "a day (YYYY-MM-DD), or a month (YYYY-MM) or year (YYYY) when only that is known",
}
_DAY = "[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
_BOUND = {
    "anyOf": [
        {"$ref": "#/$defs/instant"},
        {"const": "unknown"},
        {"type": "string", "pattern": f"^({_DAY}\\.\\.({_DAY})?|\\.\\.{_DAY}){_END}"},
    ],
    "description": "a bound of a period: a day, month or year, a range "
    "(2019-04-12.., ..2017-11, a..b), or unknown",
}
_PERIOD = {
    "type": "object",
    "properties": {
        "start": {"anyOf": [{"$ref": "#/$defs/bound"}, {"type": "null"}]},
        "end": {"anyOf": [{"$ref": "#/$defs/bound"}, {"type": "null"}]},
    },
    "additionalProperties": False,
    "description": "start inclusive, end exclusive; a missing bound is open",
}
_LIMITS: dict[tuple[str, str], dict[str, Any]] = {("Body", "seats"): {"minimum": 0}}
"""Checks the model makes outside its field validators."""


def _validator_schema(attribute: attrs.Attribute[Any]) -> dict[str, Any] | None:
    validator = attribute.validator
    if validator in (_fields.check_id, _fields.check_optional_id):
        return {"$ref": "#/$defs/id"}
    if validator is _fields.check_ids:
        return {"type": "array", "items": {"$ref": "#/$defs/id"}}
    if validator in (_fields.check_text, _fields.check_optional_text):
        return {"$ref": "#/$defs/text"}
    return None


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint == Instant:
        return {"$ref": "#/$defs/instant"}
    if hint == Bound:
        return {"$ref": "#/$defs/bound"}
    if hint is Period:
        return {"$ref": "#/$defs/period"}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [m.value for m in hint]}
    if typing.get_origin(hint) is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(hint)[0], defs)}
    if isinstance(hint, type) and attrs.has(hint):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # placeholder against recursion
            defs[hint.__name__] = _class_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    args = typing.get_args(hint)
    if args and type(None) not in args:  # a union such as str | Name
        return {"anyOf": [_type_schema(a, defs) for a in args]}
    if type(None) in args:
        rest = [a for a in args if a is not type(None)]
        inner = _type_schema(rest[0] if len(rest) == 1 else typing.Union[tuple(rest)], defs)  # noqa: UP007
        return {"anyOf": [inner, {"type": "null"}]}
    raise TypeError(f"no JSON Schema for the type {hint!r}")


def _field_schema(
    cls: type, attribute: attrs.Attribute[Any], hint: Any, defs: dict[str, Any]
) -> dict[str, Any]:
    schema = _type_schema(hint, defs)
    checked = _validator_schema(attribute)
    if checked is not None:
        optional = type(None) in typing.get_args(hint)
        schema = {"anyOf": [checked, {"type": "null"}]} if optional else checked
    return {**schema, **_LIMITS.get((cls.__name__, attribute.name), {})}


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {}
    required = []
    for attribute in attrs.fields(cls):
        properties[attribute.name] = _field_schema(cls, attribute, hints[attribute.name], defs)
        if attribute.default is attrs.NOTHING:
            required.append(attribute.name)
    doc = (cls.__doc__ or "").strip().split("\n")[0]
    schema: dict[str, Any] = {"type": "object", "description": doc, "properties": properties}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


@functools.cache
def _schema() -> dict[str, Any]:
    defs: dict[str, Any] = {"id": _ID, "text": _TEXT, "instant": _INSTANT, "bound": _BOUND, "period": _PERIOD}
    sections: dict[str, Any] = {}
    for section, tag in SECTIONS.items():
        cls = ENTITY_TYPES[tag]
        _type_schema(cls, defs)
        sections[section] = {"type": "array", "items": {"$ref": f"#/$defs/{cls.__name__}"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "waterketen native format, version 1",
        "description": "A network of water-chain cooperations: one list per kind of entity (docs/format.md).",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "source": {
                "type": "object",
                "description": "where the document comes from",
                "properties": {
                    "name": {"type": "string"},
                    "updated": {"$ref": "#/$defs/instant"},
                    "url": {"type": "string"},
                },
            },
            **sections,
        },
        "additionalProperties": False,
        "$defs": defs,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a native JSON document, generated from the model.

    Returns:
        A new mapping each call (change it freely).

    Examples:
        >>> schema = wk.schema.json_schema()
        >>> schema["properties"]["organisations"]["items"]
        {'$ref': '#/$defs/Organisation'}
        >>> schema["$defs"]["Organisation"]["required"]
        ['id', 'name', 'kind']
        >>> schema["$defs"]["Organisation"]["properties"]["kind"]["enum"][:2]
        ['municipality', 'water-board']
    """
    import copy

    return copy.deepcopy(_schema())
