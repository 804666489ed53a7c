"""The docs keep up with the code (datasette's habit)."""

from __future__ import annotations

import inspect
import re
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
