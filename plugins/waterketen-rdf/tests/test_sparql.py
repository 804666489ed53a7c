"""SPARQL on the Turtle export answers five questions as the Python API does.

"On a day" means *surely* on that day, as in the API: a bound known only to
the year or month, or to a range of days, or not known at all, counts only
when every day it may denote settles the question. :func:`during` writes
that rule once in SPARQL over OWL-Time, for any property path to an interval.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rdflib import Graph

import waterketen as wk


PREFIXES = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX adms: <http://www.w3.org/ns/adms#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX wkv: <urn:waterketen:vocab#>
"""


def _begun(bound: str, day: date) -> str:
    """SPARQL: the instant ``bound`` surely lies on or before ``day``."""
    after = day + timedelta(days=1)  # a year or month is surely over when the next day is in a later one
    return f"""
        {{ {bound} time:inXSDDate ?d_{bound[1:]} FILTER (?d_{bound[1:]} <= "{day}"^^xsd:date) }}
        UNION {{ {bound} time:inXSDgYear ?y_{bound[1:]} FILTER (STR(?y_{bound[1:]}) < "{after.year:04d}") }}
        UNION {{ {bound} time:inXSDgYearMonth ?m_{bound[1:]}
                 FILTER (STR(?m_{bound[1:]}) < "{after.year:04d}-{after.month:02d}") }}"""


def _after(bound: str, day: date) -> str:
    """SPARQL: the instant ``bound`` surely lies after ``day``."""
    return f"""
        {{ {bound} time:inXSDDate ?d_{bound[1:]} FILTER (?d_{bound[1:]} > "{day}"^^xsd:date) }}
        UNION {{ {bound} time:inXSDgYear ?y_{bound[1:]} FILTER (STR(?y_{bound[1:]}) > "{day.year:04d}") }}
        UNION {{ {bound} time:inXSDgYearMonth ?m_{bound[1:]}
                 FILTER (STR(?m_{bound[1:]}) > "{day.year:04d}-{day.month:02d}") }}"""


def during(subject: str, path: str, day: date, name: str) -> str:
    """SPARQL: ``subject`` surely holds on ``day`` through ``path`` to its interval (open bounds hold)."""
    b, e, lb, ee = f"?b{name}", f"?e{name}", f"?lb{name}", f"?ee{name}"
    return f"""
    FILTER NOT EXISTS {{
        {subject} {path}/time:hasBeginning {b} .
        FILTER NOT EXISTS {{ {{ {_begun(b, day)} }}
            UNION {{ {b} wkv:notAfter {lb} . {_begun(lb, day)} }} }}
    }}
    FILTER NOT EXISTS {{
        {subject} {path}/time:hasEnd {e} .
        FILTER NOT EXISTS {{ {{ {_after(e, day)} }}
            UNION {{ {e} wkv:notBefore {ee} . {_after(ee, day)} }} }}
    }}"""


def ids(graph: Graph, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple(str(value) for value in row) for row in graph.query(PREFIXES + query))


DAYS = [date(2016, 1, 1), date(2018, 6, 1), date(2019, 1, 1), date(2021, 6, 1)]


class TestSparql:
    @pytest.mark.parametrize("day", DAYS, ids=str)
    def test_partners_on_a_day(self, turtle: Graph, net: wk.Network, day: date) -> None:
        """The partners on a day: organisations surely members of the cooperation, and alive, that day."""
        query = f"""
        SELECT DISTINCT ?id WHERE {{
            ?coop a org:OrganizationalCollaboration .
            ?m a org:Membership ; org:organization ?coop ; org:member ?o .
            ?o a org:FormalOrganization ; dct:identifier ?id .
            {during("?m", "org:memberDuring", day, "m")}
            {during("?o", "time:hasTime", day, "o")}
        }}"""
        assert ids(turtle, query) == sorted((o.id,) for o in net.partners(on=day))

    def test_clusters_and_their_members(self, turtle: Graph, net: wk.Network) -> None:
        """The clusters on 2016-01-01, and the members of each (the 27 municipalities in 7 clusters)."""
        day = date(2016, 1, 1)
        query = f"""
        SELECT ?cluster ?member WHERE {{
            ?c a wkv:Cluster ; dct:identifier ?cluster ; org:unitOf ?coop .
            ?m org:organization ?c ; org:member ?o .
            ?o dct:identifier ?member .
            {during("?c", "time:hasTime", day, "c")}
            {during("?m", "org:memberDuring", day, "m")}
            {during("?o", "time:hasTime", day, "o")}
        }}"""
        expected = sorted((c.id, m.id) for c in net.clusters(on=day) for m in net.members(c.id, on=day))
        assert ids(turtle, query) == expected
        assert len({cluster for cluster, _ in expected}) == 7
        assert len(expected) == 27  # the 27 municipalities; water boards and companies are in none

    def test_successors_of_a_municipality(self, turtle: Graph, net: wk.Network) -> None:
        """Winsum's successors by 2019-01-01, each in part: the changes surely made by that day."""
        day = date(2019, 1, 1)
        query = f"""
        SELECT DISTINCT ?successor ?partial WHERE {{
            ?change a org:ChangeEvent ; org:originalOrganization ?w ;
                wkv:before [ wkv:organisation ?w ; wkv:partial ?p1 ] ;
                wkv:after [ wkv:organisation ?s ; wkv:partial ?p2 ] ;
                time:hasTime ?when .
            ?w dct:identifier "winsum" .
            ?s dct:identifier ?successor .
            FILTER (?s != ?w)
            {{ {_begun("?when", day)} }}
            BIND (IF(?p1 || ?p2, "true", "false") AS ?partial)
        }}"""
        expected = sorted(
            (s.organisation.id, str(s.partial).lower()) for s in net.successors("winsum", on=day)
        )
        assert expected == [("het-hogeland", "true"), ("westerkwartier", "true")]
        assert ids(turtle, query) == expected

    @pytest.mark.parametrize("day", [None, date(2016, 1, 1), date(2021, 6, 1)], ids=str)
    def test_holders_of_a_post(self, turtle: Graph, net: wk.Network, day: date | None) -> None:
        """Who holds the waterregisseur post: over all time, and surely on a day."""
        sure = "" if day is None else during("?t", "time:hasTime", day, "t")
        query = f"""
        SELECT DISTINCT ?holder WHERE {{
            ?post a org:Post ; dct:identifier "gnd-waterregisseur" ; org:heldBy ?h .
            ?t wkv:post ?post ; wkv:holder ?h .
            ?h dct:identifier ?holder .
            {sure}
        }}"""
        assert ids(turtle, query) == sorted((h.id,) for h in net.holders("gnd-waterregisseur", on=day))

    def test_organisations_with_a_cbs_code(self, turtle: Graph, net: wk.Network) -> None:
        """GM0014 is two organisations in time; on a day, one."""
        query = """
        SELECT DISTINCT ?id WHERE {
            ?o adms:identifier [ adms:schemeAgency "cbs" ; skos:notation "GM0014" ] ; dct:identifier ?id .
        }"""
        expected = sorted((o.id,) for o in net.entities(wk.Organisation) if o.identifier("cbs") == "GM0014")
        assert ids(turtle, query) == expected == [("groningen",), ("groningen-2019",)]
        for day in (date(2018, 12, 31), date(2019, 1, 1)):
            on_day = f"""
            SELECT ?id WHERE {{
                ?o org:identifier ?code ; dct:identifier ?id .
                FILTER (STR(?code) = "GM0014" && DATATYPE(?code) = <urn:waterketen:scheme:cbs>)
                {during("?o", "time:hasTime", day, "o")}
            }}"""
            found = net.lookup("cbs", "GM0014", on=day)
            assert found is not None
            assert ids(turtle, on_day) == [(found.id,)]
