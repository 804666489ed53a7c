"""The native format round-trips: ``load(write(net)) == net``."""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path

from hypothesis import given

import waterketen as wk
from waterketen.testing import networks


def round_trip(network: wk.Network) -> wk.Network:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "net.json"
        wk.formats.native.write_json(network, path)
        return wk.load(path)


class TestRoundTrip:
    @given(networks())
    def test_generated_networks(self, network: wk.Network) -> None:
        """Every generated network reads back equal from its native JSON."""
        assert round_trip(network) == network

    def test_embedded_dataset(self, net: wk.Network) -> None:
        """The embedded dataset reads back equal, partial dates and all."""
        again = round_trip(net)
        assert again == net
        assert again.get("gnd-bestuurlijk-akkoord-2014", wk.Agreement).date == wk.PartialDate(2014)

    def test_document_is_stable(self, net: wk.Network) -> None:
        """Writing twice gives the same text; defaults are left out."""
        assert wk.formats.native.dumps(net) == wk.formats.native.dumps(round_trip(net))
        document = json.loads(wk.formats.native.dumps(net))
        assert list(document)[:3] == ["format", "version", "cooperations"]
        assert "note" not in document["memberships"][0]

    def test_write_is_atomic(self, tmp_path: Path, net: wk.Network) -> None:
        """A failed write leaves the old file in place and no temporary behind."""
        path = tmp_path / "net.json"
        path.write_text("old", encoding="utf-8")

        class Boom(wk.Network):
            def entities(self, *args: object, **kwargs: object) -> tuple[wk.Entity, ...]:
                raise RuntimeError("interrupted")

        with contextlib.suppress(RuntimeError):
            wk.formats.native.write_json(Boom(list(net)), path)
        assert path.read_text(encoding="utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["net.json"]

    def test_toml_reads_like_json(self, tmp_path: Path) -> None:
        """The same records written as TOML load to the same network, native TOML dates too."""
        toml = tmp_path / "net.toml"
        toml.write_text(
            'format = "waterketen"\nversion = 1\n\n[[cooperations]]\nid = "c"\nname = "C"\n'
            "period = { start = 2014-12-01 }\n",
            encoding="utf-8",
        )
        as_json = tmp_path / "net.json"
        as_json.write_text(
            json.dumps({"cooperations": [{"id": "c", "name": "C", "period": {"start": "2014-12-01"}}]}),
            encoding="utf-8",
        )
        assert wk.load(toml) == wk.load(as_json)
