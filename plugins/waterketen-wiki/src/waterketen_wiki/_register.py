"""Resolving the names a page writes to the organisations of a register.

The register is a :class:`waterketen.Network` that knows organisations with
their codes and validity: by default the embedded dataset. A name matches an
organisation when, after :func:`waterketen.normalise_name` (case, accents,
apostrophes and punctuation ignored), it is one of the organisation's names;
failing that, when it is a known variant (:data:`KNOWN_VARIANTS`); failing
that, when a conservative fuzzy match finds exactly one organisation. A
match is used only when it is valid on the day the page describes.
"""

from __future__ import annotations

import difflib
import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from attrs import frozen

import waterketen as wk

from ._text import norm


__all__ = [
    "FUZZY_CUTOFF",
    "KNOWN_VARIANTS",
    "Match",
    "Register",
    "Resolver",
    "default_register",
    "national",
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

_PREFIXES = (
    "de ",
    "het ",
    "gemeente ",
    "waterschap ",
    "wetterskip ",
    "hoogheemraadschap van ",
    "hoogheemraadschap ",
    "provincie ",
    "drinkwaterbedrijf ",
)


@frozen
class Match:
    """How a name matched: the organisations it may denote and the rule that found them."""

    organisations: tuple[wk.Organisation, ...]
    how: str
    """``exact``, ``variant`` or ``fuzzy`` (or the rule the national register names, see :func:`national`)."""
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
        self._keys: dict[wk.OrgKind, dict[str, list[wk.Organisation]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for org in network.entities(wk.Organisation):
            for name in (org.name, *org.other_names):
                key = norm(str(name))
                if key and org not in self._keys[org.kind][key]:
                    self._keys[org.kind][key].append(org)
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
        forms = [name, *(name[len(p) :] for p in _PREFIXES if name.startswith(p) and len(name) > len(p))]
        for form in forms:
            found = self._exact(form, kinds)
            if found:
                return Match(organisations=found, how="exact", matched=form)
        variant = KNOWN_VARIANTS.get(name)
        if variant is not None:
            found = self._exact(norm(variant), kinds)
            if found:
                return Match(organisations=found, how="variant", matched=variant)
        return self._fuzzy(forms, kinds)

    def _exact(self, key: str, kinds: Iterable[wk.OrgKind]) -> tuple[wk.Organisation, ...]:
        return tuple(org for kind in kinds for org in self._keys[kind].get(key, ()))

    def _fuzzy(self, forms: list[str], kinds: tuple[wk.OrgKind, ...]) -> Match | None:
        pool = {key: orgs for kind in kinds for key, orgs in self._keys[kind].items()}
        scored: list[tuple[float, str]] = []
        for form in forms:
            # A ratio of at least the cutoff needs lengths within that proportion: skip the rest cheaply.
            near = [k for k in pool if 2 * min(len(k), len(form)) >= FUZZY_CUTOFF * (len(k) + len(form))]
            for key in difflib.get_close_matches(form, near, n=3, cutoff=FUZZY_CUTOFF):
                scored.append((difflib.SequenceMatcher(None, form, key).ratio(), key))
        if not scored:
            return None
        best_ratio = max(r for r, _ in scored)
        close = {key for r, key in scored if r >= best_ratio - _FUZZY_MARGIN}
        orgs = {o.id: o for key in sorted(close) for o in pool[key]}
        names = {o.name for o in orgs.values()}
        if len(names) > 1:
            return None  # two organisations equally close: not a match, never a guess
        best_key = max(scored)[1]
        return Match(organisations=tuple(orgs.values()), how="fuzzy", matched=best_key, ratio=best_ratio)


def resolve(register: Register, name: str, kinds: Sequence[wk.OrgKind]) -> Match | None:
    """The organisations of those kinds that a name on a page may denote, at any time: the plugin's
    one way to resolve a name (the reader asks it to split lists, the builder to resolve them).

    Today it asks the page's register (by default the embedded dataset). A
    name it does not resolve stays an organisation of the page, of the kind
    the reader found (:func:`waterketen_wiki._build.build`). To resolve
    through the national register instead, its one line becomes
    ``return national(wk.resolve, name, kinds)`` (see :func:`national`); the
    day is chosen after, by the builder.

    Examples:
        >>> match = resolve(default_register(), "Waterschap Noorderzijlvest", (wk.OrgKind.WATER_BOARD,))
        >>> [o.id for o in match.organisations], match.how
        (['noorderzijlvest'], 'exact')
    """
    return register.match(name, kinds)


class Resolver(Protocol):
    """A resolver as the national register offers it: ``wk.resolve(name, on=day, kind=None)``."""

    def __call__(self, name: str, *, on: date | None = ..., kind: wk.OrgKind | None = ...) -> Any: ...


def national(resolver: Resolver, name: str, kinds: Sequence[wk.OrgKind]) -> Match | None:
    """What ``resolver`` (``wk.resolve``) makes of a name, as a :class:`Match`: the best organisation
    of each kind it finds (at any day), with the rule and the score of the best.

    Examples:
        >>> class Found:
        ...     organisation = wk.Organisation(id="vitens", name="Vitens", kind=wk.OrgKind.WATER_COMPANY)
        ...     rule, score = "exact name", 1.0
        >>> def fake(name, *, on=None, kind=None):
        ...     return Found() if name == "Vitens" and kind is wk.OrgKind.WATER_COMPANY else None
        >>> match = national(fake, "Vitens", (wk.OrgKind.MUNICIPALITY, wk.OrgKind.WATER_COMPANY))
        >>> [o.id for o in match.organisations], match.how
        (['vitens'], 'exact name')
    """
    found = [(kind, resolver(name, on=None, kind=kind)) for kind in kinds]
    hits = [f for _, f in found if f is not None]
    if not hits:
        return None
    best = max(hits, key=lambda f: float(f.score))
    organisations = tuple(dict.fromkeys(f.organisation for f in hits))
    return Match(organisations=organisations, how=str(best.rule), matched=name, ratio=float(best.score))


@functools.cache
def default_register() -> Register:
    """The embedded dataset as a register (loaded once)."""
    return Register(wk.load())


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
