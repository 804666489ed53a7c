"""Tables of a network as pandas DataFrames, for analysts.

:func:`to_frame` turns the partners, clusters, bodies, posts, tenures,
memberships or change events of a network into a DataFrame, as of a day
(``on=``) or over all time. pandas is optional: install it with
``pip install 'waterketen[analysis]'``; importing waterketen never imports it.

Every frame is indexed by the entities' ids (a ``string`` index named
``id``). Texts are ``string`` columns (missing values are ``<NA>``), kinds
are ``category`` columns with every value of their enum as categories (so
frames of different days concatenate cleanly), counts are ``Int64`` and
flags ``bool``.

Dates keep the precision the data gives them. Each bound of a validity period
(``start``, ``end``) and each change's ``date`` becomes three columns:

- ``start``: the bound as written (``2019-01-01``, ``2014``, ``2019-04-12..``,
  ``unknown``), a ``string``; ``<NA>`` when the period is open on that side;
- ``start_earliest`` and ``start_latest``: the first and the last day the
  bound may denote, as ``datetime64[s]``. They are equal for a whole day,
  span a year for ``2014``, and are ``NaT`` on a side nothing is known about
  (an open period, ``unknown``, the open side of ``2019-04-12..``).

As everywhere in waterketen, ``start`` is inclusive and ``end`` exclusive: an
``end`` of ``2019-01-01`` means the last day was 31 December 2018.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ._extras import require
from ._frame_table import (
    PERIOD_COLUMNS,
    Table,
    bound_columns,
    bound_values,
    enum_values,
    joined,
    period_values,
)
from ._time import DateLike, as_date
from .answers._rows import body_rows, cluster_rows, membership_rows, partner_rows, post_rows, tenure_rows
from .errors import UnknownFrameError
from .model import (
    Body,
    BodyKind,
    ChangeKind,
    Cluster,
    Cooperation,
    Entity,
    Membership,
    Organisation,
    OrgKind,
    Part,
    Tenure,
    name_of,
)
from .query import describe_change
from .snapshot import Snapshot


if TYPE_CHECKING:
    import pandas as pd

    from .network import Network


__all__ = ["FRAMES", "UnknownFrameError", "to_frame", "valid_on"]


_TAGS = ("cooperation", "organisation", "cluster", "body", "post", "person")


def to_frame(
    network: Network | Snapshot,
    what: str,
    *,
    on: DateLike | None = None,
    cooperation: str | None = None,
) -> pd.DataFrame:
    """A table of the network as a pandas DataFrame.

    Args:
        network: the network, or a snapshot of it (which gives the day).
        what: which table: one of ``partners``, ``clusters``, ``bodies``,
            ``posts``, ``tenures``, ``memberships``, ``changes`` (see
            :data:`FRAMES` for the columns of each).
        on: the day; without it, every row over all time.
        cooperation: the cooperation, for ``partners``, ``clusters`` and
            ``bodies``; may be left out when the network has one.

    Returns:
        A DataFrame indexed by id, with typed columns (see the module's
        description for the date columns).

    Raises:
        MissingExtraError: pandas is not installed.
        UnknownFrameError: ``what`` is none of the tables, or a snapshot is
            given together with another day.
        AmbiguityError: a table of one cooperation (``partners``,
            ``clusters``, ``bodies``) is asked of a network that has several,
            and none is named.

    Examples:
        >>> from waterketen.frames import to_frame
        >>> net = wk.load()
        >>> partners = to_frame(net, "partners", on="2016-01-01")
        >>> len(partners), int(partners["kind"].value_counts()["municipality"])
        (31, 27)
        >>> partners.loc["bedum", ["name", "cluster_name", "cbs", "end"]].tolist()
        ['Bedum', 'BMWE', 'GM0005', '2019-01-01']
        >>> str(partners["end_earliest"].dtype), str(partners["kind"].dtype)
        ('datetime64[s]', 'category')
        >>> int(to_frame(net, "changes")["kind"].value_counts()["merger"])
        6
    """
    require("pandas", extra="analysis", needed_by="to_frame")
    if isinstance(network, Snapshot):
        if on is not None:
            raise UnknownFrameError("a snapshot already has its day; pass on= only with a network")
        on = network.day
        network = network.network
    try:
        build = _BUILDERS[what]
    except (KeyError, TypeError):
        raise UnknownFrameError(f"no frame {what!r}; expected one of {', '.join(FRAMES)}") from None
    return build(network, on, cooperation).frame()


def valid_on(frame: pd.DataFrame, on: DateLike) -> pd.Series[bool]:
    """Which rows of a frame are surely valid on a day, as the network's queries count them.

    A row is valid when its period has surely started (``start`` is open, or
    ``start_latest`` is on or before the day) and has surely not ended
    (``end`` is open, or ``end_earliest`` is after the day). A bound written
    ``unknown`` is never sure. Use it to ask a frame over all time about many
    days without loading again.

    Args:
        frame: a frame of :func:`to_frame` with the period's columns.
        on: the day.

    Returns:
        A boolean Series on the frame's index.

    Examples:
        >>> from waterketen.frames import to_frame, valid_on
        >>> memberships = to_frame(wk.load(), "memberships")
        >>> partners = memberships[memberships["group"] == "groningen-noord-drenthe"]
        >>> [int(valid_on(partners, day).sum()) for day in ("2016-01-01", "2019-06-01", "2021-06-01")]
        [31, 20, 18]
    """
    require("pandas", extra="analysis", needed_by="valid_on")
    import pandas as pd

    day = pd.Timestamp(as_date(on))
    started = frame["start"].isna() | (frame["start_latest"] <= day)
    not_ended = frame["end"].isna() | (frame["end_earliest"] > day)
    valid: pd.Series[bool] = (started & not_ended).astype(bool)
    return valid


# -- the tables ------------------------------------------------------------------------------


def _partners(network: Network, on: DateLike | None, cooperation: str | None) -> Table:
    if cooperation is None and not network.entities(Cooperation):
        partners = network.entities(Organisation, on=on)  # no cooperation (the register): every organisation
    else:
        partners = network.partners(cooperation, on=on)
    schemes = list(dict.fromkeys(i.scheme for o in partners for i in o.identifiers))
    fixed = [
        ("name", "string"),
        ("kind", "category"),
        ("cluster", "category"),
        ("cluster_name", "string"),
        ("cluster_known", "bool"),
    ]
    taken = {name for name, _ in (*fixed, *PERIOD_COLUMNS)}
    scheme_columns = {s: (f"identifier.{s}" if s in taken else s) for s in schemes}
    table = Table([*fixed, *((c, "string") for c in scheme_columns.values()), *PERIOD_COLUMNS])
    table.categories["kind"] = enum_values(OrgKind)
    for row in partner_rows(network, partners, on=on):
        org, cluster = row.organisation, row.cluster
        codes = {
            column: joined(i.value for i in org.identifiers if i.scheme == scheme)
            for scheme, column in scheme_columns.items()
        }
        table.row(
            org.id,
            name=org.name,
            kind=org.kind.value,
            cluster=None if cluster is None else cluster.id,
            cluster_name=None if cluster is None else cluster.name,
            cluster_known=row.cluster_known,
            **codes,
            **period_values(org),
        )
    return table


def _clusters(network: Network, on: DateLike | None, cooperation: str | None) -> Table:
    table = Table(
        [
            ("name", "string"),
            ("cooperation", "category"),
            ("members_known", "bool"),
            ("members", "Int64"),
            *PERIOD_COLUMNS,
        ]
    )
    for row in cluster_rows(network, network.clusters(cooperation, on=on), on=on):
        cluster = row.cluster
        members = len(row.members) if row.members_known else None
        table.row(
            cluster.id,
            name=cluster.name,
            cooperation=cluster.cooperation,
            members_known=cluster.members_known,
            members=members,
            **period_values(cluster),
        )
    return table


def _bodies(network: Network, on: DateLike | None, cooperation: str | None) -> Table:
    table = Table(
        [
            ("name", "string"),
            ("kind", "category"),
            ("cooperation", "category"),
            ("cluster", "string"),
            ("seats", "Int64"),
            ("posts", "Int64"),
            *PERIOD_COLUMNS,
        ]
    )
    table.categories["kind"] = enum_values(BodyKind)
    for row in body_rows(network, network.bodies(cooperation, on=on), on=on):
        body = row.body
        table.row(
            body.id,
            name=body.name,
            kind=body.kind.value,
            cooperation=body.cooperation,
            cluster=body.cluster,
            seats=body.seats,
            posts=len(row.posts),
            **period_values(body),
        )
    return table


def _posts(network: Network, on: DateLike | None, cooperation: str | None) -> Table:
    table = Table(
        [
            ("name", "string"),
            ("cooperation", "category"),
            ("duties", "string"),
            ("represents", "string"),
            ("represents_name", "string"),
            ("holders", "string"),
            ("holder_names", "string"),
            *PERIOD_COLUMNS,
        ]
    )
    posts = [p for p in network.posts(on=on) if cooperation is None or p.cooperation == cooperation]
    for row in post_rows(network, posts, on=on):
        post = row.post
        table.row(
            post.id,
            name=post.name,
            cooperation=post.cooperation,
            duties=joined(f"{d.role.value} {d.body}" for d in row.duties),
            represents=post.represents,
            represents_name=None if row.represents is None else name_of(row.represents),
            holders=joined(h.id for h in row.holders),
            holder_names=joined(name_of(h) for h in row.holders),
            **period_values(post),
        )
    return table


def _tenures(network: Network, on: DateLike | None, cooperation: str | None) -> Table:
    table = Table(
        [
            ("holder", "string"),
            ("holder_name", "string"),
            ("holder_tag", "category"),
            ("post", "string"),
            ("post_name", "string"),
            *PERIOD_COLUMNS,
        ]
    )
    table.categories["holder_tag"] = list(_TAGS)
    for row in tenure_rows(network, network.entities(Tenure, on=on)):
        tenure, post, holder = row.tenure, row.post, row.holder
        if cooperation is not None and post.cooperation != cooperation:
            continue
        table.row(
            tenure.id,
            holder=holder.id,
            holder_name=name_of(holder),
            holder_tag=holder.tag,
            post=post.id,
            post_name=post.name,
            **period_values(tenure),
        )
    return table


def _memberships(network: Network, on: DateLike | None, cooperation: str | None) -> Table:
    table = Table(
        [
            ("member", "string"),
            ("member_name", "string"),
            ("group", "string"),
            ("group_name", "string"),
            ("group_tag", "category"),
            *PERIOD_COLUMNS,
        ]
    )
    table.categories["group_tag"] = list(_TAGS)
    for row in membership_rows(network, network.entities(Membership, on=on)):
        membership, member, group = row.membership, row.member, row.group
        if cooperation is not None and not _in_cooperation(group, cooperation):
            continue
        table.row(
            membership.id,
            member=member.id,
            member_name=name_of(member),
            group=group.id,
            group_name=name_of(group),
            group_tag=group.tag,
            **period_values(membership),
        )
    return table


def _in_cooperation(group: Entity, cooperation: str) -> bool:
    if isinstance(group, Cluster | Body):
        return group.cooperation == cooperation
    return group.id == cooperation


def _changes(network: Network, on: DateLike | None, cooperation: str | None) -> Table:
    table = Table(
        [
            ("kind", "category"),
            *bound_columns("date"),
            ("before", "string"),
            ("after", "string"),
            ("summary", "string"),
            ("description", "string"),
        ]
    )
    table.categories["kind"] = enum_values(ChangeKind)

    def side(parts: tuple[Part, ...]) -> str | None:
        return joined(f"{p.id} (part)" if p.partial else p.id for p in parts)

    for change in network.changes(on=on):
        table.row(
            change.id,
            kind=change.kind.value,
            **bound_values("date", change.date),
            before=side(change.before),
            after=side(change.after),
            summary=describe_change(network, change),
            description=change.description,
        )
    return table


_BUILDERS: dict[str, Callable[[Network, DateLike | None, str | None], Table]] = {
    "partners": _partners,
    "clusters": _clusters,
    "bodies": _bodies,
    "posts": _posts,
    "tenures": _tenures,
    "memberships": _memberships,
    "changes": _changes,
}

FRAMES: dict[str, str] = {
    "partners": "the partner organisations: name, kind, cluster, cluster_name, cluster_known "
    "(False when the data cannot say or the cluster changed over the time asked about), "
    "one column per identifier scheme (cbs, ...), and the period",
    "clusters": "name (<NA> when no source gives it), cooperation, members_known, members "
    "(a count; <NA> when the cluster does not list all its members), and the period",
    "bodies": "name, kind, cooperation, cluster (of a water team), seats (as stated), "
    "posts (the number with a duty there), and the period",
    "posts": "name, cooperation, duties ('role body' pairs), represents and represents_name, "
    "holders and holder_names ('; '-separated), and the period",
    "tenures": "holder, holder_name, holder_tag (person or organisation), post, post_name, and the period",
    "memberships": "member, member_name, group, group_name, group_tag (cooperation, cluster, body), "
    "and the period",
    "changes": "kind, date (with date_earliest, date_latest), before and after (ids, '(part)' "
    "for a partial part), summary (one line) and description (the source's words)",
}
"""The tables :func:`to_frame` makes, and their columns besides the ``id`` index.

Every table but ``changes`` ends with the period's six columns ``start``,
``start_earliest``, ``start_latest``, ``end``, ``end_earliest``, ``end_latest``.
"""
