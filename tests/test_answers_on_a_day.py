"""Answers respect the day asked (issue 19, items 1, 2, 4 and 19): what `show`, `seats` and `check` say."""

from __future__ import annotations

import json
from datetime import date

import pytest

import waterketen as wk
from waterketen import answers
from waterketen._labels import member_count, seat_label
from waterketen._render import summary
from waterketen.query import agreements

from .test_cli import run


class TestAgreementsOnADay:
    def test_no_agreement_before_it_was_made(self, net: wk.Network) -> None:
        """On 2010-01-01 neither agreement was made: the summary lists none."""
        text = summary(net, date(2010, 1, 1))
        assert "Agreements" not in text
        assert "Bestuurlijk akkoord" not in text
        assert "not known to exist on this day; it exists from 2011)" in text

    def test_the_2019_agreement_is_not_in_2016(self, net: wk.Network) -> None:
        """In 2016 only the agreement of 2014 holds; the 2019 agreement comes in 2019."""
        assert [a.id for a in agreements(net, on="2016-01-01")] == ["gnd-bestuurlijk-akkoord-2014"]
        assert [a.id for a in agreements(net, on="2019-06-01")] == [
            "gnd-bestuurlijk-akkoord-2014",
            "gnd-samenwerkingsovereenkomst-2019",
        ]

    def test_an_agreement_of_its_year_is_uncertain(self, net: wk.Network) -> None:
        """An agreement known to its year only is not shown in that year, and counted as not shown."""
        assert agreements(net, on="2014-06-01") == ()
        assert agreements(net) == tuple(a for a in net.entities(wk.Agreement))

    def test_command(self) -> None:
        """`waterketen show GND --at 2010-01-01` and `--at 2016-01-01` list only the agreements of the day."""
        early = run("show", "groningen-noord-drenthe", "--at", "2010-01-01")
        assert early.returncode == 0, early.stderr
        assert "Bestuurlijk akkoord" not in early.stdout
        assert "Samenwerkingsovereenkomst" not in early.stdout
        middle = run("show", "groningen-noord-drenthe", "--at", "2016-01-01")
        assert "Bestuurlijk akkoord (2014)" in middle.stdout
        assert "Samenwerkingsovereenkomst" not in middle.stdout


class TestBodiesThatDoNotExist:
    def test_no_seats_of_a_dissolved_body(self, net: wk.Network) -> None:
        """The regiegroep ended after 2019-04-12: on a later day it has no seats and no posts."""
        assert net.seats("gnd-regiegroep", on="2024-01-01") == ()
        assert net.posts("gnd-regiegroep", on="2024-01-01") == ()
        assert len(net.seats("gnd-regiegroep", on="2016-01-01")) == 12
        assert "gnd-regiegroep" not in {d.body for d in net.duties("gnd-waterregisseur", on="2024-01-01")}

    def test_no_seats_before_a_body_began(self, net: wk.Network) -> None:
        """The stuurgroep began in 2020: in 2016 it has no seats, though its secretary post exists."""
        assert net.seats("gnd-stuurgroep", on="2016-01-01") == ()
        assert net.at("2016-01-01").seats("gnd-stuurgroep") == ()

    def test_command(self) -> None:
        """`waterketen seats Regiegroep --at 2024-01-01` has no seat of the current waterregisseur."""
        done = run("seats", "Regiegroep", "--at", "2024-01-01", "--format", "json")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["rows"] == []


class TestCheckAnswersItsDay:
    def test_python(self, net: wk.Network) -> None:
        """A report of one day asked says that day; a report of the whole history says none."""
        assert net.check(on="2016-01-01").on == date(2016, 1, 1)
        assert answers.check(net.check(on="2016-01-01")).to_json()["at"] == "2016-01-01"
        assert answers.check(net.check(on=["2016-01-01", "2017-01-01"])).to_json()["at"] is None

    def test_command(self) -> None:
        """`waterketen check --at 2016-01-01 --format json` reports its day."""
        done = run("check", "--at", "2016-01-01", "--format", "json")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["at"] == "2016-01-01"


class TestLabelsInOneLanguage:
    def test_no_mixed_seat_labels(self) -> None:
        """`waterketen show GND --at 2016-01-01` shows the Dutch post names without an English "for"."""
        out = run("show", "groningen-noord-drenthe", "--at", "2016-01-01").stdout
        assert "Lid regiegroep namens cluster DAL\n" in out
        assert " for DAL" not in out

    def test_one_partner_is_one_municipality(self) -> None:
        """A count of one takes the singular."""
        network = wk.Network(
            [
                wk.Cooperation(id="c", name="C"),
                wk.Organisation(id="o", name="O", kind=wk.OrgKind.MUNICIPALITY),
                wk.Membership(id="m", member="o", group="c"),
            ]
        )
        text = summary(network, date(2020, 1, 1))
        assert "Partners (1): 1 municipality" in text
        assert "municipalities" not in text

    def test_members_unknown_is_not_zero(self) -> None:
        """`waterketen show GND --at 2021-06-01`: the stuurgroep's members are unknown, not absent."""
        out = run("show", "groningen-noord-drenthe", "--at", "2021-06-01").stdout
        assert "Stuurgroep (members unknown)" in out
        assert "0 member posts" not in out

    @pytest.mark.parametrize(
        ("known", "stated", "text"),
        [
            (11, 11, "11 seats stated, 11 member posts"),
            (9, 11, "11 seats stated, 9 member posts known"),
            (0, 4, "4 seats stated, members unknown"),
            (1, None, "1 member post"),
        ],
    )
    def test_member_count(self, known: int, stated: int | None, text: str) -> None:
        """The members of a body in words, with 'unknown' where no member post is known."""
        assert member_count(known, stated) == text

    def test_seat_label_names_whom_it_represents(self) -> None:
        """A post whose name does not say whom it represents gets it in English."""
        assert seat_label("Bestuurder", "Noorderzijlvest") == "Bestuurder, representing Noorderzijlvest"
        assert seat_label("Lid namens Hunze en Aa’s", "Hunze en Aa’s") == "Lid namens Hunze en Aa’s"
