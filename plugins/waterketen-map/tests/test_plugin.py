"""The plugin as installed: entry point, writer, packaged data."""

from __future__ import annotations

import hashlib
from importlib import resources

import waterketen as wk
import waterketen_map as wm
from waterketen.plugins import get_plugin_manager


SHA256 = {
    "gemeenten-2014-noord.geojson": "deeb74a8c55fe9fbf65c3d0ffe87f9846ed5c84b77b3dff78a022f990753ecc7",
    "gemeenten-2023.geojson": "cba9a6974dfbdac66ce15154dbbc54939850e801b1aa6b49509b3ee8a588f678",
    "gemeenten-2025-noord.geojson": "8a55bf421c431c45a13659b6be1a4177f0a6c6e1f0a884599335a4704c7b8c67",
}
"""The checksums the reference data's README gives: the files ship unchanged."""


class TestInstalled:
    def test_entry_point(self) -> None:
        """The plugin is found in the entry-point group ``waterketen``, with its version and writer."""
        info = {p.name: p for p in wk.plugins.list_plugins(get_plugin_manager())}
        assert (info["map"].package, info["map"].version) == ("waterketen-map", "0.1.0")
        assert wk.registry.find_writer("geojson").suffixes == (".geojson",)

    def test_data_unchanged(self) -> None:
        """The three boundary files ship byte for byte as the reference data has them."""
        data = resources.files("waterketen_map").joinpath("data")
        for name, digest in SHA256.items():
            assert hashlib.sha256(data.joinpath(name).read_bytes()).hexdigest() == digest
        assert [f.name for f in wm.boundary_files()] == list(SHA256)

    def test_counts(self) -> None:
        """The files hold 35, 342 and 22 municipalities, every geometry valid."""
        files = wm.boundary_files()
        assert [len(f.shapes) for f in files] == [35, 342, 22]
        assert all(g.is_valid for f in files for g in f.shapes.values())
