"""The script that draws the documentation's maps runs, and the docs show what it draws."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


SCRIPT = Path(__file__).parent.parent / "docs" / "render.py"
DOCS = Path(__file__).parent.parent.parent.parent / "docs"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_docs", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestRender:
    def test_writes_every_picture_and_the_page(self, tmp_path: Path) -> None:
        """The script writes the three pictures and the page into the folder it is given."""
        render = _script()
        written = render.render(tmp_path)
        assert sorted(p.name for p in written) == sorted([*render.PICTURES, render.PAGE])
        for path in written:
            start = b"<!DOCTYPE" if path.suffix == ".html" else b"\x89PNG"
            assert path.read_bytes().startswith(start)

    def test_docs_show_them(self) -> None:
        """docs/map.md shows every picture, links the page, and the drawn files are committed."""
        render = _script()
        page = (DOCS / "map.md").read_text(encoding="utf-8")
        for name in [*render.PICTURES, render.PAGE]:
            assert f"_static/{name}" in page
            assert (DOCS / "_static" / name).is_file()
