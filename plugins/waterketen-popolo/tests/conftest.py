"""Shared fixtures and the hypothesis profiles (as in the core's tests).

Profiles: ``dev`` (the default, quick), ``ci`` (chosen when ``CI`` is set) and
``deep`` for long runs: ``HYPOTHESIS_PROFILE=deep nox -s plugins``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import waterketen as wk
from waterketen.testing import register_profiles


register_profiles()

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "sint-maarten-estates-ep-popolo-v1.0.json"
"""A real EveryPolitician export (CC0); see data/README.md."""


@pytest.fixture(scope="session")
def net() -> wk.Network:
    """The embedded dataset, loaded once."""
    return wk.load()


@pytest.fixture(scope="session")
def fixture_document() -> Any:
    """The real Popolo export, parsed."""
    return json.loads(FIXTURE.read_text(encoding="utf-8"))
