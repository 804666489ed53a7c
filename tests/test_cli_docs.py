"""The command's docs keep up with the command: README's shell examples run, docs/cli.md's columns hold."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import waterketen as wk
from waterketen import answers


ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI_DOCS = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def shell_examples() -> list[tuple[str, str]]:
    """The commands and outputs of the README's section "From the shell"."""
    section = README.split("## From the shell", 1)[1].split("\n## ", 1)[0]
    examples = []
    for block in re.findall(r"```console\n(.*?)```", section, re.DOTALL):
        command, _, output = block.partition("\n")
        examples.append((command.removeprefix("$ "), output))
    return examples


class TestReadme:
    def test_there_are_four_questions(self) -> None:
        """README answers four questions from the shell."""
        assert len(shell_examples()) == 4

    @pytest.mark.parametrize(("command", "output"), shell_examples())
    def test_example_output(self, command: str, output: str) -> None:
        """Each example prints what README shows."""
        if sys.platform == "win32":  # pragma: no cover
            pytest.skip("the examples use a POSIX shell")
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
        result = subprocess.run(
            command,
            shell=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == output


ON = "2016-01-01"
DOCUMENTED: dict[str, Callable[[wk.Network], wk.answers.Answer]] = {
    "partners": lambda n: answers.partners(n, on=ON),
    "clusters": lambda n: answers.clusters(n, on=ON),
    "members": lambda n: answers.members(n, "gnd-dal", on=ON),
    "cluster-of": lambda n: answers.cluster_of(n, "bedum", on=ON),
    "bodies": lambda n: answers.bodies(n, on=ON),
    "posts": lambda n: answers.posts(n, on=ON),
    "holders": lambda n: answers.holders(n, "gnd-waterregisseur", on=ON),
    "seats": lambda n: answers.seats(n, "gnd-regiegroep", on=ON),
    "find": lambda n: answers.find(n, "DAL"),
    "lookup": lambda n: answers.lookup(n, "cbs", "GM0005"),
    "successors": lambda n: answers.successors(n, "winsum"),
    "predecessors": lambda n: answers.predecessors(n, "eemsdelta"),
    "timeline": lambda n: answers.timeline(n, "bedum"),
    "diff": lambda n: answers.diff(n, "2017-06-01", "2021-06-01"),
    "check": lambda n: answers.check(n.check(on=ON)),
    "validate": lambda n: answers.validation(n.report),  # type: ignore[arg-type]
    "plugins": lambda n: answers.plugins(),
    "sources": lambda n: answers.source_types(),
    "writers": lambda n: answers.writers(),
}


def documented_columns(command: str) -> list[str]:
    pattern = rf"^### {re.escape(command)}\n.*?^Columns: ([^\n]*)$"
    match = re.search(pattern, CLI_DOCS, re.MULTILINE | re.DOTALL)
    if command in ("plugins", "sources", "writers"):
        match = re.search(rf"^Columns of `{command}`: (.*)$", CLI_DOCS, re.MULTILINE)
    assert match, f"docs/cli.md does not list the columns of {command}"
    return re.findall(r"`([a-z_]+)`", match.group(1))


class TestCliDocs:
    @pytest.mark.parametrize("command", list(DOCUMENTED))
    def test_columns_are_documented(self, net: wk.Network, command: str) -> None:
        """docs/cli.md lists each command's columns, in order."""
        assert documented_columns(command) == list(DOCUMENTED[command](net).columns)
