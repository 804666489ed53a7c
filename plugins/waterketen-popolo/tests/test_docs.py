"""The examples in the docstrings and the README run."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import popolo_schema
import pytest
import waterketen_popolo

import waterketen as wk


FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
MODULES = [
    waterketen_popolo.__name__,
    *(f"{waterketen_popolo.__name__}.{m.name}" for m in pkgutil.iter_modules(waterketen_popolo.__path__)),
]
README = Path(__file__).parent.parent / "README.md"


@pytest.mark.parametrize("name", MODULES)
def test_module_examples(name: str) -> None:
    """Every example in the plugin's docstrings runs as written."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS, extraglobs={"wk": wk}, raise_on_error=False)
    assert result.failed == 0


def test_schema_check_examples() -> None:
    """The examples of the tests' schema check run as written."""
    assert doctest.testmod(popolo_schema, optionflags=FLAGS).failed == 0


def test_readme_examples() -> None:
    """The README's examples run as written."""
    result = doctest.testfile(str(README), module_relative=False, optionflags=FLAGS, globs={"wk": wk})
    assert result.attempted > 0
    assert result.failed == 0


def test_docs_page_examples() -> None:
    """The examples of the core's docs/popolo.md run as written (the core's Sphinx build has no plugin)."""
    page = Path(__file__).parents[3] / "docs" / "popolo.md"
    result = doctest.testfile(str(page), module_relative=False, optionflags=FLAGS, globs={"wk": wk})
    assert result.attempted > 0
    assert result.failed == 0
