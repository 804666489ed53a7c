"""waterketen: Dutch regional water-chain cooperations as a graph through time.

The public API lives here; the modules behind it are free to move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
    UnknownFormatError,
    UnknownSourceError,
    WaterketenError,
)
from .export import Writer, find_writer, write, writers
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
    Contact,
    Cooperation,
    Duty,
    Entity,
    Goal,
    Identifier,
    Link,
    Membership,
    Organisation,
    OrgKind,
    OtherName,
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
from .schema import json_schema
from .sources import Record, Source, SourceType
from .sources.tables import TableSource


__all__ = [
    "UNKNOWN",
    "Agreement",
    "AmbiguityError",
    "Answer",
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
    "Contact",
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
    "Link",
    "LoadError",
    "LoadReport",
    "Membership",
    "Network",
    "OrgKind",
    "Organisation",
    "OtherName",
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
    "TableSource",
    "Target",
    "Tenure",
    "Unknown",
    "UnknownEntityError",
    "UnknownFormatError",
    "UnknownSourceError",
    "WaterketenError",
    "Writer",
    "__version__",
    "answers",
    "dumps",
    "find_writer",
    "get_plugin_manager",
    "hookimpl",
    "json_schema",
    "list_plugins",
    "load",
    "normalise_name",
    "open_source",
    "parse_bound",
    "parse_instant",
    "source_types",
    "to_document",
    "write",
    "write_json",
    "writers",
]


if TYPE_CHECKING:
    from . import answers
    from .answers import Answer


def __getattr__(name: str) -> Any:
    # Imported on first use: the command's answers are not needed to start.
    if name == "__version__":
        from importlib.metadata import version

        return version("waterketen")
    if name in ("answers", "Answer"):
        import importlib

        module = importlib.import_module("waterketen.answers")  # sets the attribute on the package
        return module if name == "answers" else module.Answer
    raise AttributeError(f"module 'waterketen' has no attribute {name!r}")
