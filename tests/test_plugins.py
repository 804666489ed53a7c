"""The plugin system: hooks, the default plugins, entry points and failing plugins."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import waterketen as wk
from waterketen.plugins import DEFAULT_PLUGINS, get_plugin_manager


class FakeSource:
    """A loopback source plugin: one cooperation from a ``fake:`` location."""

    def __init__(self, location: str) -> None:
        self.name = f"fake:{location}"
        self.location = location

    def records(self) -> Iterator[wk.Record]:
        yield wk.Record(
            tag="cooperation",
            data={"id": self.location, "name": self.location.title()},
            provenance=wk.Provenance(source=self.name, locator="1"),
        )


class FakePlugin:
    @wk.hookimpl
    def waterketen_source_types(self) -> Iterable[wk.SourceType]:
        return [wk.SourceType(name="fake", description="test", open=FakeSource, schemes=("fake",))]


class TestPluginManager:
    def test_default_plugins_are_registered(self) -> None:
        """The built-in sources are plugins like any other."""
        pm = get_plugin_manager(entry_points=False)
        assert [name for name, _ in pm.list_name_plugin()] == list(DEFAULT_PLUGINS)
        names = {t.name for t in wk.registry.source_types(pm)}
        assert names == {
            "json",
            "jsonl",
            "toml",
            "csvdir",
            "table",
            "embedded",
            "graphml",
            "gexf",
            "node-link",
            "register",
            "regions",
        }

    def test_registered_plugin_is_used(self) -> None:
        """A plugin registered with the manager reads its scheme."""
        pm = get_plugin_manager(entry_points=False)
        pm.register(FakePlugin())
        network = wk.load("fake:rijnland", plugins=pm)
        assert network.cooperation().name == "Rijnland"

    def test_unknown_scheme(self) -> None:
        """An unknown scheme is an error listing what is known."""
        pm = get_plugin_manager(entry_points=False)
        with pytest.raises(wk.errors.UnknownSourceError, match="embedded:"):
            wk.loading.open_source("nope:x", pm)


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A test-only distribution with two entry points: a good plugin and a broken one."""
    dist = tmp_path / "waterketen_fake-1.2.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: waterketen-fake\nVersion: 1.2\n")
    (dist / "entry_points.txt").write_text(
        "[waterketen]\nfake = waterketen_fake_plugin\nbroken = waterketen_broken_plugin\n"
    )
    (tmp_path / "waterketen_fake_plugin.py").write_text(
        "import waterketen as wk\n"
        "from tests.test_plugins import FakeSource\n"
        "@wk.hookimpl\n"
        "def waterketen_source_types():\n"
        "    return [wk.SourceType(name='fake', description='t', open=FakeSource, schemes=('fake',))]\n"
    )
    (tmp_path / "waterketen_broken_plugin.py").write_text("raise ImportError('no such library')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(Path(__file__).parent.parent))
    yield tmp_path
    for name in ("waterketen_fake_plugin", "waterketen_broken_plugin"):
        sys.modules.pop(name, None)


class TestEntryPoints:
    def test_installed_plugin_is_found(self, installed: Path) -> None:
        """A plugin installed in the entry-point group is found, with its version."""
        pm = get_plugin_manager()
        assert wk.load("fake:twente", plugins=pm).cooperation().id == "twente"
        info = {p.name: p for p in wk.plugins.list_plugins(pm)}
        assert (info["fake"].package, info["fake"].version) == ("waterketen-fake", "1.2")

    def test_broken_plugin_is_reported_by_name(self, installed: Path) -> None:
        """A plugin that fails on import is reported by name and the others still load."""
        pm = get_plugin_manager()
        (failure,) = pm.failures
        assert "plugin broken (waterketen-fake)" in str(failure)
        assert "no such library" in str(failure)
        assert pm.has_plugin("fake")

    def test_disabled_plugin(self, installed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A plugin can be switched off without uninstalling it."""
        monkeypatch.setenv("WATERKETEN_DISABLE_PLUGINS", "fake,broken")
        pm = get_plugin_manager()
        assert not pm.has_plugin("fake")
        assert not pm.failures
        assert not get_plugin_manager(blocked=["fake"], entry_points=True).has_plugin("fake")
