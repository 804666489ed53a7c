"""The entities of a water-chain cooperation, as frozen attrs classes.

Every entity has a stable, human-readable string ``id``, a validity
:class:`~waterketen.Period` and its :class:`Provenance`. Entities refer to one
another by id only; the :class:`~waterketen.Network` resolves the references.
"""

from __future__ import annotations

import enum
import re
from typing import Any, ClassVar, TypeAlias

from attrs import field, frozen

from ._time import Instant, Period


__all__ = [
    "ENTITY_TYPES",
    "Agreement",
    "Body",
    "BodyKind",
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
    "OrgKind",
    "Organisation",
    "OtherName",
    "Part",
    "Person",
    "Post",
    "Provenance",
    "Role",
    "Spearhead",
    "Target",
    "Tenure",
    "name_of",
]

_ID = re.compile(r"[^\s\x00-\x1f\x7f]{1,200}")


class FieldValueError(ValueError):
    """A field of an entity has a value it cannot have; ``field`` names it."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field


def _check_id(_: object, attribute: Any, value: str) -> None:
    if not _ID.fullmatch(value):
        raise FieldValueError(
            attribute.name,
            f"{value!r:.80} is not an id (1-200 characters, no spaces or control characters)",
        )


def _check_ids(instance: object, attribute: Any, value: tuple[str, ...]) -> None:
    for item in value:
        _check_id(instance, attribute, item)


def _check_text(_: object, attribute: Any, value: str) -> None:
    if not value.strip():
        raise FieldValueError(attribute.name, "must not be empty")


def _check_optional_text(instance: object, attribute: Any, value: str | None) -> None:
    if value is not None:
        _check_text(instance, attribute, value)


def _check_optional_id(instance: object, attribute: Any, value: str | None) -> None:
    if value is not None:
        _check_id(instance, attribute, value)


class OrgKind(enum.Enum):
    """What kind of organisation a partner is."""

    MUNICIPALITY = "municipality"
    """A gemeente."""
    WATER_BOARD = "water-board"
    """A waterschap, wetterskip or hoogheemraadschap."""
    WATER_COMPANY = "water-company"
    """A drinking-water company (drinkwaterbedrijf)."""
    PROVINCE = "province"
    """A provincie."""
    OTHER = "other"
    """Any other kind of organisation."""


class BodyKind(enum.Enum):
    """What kind of governance body a body is."""

    STEERING_GROUP = "steering-group"
    """A regiegroep (managers) or stuurgroep (administrators)."""
    COORDINATORS_MEETING = "coordinators-meeting"
    """The clustercoördinatorenoverleg."""
    WATER_TEAM = "water-team"
    """The waterteam of one cluster."""
    OTHER = "other"
    """Any other body."""


class Role(enum.Enum):
    """What a post does in a body."""

    CHAIR = "chair"
    SECRETARY = "secretary"
    MEMBER = "member"
    LEAD = "lead"
    """Leads the body (a cluster coordinator leads the water team)."""


class ChangeKind(enum.Enum):
    """What kind of change an event is."""

    MERGER = "merger"
    """Organisations end and a new organisation starts."""
    ABSORPTION = "absorption"
    """Organisations end and their territory or task goes to one that stays."""
    SPLIT = "split"
    """An organisation ends and its parts go to several successors."""
    BOUNDARY_CORRECTION = "boundary-correction"
    """Part of one organisation moves to another; both stay."""
    RENAME = "rename"
    REORGANISATION = "reorganisation"
    """A cooperation changes its clusters or bodies."""


@frozen(kw_only=True)
class Provenance:
    """Where a fact came from: a source and the place in it.

    Examples:
        >>> Provenance(source="groningen-noord-drenthe-wiki-2019.txt", locator="line 23")
        Provenance(source='groningen-noord-drenthe-wiki-2019.txt', locator='line 23')
    """

    source: str = field(validator=_check_text)
    locator: str | None = None


@frozen(kw_only=True)
class Identifier:
    """An official code in a named scheme, such as ``cbs`` ``GM0014``."""

    scheme: str = field(validator=_check_id)
    value: str = field(validator=_check_text)

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"


@frozen(kw_only=True)
class Link:
    """A web page about an entity (Popolo's ``links``), with what it is."""

    url: str = field(validator=_check_text)
    note: str | None = None


@frozen(kw_only=True)
class Contact:
    """A way to reach an organisation or a person (Popolo's ``contact_details``).

    The model can hold any kind of contact (``address``, ``voice``, ``email``,
    ...); the data this project ships holds no telephone numbers or e-mail
    addresses of persons.
    """

    kind: str = field(validator=_check_text)
    """The kind of contact, as the source names it (Popolo's ``type``)."""
    value: str = field(validator=_check_text)
    label: str | None = None
    note: str | None = None
    period: Period = Period()


@frozen(kw_only=True)
class OtherName:
    """Another name of a person, with the period in which it was used."""

    name: str = field(validator=_check_text)
    period: Period = Period()
    note: str | None = None


@frozen(kw_only=True)
class Organisation:
    """A partner organisation: a municipality, a water board, a drinking-water company, ..."""

    tag: ClassVar[str] = "organisation"
    id: str = field(validator=_check_id)
    name: str = field(validator=_check_text)
    kind: OrgKind
    identifiers: tuple[Identifier, ...] = ()
    other_names: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    contact_details: tuple[Contact, ...] = ()
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()

    def identifier(self, scheme: str) -> str | None:
        """The code of this organisation in ``scheme``, if it has one."""
        return next((i.value for i in self.identifiers if i.scheme == scheme), None)

    def __repr__(self) -> str:
        from ._display import organisation_repr

        return organisation_repr(self)

    def _repr_html_(self) -> str:
        from ._display import organisation_html

        return organisation_html(self)


@frozen(kw_only=True)
class Cooperation:
    """A regional water-chain cooperation (a region)."""

    tag: ClassVar[str] = "cooperation"
    id: str = field(validator=_check_id)
    name: str = field(validator=_check_text)
    other_names: tuple[str, ...] = ()
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


@frozen(kw_only=True)
class Cluster:
    """A cluster of partners inside a cooperation."""

    tag: ClassVar[str] = "cluster"
    id: str = field(validator=_check_id)
    name: str | None = field(default=None, validator=_check_optional_text)
    """The cluster's name; ``None`` when no source gives it."""
    cooperation: str = field(validator=_check_id)
    members_known: bool = True
    """False when the data does not list every member of the cluster."""
    other_names: tuple[str, ...] = ()
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()

    def __repr__(self) -> str:
        from ._display import cluster_repr

        return cluster_repr(self)

    def _repr_html_(self) -> str:
        from ._display import cluster_html

        return cluster_html(self)


@frozen(kw_only=True)
class Body:
    """A governance body: a regiegroep, a coordinators' meeting, a water team, ..."""

    tag: ClassVar[str] = "body"
    id: str = field(validator=_check_id)
    name: str = field(validator=_check_text)
    kind: BodyKind
    cooperation: str = field(validator=_check_id)
    cluster: str | None = field(default=None, validator=_check_optional_id)
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
    """One role of a post in one body."""

    role: Role
    body: str = field(validator=_check_id)


@frozen(kw_only=True)
class Post:
    """A position: a seat in a body, a coordinator, the waterregisseur, ..."""

    tag: ClassVar[str] = "post"
    id: str = field(validator=_check_id)
    name: str = field(validator=_check_text)
    cooperation: str = field(validator=_check_id)
    """The cooperation the post is of; for a post read from other data (a
    council's mayor), the organisation it is held in."""
    duties: tuple[Duty, ...] = ()
    represents: str | None = field(default=None, validator=_check_optional_id)
    """The cluster or partner the holder of this post stands for."""
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


@frozen(kw_only=True)
class Person:
    """A person, named only in a public role."""

    tag: ClassVar[str] = "person"
    id: str = field(validator=_check_id)
    name: str = field(validator=_check_text)
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
    id: str = field(validator=_check_id)
    member: str = field(validator=_check_id)
    group: str = field(validator=_check_id)
    role: str | None = field(default=None, validator=_check_optional_text)
    """The role as the source words it (``member``, ``Mayor``, ...)."""
    label: str | None = field(default=None, validator=_check_optional_text)
    on_behalf_of: str | None = field(default=None, validator=_check_optional_id)
    """The organisation (a party, a cluster, ...) the member is a member for."""
    post: str | None = field(default=None, validator=_check_optional_id)
    """The post the member holds in the group."""
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


@frozen(kw_only=True)
class Tenure:
    """``holder`` (a person or an organisation) holds ``post`` during ``period``."""

    tag: ClassVar[str] = "tenure"
    id: str = field(validator=_check_id)
    holder: str = field(validator=_check_id)
    post: str = field(validator=_check_id)
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


@frozen(kw_only=True)
class Goal:
    """A goal of an agreement, in the agreement's own words."""

    name: str = field(validator=_check_text)
    description: str | None = None


@frozen(kw_only=True)
class Target:
    """A stated, measurable target of an agreement."""

    text: str = field(validator=_check_text)
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
    id: str = field(validator=_check_id)
    name: str = field(validator=_check_text)
    cooperation: str = field(validator=_check_id)
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
    id: str = field(validator=_check_id)
    number: int
    title: str = field(validator=_check_text)
    cooperation: str = field(validator=_check_id)
    period: Period = Period()
    note: str | None = None
    provenance: tuple[Provenance, ...] = ()


@frozen(kw_only=True)
class Part:
    """An organisation taking part in a change, whole or in part."""

    id: str = field(validator=_check_id)
    partial: bool = False


@frozen(kw_only=True)
class Change:
    """A dated change: a merger, a split, a boundary correction, a rename, ..."""

    tag: ClassVar[str] = "change"
    id: str = field(validator=_check_id)
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
