"""Plain text for the terminal: summaries of a network and aligned tables of answers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ._labels import KIND_PLURAL
from ._time import UNKNOWN
from .model import (
    Agreement,
    Body,
    BodyKind,
    Cooperation,
    Entity,
    Organisation,
    OrgKind,
    Spearhead,
    name_of,
)
from .network import Network


__all__ = ["summary", "table"]


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
    parts = [_cooperation(network, coop, day) for coop in network.entities(Cooperation)]
    return "\n\n".join(parts) if parts else f"(no cooperation in the network on {day.isoformat()})"


def _cooperation(network: Network, coop: Cooperation, day: date) -> str:
    still = network.still_so(coop.id, on=day)
    out = [f"{coop.name}  [{coop.id}]", f"as of {day.isoformat()}{': ' + still if still else ''}"]
    if not coop.period.contains(day):
        out.append(f"(the cooperation is not known to exist on this day: {coop.period})")
    partners = network.partners(coop.id, on=day)
    by_kind: dict[OrgKind, list[Organisation]] = {}
    for org in partners:
        by_kind.setdefault(org.kind, []).append(org)
    counts = ", ".join(f"{len(orgs)} {KIND_PLURAL[kind]}" for kind, orgs in by_kind.items())
    out += ["", f"Partners ({len(partners)}){': ' + counts if counts else ''}"]
    for kind, orgs in by_kind.items():
        if kind is not OrgKind.MUNICIPALITY:
            out.append(f"  {KIND_PLURAL[kind]}: {', '.join(_label(o) for o in orgs)}")

    clusters = network.clusters(coop.id, on=day)
    out += ["", f"Clusters ({len(clusters)})"]
    width = max((len(name_of(c)) for c in clusters), default=0) + 2
    clustered: set[str] = set()
    for cluster in clusters:
        members = network.partners(coop.id, on=day, cluster=cluster.id)
        clustered.update(m.id for m in members)
        lines = _wrap((_label(m) for m in members), 2 + width) or ["(no members known)"]
        if members and not cluster.members_known:
            lines[-1] += ", and members not known"
        out.append(f"  {name_of(cluster):<{width}}{lines[0]}")
        out += [f"  {'':<{width}}{line}" for line in lines[1:]]
    loose = [o for o in by_kind.get(OrgKind.MUNICIPALITY, []) if o.id not in clustered]
    unknown = [o for o in loose if network.cluster_of(o.id, on=day) is UNKNOWN]
    for label, orgs in (
        ("(cluster unknown)", unknown),
        ("(no cluster)", [o for o in loose if o not in unknown]),
    ):
        if orgs:
            lines = _wrap((_label(o) for o in orgs), 2 + max(width, len(label) + 2))
            out.append(f"  {label:<{max(width, len(label) + 2)}}{lines[0]}")
            out += [f"  {'':<{max(width, len(label) + 2)}}{line}" for line in lines[1:]]

    bodies = network.bodies(coop.id, on=day)
    if bodies:
        out += ["", "Governance"]
        teams = [b for b in bodies if b.kind is BodyKind.WATER_TEAM]
        for body in bodies:
            if body.kind is not BodyKind.WATER_TEAM:
                out += _body(network, body, day)
        if teams:
            out.append(f"  Water teams ({len(teams)}), each led by its cluster coordinator")

    agreements = [a for a in network.entities(Agreement) if a.cooperation == coop.id]
    if agreements:
        out += ["", "Agreements"]
        for agreement in agreements:
            when = f" ({agreement.date})" if agreement.date else ""
            goals = ", ".join(g.name for g in agreement.goals)
            stated = f"; {agreement.partners} partners" if agreement.partners is not None else ""
            out.append(f"  {agreement.name}{when}: goals {goals}{stated}")
            out += [f"    target: {t.text}" for t in agreement.targets]

    spearheads = [s for s in network.entities(Spearhead, on=day) if s.cooperation == coop.id]
    if spearheads:
        out += ["", f"Spearheads ({len(spearheads)})"]
        out += [f"  {s.number}. {s.title}" for s in sorted(spearheads, key=lambda s: s.number)]
    uncertain = sum(1 for _ in network.at(day).uncertain())
    if uncertain:
        out += [
            "",
            f"Not shown: {uncertain} records whose dates (known only to the year, or not at all) "
            "leave open whether they hold on this day.",
        ]
    return "\n".join(out)


def _body(network: Network, body: Body, day: date) -> list[str]:
    seats = network.seats(body.id, on=day)
    members = [s for s in seats if s.role.value == "member"]
    stated = f"{body.seats} seats stated, " if body.seats is not None else ""
    out = [f"  {body.name} ({stated}{len(members)} member posts)"]
    for seat in seats:
        holders = ", ".join(_name(h) for h in seat.holders)
        stands = f" for {_name(seat.represents)}" if seat.represents is not None else ""
        held = f": {holders}{_still_held(network, seat.post.id, day)}" if holders else ""
        out.append(f"    {seat.role.value:<9} {seat.post.name}{stands}{held}")
    return out


def _still_held(network: Network, post: str, day: date) -> str:
    """ ", still so at the latest source (...)" when the post's holding rests on its open end on ``day``."""
    notes = [n for t in network.tenures(post, on=day) if (n := network.still_so(t.id, on=day))]
    return f", {notes[0]}" if notes else ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return " ".join(str(value).split())  # one line per row, whatever the text holds


def table(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """An aligned text table: a header, then one line per row (lists joined by commas).

    Examples:
        >>> print(table(("id", "seats"), [("regiegroep", 11), ("waterteam", None)]))
        id          seats
        regiegroep  11
        waterteam
    """
    lines = [list(columns), *([_text(v) for v in row] for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(columns))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )
