"""From what a page states to records: names resolved, checks made, warnings written.

Ids: a resolved organisation keeps the register's id, so the page merges with
the register (the embedded dataset). Everything else the page defines gets an
id under the page's own prefix, ``wiki-<region>``: ``wiki-<region>/cluster-dal``,
``wiki-<region>/org-<name>`` for an organisation the register does not know.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from attrs import define, field

import waterketen as wk
from waterketen.convert import unstructure_entity

from ._facts import ClusterFact, Mention, PageFacts
from ._governance import Clusters, Partner, governance
from ._lists import ANY_KIND
from ._output import Output, quote
from ._programme import programme
from ._register import Match, Register, reading_day, resolve
from ._text import make_id, norm, slug


__all__ = ["Built", "build"]

_HOLDS_ON_THE_DAY = frozenset({"cooperation", "cluster", "body", "post", "membership", "tenure"})
"""The records whose facts hold on the day the page is read as of (their periods say so)."""
_KIND_WORDS = {
    wk.OrgKind.MUNICIPALITY: ("municipality", "municipalities"),
    wk.OrgKind.WATER_BOARD: ("water board", "water boards"),
    wk.OrgKind.WATER_COMPANY: ("water company", "water companies"),
    wk.OrgKind.PROVINCE: ("province", "provinces"),
    wk.OrgKind.OTHER: ("organisation", "organisations"),
}


def _count(n: int, kind: wk.OrgKind) -> str:
    one, many = _KIND_WORDS[kind]
    return f"{n} {one if n == 1 else many}"


@define
class _Named:
    """One organisation the page names (every mention of the same name and kind)."""

    name: str
    kind: wk.OrgKind
    mentions: list[Mention] = field(factory=list)
    id: str = ""
    resolved: wk.Organisation | None = None
    how: str | None = None

    @property
    def lines(self) -> list[int]:
        return sorted({m.line for m in self.mentions})


@define
class Built:
    """The records of a page, its warnings and the day it is read as of."""

    records: list[wk.Record]
    warnings: list[wk.Problem]
    as_of: date
    cooperation: str | None


def build(
    facts: PageFacts, *, register: Register, source: str, fallback_name: str, as_of: date | None = None
) -> Built:
    """Turn a page's facts into records, resolving names through ``register``.

    Args:
        facts: what the page states.
        register: the organisations names resolve to.
        source: the source's name, for provenance and warnings.
        fallback_name: the cooperation's name when the page names no region.
        as_of: the day the page describes; by default the day on or before
            its last update on which the register knows most of its names.
    """
    return _Builder(facts, register, source, fallback_name, as_of).build()


class _Builder:
    def __init__(
        self, facts: PageFacts, register: Register, source: str, fallback_name: str, as_of: date | None
    ) -> None:
        self.facts = facts
        self.register = register
        self.source = source
        self.fallback_name = fallback_name
        self.explicit_day = as_of
        self.out = Output(source)
        self.warn = self.out.warn
        self.provenance = self.out.provenance
        self.emit = self.out.emit
        self.named: dict[tuple[str, wk.OrgKind], _Named] = {}
        self.ids: dict[str, _Named] = {}
        self.prefix = ""
        self.coop = ""

    # -- the page ---------------------------------------------------------------------------------

    def build(self) -> Built:
        facts = self.facts
        for line, field_name, reason in facts.warnings:
            self.warn(line, field_name, reason)
        if not self.has_content():
            self.out.report_empty(facts.empty)
            return Built(records=[], warnings=self.out.capped(), as_of=self.limit(), cooperation=None)
        self.cooperation()
        self.collect_names()
        day = self.resolve()
        self.organisations()
        clusters = self.clusters()
        self.check_counts(clusters)
        partners = [
            Partner(id=n.id, name=n.resolved.name if n.resolved else n.name, kind=n.kind)
            for n in {n.id: n for n in self.named.values()}.values()
        ]
        governance(
            self.out, facts, prefix=self.prefix, cooperation=self.coop, clusters=clusters, partners=partners
        )
        programme(self.out, facts, prefix=self.prefix, cooperation=self.coop)
        self.date_what_holds(day)
        self.out.report_empty(facts.empty)
        return Built(records=self.out.records, warnings=self.out.capped(), as_of=day, cooperation=self.coop)

    def date_what_holds(self, day: date) -> None:
        """What the page states holds on the day it is read as of: no later than that day, and
        after it for a while no page says (so a merged source's dates stay those of its records)."""
        holds = {"start": f"..{day.isoformat()}", "end": f"{(day + timedelta(days=1)).isoformat()}.."}
        for record in self.out.records:
            if record.tag not in _HOLDS_ON_THE_DAY:
                continue
            period = record.data.get("period")
            if period is None:
                record.data["period"] = dict(holds)
            elif (
                "end" not in period
                and wk.Period(start=wk.model.parse_bound(period["start"])).latest_start <= day
            ):
                period["end"] = holds["end"]

    def has_content(self) -> bool:
        f = self.facts
        return any(
            (
                f.region,
                f.partners,
                f.mentions,
                f.clusters,
                f.cluster_counts,
                f.bodies,
                f.posts,
                f.teams,
                f.persons,
                f.agreements,
                f.spearheads,
            )
        )

    def limit(self) -> date:
        return self.facts.updated or date.today()

    def cooperation(self) -> None:
        facts = self.facts
        other = [p.other_name for p in facts.partners if p.other_name]
        name = facts.region or (other[0] if other else None)
        if name is None:
            name = self.fallback_name
            self.warn(
                None, "region", f"the page names no region; the cooperation is named {name!r} after the file"
            )
        self.prefix = make_id("wiki-" + slug(name))
        self.coop = self.prefix
        others = [o for o in dict.fromkeys(other) if norm(o) != norm(name)]
        data: dict[str, Any] = {
            "id": self.coop,
            "name": name,
            "provenance": self.provenance(
                facts.region_line, facts.started_line, *(p.line for p in facts.partners)
            ),
        }
        if others:
            data["other_names"] = others
        notes = []
        if facts.parent:
            notes.append(f"The page names it under the region {facts.parent} (line {facts.region_line}).")
        if facts.started is not None:
            data["period"] = {"start": facts.started.isoformat()}
            notes.append(
                f"Started {facts.started.isoformat()}, as the page states: "
                f"{quote(facts.started_sentence or '')} (line {facts.started_line})."
            )
        if facts.url:
            notes.append(f"The page: {facts.url}.")
        if not facts.clusters:
            for count in facts.cluster_counts:
                notes.append(f"The page states {count.stated} clusters (line {count.line}).")
        for statement in facts.partners:
            parts = self.parts_text(statement.parts)
            total = f"{statement.total} partners" if statement.total is not None else "its partners"
            if not statement.partners:
                notes.append(f"The page counts {parts} (line {statement.line}).")
                continue
            notes.append(f"The page states {total}{': ' + parts if parts else ''} (line {statement.line}).")
        if notes:
            data["note"] = " ".join(notes)
        self.emit("cooperation", data, facts.region_line)

    @staticmethod
    def parts_text(parts: Iterable[Any]) -> str:
        by_kind: dict[wk.OrgKind, list[int]] = defaultdict(list)
        for part in parts:
            by_kind[part.kind].append(part.count)
        return ", ".join(
            (" + ".join(map(str, counts)) + " = " if len(counts) > 1 else "") + _count(sum(counts), kind)
            for kind, counts in by_kind.items()
        )

    # -- names --------------------------------------------------------------------------------------

    def collect_names(self) -> None:
        mentions = [m for p in self.facts.partners for part in p.parts for m in part.names]
        mentions += [m for c in self.facts.clusters for m in c.members]
        mentions += self.facts.mentions
        for mention in mentions:
            key = (norm(mention.name) or mention.name, mention.kind)
            named = self.named.get(key)
            if named is None:
                named = self.named[key] = _Named(name=mention.name, kind=mention.kind)
            named.mentions.append(mention)

    def match(self, named: _Named) -> Match | None:
        """What the register makes of a name (or of another name the page gives it); a name of no
        stated kind takes the kind of the organisations it resolves to."""
        kinds = ANY_KIND if named.kind is wk.OrgKind.OTHER else (named.kind,)
        others = [o for m in named.mentions for o in m.other_names]
        for name in dict.fromkeys([named.name, *others]):
            found = resolve(self.register, name, kinds)
            if found is not None:
                if named.kind is wk.OrgKind.OTHER and len({o.kind for o in found.organisations}) == 1:
                    named.kind = found.organisations[0].kind
                return found
        return None

    def resolve(self) -> date:
        matches = {key: self.match(named) for key, named in self.named.items()}
        exact = sum(1 for m in matches.values() if m is not None and m.how != "fuzzy")
        if 2 * exact < len(matches):
            # The register does not cover the page's region ("Haaren" in Brabant is not Groningen's
            # Haren): a close spelling is no evidence then, and stays unresolved.
            matches = {key: None if m is not None and m.how == "fuzzy" else m for key, m in matches.items()}
        if self.explicit_day is not None:
            day = self.explicit_day
        else:
            candidates = [m.organisations for m in matches.values() if m is not None]
            day, known = reading_day(candidates, self.limit())
            if day != self.limit():
                self.warn_reading_day(day, known, candidates)
        for key, named in self.named.items():
            self.resolve_one(named, matches[key], day)
        return day

    def warn_reading_day(
        self, day: date, known: int, candidates: Sequence[Sequence[wk.Organisation]]
    ) -> None:
        limit = self.limit()
        ended = sorted(
            {orgs[0].name for orgs in candidates if orgs and not any(o.period.contains(limit) for o in orgs)}
        )
        shown = ", ".join(ended[:5]) + (", …" if len(ended) > 5 else "")
        if self.facts.updated is not None:
            why = f"the page was last updated on {limit.isoformat()}"
        else:
            why = f"the page gives no last-updated date, and today is {limit.isoformat()}"
        self.warn(
            self.facts.updated_line,
            "updated",
            f"{why}, but {len(ended)} of the organisations it names were not valid then ({shown}); "
            f"it is read as of {day.isoformat()}, the last day on which the register knows "
            f"{known} of the {len(candidates)} it can match",
        )

    def resolve_one(self, named: _Named, match: Match | None, day: date) -> None:
        first = named.mentions[0]
        where = f"{quote(first.sentence)}" + (
            f" (also lines {', '.join(map(str, named.lines[1:]))})" if len(named.lines) > 1 else ""
        )
        what = _KIND_WORDS[named.kind][0]
        if match is None:
            reason = f"the {what} {named.name!r} is not in the register"
        else:
            valid = [o for o in match.organisations if o.period.contains(day)]
            if len(valid) == 1:
                named.resolved, named.how, named.id = valid[0], match.how, valid[0].id
                if match.how == "fuzzy":
                    self.warn(
                        first.line,
                        "name",
                        f"{named.name!r} is read as {valid[0].name!r} ({valid[0].id}; a close spelling, "
                        f"similarity {match.ratio:.2f}) in {where}",
                    )
                self.ids.setdefault(named.id, named)
                return
            if valid:
                ids = ", ".join(o.id for o in valid)
                reason = f"the {what} {named.name!r} may be any of {ids} on {day.isoformat()}"
            else:
                known = "; ".join(f"{o.id} {o.period}" for o in match.organisations)
                on = day.isoformat()
                reason = f"the {what} {named.name!r} is not known to the register on {on} (only {known})"
        named.id = self.unresolved_id(named)
        self.warn(
            first.line,
            "name",
            f"{reason}; it is kept as the unresolved organisation {named.id!r}, named in {where}",
        )

    def unresolved_id(self, named: _Named) -> str:
        base = make_id(self.prefix, "org-" + slug(named.name))
        candidate, n = base, 1
        while candidate in self.ids and self.ids[candidate] is not named:
            n += 1
            candidate = f"{base}-{n}"
        self.ids[candidate] = named
        return candidate

    def organisations(self) -> None:
        by_id: dict[str, list[_Named]] = defaultdict(list)
        for named in self.named.values():
            by_id[named.id].append(named)
        for same in by_id.values():
            named = same[0]
            all_lines = sorted({line for n in same for line in n.lines})
            if named.resolved is not None:
                data = unstructure_entity(named.resolved)
                data["provenance"] = self.provenance(*all_lines) + [
                    p for p in data.get("provenance", []) if p.get("source") != self.source
                ]
            else:
                data = {
                    "id": named.id,
                    "name": named.name,
                    "kind": named.kind.value,
                    "note": "Named on the page; the register does not resolve the name.",
                    "provenance": self.provenance(*all_lines),
                }
                others = [o for n in same for m in n.mentions for o in m.other_names if o != named.name]
                if others:
                    data["other_names"] = list(dict.fromkeys(others))
            self.emit("organisation", data, all_lines[0])
            partner_lines = sorted({m.line for n in same for m in n.mentions if m.partner})
            if partner_lines:
                self.membership(named.id, self.coop, partner_lines, None)

    def membership(self, member: str, group: str, lines: Sequence[int], note: str | None) -> None:
        data: dict[str, Any] = {
            "id": make_id(member, group, joiner="@"),
            "member": member,
            "group": group,
            "provenance": self.provenance(*lines),
        }
        if note:
            data["note"] = note
        self.emit("membership", data, lines[0] if lines else None)

    def id_of(self, mention: Mention) -> _Named:
        return self.named[(norm(mention.name) or mention.name, mention.kind)]

    # -- clusters -------------------------------------------------------------------------------

    def clusters(self) -> Clusters:
        """Emit the clusters and their memberships; warn about a member of two clusters."""
        grouped: Clusters = {}
        for fact in self.facts.clusters:
            cluster_id = make_id(self.prefix, "cluster-" + slug(fact.name))
            grouped.setdefault(cluster_id, (fact.name, []))[1].append(fact)
        where: dict[str, dict[str, ClusterFact]] = defaultdict(dict)
        for cluster_id, (name, statements) in grouped.items():
            labels = [s.label for s in statements if norm(s.label) != norm(name)]
            data: dict[str, Any] = {
                "id": cluster_id,
                "name": name,
                "cooperation": self.coop,
                "provenance": self.provenance(*(s.line for s in statements)),
            }
            if labels:
                data["other_names"] = list(dict.fromkeys(labels))
            if not any(s.members or s.members_known for s in statements):
                data["members_known"] = False
            self.emit("cluster", data, statements[0].line)
            members: dict[str, list[Mention]] = {}
            for statement in statements:
                for mention in statement.members:
                    named = self.id_of(mention)
                    members.setdefault(named.id, []).append(mention)
                    where[named.id].setdefault(cluster_id, statement)
            for member_id, mentions in members.items():
                named = self.ids[member_id]
                spelled = {
                    m.name for m in mentions if named.resolved is not None and m.name != named.resolved.name
                }
                note = (
                    f"The page writes {', '.join(sorted(spelled))}; read as {named.resolved.name}."
                    if spelled and named.resolved is not None
                    else None
                )
                self.membership(member_id, cluster_id, sorted({m.line for m in mentions}), note)
        for member_id, in_clusters in where.items():
            if len(in_clusters) > 1:
                named = self.ids[member_id]
                listed = "; ".join(f"line {s.line} {quote(s.sentence)}" for s in in_clusters.values())
                first = next(iter(in_clusters.values()))
                self.warn(
                    first.line,
                    "clusters",
                    f"{named.name!r} ({member_id}) is listed in {len(in_clusters)} clusters: {listed}",
                )
        return grouped

    # -- counts -----------------------------------------------------------------------------------

    def check_counts(self, clusters: Clusters) -> None:
        named_by_kind: dict[wk.OrgKind, set[str]] = defaultdict(set)
        partners_by_kind: dict[wk.OrgKind, set[str]] = defaultdict(set)
        for named in self.named.values():
            named_by_kind[named.kind].add(named.id)
            if any(m.partner for m in named.mentions):
                partners_by_kind[named.kind].add(named.id)
        for statement in self.facts.partners:
            total = sum(part.count for part in statement.parts)
            unknown = any(part.whole for part in statement.parts)
            if statement.total is not None and statement.parts and total != statement.total and not unknown:
                sums = " + ".join(str(part.count) for part in statement.parts)
                self.warn(
                    statement.line,
                    "partners",
                    f"the page states {statement.total} partners, but the parts it lists add up to "
                    f"{sums} = {total}: {quote(statement.sentence)}",
                )
            stated: dict[wk.OrgKind, list[int]] = defaultdict(list)
            for part in statement.parts:
                if part.stated is not None:
                    stated[part.kind].append(part.stated)
            for kind, counts in stated.items():
                # The names the statement lists of that kind; else those of the page's partner lists.
                own = {self.id_of(m).id for part in statement.parts for m in part.names if part.kind is kind}
                names = len(own or partners_by_kind[kind] or named_by_kind[kind])
                if names and sum(counts) != names:  # a count of a kind the page names none of is only kept
                    sums = " + ".join(map(str, counts)) + " = " if len(counts) > 1 else ""
                    self.warn(
                        statement.line,
                        "partners",
                        f"the page states {sums}{_count(sum(counts), kind)}, but names {names}: "
                        f"{quote(statement.sentence)}",
                    )
        for count in self.facts.cluster_counts:
            # A count of clusters the page lists none of is only kept (in the cooperation's note).
            if clusters and count.stated != len(clusters):
                self.warn(
                    count.line,
                    "clusters",
                    f"the page states {count.stated} clusters, but lists {len(clusters)}: "
                    f"{quote(count.sentence)}",
                )
