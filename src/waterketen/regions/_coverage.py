"""Measure how much of the country the documented regions cover, and write the coverage page from the data.

:func:`coverage` counts the municipalities of 1 January 2025 (342 in the
register) that a source names as a partner of at least one region, directly
or through a predecessor (a municipality named before it merged into this
one). :func:`coverage_page` writes ``docs/coverage.md``: every region with
what is known of it and its sources, the regions looked for but not found
(from ``data/regions/README.md``), and the share; ``nox -s coverage`` writes
it, and a test fails when the page is not what the data gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from attrs import frozen

from ..model import (
    Agreement,
    Body,
    Cluster,
    Cooperation,
    Membership,
    Organisation,
    OrgKind,
    Post,
    Tenure,
    name_of,
)
from ..network import Network
from . import _files


__all__ = ["DAY", "Coverage", "coverage", "coverage_page", "national_network"]

DAY = date(2025, 1, 1)
"""The day whose municipalities the share counts."""

_NOT_FOUND = "## Looked for, not found"


@frozen(kw_only=True)
class Coverage:
    """The municipalities of :data:`DAY`, and those a documented region names."""

    municipalities: tuple[str, ...]
    named: tuple[str, ...]
    """Named on a page as a partner (or sub-region member) of a region."""
    through_predecessor: tuple[str, ...]
    """Not named, but a predecessor (whole or part) was."""

    @property
    def share(self) -> float:
        """The share named directly."""
        return len(self.named) / len(self.municipalities)

    @property
    def share_with_predecessors(self) -> float:
        """The share named directly or through a predecessor."""
        return (len(self.named) + len(self.through_predecessor)) / len(self.municipalities)


def national_network() -> Network:
    """The register, the regions and Groningen & Noord-Drenthe loaded together.

    Where the embedded dataset refines a register record (a founding day within
    the register's "no later than 2010"), the two merge into the narrower one.
    """
    from ..loading import load

    return load("register:", "regions:", "embedded:groningen-noord-drenthe")


def _partners_ever(net: Network) -> set[str]:
    """Every organisation that is a member of a cooperation on some day."""
    coops = {c.id for c in net.entities(Cooperation)}
    return {m.member for m in net.entities(Membership) if m.group in coops}


def coverage(net: Network | None = None) -> Coverage:
    """The coverage of the municipalities of :data:`DAY` by the documented regions."""
    net = net if net is not None else national_network()
    towns = sorted(
        o.id
        for o in net.entities(Organisation, on=DAY)
        if o.kind is OrgKind.MUNICIPALITY and o.identifier("cbs")
    )
    partners = _partners_ever(net)
    named = [t for t in towns if t in partners]
    through = [
        t
        for t in towns
        if t not in partners
        and any(s.organisation.id in partners for s in net.predecessors(t, transitive=True))
    ]
    return Coverage(municipalities=tuple(towns), named=tuple(named), through_predecessor=tuple(through))


def _by_kind(net: Network, coop: str) -> str:
    members = [m for m in net.members(coop) if isinstance(m, Organisation)]
    parts = []
    for kind, label in (
        (OrgKind.MUNICIPALITY, "municipalities"),
        (OrgKind.WATER_BOARD, "water boards"),
        (OrgKind.WATER_COMPANY, "water companies"),
        (OrgKind.PROVINCE, "provinces"),
        (OrgKind.OTHER, "other"),
    ):
        names = sorted(m.name for m in members if m.kind is kind)
        if names:
            parts.append(f"{len(names)} {label} ({', '.join(names)})")
    return "; ".join(parts) or "none named"


def _region_lines(net: Network, coop: Cooperation) -> Iterator[str]:
    yield f"### {coop.name}"
    yield ""
    yield f"- id `{coop.id}`" + (f"; also called {', '.join(coop.other_names)}" if coop.other_names else "")
    yield f"- partners named (on any of its pages, of any date): {_by_kind(net, coop.id)}"
    clusters = [c for c in net.entities(Cluster) if c.cooperation == coop.id]
    if clusters:
        described = [
            f"{c.name or '(unnamed)'}{'' if c.members_known else ' (members not listed)'}" for c in clusters
        ]
        yield f"- sub-regions or clusters: {', '.join(described)}"
    bodies = [b.name for b in net.entities(Body) if b.cooperation == coop.id]
    if bodies:
        yield f"- bodies: {', '.join(bodies)}"
    posts = {p.id: p for p in net.entities(Post) if p.cooperation == coop.id}
    roles = [
        f"{name_of(net[t.holder])} ({posts[t.post].name})" for t in net.entities(Tenure) if t.post in posts
    ]
    if roles:
        yield f"- people named in a role: {'; '.join(roles)}"
    agreements = [
        f"{a.name} ({a.date.isoformat() if a.date else 'date not stated'})"
        for a in net.entities(Agreement)
        if a.cooperation == coop.id
    ]
    if agreements:
        yield f"- agreements: {'; '.join(agreements)}"
    if coop.note:
        yield f"- notes: {coop.note}"
    dates = sorted(
        {p.date.isoformat() for p in coop.provenance if p.date}
        | {
            p.locator.rsplit("page date ", 1)[-1]
            for p in coop.provenance
            if p.locator and "page date " in p.locator
        }
    )
    yield f"- sources ({len(coop.provenance)}; page dates {', '.join(dates)}):"
    for p in coop.provenance:
        yield f"  - <{p.source}>"
    yield ""


def _not_found() -> list[str]:
    """The section of the data README that lists the regions looked for and not found."""
    text = (_files.folder() / "README.md").read_text(encoding="utf-8")
    section = text.split(_NOT_FOUND, 1)[1].split("\n## ", 1)[0]
    return section.strip().splitlines()


def coverage_page(net: Network | None = None) -> str:
    """The text of ``docs/coverage.md``, generated from the data."""
    net = net if net is not None else national_network()
    cov = coverage(net)
    coops = sorted(net.entities(Cooperation), key=lambda c: c.id.removeprefix("regio-"))
    total = len(cov.municipalities)
    lines = [
        "# Coverage: the regions documented",
        "",
        "<!-- Generated by `nox -s coverage` from the data (waterketen.regions); do not edit. -->",
        "",
        f"The data holds {len(coops)} cooperations: Groningen & Noord-Drenthe (the deeper embedded dataset)",
        f'and {len(coops) - 1} regions and sub-regions read from public pages (`wk.load("regions:")`).',
        f"Of the {total} municipalities of {DAY.isoformat()}, {len(cov.named)} ({cov.share:.0%}) are named",
        "as a partner of at least one of them; with those whose predecessor was named,",
        f"{len(cov.named) + len(cov.through_predecessor)} ({cov.share_with_predecessors:.0%}).",
        "A page names a partner on its date: whether it still takes part today is not known.",
        "",
        "## Regions",
        "",
    ]
    for coop in coops:
        lines.extend(_region_lines(net, coop))
    lines += [_NOT_FOUND, "", *_not_found(), ""]
    uncovered = sorted(
        name_of(net[t]) for t in cov.municipalities if t not in cov.named and t not in cov.through_predecessor
    )
    lines += [
        f"## Municipalities of {DAY.isoformat()} that no documented region names ({len(uncovered)})",
        "",
        ", ".join(uncovered),
        "",
    ]
    return "\n".join(lines)
