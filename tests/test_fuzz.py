"""Every loader, fed arbitrary and damaged input, raises only the library's own errors.

The loaders are found through the plugin manager, so an installed plugin's
source types are fuzzed too (the ``plugins`` nox session runs this file
with every plugin installed).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen.plugins import get_plugin_manager
from waterketen.testing import assert_loads_safely, damaged, json_values, native_documents


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
