"""waterketen-wiki: region pages of the water-chain wiki as a waterketen source.

``waterketen.load("wiki:page.txt")`` reads a region page saved as text. See
the package's README for what it extracts.
"""

from __future__ import annotations

from collections.abc import Iterable

import waterketen as wk

from ._register import FUZZY_CUTOFF, KNOWN_VARIANTS
from .source import WikiPage


__all__ = ["FUZZY_CUTOFF", "KNOWN_VARIANTS", "WikiPage", "waterketen_source_types", "wiki_source"]

wiki_source = wk.SourceType(
    name="wiki",
    description="a region page of the water-chain wiki, saved as text (wiki:page.txt)",
    open=WikiPage,
    schemes=("wiki",),
)
"""The source type this plugin offers."""


@wk.hookimpl
def waterketen_source_types() -> Iterable[wk.SourceType]:
    """The wiki's region pages, read from text files."""
    return (wiki_source,)
