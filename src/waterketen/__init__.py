"""waterketen: Dutch regional water-chain cooperations as a graph through time.

The public API lives here; the modules behind it are free to move.
"""

from __future__ import annotations

from ._history import Diff, Event, Succession
from ._relations import Relation, RelationKind
from ._time import (
    UNKNOWN,
    Between,
    Bound,
    Certainty,
    DateLike,
    Instant,
    PartialDate,
    Period,
    Unknown,
    parse_bound,
    parse_instant,
)
from .checks import Check, CheckReport, Finding, Level
from .errors import (
    AmbiguityError,
    LoadError,
    Problem,
    Severity,
    SourceError,
    UnknownEntityError,
    UnknownSourceError,
    WaterketenError,
)
from .export import Writer
from .export.native import dumps, to_document, write_json
from .hookspecs import hookimpl
from .load import LoadReport, Rejected, SourceSummary, load, open_source, source_types
from .model import (
    Agreement,
    Body,
    BodyKind,
    Change,
    ChangeKind,
    Cluster,
    Cooperation,
    Duty,
    Entity,
    Goal,
    Identifier,
    Membership,
    Organisation,
    OrgKind,
    Part,
    Person,
    Post,
    Provenance,
    Role,
    Spearhead,
    Target,
    Tenure,
)
from .network import Network, Seat, Snapshot, normalise_name
from .plugins import get_plugin_manager, list_plugins
from .sources import Record, Source, SourceType


__all__ = [
    "UNKNOWN",
    "Agreement",
    "AmbiguityError",
    "Between",
    "Body",
    "BodyKind",
    "Bound",
    "Certainty",
    "Change",
    "ChangeKind",
    "Check",
    "CheckReport",
    "Cluster",
    "Cooperation",
    "DateLike",
    "Diff",
    "Duty",
    "Entity",
    "Event",
    "Finding",
    "Goal",
    "Identifier",
    "Instant",
    "Level",
    "LoadError",
    "LoadReport",
    "Membership",
    "Network",
    "OrgKind",
    "Organisation",
    "Part",
    "PartialDate",
    "Period",
    "Person",
    "Post",
    "Problem",
    "Provenance",
    "Record",
    "Rejected",
    "Relation",
    "RelationKind",
    "Role",
    "Seat",
    "Severity",
    "Snapshot",
    "Source",
    "SourceError",
    "SourceSummary",
    "SourceType",
    "Spearhead",
    "Succession",
    "Target",
    "Tenure",
    "Unknown",
    "UnknownEntityError",
    "UnknownSourceError",
    "WaterketenError",
    "Writer",
    "__version__",
    "dumps",
    "get_plugin_manager",
    "hookimpl",
    "list_plugins",
    "load",
    "normalise_name",
    "open_source",
    "parse_bound",
    "parse_instant",
    "source_types",
    "to_document",
    "write_json",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version

        return version("waterketen")
    raise AttributeError(f"module 'waterketen' has no attribute {name!r}")
