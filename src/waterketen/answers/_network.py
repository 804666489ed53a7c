"""Questions about a network: partners, clusters, members, bodies, posts, holders, seats, names and codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._time import DateLike, Unknown
from ..model import (
    ENTITY_TYPES,
    Body,
    BodyKind,
    Cluster,
    Cooperation,
    Membership,
    Organisation,
    OrgKind,
    Post,
    Tenure,
    name_of,
)
from ._resolve import _body_kind, _cooperation, _day, _kind, _org_kind, _period_of, resolve
from ._rows import (
    PartnerRow,
    body_rows,
    cluster_rows,
    membership_rows,
    partner_rows,
    post_rows,
    seat_rows,
    tenure_rows,
)
from ._table import Answer, Cell


if TYPE_CHECKING:
    from ..network import Network

__all__ = [
    "bodies",
    "cluster_of",
    "clusters",
    "find",
    "holders",
    "lookup",
    "members",
    "partners",
    "posts",
    "resolve",
    "seats",
]


# -- helpers ---------------------------------------------------------------------------------------


_ORG_COLUMNS = ("id", "name", "kind", "identifiers", "clusters", "start", "end")


def _partner_cells(row: PartnerRow) -> tuple[Cell, ...]:
    org = row.organisation
    return (
        org.id,
        org.name,
        org.kind.value,
        tuple(str(i) for i in org.identifiers),
        tuple(c.id for c in row.clusters),
        *_period_of(org),
    )


def partners(
    network: Network,
    *,
    on: DateLike | None = None,
    kind: OrgKind | str | None = None,
    cluster: str | None = None,
    cooperation: str | None = None,
) -> Answer:
    """The partners of a cooperation (``waterketen partners``).

    Args:
        network: the network.
        on: the day; ``None`` asks over all time.
        kind: only partners of this kind (``municipality``, ``water-board``, ...).
        cluster: only members of this cluster (an id or a name).
        cooperation: the cooperation (an id or a name); may be left out when
            the network has one.

    Returns:
        Columns ``id, name, kind, identifiers, clusters, start, end``: the
        identifiers as ``scheme:value``, the clusters the partner is in (that
        day), and the organisation's own period.

    Raises:
        UnknownEntityError: the cluster or cooperation is not known.
        AmbiguityError: the network has several cooperations and none is named.
        ValueError: ``kind`` is not a kind of organisation.

    Examples:
        >>> answer = wk.answers.partners(wk.load(), on="2016-01-01", kind="water-board")
        >>> for row in answer.records():
        ...     print(row["name"], row["identifiers"])
        Noorderzijlvest ('cbs:WS17', 'kadaster-bgt:W0647')
        Hunze en Aa’s ('cbs:WS16', 'kadaster-bgt:W0646')
    """
    coop = _cooperation(network, cooperation, on)
    cluster_id = None if cluster is None else resolve(network, cluster, Cluster, on=on)
    found = network.partners(coop, on=on, kind=_org_kind(kind), cluster=cluster_id)
    return Answer(
        command="partners",
        at=_day(on),
        columns=_ORG_COLUMNS,
        rows=tuple(_partner_cells(row) for row in partner_rows(network, found, on=on)),
    )


def clusters(network: Network, *, on: DateLike | None = None, cooperation: str | None = None) -> Answer:
    """The clusters of a cooperation (``waterketen clusters``).

    Returns:
        Columns ``id, name, cooperation, members_known, members, start, end``:
        ``members`` are the partner ids in the cluster (that day);
        ``members_known`` is false when the data does not list them all.

    Examples:
        >>> answer = wk.answers.clusters(wk.load(), on="2016-01-01")
        >>> [(row["name"], len(row["members"])) for row in answer.records()][:2]
        [('DAL', 3), ('BMWE', 4)]
    """
    coop = network.cooperation(_cooperation(network, cooperation, on))
    rows = tuple(
        (
            row.cluster.id,
            row.cluster.name,
            row.cluster.cooperation,
            row.members_known,
            tuple(o.id for o in row.members),
            *_period_of(row.cluster),
        )
        for row in cluster_rows(network, network.clusters(coop.id, on=on), on=on)
    )
    return Answer(
        command="clusters",
        at=_day(on),
        columns=("id", "name", "cooperation", "members_known", "members", "start", "end"),
        rows=rows,
    )


def members(network: Network, group: str, *, on: DateLike | None = None) -> Answer:
    """The members of a cooperation, cluster or body (``waterketen members GROUP``).

    Args:
        network: the network.
        group: the group's id or name.
        on: the day; ``None`` asks over all time.

    Returns:
        Columns ``id, tag, name, kind, membership, start, end``: one row per
        membership (that day), with the membership's period.

    Examples:
        >>> answer = wk.answers.members(wk.load(), "Cluster GHT", on="2016-01-01")
        >>> [row["id"] for row in answer.records()]
        ['groningen', 'haren', 'ten-boer']
    """
    group_id = resolve(network, group, (Cooperation, Cluster, Body), on=on)
    memberships = [
        membership
        for member in network.members(group_id, on=on)
        for membership in network.memberships(member.id, on=on)
        if isinstance(membership, Membership) and membership.group == group_id
    ]
    rows = tuple(
        (
            row.member.id,
            row.member.tag,
            name_of(row.member),
            _kind(row.member),
            row.membership.id,
            *_period_of(row.membership),
        )
        for row in membership_rows(network, memberships)
    )
    return Answer(
        command="members",
        at=_day(on),
        columns=("id", "tag", "name", "kind", "membership", "start", "end"),
        rows=rows,
    )


def cluster_of(network: Network, organisation: str, *, on: DateLike | None = None) -> Answer:
    """The cluster an organisation is in (``waterketen cluster-of ORG``).

    Returns:
        One row with columns ``organisation, name, status, cluster,
        cluster_name``; ``status`` is ``known`` (the cluster is given),
        ``unknown`` (the data cannot say that day) or ``none`` (in no cluster).

    Raises:
        UnknownEntityError: no organisation has that id or name.
        AmbiguityError: it is in several clusters that day (or over all time).

    Examples:
        >>> wk.answers.cluster_of(wk.load(), "bedum", on="2014-06-01").records()[0]["status"]
        'unknown'
    """
    org_id = resolve(network, organisation, Organisation, on=on)
    found = network.cluster_of(org_id, on=on)
    if isinstance(found, Unknown):
        row: tuple[Cell, ...] = ("unknown", None, None)
    elif found is None:
        row = ("none", None, None)
    else:
        row = ("known", found.id, found.name)
    return Answer(
        command="cluster-of",
        at=_day(on),
        columns=("organisation", "name", "status", "cluster", "cluster_name"),
        rows=((org_id, name_of(network[org_id]), *row),),
    )


def bodies(
    network: Network,
    *,
    on: DateLike | None = None,
    kind: BodyKind | str | None = None,
    cooperation: str | None = None,
) -> Answer:
    """The governance bodies of a cooperation (``waterketen bodies``).

    Returns:
        Columns ``id, name, kind, cooperation, cluster, seats, start, end``;
        ``seats`` is the number of seats stated, if stated.

    Examples:
        >>> [row["name"] for row in wk.answers.bodies(wk.load(), on="2016-01-01").records()][:2]
        ['Regiegroep', 'Clustercoördinatorenoverleg']
    """
    coop = _cooperation(network, cooperation, on)
    found = network.bodies(coop, on=on, kind=_body_kind(kind))
    rows = tuple(
        (b.id, b.name, b.kind.value, b.cooperation, b.cluster, b.seats, *_period_of(b))
        for b in (row.body for row in body_rows(network, found, on=on))
    )
    return Answer(
        command="bodies",
        at=_day(on),
        columns=("id", "name", "kind", "cooperation", "cluster", "seats", "start", "end"),
        rows=rows,
    )


def posts(network: Network, body: str | None = None, *, on: DateLike | None = None) -> Answer:
    """The posts with a duty in a body, or every post (``waterketen posts [BODY]``).

    Returns:
        Columns ``id, name, duties, represents, holders, start, end``:
        ``duties`` as ``role:body`` (in the bodies that exist that day),
        ``holders`` the ids of who holds the post (that day).

    Examples:
        >>> answer = wk.answers.posts(wk.load(), "Clustercoördinatorenoverleg", on="2016-01-01")
        >>> answer.records()[0]["duties"]
        ('secretary:gnd-regiegroep', 'chair:gnd-clustercoordinatorenoverleg')
    """
    body_id = None if body is None else resolve(network, body, Body, on=on)
    rows = tuple(
        (
            row.post.id,
            row.post.name,
            tuple(f"{d.role.value}:{d.body}" for d in row.duties),
            row.post.represents,
            tuple(h.id for h in row.holders),
            *_period_of(row.post),
        )
        for row in post_rows(network, network.posts(body_id, on=on), on=on)
    )
    return Answer(
        command="posts",
        at=_day(on),
        columns=("id", "name", "duties", "represents", "holders", "start", "end"),
        rows=rows,
    )


def holders(network: Network, post: str, *, on: DateLike | None = None) -> Answer:
    """Who holds a post (``waterketen holders POST``).

    Returns:
        Columns ``id, tag, name, tenure, start, end``: one row per tenure
        (that day), with the tenure's period.
    """
    post_id = resolve(network, post, Post, on=on)
    tenures = [t for t in network.tenures(post_id, on=on) if isinstance(t, Tenure) and t.post == post_id]
    rows = tuple(
        (row.holder.id, row.holder.tag, name_of(row.holder), row.tenure.id, *_period_of(row.tenure))
        for row in tenure_rows(network, tenures)
    )
    return Answer(
        command="holders",
        at=_day(on),
        columns=("id", "tag", "name", "tenure", "start", "end"),
        rows=rows,
    )


def seats(network: Network, body: str, *, on: DateLike | None = None) -> Answer:
    """Who represents what in a body (``waterketen seats BODY``).

    Returns:
        Columns ``post, post_name, role, represents, represents_name,
        holders, holder_names``: one row per duty of a post in the body.

    Examples:
        >>> answer = wk.answers.seats(wk.load(), "Regiegroep", on="2016-01-01")
        >>> sum(row["role"] == "member" for row in answer.records())
        11
    """
    body_id = resolve(network, body, Body, on=on)
    rows = tuple(
        (
            s.post.id,
            s.post.name,
            s.role.value,
            None if s.represents is None else s.represents.id,
            None if s.represents is None else name_of(s.represents),
            tuple(h.id for h in s.holders),
            tuple(name_of(h) for h in s.holders),
        )
        for s in seat_rows(network, body_id, on=on)
    )
    return Answer(
        command="seats",
        at=_day(on),
        columns=("post", "post_name", "role", "represents", "represents_name", "holders", "holder_names"),
        rows=rows,
    )


_FIND_COLUMNS = ("id", "tag", "name", "kind", "start", "end")


def find(network: Network, name: str, *, on: DateLike | None = None, tag: str | None = None) -> Answer:
    """Entities called ``name`` (``waterketen find NAME``): any case, accents or punctuation.

    Ranked as :meth:`~waterketen.Network.find` ranks them: whole names, then
    parts of names, then (when nothing else matches) similar names.

    Args:
        network: the network.
        name: the name (or another name) to look for.
        on: only entities valid that day; ``None`` over all time.
        tag: only entities of this kind (``organisation``, ``cluster``, ...).

    Returns:
        Columns ``id, tag, name, kind, start, end``.

    Raises:
        ValueError: ``tag`` names no kind of entity.

    Examples:
        >>> [row["id"] for row in wk.answers.find(wk.load(), "hunze en aa's").records()]
        ['hunze-en-aas', 'gnd-regiegroep-hunze-en-aas']
    """
    cls = None
    if tag is not None:
        if tag not in ENTITY_TYPES:
            raise ValueError(f"expected a kind of entity of {', '.join(ENTITY_TYPES)}; got {tag!r}")
        cls = ENTITY_TYPES[tag]
    rows = tuple(
        (e.id, e.tag, name_of(e), _kind(e), *_period_of(e)) for e in network.find(name, kind=cls, on=on)
    )
    return Answer(command="find", at=_day(on), columns=_FIND_COLUMNS, rows=rows)


def lookup(network: Network, scheme: str, code: str, *, on: DateLike | None = None) -> Answer:
    """The organisation with an official code (``waterketen lookup SCHEME CODE``).

    Returns:
        At most one row, with the columns of :func:`partners`.

    Raises:
        AmbiguityError: several organisations had the code and no day tells
            them apart.

    Examples:
        >>> wk.answers.lookup(wk.load(), "cbs", "GM0765").records()[0]["name"]
        'Pekela'
    """
    org = network.lookup(scheme, code, on=on)
    rows = () if org is None else tuple(_partner_cells(row) for row in partner_rows(network, [org], on=on))
    return Answer(command="lookup", at=_day(on), columns=_ORG_COLUMNS, rows=rows)
