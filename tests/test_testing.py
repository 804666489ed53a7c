"""The public test helpers: the fakes, and the strategies' clear error without hypothesis."""

from __future__ import annotations

import subprocess
import sys

import pytest

import waterketen as wk
from waterketen.errors import MissingExtraError
from waterketen.plugins import get_plugin_manager
from waterketen.testing import FakeSource, fake_plugin


class TestFakeSource:
    def test_records_load_with_their_places(self) -> None:
        """A fake source's records load, each with its locator ``item N``."""
        source = FakeSource(
            [
                ("cooperation", {"id": "c", "name": "C"}),
                ("organisation", {"id": "o", "name": "O", "kind": "other"}),
            ],
            name="mine",
        )
        net = wk.load(source)
        assert [e.id for e in net] == ["c", "o"]
        assert net.origin("o")[0] == wk.Provenance(source="mine", locator="item 2")

    def test_bad_records_and_warnings_are_reported(self) -> None:
        """A bad record is rejected with its place; the source's warnings reach the report."""
        warning = wk.Problem(source="mine", reason="a doubt")
        source = FakeSource(
            [("organisation", {"id": "o", "name": " ", "kind": "other"})], name="mine", warnings=[warning]
        )
        net = wk.load(source, strict=False)
        assert net.report is not None
        (error,) = net.report.errors
        assert (error.place, error.field) == ("item 1", "name")
        assert [w.reason for w in net.report.warnings] == ["a doubt"]

    def test_a_failing_source_keeps_what_it_gave(self) -> None:
        """A source that breaks after its records keeps them and reports the failure, named."""
        source = FakeSource([("cooperation", {"id": "c", "name": "C"})], fail=RuntimeError("disk gone"))
        net = wk.load(source, strict=False)
        assert "c" in net
        assert net.report is not None
        assert any("RuntimeError: disk gone" in p.reason for p in net.report.errors)


class TestFakePlugin:
    def test_offers_a_scheme(self) -> None:
        """A fake plugin's scheme reads its records."""
        pm = get_plugin_manager(entry_points=False)
        pm.register(fake_plugin(sources={"demo": [("cooperation", {"id": "d", "name": "Demo"})]}))
        assert wk.load("demo:anything", plugins=pm).cooperation().name == "Demo"
        assert "fake-demo" in [t.name for t in wk.registry.source_types(pm)]


class TestWithoutHypothesis:
    def test_strategies_name_the_extra(self) -> None:
        """Without hypothesis, a strategy's import says which extra installs it; the fakes still work."""
        code = (
            "import sys; sys.modules['hypothesis'] = None\n"
            "import waterketen.testing as t\n"
            "print(t.FakeSource([]).name)\n"
            "try:\n    t.networks\nexcept ImportError as exc:\n    print(type(exc).__name__, exc)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.splitlines()[0] == "fake"
        assert "MissingExtraError" in out
        assert "pip install 'waterketen[testing]'" in out

    def test_is_a_waterketen_error(self) -> None:
        """The error is the library's own, and an ImportError."""
        assert issubclass(MissingExtraError, wk.WaterketenError)
        assert issubclass(MissingExtraError, ImportError)
        with pytest.raises(AttributeError):
            wk.testing.no_such_helper  # noqa: B018
