"""Bad input: whatever the bytes or the JSON, only waterketen's own errors escape, and the accounts hold."""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
import waterketen_popolo as wp
from hypothesis import given
from hypothesis import strategies as st
from popolo_strategies import json_values, messy_documents

import waterketen as wk


def check(network: wk.Network) -> None:
    """The accounts hold, and the plugin itself never failed (no bug reported as a problem)."""
    report = network.report
    assert report is not None
    assert report.read == report.accepted + len(report.rejected)
    assert not any("failed while reading" in p.reason for p in report.problems)


def read_bytes(raw: bytes, *, strict: bool) -> wk.Network | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.popolo.json"
        path.write_bytes(raw)
        try:
            return wp.read(path, strict=strict)
        except wk.WaterketenError:
            assert strict
            return None


class TestAnything:
    @given(st.binary(max_size=200))
    def test_arbitrary_bytes(self, raw: bytes) -> None:
        """Any bytes: a lenient read never raises, a strict one raises only a WaterketenError."""
        network = read_bytes(raw, strict=False)
        assert network is not None
        check(network)
        read_bytes(raw, strict=True)

    @given(json_values)
    def test_arbitrary_json(self, value: Any) -> None:
        """Any JSON value, as a file or as a parsed document, is read or reported."""
        check(wk.load(wp.PopoloSource.of_document(value), strict=False))
        network = read_bytes(json.dumps(value).encode(), strict=False)
        assert network is not None
        check(network)

    @given(messy_documents())
    def test_popolo_shaped_anything(self, document: dict[str, Any]) -> None:
        """Documents with Popolo's collections and keys but any values: records read = accepted + rejected."""
        network = wp.read(document, strict=False)
        check(network)
        with contextlib.suppress(wk.WaterketenError):
            wp.read(document)

    @given(messy_documents())
    def test_whatever_is_read_writes_and_reads_back(self, document: dict[str, Any]) -> None:
        """Whatever part of a messy document is accepted writes out and reads back equal."""
        network = wp.read(document, strict=False)
        assert wp.read(json.loads(wp.dumps(network))) == network


class TestUnreadable:
    @pytest.mark.parametrize(
        ("raw", "reason"),
        [
            (b"\xff\xfe", "not UTF-8 text"),
            (b'{"persons": [', "invalid JSON"),
            (b'{"persons": [], "persons": []}', "duplicate key 'persons'"),
            (b'{"x": NaN}', "NaN is not a number JSON allows"),
            (b"[" * 100_000, "nested too deeply"),
            (b"[]", "expected a Popolo document"),
            (b'{"waterketen": {"version": 2}}', "expected version 1 of the extension"),
        ],
    )
    def test_source_errors(self, tmp_path: Path, raw: bytes, reason: str) -> None:
        """A document that cannot be read at all is one problem naming the source and the reason."""
        path = tmp_path / "bad.popolo.json"
        path.write_bytes(raw)
        network = wp.read(path, strict=False)
        assert network.report is not None
        (problem,) = network.report.problems
        assert problem.source == str(path)
        assert reason in problem.reason

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that is not there is a LoadError, not an OSError."""
        with pytest.raises(wk.LoadError, match="cannot read the file"):
            wp.read(tmp_path / "nothing.popolo.json")

    def test_not_a_list(self) -> None:
        """A collection that is not a list is one record, read or reported like any other."""
        network = wp.read({"persons": {"id": "p", "name": "P"}, "posts": 5}, strict=False)
        assert network["p"].name == "P"
        assert network.report is not None
        assert [(r.record.provenance.locator, r.problems[0].reason) for r in network.report.rejected] == [
            ("/posts", "expected a table of fields, got 5")
        ]
