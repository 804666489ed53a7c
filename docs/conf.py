"""Sphinx configuration of the waterketen documentation (MyST Markdown, furo).

Build with ``nox -s docs``: it runs the doctests of every page, then builds
the HTML, warnings as errors. The build makes what the pages show from the
code itself: the picture drawn by ``waterketen.draw`` and the command's help.
It needs no network (no intersphinx).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any


HERE = Path(__file__).parent
GENERATED = HERE / "_generated"
PICTURE_DAY = date(2016, 1, 1)
PICTURE = HERE / "_static" / f"network-{PICTURE_DAY.isoformat()}.png"
PICTURE_DAYS = (PICTURE_DAY, date(2018, 1, 1), date(2021, 6, 1))
"""The days of the drawings in ``_static/`` (the seed's, the uncertain seats', the clusters of 2020)."""
HELP_WIDTH = 80
"""The width the command's help is wrapped to for the CLI reference (the page's column holds it)."""

project = "waterketen"
author = "The waterketen developers"
copyright = "the waterketen developers"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_generated", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "waterketen"
html_static_path = ["_static"]
html_css_files = ["cli-help.css"]

# -- autodoc: the API from the docstrings (Google style, read by napoleon) ----------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "separated"
autodoc_default_options = {"members": True, "undoc-members": True, "exclude-members": "__init__, __new__"}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# Without intersphinx, names of other libraries cannot be linked; say so once, here.
nitpick_ignore_regex = [
    (r"py:.*", r"(datetime|collections\.abc|typing|types|enum|pathlib|os)\..*"),
    (r"py:.*", r"(networkx|nx|pandas|pd|matplotlib|numpy|attrs|attr|cattrs|pluggy|hypothesis)(\..*)?"),
    (r"py:.*", r"(date|Path|Any|Callable|Iterable|Iterator|Mapping|Sequence|TypeAlias|ModuleType)"),
    (r"py:.*", r"(Figure|Axes|DataFrame|PluginManager|MultiDiGraph|SearchStrategy|DrawFn)"),
    (r"py:.*", r"(E|T|Instant|Bound|DateLike|SourceLike|Entity|Unknown\.UNKNOWN)"),
    (r"py:.*", r"waterketen\.\w+\.(E|T)"),
    (r"py:.*", r"(PathLike|Traversable|importlib\.resources\.abc\.Traversable)"),
    (r"py:exc", r"(UnknownFormatError|UnknownSourceError|WriteError)"),
    (r"py:.*", r"importlib\..*"),
    (r"py:class", r"NameIndex"),  # documented under waterketen.errors
    (
        r"py:func",
        r"write_atomically",
    ),  # named in Writer.write's docstring; documented under waterketen.export
]

# -- doctest: every ```{doctest} block of the pages, and the docstrings' examples ---------------
# The docstrings' examples run in their module's namespace under pytest; here they get the
# public names. The pages import what they use (pytest runs them too, without these names).
doctest_global_setup = (
    "import datetime\nfrom datetime import date\nimport waterketen as wk\nfrom waterketen import *\n"
    "from waterketen.errors import *\n"
    "from waterketen.model import *\nfrom waterketen.query import *\n"
    "from waterketen.testing import FakeSource, fake_plugin\n"
)
doctest_test_doctest_blocks = "default"
trim_doctest_flags = True


def _doctest_flags() -> int:
    import doctest

    return doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1


doctest_default_flags = _doctest_flags()


# -- what the build makes from the code ------------------------------------------------------------


def render_picture(path: Path = PICTURE, day: date = PICTURE_DAY) -> Path:
    """Draw the embedded network as of ``day`` into ``path`` (the tutorial shows it)."""
    import waterketen as wk
    from waterketen.draw import draw

    figure = draw(wk.load(), on=day)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=90, metadata={"Software": None})
    return path


def render_pictures(folder: Path = HERE / "_static") -> list[Path]:
    """Draw the network on each of ``PICTURE_DAYS`` into ``folder``, as ``network-<day>.png``.

    The docs build calls it; to redraw without a build: ``python docs/conf.py``.
    """
    return [render_picture(folder / f"network-{day.isoformat()}.png", day) for day in PICTURE_DAYS]


def write_cli_help(folder: Path = GENERATED) -> None:
    """Write ``waterketen --help`` and the help of each command as Markdown, for the CLI reference."""
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "COLUMNS": str(HELP_WIDTH), "NO_COLOR": "1"}

    def helptext(*args: str) -> str:
        run = subprocess.run(
            [sys.executable, "-m", "waterketen", *args, "--help"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return run.stdout

    from waterketen import cli

    def fit(text: str) -> str:
        # argparse leaves a description and a long group of choices unwrapped: wrap what overflows.
        lines = []
        for line in text.splitlines():
            indent = " " * (len(line) - len(line.lstrip()))
            if len(line) <= HELP_WIDTH:
                lines.append(line)
                continue
            lines += textwrap.wrap(
                line, HELP_WIDTH, subsequent_indent=indent + "  ", break_on_hyphens=False
            ) or [line]
        return "\n".join(lines)

    sections = [("waterketen", fit(helptext()))]
    sections += [(f"waterketen {c}", fit(helptext(c))) for c in getattr(cli, "COMMANDS", ())]
    page = "".join(f"## {title}\n\n```text\n{text.rstrip()}\n```\n\n" for title, text in sections)
    (folder / "cli-help.md").write_text(page, encoding="utf-8")


OPTIONAL_PAGES = {
    "%% reference pages of other branches": ("cli", "wiki", "popolo"),
    "%% explanation pages of other branches": ("benchmarks",),
}
"""Pages that exist once other work is merged: listed in the index when present."""


def _optional_pages(app: Any, docname: str, source: list[str]) -> None:
    if docname != "index":
        return
    for marker, pages in OPTIONAL_PAGES.items():
        present = "\n".join(p for p in pages if (HERE / f"{p}.md").exists())
        source[0] = source[0].replace(marker, present)


def _plain_attribute_docs(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    """Undo napoleon's reading of "Every problem: those of ..." as a type and a text.

    The code has inline types only, so an attribute's docstring never starts
    with its type: put the words napoleon took for one back where they were.
    """
    if what not in ("attribute", "data", "property"):
        return
    for i, line in enumerate(lines):
        if line.startswith(":type: "):
            words = line.removeprefix(":type: ")
            del lines[i]
            first = next(j for j, text in enumerate(lines) if text.strip())
            lines[first] = f"{words}: {lines[first]}"
            return


def setup(app: Any) -> None:
    render_pictures()
    write_cli_help()
    app.connect("source-read", _optional_pages)
    app.connect("autodoc-process-docstring", _plain_attribute_docs, priority=900)


if __name__ == "__main__":
    for written in render_pictures():
        print(f"wrote {written.relative_to(HERE.parent)}")
