"""Resolving the names a page writes to the organisations of a register.

The register is a :class:`waterketen.Network` that knows organisations with
their codes and validity: by default the national register
(:func:`waterketen.resolution.default_network`). Names are resolved by the
library's resolver (:mod:`waterketen.resolution`: an exact code, the exact
name, another name, the name after normalising, a known abbreviation, last a
fuzzy match), at any day; the organisations of the most trusted rule that
matched are the name's candidates. A known variant (:data:`KNOWN_VARIANTS`)
is tried first; a fuzzy match counts only from :data:`FUZZY_CUTOFF` and when
one organisation is that close. A match is used only when it is valid on the
day the page describes (the builder chooses it).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, timedelta

from attrs import frozen

import waterketen as wk

from ._text import norm


__all__ = [
    "FUZZY_CUTOFF",
    "KNOWN_VARIANTS",
    "Match",
    "Register",
    "default_register",
    "resolve",
]

KNOWN_VARIANTS: dict[str, str] = {
    # The seed page's "de Pekala’s" is Pekela (GM0765): FACTS.md, section 0.
    "de pekalas": "Pekela",
    # "de Pekela's", the colloquial name, is Pekela too: municipalities.csv, the row of GM0765.
    "de pekelas": "Pekela",
}
"""Spellings that no rule can match, each justified by the shared facts: normalised variant → name."""

FUZZY_CUTOFF = 0.9
"""The lowest :class:`difflib.SequenceMatcher` ratio a fuzzy match needs."""
_FUZZY_MARGIN = 0.02


@frozen
class Match:
    """How a name matched: the organisations it may denote and the rule that found them."""

    organisations: tuple[wk.Organisation, ...]
    how: str
    """``exact`` (any rule of the resolver but a fuzzy match), ``variant`` or ``fuzzy``."""
    matched: str
    """The register's name that matched."""
    ratio: float = 1.0


class Register:
    """The organisations names are resolved against.

    Examples:
        >>> register = Register(wk.load())
        >>> match = register.match("de Pekala’s", (wk.OrgKind.MUNICIPALITY,))
        >>> [o.id for o in match.organisations], match.how
        (['pekela'], 'variant')
    """

    def __init__(self, network: wk.Network) -> None:
        self.network = network
        self._cache: dict[tuple[str, tuple[wk.OrgKind, ...]], Match | None] = {}
        self._raw: dict[tuple[str, tuple[wk.OrgKind, ...]], Match | None] = {}

    def knows(self, name: str, kinds: Sequence[wk.OrgKind]) -> bool:
        """True when ``name`` matches some organisation of those kinds, at any time."""
        return resolve(self, name, kinds) is not None

    def match(self, name: str, kinds: Sequence[wk.OrgKind]) -> Match | None:
        """The organisations of those kinds that ``name`` may denote, at any time.

        Returns:
            A :class:`Match`, or ``None`` when nothing matches or a fuzzy
            match is not clear (two organisations equally close).
        """
        raw = (name, tuple(kinds))
        if raw in self._raw:
            return self._raw[raw]
        key = (norm(name), raw[1])
        if key not in self._cache:
            self._cache[key] = self._match(key[0], key[1])
        self._raw[raw] = self._cache[key]
        return self._cache[key]

    def _match(self, name: str, kinds: tuple[wk.OrgKind, ...]) -> Match | None:
        if not name:
            return None
        variant = KNOWN_VARIANTS.get(name)
        if variant is not None:
            found = self._resolved(variant, kinds)
            if found is not None and found.how != "fuzzy":
                return Match(organisations=found.organisations, how="variant", matched=variant)
        return self._resolved(name, kinds)

    def _resolved(self, name: str, kinds: tuple[wk.OrgKind, ...]) -> Match | None:
        """What the library's resolver (:mod:`waterketen.resolution`) finds for the name in this
        register at any day: the organisations of the most trusted rule that matched."""
        from waterketen.resolution import Rule, candidates

        found = [c for kind in kinds for c in candidates(name, kind=kind, network=self.network)]
        if not found:
            return None
        order = list(Rule)
        rule = min((c.rule for c in found), key=order.index)
        top = [c for c in found if c.rule is rule]
        if rule is Rule.FUZZY:
            best = max(c.score for c in top)
            if best < FUZZY_CUTOFF:
                return None
            top = [c for c in top if c.score >= best - _FUZZY_MARGIN]
            if len({c.organisation.name for c in top}) > 1:
                return None  # two organisations equally close: not a match, never a guess
        organisations = tuple(dict.fromkeys(c.organisation for c in top))
        how = "fuzzy" if rule is Rule.FUZZY else "exact"
        return Match(organisations=organisations, how=how, matched=top[0].matched, ratio=top[0].score)


def resolve(register: Register, name: str, kinds: Sequence[wk.OrgKind]) -> Match | None:
    """The organisations of those kinds that a name on a page may denote, at any time: the plugin's
    one way to resolve a name (the reader asks it to split lists, the builder to resolve them).

    It asks the page's register (by default the national register) through
    the library's resolver (see :class:`Register`). A name it does not resolve
    stays an organisation of the page, of the kind the reader found
    (:func:`waterketen_wiki._build.build`); the day is chosen after, by the builder.

    Examples:
        >>> match = resolve(default_register(), "Waterschap Noorderzijlvest", (wk.OrgKind.WATER_BOARD,))
        >>> [o.id for o in match.organisations], match.how
        (['noorderzijlvest'], 'exact')
    """
    return register.match(name, kinds)


@functools.cache
def default_register() -> Register:
    """The national register as a register (:func:`waterketen.resolution.default_network`, loaded once)."""
    from waterketen.resolution import default_network

    return Register(default_network())


def surely_valid_until(period: wk.Period, limit: date) -> date | None:
    """The last day on or before ``limit`` on which the period surely holds, if any."""
    last = min(limit, period.earliest_end - timedelta(days=1)) if period.earliest_end > date.min else None
    if last is None or last < period.latest_start:
        return None
    return last


def reading_day(candidates: Sequence[Sequence[wk.Organisation]], limit: date) -> tuple[date, int]:
    """The day a page is best read as of: the latest day on or before ``limit``
    on which the register knows the most of the page's names.

    Args:
        candidates: for each name the page writes, the organisations it may denote.
        limit: the last day the page can describe (the day it was last updated).

    Returns:
        The day, and how many names have an organisation valid on it.

    Examples:
        >>> kind, p = wk.OrgKind.MUNICIPALITY, wk.Period
        >>> old = wk.Organisation(id="a", name="A", kind=kind, period=p(end=date(2018, 1, 1)))
        >>> new = wk.Organisation(id="b", name="B", kind=kind, period=p(start=date(2018, 1, 1)))
        >>> reading_day([[old], [old]], date(2019, 4, 3))
        (datetime.date(2017, 12, 31), 2)
        >>> reading_day([[old], [new], [new]], date(2019, 4, 3))
        (datetime.date(2019, 4, 3), 2)
    """
    days = {limit}
    for orgs in candidates:
        for org in orgs:
            last = surely_valid_until(org.period, limit)
            if last is not None:
                days.add(last)

    def score(day: date) -> int:
        return sum(1 for orgs in candidates if any(o.period.contains(day) for o in orgs))

    best = max(days, key=lambda d: (score(d), d))
    return best, score(best)
