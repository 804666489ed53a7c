"""Name resolution: which organisation a name or a code denotes on a day, and by which rule.

One mechanism for every source and for :meth:`~waterketen.Network.find`:
:func:`resolve` gives the best match (or ``None``), :func:`candidates` every
match, ranked, and :func:`explain` both with the reason. Each
:class:`Resolution` names the :class:`Rule` that made it, in this order of
trust: an exact code, the exact name, another name of the organisation, the
name after normalising (case, accents, punctuation, spaces, double-encoded
UTF-8, ``Gemeente``-style words and CBS suffixes), a known abbreviation or name
in use, and last a fuzzy match, whose score is always below 1.

A name that belonged to several organisations (Groningen, GM0014, before
and after 2019) is resolved by the day; a name that is ambiguous on that day
has no best match, and :func:`explain` says why.

The names of a network are indexed once, on the first question, and the
index is kept with the network.

Examples:
    >>> r = wk.resolve("Gemeente Bedum")
    >>> r.organisation.id, r.rule.value, r.score
    ('bedum', 'normalised', 1.0)
    >>> wk.resolve("GM0014", on="2019-06-01").organisation.id
    'groningen-2019'
    >>> wk.resolve("GM0014") is None
    True
    >>> print(wk.resolution.explain("GM0014").reason)  # doctest: +NORMALIZE_WHITESPACE
    'GM0014' names 2 organisations over all time: groningen [..2010-01-01, 2019-01-01),
    groningen-2019 [2019-01-01, …); pass on=<a day>
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ._nameindex import FUZZY_CUTOFF, Rule
from ._resolving import Outcome, Resolution, find, outcome, unknown
from ._time import DateLike
from .model import OrgKind


if TYPE_CHECKING:
    from .network import Network

__all__ = [
    "FUZZY_CUTOFF",
    "Outcome",
    "Resolution",
    "Rule",
    "candidates",
    "default_network",
    "explain",
    "find",
    "resolve",
    "unknown",
]


def default_network() -> Network:
    """The network names resolve against when none is given.

    The national register (``wk.load("register:")``) when a source type
    reads it, else the embedded dataset; loaded once.
    """
    return _default()[0]


def default_is_register() -> bool:
    """Whether :func:`default_network` is the national register (then a code it lacks never existed)."""
    return _default()[1]


@functools.cache
def _default() -> tuple[Network, bool]:
    from .loading import load, source_types

    if any("register" in t.schemes for t in source_types()):
        return load("register:"), True
    return load(), False


def resolve(
    name: str,
    *,
    on: DateLike | None = None,
    kind: OrgKind | str | None = None,
    network: Network | None = None,
) -> Resolution | None:
    """The organisation ``name`` (a name or a code) denotes, or ``None``.

    Args:
        name: a name as a source writes it, or a code (``GM0005``, ``5``, ``WS16``).
        on: the day the name is about; without it, over all time.
        kind: only organisations of this kind (``municipality``, ``gemeente``, ...).
        network: the organisations to look in (default: :func:`~waterketen.resolution.default_network`).

    Returns:
        The best match; ``None`` when nothing matches, or when several
        organisations match equally (see :func:`explain` for why).

    Examples:
        >>> wk.resolve("Hunze en Aa’s").rule.value, wk.resolve("hunze en aas").rule.value
        ('normalised', 'normalised')
        >>> r = wk.resolve("de Pekala's")
        >>> r.organisation.name, r.rule.value, r.score < 1
        ('Pekela', 'fuzzy', True)
    """
    return outcome(name, on, kind, network if network is not None else default_network(), full=False).best


def candidates(
    name: str,
    *,
    on: DateLike | None = None,
    kind: OrgKind | str | None = None,
    network: Network | None = None,
) -> tuple[Resolution, ...]:
    """Every organisation ``name`` may denote, the most likely first.

    Examples:
        >>> [(c.organisation.id, c.rule.value) for c in wk.resolution.candidates("Groningen")]
        [('groningen', 'exact-name'), ('groningen-2019', 'exact-name'), ('provincie-groningen', 'exact-name')]
    """
    return explain(name, on=on, kind=kind, network=network).candidates


def explain(
    name: str,
    *,
    on: DateLike | None = None,
    kind: OrgKind | str | None = None,
    network: Network | None = None,
) -> Outcome:
    """The best match of ``name``, if there is one, every candidate, and why.

    See :func:`resolve` for the arguments.

    Examples:
        >>> wk.resolution.explain("Bedum", on="2020-01-01").reason
        "'Bedum' names bedum, which did not exist on 2020-01-01 (it existed [..2010-01-01, 2019-01-01))"
    """
    return outcome(name, on, kind, network if network is not None else default_network(), full=True)
