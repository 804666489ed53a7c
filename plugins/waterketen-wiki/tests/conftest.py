"""Shared fixtures and the hypothesis profiles (the same as the core's).

Profiles: ``dev`` (the default, quick), ``ci`` (chosen when ``CI`` is set) and
``deep`` for long runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import waterketen as wk
from waterketen.testing import register_profiles
from waterketen_wiki import WikiPage


register_profiles()

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
