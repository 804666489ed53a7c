"""Readable summaries of networks, snapshots, diffs and entities: plain text and HTML.

Notebooks (Jupyter, VS Code, ...) show an object by its ``_repr_html_``; the
classes call the functions here, which keep all the logic. Every text that
comes from the data is HTML-escaped. A summary is short on purpose: it says
what is there and how to ask for more, it does not dump every field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._html import box as _box
from ._html import e as _e
from ._html import names as _names
from ._html import period_text as _period
from ._html import rows as _rows
from ._labels import count_of_kind, member_count
from .answers._rows import body_rows, cluster_rows
from .model import (
    ENTITY_TYPES,
    Change,
    Cooperation,
    Entity,
    Organisation,
    OrgKind,
    Part,
    name_of,
)


if TYPE_CHECKING:
    from .network import Network
    from .query import Diff
    from .snapshot import Snapshot


__all__ = [
    "diff_html",
    "diff_repr",
    "network_html",
    "network_repr",
    "snapshot_html",
    "snapshot_repr",
]


def _plural(tag: str, n: int) -> str:
    word = "bodies" if tag == "body" and n != 1 else tag if n == 1 else f"{tag}s"
    return f"{n} {word}"


def _kinds(n: int, kind: OrgKind) -> str:
    return count_of_kind(n, kind)


def _partner_counts(partners: Sequence[Organisation]) -> str:
    counts = Counter(o.kind for o in partners)
    parts = ", ".join(_kinds(counts[k], k) for k in OrgKind if counts[k])
    return f"{len(partners)} partners" + (f": {parts}" if parts else "")


# -- the network ------------------------------------------------------------------------------


def _counts(network: Network) -> list[tuple[str, int]]:
    counts = Counter(entity.tag for entity in network)
    return [(tag, counts[tag]) for tag in ENTITY_TYPES if counts[tag]]


def network_repr(network: Network) -> str:
    """``<Network: 1 cooperation, 39 organisations, ...>``, one count per kind of entity.

    Examples:
        >>> network_repr(wk.Network())
        '<Network: empty>'
    """
    counts = ", ".join(_plural(tag, n) for tag, n in _counts(network))
    return f"<Network: {counts or 'empty'}>"


def network_html(network: Network) -> str:
    """The network in a notebook: its cooperations, what it holds, where it was loaded from."""
    rows: list[tuple[str, str]] = []
    for coop in network.entities(Cooperation):
        facts = [
            _plural("partner", len(network.partners(coop.id))) + " over time",
            _plural("cluster", len(network.clusters(coop.id))),
            _plural("body", len(network.bodies(coop.id))),
        ]
        rows.append(
            (
                "cooperation",
                f"<strong>{_e(coop.name)}</strong> <code>{_e(coop.id)}</code> "
                f"{_e(_period(coop.period))}: {_e(', '.join(facts))}",
            )
        )
    rows.append(("entities", _e(", ".join(_plural(tag, n) for tag, n in _counts(network)) or "none")))
    changes = network.changes()
    if changes:
        dates = [c.date.isoformat() for c in changes]
        rows.append(("history", _e(f"{_plural('change event', len(changes))}, {dates[0]} to {dates[-1]}")))
    report = network.report
    if report is not None:
        sources = ", ".join(s.name for s in report.sources)
        rows.append(
            (
                "loaded from",
                _e(f"{sources}: {report.read} records read, {report.accepted} accepted, ")
                + _e(f"{len(report.rejected)} rejected, {len(report.warnings)} warnings"),
            )
        )
    hint = '<div class="wk-muted">Ask <code>net.at("YYYY-MM-DD")</code> for the network as of a day.</div>'
    return _box("Network", f"<table>{_rows(rows)}</table>{hint}")


# -- a snapshot ---------------------------------------------------------------------------------


def snapshot_repr(snapshot: Snapshot) -> str:
    """``<Snapshot on 2016-01-01: 31 partners, 7 clusters, 9 bodies>``.

    Examples:
        >>> snapshot_repr(wk.load().at("2016-01-01"))
        '<Snapshot on 2016-01-01: 31 partners, 7 clusters, 9 bodies; 7 entities uncertain>'
    """
    network, day = snapshot.network, snapshot.day
    coops = network.entities(Cooperation, on=day)
    partners = sum(len(network.partners(c.id, on=day)) for c in coops)
    clusters = sum(len(network.clusters(c.id, on=day)) for c in coops)
    bodies = sum(len(network.bodies(c.id, on=day)) for c in coops)
    uncertain = sum(1 for _ in snapshot.uncertain())
    text = f"{_plural('partner', partners)}, {_plural('cluster', clusters)}, {_plural('body', bodies)}"
    if uncertain:
        text += f"; {uncertain} {'entity' if uncertain == 1 else 'entities'} uncertain"
    return f"<Snapshot on {day.isoformat()}: {text}>"


def _cluster_rows(network: Network, coop: Cooperation, snapshot: Snapshot) -> str:
    rows = []
    for row in cluster_rows(network, network.clusters(coop.id, on=snapshot.day), on=snapshot.day):
        members = [name_of(m) for m in row.members]
        if not row.members_known:
            listed = f"not all known; listed: {_names(members)}" if members else "not known"
        else:
            listed = _names(members) or "none"
        name = _e(row.cluster.name) if row.cluster.name else '<span class="wk-muted">(name unknown)</span>'
        rows.append(f"<tr><td>{name}</td><td>{len(members)}</td><td>{_e(listed)}</td></tr>")
    if not rows:
        return ""
    head = "<tr><th>cluster</th><th>members</th><th></th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def _body_rows(network: Network, coop: Cooperation, snapshot: Snapshot) -> str:
    rows = []
    # Water teams are one per cluster; the clusters table stands for them.
    bodies = [b for b in network.bodies(coop.id, on=snapshot.day) if b.cluster is None]
    for row in body_rows(network, bodies, on=snapshot.day):
        leaders = [
            f"{s.role.value}: {s.post.name}"
            + (f" ({', '.join(name_of(h) for h in s.holders)})" if s.holders else "")
            for s in row.leading_seats
        ]
        text = member_count(len(row.member_seats), row.body.seats)
        represented = [name_of(s.represents) for s in row.member_seats if s.represents is not None]
        if represented:
            text += f", representing {_names(represented)}"
        if leaders:
            text += "; " + "; ".join(leaders)
        rows.append(f"<tr><td>{_e(row.body.name)}</td><td>{_e(text)}</td></tr>")
    if not rows:
        return ""
    return f"<table><tr><th>body</th><th></th></tr>{''.join(rows)}</table>"


def snapshot_html(snapshot: Snapshot) -> str:
    """A snapshot in a notebook: per cooperation its partners, clusters and bodies on the day."""
    network, day = snapshot.network, snapshot.day
    parts = []
    for coop in network.entities(Cooperation, on=day):
        partners = network.partners(coop.id, on=day)
        parts.append(
            f"<div><strong>{_e(coop.name)}</strong>: {_e(_partner_counts(partners))}</div>"
            + _cluster_rows(network, coop, snapshot)
            + _body_rows(network, coop, snapshot)
        )
    if not parts:
        parts.append("<div>No cooperation is surely in existence on this day.</div>")
    uncertain = sorted(name_of(e) for e in snapshot.uncertain())
    if uncertain:
        parts.append(
            f'<div class="wk-muted">{len(uncertain)} uncertain on this day (their dates are known '
            f"only to a year, a range, or not at all), left out above: {_e(_names(uncertain))}</div>"
        )
    return _box(f"Snapshot on {_e(day.isoformat())}", "".join(parts))


# -- a diff ---------------------------------------------------------------------------------------


def _entities(found: Sequence[Entity]) -> list[Entity]:
    """The entities of a side of a diff, without the change events (the diff lists those on their own)."""
    return [e for e in found if not isinstance(e, Change)]


def diff_repr(diff: Diff) -> str:
    """``<Diff 2017-06-01 → 2021-06-01: 31 → 18 partners: ...; 6 added, 40 removed>``.

    The counts are of the entities besides the change events, which the summary counts.
    """
    return (
        f"<Diff {diff.start.isoformat()} → {diff.end.isoformat()}: {diff.summary()}; "
        f"{len(_entities(diff.added))} added, {len(_entities(diff.removed))} removed>"
    )


def diff_html(diff: Diff) -> str:
    """A diff in a notebook: the summary, the change events, what was added and removed."""
    rows = [("summary", _e(diff.summary()))]
    if diff.changes:
        known = {e.id: name_of(e) for e in (*diff.removed, *diff.added, *diff.uncertain)}
        events = "".join(f"<li>{_e(c.date.isoformat())} {_e(_describe(c, known))}</li>" for c in diff.changes)
        rows.append(("change events undone" if diff.backward else "change events", f"<ul>{events}</ul>"))
    sides = (("added", diff.added), ("removed", diff.removed), ("uncertain", diff.uncertain))
    for label, side in sides:
        entities = _entities(side)
        if entities:
            names = [name_of(e) for e in entities]
            rows.append((label, _e(f"{len(entities)}: {_names(names)}")))
    backwards = " (backwards)" if diff.backward else ""
    title = f"Diff from {_e(diff.start.isoformat())} to {_e(diff.end.isoformat())}{backwards}"
    return _box(title, f"<table>{_rows(rows)}</table>")


def _describe(change: Change, names: dict[str, str]) -> str:
    """``merger: Bedum, Winsum (part) → Het Hogeland``, with the names the diff knows."""

    def side(parts: Sequence[Part]) -> str:
        return ", ".join(names.get(p.id, p.id) + (" (part)" if p.partial else "") for p in parts)

    return f"{change.kind.value}: {side(change.before) or '(none)'} → {side(change.after) or '(none)'}"


# -- entities ---------------------------------------------------------------------------------------
