"""``waterketen map [REGION] --at DAY -o FILE``, through the plugin and through the core's command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import waterketen_map as wm
from waterketen import cli


class TestCommand:
    @pytest.mark.parametrize(
        ("suffix", "start"),
        [
            (".geojson", b'{"type": "FeatureCollection"'),
            (".png", b"\x89PNG"),
            (".svg", b"<?xml"),
            (".html", b"<!DOCTYPE"),
        ],
    )
    def test_suffix_chooses(self, tmp_path: Path, suffix: str, start: bytes) -> None:
        """The suffix of FILE chooses GeoJSON, PNG, SVG or HTML."""
        path = tmp_path / f"map{suffix}"
        assert wm.main(["Groningen & Noord-Drenthe", "--at", "2016-01-01", "-o", str(path)]) == 0
        assert path.read_bytes().startswith(start)

    def test_geojson_of_the_day(self, tmp_path: Path) -> None:
        """--at chooses the day of the map."""
        path = tmp_path / "map.geojson"
        assert wm.main(["groningen-noord-drenthe", "--at", "2025-01-01", "-o", str(path)]) == 0
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["day"] == "2025-01-01"
        assert sum(f["properties"]["kind"] == "municipality" for f in doc["features"]) == 14

    def test_page_of_one_day(self, tmp_path: Path) -> None:
        """With --at the page offers that day only; without, every day the map changes."""
        one, every = tmp_path / "one.html", tmp_path / "every.html"
        assert wm.main(["--at", "2016-01-01", "-o", str(one)]) == 0
        assert wm.main(["-o", str(every)]) == 0
        assert one.read_text(encoding="utf-8").count("<option") == 1
        assert every.read_text(encoding="utf-8").count("<option") == 8

    @pytest.mark.parametrize(
        ("args", "code", "message"),
        [
            (["-o", "map.jpg"], 2, "FILE must end in .geojson, .png, .svg, .html"),
            (["--at", "2016", "-o", "map.png"], 2, "whole day"),
            (["--at", "2016-02-31", "-o", "map.png"], 2, "not a real date"),
            (["Atlantis", "-o", "map.png"], 1, "no one cooperation is called 'Atlantis'"),
            ([], 2, "required: -o/--output"),
        ],
    )
    def test_errors(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
    ) -> None:
        """Wrong usage exits 2, what cannot be drawn 1, each with a message."""
        args = [str(tmp_path / a) if a.startswith("map.") else a for a in args]
        assert wm.main(args) == code
        assert message in capsys.readouterr().err

    def test_unwritable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that cannot be written exits 1."""
        assert wm.main(["-o", str(tmp_path / "no" / "such" / "map.png")]) == 1
        assert "No such file" in capsys.readouterr().err


class TestThroughTheCore:
    def test_core_command(self, tmp_path: Path) -> None:
        """``waterketen map`` runs the plugin's command."""
        path = tmp_path / "map.svg"
        result = subprocess.run(
            [sys.executable, "-m", "waterketen", "map", "--at", "2016-01-01", "-o", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert path.read_text(encoding="utf-8").startswith("<?xml")

    def test_listed_in_help(self) -> None:
        """The core's help lists ``map``."""
        result = subprocess.run(
            [sys.executable, "-m", "waterketen", "--help"], capture_output=True, text=True, check=True
        )
        assert "\n    map " in result.stdout

    def test_without_the_plugin(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without the plugin, ``waterketen map`` says how to install it and exits 1."""
        monkeypatch.setitem(sys.modules, "waterketen_map", None)  # an import of it now fails
        assert cli.main(["map", "-o", "map.png"]) == 1
        assert "pip install ./plugins/waterketen-map" in capsys.readouterr().err
