"""Typed use of the public API; checked by ``mypy --strict`` (not run)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import waterketen as wk
import waterketen.answers
import waterketen.model
import waterketen.query
import waterketen.resolution
import waterketen.schema
import waterketen.typing


def partners_per_cluster(net: wk.Network, on: str) -> dict[str, int]:
    return {wk.model.name_of(c): len(net.partners(on=on, cluster=c.id)) for c in net.clusters(on=on)}


def codes(net: wk.Network) -> list[str | None]:
    return [o.identifier("cbs") for o in net.entities(wk.Organisation)]


class MySource:
    name = "mine"

    def records(self) -> Iterator[wk.Record]:
        yield wk.Record(tag="cooperation", data={}, provenance=wk.Provenance(source="mine"))


@wk.hookimpl
def waterketen_source_types() -> Iterable[wk.SourceType]:
    return [wk.SourceType(name="mine", description="", open=lambda _: MySource(), schemes=("mine",))]


def use() -> None:
    net: wk.Network = wk.load("embedded:groningen-noord-drenthe", MySource(), strict=False)
    report: wk.LoadReport | None = net.report
    snapshot: wk.Snapshot = net.at("2016-01-01")
    cluster: wk.Cluster | wk.typing.Unknown | None = snapshot.cluster_of("bedum")
    org: wk.Organisation | None = net.lookup("cbs", "GM0005", on="2016-01-01")
    seats: tuple[wk.query.Seat, ...] = net.seats("gnd-regiegroep")
    period: wk.Period = wk.Period(start=wk.model.parse_instant("2014"))
    print(report, cluster, org, seats, period, partners_per_cluster(net, "2016-01-01"), codes(net))


def answers_and_tables(path: str) -> None:
    table = wk.TableSource(path, member_code="Gemeentecode", member_name="Gemeentenaam", group="Regio")
    net = wk.load(table, wk.TableSource.from_options(path, {"code": "Code", "name": "Naam"}))
    answer: wk.Answer = wk.answers.partners(net, on="2016-01-01", kind=wk.OrgKind.MUNICIPALITY)
    rows: list[dict[str, wk.answers.Cell]] = answer.records()
    text: str = answer.render("csv")
    writer: wk.Writer = wk.write(net, "net.graphml")
    schema: dict[str, object] = wk.schema.json_schema()
    print(rows, text, writer.name, [w.name for w in wk.writers()], schema["$id"])


def resolution(net: wk.Network) -> None:
    found: wk.Resolution | None = wk.resolve("Gemeente Bedum", on="2016-01-01", kind="gemeente", network=net)
    every: tuple[wk.Resolution, ...] = wk.resolution.candidates("Groningen", network=net)
    outcome: wk.resolution.Outcome = wk.resolution.explain("GM0014")
    rule: wk.resolution.Rule | None = None if found is None else found.rule
    named: tuple[wk.Entity, ...] = net.find("bed", kind=wk.Organisation, exact=False)
    report = wk.load().report
    merged: tuple[wk.matching.Match, ...] = () if report is None else report.matches
    print(every, outcome.reason, rule, named, merged)
