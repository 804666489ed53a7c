"""The field rules of the model: what an id and a text may be, and what a reference may refer to."""

from __future__ import annotations

import re
from typing import Any

from .errors import FieldValueError


__all__ = [
    "CHANGEABLE",
    "GROUPS",
    "GROUPS_OF_PERSONS",
    "HOLDERS",
    "MEMBERS",
    "POST_PLACES",
    "REFERS_TO",
    "REPRESENTABLE",
    "check_id",
    "check_ids",
    "check_optional_id",
    "check_optional_text",
    "check_text",
    "writable_text",
]

REFERS_TO = "waterketen.refers_to"
"""The key of a field's metadata that names the tags of the entities the field may refer to."""
GROUPS = ("cooperation", "cluster", "body")
"""What a membership's group may be."""
MEMBERS = ("organisation", "cooperation", "cluster", "person", "body")
"""What a membership's member may be."""
HOLDERS = ("person", "organisation")
"""Who may hold a post."""
POST_PLACES = ("cooperation", "organisation")
"""Where a post is: a cooperation, or (a council's mayor, read from other data) an organisation."""
GROUPS_OF_PERSONS = ("cooperation", "cluster", "body", "organisation")
"""What a person or an organisation may be a member of: a council or a party (an organisation) too."""
REPRESENTABLE = ("cluster", "organisation", "cooperation", "body")
"""What a post may stand for."""
CHANGEABLE = ("organisation", "cooperation", "cluster", "body")
"""What a change may take from or give to."""

_ID = re.compile(r"[^\s\x00-\x1f\x7f]{1,200}")


def check_id(_: object, attribute: Any, value: str) -> None:
    # The common case without the expression: printable ASCII is 0x20-0x7e, and of it only
    # the space is whitespace; anything else is judged by the expression.
    if (
        type(value) is str
        and value.isascii()
        and value.isprintable()
        and " " not in value
        and 0 < len(value) <= 200
    ):
        return
    if not _ID.fullmatch(value):
        raise FieldValueError(
            attribute.name,
            f"{value!r:.80} is not an id (1-200 characters, no spaces or control characters)",
        )


def check_ids(instance: object, attribute: Any, value: tuple[str, ...]) -> None:
    for item in value:
        check_id(instance, attribute, item)


def check_text(_: object, attribute: Any, value: str) -> None:
    if not value.strip():
        raise FieldValueError(attribute.name, "must not be empty")


def check_optional_text(instance: object, attribute: Any, value: str | None) -> None:
    if value is not None:
        check_text(instance, attribute, value)


def check_optional_id(instance: object, attribute: Any, value: str | None) -> None:
    if value is not None:
        check_id(instance, attribute, value)


_UNWRITABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
"""Characters no text can hold: lone surrogates (no encoding writes them) and the non-characters
U+FFFE and U+FFFF (no XML holds them)."""


def writable_text(value: str) -> str:
    """``value`` if every file format can write it; else a ValueError that says where it is not.

    Examples:
        >>> writable_text("Hunze en Aa’s")
        'Hunze en Aa’s'
        >>> writable_text("bad" + chr(0xD800))
        Traceback (most recent call last):
        ...
        ValueError: text with an unwritable character U+D800 at position 3 (...)
    """
    if not value.isascii():
        found = _UNWRITABLE.search(value)
        if found is not None:
            raise ValueError(
                f"text with an unwritable character U+{ord(found.group()):04X} at position {found.start()} "
                "(a lone surrogate or a non-character)"
            )
    return value
