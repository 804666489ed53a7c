"""The interval indexes: answers through them equal a naive scan of the history."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen import _index
from waterketen._index import Intervals, span
from waterketen.errors import NotInPeriodError
from waterketen.model import Certainty, Membership, Tenure, period_of
from waterketen.testing import histories, networks, periods


_ordinals = st.integers(0, 4000)
_spans = st.lists(st.tuples(_ordinals, _ordinals), min_size=1, max_size=200)
_days = st.dates(min_value=date(1880, 1, 1), max_value=date(2120, 12, 31))


@contextmanager
def trees_always() -> Iterator[None]:
    """Every key and every snapshot read through a tree, from the first question on."""
    with mock.patch.object(_index, "LEAF", 0), mock.patch.object(_index, "SCANS", 0):
        yield


def _naive_members(net: wk.Network, group: str, day: date) -> tuple[wk.Entity, ...]:
    out: dict[str, wk.Entity] = {}
    for entity in net:
        if isinstance(entity, Membership) and entity.group == group and entity.period.contains(day):
            member = net[entity.member]
            if period_of(member).contains(day):
                out.setdefault(member.id, member)
    return tuple(out.values())


def _ask_every_question(net: wk.Network, day: date) -> None:
    """members, groups, holders and partners on ``day`` equal a naive scan, in order."""
    for entity in net:
        if isinstance(entity, wk.Cooperation | wk.Cluster | wk.Body):
            if period_of(entity).certainty(day) is Certainty.NO:  # asked outside its lifetime
                with pytest.raises(NotInPeriodError):
                    net.members(entity.id, on=day)
            else:
                assert net.members(entity.id, on=day) == _naive_members(net, entity.id, day)
        if isinstance(entity, wk.Organisation | wk.Person):
            expected = tuple(
                net[m.group]
                for m in net
                if isinstance(m, Membership)
                and m.member == entity.id
                and m.period.contains(day)
                and period_of(net[m.group]).contains(day)
            )
            assert net.groups(entity.id, on=day) == expected
        if isinstance(entity, wk.Post):
            expected = tuple(
                net[t.holder]
                for t in net
                if isinstance(t, Tenure) and t.post == entity.id and t.period.contains(day)
            )
            assert net.holders(entity.id, on=day) == expected
    for coop in net.entities(wk.Cooperation):
        assert net.partners(coop.id, on=day) == tuple(
            m for m in _naive_members(net, coop.id, day) if isinstance(m, wk.Organisation)
        )


class TestIntervals:
    """The tree itself, on arbitrary spans."""

    @given(_spans, st.lists(st.integers(-5, 4005), max_size=10))
    def test_equals_a_scan(self, spans: list[tuple[int, int]], more: list[int]) -> None:
        """The positions that hold on a day are those a scan finds, in ascending order."""
        tree = Intervals(spans)
        edges = {d + step for f, s in spans for d in (f, s) for step in (-1, 0)}
        for day in sorted(edges | set(more)):
            assert tree.on(day) == [i for i, (f, s) in enumerate(spans) if f <= day < s]

    @given(_spans)
    def test_stores_each_span_once(self, spans: list[tuple[int, int]]) -> None:
        """Every span that holds on some day is kept once; empty ones are left out."""
        assert len(Intervals(spans)) == sum(1 for f, s in spans if f < s)

    def test_empty(self) -> None:
        """A tree of nothing answers nothing."""
        assert Intervals([]).on(738000) == []
        assert Intervals([(5, 5), (7, 3)]).on(5) == []


class TestSpan:
    """The days of a period, as the tree keeps them."""

    @given(periods(), _days)
    def test_is_contains(self, period: wk.Period, day: date) -> None:
        """A day is in a period's span exactly when the period surely contains it."""
        first, stop = span(period)
        assert (first <= day.toordinal() < stop) == period.contains(day)


class TestNetwork:
    """The questions of one day, read through the trees, equal a scan of every entity."""

    @given(networks(), _days)
    def test_members_groups_holders(self, net: wk.Network, day: date) -> None:
        """members, groups, holders and partners through the trees equal a naive scan, in order."""
        with trees_always():
            _ask_every_question(net, day)

    @given(networks(), _days)
    def test_short_keys_by_their_spans(self, net: wk.Network, day: date) -> None:
        """Short keys, read in full by the spans kept from their first read, equal a naive scan
        too: at the first read (which keeps the spans) and at the next."""
        _ask_every_question(net, day)
        kept = {name: dict(spans) for name, spans in net.index._spans.items()}
        _ask_every_question(net, day)
        assert not net.index._trees
        assert kept == net.index._spans
        assert ("members_of", True) in kept

    @given(networks(), _days)
    def test_snapshot(self, net: wk.Network, day: date) -> None:
        """Iterating a snapshot through the tree gives the entities surely valid that day, in order."""
        with trees_always():
            assert list(net.at(day)) == [e for e in net if period_of(e).contains(day)]

    @given(histories(), st.lists(_days, min_size=1, max_size=5))
    def test_histories_before_and_after_the_tree(self, net: wk.Network, days: list[date]) -> None:
        """The answers are the same while the questions scan and once the tree is built."""
        scanned = [(list(net.at(d)), net.members("coop", on=d)) for d in days]
        with trees_always():
            assert [(list(net.at(d)), net.members("coop", on=d)) for d in days] == scanned

    def test_tree_built_after_scans(self) -> None:
        """A long history is read in full at first, then through a tree built once."""
        members = [
            wk.Organisation(id=f"o-{i}", name=f"O {i}", kind=wk.OrgKind.MUNICIPALITY) for i in range(40)
        ]
        ms = [
            Membership(
                id=f"m-{i}", member=f"o-{i}", group="c", period=wk.Period(start=date(2000 + i % 20, 1, 1))
            )
            for i in range(40)
        ]
        net = wk.Network([wk.Cooperation(id="c", name="C"), *members, *ms])
        day = date(2010, 6, 1)
        expected = _naive_members(net, "c", day)
        for _ in range(_index.SCANS + 2):
            assert net.members("c", on=day) == expected
        assert ("members_of", "c") in net.index._trees
        assert len(expected) == 22
