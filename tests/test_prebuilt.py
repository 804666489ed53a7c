"""The embedded datasets ship already structured: the prebuilt form equals a fresh load, never stale."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import waterketen as wk
from waterketen._data import data_folder
from waterketen.convert import unstructure_entity
from waterketen.formats.native import NativeSource
from waterketen.loading import _fresh
from waterketen.sources._prebuild import prebuild, shipped
from waterketen.sources._prebuilt import LOADS, read_prebuilt, read_prebuilt_load


SHIPPED = shipped()


def fresh(opened: Callable[[], NativeSource]) -> NativeSource:
    """The shipped source, made to read its JSON."""
    source = opened()
    source.prebuilt = None
    return source


def same(a: wk.Network, b: wk.Network) -> None:
    """Two networks hold the same entities, field for field, from the same places, with the same report."""
    assert list(a) == list(b)
    assert [unstructure_entity(e) for e in a] == [unstructure_entity(e) for e in b]
    assert [a.origin(e.id) for e in a] == [b.origin(e.id) for e in b]
    assert a.report is not None
    assert b.report is not None
    assert (a.report.read, a.report.accepted, a.report.problems) == (
        b.report.read,
        b.report.accepted,
        b.report.problems,
    )
    assert a.report.sources == b.report.sources


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the embedded dataset's JSON and its prebuilt form."""
    source = fresh(SHIPPED["embedded:groningen-noord-drenthe"])
    json_path = tmp_path / "net.json"
    json_path.write_bytes(Path(str(source.path)).read_bytes())
    pickle_path = tmp_path / "net.pickle"
    pickle_path.write_bytes(prebuild(NativeSource(json_path, syntax="json", name="embedded:copy")))
    return json_path, pickle_path


class TestShipped:
    @pytest.mark.parametrize("location", sorted(SHIPPED))
    def test_current(self, location: str) -> None:
        """Every embedded dataset ships a prebuilt form made from its JSON as it is now (nox -s dataset)."""
        source = SHIPPED[location]()
        assert source.prebuilt is not None
        assert read_prebuilt(source.prebuilt, source.path) is not None, f"run nox -s dataset: {location}"

    @pytest.mark.parametrize("location", sorted(SHIPPED))
    def test_equals_a_fresh_load(self, location: str) -> None:
        """Loading the prebuilt form gives what a fresh load of the JSON gives, field for field."""
        source = SHIPPED[location]()
        assert source._structured_records() is not None
        same(wk.load(location), wk.load(fresh(SHIPPED[location])))

    def test_together(self) -> None:
        """All embedded datasets loaded together merge (and disagree) as their fresh loads do."""
        locations = sorted(SHIPPED)
        fresh_sources = [fresh(SHIPPED[x]) for x in locations]
        same(wk.load(*locations, strict=False), wk.load(*fresh_sources, strict=False))


class TestFallback:
    def load(self, json_path: Path, pickle_path: Path) -> wk.Network:
        return wk.load(NativeSource(json_path, syntax="json", name="embedded:copy", prebuilt=pickle_path))

    def test_used_when_current(self, copy: tuple[Path, Path]) -> None:
        """A current prebuilt file is read instead of the JSON."""
        json_path, pickle_path = copy
        source = NativeSource(json_path, syntax="json", name="x", prebuilt=pickle_path)
        assert source._structured_records() is not None

    @pytest.mark.parametrize(
        "spoil",
        [
            pytest.param(lambda j, p: p.unlink(), id="missing"),
            pytest.param(lambda j, p: p.write_bytes(b"not a header\n..."), id="broken-header"),
            pytest.param(lambda j, p: p.write_bytes(p.read_bytes()[:-100]), id="truncated"),
            pytest.param(
                lambda j, p: p.write_bytes(p.read_bytes().replace(b'"version":1', b'"version":99', 1)),
                id="other-version",
            ),
            pytest.param(
                lambda j, p: j.write_bytes(j.read_bytes().replace(b"Bedum", b"Bedum!")), id="json-edited"
            ),
            pytest.param(
                lambda j, p: p.write_bytes(p.read_bytes().replace(b'"name",', b'"naam",', 1)),
                id="fields-changed",
            ),
        ],
    )
    def test_falls_back_to_the_json(
        self, copy: tuple[Path, Path], spoil: Callable[[Path, Path], None]
    ) -> None:
        """A prebuilt file missing, broken, of another version or stale is not used: the JSON is read."""
        json_path, pickle_path = copy
        spoil(json_path, pickle_path)
        source = NativeSource(json_path, syntax="json", name="x", prebuilt=pickle_path)
        assert source._structured_records() is None
        same(
            self.load(json_path, pickle_path),
            wk.load(NativeSource(json_path, syntax="json", name="embedded:copy")),
        )

    def test_a_stale_file_never_answers(self, copy: tuple[Path, Path], tmp_path: Path) -> None:
        """After the JSON changes, the load shows the change, not the prebuilt records."""
        json_path, pickle_path = copy
        document = json.loads(json_path.read_text(encoding="utf-8"))
        first = document["organisations"][0]
        first["name"] = first["name"] + " (changed)"
        json_path.write_text(json.dumps(document), encoding="utf-8")
        net = self.load(json_path, pickle_path)
        assert net[first["id"]].name.endswith(" (changed)")

    def test_records_of_the_prebuilt_source(self, copy: tuple[Path, Path]) -> None:
        """Read as plain records (as a plugin would), a source with a prebuilt form gives the JSON's."""
        json_path, pickle_path = copy
        with_form = NativeSource(json_path, syntax="json", name="x", prebuilt=pickle_path)
        without = NativeSource(json_path, syntax="json", name="x")
        assert list(with_form.records()) == list(without.records())


class TestForm:
    def test_equal_values_are_one_object(self, tmp_path: Path) -> None:
        """Equal values are written once: a provenance cited by many records is one object after reading."""
        source = fresh(SHIPPED["regions:"])
        target = tmp_path / "regions.pickle"
        target.write_bytes(prebuild(source))
        found = read_prebuilt(target, source.path)
        assert found is not None
        cited = [p for e, _ in found.records for p in getattr(e, "provenance", ())]
        assert len(cited) > len(set(cited))
        assert len({id(p) for p in cited}) == len(set(cited))


class TestShippedLoads:
    """The loads of several datasets together that ship prebuilt (the main job's)."""

    @pytest.mark.parametrize("locations", sorted(LOADS), ids=" ".join)
    def test_current(self, locations: tuple[str, ...]) -> None:
        """Every shipped load is made from the files as they are now (nox -s dataset)."""
        folder = data_folder()
        found = read_prebuilt_load(folder / LOADS[locations], folder, locations)
        assert found is not None, f"run nox -s dataset: {' '.join(locations)}"

    @pytest.mark.parametrize("locations", sorted(LOADS), ids=" ".join)
    def test_equals_a_fresh_load(self, locations: tuple[str, ...]) -> None:
        """The shipped load gives what loading and merging the datasets now gives: the entities in
        their order, field for field, their places and the whole report."""
        shipped = wk.load(*locations, strict=False)
        made = _fresh(locations, None)
        same(shipped, made)
        assert shipped.report == made.report
        assert [type(e) for e in shipped] == [type(e) for e in made]

    def test_the_main_job_reads_it(self) -> None:
        """The main job's sources are the shipped load's: nothing is merged at its start."""
        from waterketen.answers._national import NATIONAL

        assert NATIONAL in LOADS
        probe = (
            "import sys, waterketen as wk\n"
            f"wk.load(*{NATIONAL!r})\n"
            "assert 'waterketen.loading._loader' not in sys.modules, 'merged afresh'\n"
        )
        subprocess.run([sys.executable, "-c", probe], check=True, timeout=60)

    @pytest.mark.parametrize(
        "spoil",
        [
            pytest.param(lambda folder, p: (folder / "national.pickle").unlink(), id="missing"),
            pytest.param(lambda folder, p: p.write_bytes(b"not a header\n..."), id="broken-header"),
            pytest.param(lambda folder, p: p.write_bytes(p.read_bytes()[:-100]), id="truncated"),
            pytest.param(
                lambda folder, p: p.write_bytes(p.read_bytes().replace(b'"version":1', b'"version":9', 1)),
                id="other-version",
            ),
            pytest.param(
                lambda folder, p: p.write_bytes(p.read_bytes().replace(b'"regions:"', b'"regios:"', 1)),
                id="other-locations",
            ),
            pytest.param(
                lambda folder, p: p.write_bytes(p.read_bytes().replace(b'"name",', b'"naam",', 1)),
                id="fields-changed",
            ),
            pytest.param(
                lambda folder, p: (folder / "regions" / "findings.json").write_text("{}", encoding="utf-8"),
                id="findings-edited",
            ),
            pytest.param(
                lambda folder, p: (folder / "groningen-noord-drenthe.json").write_bytes(
                    (folder / "groningen-noord-drenthe.json").read_bytes().replace(b"Bedum", b"Bedum!")
                ),
                id="json-edited",
            ),
        ],
    )
    def test_not_used_unless_current(self, tmp_path: Path, spoil: Callable[[Path, Path], None]) -> None:
        """A shipped load missing, broken, of other locations, classes or files is not used."""
        import shutil

        locations = next(iter(LOADS))
        folder = tmp_path / "data"
        shutil.copytree(Path(str(data_folder())), folder)
        assert read_prebuilt_load(folder / LOADS[locations], folder, locations) is not None
        spoil(folder, folder / LOADS[locations])
        assert read_prebuilt_load(folder / LOADS[locations], folder, locations) is None

    def test_not_used_for_another_source_type(self) -> None:
        """When a plugin, not the built-in source type, reads a location, the datasets are loaded."""
        from waterketen.loading import _shipped
        from waterketen.plugins import get_plugin_manager

        locations = next(iter(LOADS))
        assert _shipped(locations, None) is not None
        pm = get_plugin_manager(entry_points=False, blocked=["waterketen._builtins"])
        assert _shipped(locations, pm) is None
        assert _shipped(tuple(reversed(locations)), None) is None

    def test_the_register_commands_read_it(self) -> None:
        """The register's own load (of its commands) is the shipped one, and what a fresh load gives."""
        from waterketen.register._build import load_register

        same(load_register(), _fresh(("register:",), None))
        probe = (
            "import sys\nfrom waterketen.register._build import load_register\nload_register()\n"
            "assert 'waterketen.loading._loader' not in sys.modules, 'loaded afresh'\n"
        )
        subprocess.run([sys.executable, "-c", probe], check=True, timeout=60)


class TestShippedNameIndex:
    """A shipped load ships its network's name index: equal to a fresh one, used by that network alone."""

    @pytest.mark.parametrize("locations", sorted(LOADS), ids=" ".join)
    def test_equals_a_fresh_index(self, locations: tuple[str, ...]) -> None:
        """The shipped state is what indexing the names of a fresh load of the same datasets gives."""
        from waterketen._nameindex import Index

        shipped = wk.load(*locations, strict=False)
        assert shipped._shipped_names is not None
        from_file = shipped.name_index()
        assert shipped._shipped_names is None  # read once, then dropped
        assert from_file.state() == Index(_fresh(locations, None)).state()
        assert from_file.state() == Index(shipped).state()

    @pytest.mark.parametrize("locations", sorted(LOADS), ids=" ".join)
    def test_finds_as_a_fresh_index(self, locations: tuple[str, ...]) -> None:
        """Finding by name, code, part of a name or a similar name answers as on a fresh load."""
        shipped = wk.load(*locations, strict=False)
        made = _fresh(locations, None)
        for text in ("Achterhoek", "bed", "Groningen", "GM0005", "Hunze en Aa's", "Bedm", "regio", "HHNK"):
            assert [e.id for e in shipped.find(text)] == [e.id for e in made.find(text)], text

    def test_read_not_built(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The shipped load's index puts no name into a form: it is read from the file."""
        from waterketen import _nameindex

        net = wk.load("regions:")
        calls: list[str] = []
        real = _nameindex.form
        monkeypatch.setattr(_nameindex, "form", lambda text: calls.append(text) or real(text))
        net.name_index()
        assert calls == []

    def test_another_network_builds_its_own(self) -> None:
        """A network made otherwise (from a load's entities, a fresh load, a load of the datasets in
        another order) has no shipped index: its own names are indexed."""
        net = wk.load("regions:")
        for other in (
            wk.Network(list(net)),
            _fresh(("regions:",), None),
            wk.load("embedded:groningen-noord-drenthe", "regions:", strict=False),
        ):
            assert other._shipped_names is None
        removed = next(e for e in net if isinstance(e, wk.Organisation))
        changed = wk.Network([e for e in net if e is not removed])
        assert removed in net.find(removed.name)
        assert removed not in changed.find(removed.name)

    def test_a_state_of_another_form_is_not_used(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A shipped state of another :data:`~waterketen._nameindex.STATE` is ignored: the index is built."""
        from waterketen import _nameindex

        net = wk.load("register:")
        monkeypatch.setattr(_nameindex, "STATE", _nameindex.STATE + 1)
        calls: list[str] = []
        real = _nameindex.form
        monkeypatch.setattr(_nameindex, "form", lambda text: calls.append(text) or real(text))
        index = net.name_index()
        assert calls
        assert index.state()[1:] == _nameindex.Index(_fresh(("register:",), None)).state()[1:]
