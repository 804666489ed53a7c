"""Rich display: short plain reprs and escaped HTML summaries for notebooks."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

import waterketen as wk
from waterketen.testing import networks


VOID = {"br", "hr", "img", "meta", "link", "input", "col", "wbr"}


class _Balance(HTMLParser):
    """Checks that every tag that is opened is closed, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Balance:
    parser = _Balance()
    parser.feed(html)
    parser.close()
    assert not parser.errors, parser.errors
    assert not parser.stack, parser.stack
    return parser


def hostile() -> wk.Network:
    """A small network whose names are HTML."""
    return wk.Network(
        [
            wk.Cooperation(id="c", name="<b>A & B</b>"),
            wk.Organisation(id="o", name="<script>alert(1)</script>", kind=wk.OrgKind.MUNICIPALITY),
            wk.Cluster(id="k", name='"quoted" <i>', cooperation="c"),
            wk.Membership(id="m1", member="o", group="c"),
            wk.Membership(id="m2", member="o", group="k"),
            wk.Body(id="b", name="<table>", kind=wk.BodyKind.STEERING_GROUP, cooperation="c"),
            wk.Post(
                id="p",
                name="</td>chair",
                cooperation="c",
                duties=(wk.model.Duty(role=wk.Role.CHAIR, body="b"),),
                represents="o",
            ),
        ]
    )


class TestPlainRepr:
    def test_network(self, net: wk.Network) -> None:
        """The network's repr counts each kind of entity, in plural where it must."""
        text = repr(net)
        assert text.startswith("<Network: 1 cooperation, 37 organisations, 12 clusters, 16 bodies,")
        assert repr(wk.Network()) == "<Network: empty>"

    def test_snapshot_and_diff(self, net: wk.Network) -> None:
        """A snapshot and a diff say what they hold in one line."""
        assert repr(net.at("2016-01-01")).startswith(
            "<Snapshot on 2016-01-01: 31 partners, 7 clusters, 9 bodies"
        )
        assert repr(net.diff("2017-06-01", "2021-06-01")) == (
            "<Diff 2017-06-01 → 2021-06-01: 31 → 18 partners: 6 mergers, 1 reorganisation; "
            "30 added, 87 removed>"
        )

    def test_entities(self, net: wk.Network) -> None:
        """An organisation and a cluster show their id, name, kind or what is unknown, and period."""
        expected = "<Organisation bedum: Bedum, municipality, cbs:GM0005, [..2010-01-01, 2019-01-01)>"
        assert repr(net["bedum"]) == expected
        assert repr(net["gnd-bmwe"]) == "<Cluster gnd-bmwe: BMWE, [..2014, 2020)>"
        assert "(name unknown), members not all known" in repr(net["gnd-cluster-2020-4"])


class TestHtml:
    def test_network(self, net: wk.Network) -> None:
        """The network's HTML names the cooperation, the counts, the history and the load."""
        text = " ".join(parse(net._repr_html_()).text)
        assert "Groningen & Noord-Drenthe" in text
        assert "8 change events, 2017-01-01 to 2021-01-01" in text
        assert "0 rejected" in text

    def test_snapshot(self, net: wk.Network) -> None:
        """The snapshot's HTML lists the partners by kind, the clusters with members and the bodies."""
        text = " ".join(parse(net.at("2016-01-01")._repr_html_()).text)
        assert "31 partners: 27 municipalities, 2 water boards, 2 drinking-water companies" in text
        assert "Delfzijl, Appingedam, Loppersum" in text
        assert "11 seats stated, 11 member posts" in text
        assert "7 uncertain on this day" in text

    def test_snapshot_unknowns(self, net: wk.Network) -> None:
        """In 2021 the HTML says which cluster names and members are not known."""
        text = " ".join(parse(net.at("2021-06-01")._repr_html_()).text)
        assert "(name unknown)" in text
        assert "not known" in text
        assert "Waterregisseur (Wessel Rothstegge)" in text

    def test_diff_and_entities(self, net: wk.Network) -> None:
        """A diff lists its change events; an organisation and a cluster show codes, period, sources."""
        diff = " ".join(parse(net.diff("2017-06-01", "2021-06-01")._repr_html_()).text)
        assert "merger: Appingedam, Delfzijl, Loppersum → Eemsdelta" in diff
        org = " ".join(parse(net["bedum"]._repr_html_()).text)
        assert "cbs:GM0005" in org
        assert "until 2019-01-01 (exclusive)" in org
        cluster = " ".join(parse(net["gnd-cluster-2020-3"]._repr_html_()).text)
        assert "Cluster (name unknown)" in cluster

    def test_escaped(self) -> None:
        """Every text from the data is escaped: no tag of the data reaches the HTML."""
        network = hostile()
        pages = [
            network._repr_html_(),
            network.at(date(2020, 1, 1))._repr_html_(),
            network["o"]._repr_html_(),
            network["k"]._repr_html_(),
        ]
        for page in pages:
            assert "<script>" not in page
            assert "<b>A" not in page
            assert "<i>" not in page
            parse(page)
        snapshot = " ".join(parse(pages[1]).text)
        assert "<script>alert(1)</script>" in snapshot  # shown as text, whole
        assert '"quoted" <i>' in snapshot


class TestProperties:
    @given(networks(), st.dates(date(1900, 1, 1), date(2100, 1, 1)))
    @settings(max_examples=30)
    def test_any_network(self, network: wk.Network, day: date) -> None:
        """Any network, on any day, has balanced HTML and one-line reprs."""
        parse(network._repr_html_())
        parse(network.at(day)._repr_html_())
        for text in (repr(network), repr(network.at(day))):
            assert "\n" not in text
        for entity in network.entities(wk.Organisation) + network.entities(wk.Cluster):
            parse(entity._repr_html_())
            assert "\n" not in repr(entity)
