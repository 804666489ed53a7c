"""Shared fixtures and the hypothesis profiles (the same as the core's).

Profiles: ``dev`` (the default, quick), ``ci`` (chosen when ``CI`` is set) and
``deep`` for long runs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import waterketen as wk
from waterketen_wiki import WikiPage


settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("deep", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

DATA = Path(__file__).parent / "data"
SEED = DATA / "groningen-noord-drenthe-wiki-2019.txt"


@pytest.fixture(scope="session")
def embedded() -> wk.Network:
    """The embedded dataset, loaded once."""
    return wk.load()


@pytest.fixture(scope="session")
def seed_page() -> WikiPage:
    """The seed page as a source, read once (its warnings and dates are set)."""
    page = WikiPage(SEED)
    list(page.records())
    return page


@pytest.fixture(scope="session")
def seed() -> wk.Network:
    """The seed page loaded through the plugin, strictly."""
    return wk.load(f"wiki:{SEED}")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """Where the copy of the seed page is."""
    return SEED
