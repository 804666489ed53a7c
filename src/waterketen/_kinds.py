"""The kinds of things of the model: of organisation, of body, of role, of change."""

from __future__ import annotations

import enum


__all__ = ["BodyKind", "ChangeKind", "OrgKind", "Role"]


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
    UNKNOWN = "unknown"
    """A change whose kind no source states (a merger or an absorption, say)."""
