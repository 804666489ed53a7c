"""The style of the HTML summaries: left-aligned in Jupyter, whose output styles right-align table cells."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

import waterketen as wk


JUPYTERLAB_RIGHT = ":not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td"
"""The selector by which JupyterLab (and nbconvert's lab template) right-align every output table's cells."""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data


def rules(css: str) -> dict[str, str]:
    """Each selector of the style sheet with its declarations (a selector listed twice: both joined)."""
    out: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        for selector in selectors.split(","):
            out[selector.strip()] = out.get(selector.strip(), "") + body + ";"
    return out


def summaries(net: wk.Network) -> dict[str, str]:
    return {
        "network": net._repr_html_(),
        "snapshot": net.at("2016-01-01")._repr_html_(),
        "diff": net.diff("2017-06-01", "2021-06-01")._repr_html_(),
        "organisation": net["bedum"]._repr_html_(),  # type: ignore[attr-defined]
        "cluster": net["gnd-dal"]._repr_html_(),  # type: ignore[attr-defined]
    }


class TestLeftAligned:
    @pytest.mark.parametrize("name", ["network", "snapshot", "diff", "organisation", "cluster"])
    def test_every_container_left_aligned(self, net: wk.Network, name: str) -> None:
        """Every table cell, row and list of a summary is left-aligned with !important, which wins over
        JupyterLab's more specific right alignment; the box itself carries it inline too."""
        html = summaries(net)[name]
        parser = _Tags()
        parser.feed(html)
        sheet = rules(parser.style)
        assert 'class="wk-summary" style="text-align:left"' in html
        assert "text-align:left!important" in sheet[".wk-summary"]
        for tag in parser.tags & {"table", "tr", "th", "td", "ul", "li"}:
            if tag == "table":
                assert "margin:0.3em 0!important" in sheet[".wk-summary table"]  # not centred
                continue
            assert "text-align:left!important" in sheet[f".wk-summary {tag}"], tag

    def test_diff_has_bullets(self, net: wk.Network) -> None:
        """The diff lists its change events as bullets (the case the style above must hold for)."""
        parser = _Tags()
        parser.feed(summaries(net)["diff"])
        assert {"ul", "li", "td"} <= parser.tags
