"""How a graph another tool wrote is read: which attributes and edge types mean what."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from ..model import (
    BodyKind,
    Change,
    Membership,
    OrgKind,
    Tenure,
)


if TYPE_CHECKING:
    pass

__all__ = ["GraphMapping"]

_STATED_BY = {"member-of": Membership.tag, "holds": Tenure.tag, "succeeded-by": Change.tag}
"""The tag of the entity whose record an edge of this kind carries."""
_ORG_KINDS = {k.value for k in OrgKind}
_BODY_KINDS = {k.value for k in BodyKind}
_MAPPED_TAGS = ("organisation", "cooperation", "cluster", "body", "person")


def _names(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


@frozen(kw_only=True)
class GraphMapping:
    """How to read a graph that another tool wrote: which attributes mean what.

    A node becomes an organisation, a cooperation, a cluster, a body or a
    person: the one its ``tag`` attribute names, or else the one its kind
    (through ``kinds``) names: an organisation kind (``municipality``,
    ``water-board``, ...), ``cooperation``, ``cluster``, ``person`` or a body
    kind (``steering-group``, ...). Any other kind is read as an organisation
    of kind ``other``, with a warning. An edge whose type is one of
    ``membership`` is a membership (source member of target); one of
    ``part_of`` makes its source (a cluster or body) part of its target.

    Examples:
        >>> from waterketen.formats.graph import GraphMapping
        >>> mapping = GraphMapping.from_options({"name": "label", "code.cbs": "cbscode",
        ...                                      "kinds.gemeente": "municipality", "membership": "lid"})
        >>> mapping.name, dict(mapping.codes), dict(mapping.kinds), mapping.membership
        ('label', {'cbs': 'cbscode'}, {'gemeente': 'municipality'}, ('lid',))
    """

    name: str = "name"
    """The node attribute holding the name (a node without it uses its ``label``)."""
    kind: str = "kind"
    """The node attribute holding the kind."""
    tag: str = "tag"
    """The node attribute naming the kind of entity (``organisation``, ``cluster``, ...)."""
    kinds: Mapping[str, str] = field(factory=dict)
    """Values of the kind attribute, translated: ``{"gemeente": "municipality", "regio": "cooperation"}``."""
    codes: Mapping[str, str] = field(factory=dict)
    """Identifier schemes and the node attribute holding each: ``{"cbs": "cbscode"}``."""
    identifiers: str = "identifiers"
    """The node attribute holding identifiers as ``scheme:value`` joined by ``;``."""
    start: str = "start"
    end: str = "end"
    edge_type: str = "kind"
    """The edge attribute holding the type of the edge."""
    membership: tuple[str, ...] = ("member-of",)
    """Edge types that mean: the source is a member of the target."""
    part_of: tuple[str, ...] = ("part-of",)
    """Edge types that mean: the source (a cluster or body) is part of the target."""
    untyped: str | None = None
    """What an edge without a type means: ``member-of``, ``part-of`` or nothing (left out)."""

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> GraphMapping:
        """A mapping from text options, as a location's query gives them.

        Options: ``name``, ``kind``, ``tag``, ``identifiers``, ``start``, ``end``,
        ``edge_type`` (each an attribute name); ``code.SCHEME=attribute``;
        ``kinds.VALUE=kind``; ``membership`` and ``part_of`` (edge types, comma-separated);
        ``untyped`` (``member-of`` or ``part-of``).

        Raises:
            ValueError: an option is not one of these.
        """
        plain: dict[str, Any] = {}
        codes: dict[str, str] = {}
        kinds: dict[str, str] = {}
        for key, value in options.items():
            option = key.replace("-", "_")
            if option.startswith("code."):
                codes[key[5:]] = value
            elif option.startswith("kinds."):
                kinds[key[6:]] = value
            elif option in ("membership", "part_of"):
                plain[option] = _names(value)
            elif option == "untyped":
                if value not in ("member-of", "part-of", ""):
                    raise ValueError(f"untyped must be 'member-of' or 'part-of', got {value!r:.80}")
                plain[option] = value or None
            elif option in ("name", "kind", "tag", "identifiers", "start", "end", "edge_type"):
                plain[option] = value
            else:
                known = "name, kind, tag, identifiers, start, end, edge_type, code.SCHEME, kinds.VALUE, "
                raise ValueError(
                    f"unknown graph option {key!r:.80}; the options are {known}membership, part_of, untyped"
                )
        return cls(**plain, codes=codes, kinds=kinds)
