"""Shared fixtures and the hypothesis profiles (as in the core's tests)."""

from __future__ import annotations

import pytest
import waterketen_rdf as wr
from rdflib import Graph

import waterketen as wk
from waterketen.testing import register_profiles


register_profiles()


@pytest.fixture(scope="session")
def net() -> wk.Network:
    """The embedded dataset, loaded once."""
    return wk.load()


@pytest.fixture(scope="session")
def turtle(net: wk.Network) -> Graph:
    """The Turtle export of the embedded dataset, parsed again by rdflib."""
    graph = Graph()
    graph.parse(data=wr.dumps(net, "turtle"), format="turtle")
    return graph
