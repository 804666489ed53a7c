"""Each question answered once (issue 13, item 5): the command, the frames, the notebook and the text agree.

The command's ``--format json`` rows, the frame of the same question, the
rows of the notebook's snapshot and the lines of the terminal summary are
compared question by question, on days before and after the reorganisation.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import waterketen as wk
from waterketen import answers
from waterketen._labels import count_of_kind, member_count, seat_label
from waterketen._render import summary
from waterketen.frames import to_frame

from .test_cli import run


pd = pytest.importorskip("pandas")

DAYS = ("2016-01-01", "2021-06-01")


class _Tables(HTMLParser):
    """The rows of every table in an HTML text, each a list of its cells' text, and the other text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        self.text.append(data)


def _display(net: wk.Network, day: str) -> _Tables:
    parser = _Tables()
    parser.feed(net.at(day)._repr_html_())
    return parser


def _command(net: wk.Network, *args: str) -> list[dict[str, Any]]:
    """The rows of ``waterketen ARGS --format json``, checked to be those of the Python answer too."""
    done = run(*args, "--format", "json")
    assert done.returncode == 0, done.stderr
    rows: list[dict[str, Any]] = json.loads(done.stdout)["rows"]
    return rows


@pytest.fixture(scope="module", params=DAYS)
def day(request: pytest.FixtureRequest) -> str:
    """A day before and a day after the reorganisation of 2020."""
    return str(request.param)


class TestPartners:
    def test_command_frame_display_and_text_agree(self, net: wk.Network, day: str) -> None:
        """The partners, their kinds and their clusters are the same in all four."""
        rows = _command(net, "partners", "--at", day)
        assert rows == answers.partners(net, on=day).to_json()["rows"]
        frame = to_frame(net, "partners", on=day)
        assert [r["id"] for r in rows] == list(frame.index)
        assert [r["kind"] for r in rows] == list(frame["kind"].astype(str))
        for row in rows:
            cluster = frame.loc[row["id"], "cluster"]
            if frame.loc[row["id"], "cluster_known"] and not pd.isna(cluster):
                assert row["clusters"] == [cluster]
        counts = Counter(wk.OrgKind(r["kind"]) for r in rows)
        words = ", ".join(count_of_kind(counts[k], k) for k in wk.OrgKind if counts[k])
        assert f"{len(rows)} partners: {words}" in " ".join(_display(net, day).text)
        text = summary(net, date.fromisoformat(day))
        assert f"Partners ({len(rows)}): " in text
        for kind in counts:
            assert count_of_kind(counts[kind], kind) in text.split("\n\n")[1]


class TestClusters:
    def test_command_frame_display_and_text_agree(self, net: wk.Network, day: str) -> None:
        """Each cluster has the same members (and the same count) in all four."""
        rows = _command(net, "clusters", "--at", day)
        assert rows == answers.clusters(net, on=day).to_json()["rows"]
        frame = to_frame(net, "clusters", on=day)
        assert [r["id"] for r in rows] == list(frame.index)
        for row in rows:
            expected = len(row["members"]) if row["members_known"] else None
            found = frame.loc[row["id"], "members"]
            assert (None if pd.isna(found) else int(found)) == expected
        shown = [cells for cells in _display(net, day).rows if len(cells) == 3 and cells[0] != "cluster"]
        assert [(cells[0], int(cells[1])) for cells in shown] == [
            (r["name"] or "(name unknown)", len(r["members"])) for r in rows
        ]
        text = summary(net, date.fromisoformat(day))
        for row in rows:
            names = [net[m].name for m in row["members"]]
            line = next(
                ln for ln in text.splitlines() if ln.startswith(f"  {row['name'] or '(name unknown)'} ")
            )
            assert all(name in text for name in names)
            if not names:
                assert "(members unknown)" in line


class TestBodiesAndSeats:
    def test_command_frame_and_display_agree_on_bodies(self, net: wk.Network, day: str) -> None:
        """The bodies of the day, and the count of their posts, agree."""
        rows = _command(net, "bodies", "--at", day)
        assert rows == answers.bodies(net, on=day).to_json()["rows"]
        frame = to_frame(net, "bodies", on=day)
        assert [r["id"] for r in rows] == list(frame.index)
        assert [r["seats"] for r in rows] == [None if pd.isna(s) else int(s) for s in frame["seats"]]
        for row in rows:
            posts = answers.posts(net, row["id"], on=day)
            assert len(posts) == frame.loc[row["id"], "posts"]
        shown = [cells[0] for cells in _display(net, day).rows if len(cells) == 2 and cells[0] != "body"]
        assert shown == [r["name"] for r in rows if r["cluster"] is None]

    def test_seats_agree(self, net: wk.Network, day: str) -> None:
        """The seats of each body that is not a water team read the same in the command, notebook and text."""
        text = summary(net, date.fromisoformat(day)).splitlines()
        shown = {cells[0]: cells[1] for cells in _display(net, day).rows if len(cells) == 2}
        for body in net.bodies(on=day):
            if body.cluster is not None:
                continue
            seats = _command(net, "seats", body.id, "--at", day)
            assert seats == answers.seats(net, body.id, on=day).to_json()["rows"]
            members = [s for s in seats if s["role"] == "member"]
            words = member_count(len(members), body.seats)
            assert f"  {body.name} ({words})" in text
            assert shown[body.name].startswith(words)
            for seat in seats:
                label = seat_label(seat["post_name"], seat["represents_name"])
                held = f": {', '.join(seat['holder_names'])}" if seat["holder_names"] else ""
                line = f"    {seat['role']:<9} {label}{held}"
                # the text may add that a holding rests on its open end ("still so at the latest source")
                assert any(t == line or t.startswith(f"{line}, still so at the latest source") for t in text)
                if seat["role"] != "member":
                    assert f"{seat['role']}: {seat['post_name']}" in shown[body.name]


class TestPosts:
    def test_command_and_frame_agree(self, net: wk.Network, day: str) -> None:
        """Every post has the same duties, representation and holders in the command and the frame."""
        rows = _command(net, "posts", "--at", day)
        assert rows == answers.posts(net, on=day).to_json()["rows"]
        frame = to_frame(net, "posts", on=day)
        assert [r["id"] for r in rows] == list(frame.index)
        for row in rows:
            found = frame.loc[row["id"]]
            duties = "; ".join(d.replace(":", " ", 1) for d in row["duties"]) or None
            assert (None if pd.isna(found["duties"]) else found["duties"]) == duties
            holders = "; ".join(row["holders"]) or None
            assert (None if pd.isna(found["holders"]) else found["holders"]) == holders
            assert (None if pd.isna(found["represents"]) else found["represents"]) == row["represents"]


class TestMembersAndHolders:
    def test_members_agree_with_the_memberships_frame(self, net: wk.Network, day: str) -> None:
        """The members of the cooperation are the memberships of the frame in that group, that day."""
        rows = _command(net, "members", "groningen-noord-drenthe", "--at", day)
        frame = to_frame(net, "memberships", on=day)
        in_group = frame[frame["group"] == "groningen-noord-drenthe"]
        assert sorted(r["membership"] for r in rows) == sorted(in_group.index)

    def test_holders_agree_with_the_tenures_frame(self, net: wk.Network, day: str) -> None:
        """The holders of the waterregisseur's post are the tenures of the frame of that post."""
        rows = _command(net, "holders", "gnd-waterregisseur", "--at", day)
        frame = to_frame(net, "tenures", on=day)
        assert sorted(r["tenure"] for r in rows) == sorted(frame[frame["post"] == "gnd-waterregisseur"].index)


class TestWhereThePresentersDrifted:
    def test_a_cluster_member_that_is_no_partner(self, tmp_path: Path) -> None:
        """A cluster lists an organisation that is not a partner of its cooperation: one count everywhere.

        The command counted the partners in the cluster, the frame and the
        notebook every member of it; now all take the rows of one builder.
        """
        document = {
            "cooperations": [{"id": "c", "name": "C"}],
            "organisations": [
                {"id": "a", "name": "Adorp", "kind": "municipality"},
                {"id": "b", "name": "Bdorp", "kind": "municipality"},
            ],
            "clusters": [{"id": "k", "name": "K", "cooperation": "c"}],
            "memberships": [
                {"id": "a@c", "member": "a", "group": "c"},
                {"id": "a@k", "member": "a", "group": "k"},
                {"id": "b@k", "member": "b", "group": "k"},
            ],
        }
        path = tmp_path / "drift.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        network = wk.load(path)
        (row,) = _command(network, "clusters", str(path), "--at", "2020-01-01")
        assert row["members"] == ["a"]
        frame = to_frame(network, "clusters", on="2020-01-01")
        assert int(frame.loc["k", "members"]) == 1
        parser = _Tables()
        parser.feed(network.at("2020-01-01")._repr_html_())
        assert ["K", "1", "Adorp"] in parser.rows
        assert "Bdorp" not in summary(network, date(2020, 1, 1))
