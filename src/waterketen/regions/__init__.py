"""The regional water-chain cooperations of the Netherlands, as their public pages describe them.

``wk.load("regions:")`` gives every documented region (but Groningen &
Noord-Drenthe, the deeper embedded dataset ``embedded:groningen-noord-drenthe``)
as a :class:`~waterketen.Network`, with the register organisations its
partners resolve to. The research files behind it are
``waterketen/data/regions/<slug>.toml`` (their ``README.md`` gives the form,
the method and the regions looked for but not found); every record cites the
page it comes from and the page's date.

Examples:
    >>> net = wk.load("regions:")
    >>> sorted(o.name for o in net.partners("regio-rivierenland", kind=wk.OrgKind.WATER_BOARD))
    ['Waterschap Rivierenland']
    >>> net.cluster_of("texel", on="2026-12-01").id
    'regio-hollands-noorderkwartier-noordkop'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from ._build import LOOKED_UP, Built, Finding, build
    from ._resolve import Resolution, resolve_name
    from ._source import compiled, open_regions


__all__ = [
    "LOOKED_UP",
    "Built",
    "Finding",
    "Resolution",
    "build",
    "compiled",
    "open_regions",
    "resolve_name",
]

_HOMES = {
    "LOOKED_UP": "_build",
    "Built": "_build",
    "Finding": "_build",
    "build": "_build",
    "Resolution": "_resolve",
    "resolve_name": "_resolve",
    "compiled": "_source",
    "open_regions": "_source",
}


def __getattr__(name: str) -> Any:
    """The names of the package, imported when first asked for: loading ``regions:`` needs none
    of the builder's modules (the register, the resolver)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
