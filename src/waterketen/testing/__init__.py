"""Test helpers for waterketen and for plugin authors: in-memory fakes and hypothesis strategies.

The fakes need nothing beyond waterketen itself; the strategies need
``hypothesis``, which the ``testing`` extra installs
(``pip install 'waterketen[testing]'``)::

    from hypothesis import given
    from waterketen.testing import networks

    @given(networks())
    def test_my_writer_round_trips(net):
        assert my_read(my_write(net)) == net
"""

from __future__ import annotations

import importlib
from typing import Any

from ..errors import MissingExtraError
from ._fakes import FakeSource, fake_plugin


__all__ = [
    "FakeSource",
    "assert_loads_safely",
    "bounds",
    "damaged",
    "fake_plugin",
    "histories",
    "ids",
    "instants",
    "json_lines",
    "json_values",
    "names",
    "native_documents",
    "networks",
    "non_finite_documents",
    "periods",
    "ragged_csv",
    "register_profiles",
    "unwritable",
    "unwritable_documents",
]

_STRATEGIES = frozenset(__all__) - {"FakeSource", "fake_plugin"}
_HOSTILE = frozenset(
    {"json_lines", "non_finite_documents", "ragged_csv", "unwritable", "unwritable_documents"}
)
_HISTORIES = frozenset(
    {"assert_loads_safely", "damaged", "histories", "json_values", "native_documents", "register_profiles"}
)


def __getattr__(name: str) -> Any:
    if name in _STRATEGIES:
        try:
            home = "_histories" if name in _HISTORIES else "_hostile" if name in _HOSTILE else "_strategies"
            module = importlib.import_module(f"waterketen.testing.{home}")
        except ModuleNotFoundError as exc:
            if exc.name != "hypothesis":
                raise
            raise MissingExtraError(
                f"waterketen.testing.{name} needs hypothesis, which is not installed; "
                "install it with: pip install 'waterketen[testing]'",
                name="hypothesis",
            ) from exc
        return getattr(module, name)
    raise AttributeError(f"module 'waterketen.testing' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
