"""The shape of the package: small modules, no import cycles, a small facade, one registry."""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import waterketen as wk
from waterketen.network import Network
from waterketen.snapshot import Snapshot


PACKAGE = Path(wk.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 450


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The modules of the package that ``path`` imports, at any depth, except under TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - child.level + 1]
                    target = ".".join([*base, child.module] if child.module else base)
                else:
                    target = child.module or ""
                if target.startswith("waterketen"):
                    found.add(target)
                    for alias in child.names:  # `from . import query` imports the module query
                        candidate = f"{target}.{alias.name}"
                        if any(_module_name(p) == candidate for p in MODULES):
                            found.add(candidate)
            elif isinstance(child, ast.Import):
                found.update(a.name for a in child.names if a.name.startswith("waterketen"))
            visit(child)

    visit(tree)
    modules = {_module_name(p) for p in MODULES}
    # A module's own packages run before it whatever it imports: an edge to them is no cycle.
    ancestors = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
    return {m for m in found if m in modules and m != name and m not in ancestors}


class TestModules:
    @pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
    def test_small_with_a_docstring(self, path: Path) -> None:
        """Every module is at most 450 lines and opens with a docstring that says its one job."""
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= MAX_LINES
        assert ast.get_docstring(ast.parse(text)), f"{path.name} has no docstring"

    def test_no_import_cycles(self) -> None:
        """No module imports itself through others, counting imports inside functions."""
        graph = {_module_name(p): _imports(p) for p in MODULES}
        cycles = []
        state: dict[str, int] = {}

        def walk(node: str, trail: list[str]) -> None:
            state[node] = 1
            for target in sorted(graph.get(node, ())):
                # Importing a package's module also runs the package's __init__: count that edge.
                if state.get(target) == 1:
                    cycles.append([*trail[trail.index(target) :], target])
                elif target not in state:
                    walk(target, [*trail, target])
            state[node] = 2

        for module in sorted(graph):
            if module not in state:
                walk(module, [module])
        assert cycles == []


class TestFacade:
    def test_small_and_sorted(self) -> None:
        """The facade exports at most 45 names, sorted, each of which resolves."""
        assert len(wk.__all__) <= 45
        # isort-style, as ruff keeps it: constants, then classes, then the rest.
        assert wk.__all__ == sorted(wk.__all__, key=lambda n: (not n.isupper(), not n[:1].isupper(), n))
        for name in wk.__all__:
            assert getattr(wk, name) is not None

    def test_dir_shows_the_api(self) -> None:
        """``dir(waterketen)`` is the API: no annotations, TYPE_CHECKING or imported helpers."""
        shown = dir(wk)
        assert shown == sorted(wk.__all__)
        for name in ("annotations", "TYPE_CHECKING", "importlib", "warnings", "Any"):
            assert name not in shown

    def test_moved_names_still_work_with_a_warning(self) -> None:
        """A name moved out of the facade still resolves, with a warning that names its home."""
        with pytest.warns(DeprecationWarning, match="waterketen.query.Seat"):
            assert wk.Seat is wk.query.Seat  # type: ignore[attr-defined]

    def test_every_exception_is_in_errors(self) -> None:
        """Every exception class of the package lives in waterketen.errors and is a WaterketenError."""
        import waterketen.errors

        for path in MODULES:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and any(
                    ast.unparse(b).endswith(("Error", "Exception")) for b in node.bases
                ):
                    assert path.name == "errors.py" or node.name.startswith("_"), (path, node.name)
        for name in waterketen.errors.__all__:
            cls = getattr(waterketen.errors, name)
            if isinstance(cls, type) and issubclass(cls, Exception):
                assert issubclass(cls, wk.WaterketenError), name


class TestSnapshot:
    def test_every_question_on_a_day_has_its_twin(self) -> None:
        """Every method of Network that takes ``on`` has a method of Snapshot with the day given once."""
        for name, method in inspect.getmembers(Network, inspect.isfunction):
            if name.startswith("_") or name in ("valid", "at"):
                continue
            parameters = inspect.signature(method).parameters
            if "on" not in parameters:
                continue
            twin = getattr(Snapshot, name, None)
            assert twin is not None, f"Snapshot has no {name}"
            assert "on" not in inspect.signature(twin).parameters
            assert set(inspect.signature(twin).parameters) == set(parameters) - {"on"}

    def test_twins_answer_as_the_network_does(self) -> None:
        """Each twin gives the answer of its method on the snapshot's day."""
        net = wk.load()
        snap = net.at("2016-01-01")
        day = snap.day
        assert snap.partners() == net.partners(on=day)
        assert snap.groups("bedum") == net.groups("bedum", on=day)
        assert snap.duties("gnd-waterregisseur") == net.duties("gnd-waterregisseur", on=day)
        assert snap.changes() == net.changes(on=day)
        assert list(snap.relations()) == list(net.relations(on=day))
        assert snap.entities(wk.Cluster) == net.entities(wk.Cluster, on=day)
        assert snap.check().rules == net.check(on=day).rules


THROWAWAY = """
import waterketen as wk
from waterketen.checks import Check, Finding, Level


class _Source:
    name = "throwaway:x"

    def __init__(self, location):
        self.location = location

    def records(self):
        yield wk.Record(
            tag="cooperation",
            data={"id": "throwaway", "name": "Throwaway"},
            provenance=wk.Provenance(source=self.name, locator="1"),
        )


def _write(network, path):
    path.write_text(str(len(network)), encoding="utf-8")


def _rule(network, days):
    yield Finding(rule="throwaway-rule", level=Level.NOTE, message="the throwaway rule ran")


@wk.hookimpl
def waterketen_source_types():
    return [
        wk.SourceType(name="throwaway", description="a test source", open=_Source, schemes=("throwaway",))
    ]


@wk.hookimpl
def waterketen_writers():
    return [wk.Writer(name="throwaway", description="a test writer", write=_write, suffixes=(".throwaway",))]


@wk.hookimpl
def waterketen_checks():
    return [Check(name="throwaway-rule", description="a test rule", run=_rule)]
"""


@pytest.fixture(scope="module")
def throwaway(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An installed plugin in a throwaway dist-info on the path of a fresh process."""
    root = tmp_path_factory.mktemp("site")
    dist = root / "waterketen_throwaway-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: waterketen-throwaway\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[waterketen]\nthrowaway = waterketen_throwaway\n")
    (root / "waterketen_throwaway.py").write_text(THROWAWAY)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    env.pop("WATERKETEN_DISABLE_PLUGINS", None)
    return env


def _python(env: dict[str, str], code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


class TestOneRegistry:
    @pytest.mark.parametrize(
        "first",
        ["wk.load()", "wk.registry.source_types()", "wk.writers()", "wk.load().check()", "pass"],
    )
    def test_an_installed_plugin_is_seen_whatever_ran_first(
        self, throwaway: dict[str, str], first: str
    ) -> None:
        """In a fresh process, in any order, the plugin's source, writer and rule are listed and used."""
        out = _python(
            throwaway,
            f"""
            import waterketen as wk
            {first}
            assert "throwaway" in [t.name for t in wk.registry.source_types()]
            assert "throwaway" in [w.name for w in wk.writers()]
            assert "throwaway-rule" in [c.name for c in wk.registry.checks()]
            report = wk.load().check()
            assert "throwaway-rule" in report.rules, report.rules
            assert any(f.rule == "throwaway-rule" for f in report.findings)
            assert wk.load("throwaway:x").cooperation().id == "throwaway"
            print("ok")
            """,
        )
        assert out.strip() == "ok"

    def test_the_command_sees_it(self, throwaway: dict[str, str], tmp_path: Path) -> None:
        """``waterketen check``, ``sources``, ``writers`` and ``export`` see the installed plugin."""
        command = [sys.executable, "-m", "waterketen"]

        def run(*args: str) -> str:
            result = subprocess.run(
                [*command, *args], env=throwaway, capture_output=True, text=True, timeout=120
            )
            assert result.returncode in (0, 1), result.stderr
            return result.stdout

        assert "throwaway-rule" in run("check", "--at", "2016-01-01", "--format", "json")
        assert "throwaway" in run("sources")
        assert "throwaway" in run("writers")
        run("export", "-o", str(tmp_path / "net.throwaway"))
        assert (tmp_path / "net.throwaway").read_text(encoding="utf-8").isdigit()

    def test_no_plugins_for_one_run(self, throwaway: dict[str, str]) -> None:
        """``--no-plugins`` leaves the installed plugins out of that run, whatever they would do."""
        result = subprocess.run(
            [sys.executable, "-m", "waterketen", "sources", "--no-plugins"],
            env=throwaway,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "throwaway" not in result.stdout
        assert "embedded" in result.stdout

    def test_a_plain_json_path_imports_no_plugin(self, throwaway: dict[str, str], tmp_path: Path) -> None:
        """A path whose whole suffix is a built-in one is read without importing installed plugins."""
        path = tmp_path / "net.json"
        wk.write(wk.load(), path)
        out = _python(
            throwaway,
            f"""
            import sys
            import waterketen as wk
            wk.load({str(path)!r})
            print("waterketen_throwaway" in sys.modules)
            """,
        )
        assert out.strip() == "False"


class TestIsolation:
    def test_a_failing_hook_is_named_and_the_rest_works(self) -> None:
        """A plugin whose hook raises, or offers the wrong type, is left out and named."""
        from waterketen.plugins import get_plugin_manager

        class Raising:
            @wk.hookimpl
            def waterketen_source_types(self) -> list[wk.SourceType]:
                raise RuntimeError("boom")

            @wk.hookimpl
            def waterketen_writers(self) -> list[str]:
                return ["not a writer"]

        pm = get_plugin_manager(entry_points=False)
        pm.register(Raising(), name="raising")
        assert "json" in [t.name for t in wk.registry.source_types(pm)]
        assert "json" in [w.name for w in wk.writers(pm)]
        failures = [str(f) for f in wk.registry.failures(pm)]
        assert any("plugin raising" in f and "RuntimeError: boom" in f for f in failures)
        assert any("plugin raising" in f and "not Writer" in f for f in failures)
        assert len(wk.load(plugins=pm).partners(on="2016-01-01")) == 31

    def test_a_failing_rule_is_a_finding(self) -> None:
        """A rule that raises gives one error finding that names it; the other rules still run."""
        from waterketen.checks import Check, run_checks
        from waterketen.plugins import get_plugin_manager

        def broken(network: wk.Network, days: object) -> list[object]:
            raise ValueError("bad rule")

        class Rules:
            @wk.hookimpl
            def waterketen_checks(self) -> list[Check]:
                return [Check(name="broken-rule", description="raises", run=broken)]  # type: ignore[arg-type]

        pm = get_plugin_manager(entry_points=False)
        pm.register(Rules())
        report = run_checks(wk.load(), on="2016-01-01", plugins=pm)
        (finding,) = [f for f in report.findings if f.rule == "broken-rule"]
        assert "ValueError: bad rule" in finding.message
        assert len(report.rules) > 1
