"""The peers: the same native document decoded by msgspec and validated by pydantic v2.

Both mirror waterketen's model field for field (the same names, defaults, enums
and nesting; unknown fields forbidden), but keep dates as text: neither parses
``2014`` or ``2019-04-12..`` as a day, so they do less work than the core.
"""

from __future__ import annotations

import msgspec
import pydantic

from waterketen.model import BodyKind, ChangeKind, OrgKind, Role


# -- msgspec ---------------------------------------------------------------------------


class _S(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    pass


class SPeriod(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    start: str | None = None
    end: str | None = None


class SProvenance(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    source: str
    locator: str | None = None


class SIdentifier(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    scheme: str
    value: str


class SCooperation(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    id: str
    name: str
    other_names: tuple[str, ...] = ()
    period: SPeriod = SPeriod()
    note: str | None = None
    provenance: tuple[SProvenance, ...] = ()


class SOrganisation(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    id: str
    name: str
    kind: OrgKind
    identifiers: tuple[SIdentifier, ...] = ()
    other_names: tuple[str, ...] = ()
    period: SPeriod = SPeriod()
    note: str | None = None
    provenance: tuple[SProvenance, ...] = ()


class SCluster(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    id: str
    name: str | None = None
    cooperation: str
    members_known: bool = True
    other_names: tuple[str, ...] = ()
    period: SPeriod = SPeriod()
    note: str | None = None
    provenance: tuple[SProvenance, ...] = ()


class SBody(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    id: str
    name: str
    kind: BodyKind
    cooperation: str
    cluster: str | None = None
    seats: int | None = None
    period: SPeriod = SPeriod()
    note: str | None = None
    provenance: tuple[SProvenance, ...] = ()


class SDuty(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    role: Role
    body: str


class SPost(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    id: str
    name: str
    cooperation: str
    duties: tuple[SDuty, ...] = ()
    represents: str | None = None
    period: SPeriod = SPeriod()
    note: str | None = None
    provenance: tuple[SProvenance, ...] = ()


class SPerson(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    id: str
    name: str
    period: SPeriod = SPeriod()
    note: str | None = None
    provenance: tuple[SProvenance, ...] = ()


class SMembership(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    id: str
    member: str
    group: str
    period: SPeriod = SPeriod()
    note: str | None = None
    provenance: tuple[SProvenance, ...] = ()


class STenure(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    id: str
    holder: str
    post: str
    period: SPeriod = SPeriod()
    note: str | None = None
    provenance: tuple[SProvenance, ...] = ()


class SPart(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    id: str
    partial: bool = False


class SChange(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    id: str
    kind: ChangeKind
    date: str
    before: tuple[SPart, ...] = ()
    after: tuple[SPart, ...] = ()
    description: str | None = None
    note: str | None = None
    provenance: tuple[SProvenance, ...] = ()


class SSource(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    name: str | None = None
    updated: str | None = None
    url: str | None = None


class SDocument(_S, kw_only=True, forbid_unknown_fields=True, frozen=True):
    format: str = "waterketen"
    version: int = 1
    source: SSource | None = None
    cooperations: tuple[SCooperation, ...] = ()
    organisations: tuple[SOrganisation, ...] = ()
    clusters: tuple[SCluster, ...] = ()
    bodies: tuple[SBody, ...] = ()
    posts: tuple[SPost, ...] = ()
    persons: tuple[SPerson, ...] = ()
    memberships: tuple[SMembership, ...] = ()
    tenures: tuple[STenure, ...] = ()
    changes: tuple[SChange, ...] = ()


_decoder = msgspec.json.Decoder(SDocument)


def msgspec_decode(data: bytes) -> SDocument:
    """Decode a native document into msgspec Structs."""
    return _decoder.decode(data)


# -- pydantic v2 ---------------------------------------------------------------------------


class _M(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


class MPeriod(_M):
    start: str | None = None
    end: str | None = None


class MProvenance(_M):
    source: str
    locator: str | None = None


class MIdentifier(_M):
    scheme: str
    value: str


class MCooperation(_M):
    id: str
    name: str
    other_names: tuple[str, ...] = ()
    period: MPeriod = MPeriod()
    note: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MOrganisation(_M):
    id: str
    name: str
    kind: OrgKind
    identifiers: tuple[MIdentifier, ...] = ()
    other_names: tuple[str, ...] = ()
    period: MPeriod = MPeriod()
    note: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MCluster(_M):
    id: str
    name: str | None = None
    cooperation: str
    members_known: bool = True
    other_names: tuple[str, ...] = ()
    period: MPeriod = MPeriod()
    note: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MBody(_M):
    id: str
    name: str
    kind: BodyKind
    cooperation: str
    cluster: str | None = None
    seats: int | None = None
    period: MPeriod = MPeriod()
    note: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MDuty(_M):
    role: Role
    body: str


class MPost(_M):
    id: str
    name: str
    cooperation: str
    duties: tuple[MDuty, ...] = ()
    represents: str | None = None
    period: MPeriod = MPeriod()
    note: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MPerson(_M):
    id: str
    name: str
    period: MPeriod = MPeriod()
    note: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MMembership(_M):
    id: str
    member: str
    group: str
    period: MPeriod = MPeriod()
    note: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MTenure(_M):
    id: str
    holder: str
    post: str
    period: MPeriod = MPeriod()
    note: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MPart(_M):
    id: str
    partial: bool = False


class MChange(_M):
    id: str
    kind: ChangeKind
    date: str
    before: tuple[MPart, ...] = ()
    after: tuple[MPart, ...] = ()
    description: str | None = None
    note: str | None = None
    provenance: tuple[MProvenance, ...] = ()


class MSource(_M):
    name: str | None = None
    updated: str | None = None
    url: str | None = None


class MDocument(_M):
    format: str = "waterketen"
    version: int = 1
    source: MSource | None = None
    cooperations: tuple[MCooperation, ...] = ()
    organisations: tuple[MOrganisation, ...] = ()
    clusters: tuple[MCluster, ...] = ()
    bodies: tuple[MBody, ...] = ()
    posts: tuple[MPost, ...] = ()
    persons: tuple[MPerson, ...] = ()
    memberships: tuple[MMembership, ...] = ()
    tenures: tuple[MTenure, ...] = ()
    changes: tuple[MChange, ...] = ()


def pydantic_validate(data: bytes) -> MDocument:
    """Validate a native document into pydantic v2 models, as users run it."""
    return MDocument.model_validate_json(data)
