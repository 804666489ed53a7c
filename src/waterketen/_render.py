"""Plain text for the terminal: summaries of a network and aligned tables of answers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ._html import period_text
from ._labels import KIND_PLURAL, KIND_SINGULAR, count_of_kind, member_count, seat_label
from ._time import Certainty
from .answers._rows import BodyRow, body_rows, cluster_rows, partner_rows
from .model import (
    Agreement,
    BodyKind,
    Cooperation,
    Entity,
    Organisation,
    OrgKind,
    Spearhead,
    name_of,
)
from .network import Network
from .query import agreement_certainty, agreements


__all__ = ["cooperation_summary", "summary"]


def _label(org: Organisation) -> str:
    code = next((i.value for i in org.identifiers if i.scheme == "cbs"), None)
    return f"{org.name} ({code})" if code else org.name


def _name(entity: Entity | None) -> str:
    return "?" if entity is None else name_of(entity)


def _wrap(items: Iterable[str], indent: int, width: int = 100) -> list[str]:
    lines: list[str] = []
    line = ""
    for item in items:
        candidate = f"{line}, {item}" if line else item
        if line and indent + len(candidate) > width:
            lines.append(line + ",")
            line = item
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def summary(network: Network, day: date) -> str:
    """A readable summary of every cooperation of the network on ``day``."""
    # The records whose dates leave open whether they hold: counted once, not once a cooperation.
    uncertain = sum(1 for _ in network.at(day).uncertain())
    parts = [_cooperation(network, coop, day, uncertain) for coop in network.entities(Cooperation)]
    return "\n\n".join(parts) if parts else f"(no cooperation in the network on {day.isoformat()})"


def cooperation_summary(network: Network, coop: Cooperation, day: date) -> str:
    """A readable summary of one cooperation of the network on ``day``."""
    return _cooperation(network, coop, day, sum(1 for _ in network.at(day).uncertain()))


def _cooperation(network: Network, coop: Cooperation, day: date, uncertain: int) -> str:
    """The summary of one cooperation on ``day``: one section after another, each for that day."""
    sections = [
        _heading(network, coop, day),
        _partners(network, coop, day),
        _clusters(network, coop, day),
        _governance(network, coop, day),
        _agreements(network, coop, day),
        _spearheads(network, coop, day),
        _not_shown(network, coop, day, uncertain),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines)


def _heading(network: Network, coop: Cooperation, day: date) -> list[str]:
    still = network.still_so(coop.id, on=day)
    out = [f"{coop.name}  [{coop.id}]", f"as of {day.isoformat()}{': ' + still if still else ''}"]
    if not coop.period.contains(day):
        exists = period_text(coop.period)
        out.append(f"(the cooperation is not known to exist on this day; it exists {exists})")
    return out


def _by_kind(network: Network, coop: Cooperation, day: date) -> dict[OrgKind, list[Organisation]]:
    by_kind: dict[OrgKind, list[Organisation]] = {}
    for org in network.partners(coop.id, on=day):
        by_kind.setdefault(org.kind, []).append(org)
    return by_kind


def _partners(network: Network, coop: Cooperation, day: date) -> list[str]:
    by_kind = _by_kind(network, coop, day)
    counts = ", ".join(count_of_kind(len(orgs), kind) for kind, orgs in by_kind.items())
    total = sum(len(orgs) for orgs in by_kind.values())
    out = [f"Partners ({total}){': ' + counts if counts else ''}"]
    for kind, orgs in by_kind.items():
        if kind is not OrgKind.MUNICIPALITY:
            heading = KIND_SINGULAR[kind] if len(orgs) == 1 else KIND_PLURAL[kind]
            out.append(f"  {heading}: {', '.join(_label(o) for o in orgs)}")
    return out


def _clusters(network: Network, coop: Cooperation, day: date) -> list[str]:
    rows = cluster_rows(network, network.clusters(coop.id, on=day), on=day)
    out = [f"Clusters ({len(rows)})"]
    width = max((len(name_of(r.cluster)) for r in rows), default=0) + 2
    clustered: set[str] = set()
    for row in rows:
        clustered.update(m.id for m in row.members)
        lines = _wrap((_label(m) for m in row.members), 2 + width) or ["(members unknown)"]
        if row.members and not row.members_known:
            lines[-1] += ", and members unknown"
        out.append(f"  {name_of(row.cluster):<{width}}{lines[0]}")
        out += [f"  {'':<{width}}{line}" for line in lines[1:]]
    municipalities = _by_kind(network, coop, day).get(OrgKind.MUNICIPALITY, [])
    loose = partner_rows(network, [o for o in municipalities if o.id not in clustered], on=day)
    for label, orgs in (
        ("(cluster unknown)", [r.organisation for r in loose if not r.cluster_known]),
        ("(no cluster)", [r.organisation for r in loose if r.cluster_known]),
    ):
        if orgs:
            lines = _wrap((_label(o) for o in orgs), 2 + max(width, len(label) + 2))
            out.append(f"  {label:<{max(width, len(label) + 2)}}{lines[0]}")
            out += [f"  {'':<{max(width, len(label) + 2)}}{line}" for line in lines[1:]]
    return out


def _governance(network: Network, coop: Cooperation, day: date) -> list[str]:
    rows = body_rows(network, network.bodies(coop.id, on=day), on=day)
    if not rows:
        return []
    out = ["Governance"]
    teams = [r for r in rows if r.body.kind is BodyKind.WATER_TEAM]
    for row in rows:
        if row.body.kind is not BodyKind.WATER_TEAM:
            out += _body(network, row, day)
    if teams:
        out.append(f"  Water teams ({len(teams)}), each led by its cluster coordinator")
    return out


def _agreements(network: Network, coop: Cooperation, day: date) -> list[str]:
    found = agreements(network, coop.id, on=day)
    if not found:
        return []
    out = ["Agreements"]
    for agreement in found:
        when = f" ({agreement.date})" if agreement.date else ""
        goals = ", ".join(g.name for g in agreement.goals)
        stated = f"; {agreement.partners} partners" if agreement.partners is not None else ""
        out.append(f"  {agreement.name}{when}: goals {goals or 'unknown'}{stated}")
        out += [f"    target: {t.text}" for t in agreement.targets]
    return out


def _spearheads(network: Network, coop: Cooperation, day: date) -> list[str]:
    spearheads = [s for s in network.entities(Spearhead, on=day) if s.cooperation == coop.id]
    if not spearheads:
        return []
    out = [f"Spearheads ({len(spearheads)})"]
    out += [f"  {s.number}. {s.title}" for s in sorted(spearheads, key=lambda s: s.number)]
    return out


def _not_shown(network: Network, coop: Cooperation, day: date, uncertain: int) -> list[str]:
    """The network's uncertain records (counted once by the caller) and this cooperation's."""
    uncertain += sum(
        1
        for a in network.entities(Agreement)
        if a.cooperation == coop.id
        and a.period.contains(day)  # an agreement uncertain by its period is counted above
        and agreement_certainty(a, day) is Certainty.UNCERTAIN
    )
    if not uncertain:
        return []
    return [
        f"Not shown: {uncertain} records whose dates (known only to the year, or not at all) "
        "leave open whether they hold on this day."
    ]


def _body(network: Network, row: BodyRow, day: date) -> list[str]:
    out = [f"  {row.body.name} ({member_count(len(row.member_seats), row.body.seats)})"]
    for seat in row.seats:
        holders = ", ".join(_name(h) for h in seat.holders)
        label = seat_label(seat.post.name, None if seat.represents is None else _name(seat.represents))
        held = f": {holders}{_still_held(network, seat.post.id, day)}" if holders else ""
        out.append(f"    {seat.role.value:<9} {label}{held}")
    return out


def _still_held(network: Network, post: str, day: date) -> str:
    """ ", still so at the latest source (...)" when the post's holding rests on its open end on ``day``."""
    notes = [n for t in network.tenures(post, on=day) if (n := network.still_so(t.id, on=day))]
    return f", {notes[0]}" if notes else ""
