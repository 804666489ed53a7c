"""waterketen: Dutch regional water-chain cooperations as a graph through time.

The names most code needs live here; the rest have a public home of their own:
:mod:`waterketen.model` (every entity and value class, and the time values),
:mod:`waterketen.query` (the answers' own types: seats, successions, diffs),
:mod:`waterketen.checks` (domain rules), :mod:`waterketen.registry` (what the
plugins offer), :mod:`waterketen.plugins`, :mod:`waterketen.errors` (every
exception), :mod:`waterketen.loading`, :mod:`waterketen.formats` and
:mod:`waterketen.typing` (type aliases and protocols for plugin authors).
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

from . import _codecache


_codecache.install()  # before any of the package's attrs classes is made


if TYPE_CHECKING:
    from . import answers
    from ._time import UNKNOWN, Between, PartialDate, Period
    from .errors import (
        AmbiguityError,
        LoadError,
        Problem,
        SourceError,
        UnknownEntityError,
        WaterketenError,
    )
    from .export import Writer, write, writers
    from .hookspecs import hookimpl
    from .loading import LoadReport, load
    from .model import (
        Agreement,
        Body,
        BodyKind,
        Change,
        ChangeKind,
        Cluster,
        Cooperation,
        Entity,
        Identifier,
        Membership,
        Name,
        Organisation,
        OrgKind,
        Person,
        Post,
        Provenance,
        Role,
        Spearhead,
        Tenure,
    )
    from .network import Network
    from .resolution import Resolution, resolve
    from .snapshot import Snapshot
    from .sources import Record, Source, SourceType
    from .sources.tables import TableSource

__all__ = [
    "UNKNOWN",
    "Agreement",
    "AmbiguityError",
    "Between",
    "Body",
    "BodyKind",
    "Change",
    "ChangeKind",
    "Cluster",
    "Cooperation",
    "Entity",
    "Identifier",
    "LoadError",
    "LoadReport",
    "Membership",
    "Name",
    "Network",
    "OrgKind",
    "Organisation",
    "PartialDate",
    "Period",
    "Person",
    "Post",
    "Problem",
    "Provenance",
    "Record",
    "Resolution",
    "Role",
    "Snapshot",
    "Source",
    "SourceError",
    "SourceType",
    "Spearhead",
    "TableSource",
    "Tenure",
    "UnknownEntityError",
    "WaterketenError",
    "Writer",
    "__version__",
    "answers",
    "hookimpl",
    "load",
    "resolve",
    "write",
    "writers",
]

_SUBMODULES = frozenset(
    {
        "answers",
        "checks",
        "cli",
        "errors",
        "formats",
        "frames",
        "draw",
        "hookspecs",
        "loading",
        "model",
        "network",
        "plugins",
        "query",
        "registry",
        "resolution",
        "schema",
        "sources",
        "export",
        "testing",
        "typing",
    }
)

# Names that were in the facade before 0.2, now at home elsewhere: still found
# here, with a DeprecationWarning that says where.
_MOVED = {
    "Answer": "waterketen.answers",
    "Bound": "waterketen.typing",
    "Certainty": "waterketen.model",
    "Check": "waterketen.checks",
    "CheckReport": "waterketen.checks",
    "DateLike": "waterketen.typing",
    "Diff": "waterketen.query",
    "Duty": "waterketen.model",
    "Event": "waterketen.query",
    "Finding": "waterketen.checks",
    "Goal": "waterketen.model",
    "Instant": "waterketen.typing",
    "Level": "waterketen.checks",
    "Part": "waterketen.model",
    "Rejected": "waterketen.loading",
    "Relation": "waterketen.query",
    "RelationKind": "waterketen.query",
    "Seat": "waterketen.query",
    "Severity": "waterketen.errors",
    "SourceSummary": "waterketen.loading",
    "Succession": "waterketen.query",
    "Target": "waterketen.model",
    "Unknown": "waterketen.typing",
    "UnknownFormatError": "waterketen.errors",
    "UnknownSourceError": "waterketen.errors",
    "dumps": "waterketen.formats.native",
    "find_writer": "waterketen.registry",
    "get_plugin_manager": "waterketen.plugins",
    "json_schema": "waterketen.schema",
    "list_plugins": "waterketen.plugins",
    "normalise_name": "waterketen.query",
    "open_source": "waterketen.loading",
    "Outcome": "waterketen.resolution",
    "Rule": "waterketen.resolution",
    "candidates": "waterketen.resolution",
    "explain": "waterketen.resolution",
    "parse_bound": "waterketen.model",
    "parse_instant": "waterketen.model",
    "source_types": "waterketen.registry",
    "to_document": "waterketen.formats.native",
    "write_json": "waterketen.formats.native",
}


# The home of each name of the facade: imported when the name is first asked
# for, so that a start imports only the modules it uses.
_HOMES = {
    "UNKNOWN": "_time",
    "Between": "_time",
    "PartialDate": "_time",
    "Period": "_time",
    "AmbiguityError": "errors",
    "LoadError": "errors",
    "Problem": "errors",
    "SourceError": "errors",
    "UnknownEntityError": "errors",
    "WaterketenError": "errors",
    "Writer": "export",
    "write": "export",
    "writers": "export",
    "hookimpl": "hookspecs",
    "LoadReport": "loading",
    "load": "loading",
    **dict.fromkeys(
        (
            "Agreement",
            "Body",
            "BodyKind",
            "Change",
            "ChangeKind",
            "Cluster",
            "Cooperation",
            "Entity",
            "Identifier",
            "Membership",
            "Name",
            "Organisation",
            "OrgKind",
            "Person",
            "Post",
            "Provenance",
            "Role",
            "Spearhead",
            "Tenure",
        ),
        "model",
    ),
    "Network": "network",
    "Resolution": "resolution",
    "resolve": "resolution",
    "Snapshot": "snapshot",
    "Record": "sources",
    "Source": "sources",
    "SourceType": "sources",
    "TableSource": "sources.tables",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is not None:
        value = getattr(importlib.import_module(f"waterketen.{home}"), name)
        globals()[name] = value  # found at once the next time
        return value
    # Imported on first use: the command's answers are not needed to start.
    if name == "__version__":
        from importlib.metadata import version

        return version("waterketen")
    if name in _SUBMODULES:
        return importlib.import_module(f"waterketen.{name}")  # sets the attribute on the package
    home = _MOVED.get(name)
    if home is not None:
        warnings.warn(f"waterketen.{name} has moved: use {home}.{name}", DeprecationWarning, stacklevel=2)
        return getattr(importlib.import_module(home), name)
    raise AttributeError(f"module 'waterketen' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
