"""The plugin as installed: entry point, source types, writers."""

from __future__ import annotations

from pathlib import Path

import pytest

import waterketen as wk
from waterketen.plugins import get_plugin_manager


class TestInstalled:
    def test_entry_point(self) -> None:
        """The plugin is found in the entry-point group ``waterketen``, with its version."""
        info = {p.name: p for p in wk.plugins.list_plugins(get_plugin_manager())}
        assert (info["rdf"].package, info["rdf"].version) == ("waterketen-rdf", "0.1.0")

    @pytest.mark.parametrize(("name", "suffix"), [("turtle", ".ttl"), ("jsonld", ".jsonld")])
    def test_writers(self, tmp_path: Path, net: wk.Network, name: str, suffix: str) -> None:
        """The writers are offered through ``waterketen_writers`` and found by name and by suffix."""
        assert wk.registry.find_writer(name).suffixes == (suffix,)
        assert wk.registry.find_writer(path=f"x{suffix}").name == name

    @pytest.mark.parametrize(
        ("scheme", "suffix"), [("turtle:", ".ttl"), ("ttl:", ".ttl"), ("jsonld:", ".jsonld")]
    )
    def test_schemes(self, tmp_path: Path, net: wk.Network, scheme: str, suffix: str) -> None:
        """``turtle:path``, ``ttl:path`` and ``jsonld:path`` load the file, whatever its suffix."""
        path = tmp_path / "gnd.data"
        wk.write(net, path, "turtle" if suffix == ".ttl" else "jsonld")
        assert wk.load(f"{scheme}{path}") == net

    def test_validate(self, tmp_path: Path, net: wk.Network, capsys: pytest.CaptureFixture[str]) -> None:
        """``waterketen validate`` reads a Turtle export without a problem."""
        from waterketen.cli import main

        path = tmp_path / "gnd.ttl"
        wk.write(net, path)
        assert main(["validate", str(path)]) == 0
        assert "0 rejected" in capsys.readouterr().out
