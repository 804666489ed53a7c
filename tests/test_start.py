"""A start that does not grow with the data: what a command imports, and the lazy built-ins it relies on."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import waterketen as wk
from waterketen import _builtins
from waterketen.registry import source_types, writers


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return set(result.stdout.split("\n")[-2].split())


def command(*args: str) -> str:
    return (
        "import io, contextlib\nfrom waterketen.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    assert main({list(args)!r}) == 0"
    )


# Modules a command on an embedded dataset needs not import: the builders of the
# shipped data, the other formats, the tables, the domain rules, the file helpers.
NOT_AT_START = (
    "waterketen.regions._build",
    "waterketen.regions._files",
    "waterketen.register._municipalities",
    "waterketen.register.history",
    "waterketen.formats.graph",
    "waterketen.formats.csvdir",
    "waterketen.formats.jsonl",
    "waterketen.formats.files",
    "waterketen.sources.tables",
    "waterketen.sources._prebuild",
    "waterketen._rules",
    "waterketen.checks",
    "tomllib",
    "tempfile",
    "shutil",
    "importlib.resources",
)


class TestImports:
    def test_import_is_lazy(self) -> None:
        """``import waterketen`` runs the facade alone (and the attrs code cache); each name imports its
        home when first used."""
        loaded = modules_after("import waterketen")
        assert {m for m in loaded if m.startswith("waterketen.")} == {"waterketen._codecache"}
        loaded = modules_after("import waterketen as wk\nwk.Period")
        assert "waterketen._time" in loaded
        assert "waterketen.loading" not in loaded

    @pytest.mark.parametrize(
        "args",
        [
            (),
            ("partners",),
            ("register", "lookup", "GM0005"),
            ("find", "Achterhoek", "regions:"),
            ("show", "embedded:groningen-noord-drenthe", "register:", "regions:", "--lenient"),
        ],
        ids=lambda a: " ".join(a) or "main-job",
    )
    def test_a_command_imports_only_what_it_needs(self, args: tuple[str, ...]) -> None:
        """A command on the embedded datasets reads their prebuilt form: no builder, format, table module."""
        loaded = modules_after(command(*args))
        assert loaded.isdisjoint(NOT_AT_START), sorted(loaded.intersection(NOT_AT_START))
        assert "waterketen.sources._prebuilt" in loaded

    @pytest.mark.parametrize(
        "args", [(), ("partners",), ("register", "lookup", "GM0005"), ("show", "regions:")]
    )
    def test_prebuilt_data_needs_no_converter_and_no_plugin_manager(self, args: tuple[str, ...]) -> None:
        """The prebuilt entities are structured already and built-in schemes are settled by the
        built-ins' descriptions: neither cattrs nor pluggy is imported."""
        loaded = modules_after(command(*args))
        assert loaded.isdisjoint({"cattrs", "pluggy", "waterketen.convert", "waterketen.plugins"}), sorted(
            loaded.intersection({"cattrs", "pluggy", "waterketen.convert", "waterketen.plugins"})
        )

    def test_the_main_job_imports_the_national_answer_alone(self) -> None:
        """The answers are imported by name: the main job imports the national one and its table."""
        loaded = modules_after(command())
        assert "waterketen.answers._national" in loaded
        others = {"waterketen.answers._history", "waterketen.answers._network", "waterketen.answers._rows"}
        assert loaded.isdisjoint(others), sorted(loaded & others)

    def test_every_answer_is_found_by_its_name(self) -> None:
        """Each name of ``waterketen.answers.__all__`` has a home, and is the object of that home."""
        from waterketen import answers

        assert set(answers._HOMES) == set(answers.__all__)
        for name, home in answers._HOMES.items():
            module = importlib.import_module(f"waterketen.answers.{home}")
            assert getattr(answers, name) is getattr(module, name), name
        with pytest.raises(AttributeError):
            answers.nothing  # noqa: B018

    def test_a_json_file_still_loads_through_the_converter(self, tmp_path: Path) -> None:
        """A file that is not prebuilt is structured by the converter, as before."""
        path = tmp_path / "net.json"
        path.write_text(wk.formats.native.dumps(wk.load()), encoding="utf-8")
        loaded = modules_after(f"import waterketen as wk\nassert len(wk.load({str(path)!r})) > 0")
        assert {"cattrs", "waterketen.convert"} <= loaded

    def test_the_rules_come_when_asked_for(self) -> None:
        """The domain rules are imported on the first check, and then they run."""
        loaded = modules_after(command("check"))
        assert "waterketen._rules" in loaded


class TestLazyBuiltins:
    @pytest.mark.parametrize("key", sorted(_builtins.HOMES))
    def test_each_described_as_its_module_does(self, key: str) -> None:
        """Each built-in source type and writer is described as the object in its own module."""
        module, name = _builtins.HOMES[key]
        home = getattr(importlib.import_module(f"waterketen.{module}"), name)
        kind = key.split()[0]
        listed = {t.name: t for t in (source_types() if kind == "source" else writers())}
        described = listed[home.name]
        for field in ("name", "description", "suffixes", "aliases"):
            assert getattr(described, field) == getattr(home, field), field
        if kind == "source":
            assert described.schemes == home.schemes

    def test_every_builtin_is_described(self) -> None:
        """Every built-in is listed through its description, and opens or writes through its module."""
        assert {f"source {t.name}" for t in _builtins.waterketen_source_types()} | {
            f"writer {w.name}" for w in _builtins.waterketen_writers()
        } == set(_builtins.HOMES)

    def test_the_builtins_without_a_manager_are_those_of_a_fresh_default_manager(self) -> None:
        """Before the default manager is made, the built-in schemes are settled by the descriptions
        that a fresh default manager's built-in plugins offer, in the same order."""
        probe = (
            "import os\nos.environ.pop('WATERKETEN_DISABLE_PLUGINS', None)\n"
            "from waterketen import registry\n"
            "before = registry._builtin_source_types(None)\n"
            "import sys\nassert 'pluggy' not in sys.modules\n"
            "from waterketen.plugins import default_plugin_manager\n"
            "pm = default_plugin_manager()\n"
            "after = registry._flat(registry.offered_by('waterketen_source_types', pm, builtin_only=True))\n"
            "assert before == after and registry._builtin_source_types(None) == after\n"
        )
        subprocess.run([sys.executable, "-c", probe], check=True, timeout=60)

    def test_the_registry_names_the_plugins_as_the_plugins_module_does(self) -> None:
        from waterketen import plugins, registry

        assert plugins.DEFAULT_PLUGINS[0] == registry._BUILTINS
        assert registry._DISABLE_VARIABLE == plugins.DISABLE_VARIABLE

    def test_blocked_builtins_are_asked_of_the_manager(self) -> None:
        """With the built-ins blocked, the default manager decides (and offers none of them)."""
        probe = (
            "import os\nos.environ['WATERKETEN_DISABLE_PLUGINS'] = 'waterketen._builtins'\n"
            "from waterketen import registry\n"
            "assert registry._builtin_source_types(None) == ()\n"
        )
        subprocess.run([sys.executable, "-c", probe], check=True, timeout=60)

    def test_opens_through_its_module(self) -> None:
        """A lazy source type opens with its module's function: the embedded dataset loads."""
        embedded = next(t for t in source_types() if t.name == "embedded")
        source = embedded.open("groningen-noord-drenthe")
        assert wk.load(source) == wk.load()


class TestReferencesWithoutTypeHints:
    def test_the_text_of_each_annotation_says_what_the_hints_say(self) -> None:
        """Reading a field's item class from its annotation's text agrees with typing.get_type_hints."""
        import typing

        import attrs

        from waterketen.loading._integrity import _item_class_of_text
        from waterketen.model import ENTITY_TYPES

        for cls in ENTITY_TYPES.values():
            hints = typing.get_type_hints(cls)
            for field in attrs.fields(cls):
                known, item = _item_class_of_text(cls, field.type)
                hint = hints[field.name]
                args = typing.get_args(hint)
                expected = (
                    args[0] if typing.get_origin(hint) is tuple and args and attrs.has(args[0]) else None
                )
                assert known, (cls.__name__, field.name)
                assert item is expected, (cls.__name__, field.name)

    def test_what_the_text_cannot_say_is_left_to_the_hints(self) -> None:
        """An annotation that is no plain text of classes (an alias, typing.Tuple) is left to the hints."""
        from waterketen.loading._integrity import _item_class_of_text
        from waterketen.model import Membership

        assert _item_class_of_text(Membership, "Tuple[Duty, ...]") == (False, None)
        assert _item_class_of_text(Membership, "Undefined") == (False, None)
        assert _item_class_of_text(Membership, int) == (True, None)


class TestTerminalWidth:
    @pytest.mark.parametrize("columns", [None, "60", "200", "0", "-3", "wide"])
    def test_the_width_is_the_one_shutil_finds(
        self, monkeypatch: pytest.MonkeyPatch, columns: str | None
    ) -> None:
        """The parser's help is as wide as argparse's own formatter makes it, without importing shutil."""
        import shutil

        from waterketen.cli._parser import Formatter, terminal_width

        if columns is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", columns)
        assert terminal_width() == shutil.get_terminal_size().columns
        assert Formatter("waterketen")._width == argparse.HelpFormatter("waterketen")._width
