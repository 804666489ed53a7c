"""Popolo ids to waterketen ids, deterministically.

A waterketen id is 1-200 characters without white space or control
characters. Popolo allows any string (uuids, ``party/x``, ``ocd-person/...``,
URLs, names with spaces), and messy files also have numbers. An id that is
already a valid waterketen id is kept as it is, so ids round-trip; any other
is mapped the same way every time.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any


__all__ = ["MAX_ID", "blank", "derived_id", "fingerprint", "to_id"]

MAX_ID = 200
_ID = re.compile(r"[^\s\x00-\x1f\x7f]{1,200}")
_ESCAPE = re.compile(r"[\s\x00-\x1f\x7f%]")


def blank(value: Any) -> bool:
    """True for what says nothing: a missing value, ``null`` or a blank string."""
    return value is None or (isinstance(value, str) and not value.strip())


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8", "surrogatepass"))


def _shorten(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{text[: MAX_ID - 17]}~{digest}"


def to_id(value: Any) -> Any:
    """The waterketen id for a Popolo id, or ``value`` itself when it cannot be one.

    Valid ids are kept. Text with white space, control characters or ``%`` is
    percent-encoded (``"Jan Jansen"`` becomes ``"Jan%20Jansen"``); text longer
    than 200 characters is cut and given a hash of the whole; an integer becomes
    its digits. Anything else (``null``, objects, booleans) is returned as it
    is, so that the core reports it.

    Examples:
        >>> to_id("party/democratic_party"), to_id("Jan Jansen"), to_id(593)
        ('party/democratic_party', 'Jan%20Jansen', '593')
        >>> len(to_id("x" * 300))
        200
    """
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            value = str(value)
        except ValueError:  # more digits than Python will print
            return value
    if not isinstance(value, str):
        return value
    if _ID.fullmatch(value):
        return value
    if not value:
        return value
    encoded = _ESCAPE.sub(_percent, value) if _ESCAPE.search(value) else value
    return encoded if len(encoded) <= MAX_ID else _shorten(encoded)


def fingerprint(value: Any) -> str:
    """A short, stable hash of a JSON value (its canonical text).

    Examples:
        >>> fingerprint({"b": 1, "a": [2]}) == fingerprint({"a": [2], "b": 1})
        True
    """
    try:
        text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=repr)
    except (TypeError, ValueError, RecursionError):
        text = "unhashable"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def derived_id(prefix: str, parts: tuple[Any, ...], value: Any) -> str:
    """A stable id for an object that has none.

    Built from ``parts`` (ids and dates that identify the object) when they
    are all text, as ``member@group@start``; else from ``prefix`` and a
    fingerprint of the whole object.

    Examples:
        >>> derived_id("membership", ("bedum", "gnd", "2014"), {})
        'bedum@gnd@2014'
        >>> derived_id("person", (), {"name": "A"})
        'person~...'
    """
    if parts and all(isinstance(p, str) and p for p in parts):
        mapped = to_id("@".join(parts))
        if isinstance(mapped, str):
            return mapped
    return f"{prefix}~{fingerprint(value)}"
