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
