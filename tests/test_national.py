"""The country as a user meets it: a region named by id or name, and what a question says when none is."""

from __future__ import annotations

from pathlib import Path

import pytest

import waterketen as wk
from waterketen.cli import main
from waterketen.errors import CooperationNotNamedError


@pytest.fixture(scope="module")
def country() -> wk.Network:
    """The regions with the deeper embedded dataset, as the main job loads them."""
    return wk.load("regions:", "embedded:groningen-noord-drenthe")


def two_regions(tmp_path: Path) -> Path:
    """A table of two municipalities in two groups of its own."""
    path = tmp_path / "two.csv"
    path.write_text("code,name,group\nGM0005,Bedum,stad\nGM0106,Assen,drenthe-noord\n", encoding="utf-8")
    return path


class TestRegionByName:
    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("regio-rivierenland", "regio-rivierenland"),
            ("Netwerk Waterketen regio Rivierenland", "regio-rivierenland"),
            ("rivierenland", "regio-rivierenland"),
            ("Groningen en Noord-Drenthe", "groningen-noord-drenthe"),
            ("noordkop", "regio-noordkop"),
        ],
    )
    def test_id_name_or_whole_words(self, country: wk.Network, name: str, expected: str) -> None:
        """A region is named by its id, its name after normalising, or whole words of its name."""
        assert country.cooperation(name).id == expected

    def test_words_of_several_are_ambiguous(self, country: wk.Network) -> None:
        """Words that several regions' names hold name none of them, and the error lists them."""
        with pytest.raises(wk.AmbiguityError, match=r"'Noord' names \d+ cooperations \(.*regio-noord-veluwe"):
            country.cooperation("Noord")

    def test_unknown_name_suggests(self, country: wk.Network) -> None:
        """A misspelt region is unknown, with the names it may mean."""
        with pytest.raises(
            wk.UnknownEntityError, match=r"did you mean .*Rivierenland \(regio-rivierenland\)"
        ):
            country.cooperation("Rivirenland")

    def test_the_answers_take_a_name(self, country: wk.Network) -> None:
        """``cooperation=`` of the answers takes a name as the query does."""
        answer = wk.answers.partners(country, cooperation="Rivierenland", kind="water-board")
        assert [row[1] for row in answer.rows] == ["Waterschap Rivierenland"]


class TestNoCooperationNamed:
    def test_none(self, tmp_path: Path) -> None:
        """A table without groups has no cooperation, and the message says so, not "name one of []"."""
        path = tmp_path / "one.csv"
        path.write_text("code,name\nGM0005,Bedum\n", encoding="utf-8")
        with pytest.raises(CooperationNotNamedError) as caught:
            wk.load(path).partners()
        assert caught.value.choices == ()
        assert str(caught.value) == (
            "the network has no cooperation: its sources define none "
            "(a table defines one with a group column)"
        )

    def test_several_in_python(self) -> None:
        """In Python the message says ``cooperation=`` and quotes the ids."""
        net = wk.Network(
            [wk.Cooperation(id="stad", name="Stad"), wk.Cooperation(id="drenthe-noord", name="Drenthe-Noord")]
        )
        with pytest.raises(CooperationNotNamedError) as caught:
            net.partners()
        assert set(caught.value.choices) == {"stad", "drenthe-noord"}
        assert "; name one with cooperation=, one of 'stad', 'drenthe-noord'" in str(caught.value)

    def test_several_on_the_command_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """On the command line the message says ``--cooperation``."""
        path = two_regions(tmp_path)
        assert (
            main(["partners", str(path), "--map", "group=group", "--map", "code=code", "--map", "name=name"])
            == 1
        )
        err = capsys.readouterr().err
        assert "the network has 2 cooperations; name one with --cooperation, one of " in err
        assert "cooperation=" not in err


class TestOverview:
    def test_a_row_per_region(self, country: wk.Network) -> None:
        """Every cooperation valid today has one row, by id; the text has one line for each."""
        from waterketen.answers._national import overview, regions

        answer = regions(country)
        ids = [row["id"] for row in answer.records()]
        assert sorted(ids, key=lambda i: str(i).removeprefix("regio-")) == ids
        assert set(ids) == {c.id for c in country.entities(wk.Cooperation, on=answer.at)}
        lines = overview(answer).splitlines()
        assert len(lines) == 3 + len(ids)
        assert all(f"[{i}]: " in line for i, line in zip(ids, lines[3:], strict=True))

    def test_partners_by_kind_and_sub_regions(self, country: wk.Network) -> None:
        """A row counts municipalities, names water boards and companies, and names the sub-regions."""
        from waterketen.answers._national import regions

        rows = {row["id"]: row for row in regions(country, on="2026-12-01").records()}
        noordkop = rows["regio-hollands-noorderkwartier"]
        assert noordkop["water_boards"] == ("Hoogheemraadschap Hollands Noorderkwartier",)
        assert "samenwerkingsverband Noordkop" in noordkop["sub_regions"]  # type: ignore[operator]
        gnd = rows["groningen-noord-drenthe"]
        assert gnd["municipalities"] == len(
            country.partners("groningen-noord-drenthe", on="2026-12-01", kind=wk.OrgKind.MUNICIPALITY)
        )
        assert gnd["sub_regions"] == ("Waterpas", "Oost-Groningen", *["(name unknown)"] * 3)

    def test_latest_page_is_the_latest_date_cited(self, country: wk.Network) -> None:
        """The latest page of a region is the latest "page date" its records cite; none stated, none."""
        import re

        from waterketen.answers._national import latest_page, regions

        rows = {row["id"]: row for row in regions(country).records()}
        coop = country["regio-delfland"]
        assert isinstance(coop, wk.Cooperation)
        dates = {
            found.group(1)
            for e in (coop, *(m for m in country.entities(wk.Membership) if m.group == coop.id))
            for p in e.provenance
            if (found := re.search(r"page date (\S+)$", p.locator or "")) and found.group(1) != "stated"
        }
        assert rows["regio-delfland"]["latest_page"] == max(dates) == latest_page(country, coop)
        assert (
            rows["groningen-noord-drenthe"]["latest_page"] is None
        )  # the embedded records cite no page date

    def test_latest_page_reads_the_memberships_of_its_groups_alone(self, country: wk.Network) -> None:
        """The latest page of every region, read through the index of each group's memberships, is the
        one a scan of every membership gives."""
        import re

        from waterketen.answers._national import latest_page

        pattern = re.compile(r"page date (\d{4}(?:-\d{2}(?:-\d{2})?)?)$")
        day = "2026-12-01"
        for coop in country.entities(wk.Cooperation, on=day):
            clusters = country.clusters(coop.id, on=day)
            groups = {coop.id, *(c.id for c in clusters)}
            related = [
                coop,
                *(country[i] for i in groups - {coop.id}),
                *(m for m in country.entities(wk.Membership) if m.group in groups),
            ]
            dates = {
                found.group(1)
                for e in related
                for p in (*getattr(e, "provenance", ()), *country.origin(e.id))
                if p.locator and (found := pattern.search(p.locator))
            }
            expected = max(dates, key=lambda d: (d + "-99-99")[:10]) if dates else None
            assert latest_page(country, coop, clusters) == expected, coop.id
