"""The answers behind the command, asked from Python (the command's API parity)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given

import waterketen as wk
from waterketen import answers
from waterketen.testing import networks


ON = "2016-01-01"


class TestAnswer:
    def test_json_shape(self, net: wk.Network) -> None:
        """The JSON form has command, at, columns and rows with every column, lists as arrays."""
        document = answers.partners(net, on=ON, cluster="gnd-dal").to_json()
        assert list(document) == ["command", "at", "columns", "rows"]
        assert (document["command"], document["at"]) == ("partners", ON)
        assert document["rows"][0] == {
            "id": "delfzijl",
            "name": "Delfzijl",
            "kind": "municipality",
            "identifiers": ["cbs:GM0010"],
            "clusters": ["gnd-dal"],
            "start": "..2010-01-01",
            "end": "2021-01-01",
        }
        assert json.loads(answers.partners(net).dumps())["at"] is None

    def test_csv_and_table(self, net: wk.Network) -> None:
        """CSV joins lists with semicolons and leaves nothing empty; the table aligns columns."""
        answer = answers.clusters(net, on=ON)
        rows = list(csv.reader(io.StringIO(answer.render("csv"))))
        assert rows[0] == list(answer.columns)
        assert rows[1] == [
            "gnd-dal",
            "DAL",
            "groningen-noord-drenthe",
            "true",
            "delfzijl;appingedam;loppersum",
            "..2014",
            "2020",
        ]
        table = answer.render("table").splitlines()
        assert table[1].index("DAL") == table[0].index("name")
        assert "yes" in table[1]
        with pytest.raises(ValueError, match="expected a format of table, json, csv"):
            answer.render("xml")

    @given(networks())
    def test_every_row_has_every_column(self, network: wk.Network) -> None:
        """Rows of any network's answers have one cell per column, and their JSON is JSON."""
        for answer in (
            answers.partners(network),
            answers.clusters(network),
            answers.bodies(network),
            answers.posts(network),
            answers.members(network, network.cooperation().id),
        ):
            assert all(len(row) == len(answer.columns) for row in answer.rows)
            assert json.loads(answer.dumps()) == answer.to_json()
            assert len(list(csv.reader(io.StringIO(answer.to_csv())))) == len(answer) + 1


class TestQuestions:
    def test_partners(self, net: wk.Network) -> None:
        """The seed's 31 partners, by kind and by cluster."""
        assert len(answers.partners(net, on=ON)) == 31
        boards = answers.partners(net, on=ON, kind=wk.OrgKind.WATER_BOARD).records()
        assert [r["id"] for r in boards] == ["noorderzijlvest", "hunze-en-aas"]
        ght = answers.partners(net, on=ON, cluster="Cluster GHT").records()
        assert [r["name"] for r in ght] == ["Groningen", "Haren", "Ten Boer"]
        with pytest.raises(ValueError, match="expected a kind of municipality"):
            answers.partners(net, kind="gemeentee")

    def test_clusters(self, net: wk.Network) -> None:
        """The seven clusters with their members."""
        rows = answers.clusters(net, on=ON).records()
        assert [len(r["members"]) for r in rows] == [3, 4, 4, 3, 5, 4, 4]  # type: ignore[arg-type]

    def test_cluster_of(self, net: wk.Network) -> None:
        """Known, unknown and none, as cluster_of says."""
        assert answers.cluster_of(net, "bedum", on=ON).records()[0]["cluster_name"] == "BMWE"
        assert answers.cluster_of(net, "bedum", on="2014-06-01").records()[0]["status"] == "unknown"
        row = answers.cluster_of(net, "wmd", on=ON).records()[0]
        assert (row["status"], row["cluster"]) == ("none", None)

    def test_members_have_their_membership(self, net: wk.Network) -> None:
        """members gives each member with the membership that makes it one."""
        rows = answers.members(net, "groningen-noord-drenthe", on=ON).records()
        assert len(rows) == 31
        assert rows[0]["membership"] == "delfzijl@groningen-noord-drenthe"
        assert rows[0]["start"] == "..2014"

    def test_bodies_posts_seats(self, net: wk.Network) -> None:
        """The regiegroep: 11 seats stated, 11 member posts, a secretary."""
        regiegroep = answers.bodies(net, on=ON).records()[0]
        assert (regiegroep["id"], regiegroep["seats"]) == ("gnd-regiegroep", 11)
        seats = answers.seats(net, "Regiegroep", on=ON).records()
        assert [s["role"] for s in seats].count("member") == 11
        assert seats[0]["post"] == "gnd-waterregisseur"
        posts = answers.posts(net, "gnd-regiegroep", on=ON)
        assert len(posts) == 12

    def test_holders(self) -> None:
        """holders gives each tenure of the post on the day."""
        network = wk.Network(
            [
                wk.Cooperation(id="c", name="C"),
                wk.Post(id="p", name="Voorzitter", cooperation="c"),
                wk.Person(id="x", name="Persoon X"),
                wk.Tenure(id="t", holder="x", post="p"),
            ]
        )
        assert answers.holders(network, "Voorzitter").records() == [
            {"id": "x", "tag": "person", "name": "Persoon X", "tenure": "t", "start": None, "end": None}
        ]

    def test_find_and_lookup(self, net: wk.Network) -> None:
        """find matches names loosely; lookup finds by code; nothing found is no rows."""
        assert answers.find(net, "cluster dal").records()[0]["id"] == "gnd-dal"
        assert answers.find(net, "DAL", tag="organisation").rows == ()
        with pytest.raises(ValueError, match="expected a kind of entity"):
            answers.find(net, "DAL", tag="thing")
        assert answers.lookup(net, "cbs", "GM0005", on=ON).records()[0]["id"] == "bedum"
        assert answers.lookup(net, "cbs", "GM9999").rows == ()


class TestResolve:
    def test_ids_and_names(self, net: wk.Network) -> None:
        """An id is taken as it is; a name is found loosely."""
        assert answers.resolve(net, "gnd-dal", wk.Cluster) == "gnd-dal"
        assert answers.resolve(net, "hunze en aas", wk.Organisation) == "hunze-en-aas"

    def test_unknown_and_wrong_kind(self, net: wk.Network) -> None:
        """An unknown name, or an id of another kind, is an UnknownEntityError."""
        with pytest.raises(wk.UnknownEntityError, match="no cluster has the id or name 'Atlantis'"):
            answers.resolve(net, "Atlantis", wk.Cluster)
        with pytest.raises(wk.UnknownEntityError, match="'bedum' is an organisation, not a cluster or body"):
            answers.resolve(net, "bedum", (wk.Cluster, wk.Body))

    def test_ambiguous_name(self) -> None:
        """Two entities of one name: the one valid on the day, or else an AmbiguityError."""
        from datetime import date

        old = wk.Organisation(
            id="stad-oud", name="Stad", kind=wk.OrgKind.MUNICIPALITY, period=wk.Period(end=date(2019, 1, 1))
        )
        new = wk.Organisation(
            id="stad-nieuw",
            name="Stad",
            kind=wk.OrgKind.MUNICIPALITY,
            period=wk.Period(start=date(2019, 1, 1)),
        )
        network = wk.Network([old, new])
        assert answers.resolve(network, "Stad", on="2018-06-01") == "stad-oud"
        with pytest.raises(wk.AmbiguityError, match=r"'Stad' names 2 entities \(stad-oud, stad-nieuw\)"):
            answers.resolve(network, "Stad")


class TestInstallation:
    def test_plugins_sources_writers(self) -> None:
        """The built-in plugin offers its source types and writers."""
        from waterketen.plugins import get_plugin_manager

        pm = get_plugin_manager(entry_points=False)
        plugin, rules = answers.plugins(pm).records()
        assert rules["name"] == "waterketen._rules"
        assert "one-cluster" in rules["checks"]
        assert plugin["source_types"] == (
            "json",
            "jsonl",
            "toml",
            "csvdir",
            "table",
            "embedded",
            "graphml",
            "gexf",
            "node-link",
            "register",
            "regions",
        )
        assert [r["name"] for r in answers.writers(pm).records()] == [
            "json",
            "jsonl",
            "csvdir",
            "graphml",
            "gexf",
            "node-link",
        ]
        assert {r["plugin"] for r in answers.source_types(pm).records()} == {"waterketen._builtins"}

    def test_a_registered_plugin(self) -> None:
        """A plugin's source types are listed under its name."""
        from tests.test_plugins import FakePlugin
        from waterketen.plugins import get_plugin_manager

        pm = get_plugin_manager(entry_points=False)
        pm.register(FakePlugin(), name="fake")
        rows = {r["name"]: r for r in answers.plugins(pm).records()}
        assert rows["fake"]["source_types"] == ("fake",)
        assert rows["fake"]["writers"] == ()
        plugins = [r["plugin"] for r in answers.source_types(pm).records()]
        assert (plugins[0], plugins[-1]) == ("waterketen._builtins", "fake")

    def test_validation(self) -> None:
        """validation lists each problem and adds the counts to the JSON."""
        bad = wk.load(wk.TableSource.from_options("nope.csv", {"name": "Naam"}), strict=False)
        answer = answers.validation(bad.report)  # type: ignore[arg-type]
        assert answer.extra["ok"] is False
        assert answer.records()[0]["reason"].startswith("cannot read the file")  # type: ignore[union-attr]
