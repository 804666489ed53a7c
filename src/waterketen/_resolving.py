"""How a name is resolved in a given network: the rules, the best match, ranked finding, suggestions.

:mod:`waterketen.resolution` is the public face, with the default network
(the national register); this module knows no default, so the loader's
merge by code can use it without depending on loading.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from attrs import frozen

from ._finding import find, suggestion, unknown
from ._nameindex import Rule, _Hit, index_of
from ._time import Certainty, DateLike, as_date
from .errors import Hint
from .model import Organisation, OrgKind


if TYPE_CHECKING:
    from .network import Network

__all__ = ["FUZZY_MARGIN", "Outcome", "Resolution", "command_words", "find", "outcome", "unknown"]

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


def outcome(
    name: str,
    on: DateLike | None,
    kind: OrgKind | str | None,
    network: Network | None,
    *,
    full: bool,
    suggest: bool = True,
) -> Outcome:
    """What :func:`explain` answers; not ``full``: the best match only (no candidates, no suggestions)."""
    assert network is not None
    net = network
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
            reason += suggestion(net, name, (Organisation,))
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
    hint = _A_DAY.python if day is None else "give a code or an id"
    if len(kinds) > 1:
        hint = f"{_A_KIND.python} or {hint}"
    return None, f"{name!r} names {len(ids)} organisations {when}: {listed}; {hint}"


_A_DAY = Hint(python="pass on=<a day>", command="pass --at DATE")
_A_KIND = Hint(python="pass kind=", command="pass --kind KIND")


def command_words(reason: str) -> str:
    """A reason of :func:`outcome` in the words of the command line: ``--at DATE``, not ``on=<a day>``."""
    for hint in (_A_KIND, _A_DAY):
        reason = reason.replace(hint.python, hint.command)
    return reason


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
