"""A lean start: importing waterketen and running the main job load no heavy modules."""

from __future__ import annotations

import subprocess
import sys


HEAVY = ("networkx", "pandas", "matplotlib", "hypothesis")


def modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return set(result.stdout.split("\n")[-2].split())


class TestLeanStart:
    def test_import(self) -> None:
        """Importing the package imports none of the heavy libraries."""
        loaded = modules_after("import waterketen")
        assert not {m for m in loaded if m.split(".")[0] in HEAVY}

    def test_main_job(self) -> None:
        """The main job answers from the Network's own indexes: no networkx, no entry-point scan."""
        loaded = modules_after(
            "import io, contextlib\nfrom waterketen.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main([])"
        )
        assert not {m for m in loaded if m.split(".")[0] in HEAVY}

    def test_queries_and_tables(self) -> None:
        """Query commands, in every format and on a CSV table, load no heavy library either."""
        loaded = modules_after(
            "import io, contextlib, pathlib, tempfile\nfrom waterketen.cli import main\n"
            "table = pathlib.Path(tempfile.mkdtemp()) / 't.csv'\n"
            "_ = table.write_text('code;name;group\\n9901;Proefstad;Regio Proef\\n')\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    for args in (['partners', '--format', 'json'],\n"
            "                 ['seats', 'gnd-regiegroep', '--format', 'csv'],\n"
            "                 ['validate', str(table)], ['schema'],\n"
            "                 ['export', '-o', str(table.with_suffix('.json'))]):\n"
            "        assert main(args) == 0, args"
        )
        assert not {m for m in loaded if m.split(".")[0] in HEAVY}

    def test_graph_formats_import_networkx(self) -> None:
        """networkx is imported when a graph format is asked for (and only then)."""
        loaded = modules_after(
            "import pathlib, tempfile\nfrom waterketen.cli import main\n"
            "path = pathlib.Path(tempfile.mkdtemp()) / 'net.graphml'\n"
            "assert main(['export', '--format', 'graphml', '-o', str(path)]) == 0"
        )
        assert "networkx" in loaded
