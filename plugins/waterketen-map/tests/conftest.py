"""Shared fixtures and the hypothesis profiles (as in the core's tests).

Profiles: ``dev`` (the default, quick), ``ci`` (chosen when ``CI`` is set) and
``deep`` for long runs: ``HYPOTHESIS_PROFILE=deep nox -s plugins``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import waterketen as wk
from waterketen.testing import register_profiles


register_profiles()

REGION = "groningen-noord-drenthe"


@pytest.fixture(scope="session")
def net() -> wk.Network:
    """The embedded dataset, loaded once."""
    return wk.load()


def _municipality(id: str, code: str | None, **period: str) -> dict[str, Any]:
    record: dict[str, Any] = {"id": id, "name": id.replace("-", " ").title(), "kind": "municipality"}
    if code is not None:
        record["identifiers"] = [{"scheme": "cbs", "value": code}]
    if period:
        record["period"] = period
    return record


@pytest.fixture
def synthetic(tmp_path: Path) -> Callable[[list[dict[str, Any]], list[dict[str, Any]]], wk.Network]:
    """A network made up for a test: the given organisations and changes, in the native format.

    These are not facts about the real network; the ids start with ``test-``.
    """

    def make(organisations: list[dict[str, Any]], changes: list[dict[str, Any]]) -> wk.Network:
        path = tmp_path / "synthetic.json"
        document = {"format": "waterketen", "version": 1, "organisations": organisations, "changes": changes}
        path.write_text(json.dumps(document), encoding="utf-8")
        return wk.load(path)

    return make


municipality = _municipality
