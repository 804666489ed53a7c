"""Small values entities hold: names borne for a time, web pages, ways to reach them, persons' other names."""

from __future__ import annotations

from attrs import field, frozen

from ._fields import check_text
from ._time import Period


__all__ = ["Contact", "Link", "Name", "OtherName", "name_text"]


@frozen(kw_only=True)
class Link:
    """A web page about an entity (Popolo's ``links``), with what it is."""

    url: str = field(validator=check_text)
    note: str | None = None


@frozen(kw_only=True)
class Contact:
    """A way to reach an organisation or a person (Popolo's ``contact_details``).

    The model can hold any kind of contact (``address``, ``voice``, ``email``,
    ...); the data this project ships holds no telephone numbers or e-mail
    addresses of persons.
    """

    kind: str = field(validator=check_text)
    """The kind of contact, as the source names it (Popolo's ``type``)."""
    value: str = field(validator=check_text)
    label: str | None = None
    note: str | None = None
    period: Period = Period()


@frozen(kw_only=True)
class OtherName:
    """Another name of a person, with the period in which it was used."""

    name: str = field(validator=check_text)
    period: Period = Period()
    note: str | None = None


@frozen(kw_only=True)
class Name:
    """A name an organisation bore during a period (an older spelling, say).

    The native format reads an other name as plain text (valid whenever the
    organisation is) or as a table with ``name`` and ``period``.

    Examples:
        >>> from datetime import date
        >>> old = Name(name="Appingendam", period=Period(end=date(2011, 1, 1)))
        >>> str(old), old.period.contains(date(2010, 1, 1))
        ('Appingendam', True)
    """

    name: str = field(validator=check_text)
    period: Period = Period()

    def __str__(self) -> str:
        return self.name


def name_text(name: str | Name) -> str:
    """The text of an other name, whether plain text or a :class:`Name`."""
    return name if type(name) is str else str(name)
