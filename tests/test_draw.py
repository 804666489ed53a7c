"""Drawing: a matplotlib picture of a cooperation as of a day, rendered headlessly."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import waterketen as wk
from waterketen.draw import COLOURS, draw
from waterketen.testing import networks


matplotlib = pytest.importorskip("matplotlib")

DAY = "2016-01-01"


def texts(figure: object) -> list[str]:
    ax = figure.axes[0]  # type: ignore[attr-defined]
    return [t.get_text() for t in ax.texts]


def hex_colour(pixel: object) -> str:
    r, g, b = (round(float(c) * 255) for c in pixel[:3])  # type: ignore[index]
    return f"#{r:02X}{g:02X}{b:02X}"


class TestPicture:
    def test_png(self, net: wk.Network, tmp_path: Path) -> None:
        """The seed's picture renders to a sizeable PNG with the colours of every kind drawn."""
        from matplotlib.image import imread

        path = tmp_path / "network.png"
        draw(net, on=DAY).savefig(path, dpi=80)
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size > 30_000
        image = imread(path)
        height, width = image.shape[:2]
        assert width > 1000
        assert height > 500
        colours = {hex_colour(p) for p in image[::3, ::3].reshape(-1, image.shape[2])}
        assert len(colours) > 50
        for kind in ("municipality", "water-board", "water-company", "cluster", "body", "water-team"):
            assert COLOURS[kind] in colours, kind

    def test_labels(self, net: wk.Network) -> None:
        """Every partner, cluster and body of the day is labelled; seats draw who represents what."""
        labels = " ".join(texts(draw(net, on=DAY)))
        for org in net.partners(on=DAY):
            assert org.name.split()[0] in labels
        for name in ("DAL", "Kop van Drenthe", "Regiegroep", "Clustercoördinatorenoverleg", "Waterregisseur"):
            assert name in labels
        assert "(11 seats)" in labels
        assert "31 partners, 7 clusters" in labels

    def test_legend(self, net: wk.Network) -> None:
        """The legend explains the kinds of partner and of line drawn."""
        legend = draw(net, on=DAY).axes[0].get_legend()
        labels = [t.get_text() for t in legend.get_texts()]
        for label in (
            "municipality (gemeente)",
            "water board (waterschap)",
            "drinking-water company",
            "governance body",
            "a seat in the body represents",
            "member of the cluster",
        ):
            assert label in labels

    def test_unknowns(self, net: wk.Network) -> None:
        """In 2021 the picture shows unnamed clusters and the partners whose cluster is not known."""
        figure = draw(net.at("2021-06-01"))
        labels = " ".join(texts(figure))
        assert "(name unknown)" in labels
        assert "cluster not known" in labels
        assert "Wessel Rothstegge" in labels
        assert figure.axes[0].get_title(loc="left") == "Groningen & Noord-Drenthe on 2021-06-01"

    def test_on_given_axes(self, net: wk.Network) -> None:
        """Drawn on the caller's axes, it returns the figure they belong to."""
        from matplotlib.figure import Figure

        figure = Figure()
        ax = figure.add_subplot()
        assert draw(net, on=DAY, ax=ax, title="Seed") is figure
        assert ax.get_title(loc="left") == "Seed"

    def test_without_matplotlib(self) -> None:
        """Without matplotlib, draw says which extra to install."""
        code = (
            "import sys; sys.modules['matplotlib'] = None\n"
            "import waterketen as wk\nfrom waterketen.draw import draw\n"
            "try:\n    draw(wk.load(), on='2016-01-01')\n"
            "except wk.WaterketenError as e:\n    print(e)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert "pip install 'waterketen[analysis]'" in result.stdout


class TestProperties:
    @given(networks(max_organisations=5), st.dates(date(1900, 1, 1), date(2100, 1, 1)))
    @settings(max_examples=10)
    def test_any_network(self, network: wk.Network, day: date) -> None:
        """Any valid network draws on any day, titled with its cooperation and the day."""
        figure = draw(network, on=day)
        coop = network.cooperation()
        assert figure.axes[0].get_title(loc="left") == f"{coop.name} on {day.isoformat()}"
