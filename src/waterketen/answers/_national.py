"""The national picture: one row per region, with its partners by kind, its sub-regions and its latest page.

:func:`regions` is what the main job (``waterketen`` with no arguments)
shows, for the regions (``regions:``) and Groningen & Noord-Drenthe
(``embedded:groningen-noord-drenthe``) loaded together: :data:`NATIONAL`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from .._index import every
from .._time import DateLike, as_date
from ..model import Cluster, Cooperation, Entity, OrgKind
from ._table import Answer, Cell


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["NATIONAL", "overview", "regions"]

NATIONAL = ("regions:", "embedded:groningen-noord-drenthe")
"""The sources of the national picture: every documented region, and the deeper embedded dataset."""

_PAGE_DATE = re.compile(r"page date (\d{4}(?:-\d{2}(?:-\d{2})?)?)$")
_KINDS = (OrgKind.MUNICIPALITY, OrgKind.WATER_BOARD, OrgKind.WATER_COMPANY)
_COLUMNS = (
    "id",
    "name",
    "municipalities",
    "water_boards",
    "water_companies",
    "other_partners",
    "sub_regions",
    "latest_page",
)


def regions(network: Network, *, on: DateLike | None = None) -> Answer:
    """Every cooperation of the network on a day: its partners by kind, its sub-regions, its latest page.

    Args:
        network: the network to ask (the main job's: :data:`NATIONAL` loaded together).
        on: the day (default: today).

    Returns:
        One row per cooperation valid that day, by id (``regio-`` left aside): ``id``, ``name``,
        the number of ``municipalities``, the names of the ``water_boards``
        and the ``water_companies``, the number of ``other_partners``
        (provinces, others), the names of the ``sub_regions`` (clusters;
        ``(name unknown)`` for one no source names), and ``latest_page``, the
        latest date of a page its records cite (``None`` when none states its date).

    Examples:
        >>> answer = wk.answers.regions(wk.load(), on="2016-01-01")
        >>> row = answer.records()[0]
        >>> row["name"], row["municipalities"], row["water_boards"]
        ('Groningen & Noord-Drenthe', 27, ('Noorderzijlvest', 'Hunze en Aa’s'))
        >>> len(row["sub_regions"])
        7
    """
    day = date.today() if on is None else as_date(on)
    rows: list[tuple[Cell, ...]] = []
    for coop in sorted(network.entities(Cooperation, on=day), key=lambda c: c.id.removeprefix("regio-")):
        partners = network.partners(coop.id, on=day)
        by_kind = {kind: [o.name for o in partners if o.kind is kind] for kind in _KINDS}
        clusters = network.clusters(coop.id, on=day)
        rows.append(
            (
                coop.id,
                coop.name,
                len(by_kind[OrgKind.MUNICIPALITY]),
                tuple(by_kind[OrgKind.WATER_BOARD]),
                tuple(by_kind[OrgKind.WATER_COMPANY]),
                sum(1 for o in partners if o.kind not in _KINDS),
                tuple(c.name or "(name unknown)" for c in clusters),
                latest_page(network, coop, clusters),
            )
        )
    return Answer(command="show", at=day, columns=_COLUMNS, rows=tuple(rows))


def latest_page(network: Network, coop: Cooperation, clusters: Iterable[Cluster] = ()) -> str | None:
    """The latest date of a page that the cooperation's own records cite (``page date 2023-10``)."""
    groups = {coop.id, *(c.id for c in clusters)}
    related: list[Entity] = [coop, *(network[i] for i in groups - {coop.id})]
    members_of = network.index.members_of  # the memberships of each group: not every membership, 48 times
    related += [m for group in groups for m in every(members_of, group)]
    dates = {
        found.group(1)
        for entity in related
        for place in (*getattr(entity, "provenance", ()), *network.origin(entity.id))
        if place.locator and (found := _PAGE_DATE.search(place.locator))
    }
    return max(dates, key=lambda d: (d + "-99-99")[:10]) if dates else None


def overview(answer: Answer) -> str:
    """The answer of :func:`regions` as the main job prints it: a heading and one line per region."""
    day = answer.at.isoformat() if answer.at else "all time"
    lines = [
        f"The water-chain regions of the Netherlands as of {day}: {len(answer.rows)} regions",
        "partners by kind; sub-regions; the latest page a region's records cite "
        "('waterketen show REGION' shows one)",
        "",
    ]
    for row in answer.records():
        count = row["municipalities"]
        parts = [f"{count} municipalit{'y' if count == 1 else 'ies'}"]
        for column, word in (("water_boards", "water board"), ("water_companies", "water company")):
            names = row[column]
            assert isinstance(names, tuple)
            if names:
                plural = word if len(names) == 1 else word.replace("company", "companie") + "s"
                parts.append(f"{len(names)} {plural} ({', '.join(names)})")
        if row["other_partners"]:
            parts.append(f"{row['other_partners']} other")
        subs = row["sub_regions"]
        assert isinstance(subs, tuple)
        sub = f"sub-regions: {', '.join(subs)}" if subs else "no sub-regions known"
        page = row["latest_page"] or "not stated"
        lines.append(f"{row['name']} [{row['id']}]: {', '.join(parts)}; {sub}; latest page {page}")
    return "\n".join(lines)
