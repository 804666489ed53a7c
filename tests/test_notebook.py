"""Notebooks: a notebook executed in a fresh Jupyter kernel shows the drawing and left-aligned summaries.

The notebook is executed by nbclient (what ``jupyter nbconvert --execute``
runs), in a new kernel with no ``%matplotlib inline``. Its dependencies are
in the ``test`` dependency group, so CI runs it; locally it is skipped, with
the reason, where they are not installed.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest


pytest.importorskip("matplotlib", reason="the drawing needs the analysis extra (matplotlib)")
nbformat = pytest.importorskip("nbformat", reason="executing a notebook needs nbformat (test group)")
nbclient = pytest.importorskip("nbclient", reason="executing a notebook needs nbclient (test group)")
pytest.importorskip("ipykernel", reason="executing a notebook needs ipykernel (test group)")

CELLS = (
    "import waterketen as wk\nfrom waterketen.draw import draw\nnet = wk.load()",
    'draw(net, on="2016-01-01")',
    'net.at("2016-01-01")',
    'net.diff("2017-06-01", "2021-06-01")',
)

LEFT = "text-align:left!important"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The notebook of CELLS, executed top to bottom in a fresh kernel."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    folder: Path = tmp_path_factory.mktemp("notebook")
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    client.execute()
    return notebook


def results(notebook: Any, index: int) -> dict[str, Any]:
    """The data of the execute_result of cell ``index`` (what the cell's last line shows)."""
    cell = notebook.cells[index]
    errors = [o for o in cell.outputs if o.output_type == "error"]
    assert errors == [], errors
    (result,) = [o for o in cell.outputs if o.output_type == "execute_result"]
    return dict(result.data)


class TestNotebook:
    def test_draw_shows_an_image(self, executed: Any) -> None:
        """``draw(net, on=...)`` as a cell's last line shows a PNG in a fresh kernel, not ``<Figure ...>``."""
        data = results(executed, 1)
        assert "image/png" in data
        png = base64.b64decode(data["image/png"])
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert len(png) > 30_000

    def test_summaries_align_left(self, executed: Any) -> None:
        """The snapshot's and the diff's HTML carry left alignment that wins over JupyterLab's right."""
        snapshot = results(executed, 2)["text/html"]
        diff = results(executed, 3)["text/html"]
        for html in (snapshot, diff):
            assert LEFT in html
            assert 'class="wk-summary" style="text-align:left"' in html
        assert "<li>" in diff  # the change events: bullets that sat flush right
        assert "<td>" in snapshot  # the member lists
