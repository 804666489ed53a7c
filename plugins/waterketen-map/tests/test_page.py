"""The web page as text: self-contained, every day offered, every municipality there."""

from __future__ import annotations

import re
from pathlib import Path

import waterketen as wk
import waterketen_map as wm


class TestPage:
    def test_offline(self, net: wk.Network) -> None:
        """Nothing is fetched: no external script, style, image, font or tile."""
        text = str(wm.page(net))
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
        for needle in ("url(http", "@import", "<script src", "<link"):
            assert needle not in text

    def test_days(self, net: wk.Network) -> None:
        """The control offers each day on which the history changes the map, the last one shown."""
        page = wm.page(net)
        text = str(page)
        days = [d.isoformat() for d in wm.map_days(net)]
        assert [d.isoformat() for d in page.days] == days
        assert re.findall(r'<option value="([0-9-]+)"', text) == days
        assert f'<option value="{days[-1]}" selected>' in text

    def test_municipalities_per_day(self, net: wk.Network) -> None:
        """Each day's group holds a path per drawn municipality, with name, code and cluster."""
        text = str(wm.page(net, on=["2016-01-01", "2025-01-01"]))
        groups = dict(re.findall(r'<g class="day[^"]*" data-day="([0-9-]+)">(.*?)</g>', text))
        assert text.count('class="municipality') == 27 + 14
        assert groups["2016-01-01"].count('data-cluster="BMWE"') == 4
        assert 'data-name="Het Hogeland"' in groups["2025-01-01"]
        assert 'data-cbs="GM1966"' in groups["2025-01-01"]
        assert "Centraal Bureau voor de Statistiek / Kadaster" in text

    def test_names_are_escaped(self, tmp_path: Path) -> None:
        """Names with markup stay text in the page."""
        import json

        document = {
            "format": "waterketen",
            "version": 1,
            "cooperations": [{"id": "test-coop", "name": "A <b> & </script>"}],
            "organisations": [
                {
                    "id": "test-a",
                    "name": "<img src=x>",
                    "kind": "municipality",
                    "identifiers": [{"scheme": "cbs", "value": "GM0014"}],
                }
            ],
            "memberships": [{"id": "test-m", "member": "test-a", "group": "test-coop"}],
        }
        path = tmp_path / "n.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        text = str(wm.page(wk.load(path), on="2023-01-01"))
        assert "<img src=x>" not in text
        assert text.count("</script>") == 2

    def test_notebook(self, net: wk.Network, tmp_path: Path) -> None:
        """In a notebook the page shows itself in an iframe; ``save`` writes the HTML."""
        page = wm.page(net, on="2016-01-01")
        assert page._repr_html_().startswith("<iframe srcdoc=")
        assert page.save(tmp_path / "map.html").read_text(encoding="utf-8") == str(page)
