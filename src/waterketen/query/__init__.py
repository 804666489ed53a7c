"""The questions a network answers, one module per topic, networkx-style.

Each function takes the network first and returns plain values;
:class:`~waterketen.Network` offers each as a one-line method and
:class:`~waterketen.Snapshot` as the same method with the day given once.

- membership (``_partners``): :func:`cooperation`, :func:`partners`,
  :func:`clusters`, :func:`cluster_of`, :func:`members`, :func:`memberships`, :func:`groups`;
- governance (``_governance``): :func:`agreements` (with :func:`agreement_certainty`),
  :func:`bodies`, :func:`posts`, :func:`duties`, :func:`holders`, :func:`tenures`,
  :func:`seats` (with :class:`Seat`);
- history (``_history``): :func:`changes`, :func:`successors`, :func:`predecessors`,
  :func:`timeline`, :func:`diff` (with :class:`Succession`, :class:`Event`, :class:`Diff`);
- names (``_names``): :func:`find`, :func:`normalise_name`;
- relations (``_relations``): ``relations_of`` (with :class:`Relation`, :class:`RelationKind`);
- sources (``_sources``): :func:`latest_source`, :func:`still_so` (how far the sources reach).
"""

from __future__ import annotations

from ._governance import Seat, agreement_certainty, agreements, bodies, duties, holders, posts, seats, tenures
from ._history import (
    Diff,
    Event,
    Succession,
    changes,
    describe_change,
    diff,
    predecessors,
    successors,
    timeline,
)
from ._names import find, names_of, normalise_name
from ._partners import (
    cluster_of,
    clusters,
    cooperation,
    groups,
    members,
    memberships,
    partners,
)
from ._relations import Relation, RelationKind, relations_of
from ._sources import latest_source, still_so, still_so_text


__all__ = [
    "Diff",
    "Event",
    "Relation",
    "RelationKind",
    "Seat",
    "Succession",
    "agreement_certainty",
    "agreements",
    "bodies",
    "changes",
    "cluster_of",
    "clusters",
    "cooperation",
    "describe_change",
    "diff",
    "duties",
    "find",
    "groups",
    "holders",
    "latest_source",
    "members",
    "memberships",
    "names_of",
    "normalise_name",
    "partners",
    "posts",
    "predecessors",
    "relations_of",
    "seats",
    "still_so",
    "still_so_text",
    "successors",
    "tenures",
    "timeline",
]
