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
    >>> print(wk.explain("GM0014").reason)  # doctest: +NORMALIZE_WHITESPACE
    'GM0014' names 2 organisations over all time: groningen […, 2019-01-01),
    groningen-2019 [2019-01-01, …); pass on=<a day> (--at on the command line)
"""

from __future__ import annotations

import functools
from datetime import date
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ._nameindex import FUZZY_CUTOFF, Rule, _Hit, index_of
from ._time import Certainty, DateLike, as_date
from .errors import UnknownEntityError
from .model import Entity, Organisation, OrgKind


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
    "resolve",
]

FUZZY_MARGIN = 0.04
"""How much better than the next organisation a fuzzy match must be to be the best."""


@frozen(kw_only=True)
class Resolution:
    """One organisation a name or code may denote, the rule that says so, and why."""

    query: str
    """The text resolved."""
    organisation: Organisation
    rule: Rule
    score: float
    """1 for the exact and normalised rules; below 1 for a fuzzy match."""
    matched: str
    """The name or code of the organisation that matched."""
    why: str
    """The explanation, for people."""


@frozen(kw_only=True)
class Outcome:
    """The answer of :func:`explain`: the best match, if one, all candidates and the reason."""

    query: str
    on: date | None
    best: Resolution | None
    candidates: tuple[Resolution, ...]
    reason: str


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
    from .load import load, source_types

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
        ('exact-name', 'normalised')
        >>> r = wk.resolve("de Pekala's")
        >>> r.organisation.name, r.rule.value, r.score < 1
        ('Pekela', 'fuzzy', True)
    """
    return _outcome(name, on, kind, network, full=False).best


def candidates(
    name: str,
    *,
    on: DateLike | None = None,
    kind: OrgKind | str | None = None,
    network: Network | None = None,
) -> tuple[Resolution, ...]:
    """Every organisation ``name`` may denote, the most likely first.

    Examples:
        >>> [(c.organisation.id, c.rule.value) for c in wk.candidates("Groningen")]
        [('groningen', 'exact-name'), ('groningen-2019', 'exact-name')]
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
        >>> wk.explain("Bedum", on="2020-01-01").reason
        "'Bedum' names bedum, which did not exist on 2020-01-01 (it existed […, 2019-01-01))"
    """
    return _outcome(name, on, kind, network, full=True)


def _outcome(
    name: str,
    on: DateLike | None,
    kind: OrgKind | str | None,
    network: Network | None,
    *,
    full: bool,
    suggest: bool = True,
) -> Outcome:
    """What :func:`explain` answers; not ``full``: the best match only (no candidates, no suggestions)."""
    net = network if network is not None else default_network()
    day = None if on is None else as_date(on)
    want = _kind(kind)
    index = index_of(net)
    tiers, problem = index.tiers(name, want, organisations=True)
    if not any(tiers) and not problem:  # a code is never matched as a name
        fuzzy = index.fuzzy(name, want, organisations=True)
        tiers = [fuzzy]
    found: list[Resolution] = []
    seen: set[str] = set()
    best: Resolution | None = None
    reason = ""
    for tier in tiers:
        if not tier:
            continue
        hits = sorted(tier, key=lambda h: -h.score)
        valid = _valid(net, hits, day)
        if not reason:
            best, reason = _decide(net, name, hits, valid, day)
            if not full:
                return Outcome(query=name, on=day, best=best, candidates=(), reason=reason)
        for hit in [*valid, *(h for h in hits if h not in valid)]:
            if hit.id in seen:
                continue
            seen.add(hit.id)
            found.append(_resolution(net, name, hit, day))
    if best is not None:
        best = next(r for r in found if r.organisation.id == best.organisation.id)
    if not reason:
        reason = problem or f"no organisation has the name or code {name!r}"
        if full and suggest and not problem:
            reason += _suggestion(net, name, (Organisation,))
    return Outcome(query=name, on=day, best=best, candidates=tuple(found), reason=reason)


def _kind(kind: OrgKind | str | None) -> OrgKind | None:
    if kind is None or isinstance(kind, OrgKind):
        return kind
    text = kind.strip().lower()
    dutch = {
        "gemeente": "municipality",
        "waterschap": "water-board",
        "hoogheemraadschap": "water-board",
        "wetterskip": "water-board",
        "drinkwaterbedrijf": "water-company",
        "waterbedrijf": "water-company",
        "provincie": "province",
    }
    try:
        return OrgKind(dutch.get(text, text))
    except ValueError:
        choices = ", ".join(k.value for k in OrgKind)
        raise ValueError(f"expected a kind of organisation of {choices}; got {kind!r}") from None


def _valid(net: Network, hits: list[_Hit], day: date | None) -> list[_Hit]:
    if day is None:
        return hits
    yes = [h for h in hits if net.certainty(h.id, day) is Certainty.YES]
    return yes or [h for h in hits if net.certainty(h.id, day) is Certainty.UNCERTAIN]


def _decide(
    net: Network, name: str, hits: list[_Hit], valid: list[_Hit], day: date | None
) -> tuple[Resolution | None, str]:
    """The best of one tier's hits, or ``None``, and the reason."""
    if not valid:
        assert day is not None
        ids = list(dict.fromkeys(h.id for h in hits))
        periods = "; ".join(str(_org(net, i).period) for i in ids)
        return None, f"{name!r} names {', '.join(ids)}, which did not exist on {day} (it existed {periods})"
    ids = list(dict.fromkeys(h.id for h in valid))
    top = valid[0]
    if len(ids) > 1 and top.rule is Rule.FUZZY:
        runner_up = next(h for h in valid if h.id != top.id)
        if top.score - runner_up.score >= FUZZY_MARGIN:
            ids = [top.id]
    if len(ids) == 1:
        best = _resolution(net, name, top, day)
        return best, best.why
    when = "over all time" if day is None else f"on {day}"
    listed = ", ".join(_label(net, i, day) for i in ids)
    kinds = {_org(net, i).kind for i in ids}
    hint = "pass on=<a day> (--at on the command line)" if day is None else "give a code or an id"
    if len(kinds) > 1:
        hint = "pass kind= (--kind on the command line) or " + hint
    return None, f"{name!r} names {len(ids)} organisations {when}: {listed}; {hint}"


def _org(net: Network, entity_id: str) -> Organisation:
    org = net[entity_id]
    assert isinstance(org, Organisation)
    return org


def _label(net: Network, entity_id: str, day: date | None) -> str:
    org = net[entity_id]
    assert isinstance(org, Organisation)
    return f"{org.id} ({org.kind.value})" if day is not None else f"{org.id} {org.period}"


def _resolution(net: Network, name: str, hit: _Hit, day: date | None) -> Resolution:
    org = net[hit.id]
    assert isinstance(org, Organisation)
    why = f"{hit.note} of {org.name} ({org.id})"
    if day is not None:
        certainty = net.certainty(org.id, day)
        why += {
            Certainty.YES: f", which existed on {day}",
            Certainty.UNCERTAIN: f", which may have existed on {day} ({org.period})",
            Certainty.NO: f", which did not exist on {day} ({org.period})",
        }[certainty]
    return Resolution(
        query=name, organisation=org, rule=hit.rule, score=hit.score, matched=hit.matched, why=why
    )


# -- for Network.find and its errors ---------------------------------------------------------------


def find(
    network: Network,
    name: str,
    *,
    kind: type[Any] | None = None,
    on: DateLike | None = None,
    exact: bool = False,
) -> tuple[Entity, ...]:
    """Entities called ``name``, ranked: exact and normalised names, then parts of names, then
    (when nothing else matches) similar names. ``exact`` keeps only the first kind."""
    index = index_of(network)
    classes = () if kind is None else (kind,)
    hits: list[_Hit] = [h for tier in index.tiers(name, None, organisations=False)[0] for h in tier]
    if not exact:
        hits += index.partial(name, None, organisations=False)
        if not hits:
            hits = index.fuzzy(name, None, organisations=False)
    day = None if on is None else as_date(on)
    out: dict[str, Entity] = {}
    for hit in hits:
        entity = network[hit.id]
        if classes and not isinstance(entity, classes):
            continue
        if day is not None and not network._valid_one(entity, day):
            continue
        out.setdefault(hit.id, entity)
    return tuple(out.values())


def unknown(
    network: Network, message: str, text: str, kinds: tuple[type[Entity], ...] = ()
) -> UnknownEntityError:
    """An :class:`~waterketen.UnknownEntityError` whose message ends in "did you mean …?".

    The suggestions are looked for only when the message is shown.
    """
    return _Unknown(message, network, text, kinds)


class _Unknown(UnknownEntityError):
    def __init__(self, message: str, network: Network, text: str, kinds: tuple[type[Entity], ...]) -> None:
        super().__init__(message)
        self._about: tuple[Network, str, tuple[type[Entity], ...]] | None = (network, text, kinds)
        self._message = message

    def __str__(self) -> str:
        if self._about is not None:
            network, text, kinds = self._about
            self._about = None
            self._message += _suggestion(network, text, kinds)
        return self._message


def _suggestion(network: Network, text: str, kinds: tuple[type[Entity], ...]) -> str:
    index = index_of(network)
    hits = index.partial(text, None, organisations=False) + index.fuzzy(
        text, None, organisations=False, cutoff=0.6
    )
    names: list[str] = []
    for hit in sorted(hits, key=lambda h: -h.score):
        entity = network[hit.id]
        if kinds and not isinstance(entity, kinds):
            continue
        label = f"{hit.matched} ({hit.id})"
        if label not in names:
            names.append(label)
        if len(names) == 3:
            break
    return f"; did you mean {' or '.join(names)}?" if names else ""
