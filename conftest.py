"""Doctests everywhere (src/, docs/, README.md) get the package as ``wk`` (networkx's habit)."""

from __future__ import annotations

from typing import Any

import pytest

import waterketen as wk


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


# Pages whose examples need a plugin: the plugin's own tests run them (it is installed there).
NEEDS_PLUGIN = {"docs/popolo.md": "waterketen_popolo"}
collect_ignore = [page for page, plugin in NEEDS_PLUGIN.items() if not _installed(plugin)]


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace: dict[str, Any]) -> None:
    doctest_namespace["wk"] = wk
