"""The docs keep up with the code (datasette's habit)."""

from __future__ import annotations

import importlib.util
import inspect
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from waterketen import hookspecs


DOCS = Path(__file__).parent.parent / "docs"
HOOKS = [name for name in dir(hookspecs) if name.startswith("waterketen_")]


@pytest.mark.parametrize("hook", HOOKS)
def test_hooks_are_documented(hook: str) -> None:
    """Every hook, with every argument, has a section in docs/hooks.md."""
    text = (DOCS / "hooks.md").read_text(encoding="utf-8")
    arguments = list(inspect.signature(getattr(hookspecs, hook)).parameters)
    heading = re.search(rf"^## {hook}\((.*)\)$", text, re.MULTILINE)
    assert heading, f"{hook} has no section in docs/hooks.md"
    assert [a.strip() for a in heading.group(1).split(",") if a.strip()] == arguments


ROOT = DOCS.parent
PAGES = sorted([ROOT / "README.md", *DOCS.glob("*.md"), *ROOT.glob("plugins/*/README.md")])
PIP = re.compile(r"pip install ([^`\n]+)")


def _pip_installs() -> list[tuple[str, str]]:
    return [
        (page.relative_to(ROOT).as_posix(), found.group(1).strip())
        for page in PAGES
        for found in PIP.finditer(page.read_text(encoding="utf-8"))
    ]


def test_the_docs_install_from_a_clone_or_a_wheel() -> None:
    """waterketen is not on the package index: every `pip install` of the project or a plugin in
    the docs names a folder of the clone or a built wheel, with extras the project defines."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = pyproject.split("[project.optional-dependencies]", 1)[1].split("\n[", 1)[0]
    extras = set(re.findall(r"^(\w+) =", section, re.MULTILINE))
    installs = _pip_installs()
    assert installs
    for page, argument in installs:
        for target in argument.split("&&")[0].split("#")[0].split():
            target = target.strip("'\"")
            if target.startswith("-") or target in {"nox", "build"} or not target:
                continue
            assert not re.match(r"waterketen(-\w+)?(\[|$)", target), (page, argument)
            path, _, extra = target.partition("[")
            if path in ("$(echo",) or ".whl" in path:
                assert path == "$(echo" or path.startswith("dist/waterketen-"), (page, argument)
                for name in extra.rstrip("]").split(","):
                    assert not name or name in extras, (page, argument)
                continue
            if path in (".", "") or path.startswith("./"):
                assert (ROOT / path).is_dir(), (page, argument)
                for name in extra.rstrip("]").split(","):
                    assert not name or name in extras, (page, argument)
                continue
            pytest.fail(f"{page}: 'pip install {argument}' names neither the clone nor a wheel")


README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_validate_example_runs_as_shown(tmp_path: Path) -> None:
    """The README shows the bad file it validates, and `waterketen validate` prints what it shows."""
    section = README.split("## Loading your own data", 1)[1].split("\n## ", 1)[0]
    block = re.search(
        r"```console\n\$ cat bad.json\n(.*?)\n\$ (waterketen validate bad.json)\n(.*?)```", section, re.S
    )
    assert block, "README shows no `cat bad.json` before validating it"
    (tmp_path / "bad.json").write_text(block.group(1) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "waterketen", "validate", "bad.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout == block.group(3)


def test_the_readme_counts_the_corpus_as_it_is() -> None:
    """The README's count of the bad-input corpus counts bad and valid cases apart."""
    cases = tomllib.loads((ROOT / "tests" / "corpus" / "cases.toml").read_text(encoding="utf-8"))["case"]
    valid = sum(case["kind"] == "none" for case in cases)
    stated = re.search(
        r"holds (\d+) cases, (\d+) of bad input .*? and (\d+) of awkward but valid", README, re.S
    )
    assert stated, "README does not count the corpus"
    assert tuple(map(int, stated.groups())) == (len(cases), len(cases) - valid, valid)


def test_the_cli_reference_help_fits_its_column(tmp_path: Path) -> None:
    """The CLI reference's help blocks, made by the docs build, are wrapped to the page's width
    (no line sideways out of its block) and end their sentences cleanly (no "....")."""
    spec = importlib.util.spec_from_file_location("docs_conf", DOCS / "conf.py")
    assert spec is not None
    assert spec.loader is not None
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    conf.write_cli_help(tmp_path)
    page = (tmp_path / "cli-help.md").read_text(encoding="utf-8")
    assert "## waterketen export" in page
    blocks = re.findall(r"```text\n(.*?)```", page, re.S)
    too_wide = [line for block in blocks for line in block.splitlines() if len(line) > conf.HELP_WIDTH]
    assert not too_wide
    assert "...." not in page
    assert "```{container} cli-help" in (DOCS / "cli-reference.md").read_text(encoding="utf-8")
    assert "white-space: pre-wrap" in (DOCS / "_static" / "cli-help.css").read_text(encoding="utf-8")
