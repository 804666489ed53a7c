"""Doctests everywhere (src/, docs/, README.md) get the package as ``wk`` (networkx's habit)."""

from __future__ import annotations

from typing import Any

import pytest

import waterketen as wk


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace: dict[str, Any]) -> None:
    doctest_namespace["wk"] = wk
