"""In-memory fakes for plugin authors: a source of given records, and a plugin made of given offers.

Examples:
    >>> from waterketen.testing import FakeSource
    >>> source = FakeSource([("cooperation", {"id": "c", "name": "C"})])
    >>> wk.load(source).cooperation().name
    'C'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .._findings import Check
from .._time import Instant
from ..errors import Problem
from ..export import Writer
from ..hookspecs import hookimpl
from ..model import Provenance
from ..sources import Record, SourceType


__all__ = ["FakeSource", "fake_plugin"]


class FakeSource:
    """A source that yields the records it was given: ``(tag, data)`` pairs or :class:`~waterketen.Record`.

    Args:
        records: the records, in order; a pair gets the locator ``item N``.
        name: the source's name in provenance and problems.
        updated: the day the source says it was last updated.
        warnings: the doubts it reports (kept as warnings of the load).
        fail: an exception to raise after the records, as a source that
            breaks halfway would.

    Examples:
        >>> bad = FakeSource([("organisation", {"id": "x", "name": "X", "kind": "nope"})])
        >>> [str(p) for p in wk.load(bad, strict=False).report.errors]  # doctest: +ELLIPSIS
        ["fake item 1 kind: expected one of municipality, ...; got 'nope'"]
    """

    def __init__(
        self,
        records: Iterable[Record | tuple[str, Any]],
        *,
        name: str = "fake",
        updated: Instant | None = None,
        warnings: Iterable[Problem] = (),
        fail: BaseException | None = None,
    ) -> None:
        self.name = name
        self.updated = updated
        self.warnings = tuple(warnings)
        self._records = tuple(records)
        self._fail = fail

    def __repr__(self) -> str:
        return f"FakeSource({self.name!r}, {len(self._records)} records)"

    def records(self) -> Iterator[Record]:
        for number, item in enumerate(self._records, 1):
            if isinstance(item, Record):
                yield item
            else:
                tag, data = item
                yield Record(
                    tag=tag, data=data, provenance=Provenance(source=self.name, locator=f"item {number}")
                )
        if self._fail is not None:
            raise self._fail


class _Plugin:
    """A plugin object whose hooks offer what it was given."""

    def __init__(
        self, source_types: tuple[SourceType, ...], writers: tuple[Writer, ...], checks: tuple[Check, ...]
    ) -> None:
        self._offers = {"source_types": source_types, "writers": writers, "checks": checks}

    @hookimpl
    def waterketen_source_types(self) -> Iterable[SourceType]:
        return self._offers["source_types"]  # type: ignore[return-value]

    @hookimpl
    def waterketen_writers(self) -> Iterable[Writer]:
        return self._offers["writers"]  # type: ignore[return-value]

    @hookimpl
    def waterketen_checks(self) -> Iterable[Check]:
        return self._offers["checks"]  # type: ignore[return-value]


def _source_type(scheme: str, items: tuple[Record | tuple[str, Any], ...]) -> SourceType:
    def open_fake(location: str) -> FakeSource:
        return FakeSource(items, name=f"{scheme}:{location}")

    return SourceType(
        name=f"fake-{scheme}",
        description=f"a fake source of {scheme}: records given in a test",
        open=open_fake,
        schemes=(scheme,),
    )


def fake_plugin(
    *,
    sources: Mapping[str, Iterable[Record | tuple[str, Any]]] | None = None,
    source_types: Iterable[SourceType] = (),
    writers: Iterable[Writer] = (),
    checks: Iterable[Check] = (),
) -> object:
    """A plugin to ``pm.register``: it offers the given source types, writers and checks.

    Args:
        sources: scheme → records; each becomes a source type that reads
            ``scheme:anything`` as a :class:`FakeSource` of those records.
        source_types, writers, checks: offered as they are.

    Examples:
        >>> from waterketen.plugins import get_plugin_manager
        >>> pm = get_plugin_manager(entry_points=False)
        >>> _ = pm.register(fake_plugin(sources={"demo": [("cooperation", {"id": "d", "name": "Demo"})]}))
        >>> wk.load("demo:x", plugins=pm).cooperation().name
        'Demo'
    """
    made = tuple(_source_type(scheme, tuple(items)) for scheme, items in (sources or {}).items())
    return _Plugin((*made, *source_types), tuple(writers), tuple(checks))
