"""Matching organisations that several sources describe under different ids.

Records are matched on an identifier (scheme and code) valid on the same day
first, and only then on the normalised name and kind, on overlapping days.
Each match says which rule made it. A record that matches several others
under one rule is reported as ambiguous and never matched.

"Groningen" shows why: it names a municipality before 2019, a different
municipality (with the same code) after 2019, and a province.

Examples:
    >>> import waterketen as wk
    >>> from datetime import date
    >>> gm0014 = (wk.Identifier(scheme="cbs", value="GM0014"),)
    >>> old = wk.Organisation(id="groningen", name="Groningen", kind=wk.OrgKind.MUNICIPALITY,
    ...     identifiers=gm0014, period=wk.Period(end=date(2019, 1, 1)))
    >>> new = wk.Organisation(id="groningen-2019", name="Groningen", kind=wk.OrgKind.MUNICIPALITY,
    ...     identifiers=gm0014, period=wk.Period(start=date(2019, 1, 1)))
    >>> page = wk.Organisation(id="wiki-groningen", name="Groningen", kind=wk.OrgKind.MUNICIPALITY,
    ...     period=wk.Period(start=date(2015, 1, 1), end=date(2016, 1, 1)))
    >>> province = wk.Organisation(id="provincie-groningen", name="Groningen", kind=wk.OrgKind.PROVINCE)
    >>> [(m.first, m.second, m.rule) for m in find_matches(wk.Network([old, new, page, province])).matches]
    [('groningen', 'wiki-groningen', 'name')]
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from attrs import frozen

from .model import Organisation


if TYPE_CHECKING:
    from .network import Network

__all__ = ["Ambiguous", "Match", "MatchReport", "find_matches"]


@frozen(kw_only=True)
class Match:
    """Two ids that denote one organisation, and the rule that says so."""

    first: str
    second: str
    rule: str
    """``"identifier"`` or ``"name"``."""
    key: str
    """What matched: ``cbs:GM0014`` or the normalised name and kind."""


@frozen(kw_only=True)
class Ambiguous:
    """An organisation that matches several others under one rule: not matched."""

    subject: str
    candidates: tuple[str, ...]
    rule: str
    key: str


@frozen(kw_only=True)
class MatchReport:
    """The matches found and the ambiguous cases left alone."""

    matches: tuple[Match, ...]
    ambiguous: tuple[Ambiguous, ...]


def _may_overlap(a: Organisation, b: Organisation) -> bool:
    """True when the two may have existed on a common day."""
    return max(a.period.earliest_start, b.period.earliest_start) < min(
        a.period.latest_end, b.period.latest_end
    )


def _conflicting_codes(a: Organisation, b: Organisation) -> bool:
    codes = {i.scheme: i.value for i in a.identifiers}
    return any(i.scheme in codes and codes[i.scheme] != i.value for i in b.identifiers)


def find_matches(network: Network) -> MatchReport:
    """Organisations of the network that seem to be one, by identifier, then by name.

    Organisations that were valid on no common day never match (a code reused
    after a merger denotes two organisations); nor do organisations of
    different kinds, or with different codes in one scheme.
    """
    from .query import normalise_name

    orgs = network.entities(Organisation)
    order = {o.id: i for i, o in enumerate(orgs)}
    matched: set[frozenset[str]] = set()
    matches: list[Match] = []
    ambiguous: list[Ambiguous] = []

    def candidates_by(keyed: dict[str, list[Organisation]], rule: str) -> None:
        for key, group in keyed.items():
            if len(group) < 2:
                continue
            candidates = {
                org.id: [
                    o.id
                    for o in group
                    if o.id != org.id
                    and _may_overlap(org, o)
                    and not _conflicting_codes(org, o)
                    and frozenset((org.id, o.id)) not in matched
                ]
                for org in group
            }
            for subject, found in candidates.items():
                if len(found) > 1:
                    ambiguous.append(Ambiguous(subject=subject, candidates=tuple(found), rule=rule, key=key))
                elif len(found) == 1 and candidates[found[0]] == [subject]:
                    pair = frozenset((subject, found[0]))
                    if pair not in matched:
                        first, second = sorted(pair, key=order.__getitem__)
                        matches.append(Match(first=first, second=second, rule=rule, key=key))
                        matched.add(pair)

    by_identifier: dict[str, list[Organisation]] = defaultdict(list)
    for org in orgs:
        for identifier in org.identifiers:
            by_identifier[str(identifier)].append(org)
    candidates_by(by_identifier, "identifier")

    by_name: dict[str, list[Organisation]] = defaultdict(list)
    for org in orgs:
        by_name[f"{normalise_name(org.name)} ({org.kind.value})"].append(org)
    candidates_by(by_name, "name")
    return MatchReport(matches=tuple(matches), ambiguous=tuple(ambiguous))
