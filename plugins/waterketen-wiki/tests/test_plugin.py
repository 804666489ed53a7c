"""The plugin is installed like any other: an entry point, a hook, documented and doctested."""

from __future__ import annotations

import doctest
import importlib
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import waterketen as wk
import waterketen_wiki
from waterketen.plugins import get_plugin_manager


PLUGIN = Path(__file__).parent.parent
MODULES = [
    "waterketen_wiki",
    "waterketen_wiki.source",
    "waterketen_wiki._text",
    "waterketen_wiki._register",
    "waterketen_wiki._read",
    "waterketen_wiki._build",
    "waterketen_wiki._governance",
    "waterketen_wiki._output",
    "waterketen_wiki._programme",
    "waterketen_wiki._patterns",
]


class TestRegistration:
    def test_entry_point(self) -> None:
        """The package names its module in the entry-point group ``waterketen``."""
        (point,) = [ep for ep in entry_points(group="waterketen") if ep.name == "wiki"]
        assert point.value == "waterketen_wiki"
        assert point.load() is waterketen_wiki

    def test_installed_plugin_offers_the_scheme(self) -> None:
        """A manager that loads the installed plugins knows the ``wiki:`` scheme."""
        pm = get_plugin_manager()
        assert "wiki" in {t.name for t in wk.registry.source_types(pm)}
        assert [p.package for p in wk.plugins.list_plugins(pm) if p.name == "wiki"] == ["waterketen-wiki"]

    def test_found_on_demand(self, seed_path: Path) -> None:
        """The default manager finds the plugin when a location asks for ``wiki:``."""
        assert isinstance(wk.loading.open_source(f"wiki:{seed_path}"), waterketen_wiki.WikiPage)


class TestDocs:
    @pytest.mark.parametrize("name", MODULES)
    def test_docstring_examples(self, name: str) -> None:
        """The examples in the modules' docstrings run."""
        module = importlib.import_module(name)
        result = doctest.testmod(
            module, extraglobs={"wk": wk}, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
        )
        assert result.failed == 0

    def test_readme_examples(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The README's examples run, from the plugin's folder."""
        monkeypatch.chdir(PLUGIN)
        result = doctest.testfile(
            str(PLUGIN / "README.md"),
            module_relative=False,
            globs={"wk": wk},
            optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        )
        assert result.attempted > 0
        assert result.failed == 0
