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
