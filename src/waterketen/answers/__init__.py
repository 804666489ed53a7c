"""The answers of the ``waterketen`` command, as Python values.

Every query command of the command line is one function here: it takes a
:class:`~waterketen.Network` and returns an :class:`Answer`, a small table
(named columns, rows of plain values) that renders as JSON, CSV or an aligned
text table. The command only parses its arguments, calls one of these
functions and prints the answer, so whatever the command can answer, Python
can too, in the same shape:

    >>> answer = wk.answers.partners(wk.load(), on="2016-01-01", cluster="gnd-dal")
    >>> answer.columns
    ('id', 'name', 'kind', 'identifiers', 'clusters', 'start', 'end')
    >>> [row["name"] for row in answer.records()]
    ['Delfzijl', 'Appingedam', 'Loppersum']

The JSON shape of every answer is documented in ``docs/cli.md`` and is
stable: columns are only ever added, at the end.

The facts of each row come from the question's row builder
(``waterketen.answers._rows``), which the frames, the notebook's summaries
and the terminal text use too, so every presenter gives the same answer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from ._history import check, diff, predecessors, successors, timeline
    from ._installation import plugins, source_types, validation, writers
    from ._national import regions
    from ._network import (
        bodies,
        cluster_of,
        clusters,
        find,
        holders,
        lookup,
        members,
        partners,
        posts,
        resolve,
        seats,
    )
    from ._table import FORMATS, LIST_SEPARATOR, Answer, Cell

__all__ = [
    "FORMATS",
    "LIST_SEPARATOR",
    "Answer",
    "Cell",
    "bodies",
    "check",
    "cluster_of",
    "clusters",
    "diff",
    "find",
    "holders",
    "lookup",
    "members",
    "partners",
    "plugins",
    "posts",
    "predecessors",
    "regions",
    "resolve",
    "seats",
    "source_types",
    "successors",
    "timeline",
    "validation",
    "writers",
]


# The module of each name: imported when the name is first asked for, so that a
# command imports the answers it gives alone (the main job: the national one).
_HOMES = {
    **dict.fromkeys(("check", "diff", "predecessors", "successors", "timeline"), "_history"),
    **dict.fromkeys(("plugins", "source_types", "validation", "writers"), "_installation"),
    "regions": "_national",
    **dict.fromkeys(
        (
            "bodies",
            "cluster_of",
            "clusters",
            "find",
            "holders",
            "lookup",
            "members",
            "partners",
            "posts",
            "resolve",
            "seats",
        ),
        "_network",
    ),
    **dict.fromkeys(("FORMATS", "LIST_SEPARATOR", "Answer", "Cell"), "_table"),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'waterketen.answers' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # found at once the next time
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
