"""Turn the research files of the regions into entities of the model, every name resolved by the register.

The modelling (see ``data/regions/README.md``):

- a region is a :class:`~waterketen.Cooperation` ``regio-<slug>``; its
  period starts no later than its earliest evidence and has an open end
  ("as far as the data goes"): no source gives a start, so none is invented;
- a partner named on a page is a :class:`~waterketen.Membership` in it,
  starting *no later than* the page's date (``Between(latest=...)``); for
  an undated page, no later than the last day on which the name was valid, or
  the look-up day; it ends when the organisation ends;
- a sub-region with its own file (``part_of``) is both its own cooperation
  and a :class:`~waterketen.Cluster` ``regio-<parent>-<slug>`` of its parent,
  whose partners are partners of the parent too: both answer ``partners``;
- a sub-region named inside a file is a cluster of its region, with the
  members it lists (``members_known=False`` when it lists none);
- bodies, roles (a person only where a page names one) and agreements as stated;
- stated counts go into the cooperation's note; one that disagrees with the
  names its page lists is a :class:`Finding`, as is every name that resolves
  to nothing (it stays an organisation of the region, "not found in the register").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from attrs import frozen

from .._time import Between, Instant, Period
from ..model import (
    Cluster,
    Cooperation,
    Entity,
    Membership,
    Organisation,
    OrgKind,
    Provenance,
)
from ..network import Network
from ..query import normalise_name
from ..register._municipalities import slug
from . import _files as f
from ._governance import governance
from ._resolve import resolve_name


__all__ = ["LOOKED_UP", "Built", "Finding", "build", "deeper_datasets"]

LOOKED_UP = date(2026, 12, 1)
"""The day the pages were read (December 2026): an undated page is no later than this."""

_ABBREVIATION = re.compile(r"^(.+?)\s*\(([A-Z]{2,6})\)$")
_MEMBER_KIND = (
    (re.compile(r"^(?:het\s+)?(?:waterschap|hoogheemraadschap|wetterskip)\b", re.I), OrgKind.WATER_BOARD),
    (re.compile(r"drinkwater|waterleiding|waterbedrijf", re.I), OrgKind.WATER_COMPANY),
    (re.compile(r"^gemeente\b", re.I), OrgKind.MUNICIPALITY),
    (re.compile(r"^provincie\b", re.I), OrgKind.PROVINCE),
)
_KIND_WORD_ALONE = re.compile(r"^(?:het\s+)?(?:waterschap|hoogheemraadschap|wetterskip)$", re.I)
"""A sub-region member written only as its kind ("waterschap"): the region's only partner of that kind."""
_SUBREGION_BASE = re.compile(r"^(?:cluster|subregio|deelregio)\s+|\s*\(.*\)\s*$", re.I)


@frozen(kw_only=True)
class Finding:
    """Something the build reports: a stated count that disagrees, a name not resolved, ..."""

    region: str
    kind: str
    """``count``, ``not-found``, ``ambiguous`` or ``rule`` (resolved by a rule other than its spelling)."""
    message: str
    source: str

    def __str__(self) -> str:
        return f"{self.region}: {self.message} ({self.source})"


@frozen(kw_only=True)
class Built:
    """The entities of the regions, the register organisations they refer to, and the findings."""

    entities: tuple[Entity, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[str, ...]
    """Slugs of files left to a deeper embedded dataset."""


def deeper_datasets() -> frozenset[str]:
    """The slugs whose region is an embedded dataset of its own (kept there, not duplicated)."""
    from ..sources.embedded import datasets

    return frozenset(datasets())


def _provenance(page: f.Page, where: str | None = None) -> Provenance:
    day = page.date.isoformat() if page.date is not None else "not stated"
    place = f"{where}; " if where else ""
    return Provenance(source=page.url, locator=f"{place}page date {day}")


def _last_day(instant: Instant) -> date:
    return instant if isinstance(instant, date) else instant.last_day


def _page_day(page: f.Page) -> date | None:
    return None if page.date is None else _last_day(page.date)


class _Region:
    """What one cooperation collects while its files are read."""

    def __init__(self, region: f.RegionFile) -> None:
        self.file = region
        self.id = f"regio-{region.slug}"
        self.memberships: dict[tuple[str, str], list[Provenance]] = {}
        self.bounds: dict[tuple[str, str], list[Instant]] = {}
        self.cluster_pages: dict[str, list[f.Page]] = {}
        self.cluster_names: dict[str, list[str]] = {}


class _Builder:
    """Resolves the names of the files and collects memberships and findings."""

    def __init__(self, register: Network, files: tuple[f.RegionFile, ...]) -> None:
        self.register = register
        self.files = files
        self.orgs: dict[str, Organisation] = {}
        """The register organisations the regions refer to."""
        self.locals: dict[str, Organisation] = {}
        """The organisations no register organisation matches, one per region and name."""
        self.findings: list[Finding] = []
        self.aliases = self._aliases(files)

    @staticmethod
    def _aliases(files: Iterable[f.RegionFile]) -> dict[str, tuple[str, f.Page]]:
        """Abbreviations the pages define, "Hoogheemraadschap Hollands Noorderkwartier (HHNK)": HHNK."""
        out: dict[str, tuple[str, f.Page]] = {}
        for region in files:
            named = [(p.name, p.page) for p in region.partners]
            named += [(m, s.page) for s in region.subregions for m in s.members]
            for name, page in named:
                match = _ABBREVIATION.match(name)
                if match:
                    out.setdefault(match.group(2), (match.group(1), page))
        return out

    def organisation(self, region: _Region, name: str, kind: OrgKind | None, page: f.Page) -> Organisation:
        """The organisation a name on a page denotes: from the register, or one of the region."""
        resolution = resolve_name(self.register, name, kind, _page_day(page))
        rule = resolution.rule
        if not resolution.resolved and not resolution.candidates and name in self.aliases:
            full, defined_on = self.aliases[name]
            resolution = resolve_name(self.register, full, kind, _page_day(page))
            rule = f"abbreviation defined on {defined_on.url}"
        org = resolution.organisation
        if org is not None:
            self.orgs.setdefault(org.id, org)
            if rule != "name":
                self.findings.append(
                    Finding(
                        region=region.file.slug,
                        kind="rule",
                        message=f"{name!r} resolved to {org.id} by rule {rule}",
                        source=page.url,
                    )
                )
            return org
        stated = kind or next((k for p, k in _MEMBER_KIND if p.search(name)), OrgKind.OTHER)
        local_id = f"{region.id}-{slug(name)}"
        why = resolution.note or "not found in the register"
        self.findings.append(
            Finding(
                region=region.file.slug,
                kind="ambiguous" if resolution.candidates else "not-found",
                message=f"{name!r} ({stated.value}): {why}",
                source=page.url,
            )
        )
        found = self.locals.get(local_id)
        if found is not None:
            return found
        local = Organisation(
            id=local_id,
            name=name,
            kind=stated,
            period=Period(start=Between(latest=_page_day(page) or LOOKED_UP)),
            note=f"{why.capitalize()}; an organisation of {region.file.name} as its page names it.",
            provenance=(_provenance(page),),
        )
        self.locals[local_id] = local
        return local

    def member(self, region: _Region, org: Organisation, group: str, page: f.Page, where: str | None) -> None:
        key = (org.id, group)
        region.memberships.setdefault(key, []).append(_provenance(page, where))
        region.bounds.setdefault(key, []).append(page.date if page.date is not None else LOOKED_UP)

    def partners(self, region: _Region, source: f.RegionFile, groups: tuple[str, ...]) -> list[Organisation]:
        out = []
        for partner in source.partners:
            org = self.organisation(region, partner.name, partner.kind, partner.page)
            for group in groups:
                self.member(region, org, group, partner.page, partner.where or None)
            out.append(org)
        return out

    def subregion_member(
        self, region: _Region, name: str, page: f.Page, known: list[Organisation]
    ) -> Organisation:
        """A member a sub-region lists: a partner of the region of that name, else through the register."""
        wanted = normalise_name(name)
        if _KIND_WORD_ALONE.match(name):
            alone = next(k for p, k in _MEMBER_KIND if p.search(name))
            of_kind = list({o.id: o for o in known if o.kind is alone}.values())
            if len(of_kind) == 1:
                self.findings.append(
                    Finding(
                        region=region.file.slug,
                        kind="rule",
                        message=f"{name!r} resolved to {of_kind[0].id} as the region's only {alone.value}",
                        source=page.url,
                    )
                )
                return of_kind[0]
        for org in known:
            if wanted in {normalise_name(org.name), *(normalise_name(str(n)) for n in org.other_names)}:
                return org
        kind = next((k for p, k in _MEMBER_KIND if p.search(name)), None)
        return self.organisation(region, name, kind, page)


def _membership_period(org: Organisation, bounds: list[Instant]) -> tuple[Period, str | None]:
    """Member no later than the earliest page, within the organisation's life; ends when it ends."""
    earliest = min(bounds, key=_last_day)
    last_valid = org.period.earliest_end - timedelta(days=1)
    latest: Instant = earliest
    note = None
    if _last_day(earliest) > last_valid:
        latest = last_valid
        note = f"the page names it after {last_valid.isoformat()}, its last day, or states no date"
    elif _last_day(earliest) < org.period.earliest_start:
        latest = org.period.latest_start
        note = "the page is dated before the organisation began"
    return Period(start=Between(latest=latest), end=org.period.end), note


def _cooperation(region: _Region, parent: f.RegionFile | None, kinds: set[OrgKind]) -> Cooperation:
    source = region.file
    notes = [f"Stated count: {c.text!r} ({c.page.url})." for c in source.counts]
    if OrgKind.WATER_BOARD not in kinds:
        notes.insert(0, "No source read names its water board.")
    if OrgKind.MUNICIPALITY not in kinds:
        notes.insert(0, "No source read names its municipalities (see the stated counts and notes).")
    notes += [f"{n.text} ({n.page.url})" for n in source.notes]
    if parent is not None:
        notes.insert(0, f"A sub-region of {parent.name} (regio-{parent.slug}), as its sources say.")
    starts = [_last_day(b) for bs in region.bounds.values() for b in bs]
    starts += [_last_day(p.date) for p in source.pages if p.date is not None]
    return Cooperation(
        id=region.id,
        name=source.name,
        other_names=tuple(n for n in dict.fromkeys(source.other_names) if n != source.name),
        period=Period(start=Between(latest=min(starts, default=LOOKED_UP))),
        note=" ".join(notes) or None,
        provenance=tuple(_provenance(p) for p in source.pages),
    )


def _base(name: str) -> str:
    """The name of a sub-region without "cluster" and a parenthesis: entries of one sub-region share it."""
    return _SUBREGION_BASE.sub("", name).strip() or name


def _matches(name: str, region: f.RegionFile) -> bool:
    wanted = normalise_name(_base(name))
    return wanted in {normalise_name(n) for n in (region.name, region.slug, *region.other_names)}


class _Assembler(_Builder):
    """Builds every region: its own file, then its sub-regions' files into it."""

    def run(self) -> tuple[list[Entity], list[str]]:
        deeper = deeper_datasets()
        skipped = [r.slug for r in self.files if r.slug in deeper]
        kept = [r for r in self.files if r.slug not in deeper]
        by_slug = {r.slug: r for r in kept}
        children: dict[str, list[f.RegionFile]] = {}
        for r in kept:
            if r.part_of is not None:
                children.setdefault(r.part_of, []).append(r)
        regions = {r.slug: _Region(r) for r in kept}
        for r in kept:
            region = regions[r.slug]
            partners = self.partners(region, r, (region.id,))
            if r.part_of is not None:
                parent = regions[r.part_of]
                cluster = f"{parent.id}-{r.slug}"
                parent.cluster_pages.setdefault(cluster, []).extend(r.pages)
                for partner, org in zip(r.partners, partners, strict=True):
                    for group in (parent.id, cluster):
                        self.member(parent, org, group, partner.page, f"a partner of {r.name}")
            self.subregions(region, r, partners, children.get(r.slug, []))
            self.counts(r, partners)
        out: list[Entity] = []
        for r in kept:
            region = regions[r.slug]
            parent_file = by_slug.get(r.part_of) if r.part_of else None
            kinds = {
                (self.orgs.get(m) or self.locals[m]).kind
                for m, group in region.memberships
                if group == region.id
            }
            out.append(_cooperation(region, parent_file, kinds))
            out.extend(self.clusters(region, children.get(r.slug, [])))
            out.extend(self.memberships(region))
            out.extend(governance(r, region.id, LOOKED_UP))
        return [*self.orgs.values(), *self.locals.values(), *out], skipped

    def subregions(
        self, region: _Region, r: f.RegionFile, partners: list[Organisation], kids: list[f.RegionFile]
    ) -> None:
        for sub in r.subregions:
            child = next((k for k in kids if _matches(sub.name, k)), None)
            cluster = f"{region.id}-{child.slug if child else slug(_base(sub.name))}"
            region.cluster_pages.setdefault(cluster, []).append(sub.page)
            for name in sub.members:
                org = self.subregion_member(region, name, sub.page, partners)
                for group in (region.id, cluster):
                    self.member(region, org, group, sub.page, f"a member of {sub.name}")
            region.cluster_names.setdefault(cluster, []).append(sub.name)

    def clusters(self, region: _Region, kids: list[f.RegionFile]) -> Iterator[Cluster]:
        for cluster, pages in region.cluster_pages.items():
            child = next((k for k in kids if cluster == f"{region.id}-{k.slug}"), None)
            given = region.cluster_names.get(cluster, [])
            name = child.name if child else _base(given[0])
            members = [key for key in region.memberships if key[1] == cluster]
            starts = [_last_day(b) for key in members for b in region.bounds[key]]
            starts += [_last_day(p.date) for p in pages if p.date is not None]
            note = (
                f"The sub-region {child.name} (regio-{child.slug}), which has its own sources."
                if child
                else None
            )
            yield Cluster(
                id=cluster,
                name=name,
                cooperation=region.id,
                members_known=bool(members),
                other_names=tuple(n for n in dict.fromkeys(given) if n != name),
                period=Period(start=Between(latest=min(starts, default=LOOKED_UP))),
                note=note if members else " ".join(filter(None, [note, "The sources list no members."])),
                provenance=tuple(dict.fromkeys(_provenance(p) for p in pages)),
            )

    def memberships(self, region: _Region) -> Iterator[Membership]:
        for (member, group), provenance in region.memberships.items():
            org = self.orgs.get(member) or self.locals[member]
            period, why = _membership_period(org, region.bounds[member, group])
            yield Membership(
                id=f"{group}--{member}",
                member=member,
                group=group,
                period=period,
                note=f"Named on a page: a member no later than the page's date ({why})."
                if why
                else "Named on a page: a member no later than the page's date.",
                provenance=tuple(dict.fromkeys(provenance)),
            )

    def counts(self, r: f.RegionFile, partners: list[Organisation]) -> None:
        """Report a stated number of municipalities that differs from the municipalities its page names."""
        for count in r.counts:
            if count.kind != "municipality":
                continue
            named = {
                org.id
                for partner, org in zip(r.partners, partners, strict=True)
                if partner.page is count.page and partner.kind is OrgKind.MUNICIPALITY
            }
            if named and len(named) != count.value:
                self.findings.append(
                    Finding(
                        region=r.slug,
                        kind="count",
                        message=f"the page states {count.text!r} ({count.value}) and names {len(named)} "
                        "municipalities",
                        source=count.page.url,
                    )
                )


def build(register: Network | None = None) -> Built:
    """The regions as entities, with the register organisations they refer to, and the findings.

    Raises:
        SourceError: a research file breaks the form (see :mod:`waterketen.regions._files`).
        ValueError: two records would get one id.
    """
    from ..register import load_register

    assembler = _Assembler(register if register is not None else load_register(), f.read_all())
    entities, skipped = assembler.run()
    seen: set[str] = set()
    twice = {e.id for e in entities if e.id in seen or seen.add(e.id)}  # type: ignore[func-returns-value]
    if twice:
        raise ValueError(f"these ids are given twice: {', '.join(sorted(twice))}")
    return Built(entities=tuple(entities), findings=tuple(assembler.findings), skipped=tuple(skipped))
