"""The diff of two days (issue 19, item 3): its invariant, forwards and backwards, and no swapped days."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen.testing import histories

from .test_cli import run


days = st.dates(min_value=date(1985, 1, 1), max_value=date(2030, 12, 31))


def _ids(entities: object) -> set[str]:
    return {e.id for e in entities}  # type: ignore[attr-defined]


class TestInvariant:
    @given(histories(), days, days)
    def test_removed_and_added_make_the_other_day(self, network: wk.Network, a: date, b: date) -> None:
        """(at(a) - removed) | added == at(b) over every entity, change events too, in either direction."""
        found = network.diff(a, b)
        before, after = _ids(network.at(a)), _ids(network.at(b))
        assert (found.start, found.end) == (a, b)
        assert (before - _ids(found.removed)) | _ids(found.added) == after
        assert _ids(found.removed) <= before
        assert not _ids(found.added) & before

    @given(histories(), days, days)
    def test_backward_is_the_forward_diff_reversed(self, network: wk.Network, a: date, b: date) -> None:
        """diff(b, a) adds what diff(a, b) removes, removes what it adds, and names the same events."""
        forward, backward = network.diff(a, b), network.diff(b, a)
        assert _ids(backward.added) == _ids(forward.removed)
        assert _ids(backward.removed) == _ids(forward.added)
        assert _ids(backward.changes) == _ids(forward.changes)
        assert backward.partners == forward.partners[::-1]
        assert backward.backward is (a < b)

    @given(histories(), days, days)
    def test_changes_in_between_are_added(self, network: wk.Network, a: date, b: date) -> None:
        """Going forwards, every change event surely made in between is among the added."""
        early, late = min(a, b), max(a, b)
        found = network.diff(early, late)
        assert _ids(found.changes) <= _ids(found.added) | _ids(found.uncertain)


class TestTheEmbeddedDataset:
    def test_changes_of_2019_are_added(self, net: wk.Network) -> None:
        """From 2018-06-01 to 2019-06-01 the mergers of 2019-01-01 appear in at(b) and so in added."""
        found = net.diff("2018-06-01", "2019-06-01")
        after = _ids(net.at("2019-06-01"))
        before = _ids(net.at("2018-06-01"))
        assert (before - _ids(found.removed)) | _ids(found.added) == after
        assert "gnd-herindeling-het-hogeland-2019" in _ids(found.added)

    def test_a_backward_diff_is_not_swapped(self, net: wk.Network) -> None:
        """diff('2021-06-01', '2017-06-01') goes from 2021 back to 2017: the mergers are undone."""
        found = net.diff("2021-06-01", "2017-06-01")
        assert (found.start, found.end) == (date(2021, 6, 1), date(2017, 6, 1))
        assert found.backward
        assert found.partners == (18, 31)
        assert found.summary() == "18 → 31 partners: 6 mergers, 1 reorganisation undone"
        assert "bedum" in _ids(found.added)
        assert "het-hogeland" in _ids(found.removed)
        assert repr(found).startswith("<Diff 2021-06-01 → 2017-06-01: 18 → 31 partners")

    def test_command(self) -> None:
        """`waterketen diff 2021-06-01 2017-06-01` answers the backward diff."""
        done = run("diff", "2021-06-01", "2017-06-01", "--format", "json")
        assert done.returncode == 0, done.stderr
        answer = json.loads(done.stdout)
        assert (answer["start"], answer["end"]) == ("2021-06-01", "2017-06-01")
        assert "bedum" in answer["added"]
        assert answer["summary"].endswith("undone")
