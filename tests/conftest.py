"""Shared fixtures and the hypothesis profiles.

Profiles: ``dev`` (the default, quick), ``ci`` (chosen when ``CI`` is set) and
``deep`` for long runs: ``HYPOTHESIS_PROFILE=deep nox -s tests``.
"""

from __future__ import annotations

import pytest

import waterketen as wk
from waterketen.testing import register_profiles


register_profiles()


@pytest.fixture(scope="session")
def net() -> wk.Network:
    """The embedded dataset, loaded once."""
    return wk.load()
