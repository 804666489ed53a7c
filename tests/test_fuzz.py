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
SUFFIXES = sorted({s for t in wk.source_types(PM) for s in t.suffixes})
EMBEDDED = wk.dumps(wk.load())


def load_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        assert_loads_safely(str(path), plugins=PM)


@pytest.mark.parametrize("suffix", SUFFIXES)
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
