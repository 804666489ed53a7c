"""The documentation site keeps up with the code: every page is reachable, every hook has an example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from waterketen import hookspecs


DOCS = Path(__file__).parent.parent / "docs"
HOOKS = [name for name in dir(hookspecs) if name.startswith("waterketen_")]


def toctree_entries() -> set[str]:
    text = (DOCS / "index.md").read_text(encoding="utf-8")
    entries: set[str] = set()
    for block in re.findall(r"```\{toctree\}\n(.*?)```", text, re.DOTALL):
        entries.update(line.strip() for line in block.splitlines() if line.strip() and line[0] not in ":%")
    return entries


class TestSite:
    def test_every_page_is_in_the_index(self) -> None:
        """Every page of docs/ is in a table of contents of the index (Sphinx fails the build otherwise)."""
        pages = {p.stem for p in DOCS.glob("*.md")} - {"index"}
        from importlib.util import module_from_spec, spec_from_file_location

        spec = spec_from_file_location("docs_conf", DOCS / "conf.py")
        assert spec is not None
        assert spec.loader is not None
        conf = module_from_spec(spec)
        spec.loader.exec_module(conf)
        optional = {page for pages in conf.OPTIONAL_PAGES.values() for page in pages}
        assert pages - optional <= toctree_entries()
        assert toctree_entries() <= pages

    @pytest.mark.parametrize("hook", HOOKS)
    def test_hooks_have_examples(self, hook: str) -> None:
        """Every hook's section in docs/hooks.md shows an implementation of it."""
        text = (DOCS / "hooks.md").read_text(encoding="utf-8")
        section = text.split(f"## {hook}(", 1)[1].split("\n## ", 1)[0]
        assert "```python" in section
        assert f"@hookimpl\ndef {hook}(" in section

    def test_picture_is_drawn(self) -> None:
        """The picture the docs show is a PNG drawn by waterketen.draw (the docs build redraws it)."""
        picture = DOCS / "_static" / "network-2016-01-01.png"
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert "_static/network-2016-01-01.png" in (DOCS / "tutorial.md").read_text(encoding="utf-8")
