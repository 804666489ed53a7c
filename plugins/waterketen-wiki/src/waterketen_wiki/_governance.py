"""The governance a page states: bodies, their seats, posts with duties, water teams and people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeAlias

from attrs import frozen

import waterketen as wk

from ._facts import BodyFact, ClusterFact, PageFacts, TeamFact
from ._output import LINES, Output, quote
from ._patterns import body_kind
from ._text import make_id, norm, slug


__all__ = ["Clusters", "Partner", "governance"]

Clusters: TypeAlias = dict[str, tuple[str, list[ClusterFact]]]
"""Cluster id → (its name, the statements of it)."""

_REPRESENTED = {
    "municipality": wk.OrgKind.MUNICIPALITY,
    "board": wk.OrgKind.WATER_BOARD,
    "company": wk.OrgKind.WATER_COMPANY,
}
_REPRESENTED_WORDS = {
    "cluster": "the clusters",
    "municipality": "the municipalities",
    "board": "the water boards",
    "company": "the water companies",
    "partner": "the partners",
}


@frozen
class Partner:
    """A partner as a seat names it: its id, its name and its kind."""

    id: str
    name: str
    kind: wk.OrgKind


def governance(
    out: Output,
    facts: PageFacts,
    *,
    prefix: str,
    cooperation: str,
    clusters: Clusters,
    partners: Sequence[Partner],
) -> None:
    """Emit the page's bodies, posts, persons and tenures, and warn about seats that do not add up."""
    _Governance(out, facts, prefix, cooperation, clusters, partners).build()


class _Governance:
    def __init__(
        self,
        out: Output,
        facts: PageFacts,
        prefix: str,
        cooperation: str,
        clusters: Clusters,
        partners: Sequence[Partner],
    ) -> None:
        self.out = out
        self.facts = facts
        self.prefix = prefix
        self.coop = cooperation
        self.clusters = clusters
        self.partners = partners
        self.bodies: dict[str, dict[str, Any]] = {}
        """Body key (normalised name, or team:cluster) → its record data."""
        self.posts: dict[str, dict[str, Any]] = {}
        """Post key (normalised name) → its record data."""
        self.teams = self.team_kinds()

    def build(self) -> None:
        self.stated_bodies()
        self.named_posts()
        self.water_teams()
        for fact in self.facts.bodies:
            self.seats(fact)
        self.people()
        for body in self.bodies.values():
            self.out.emit_with_lines("body", body)
        for data in self.posts.values():
            if not data["duties"]:
                del data["duties"]
            self.out.emit_with_lines("post", data)

    # -- bodies -----------------------------------------------------------------------------------

    def body(self, name: str, line: int) -> dict[str, Any]:
        key = norm(name) or name
        body = self.bodies.get(key)
        if body is None:
            body = self.bodies[key] = {
                "id": make_id(self.prefix, "body-" + slug(name)),
                "name": name,
                "kind": body_kind(name).value,
                "cooperation": self.coop,
                LINES: set(),
            }
        body[LINES].add(line)
        return body

    def stated_bodies(self) -> None:
        for fact in self.facts.bodies:
            body = self.body(fact.name, fact.line)
            if fact.composition and "note" not in body:
                body["note"] = f"The page gives its members: {fact.composition} (line {fact.line})."
            if fact.seats is None:
                continue
            if "seats" in body and body["seats"] != fact.seats:
                self.out.warn(
                    fact.line,
                    "seats",
                    f"the page gives {body['name']} {fact.seats} seats here and {body['seats']} before; "
                    f"the first is kept: {quote(fact.sentence)}",
                )
            else:
                body["seats"] = fact.seats
        for post_fact in self.facts.posts:
            for _, body_name, line, _ in post_fact.duties:
                self.body(body_name, line)
        for person in self.facts.persons:
            if person.body:
                self.body(person.body, person.line)

    def team_kinds(self) -> dict[tuple[str, str], tuple[TeamFact, set[int]]]:
        """Each kind of water team the page states (team and lead), with the lines that state it."""
        teams: dict[tuple[str, str], tuple[TeamFact, set[int]]] = {}
        for team in self.facts.teams:
            key = (norm(team.team), norm(team.lead))
            teams.setdefault(key, (team, set()))[1].add(team.line)
        return teams

    # -- posts ------------------------------------------------------------------------------------

    def post(self, name: str, line: int, post_id: str | None = None) -> dict[str, Any]:
        key = norm(name) or name
        found = self.posts.get(key)
        if found is None:
            found = self.posts[key] = {
                "id": post_id or make_id(self.prefix, "post-" + slug(name)),
                "name": name,
                "cooperation": self.coop,
                "duties": [],
                LINES: set(),
            }
        found[LINES].add(line)
        return found

    @staticmethod
    def duty(data: dict[str, Any], role: wk.Role, body_id: str) -> None:
        item = {"role": role.value, "body": body_id}
        if item not in data["duties"]:
            data["duties"].append(item)

    def body_id(self, name: str) -> str:
        return str(self.bodies[norm(name) or name]["id"])

    def named_posts(self) -> None:
        for fact in self.facts.posts:
            data = self.post(fact.name, fact.line)
            for role, body_name, line, _ in fact.duties:
                self.duty(data, role, self.body_id(body_name))
                data[LINES].add(line)

    def water_teams(self) -> None:
        """A water team in each cluster, led by its coordinator (a member of their meeting, if named)."""
        meetings = [b for b in self.bodies.values() if b["kind"] == wk.BodyKind.COORDINATORS_MEETING.value]
        for team, team_lines in self.teams.values():
            lead = f"{team.lead[:1].upper()}{team.lead[1:]}"
            in_meetings = [m for m in meetings if norm(team.lead) in norm(m["name"])]
            for cluster_id, (name, statements) in self.clusters.items():
                cluster_lines = {s.line for s in statements}
                body = self.bodies.setdefault(
                    f"{norm(team.team)}:{cluster_id}",
                    {
                        "id": make_id(
                            self.prefix, f"body-{slug(team.team)}-{cluster_id.rsplit('/cluster-', 1)[-1]}"
                        ),
                        "name": f"{team.team[:1].upper()}{team.team[1:]} {name}",
                        "kind": body_kind(team.team).value,
                        "cooperation": self.coop,
                        "cluster": cluster_id,
                        LINES: set(),
                    },
                )
                body[LINES].update(team_lines | cluster_lines)
                data = self.post(f"{lead} {name}", team.line)
                data[LINES].update(team_lines | cluster_lines)
                self.duty(data, wk.Role.LEAD, body["id"])
                for meeting in in_meetings:
                    self.duty(data, wk.Role.MEMBER, meeting["id"])
                    meeting_name = meeting["name"]
                    data["note"] = (
                        f"Leads the cluster's {team.team}; a member of the {meeting_name}, as its name says."
                    )

    def seats(self, fact: BodyFact) -> None:
        """One member post for each cluster or partner the body's members are said to represent."""
        if not fact.represents:
            return
        body = self.bodies[norm(fact.name) or fact.name]
        represented: list[tuple[str, str]] = []  # (id, name as a post names it)
        for kind in fact.represents:
            if kind == "cluster":
                represented += [(cid, f"cluster {name}") for cid, (name, _) in self.clusters.items()]
            else:
                wanted = _REPRESENTED.get(kind)
                represented += [(p.id, p.name) for p in self.partners if wanted is None or p.kind is wanted]
        represented = list(dict.fromkeys(represented))
        if fact.seats is not None and fact.seats != len(represented):
            whom = ", ".join(_REPRESENTED_WORDS[kind] for kind in fact.represents)
            self.out.warn(
                fact.line,
                "seats",
                f"the page gives the {body['name'].lower()} {fact.seats} members representing {whom}, "
                f"but names {len(represented)} of those: {quote(fact.sentence)}",
            )
        seats = fact.seats if fact.seats is not None else "stated"
        for represented_id, name in represented:
            data = self.post(
                f"Lid {body['name'].lower()} namens {name}",
                fact.line,
                make_id(self.prefix, f"seat-{slug(body['name'])}-{represented_id.rsplit('/', 1)[-1]}"),
            )
            self.duty(data, wk.Role.MEMBER, body["id"])
            data["represents"] = represented_id
            data["note"] = (
                f"One of the {seats} seats: the page names the total and whom the members represent; "
                "one seat each is read from that."
            )

    # -- people -----------------------------------------------------------------------------------

    def people(self) -> None:
        persons: dict[str, dict[str, Any]] = {}
        tenures: dict[str, dict[str, Any]] = {}
        for person in self.facts.persons:
            post = self.post(person.post, person.line)
            if person.role is not None and person.body is not None:
                self.duty(post, person.role, self.body_id(person.body))
            person_id = make_id(self.prefix, "person-" + slug(person.name))
            persons.setdefault(person_id, {"id": person_id, "name": person.name, LINES: set()})
            persons[person_id][LINES].add(person.line)
            tenure_id = make_id(person_id, post["id"], joiner="@")
            tenures.setdefault(
                tenure_id, {"id": tenure_id, "holder": person_id, "post": post["id"], LINES: set()}
            )
            tenures[tenure_id][LINES].add(person.line)
        for data in persons.values():
            self.out.emit_with_lines("person", data)
        for data in tenures.values():
            self.out.emit_with_lines("tenure", data)
