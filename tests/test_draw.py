"""Drawing: a matplotlib picture of a cooperation as of a day, rendered headlessly."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

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

    @given(networks(max_organisations=6), st.dates(date(1990, 1, 1), date(2030, 1, 1)))
    @settings(max_examples=10)
    def test_no_line_through_a_label(self, network: wk.Network, day: date) -> None:
        """On any valid network and day, no line of the drawing runs through a label."""
        assert _crossed(draw(network, on=day)) == []


def _layout(figure: Any) -> None:
    import warnings

    with warnings.catch_warnings():  # generated names have glyphs the default font lacks
        warnings.filterwarnings("ignore", message="Glyph .* missing", category=UserWarning)
        figure.draw_without_rendering()


def _crossed(figure: Any) -> list[tuple[str, str]]:
    """(label, line) pairs where a drawn line runs through a label, measured as matplotlib lays them out."""
    from matplotlib.path import Path as MplPath

    _layout(figure)
    ax = figure.axes[0]
    found = []
    for text in ax.texts:
        if not text.get_text():
            continue
        box = text.get_window_extent()
        for line in ax.lines:
            data = line.get_xydata()
            if len(data) < 2 or line.get_linestyle() == "None":
                continue
            if MplPath(line.get_transform().transform(data)).intersects_bbox(box):
                found.append((text.get_text(), line.get_label()))
    return found


def lines_of(figure: Any, kind: str) -> list[Any]:
    return [line for line in figure.axes[0].lines if line.get_label() == f"_{kind}"]


class TestLayout:
    @pytest.mark.parametrize("day", ["2016-01-01", "2018-01-01", "2021-01-01", "2021-06-01"])
    def test_no_line_runs_through_a_label(self, net: wk.Network, day: str) -> None:
        """No line crosses the extent of any label, as laid out (WMD's, the stuurgroep's lines among them)."""
        assert _crossed(draw(net, on=day)) == []

    @pytest.mark.parametrize(
        ("day", "kinds"),
        [("2016-01-01", {"chair", "secretary"}), ("2021-06-01", {"maybe-duty", "secretary"})],
    )
    def test_a_post_sits_above_the_bodies_it_leads(self, net: wk.Network, day: str, kinds: set[str]) -> None:
        """The waterregisseur sits midway between the two bodies it chairs or is secretary of, whatever its
        other duties (a member of the coordinators' meeting from 2020, the chair of it as far as the page of
        2019-04-03): in 2021 that chair may have ended, so its line is dotted."""
        figure = draw(net, on=day)
        drawn = {kind: lines_of(figure, kind) for kind in ("chair", "secretary", "maybe-duty")}
        waterregisseur = [line for kind in sorted(kinds) for line in drawn[kind]]
        assert len(waterregisseur) == 2
        ((x, _), (a, _)), ((x2, _), (b, _)) = (line.get_xydata() for line in waterregisseur)
        assert x == x2 == pytest.approx((a + b) / 2)
        if day >= "2020":
            assert drawn["chair"] == []

    def test_the_check_sees_a_crossing(self, net: wk.Network) -> None:
        """The crossing check finds a label put across a line (so the test above can fail)."""
        figure = draw(net, on="2021-01-01")
        ax = figure.axes[0]
        (line,) = lines_of(figure, "part-of")[-1:]
        (x0, y0), (x1, y1) = line.get_xydata()
        ax.text((x0 + x1) / 2, (y0 + y1) / 2, "Wessel Rothstegge", ha="center", va="center")
        assert ("Wessel Rothstegge", "_part-of") in _crossed(figure)

    def test_water_boards_and_companies_stand_alone(self, net: wk.Network) -> None:
        """On 2021 water boards and drinking-water companies stand alone, not under 'cluster not known'."""
        from waterketen._draw_layout import columns

        layout = columns(net, net.cooperation(), date(2021, 1, 1))
        unknown = {m.kind for c in layout if c.kind == "unknown" for m in c.members}
        assert unknown == {wk.OrgKind.MUNICIPALITY}
        alone = {c.label for c in layout if c.kind == "partner"}
        assert {"Noorderzijlvest", "Hunze en Aa’s", "Waterbedrijf Groningen"} <= alone
        assert "Waterleidingmaatschappij Drenthe" in alone
        figure = draw(net, on="2021-01-01")
        heads = {t.get_text().replace("\n", " "): t for t in figure.axes[0].texts}
        wmd = heads["Waterleidingmaatschappij Drenthe"]
        assert wmd.get_fontweight() == "bold"  # a column's header, not a line of a list
        unknown_x = heads["cluster not known"].get_position()[0]
        assert wmd.get_position()[0] < unknown_x

    def test_uncertain_seats_drawn_in_their_own_style(self, net: wk.Network) -> None:
        """On 2018 the regiegroep's 11 seats, whose ends are uncertain, are drawn dotted, not dropped."""
        figure = draw(net, on="2018-01-01")
        maybe = lines_of(figure, "maybe-seat")
        assert len(maybe) == 11
        assert lines_of(figure, "represents") == []
        regiegroep = {tuple(line.get_xydata()[0]) for line in maybe}
        assert len(regiegroep) == 1  # all from the one body
        sure = lines_of(draw(net, on=DAY), "represents")
        assert len(sure) == 11

        def style(line: Any) -> tuple[object, ...]:
            return (line.get_color(), line.get_linewidth(), line.get_linestyle())

        assert {style(line) for line in maybe}.isdisjoint({style(line) for line in sure})
        legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
        assert "a seat that may hold on the day (its dates do not tell)" in legend
        note = " ".join(texts(figure))
        assert "dotted what may hold" in note


class TestNotebook:
    def test_shows_itself_as_png(self, net: wk.Network) -> None:
        """The figure has a PNG representation of its own, so a notebook shows it without pyplot."""
        figure = draw(net, on=DAY)
        png = figure._repr_png_()  # type: ignore[attr-defined]
        assert png[:8] == b"\x89PNG\r\n\x1a\n"


class TestDocsPictures:
    @pytest.mark.parametrize("day", ["2016-01-01", "2018-01-01", "2021-06-01"])
    def test_drawn_and_shown(self, day: str) -> None:
        """The drawings of 2016, 2018 and 2021 are in docs/_static, and the tutorial shows each."""
        docs = Path(__file__).parent.parent / "docs"
        picture = docs / "_static" / f"network-{day}.png"
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"_static/network-{day}.png" in (docs / "tutorial.md").read_text(encoding="utf-8")
