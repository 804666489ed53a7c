"""From what a page states to records: names resolved, checks made, warnings written.

Ids: a resolved organisation keeps the register's id, so the page merges with
the register (the embedded dataset). Everything else the page defines gets an
id under the page's own prefix, ``wiki-<region>``: ``wiki-<region>/cluster-dal``,
``wiki-<region>/org-<name>`` for an organisation the register does not know.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from attrs import define, field

import waterketen as wk
from waterketen.convert import unstructure_entity

from ._facts import AgreementFact, BodyFact, ClusterFact, Mention, PageFacts, TeamFact
from ._read import body_kind
from ._register import Register, reading_day
from ._text import make_id, norm, slug


__all__ = ["MAX_EMPTY_WARNINGS", "MAX_PROVENANCE", "MAX_WARNINGS", "Built", "build"]

MAX_PROVENANCE = 50
"""A record stated on more lines than this names the first ones and then the range of the rest."""
MAX_WARNINGS = 200
"""At most this many warnings of one field (names, clusters, ...) are given one by one."""
MAX_EMPTY_WARNINGS = 100
"""Paragraphs that yielded nothing are each reported up to this many; the rest in one warning."""

_KIND_WORDS = {
    wk.OrgKind.MUNICIPALITY: ("municipality", "municipalities"),
    wk.OrgKind.WATER_BOARD: ("water board", "water boards"),
    wk.OrgKind.WATER_COMPANY: ("water company", "water companies"),
    wk.OrgKind.PROVINCE: ("province", "provinces"),
    wk.OrgKind.OTHER: ("organisation", "organisations"),
}
_REPRESENTED_WORDS = {
    "cluster": "the clusters",
    "municipality": "the municipalities",
    "board": "the water boards",
    "company": "the water companies",
    "partner": "the partners",
}
_LINES = "_lines"  # a key of record data under construction: the lines it comes from
_REPRESENTED = {
    "municipality": wk.OrgKind.MUNICIPALITY,
    "board": wk.OrgKind.WATER_BOARD,
    "company": wk.OrgKind.WATER_COMPANY,
}


def _count(n: int, kind: wk.OrgKind) -> str:
    one, many = _KIND_WORDS[kind]
    return f"{n} {one if n == 1 else many}"


def _quote(sentence: str) -> str:
    return f"“{sentence[:200]}{'…' if len(sentence) > 200 else ''}”"


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
        self.records: list[wk.Record] = []
        self.warnings: list[wk.Problem] = []
        self.named: dict[tuple[str, wk.OrgKind], _Named] = {}
        self.ids: dict[str, _Named] = {}
        self.prefix = ""
        self.coop = ""

    # -- helpers ----------------------------------------------------------------------------------

    def provenance(self, *lines: int | None) -> list[dict[str, str]]:
        numbers = sorted({n for n in lines if n})
        out = [{"source": self.source, "locator": f"line {n}"} for n in numbers[: MAX_PROVENANCE - 1]]
        rest = numbers[MAX_PROVENANCE - 1 :]
        if len(rest) == 1:
            out.append({"source": self.source, "locator": f"line {rest[0]}"})
        elif rest:
            out.append({"source": self.source, "locator": f"{len(rest)} more lines, {rest[0]} to {rest[-1]}"})
        return out

    def warn(self, line: int | None, field: str, reason: str) -> None:
        self.warnings.append(
            wk.Problem(
                source=self.source,
                place=f"line {line}" if line else None,
                field=field,
                reason=reason,
                severity=wk.Severity.WARNING,
            )
        )

    def emit(self, tag: str, data: dict[str, Any], line: int | None) -> None:
        self.records.append(
            wk.Record(
                tag=tag,
                data=data,
                provenance=wk.Provenance(source=self.source, locator=f"line {line}" if line else None),
            )
        )

    # -- the page ---------------------------------------------------------------------------------

    def build(self) -> Built:
        facts = self.facts
        for line, field_name, reason in facts.warnings:
            self.warn(line, field_name, reason)
        if not self.has_content():
            self.report_empty()
            return Built(records=[], warnings=self.warnings, as_of=self.limit(), cooperation=None)
        self.cooperation()
        self.collect_names()
        day = self.resolve()
        self.organisations()
        clusters = self.clusters()
        self.check_counts(clusters)
        bodies = self.bodies(clusters)
        self.posts(bodies, clusters)
        self.agreements()
        self.spearheads()
        self.report_empty()
        return Built(records=self.records, warnings=self.capped(), as_of=day, cooperation=self.coop)

    def capped(self) -> list[wk.Problem]:
        """The warnings, at most :data:`MAX_WARNINGS` of each field, the rest told in one more."""
        kept: list[wk.Problem] = []
        rest: dict[str | None, list[wk.Problem]] = defaultdict(list)
        seen: dict[str | None, int] = defaultdict(int)
        for warning in self.warnings:
            seen[warning.field] += 1
            (kept if seen[warning.field] <= MAX_WARNINGS else rest[warning.field]).append(warning)
        for field_name, more in rest.items():
            kept.append(
                wk.Problem(
                    source=self.source,
                    place=f"{more[0].place} to {more[-1].place}",
                    field=field_name,
                    reason=f"{len(more)} more warnings like those above",
                    severity=wk.Severity.WARNING,
                )
            )
        return kept

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
            "provenance": self.provenance(facts.region_line, *(p.line for p in facts.partners)),
        }
        if others:
            data["other_names"] = others
        notes = []
        for statement in facts.partners:
            parts = self.parts_text(statement.parts)
            total = f"{statement.total} partners" if statement.total is not None else "its partners"
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

    def resolve(self) -> date:
        matches = {key: self.register.match(named.name, (named.kind,)) for key, named in self.named.items()}
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

    def resolve_one(self, named: _Named, match: Any, day: date) -> None:
        first = named.mentions[0]
        where = f"{_quote(first.sentence)}" + (
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
            self.emit("organisation", data, all_lines[0])
            self.membership(named.id, self.coop, all_lines, None)

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

    def clusters(self) -> dict[str, tuple[str, list[ClusterFact]]]:
        """Cluster id → (name, the statements of it)."""
        grouped: dict[str, tuple[str, list[ClusterFact]]] = {}
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
                listed = "; ".join(f"line {s.line} {_quote(s.sentence)}" for s in in_clusters.values())
                first = next(iter(in_clusters.values()))
                self.warn(
                    first.line,
                    "clusters",
                    f"{named.name!r} ({member_id}) is listed in {len(in_clusters)} clusters: {listed}",
                )
        return grouped

    # -- counts -----------------------------------------------------------------------------------

    def check_counts(self, clusters: dict[str, tuple[str, list[ClusterFact]]]) -> None:
        named_by_kind: dict[wk.OrgKind, set[str]] = defaultdict(set)
        for named in self.named.values():
            named_by_kind[named.kind].add(named.id)
        for statement in self.facts.partners:
            total = sum(part.count for part in statement.parts)
            if statement.total is not None and statement.parts and total != statement.total:
                sums = " + ".join(str(part.count) for part in statement.parts)
                self.warn(
                    statement.line,
                    "partners",
                    f"the page states {statement.total} partners, but the parts it lists add up to "
                    f"{sums} = {total}: {_quote(statement.sentence)}",
                )
            stated: dict[wk.OrgKind, list[int]] = defaultdict(list)
            for part in statement.parts:
                if part.stated is not None:
                    stated[part.kind].append(part.stated)
            for kind, counts in stated.items():
                names = len(named_by_kind[kind])
                if sum(counts) != names:
                    sums = " + ".join(map(str, counts)) + " = " if len(counts) > 1 else ""
                    self.warn(
                        statement.line,
                        "partners",
                        f"the page states {sums}{_count(sum(counts), kind)}, but names {names}: "
                        f"{_quote(statement.sentence)}",
                    )
        for count in self.facts.cluster_counts:
            if count.stated != len(clusters):
                self.warn(
                    count.line,
                    "clusters",
                    f"the page states {count.stated} clusters, but lists {len(clusters)}: "
                    f"{_quote(count.sentence)}",
                )

    # -- governance -------------------------------------------------------------------------------

    def bodies(self, clusters: dict[str, tuple[str, list[ClusterFact]]]) -> dict[str, dict[str, Any]]:
        """Body key (normalised name) → its record data, emitted at the end of :meth:`posts`."""
        bodies: dict[str, dict[str, Any]] = {}
        for fact in self.facts.bodies:
            body = self.body(bodies, fact.name, fact.line)
            if fact.seats is not None:
                if "seats" in body and body["seats"] != fact.seats:
                    self.warn(
                        fact.line,
                        "seats",
                        f"the page gives {body['name']} {fact.seats} seats here and {body['seats']} before; "
                        f"the first is kept: {_quote(fact.sentence)}",
                    )
                else:
                    body["seats"] = fact.seats
        for post_fact in self.facts.posts:
            for _, body_name, line, _ in post_fact.duties:
                self.body(bodies, body_name, line)
        for person in self.facts.persons:
            if person.body:
                self.body(bodies, person.body, person.line)
        for team, team_lines in self.teams().values():
            for cluster_id, (name, statements) in clusters.items():
                key = f"{norm(team.team)}:{cluster_id}"
                body = bodies.setdefault(
                    key,
                    {
                        "id": make_id(
                            self.prefix, f"body-{slug(team.team)}-{cluster_id.rsplit('/cluster-', 1)[-1]}"
                        ),
                        "name": f"{team.team[:1].upper()}{team.team[1:]} {name}",
                        "kind": body_kind(team.team).value,
                        "cooperation": self.coop,
                        "cluster": cluster_id,
                        _LINES: {s.line for s in statements},
                    },
                )
                body[_LINES].update(team_lines)
        return bodies

    def teams(self) -> dict[tuple[str, str], tuple[TeamFact, set[int]]]:
        """Each kind of water team the page states (team and lead), with the lines that state it."""
        teams: dict[tuple[str, str], tuple[TeamFact, set[int]]] = {}
        for team in self.facts.teams:
            key = (norm(team.team), norm(team.lead))
            teams.setdefault(key, (team, set()))[1].add(team.line)
        return teams

    def body(self, bodies: dict[str, dict[str, Any]], name: str, line: int) -> dict[str, Any]:
        key = norm(name) or name
        body = bodies.get(key)
        if body is None:
            body = bodies[key] = {
                "id": make_id(self.prefix, "body-" + slug(name)),
                "name": name,
                "kind": body_kind(name).value,
                "cooperation": self.coop,
                _LINES: set(),
            }
        body[_LINES].add(line)
        return body

    def emit_with_lines(self, tag: str, data: dict[str, Any]) -> None:
        lines = sorted(data.pop(_LINES))
        data["provenance"] = self.provenance(*lines)
        self.emit(tag, data, lines[0] if lines else None)

    def posts(
        self, bodies: dict[str, dict[str, Any]], clusters: dict[str, tuple[str, list[ClusterFact]]]
    ) -> None:
        posts: dict[str, dict[str, Any]] = {}

        def post(name: str, line: int, post_id: str | None = None) -> dict[str, Any]:
            key = norm(name) or name
            found = posts.get(key)
            if found is None:
                found = posts[key] = {
                    "id": post_id or make_id(self.prefix, "post-" + slug(name)),
                    "name": name,
                    "cooperation": self.coop,
                    "duties": [],
                    _LINES: set(),
                }
            found[_LINES].add(line)
            return found

        def duty(data: dict[str, Any], role: wk.Role, body_id: str) -> None:
            item = {"role": role.value, "body": body_id}
            if item not in data["duties"]:
                data["duties"].append(item)

        for post_fact in self.facts.posts:
            data = post(post_fact.name, post_fact.line)
            for role, body_name, line, _ in post_fact.duties:
                duty(data, role, bodies[norm(body_name) or body_name]["id"])
                data[_LINES].add(line)
        meetings = [b for b in bodies.values() if b["kind"] == wk.BodyKind.COORDINATORS_MEETING.value]
        for team, team_lines in self.teams().values():
            lead = f"{team.lead[:1].upper()}{team.lead[1:]}"
            in_meetings = [m for m in meetings if norm(team.lead) in norm(m["name"])]
            for cluster_id, (name, statements) in clusters.items():
                team_body = bodies[f"{norm(team.team)}:{cluster_id}"]
                data = post(f"{lead} {name}", team.line)
                data[_LINES].update(team_lines)
                data[_LINES].update(s.line for s in statements)
                duty(data, wk.Role.LEAD, team_body["id"])
                for meeting in in_meetings:
                    duty(data, wk.Role.MEMBER, meeting["id"])
                    data["note"] = (
                        f"Leads the cluster's {team.team}; a member of the {meeting['name']}, "
                        "as its name says."
                    )
        for body_fact in self.facts.bodies:
            self.seats(body_fact, bodies[norm(body_fact.name) or body_fact.name], clusters, post, duty)
        persons: dict[str, dict[str, Any]] = {}
        tenures: dict[str, dict[str, Any]] = {}
        for person in self.facts.persons:
            data = post(person.post, person.line)
            if person.role is not None and person.body is not None:
                duty(data, person.role, bodies[norm(person.body) or person.body]["id"])
            person_id = make_id(self.prefix, "person-" + slug(person.name))
            persons.setdefault(person_id, {"id": person_id, "name": person.name, _LINES: set()})
            persons[person_id][_LINES].add(person.line)
            tenure_id = make_id(person_id, data["id"], joiner="@")
            tenures.setdefault(
                tenure_id, {"id": tenure_id, "holder": person_id, "post": data["id"], _LINES: set()}
            )
            tenures[tenure_id][_LINES].add(person.line)
        for data in persons.values():
            self.emit_with_lines("person", data)
        for data in tenures.values():
            self.emit_with_lines("tenure", data)
        for body in bodies.values():
            self.emit_with_lines("body", body)
        for data in posts.values():
            if not data["duties"]:
                del data["duties"]
            self.emit_with_lines("post", data)

    def seats(
        self,
        fact: BodyFact,
        body: dict[str, Any],
        clusters: dict[str, tuple[str, list[ClusterFact]]],
        post: Any,
        duty: Any,
    ) -> None:
        if not fact.represents:
            return
        represented: list[tuple[str, str]] = []  # (id, name as a post names it)
        for kind in fact.represents:
            if kind == "cluster":
                represented += [(cid, f"cluster {name}") for cid, (name, _) in clusters.items()]
            elif kind == "partner":
                represented += [(n.id, self.org_name(n)) for n in self.unique_named()]
            else:
                org_kind = _REPRESENTED[kind]
                represented += [(n.id, self.org_name(n)) for n in self.unique_named() if n.kind is org_kind]
        represented = list(dict.fromkeys(represented))
        if fact.seats is not None and fact.seats != len(represented):
            whom = ", ".join(_REPRESENTED_WORDS[kind] for kind in fact.represents)
            self.warn(
                fact.line,
                "seats",
                f"the page gives the {body['name'].lower()} {fact.seats} members representing {whom}, "
                f"but names {len(represented)} of those: {_quote(fact.sentence)}",
            )
        for represented_id, name in represented:
            data = post(
                f"Lid {body['name'].lower()} namens {name}",
                fact.line,
                make_id(self.prefix, f"seat-{slug(body['name'])}-{represented_id.rsplit('/', 1)[-1]}"),
            )
            duty(data, wk.Role.MEMBER, body["id"])
            data["represents"] = represented_id
            seats = fact.seats if fact.seats is not None else "stated"
            data["note"] = (
                f"One of the {seats} seats: the page names the total and whom the members represent; "
                "one seat each is read from that."
            )

    def unique_named(self) -> list[_Named]:
        return list({n.id: n for n in self.named.values()}.values())

    @staticmethod
    def org_name(named: _Named) -> str:
        return named.resolved.name if named.resolved is not None else named.name

    # -- the programme ----------------------------------------------------------------------------

    def agreements(self) -> None:
        stated = next((p.total for p in self.facts.partners if p.total is not None), None)
        used: dict[str, int] = {}
        merged: dict[tuple[str, str | None], AgreementFact] = {}
        for fact in self.facts.agreements:
            key = (fact.name, fact.date.isoformat() if fact.date is not None else None)
            if key in merged:
                first = merged[key]
                first.goals.extend(g for g in fact.goals if g not in first.goals)
                first.targets.extend(t for t in fact.targets if t not in first.targets)
                first.lines.extend(n for n in fact.lines if n not in first.lines)
            else:
                merged[key] = fact
        for fact in merged.values():
            year = fact.date.year if fact.date is not None else None
            base = make_id(self.prefix, f"agreement-{slug(fact.name)}{f'-{year}' if year else ''}")
            used[base] = used.get(base, 0) + 1
            data: dict[str, Any] = {
                "id": base if used[base] == 1 else f"{base}-{used[base]}",
                "name": fact.name,
                "cooperation": self.coop,
                "provenance": self.provenance(*fact.lines),
            }
            if fact.date is not None:
                data["date"] = fact.date.isoformat()
            if fact.goals:
                data["goals"] = [{"name": g} for g in fact.goals]
            if fact.targets:
                data["targets"] = [
                    {
                        k: v
                        for k, v in {
                            "text": t.text,
                            "goal": t.goal,
                            "amount": t.amount,
                            "approximate": t.approximate,
                            "by": t.by.isoformat() if t.by is not None else None,
                        }.items()
                        if v is not None
                    }
                    for t in fact.targets
                ]
            if stated is not None:
                data["partners"] = stated
            data["note"] = f"As the page states it: {_quote(fact.sentence)}"
            self.emit("agreement", data, fact.line)

    def spearheads(self) -> None:
        spearheads: dict[tuple[int, str, date | None, date | None], dict[str, Any]] = {}
        used: dict[str, int] = {}
        for fact in self.facts.spearheads:
            key = (fact.number, fact.title, fact.start, fact.end)
            data = spearheads.get(key)
            if data is None:
                base = make_id(self.prefix, f"speerpunt-{fact.number}")
                used[base] = used.get(base, 0) + 1
                spearhead_id = base if used[base] == 1 else f"{base}-{used[base]}"
                if used[base] > 1:
                    self.warn(
                        fact.line,
                        "spearheads",
                        f"spearhead number {fact.number} is used again for another spearhead; "
                        f"this one is kept as {spearhead_id!r}: {_quote(fact.title)}",
                    )
                data = spearheads[key] = {
                    "id": spearhead_id,
                    "number": fact.number,
                    "title": fact.title,
                    "cooperation": self.coop,
                    _LINES: set(),
                }
                if fact.start is not None and fact.end is not None:
                    data["period"] = {"start": fact.start.isoformat(), "end": fact.end.isoformat()}
            data[_LINES].update(n for n in (fact.line, fact.intro_line) if n)
        for data in spearheads.values():
            self.emit_with_lines("spearhead", data)

    def report_empty(self) -> None:
        empty = self.facts.empty
        for place, text in empty[:MAX_EMPTY_WARNINGS]:
            self.warnings.append(
                wk.Problem(
                    source=self.source,
                    place=place,
                    field="paragraph",
                    reason=f"yielded nothing: {_quote(text)}",
                    severity=wk.Severity.WARNING,
                )
            )
        if len(empty) > MAX_EMPTY_WARNINGS:
            rest = empty[MAX_EMPTY_WARNINGS:]
            self.warnings.append(
                wk.Problem(
                    source=self.source,
                    place=f"{rest[0][0]} to {rest[-1][0]}",
                    field="paragraph",
                    reason=f"{len(rest)} more paragraphs yielded nothing",
                    severity=wk.Severity.WARNING,
                )
            )
