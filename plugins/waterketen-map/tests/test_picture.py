"""Static pictures: the region coloured by cluster, the country coloured by cooperation."""

from __future__ import annotations

from pathlib import Path

import pytest

import waterketen as wk
import waterketen_map as wm


def _texts(picture: wm.Picture) -> str:
    figure = picture.figure
    found = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        found += [t.get_text() for t in axes.texts]
        found.append(axes.get_title())
        legend = axes.get_legend()
        if legend is not None:
            found += [t.get_text() for t in legend.get_texts()]
    if figure._supxlabel is not None:  # type: ignore[attr-defined]
        found.append(figure._supxlabel.get_text())  # type: ignore[attr-defined]
    return "\n".join(found)


class TestRegion:
    def test_labelled_with_legend_day_and_attribution(self, net: wk.Network) -> None:
        """The 2016 picture names every municipality, the seven clusters, the day and the attribution."""
        picture = wm.picture(net, on="2016-01-01")
        text = _texts(picture)
        for organisation in net.partners(on="2016-01-01", kind=wk.OrgKind.MUNICIPALITY):
            assert organisation.name in text
        for cluster in net.clusters(on="2016-01-01"):
            assert cluster.name is not None
            assert cluster.name in text
        assert "2016-01-01" in text
        assert "Centraal Bureau voor de Statistiek / Kadaster" in text
        assert "Not drawn: Noorderzijlvest (water board)" in text

    def test_unknown_clusters_and_missing_shapes_are_said(self, net: wk.Network) -> None:
        """Where the data does not know a cluster or a shape, the picture says so."""
        text = _texts(wm.picture(net, on="2025-01-01"))
        assert "cluster not known" in text
        assert (
            "Clusters with no known member drawn: Oost-Groningen, gnd-cluster-2020-3 (name not known)" in text
        )
        assert "No shape known on this day for: Groningen, Slochteren" in _texts(
            wm.picture(net, on="2017-06-01")
        )

    @pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml")])
    def test_save(self, tmp_path: Path, net: wk.Network, suffix: str, magic: bytes) -> None:
        """``save`` writes PNG or SVG by the suffix."""
        path = wm.picture(net, on="2016-01-01").save(tmp_path / f"map{suffix}")
        assert path.read_bytes().startswith(magic)

    def test_save_other_suffix(self, tmp_path: Path, net: wk.Network) -> None:
        """Another suffix is refused, naming the file."""
        with pytest.raises(ValueError, match=r"'map\.jpg'"):
            wm.picture(net, on="2016-01-01").save(tmp_path / "map.jpg")

    def test_shows_itself_in_a_notebook(self, net: wk.Network) -> None:
        """The picture offers PNG and SVG to Jupyter."""
        picture = wm.picture(net, on="2016-01-01")
        assert picture._repr_png_().startswith(b"\x89PNG")
        assert "<svg" in picture._repr_svg_()


class TestNational:
    def test_one_colour_per_cooperation(self, net: wk.Network) -> None:
        """The national picture has a legend entry per cooperation, and draws the country behind."""
        picture = wm.picture(net, on="2025-01-01", national=True)
        text = _texts(picture)
        assert "Groningen & Noord-Drenthe" in text
        assert "1 cooperation(s) in the network" in text

    def test_several_cooperations(self, tmp_path: Path) -> None:
        """With several cooperations and none named, the picture is national, one colour each."""
        document = {
            "format": "waterketen",
            "version": 1,
            "cooperations": [
                {"id": "test-north", "name": "Test North"},
                {"id": "test-south", "name": "Test South"},
            ],
            "organisations": [
                {
                    "id": "test-a",
                    "name": "A",
                    "kind": "municipality",
                    "identifiers": [{"scheme": "cbs", "value": "GM0014"}],
                },
                {
                    "id": "test-b",
                    "name": "B",
                    "kind": "municipality",
                    "identifiers": [{"scheme": "cbs", "value": "GM0363"}],
                },
            ],
            "memberships": [
                {"id": "test-m1", "member": "test-a", "group": "test-north"},
                {"id": "test-m2", "member": "test-b", "group": "test-south"},
            ],
        }
        import json

        path = tmp_path / "two.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        net = wk.load(path)
        picture = wm.picture(net, on="2023-01-01")
        assert picture.title.startswith("Regional water-chain cooperations")
        text = _texts(picture)
        assert "Test North" in text
        assert "Test South" in text
        colours = {tuple(p.get_facecolor()) for p in picture.figure.axes[0].patches}
        assert len(colours) >= 3  # the country and one colour for each cooperation
