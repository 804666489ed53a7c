"""Every loader, fed arbitrary and damaged input, raises only the library's own errors.

The loaders are found through the plugin manager, so an installed plugin's
source types are fuzzed too (the ``plugins`` nox session runs this file
with every plugin installed).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen.plugins import get_plugin_manager
from waterketen.testing import (
    assert_loads_safely,
    damaged,
    json_lines,
    json_values,
    native_documents,
    non_finite_documents,
    ragged_csv,
    unwritable_documents,
)


PM = get_plugin_manager()
SUFFIXES = sorted({s for t in wk.registry.source_types(PM) for s in t.suffixes})
# Source types reached only by a scheme read a file too (wiki:page.txt): fuzz them
# through their scheme. Not the embedded datasets (a name, fuzzed below) nor csvdir
# (a directory of the CSV files the table reader reads).
SCHEMES = sorted(
    f"{t.schemes[0]}:"
    for t in wk.registry.source_types(PM)
    if t.schemes and not t.suffixes and t.name not in ("embedded", "csvdir")
)
EMBEDDED = wk.formats.native.dumps(wk.load())


def load_bytes(data: bytes, suffix: str) -> None:
    """Write the bytes to a file and load it: ``suffix`` is a file suffix or a ``scheme:``."""
    with tempfile.TemporaryDirectory() as folder:
        scheme = suffix if suffix.endswith(":") else ""
        path = Path(folder) / f"input{'' if scheme else suffix}"
        path.write_bytes(data)
        assert_loads_safely(f"{scheme}{path}", plugins=PM)


@pytest.mark.parametrize("suffix", SUFFIXES + SCHEMES)
class TestEveryLoader:
    @given(st.binary(max_size=300))
    def test_arbitrary_bytes(self, suffix: str, data: bytes) -> None:
        """Arbitrary bytes."""
        load_bytes(data, suffix)

    @given(st.text(max_size=300))
    def test_arbitrary_text(self, suffix: str, text: str) -> None:
        """Arbitrary unicode text."""
        load_bytes(text.encode("utf-8"), suffix)

    @given(json_values)
    def test_arbitrary_json(self, suffix: str, value: object) -> None:
        """Arbitrary JSON documents."""
        load_bytes(json.dumps(value).encode(), suffix)

    @given(native_documents())
    def test_nearly_right_documents(self, suffix: str, document: dict[str, object]) -> None:
        """Native documents with wrong values in real fields."""
        load_bytes(json.dumps(document).encode(), suffix)

    @given(st.data())
    def test_damaged_real_data(self, suffix: str, data: st.DataObject) -> None:
        """The embedded dataset's native JSON, truncated or re-encoded."""
        load_bytes(data.draw(damaged(EMBEDDED)), suffix)


@given(st.text(max_size=40))
def test_embedded_names(name: str) -> None:
    """Any name after embedded: is a dataset or a located problem."""
    assert_loads_safely(f"embedded:{name}", plugins=PM)


WRITERS = ("json", "jsonl", "csvdir", "graphml", "gexf", "node-link")
"""The built-in writers: whatever a load keeps, each of them writes a file that loads back equal."""


def assert_writes_load_back(network: wk.Network) -> None:
    """Write ``network`` with every built-in writer; each file loads back to an equal network.

    ``fsync`` is skipped: it makes a file durable, not different, and takes
    most of a small write's time (tests/test_reliability.py keeps it).
    """
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(os, "fsync", return_value=None):
        for name in WRITERS:
            path = Path(folder) / f"net-{name}"
            wk.write(network, path, name)
            location = f"csvdir:{path}" if name == "csvdir" else f"{name}:{path}"
            assert wk.load(location) == network, name


def lenient(path: Path) -> tuple[wk.Network, wk.LoadReport]:
    """A lenient load, whose accounting holds."""
    assert_loads_safely(str(path))
    network = wk.load(path, strict=False)
    report = network.report
    assert report is not None
    assert report.read == report.accepted + len(report.rejected)
    return network, report


def numbers(problems: tuple[wk.Problem, ...], what: str) -> list[int]:
    """The line or row numbers that the problems' places give."""
    return sorted({int(m.group(1)) for p in problems if (m := re.match(rf"{what} (\d+)", p.place or ""))})


class TestHostileFiles:
    @given(json_lines())
    def test_bad_json_lines_among_good_ones(self, case: tuple[bytes, int, list[int]]) -> None:
        """Each bad line of a JSON Lines file is rejected alone, with its number; every good one is kept."""
        data, good, bad = case
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "net.jsonl"
            path.write_bytes(data)
            network, report = lenient(path)
        assert report.accepted == good
        assert numbers(report.errors, "line") == bad
        assert_writes_load_back(network)

    @given(ragged_csv())
    def test_ragged_csv_rows(self, case: tuple[str, int, list[int]]) -> None:
        """Each row of a CSV table with too many or too few cells is rejected alone; the others are kept."""
        text, good, bad = case
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "organisations.csv").write_text(text, encoding="utf-8", newline="")
            network = wk.load(f"csvdir:{folder}", strict=False)
        report = network.report
        assert report is not None
        assert (report.read, report.accepted) == (good + len(bad), good)
        assert numbers(report.errors, "row") == bad
        assert_writes_load_back(network)

    @given(unwritable_documents())
    def test_unwritable_characters_in_any_text_field(self, case: tuple[dict[str, Any], str, str]) -> None:
        """A lone surrogate or non-character in any text field rejects its record, naming place and field."""
        document, place, field = case
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "net.json"
            path.write_text(json.dumps(document), encoding="ascii")
            network, report = lenient(path)
        found = [(p.place, p.field) for p in report.errors if "unwritable character" in p.reason]
        assert found == [(place, field)], [str(p) for p in report.errors]
        assert_writes_load_back(network)

    @given(non_finite_documents())
    def test_non_finite_numbers(self, case: tuple[str, str, str, str]) -> None:
        """A number that is not finite rejects its record, naming place and field; the rest is kept."""
        suffix, text, place, field = case
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"net{suffix}"
            path.write_text(text, encoding="utf-8")
            network, report = lenient(path)
        assert [(p.place, p.field) for p in report.errors] == [(place, field)]
        assert report.accepted == 1  # the cooperation
        assert_writes_load_back(network)
