"""Read the research files of the regions (``data/regions/<slug>.toml``) into typed, checked records.

One file describes one region or sub-region as its sources state it: the
pages (``[[sources]]``: ``id``, ``url``, ``page_date``, ``layout``), the
partners named (``name``, ``kind``, ``source``, ``where``), stated counts,
sub-regions (with members where stated), bodies, roles, agreements and notes;
every item names the id of its source. A file that breaks this form raises a
:class:`~waterketen.SourceError` that names the file, the place and the field.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from attrs import frozen

from .._time import Instant, parse_instant
from ..errors import Problem, SourceError
from ..model import OrgKind


__all__ = [
    "Agreement",
    "Body",
    "Count",
    "Item",
    "Note",
    "Page",
    "Partner",
    "RegionFile",
    "Role",
    "Subregion",
    "folder",
    "read_all",
    "read_region",
]

_KINDS = {k.value: k for k in OrgKind}
_LAYOUTS = frozenset({"current", "wiki", "news", "own-site", "report"})


@frozen(kw_only=True)
class Page:
    """A page read: its address, the date it states (``None`` when it states none), its layout."""

    id: str
    url: str
    date: Instant | None
    layout: str


@frozen(kw_only=True)
class Item:
    """Anything a page states, with the page."""

    page: Page


@frozen(kw_only=True)
class Partner(Item):
    """A partner as the page names it."""

    name: str
    kind: OrgKind
    where: str


@frozen(kw_only=True)
class Count(Item):
    """A number the page states ("10 gemeenten"), of partners of ``kind`` or of something else."""

    text: str
    kind: str
    value: int


@frozen(kw_only=True)
class Subregion(Item):
    """A sub-region or cluster the page names, with the members it lists (maybe none)."""

    name: str
    members: tuple[str, ...]


@frozen(kw_only=True)
class Body(Item):
    """A body the page names, with its composition as stated ("" when not stated)."""

    name: str
    composition: str


@frozen(kw_only=True)
class Role(Item):
    """A person the page names in a role."""

    person: str
    role: str


@frozen(kw_only=True)
class Agreement(Item):
    """An agreement the page names, with its date, goals and target as stated."""

    name: str
    date: Instant | None
    goals: tuple[str, ...]
    target: str


@frozen(kw_only=True)
class Note(Item):
    """A remark of the research about what a page says."""

    text: str


@frozen(kw_only=True)
class RegionFile:
    """One research file: a region, or a sub-region (``part_of`` its parent's slug)."""

    slug: str
    name: str
    other_names: tuple[str, ...]
    part_of: str | None
    pages: tuple[Page, ...]
    partners: tuple[Partner, ...]
    counts: tuple[Count, ...]
    subregions: tuple[Subregion, ...]
    bodies: tuple[Body, ...]
    roles: tuple[Role, ...]
    agreements: tuple[Agreement, ...]
    notes: tuple[Note, ...]
    path: str


class _Reader:
    """Reads the fields of one file, raising located errors."""

    def __init__(self, path: str, data: Mapping[str, Any]) -> None:
        self.path, self.data = path, data
        self.pages: dict[str, Page] = {}

    def fail(self, place: str, field: str, reason: str) -> SourceError:
        return SourceError(Problem(source=self.path, place=place, field=field, reason=reason))

    def text(self, table: Mapping[str, Any], key: str, place: str, *, empty: bool = False) -> str:
        value = table.get(key)
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.fail(
                place, key, f"expected {'text' if empty else 'non-empty text'}, got {value!r:.60}"
            )
        return value

    def texts(self, table: Mapping[str, Any], key: str, place: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(place, key, f"expected a list of texts, got {value!r:.60}")
        return tuple(value)

    def instant(self, table: Mapping[str, Any], key: str, place: str) -> Instant | None:
        text = self.text(table, key, place, empty=True)
        try:
            return parse_instant(text) if text else None
        except ValueError as exc:
            raise self.fail(place, key, str(exc)) from None

    def tables(self, key: str) -> list[tuple[str, Mapping[str, Any]]]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"/{key}", key, "expected an array of tables")
        return [(f"/{key}/{i}", v) for i, v in enumerate(value)]

    def page(self, table: Mapping[str, Any], place: str) -> Page:
        ref = self.text(table, "source", place)
        if ref not in self.pages:
            raise self.fail(place, "source", f"no source {ref!r}; the file has {', '.join(self.pages)}")
        return self.pages[ref]


def read_region(path: str, text: str) -> RegionFile:
    """Read one research file's text (``path`` names it in errors).

    Raises:
        SourceError: the text is not TOML, or breaks the form (the place and field are named).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(Problem(source=path, reason=f"not TOML: {exc}")) from None
    r = _Reader(path, data)
    for place, t in r.tables("sources"):
        layout = r.text(t, "layout", place)
        if layout not in _LAYOUTS:
            raise r.fail(place, "layout", f"expected one of {', '.join(sorted(_LAYOUTS))}, got {layout!r}")
        url = r.text(t, "url", place)
        if not url.startswith(("https://", "http://")):
            raise r.fail(place, "url", f"expected a web address, got {url!r:.60}")
        page = Page(id=r.text(t, "id", place), url=url, date=r.instant(t, "page_date", place), layout=layout)
        r.pages[page.id] = page
    if not r.pages:
        raise r.fail("/sources", "sources", "a region needs at least one source")
    partners = []
    for place, t in r.tables("partners"):
        kind = r.text(t, "kind", place)
        if kind not in _KINDS:
            raise r.fail(place, "kind", f"expected one of {', '.join(_KINDS)}, got {kind!r}")
        partners.append(
            Partner(
                page=r.page(t, place),
                name=r.text(t, "name", place),
                kind=_KINDS[kind],
                where=r.text(t, "where", place, empty=True),
            )
        )
    counts = []
    for place, t in r.tables("counts"):
        value = t.get("value")
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise r.fail(place, "value", f"expected a whole number, got {value!r:.60}")
        counts.append(
            Count(
                page=r.page(t, place),
                text=r.text(t, "text", place),
                kind=r.text(t, "kind", place),
                value=value,
            )
        )
    part_of = data.get("part_of")
    if part_of is not None and not isinstance(part_of, str):
        raise r.fail("/part_of", "part_of", f"expected a region's slug, got {part_of!r:.60}")
    return RegionFile(
        slug=r.text(data, "slug", "/"),
        name=r.text(data, "name", "/"),
        other_names=r.texts(data, "other_names", "/"),
        part_of=part_of,
        pages=tuple(r.pages.values()),
        partners=tuple(partners),
        counts=tuple(counts),
        subregions=tuple(
            Subregion(page=r.page(t, p), name=r.text(t, "name", p), members=r.texts(t, "members", p))
            for p, t in r.tables("subregions")
        ),
        bodies=tuple(
            Body(
                page=r.page(t, p),
                name=r.text(t, "name", p),
                composition=r.text(t, "composition", p, empty=True),
            )
            for p, t in r.tables("bodies")
        ),
        roles=tuple(
            Role(page=r.page(t, p), person=r.text(t, "person", p), role=r.text(t, "role", p))
            for p, t in r.tables("roles")
        ),
        agreements=tuple(
            Agreement(
                page=r.page(t, p),
                name=r.text(t, "name", p),
                date=r.instant(t, "date", p),
                goals=r.texts(t, "goals", p),
                target=r.text(t, "target", p, empty=True),
            )
            for p, t in r.tables("agreements")
        ),
        notes=tuple(Note(page=r.page(t, p), text=r.text(t, "text", p)) for p, t in r.tables("notes")),
        path=path,
    )


def folder() -> Traversable:
    """The packaged folder of the research files."""
    return files("waterketen") / "data" / "regions"


def read_all() -> tuple[RegionFile, ...]:
    """Every packaged research file, by slug; a sub-region's parent must exist.

    Raises:
        SourceError: a file breaks the form, its slug is not its file name, or its parent is missing.
    """
    out = []
    for entry in sorted(folder().iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            path = f"regions/{entry.name}"
            region = read_region(path, entry.read_text(encoding="utf-8"))
            if region.slug != entry.name.removesuffix(".toml"):
                raise SourceError(
                    Problem(source=path, place="/", field="slug", reason="must be the file's name")
                )
            out.append(region)
    slugs = {r.slug for r in out}
    for region in out:
        if region.part_of is not None and region.part_of not in slugs:
            raise SourceError(
                Problem(
                    source=region.path, place="/", field="part_of", reason=f"no region {region.part_of!r}"
                )
            )
    return tuple(out)
