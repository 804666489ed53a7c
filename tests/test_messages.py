"""Messages for people (issue 19, item 5): findings' days, open bounds and periods in words, whole values."""

from __future__ import annotations

import json
from datetime import date as D
from pathlib import Path

import pytest

import waterketen as wk
from waterketen import answers

from .test_cli import run


def _two_clusters(membership_period: wk.Period, *, until: D | None = None) -> wk.Network:
    """A municipality in cluster K always, and in cluster L over ``membership_period``.

    ``until`` ends the cooperation's other partner then, so that the history
    has a day to check after the finding ends (or goes on).
    """
    entities: list[wk.model.Entity] = [
        wk.Cooperation(id="c", name="C"),
        wk.Organisation(id="a", name="A", kind=wk.OrgKind.MUNICIPALITY),
        wk.Cluster(id="k", name="K", cooperation="c"),
        wk.Cluster(id="l", name="L", cooperation="c"),
        wk.Membership(id="a@c", member="a", group="c"),
        wk.Membership(id="a@k", member="a", group="k"),
        wk.Membership(id="a@l", member="a", group="l", period=membership_period),
    ]
    if until is not None:
        entities += [
            wk.Organisation(id="b", name="B", kind=wk.OrgKind.WATER_BOARD, period=wk.Period(end=until)),
            wk.Membership(id="b@c", member="b", group="c", period=wk.Period(end=until)),
        ]
    return wk.Network(entities)


class TestFindingDays:
    def test_the_days_it_holds_not_the_days_sampled(self) -> None:
        """A finding from 2019-01-01 to the end of 2019 says 'from 2019-01-01 until 2020-01-01'."""
        network = _two_clusters(wk.Period(start=D(2019, 1, 1), end=D(2020, 1, 1)))
        (finding,) = network.check(rules=["one-cluster"]).findings
        assert (finding.first, finding.last) == (D(2019, 1, 1), D(2019, 12, 31))
        assert str(finding).endswith("not 1 from 2019-01-01 until 2020-01-01")

    def test_a_finding_that_goes_on(self) -> None:
        """A finding that still holds on the last day checked holds from then on, not 'to' a sampled day."""
        network = _two_clusters(wk.Period(start=D(2019, 1, 1)), until=D(2020, 1, 1))
        (finding,) = network.check(rules=["one-cluster"]).findings
        assert str(finding).endswith("not 1 from 2019-01-01 on")
        assert "2020-01-02" not in str(finding)

    def test_a_finding_from_the_beginning(self) -> None:
        """A finding that holds on the first day checked holds on every day before: 'until …'."""
        network = _two_clusters(wk.Period(end=D(2019, 1, 1)))
        (finding,) = network.check(rules=["one-cluster"]).findings
        assert str(finding).endswith("not 1 until 2019-01-01")
        assert "0001-01-01" not in str(finding)

    def test_gaps_are_separate_findings(self) -> None:
        """Found in 2016 and again in 2019, a finding is two findings, not one across the gap."""
        network = _two_clusters(wk.Period(start=D(2016, 1, 1), end=D(2017, 1, 1)))
        network = wk.Network(
            [
                *network,
                wk.Membership(id="a@l2", member="a", group="l", period=wk.Period(start=D(2019, 1, 1))),
            ]
        )
        texts = sorted(str(f) for f in network.check(rules=["one-cluster"]).findings)
        assert [t.split("not 1 ")[1] for t in texts] == [
            "from 2016-01-01 until 2017-01-01",
            "from 2019-01-01 on",
        ]

    def test_open_bounds_are_words(self) -> None:
        """A reused code with open periods says 'from … on', never 9999-12-30 or 0001-01-01."""
        network = wk.Network(
            [
                wk.Organisation(
                    id=name,
                    name=name.upper(),
                    kind=wk.OrgKind.MUNICIPALITY,
                    identifiers=(wk.Identifier(scheme="cbs", value="GM0001"),),
                    period=period,
                )
                for name, period in (("p", wk.Period()), ("q", wk.Period(start=D(2020, 1, 1))))
            ]
        )
        (finding,) = network.check(rules=["unique-identifier"]).findings
        assert (
            str(finding)
            == "error: [unique-identifier] cbs:GM0001 denotes both P (p) and Q (q) from 2020-01-01 on"
        )
        row = answers.check(network.check(rules=["unique-identifier"])).records()[0]
        assert (row["first"], row["last"], row["when"]) == ("2020-01-01", None, "from 2020-01-01 on")


class TestPeriodsInWords:
    def test_within_lifetime(self) -> None:
        """A membership outliving its member names both periods in words, not as '[…, 2019-01-01)'."""
        network = wk.Network(
            [
                wk.Cooperation(id="c", name="C"),
                wk.Organisation(
                    id="a", name="A", kind=wk.OrgKind.MUNICIPALITY, period=wk.Period(end=D(2019, 1, 1))
                ),
                wk.Membership(id="a@c", member="a", group="c", period=wk.Period(start=D(2015, 1, 1))),
            ]
        )
        (finding,) = network.check(rules=["within-lifetime"]).findings
        assert finding.message == (
            "a@c (a@c), from 2015-01-01, outlives or predates A (a), until 2019-01-01 (exclusive)"
        )

    def test_change_validity(self) -> None:
        """A change whose predecessor ends on another day says that day, not the period's repr."""
        network = wk.Network(
            [
                wk.Organisation(
                    id="o", name="O", kind=wk.OrgKind.MUNICIPALITY, period=wk.Period(end=D(2019, 6, 1))
                ),
                wk.Organisation(
                    id="n", name="N", kind=wk.OrgKind.MUNICIPALITY, period=wk.Period(start=D(2019, 1, 1))
                ),
                wk.Change(
                    id="m",
                    kind=wk.ChangeKind.MERGER,
                    date=D(2019, 1, 1),
                    before=(wk.model.Part(id="o"),),
                    after=(wk.model.Part(id="n"),),
                ),
            ]
        )
        (finding,) = network.check(rules=["change-validity"]).findings
        assert finding.message.endswith("the date of merger m, but its end is 2019-06-01")

    def test_a_conflict_of_two_sources(self, tmp_path: Path) -> None:
        """Two sources disagreeing on a period say 'until 2019-01-01', no Python repr, the values whole."""
        long_name = (
            "Een heel lange naam van een dorp die doorgaat tot voorbij het einde van de regel en verder"
        )
        for name, end, label in (
            ("a.json", "2018-01-01", long_name),
            ("b.json", "2019-01-01", long_name + " 2"),
        ):
            document = {
                "organisations": [{"id": "o", "name": label, "kind": "municipality", "period": {"end": end}}]
            }
            (tmp_path / name).write_text(json.dumps(document), encoding="utf-8")
        report = wk.load(tmp_path / "a.json", tmp_path / "b.json", strict=False).report
        assert report is not None
        (rejected,) = report.rejected
        (problem,) = rejected.problems
        assert (
            "period until 2019-01-01 (exclusive) here, until 2018-01-01 (exclusive) there" in problem.reason
        )
        assert f"'{long_name} 2' here" in problem.reason
        assert "Period(" not in problem.reason
        assert "datetime" not in problem.reason


@pytest.mark.parametrize(("rule", "count"), [("seat-count", "1 member seat where")])
def test_one_seat_is_singular(rule: str, count: str) -> None:
    """A body with one member seat where two are stated says 'seat', not 'seats'."""
    network = wk.Network(
        [
            wk.Cooperation(id="c", name="C"),
            wk.Body(id="r", name="R", kind=wk.BodyKind.STEERING_GROUP, cooperation="c", seats=2),
            wk.Post(
                id="p", name="P", cooperation="c", duties=(wk.model.Duty(role=wk.Role.MEMBER, body="r"),)
            ),
        ]
    )
    (finding,) = network.check(rules=[rule]).findings
    assert count in finding.message


def test_command_says_when() -> None:
    """`waterketen check --format json` has the `when` column, after `last`."""
    done = run("check", "--at", "2016-01-01", "--format", "json")
    assert json.loads(done.stdout)["columns"][-2:] == ["last", "when"]
