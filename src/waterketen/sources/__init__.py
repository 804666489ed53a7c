"""What a source is: something that yields records with their provenance.

A *source type* (:class:`SourceType`) is what a plugin offers through the
``waterketen_source_types`` hook: a name, the URI schemes and file suffixes it
handles, and a function that opens a location into a :class:`Source`. A
source yields :class:`Record` objects: a kind of entity (its tag, such as
``"organisation"``), the raw mapping, and where it came from. The core
structures, merges and checks the records, so every source gets the same
checks and the same error messages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, Protocol, runtime_checkable

import attrs
from attrs import frozen

from .._time import Instant, PartialDate
from ..errors import Problem, Severity
from ..model import Provenance


__all__ = ["Record", "Source", "SourceType", "Unreadable", "updated_of", "warnings_of"]


@frozen(kw_only=True)
class Record:
    """One raw record of a source: the entity's tag, its data and its place.

    Examples:
        >>> Record(tag="organisation", data={"id": "wmd", "name": "WMD", "kind": "water-company"},
        ...        provenance=Provenance(source="my.json", locator="/organisations/0")).tag
        'organisation'
    """

    tag: str
    """The kind of entity, one of :data:`waterketen.model.ENTITY_TYPES`."""
    data: Any
    """The raw mapping of fields (anything: the core checks it)."""
    provenance: Provenance
    """The source and the place in it."""


@runtime_checkable
class Source(Protocol):
    """A readable source of records.

    A source may also have an ``updated`` attribute (an
    ``Instant`` or ``None``): the day its content was last
    updated, when the source states it; and a ``warnings`` attribute (an
    iterable of :class:`~waterketen.Problem`): doubts about what it read that
    reject no record, such as a name it could not resolve. Both are read
    after :meth:`records`; warnings go into the load report with severity
    ``WARNING``.
    """

    @property
    def name(self) -> str:
        """The name errors use for this source, such as its path."""
        ...

    def records(self) -> Iterable[Record]:
        """Yield every record, whatever its state; raise
        :class:`~waterketen.SourceError` when the source cannot be read at all."""
        ...


@frozen(kw_only=True)
class SourceType:
    """A kind of source a plugin offers, and how to open one.

    Examples:
        >>> SourceType(name="native-json", description="native format as JSON",
        ...            open=lambda location: ..., suffixes=(".json",)).schemes
        ()
    """

    name: str
    description: str
    open: Callable[[str], Source]
    """Open a location (the part after ``scheme:``, or a path) into a source."""
    schemes: tuple[str, ...] = ()
    """URI schemes it handles: ``"wiki"`` handles ``wiki:page.txt``."""
    suffixes: tuple[str, ...] = ()
    """File suffixes it handles, with the dot: ``".json"``."""
    aliases: tuple[str, ...] = ()
    """Other names the source type had before."""


def updated_of(source: Source) -> Instant | None:
    """The day a source says it was last updated, if it says (a date-time gives its day).

    Anything else in ``updated`` (a time, a number) is no day: it is ignored.
    """
    value = getattr(source, "updated", None)
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date | PartialDate) else None


@frozen(kw_only=True)
class Unreadable:
    """An item a source could not read (a broken line, a ragged row): read, and rejected with its problem.

    A source yields it as the ``data`` of a :class:`Record` (or of a located
    record), so that nothing is lost silently: the load counts it as read and
    keeps it, with the problem, among the rejected records.

    Examples:
        >>> from waterketen.sources import Unreadable
        >>> from waterketen.testing import FakeSource
        >>> problem = wk.Problem(source="x", place="line 2", reason="invalid JSON")
        >>> broken = Unreadable(problem=problem, raw="{")
        >>> report = wk.load(FakeSource([("organisation", broken)]), strict=False).report
        >>> report.read, report.accepted, [str(p) for p in report.errors]
        (1, 0, ['x line 2: invalid JSON'])
    """

    problem: Problem
    raw: Any = None
    """What was read, as far as it could be (the line's text, the row's cells)."""


def warnings_of(source: Source, name: str) -> tuple[Problem, ...]:
    """The warnings a source gives about what it read (its ``warnings`` attribute).

    Each is kept with severity ``WARNING``, so a source's doubts never fail a
    strict load; anything in ``warnings`` that is not a
    :class:`~waterketen.Problem` is a bug of the source, reported as an error.
    """
    value = getattr(source, "warnings", None)
    if value is None:
        return ()
    try:
        items = tuple(value)
    except TypeError:
        items = (value,)
    out = []
    for item in items:
        if isinstance(item, Problem):
            out.append(attrs.evolve(item, severity=Severity.WARNING))
        else:
            reason = f"the source gave a warning that is not a Problem: {item!r:.80}"
            out.append(Problem(source=name, reason=reason))
    return tuple(out)
