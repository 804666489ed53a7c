"""The optional orjson parse of native JSON: kept only when it is surely the strict parse."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen.formats.files import no_duplicate_keys, reject_constant
from waterketen.formats.native import fast_parse
from waterketen.testing import json_values


pytest.importorskip("orjson")

_keys = st.text(alphabet='ab:"\\é\u2028', max_size=4)


@st.composite
def _objects(draw: st.DrawFn, depth: int = 2) -> str:
    """JSON text of an object whose keys may repeat, colons written plainly or as \\u003a."""
    pairs = draw(st.lists(st.tuples(_keys, json_values), max_size=5))
    parts = []
    for key, value in pairs:
        inner = draw(_objects(depth - 1)) if depth and draw(st.booleans()) else json.dumps(value)
        text = json.dumps(key, ensure_ascii=draw(st.booleans()))
        if draw(st.booleans()):
            text = text.replace(":", "\\u003a")
        parts.append(f"{text}{draw(st.sampled_from(['', ' ', chr(10)]))}:{inner}")
    return "{" + ",".join(parts) + "}"


def _strict(raw: bytes) -> Any:
    return json.loads(raw.decode(), object_pairs_hook=no_duplicate_keys, parse_constant=reject_constant)


class TestFastParse:
    """What orjson parses is kept only when the strict parse gives the same."""

    @given(_objects())
    def test_kept_only_when_strict_agrees(self, text: str) -> None:
        """A kept parse equals the strict one; a text with a duplicate key is never kept."""
        raw = text.encode()
        found = fast_parse(raw)
        try:
            expected = _strict(raw)
        except ValueError:
            assert found is None
            return
        if found is not None:
            assert found == expected

    @given(st.dictionaries(_keys, json_values, max_size=6))
    def test_kept_without_duplicates(self, table: dict[str, Any]) -> None:
        """A text without duplicates is kept, equal to the strict parse, unless it has a long number."""
        raw = json.dumps(table, allow_nan=True).encode()
        found = fast_parse(raw)
        try:
            expected = _strict(raw)
        except ValueError:  # Infinity or NaN: no JSON
            assert found is None
            return
        if re.search(rb"[0-9]{19}", raw):
            assert found is None or found == expected
        else:
            assert found == expected

    @pytest.mark.parametrize(
        "raw",
        [
            b'{"a": 1, "a": 2}',
            b'{"a": {"b": 1, "b": 1}}',
            b'{"a": 1, "a": "\\u003a"}',
            b'{"x:": 1, "x:": 1}',
            b"\xef\xbb\xbf{}",
            b'{"a": "\\ud800"}',
            b'{"a": 123456789012345678901234567890}',
            b'{"a": -9223372036854775809}',
            b'{"a": NaN}',
        ],
    )
    def test_refused(self, raw: bytes) -> None:
        """Duplicates, a byte-order mark, lone surrogates, huge integers and NaN go to the strict parse."""
        assert fast_parse(raw) is None

    def test_without_orjson(self) -> None:
        """Without orjson installed, nothing is parsed fast."""
        with mock.patch.dict(sys.modules, {"orjson": None}):
            assert fast_parse(b"{}") is None

    def test_duplicate_key_still_an_error(self, tmp_path: Path) -> None:
        """A native file with a duplicate key is refused with its reason, orjson installed or not."""
        path = tmp_path / "net.json"
        path.write_text('{"organisations": [{"id": "a", "id": "b", "name": "A", "kind": "municipality"}]}')
        with pytest.raises(wk.WaterketenError, match="duplicate key 'id'"):
            wk.load(path)
        with (
            mock.patch.dict(sys.modules, {"orjson": None}),
            pytest.raises(wk.WaterketenError, match="duplicate"),
        ):
            wk.load(path)

    def test_same_network(self, tmp_path: Path) -> None:
        """The embedded dataset written out loads to the same network through either parse."""
        path = tmp_path / "net.json"
        wk.formats.native.write_json(wk.load(), path)
        assert fast_parse(path.read_bytes()) is not None
        fast = wk.load(path)
        with mock.patch.dict(sys.modules, {"orjson": None}):
            assert wk.load(path) == fast
