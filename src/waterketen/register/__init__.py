"""The national register: every Dutch municipality of 1 January 2010-2025, the water boards,
the drinking-water companies and the provinces, with their successions, as a network.

``wk.load("register:")`` gives it as a :class:`~waterketen.Network`; every
question of a network works on it. Each record cites the public source behind
it (see ``waterketen/data/register/README.md``).

Ids are stable, human-readable slugs (lower case, accents and apostrophes
dropped, words joined by ``-``): a municipality's is made from the spelling of
most years (``bedum``, ``bergen-nh``, ``s-gravenhage``); a municipality formed
by a merger under a predecessor's code adds the year (``groningen-2019``); a
water board's drops the word for its kind (``noorderzijlvest``); a
drinking-water company's is its short name (``wmd``); a province's is
``provincie-`` and its name.

Examples:
    >>> register = wk.load("register:")
    >>> register.lookup("cbs", "GM0014", on="2019-01-01").id
    'groningen-2019'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._build import compiled, entities, load_register, open_register


if TYPE_CHECKING:
    from .history import HistoryFact, Unparsed, parse_history


__all__ = [
    "HistoryFact",
    "Unparsed",
    "compiled",
    "entities",
    "load_register",
    "open_register",
    "parse_history",
]


def __getattr__(name: str) -> Any:
    # The history parser is imported on first use: loading the register does not need it.
    if name in ("HistoryFact", "Unparsed", "parse_history"):
        from . import history

        return getattr(history, name)
    raise AttributeError(f"module 'waterketen.register' has no attribute {name!r}")
