"""Shared fixtures and the hypothesis profiles (as in the core's tests).

Profiles: ``dev`` (the default, quick), ``ci`` (chosen when ``CI`` is set) and
``deep`` for long runs: ``HYPOTHESIS_PROFILE=deep nox -s plugins``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import waterketen as wk


settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("deep", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

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
