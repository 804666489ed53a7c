"""The plugin as installed: entry point, source type, writer."""

from __future__ import annotations

from pathlib import Path

import pytest
import waterketen_popolo as wp

import waterketen as wk
from waterketen.plugins import get_plugin_manager


@pytest.fixture
def written(tmp_path: Path, net: wk.Network) -> Path:
    """The embedded dataset written as Popolo."""
    path = tmp_path / "gnd.popolo.json"
    wp.write(net, path)
    return path


class TestInstalled:
    def test_entry_point(self) -> None:
        """The plugin is found in the entry-point group ``waterketen``, with its version."""
        info = {p.name: p for p in wk.plugins.list_plugins(get_plugin_manager())}
        assert (info["popolo"].package, info["popolo"].version) == ("waterketen-popolo", "0.1.0")

    def test_scheme(self, written: Path, net: wk.Network) -> None:
        """``popolo:path`` loads as Popolo once the installed plugins are loaded."""
        assert wk.load(f"popolo:{written}", plugins=get_plugin_manager()) == net

    def test_scheme_without_json_suffix(self, tmp_path: Path, net: wk.Network) -> None:
        """``popolo:path`` loads through the default plugin manager when no built-in suffix matches."""
        path = tmp_path / "gnd.popolo"
        wp.write(net, path)
        assert wk.load(f"popolo:{path}") == net

    def test_suffix(self, written: Path, net: wk.Network) -> None:
        """A ``.popolo.json`` file loads as Popolo once the installed plugins are loaded."""
        assert wk.load(written, plugins=get_plugin_manager()) == net

    @pytest.mark.parametrize("scheme", ["popolo:", ""])
    def test_with_the_default_manager(self, written: Path, net: wk.Network, scheme: str) -> None:
        """``popolo:x.json`` and ``x.popolo.json`` load as Popolo with the default manager."""
        assert wk.load(f"{scheme}{written}") == net

    def test_a_manager_without_entry_points_knows_no_popolo(self, written: Path) -> None:
        """A manager made without entry points never loads them: ``popolo:`` is an unknown scheme there."""
        with pytest.raises(wk.LoadError, match="no source type reads"):
            wk.load(f"popolo:{written}", plugins=get_plugin_manager(entry_points=False))

    def test_writer(self, tmp_path: Path, net: wk.Network) -> None:
        """The writer is offered through ``waterketen_writers`` and writes what the source reads."""
        pm = get_plugin_manager()
        (writer,) = [w for offered in pm.hook.waterketen_writers() for w in offered if w.name == "popolo"]
        assert writer.suffixes == (".popolo.json",)
        path = tmp_path / "out.popolo.json"
        writer.write(net, path)
        assert wp.read(path) == net
