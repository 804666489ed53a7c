"""The ``waterketen`` command, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "waterketen", *args], capture_output=True, text=True, timeout=60, check=False
    )


class TestShow:
    def test_default_shows_the_embedded_network(self) -> None:
        """With no arguments, the command shows the embedded dataset as of today."""
        result = run()
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Groningen & Noord-Drenthe  [groningen-noord-drenthe]")

    def test_at_a_date(self) -> None:
        """--at shows the seed's picture: 31 partners, 7 clusters, the regiegroep."""
        result = run("--at", "2016-01-01")
        assert result.returncode == 0, result.stderr
        out = result.stdout
        assert "Partners (31): 27 municipalities, 2 water boards, 2 drinking-water companies" in out
        assert "Clusters (7)" in out
        assert "DAL                 Delfzijl (GM0010), Appingedam (GM0003), Loppersum (GM0024)" in out
        assert "Regiegroep (11 seats stated, 11 member posts)" in out
        assert "secretary Waterregisseur" in out
        assert "chair     Waterregisseur" in out

    def test_bad_date_is_a_usage_error(self) -> None:
        """An impossible date exits 2 with the reason on stderr."""
        result = run("--at", "2019-02-31")
        assert result.returncode == 2
        assert "not a real date" in result.stderr
        assert result.stdout == ""

    def test_version(self) -> None:
        """--version prints the version."""
        result = run("--version")
        assert result.returncode == 0
        assert result.stdout.startswith("waterketen ")


class TestValidateAndExport:
    def test_validate_clean(self) -> None:
        """validate exits 0 on clean data and reports the counts."""
        result = run("validate")
        assert result.returncode == 0
        assert "0 rejected" in result.stdout

    def test_validate_bad_source(self, tmp_path: Path) -> None:
        """validate exits 1 and names every problem's place."""
        path = tmp_path / "bad.json"
        path.write_text(json.dumps({"cooperations": [{"id": "c"}]}), encoding="utf-8")
        result = run("validate", str(path))
        assert result.returncode == 1
        assert f"{path} /cooperations/0 name: required field is missing" in result.stdout

    def test_show_bad_source_exits_1(self, tmp_path: Path) -> None:
        """A strict load that fails exits 1 with the problems on stderr."""
        path = tmp_path / "bad.json"
        path.write_text("{", encoding="utf-8")
        result = run("show", str(path))
        assert result.returncode == 1
        assert "invalid JSON" in result.stderr

    def test_export_round_trip(self, tmp_path: Path) -> None:
        """export writes native JSON that show reads back."""
        path = tmp_path / "net.json"
        assert run("export", "-o", str(path)).returncode == 0
        result = run("show", str(path), "--at", "2016-01-01")
        assert result.returncode == 0
        assert "Partners (31)" in result.stdout

    @pytest.mark.parametrize("args", [["--nope"], ["export"]])
    def test_usage_errors_exit_2(self, args: list[str]) -> None:
        """Wrong usage exits 2."""
        assert run(*args).returncode == 2

    def test_sources(self) -> None:
        """sources lists the built-in source types."""
        result = run("sources")
        assert result.returncode == 0
        assert "native-json" in result.stdout
        assert "embedded:" in result.stdout
