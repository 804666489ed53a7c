"""Frames: the tables of a network as typed pandas DataFrames."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import waterketen as wk
from waterketen.frames import FRAMES, UnknownFrameError, to_frame, valid_on
from waterketen.testing import networks


pd = pytest.importorskip("pandas")

DAY = "2016-01-01"


def ts(text: str) -> Any:
    return pd.Timestamp(text)


class TestPartners:
    def test_seed_picture(self, net: wk.Network) -> None:
        """On the seed's day the frame has the 31 partners, by kind, with their clusters and codes."""
        frame = to_frame(net, "partners", on=DAY)
        assert len(frame) == 31
        assert frame.index.name == "id"
        assert frame.index.is_unique
        assert frame["kind"].value_counts().to_dict() == {
            "municipality": 27,
            "water-board": 2,
            "water-company": 2,
            "province": 0,
            "other": 0,
        }
        assert frame.loc["bedum", "cluster"] == "gnd-bmwe"
        assert frame.loc["bedum", "cluster_name"] == "BMWE"
        assert frame.loc["bedum", "cbs"] == "GM0005"
        assert frame.loc["noorderzijlvest", "kadaster-bgt"] == "W0647"
        assert pd.isna(frame.loc["noorderzijlvest", "cluster"])
        assert bool(frame.loc["noorderzijlvest", "cluster_known"])

    def test_dtypes(self, net: wk.Network) -> None:
        """Texts are strings, kinds categories with every enum value, dates datetime64[s], flags bool."""
        frame = to_frame(net, "partners", on=DAY)
        assert str(frame.index.dtype) == "string"
        assert str(frame["name"].dtype) == "string"
        assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
        assert list(frame["kind"].cat.categories) == [k.value for k in wk.OrgKind]
        assert str(frame["start_earliest"].dtype) == "datetime64[s]"
        assert str(frame["cluster_known"].dtype) == "bool"

    def test_unknown_cluster(self, net: wk.Network) -> None:
        """In 2021 the data cannot say most partners' clusters: cluster_known is False there."""
        frame = to_frame(net, "partners", on="2021-06-01")
        assert len(frame) == 18
        assert frame.loc["groningen-2019", "cluster"] == "gnd-waterpas"
        assert not frame.loc["westerkwartier", "cluster_known"]
        assert pd.isna(frame.loc["westerkwartier", "cluster"])

    def test_all_time(self, net: wk.Network) -> None:
        """Over all time every partner ever is a row; one that changed cluster has no single cluster."""
        frame = to_frame(net, "partners")
        assert len(frame) == len(net.partners())
        assert not frame.loc["groningen-2019", "cluster_known"]
        assert frame.loc["bedum", "cluster"] == "gnd-bmwe"

    def test_scheme_named_like_a_column(self) -> None:
        """An identifier scheme named like a fixed column gets its own prefixed column."""
        network = wk.Network(
            [
                wk.Cooperation(id="c", name="C"),
                wk.Organisation(
                    id="o",
                    name="O",
                    kind=wk.OrgKind.OTHER,
                    identifiers=(
                        wk.Identifier(scheme="name", value="x"),
                        wk.Identifier(scheme="kvk", value="1"),
                    ),
                ),
                wk.Membership(id="m", member="o", group="c"),
            ]
        )
        frame = to_frame(network, "partners")
        assert frame.loc["o", "name"] == "O"
        assert frame.loc["o", "identifier.name"] == "x"
        assert frame.loc["o", "kvk"] == "1"

    def test_several_cooperations(self) -> None:
        """A table of one cooperation needs its id when the network has several."""
        network = wk.Network([wk.Cooperation(id="a", name="A"), wk.Cooperation(id="b", name="B")])
        with pytest.raises(wk.AmbiguityError):
            to_frame(network, "partners")
        assert len(to_frame(network, "partners", cooperation="a")) == 0
        assert len(to_frame(network, "memberships")) == 0


class TestDates:
    def test_partial_date(self, net: wk.Network) -> None:
        """A bound "no later than a year" keeps its text; its earliest day is open, its latest the last."""
        frame = to_frame(net, "memberships")
        row = frame.loc["bedum@groningen-noord-drenthe"]
        assert row["start"] == "..2014"
        assert pd.isna(row["start_earliest"])
        assert row["start_latest"] == ts("2014-12-31")
        assert (row["end"], row["end_earliest"], row["end_latest"]) == (
            "2019-01-01",
            ts("2019-01-01"),
            ts("2019-01-01"),
        )

    def test_range_and_unknown(self, net: wk.Network) -> None:
        """A range has one open side (NaT); unknown and open bounds have no days, told apart by the text."""
        posts = to_frame(net, "posts")
        assert posts.loc["gnd-regiegroep-noorderzijlvest", "end"] == "2017-01-01.."
        assert posts.loc["gnd-regiegroep-noorderzijlvest", "end_earliest"] == ts("2017-01-01")
        assert pd.isna(posts.loc["gnd-regiegroep-noorderzijlvest", "end_latest"])
        bodies = to_frame(net, "bodies")
        assert posts.loc["gnd-voorzitter-regiegroep", "start"] == "unknown"
        assert pd.isna(posts.loc["gnd-voorzitter-regiegroep", "start_earliest"])
        assert bodies.loc["gnd-rmg", "start"] == "..2021-09-15"
        assert pd.isna(bodies.loc["gnd-stuurgroep", "end"])
        assert pd.isna(bodies.loc["gnd-stuurgroep", "end_latest"])

    def test_changes(self, net: wk.Network) -> None:
        """Change events have their kind, date, parts (partial ones marked) and a one-line summary."""
        frame = to_frame(net, "changes")
        assert len(frame) == 8
        assert len(to_frame(net, "changes", on=DAY)) == 0
        row = frame.loc["gnd-herindeling-het-hogeland-2019"]
        assert row["kind"] == "merger"
        assert row["date_earliest"] == ts("2019-01-01")
        assert row["before"] == "bedum; de-marne; eemsmond; winsum (part)"
        assert row["summary"] == "merger: Bedum, De Marne, Eemsmond, Winsum (part) → Het Hogeland"
        assert frame.loc["gnd-reorganisatie-2020", "date_latest"] == ts("2020-12-31")


class TestOtherFrames:
    def test_clusters(self, net: wk.Network) -> None:
        """Clusters count their members; an unnamed cluster or one with unlisted members says so."""
        seed = to_frame(net, "clusters", on=DAY)
        assert seed["members"].sum() == 27
        later = to_frame(net, "clusters", on="2021-06-01")
        assert later.loc["gnd-waterpas", "members"] == 1
        assert pd.isna(later.loc["gnd-cluster-2020-3", "name"])
        assert pd.isna(later.loc["gnd-oost-groningen", "members"])
        assert str(later["members"].dtype) == "Int64"

    def test_bodies_posts_tenures(self, net: wk.Network) -> None:
        """Bodies count posts; posts list duties, whom they represent and who holds them."""
        bodies = to_frame(net, "bodies", on=DAY)
        assert bodies.loc["gnd-regiegroep", "seats"] == 11
        posts = to_frame(net, "posts", on="2021-06-01")
        assert posts.loc["gnd-waterregisseur", "holder_names"] == "Wessel Rothstegge"
        assert posts.loc["gnd-waterregisseur", "duties"] == (
            "member gnd-clustercoordinatorenoverleg; secretary gnd-stuurgroep"
        )
        seats = to_frame(net, "posts", on=DAY)
        assert seats.loc["gnd-regiegroep-wmd", "represents_name"] == "Waterleidingmaatschappij Drenthe"
        tenures = to_frame(net, "tenures")
        assert set(tenures["holder_tag"]) == {"person"}

    def test_memberships(self, net: wk.Network) -> None:
        """On the seed's day: 31 partnerships and 27 cluster memberships."""
        frame = to_frame(net, "memberships", on=DAY)
        assert frame["group_tag"].value_counts()[["cooperation", "cluster"]].tolist() == [31, 27]


class TestCalling:
    def test_snapshot_and_method(self, net: wk.Network) -> None:
        """A snapshot's frame and the Network method give the same frame as to_frame with on=."""
        expected = to_frame(net, "clusters", on=DAY)
        pd.testing.assert_frame_equal(to_frame(net.at(DAY), "clusters"), expected)
        pd.testing.assert_frame_equal(net.to_frame("clusters", on=DAY), expected)
        pd.testing.assert_frame_equal(net.at(DAY).to_frame("clusters"), expected)

    def test_frames_of_days_concatenate(self, net: wk.Network) -> None:
        """Frames of different days keep their category dtype when concatenated."""
        days = ("2016-01-01", "2021-06-01")
        frames = [to_frame(net, "partners", on=d).assign(day=pd.Timestamp(d)) for d in days]
        both = pd.concat(frames)
        assert isinstance(both["kind"].dtype, pd.CategoricalDtype)
        assert both.groupby("day").size().tolist() == [31, 18]

    def test_unknown_frame(self, net: wk.Network) -> None:
        """Asking for a table that does not exist is a WaterketenError naming the choices."""
        with pytest.raises(UnknownFrameError, match="expected one of partners, clusters") as info:
            to_frame(net, "municipalities")
        assert isinstance(info.value, wk.WaterketenError)
        assert isinstance(info.value, ValueError)

    def test_snapshot_with_day(self, net: wk.Network) -> None:
        """A snapshot already has a day: giving another is an error."""
        with pytest.raises(UnknownFrameError, match="already has its day"):
            to_frame(net.at(DAY), "partners", on="2017-01-01")

    def test_without_pandas(self) -> None:
        """Without pandas, to_frame says which extra to install, as a WaterketenError and ImportError."""
        code = (
            "import sys; sys.modules['pandas'] = None\n"
            "import waterketen as wk\n"
            "try:\n    wk.load().to_frame('partners')\n"
            "except wk.WaterketenError as e:\n    print(isinstance(e, ImportError), e)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == (
            "True to_frame needs pandas, which is not installed; "
            "install it with: pip install 'waterketen[analysis]'"
        )

    def test_modules_are_lean(self) -> None:
        """Importing the frames and draw modules imports neither pandas nor matplotlib."""
        code = "import waterketen.frames, waterketen.draw, sys; print(' '.join(sys.modules))"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        loaded = {m.split(".")[0] for m in result.stdout.split()}
        assert not loaded & {"pandas", "matplotlib", "numpy"}


class TestProperties:
    @given(networks(), st.dates(date(1900, 1, 1), date(2100, 1, 1)))
    @settings(max_examples=30)
    def test_frames_match_queries(self, network: wk.Network, day: date) -> None:
        """Every frame builds for any network and day, one row per entity the query returns."""
        counts = {
            "partners": len(network.partners(on=day)),
            "clusters": len(network.clusters(on=day)),
            "bodies": len(network.bodies(on=day)),
            "posts": len(network.posts(on=day)),
            "tenures": len(network.entities(wk.Tenure, on=day)),
            "memberships": len(network.entities(wk.Membership, on=day)),
            "changes": len(network.changes(on=day)),
        }
        for what in FRAMES:
            frame = to_frame(network, what, on=day)
            assert len(frame) == counts[what], what
            assert frame.index.is_unique

    @given(networks(), st.dates(date(1900, 1, 1), date(2100, 1, 1)))
    @settings(max_examples=30)
    def test_valid_on_matches_queries(self, network: wk.Network, day: date) -> None:
        """valid_on over an all-time frame picks exactly the rows the network counts on that day."""
        for what, kind in (("memberships", wk.Membership), ("tenures", wk.Tenure)):
            frame = to_frame(network, what)
            chosen = set(frame.index[valid_on(frame, day)])
            assert chosen == {e.id for e in network.entities(kind, on=day)}

    @given(networks())
    def test_bounds_round_trip(self, network: wk.Network) -> None:
        """The text of every bound reads back as the bound; earliest is never after latest."""
        frame = to_frame(network, "memberships")
        for membership in network.entities(wk.Membership):
            row = frame.loc[membership.id]
            for side, bound in (("start", membership.period.start), ("end", membership.period.end)):
                text = row[side]
                assert (bound is None) == pd.isna(text)
                if bound is not None:
                    assert wk.model.parse_bound(text) == bound
                earliest, latest = row[f"{side}_earliest"], row[f"{side}_latest"]
                if not pd.isna(earliest) and not pd.isna(latest):
                    assert earliest <= latest
