"""The entities of a water-chain cooperation, as frozen attrs classes.

Every entity has a stable, human-readable string ``id``, a validity
:class:`~waterketen.Period` and its :class:`Provenance`. Entities refer to one
another by id only; the :class:`~waterketen.Network` resolves the references.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, TypeAlias

from attrs import field, frozen

from ._fields import (
    CHANGEABLE,
    GROUPS,
    HOLDERS,
    MEMBERS,
    POST_PLACES,
    REFERS_TO,
    REPRESENTABLE,
    check_id,
    check_optional_id,
    check_optional_text,
    check_text,
)
from ._kinds import BodyKind, ChangeKind, OrgKind, Role
from ._time import (
    UNKNOWN,
    Between,
    Certainty,
    Instant,
    PartialDate,
    Period,
    Unknown,
    parse_bound,
    parse_instant,
)
from ._values import Contact, Link, Name, OtherName
from .errors import FieldValueError


__all__ = [
    "ENTITY_TYPES",
    "REFERS_TO",
    "UNKNOWN",
    "Agreement",
    "Between",
    "Body",
    "BodyKind",
    "Certainty",
    "Change",
    "ChangeKind",
    "Cluster",
    "Contact",
    "Cooperation",
    "Duty",
    "Entity",
    "FieldValueError",
    "Goal",
    "Identifier",
    "Link",
    "Membership",
    "Name",
    "OrgKind",
    "Organisation",
    "OtherName",
    "Part",
    "PartialDate",
    "Period",
    "Person",
    "Post",
    "Provenance",
    "Role",
    "Spearhead",
    "Target",
    "Tenure",
    "Unknown",
    "name_of",
    "parse_bound",
    "parse_instant",
    "period_of",
]


@frozen(kw_only=True)
class Provenance:
    """Where a fact came from: a source, the place in it and the source's date.

    ``date`` is the day the cited source carries (its publication or its last
    update), when it has one: a record's open end is confirmed up to its
    latest dated source (:func:`waterketen.query.latest_source`) and assumed
    after it.

    Examples:
        >>> Provenance(source="https://example.org/page", locator="line 23")
        Provenance(source='https://example.org/page', locator='line 23')
        >>> Provenance(source="https://example.org/page", date=PartialDate(2019, 4))
        Provenance(source='https://example.org/page', locator=None, date=PartialDate('2019-04'))
    """

    source: str = field(validator=check_text)
    locator: str | None = None
    date: Instant | None = None

    def __repr__(self) -> str:
        dated = "" if self.date is None else f", date={self.date!r}"
        return f"Provenance(source={self.source!r}, locator={self.locator!r}{dated})"


@frozen(kw_only=True)
class Identifier:
    """An official code in a named scheme, such as ``cbs`` ``GM0014``."""

    scheme: str = field(validator=check_id)
    value: str = field(validator=check_text)

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"


@frozen(kw_only=True)
class Organisation:
    """A partner organisation: a municipality, a water board, a drinking-water company, ..."""

    tag: ClassVar[str] = "organisation"
    id: str = field(validator=check_id)
    name: str = field(validator=check_text)
    kind: OrgKind
    identifiers: tuple[Identifier, ...] = ()
    other_names: tuple[str | Name, ...] = ()
    """Other names: plain text, or a :class:`Name` with the period it was borne."""
    links: tuple[Link, ...] = ()
    contact_details: tuple[Contact, ...] = ()
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()

    def identifier(self, scheme: str) -> str | None:
        """The code of this organisation in ``scheme``, if it has one."""
        return next((i.value for i in self.identifiers if i.scheme == scheme), None)

    def name_on(self, day: date) -> str:
        """The name it bore on ``day``: an other name whose period surely holds it, else :attr:`name`."""
        for other in self.other_names:
            if isinstance(other, Name) and other.period.contains(day):
                return other.name
        return self.name

    def __repr__(self) -> str:
        """``<Organisation bedum: Bedum, municipality, cbs:GM0005, […, 2019-01-01)>``."""
        facts = [self.name, self.kind.value, *(str(i) for i in self.identifiers), str(self.period)]
        return f"<Organisation {self.id}: {', '.join(facts)}>"

    def _repr_html_(self) -> str:
        from ._html import organisation_html

        return organisation_html(self)


@frozen(kw_only=True)
class Cooperation:
    """A regional water-chain cooperation (a region)."""

    tag: ClassVar[str] = "cooperation"
    id: str = field(validator=check_id)
    name: str = field(validator=check_text)
    other_names: tuple[str, ...] = ()
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


@frozen(kw_only=True)
class Cluster:
    """A cluster of partners inside a cooperation."""

    tag: ClassVar[str] = "cluster"
    id: str = field(validator=check_id)
    name: str | None = field(default=None, validator=check_optional_text)
    """The cluster's name; ``None`` when no source gives it."""
    cooperation: str = field(validator=check_id, metadata={REFERS_TO: ("cooperation",)})
    members_known: bool = True
    """False when the data does not list every member of the cluster."""
    other_names: tuple[str, ...] = ()
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()

    def __repr__(self) -> str:
        """``<Cluster gnd-bmwe: BMWE, [2014, 2020)>``; says so when the name or members are unknown."""
        facts = [self.name or "(name unknown)"]
        if not self.members_known:
            facts.append("members not all known")
        facts.append(str(self.period))
        return f"<Cluster {self.id}: {', '.join(facts)}>"

    def _repr_html_(self) -> str:
        from ._html import cluster_html

        return cluster_html(self)


@frozen(kw_only=True)
class Body:
    """A governance body: a regiegroep, a coordinators' meeting, a water team, ..."""

    tag: ClassVar[str] = "body"
    id: str = field(validator=check_id)
    name: str = field(validator=check_text)
    kind: BodyKind
    cooperation: str = field(validator=check_id, metadata={REFERS_TO: ("cooperation",)})
    cluster: str | None = field(default=None, validator=check_optional_id, metadata={REFERS_TO: ("cluster",)})
    seats: int | None = None
    """The number of seats the body is stated to have, if stated."""
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.seats is not None and self.seats < 0:
            raise FieldValueError("seats", f"must not be negative, got {self.seats!r}")


@frozen(kw_only=True)
class Duty:
    """One role of a post in one body, for a period of its own (by default the post's)."""

    role: Role
    body: str = field(validator=check_id, metadata={REFERS_TO: ("body",)})
    period: Period = Period()


@frozen(kw_only=True)
class Post:
    """A position: a seat in a body, a coordinator, the waterregisseur, ..."""

    tag: ClassVar[str] = "post"
    id: str = field(validator=check_id)
    name: str = field(validator=check_text)
    cooperation: str = field(validator=check_id, metadata={REFERS_TO: POST_PLACES})
    """The cooperation the post is of; for a post read from other data (a
    council's mayor), the organisation it is held in."""
    duties: tuple[Duty, ...] = ()
    represents: str | None = field(
        default=None, validator=check_optional_id, metadata={REFERS_TO: REPRESENTABLE}
    )
    """The cluster or partner the holder of this post stands for."""
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


@frozen(kw_only=True)
class Person:
    """A person, named only in a public role."""

    tag: ClassVar[str] = "person"
    id: str = field(validator=check_id)
    name: str = field(validator=check_text)
    identifiers: tuple[Identifier, ...] = ()
    other_names: tuple[OtherName, ...] = ()
    links: tuple[Link, ...] = ()
    contact_details: tuple[Contact, ...] = ()
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()

    def identifier(self, scheme: str) -> str | None:
        """The code of this person in ``scheme`` (``wikidata``, ...), if it has one."""
        return next((i.value for i in self.identifiers if i.scheme == scheme), None)


@frozen(kw_only=True)
class Membership:
    """``member`` belongs to ``group`` (a cooperation, cluster, body or organisation) during ``period``.

    A membership read from other data (a member of a council or a
    legislature) may also say the member's ``role`` and ``label``, the
    organisation it is ``on_behalf_of`` (a party) and the ``post`` it holds.
    """

    tag: ClassVar[str] = "membership"
    id: str = field(validator=check_id)
    member: str = field(validator=check_id, metadata={REFERS_TO: MEMBERS})
    group: str = field(validator=check_id, metadata={REFERS_TO: GROUPS})
    role: str | None = field(default=None, validator=check_optional_text)
    """The role as the source words it (``member``, ``Mayor``, ...)."""
    label: str | None = field(default=None, validator=check_optional_text)
    on_behalf_of: str | None = field(
        default=None, validator=check_optional_id, metadata={REFERS_TO: REPRESENTABLE}
    )
    """The organisation (a party, a cluster, ...) the member is a member for."""
    post: str | None = field(default=None, validator=check_optional_id, metadata={REFERS_TO: ("post",)})
    """The post the member holds in the group."""
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


@frozen(kw_only=True)
class Tenure:
    """``holder`` (a person or an organisation) holds ``post`` during ``period``."""

    tag: ClassVar[str] = "tenure"
    id: str = field(validator=check_id)
    holder: str = field(validator=check_id, metadata={REFERS_TO: HOLDERS})
    post: str = field(validator=check_id, metadata={REFERS_TO: ("post",)})
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


@frozen(kw_only=True)
class Goal:
    """A goal of an agreement, in the agreement's own words."""

    name: str = field(validator=check_text)
    description: str | None = None


@frozen(kw_only=True)
class Target:
    """A stated, measurable target of an agreement."""

    text: str = field(validator=check_text)
    """The target as the source words it."""
    goal: str | None = None
    """The name of the goal it serves."""
    amount: float | None = None
    approximate: bool = False
    by: Instant | None = None


@frozen(kw_only=True)
class Agreement:
    """An agreement of a cooperation, with its goals and targets."""

    tag: ClassVar[str] = "agreement"
    id: str = field(validator=check_id)
    name: str = field(validator=check_text)
    cooperation: str = field(validator=check_id, metadata={REFERS_TO: ("cooperation",)})
    date: Instant | None = None
    goals: tuple[Goal, ...] = ()
    targets: tuple[Target, ...] = ()
    partners: int | None = None
    """The number of partners the agreement states, if it states one."""
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


@frozen(kw_only=True)
class Spearhead:
    """A numbered spearhead (speerpunt) of a cooperation's programme."""

    tag: ClassVar[str] = "spearhead"
    id: str = field(validator=check_id)
    number: int
    title: str = field(validator=check_text)
    cooperation: str = field(validator=check_id, metadata={REFERS_TO: ("cooperation",)})
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


@frozen(kw_only=True)
class Part:
    """An organisation taking part in a change, whole or in part."""

    id: str = field(validator=check_id, metadata={REFERS_TO: CHANGEABLE})
    partial: bool = False


@frozen(kw_only=True)
class Change:
    """A dated change: a merger, a split, a boundary correction, a rename, ..."""

    tag: ClassVar[str] = "change"
    id: str = field(validator=check_id)
    kind: ChangeKind
    date: Instant
    before: tuple[Part, ...] = ()
    """The organisations the change takes from."""
    after: tuple[Part, ...] = ()
    """The organisations the change gives to."""
    description: str | None = None
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


Entity: TypeAlias = (
    Organisation
    | Cooperation
    | Cluster
    | Body
    | Post
    | Person
    | Membership
    | Tenure
    | Agreement
    | Spearhead
    | Change
)
"""Any entity of a network."""

ENTITY_TYPES: dict[str, type[Entity]] = {
    cls.tag: cls
    for cls in (
        Cooperation,
        Organisation,
        Cluster,
        Body,
        Post,
        Person,
        Membership,
        Tenure,
        Agreement,
        Spearhead,
        Change,
    )
}
"""Entity classes by their tag, in the order the native format lists them."""


def period_of(entity: Entity) -> Period:
    """The validity of an entity (a change is valid from its date on)."""
    if isinstance(entity, Change):
        return Period(start=entity.date)
    return entity.period


def name_of(entity: Entity) -> str:
    """The name to show for any entity (a spearhead's title; an id where there is no name)."""
    if isinstance(entity, Spearhead):
        return entity.title
    if isinstance(entity, Membership | Tenure | Change):
        return entity.id
    return entity.name or "(name unknown)"


def a(noun: str) -> str:
    """The noun with its indefinite article: ``a cluster``, ``an organisation``."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"
