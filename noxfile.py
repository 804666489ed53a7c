"""Task runner: ``nox`` runs lint, typecheck, tests, plugins and docs; ``nox -s bench`` on demand.

Dependencies come from ``[dependency-groups]`` in pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path

import nox


nox.options.sessions = ["lint", "typecheck", "tests", "plugins", "docs"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
PLUGINS = sorted(p.parent for p in Path("plugins").glob("*/pyproject.toml"))


def plugin_groups(group: str) -> list[str]:
    """The requirements of the dependency group ``group`` of every plugin that has one."""
    found: list[str] = []
    for plugin in PLUGINS:
        project = nox.project.load_toml(plugin / "pyproject.toml")
        if group in project.get("dependency-groups", {}):
            found += nox.project.dependency_groups(project, group)
    return found


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite: unit, property-based and doctests (pass pytest arguments after --)."""
    session.install("-e", ".[analysis,xlsx]", *nox.project.dependency_groups(PYPROJECT, "test"))
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and formatting with ruff."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check the library and the typed-usage file with mypy --strict."""
    session.install(
        "-e",
        ".",
        *[f"-e{p}" for p in PLUGINS],
        *nox.project.dependency_groups(PYPROJECT, "typecheck"),
        *plugin_groups("typecheck"),
    )
    session.run("mypy", "--strict", "src", "tests/typing", *[str(p / "src") for p in PLUGINS])


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark against the peers and write docs/benchmarks.md (not a default session; options after --).

    Meant to take at most 15 minutes on 2 cores; the page gives the seconds of each phase.
    """
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, "bench"))
    session.run("python", "bench/run.py", *session.posargs)


@nox.session
def plugins(session: nox.Session) -> None:
    """Install each plugin of plugins/ beside the core and run its own tests."""
    if not PLUGINS:
        session.skip("no plugins yet")
    session.install(
        "-e",
        ".",
        *[f"-e{p}" for p in PLUGINS],
        *nox.project.dependency_groups(PYPROJECT, "test"),
        *plugin_groups("test"),
    )
    for plugin in PLUGINS:
        session.run(
            "pytest",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(plugin),
            str(plugin / "tests"),
            *session.posargs,
        )
    # The core's fuzz tests again, now that every plugin's source types are installed.
    session.run("pytest", "tests/test_fuzz.py", *session.posargs)


@nox.session(name="map-pictures")
def map_pictures(session: nox.Session) -> None:
    """Draw the maps docs/map.md shows into docs/_static/ with waterketen-map (not a default session)."""
    session.install("-e", ".", "-eplugins/waterketen-map")
    session.run("python", "plugins/waterketen-map/docs/render.py", "docs/_static")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation with Sphinx, warnings as errors: its doctests first, then the HTML."""
    session.install("-e", ".[analysis,xlsx]", *nox.project.dependency_groups(PYPROJECT, "docs"))
    common = ["-W", "-n", "--keep-going", "-q"]
    session.run("sphinx-build", *common, "-b", "doctest", "docs", "docs/_build/doctest")
    session.run("sphinx-build", *common, "-b", "html", "docs", "docs/_build/html", *session.posargs)


@nox.session
def dataset(session: nox.Session) -> None:
    """Write the embedded datasets' native JSON again from their TOML (after editing the TOML), then their
    prebuilt form."""
    session.install("-e", ".")
    session.run(
        "python",
        "-c",
        "from pathlib import Path; from waterketen.sources.embedded import compiled, datasets\n"
        "for name in datasets():\n"
        "    Path('src/waterketen/data', name + '.json').write_text(compiled(name), encoding='utf-8')\n"
        "from waterketen.register._build import compiled as register\n"
        "Path('src/waterketen/data/register/register.json').write_text(register(), encoding='utf-8')\n"
        "from waterketen.regions import compiled as regions\n"
        "shipped, findings = regions()\n"
        "Path('src/waterketen/data/regions/regions.json').write_text(shipped, encoding='utf-8')\n"
        "Path('src/waterketen/data/regions/findings.json').write_text(findings, encoding='utf-8')",
    )
    # Then their prebuilt form, made from the JSON just written (waterketen.sources._prebuild).
    session.run("python", "-m", "waterketen.sources._prebuild")


@nox.session
def coverage(session: nox.Session) -> None:
    """Write docs/coverage.md again from the data (after nox -s dataset)."""
    session.install("-e", ".")
    session.run(
        "python",
        "-c",
        "from pathlib import Path; from waterketen.regions._coverage import coverage_page\n"
        "Path('docs/coverage.md').write_text(coverage_page(), encoding='utf-8')",
    )
