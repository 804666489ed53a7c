"""Hostile input: nothing foreign escapes, a lenient load loses nothing, writes are safe."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen.formats.csvdir import decode_text, encode_text
from waterketen.testing import FakeSource


def _lenient(*sources: object) -> wk.LoadReport:
    report = wk.load(*sources, strict=False).report  # type: ignore[arg-type]
    assert report is not None
    assert report.read == report.accepted + len(report.rejected)
    return report


class TestNothingForeignEscapes:
    def test_a_toml_datetime_as_updated_is_its_day(self, tmp_path: Path) -> None:
        """A TOML date-time in ``[source] updated`` is read as its day, not a crash of the staleness check."""
        path = tmp_path / "net.toml"
        header = "[source]\nupdated = 2019-04-03T10:00:00\n"
        path.write_text(header + '[[organisations]]\nid="o"\nname="O"\nkind="municipality"\n')
        report = _lenient(path)
        assert report.ok
        assert str(report.sources[0].updated) == "2019-04-03"

    def test_a_plugin_source_with_a_datetime(self) -> None:
        """A plugin's source whose ``updated`` is a datetime loads; its day is used."""
        from datetime import datetime

        source = FakeSource([("cooperation", {"id": "c", "name": "C"})], updated=datetime(2020, 5, 1, 12))  # type: ignore[arg-type]
        assert str(_lenient(source).sources[0].updated) == "2020-05-01"

    @pytest.mark.parametrize("bad", ["bad\ud800", "end\udfff", "not\ufffe", "non\uffff"])
    def test_unwritable_text_is_rejected_with_its_place(self, tmp_path: Path, bad: str) -> None:
        """Lone surrogates and non-characters are refused at the load, in names and in ids."""
        for field in ("name", "id"):
            record = {"id": "c", "name": "C", field: bad}
            report = _lenient(FakeSource([("cooperation", record)]))
            (problem,) = report.errors
            assert (problem.place, problem.field) == ("item 1", field)
            assert "unwritable character" in problem.reason

    @pytest.mark.parametrize("syntax", ["graphml", "gexf"])
    def test_line_breaks_in_names_survive_xml(self, tmp_path: Path, syntax: str) -> None:
        """CR, CRLF, U+2028 and U+0085 in a name read back exact, by waterketen and by networkx."""
        from xml.etree import ElementTree

        import networkx as nx

        name = "a\rb\r\nc\td  e\u2028f\x85g\n"
        net = wk.load(FakeSource([("cooperation", {"id": "c", "name": name})]))
        path = tmp_path / f"net.{syntax}"
        wk.write(net, path, syntax)
        ElementTree.parse(path)  # well-formed
        assert wk.load(f"{syntax}:{path}") == net
        graph = nx.read_graphml(path) if syntax == "graphml" else nx.read_gexf(path)
        assert graph.nodes["c"]["name"] == name

    @pytest.mark.parametrize("syntax", ["graphml", "gexf"])
    @pytest.mark.parametrize("bad", ["\ud800", "\ufffe", "\uffff"])
    def test_an_id_xml_cannot_hold_is_named(self, tmp_path: Path, syntax: str, bad: str) -> None:
        """A network made by hand with an id XML cannot hold is refused by the writer, naming the id."""
        from waterketen.errors import WriteError

        net = wk.Network({f"c{bad}": wk.Cooperation(id=f"c{bad}", name="C")})
        with pytest.raises(WriteError, match=rf"the id 'c\\u{ord(bad):04x}' holds U\+{ord(bad):04X}"):
            wk.write(net, tmp_path / f"net.{syntax}", syntax)
        assert not list(tmp_path.iterdir())

    @pytest.mark.parametrize("amount", ["1e400", "-1e400"])
    def test_non_finite_numbers_are_rejected(self, tmp_path: Path, amount: str) -> None:
        """An amount that is not finite is refused, so every written file loads back."""
        path = tmp_path / "net.json"
        path.write_text(
            '{"cooperations":[{"id":"c","name":"C"}],"agreements":[{"id":"a","name":"A","cooperation":"c",'
            f'"targets":[{{"text":"t","amount":{amount}}}]}}]}}'
        )
        (problem,) = _lenient(path).errors
        assert problem.field == "targets/0/amount"
        assert "finite" in problem.reason

    @given(st.text(min_size=1, max_size=20))
    def test_every_accepted_text_writes_and_loads_back(self, name: str) -> None:
        """Whatever text a load accepts, the JSON writer writes and the reader reads back equal."""
        from waterketen.formats.native import dumps

        source = FakeSource([("cooperation", {"id": "c", "name": name})])
        net = wk.load(source, strict=False)
        if "c" not in net:
            return
        text = dumps(net)
        text.encode("utf-8")
        again = wk.load(FakeSource([("cooperation", json.loads(text)["cooperations"][0])]))
        assert again == net


class TestNothingIsLost:
    LINES = (
        '{"format": "waterketen", "version": 1}',
        '{"cooperation": {"id": "c", "name": "C"}}',
        '{"organisation": {"id": "broken", ',
        "[1, 2, 3]",
        '{"organisation": {"id": "o", "name": "O", "kind": "other"}}',
        '{"membership": {"id": "m", "member": "o", "group": "c"}}',
    )

    @pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
    def test_json_lines_read_past_a_bad_line(self, tmp_path: Path, end: str) -> None:
        """A broken line and a line that is no object are rejected with their line; the rest is read."""
        path = tmp_path / "net.jsonl"
        path.write_bytes(end.join(self.LINES).encode() + end.encode())
        report = _lenient(path)
        assert (report.read, report.accepted) == (5, 3)
        assert [p.place for p in report.errors] == ["line 3, column 35", "line 4"]

    def test_a_ragged_csv_row_loses_only_itself(self, tmp_path: Path) -> None:
        """In a CSV directory, a row with an extra cell is rejected with its row and column."""
        folder = tmp_path / "net"
        wk.write(wk.load(), folder, "csvdir")
        lines = (folder / "organisations.csv").read_text(encoding="utf-8").splitlines()
        lines[3] += ",extra"
        (folder / "organisations.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
        report = _lenient(f"csvdir:{folder}")
        first, *then = report.errors
        columns = len(lines[0].split(","))
        assert first.place == f"row 4, column {columns + 1}"
        assert all("refers to 'loppersum'" in p.reason for p in then)  # the row's own references
        assert report.read == wk.load().report.read  # type: ignore[union-attr]

    def test_a_deep_cell_is_one_rejected_row(self, tmp_path: Path) -> None:
        """A cell holding JSON nested 5000 deep rejects its row, not the directory."""
        folder = tmp_path / "net"
        wk.write(wk.load(), folder, "csvdir")
        path = folder / "organisations.csv"
        lines = path.read_text(encoding="utf-8").splitlines()
        cells = lines[2].split(",", 3)
        lines[2] = ",".join([*cells[:3], '"' + "[" * 5000 + "]" * 5000 + '"'])
        path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
        report = _lenient(f"csvdir:{folder}")
        assert report.read == wk.load().report.read  # type: ignore[union-attr]
        assert report.rejected

    @pytest.mark.parametrize("updated", ['"2019-04-03T10:00:00+02:00"', '"2019-02-29"', "12", "{}"])
    def test_a_bad_header_is_a_problem_of_its_field(self, tmp_path: Path, updated: str) -> None:
        """A bad ``source.updated`` is a warning of that field; every record is still read."""
        path = tmp_path / "net.json"
        path.write_text(
            f'{{"source": {{"updated": {updated}}}, "cooperations": [{{"id": "c", "name": "C"}}]}}'
        )
        report = _lenient(path)
        assert (report.read, report.accepted) == (1, 1)
        (warning,) = report.warnings
        assert (warning.place, warning.field) == ("/source", "updated")

    def test_a_source_yielding_a_non_record_keeps_the_rest(self) -> None:
        """A plugin source that yields something else has it rejected; the records after it are read."""
        where = wk.Provenance(source="p")

        class Odd:
            name = "odd"

            def records(self) -> Iterator[object]:
                yield wk.Record(tag="cooperation", data={"id": "c", "name": "C"}, provenance=where)
                yield 42
                yield wk.Record(tag="cooperation", data={"id": "d", "name": "D"}, provenance=where)

        report = _lenient(Odd())
        assert (report.read, report.accepted) == (3, 2)
        assert "not a Record" in report.errors[0].reason

    def test_per_source_counts_take_off_late_rejections(self, tmp_path: Path) -> None:
        """A record rejected at the end of the load (a dangling reference) is off its source's count."""
        one = FakeSource([("cooperation", {"id": "c", "name": "C"})], name="one")
        two = FakeSource([("membership", {"id": "m", "member": "nobody", "group": "c"})], name="two")
        report = _lenient(one, two)
        assert [(s.name, s.read, s.accepted) for s in report.sources] == [("one", 1, 1), ("two", 1, 0)]
        assert sum(s.accepted for s in report.sources) == report.accepted

    def test_many_records_of_one_id_merge_in_linear_steps(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """One id, each of many records with its own provenance: no place is compared with every other."""
        compared = 0
        equal = wk.Provenance.__eq__

        def counting(self: wk.Provenance, other: object) -> bool:
            nonlocal compared
            compared += 1
            return equal(self, other)

        monkeypatch.setattr(wk.Provenance, "__eq__", counting)
        n = 2000
        records = [
            wk.Record(
                tag="cooperation",
                data={"id": "c", "name": "C", "provenance": [{"source": "page", "locator": f"{i}"}]},
                provenance=wk.Provenance(source="s", locator=f"{i}"),
            )
            for i in range(n)
        ]
        net = wk.load(FakeSource(records))
        assert len(net.origin("c")) == n
        assert [p.locator for p in net["c"].provenance] == [f"{i}" for i in range(n)]
        assert compared < 10 * n  # the quadratic merge made n * n / 2 comparisons

    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["Bedum", "Gemeente Bedum", "Bedum "]),
                st.lists(st.sampled_from(["a", "b", "Bedum"]), max_size=3),
                st.lists(st.sampled_from("0123"), max_size=3),
            ),
            min_size=1,
            max_size=8,
        )
    )
    def test_the_linear_merge_is_the_pairwise_one(
        self,
        parts: list[tuple[str, list[str], list[str]]],
    ) -> None:
        """Merging the records of one id in the loader gives what merging them two by two gives."""
        from waterketen.loading._merge import Merger, merge

        records = [
            wk.Organisation(
                id="o",
                name=name,
                kind=wk.OrgKind.MUNICIPALITY,
                other_names=tuple(others),
                provenance=tuple(wk.Provenance(source="s", locator=x) for x in places),
            )
            for name, others, places in parts
        ]
        pairwise: wk.Organisation | None = records[0]
        merger, linear = Merger(), records[0]
        for record in records[1:]:
            pairwise = merge(pairwise, record) if pairwise is not None else None  # type: ignore[assignment]
            linear = merger.merge(linear, record) if linear is not None else None  # type: ignore[assignment]
        settled: dict[str, object] = {"o": linear}
        merger.settle(settled)  # type: ignore[arg-type]
        assert settled["o"] == pairwise


class TestFiles:
    def test_a_fifo_is_refused_at_once(self, tmp_path: Path) -> None:
        """A FIFO with no writer is refused before it is opened, so no load blocks."""
        fifo = tmp_path / "net.json"
        os.mkfifo(fifo)
        (problem,) = _lenient(fifo).errors
        assert "not a regular file" in problem.reason

    def test_devices_are_refused(self) -> None:
        """``/dev/zero`` is not read until memory runs out: it is no regular file."""
        from waterketen.formats.files import check_file

        with pytest.raises(wk.SourceError, match="not a regular file"):
            check_file("/dev/zero", "zero")

    def test_the_size_limit(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file over the limit (``WATERKETEN_MAX_BYTES``) is refused with its size and the limit."""
        path = tmp_path / "net.json"
        wk.write(wk.load(), path)
        monkeypatch.setenv("WATERKETEN_MAX_BYTES", "100")
        (problem,) = _lenient(path).errors
        assert "more than the limit of 100" in problem.reason

    def test_the_default_limit_is_two_gibibytes(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the variable (or with one that is no number) the limit is 2 GiB."""
        from waterketen.formats.files import max_bytes

        monkeypatch.delenv("WATERKETEN_MAX_BYTES", raising=False)
        assert max_bytes() == 2 * 1024**3
        monkeypatch.setenv("WATERKETEN_MAX_BYTES", "lots")
        assert max_bytes() == 2 * 1024**3

    def test_a_csv_directory_does_not_follow_links_out(self, tmp_path: Path) -> None:
        """A member of a CSV directory that is a link is not read, and says so."""
        folder = tmp_path / "net"
        wk.write(wk.load(), folder, "csvdir")
        secret = tmp_path / "secret.txt"
        secret.write_text("root:x:0:0\n")
        (folder / "persons.csv").unlink()
        (folder / "persons.csv").symlink_to(secret)
        report = _lenient(f"csvdir:{folder}")
        assert any(p.place == "persons.csv" and "a link" in p.reason for p in report.errors)
        assert not any("root:x" in str(p) for p in report.problems)


class TestWrites:
    @given(st.text(max_size=30))
    def test_formula_cells_are_neutral_and_read_back(self, text: str) -> None:
        """A cell a spreadsheet would run as a formula gets an apostrophe; reading takes it off again."""
        cell = encode_text(text)
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert decode_text(cell) == text

    def test_answers_as_csv_are_neutral(self) -> None:
        """``--format csv`` answers keep no formula either."""
        from waterketen.answers import Answer

        answer = Answer(command="x", at=None, columns=("a",), rows=(("=HYPERLINK(1)",),))
        assert answer.render("csv").splitlines()[1] == "'=HYPERLINK(1)"

    def test_written_files_have_the_usual_mode(self, tmp_path: Path) -> None:
        """Every writer leaves a file readable by others (0644 with the usual umask), jsonl too."""
        umask = os.umask(0o022)
        try:
            for name in ("net.json", "net.jsonl"):
                wk.write(wk.load(), tmp_path / name)
                assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
        finally:
            os.umask(umask)

    def test_an_error_names_the_destination(self, tmp_path: Path) -> None:
        """Writing into a missing directory names the path given, not a temporary file."""
        target = tmp_path / "missing" / "out.json"
        with pytest.raises(OSError, match=r"missing/out\.json") as caught:
            wk.write(wk.load(), target)
        assert ".tmp" not in str(caught.value)

    def test_leftovers_of_killed_writes_are_swept(self, tmp_path: Path) -> None:
        """A temporary file of a dead writer is removed by the next write to the same destination."""
        dead = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
        )
        pid = int(dead.stdout)
        stale = tmp_path / f".net.json.{pid}.abc123.tmp"
        stale.write_text("half")
        live = tmp_path / f".net.json.{os.getpid()}.def456.tmp"
        live.write_text("mine")
        wk.write(wk.load(), tmp_path / "net.json")
        assert not stale.exists()
        assert live.exists()

    def test_a_killed_csv_export_leaves_old_or_new(self, tmp_path: Path) -> None:
        """Killing the CSV-directory writer at any moment leaves the destination whole: old or new."""
        target = tmp_path / "net"
        wk.write(wk.load(), target, "csvdir")
        old = sorted(p.name for p in target.iterdir())
        code = textwrap.dedent(
            f"""
            import waterketen as wk
            net = wk.load()
            while True:
                wk.write(net, {str(target)!r}, "csvdir")
            """
        )
        for delay in (0.3, 0.5, 0.8, 1.1, 1.4):
            process = subprocess.Popen([sys.executable, "-c", code])
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            assert target.is_dir()
            assert sorted(p.name for p in target.iterdir()) == old
            assert wk.load(f"csvdir:{target}") == wk.load()
        wk.write(wk.load(), target, "csvdir")  # the next write sweeps what the killed ones left
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".net.")]
        assert leftovers == []

    def test_concurrent_csv_exports_to_one_destination(self, tmp_path: Path) -> None:
        """Writers of one CSV directory at once all succeed; the last one's export is there, whole."""
        target = tmp_path / "net"
        code = textwrap.dedent(
            f"""
            import sys
            import waterketen as wk
            from waterketen.testing import FakeSource

            name = sys.argv[1]
            net = wk.load(FakeSource([("cooperation", {{"id": name, "name": name}})]))
            for _ in range(15):
                wk.write(net, {str(target)!r}, "csvdir")
            """
        )
        writers = [subprocess.Popen([sys.executable, "-c", code, f"w{n}"]) for n in range(3)]
        assert [w.wait(timeout=300) for w in writers] == [0, 0, 0]
        ids = [c.id for c in wk.load(f"csvdir:{target}").entities(wk.Cooperation)]
        assert ids in (["w0"], ["w1"], ["w2"])
        assert sorted(p.name for p in tmp_path.iterdir()) == ["net"]

    def test_another_export_arriving_first_is_replaced(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Another writer's export put in place between this writer's look and its rename (where two
        writers of a new destination once ended in "Directory not empty") is replaced, not an error."""
        from waterketen.formats import writing

        target = tmp_path / "net"
        real = os.replace
        calls: list[str] = []

        def first_comes_another(source: str | Path, destination: str | Path) -> None:
            if Path(destination) == target and not calls:  # the other writer's export, just in time
                calls.append(str(destination))
                wk.write(
                    wk.load(FakeSource([("cooperation", {"id": "other", "name": "Other"})])), target, "csvdir"
                )
            real(source, destination)

        monkeypatch.setattr(writing.os, "replace", first_comes_another)
        wk.write(wk.load(FakeSource([("cooperation", {"id": "mine", "name": "Mine"})])), target, "csvdir")
        assert [c.id for c in wk.load(f"csvdir:{target}").entities(wk.Cooperation)] == ["mine"]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["net"]


KILL_AT_A_STEP = """
import os, signal, sys
import waterketen as wk
from waterketen.formats import writing
from waterketen.testing import FakeSource

step, target = sys.argv[1], sys.argv[2]
real_exchange, real_replace, real_fsync = writing._exchange, os.replace, os.fsync


def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


def exchange_then_die(first, second):
    real_exchange(first, second)
    die()


def replace(source, destination):  # the first rename of the fallback: the old export moved aside
    real_replace(source, destination)
    if str(destination).endswith("previous"):
        die()


if step == "filling":  # at the first fsync: the new export is being made beside the old
    os.fsync = die
elif step == "before-exchange":
    writing._exchange = die
elif step == "after-exchange":
    writing._exchange = exchange_then_die
elif step == "between-renames":  # where renameat2 is missing: two renames
    writing._exchange = lambda first, second: False
    os.replace = replace
elif step == "file-before-rename":  # one file: written and synced, not yet renamed into place
    os.replace = die
fmt = "json" if target.endswith(".json") else "csvdir"
wk.write(wk.load(FakeSource([("cooperation", {"id": "new", "name": "New"})])), target, fmt)
"""


class TestAKilledCsvExport:
    """The CSV-directory writer killed between its steps (each step by itself, in a subprocess)."""

    @staticmethod
    def ids(target: Path) -> list[str]:
        return [c.id for c in wk.load(f"csvdir:{target}").entities(wk.Cooperation)]

    @pytest.mark.parametrize(
        ("step", "left"), [("filling", "old"), ("before-exchange", "old"), ("after-exchange", "new")]
    )
    def test_the_destination_is_old_or_new(self, tmp_path: Path, step: str, left: str) -> None:
        """Killed at any step, the destination is the old export or the new one; the next write sweeps."""
        target = tmp_path / "net"
        wk.write(wk.load(FakeSource([("cooperation", {"id": "old", "name": "Old"})])), target, "csvdir")
        done = subprocess.run([sys.executable, "-c", KILL_AT_A_STEP, step, str(target)], timeout=120)
        assert done.returncode == -signal.SIGKILL
        assert self.ids(target) == [left]
        assert [p for p in tmp_path.iterdir() if p.name.startswith(".net.")]  # the dead writer's leftovers
        wk.write(wk.load(FakeSource([("cooperation", {"id": "next", "name": "Next"})])), target, "csvdir")
        assert self.ids(target) == ["next"]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["net"]

    def test_a_killed_file_write_leaves_the_old_file(self, tmp_path: Path) -> None:
        """A file writer killed before its rename leaves the old file; the next write sweeps its temporary."""
        target = tmp_path / "net.json"
        wk.write(wk.load(FakeSource([("cooperation", {"id": "old", "name": "Old"})])), target)
        before = target.read_bytes()
        done = subprocess.run(
            [sys.executable, "-c", KILL_AT_A_STEP, "file-before-rename", str(target)], timeout=120
        )
        assert done.returncode == -signal.SIGKILL
        assert target.read_bytes() == before
        assert len(list(tmp_path.iterdir())) == 2  # the dead writer's temporary file
        wk.write(wk.load(), target)
        assert [p.name for p in tmp_path.iterdir()] == ["net.json"]

    def test_without_an_exchange_the_old_one_comes_back(self, tmp_path: Path) -> None:
        """Where the system cannot swap two names, a kill between the two renames leaves the old export
        aside; the next write to the destination puts it back before anything else."""
        from waterketen.formats.writing import sweep

        target = tmp_path / "net"
        wk.write(wk.load(FakeSource([("cooperation", {"id": "old", "name": "Old"})])), target, "csvdir")
        done = subprocess.run(
            [sys.executable, "-c", KILL_AT_A_STEP, "between-renames", str(target)], timeout=120
        )
        assert done.returncode == -signal.SIGKILL
        assert not target.exists()  # the one moment a kill can find: the old export is in .net.*.old/previous
        sweep(target)  # what every write to the destination does first
        assert self.ids(target) == ["old"]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["net"]


class TestPlugins:
    def test_the_docs_rule_runs_on_two_cooperations(self) -> None:
        """The example rule of docs/hooks.md works on a network with two cooperations."""
        import re

        from waterketen.checks import Check, Finding, Level, run_checks
        from waterketen.plugins import get_plugin_manager

        page = (Path(__file__).parent.parent / "docs" / "hooks.md").read_text(encoding="utf-8")
        block = next(b for b in re.findall(r"```python\n(.*?)```", page, re.S) if "waterketen_checks" in b)
        names: dict[str, object] = {
            "hookimpl": wk.hookimpl,
            "Finding": Finding,
            "Level": Level,
            "Check": Check,
            "Cooperation": wk.Cooperation,
        }
        exec(block, names)  # the page's own code
        plugin = type("Rule", (), {"waterketen_checks": staticmethod(names["waterketen_checks"])})  # type: ignore[arg-type]
        pm = get_plugin_manager(entry_points=False)
        pm.register(plugin())
        net = wk.load(
            FakeSource(
                [
                    ("cooperation", {"id": "a", "name": "A"}),
                    ("cooperation", {"id": "b", "name": "B"}),
                    ("cluster", {"id": "k", "name": "K", "cooperation": "b"}),
                ]
            )
        )
        report = run_checks(net, rules=["no-empty-clusters"], plugins=pm)
        assert [f.entities for f in report.findings] == [("k",)]

    def test_a_source_type_that_raises_on_open_is_named(self) -> None:
        """A source type whose ``open`` raises a foreign error becomes a problem naming it."""
        from waterketen.plugins import get_plugin_manager
        from waterketen.testing import fake_plugin

        def broken(location: str) -> wk.Source:
            raise KeyError("no such key")

        kind = wk.SourceType(name="broken", description="raises", open=broken, schemes=("broken",))
        pm = get_plugin_manager(entry_points=False)
        pm.register(fake_plugin(source_types=[kind]))
        (problem,) = wk.load("broken:x", strict=False, plugins=pm).report.errors  # type: ignore[union-attr]
        assert "source type broken could not open it: KeyError" in problem.reason

    def test_a_source_that_raises_keeps_what_it_gave(self) -> None:
        """A source raising while it is read: the records it gave are kept, the failure names it."""
        where = wk.Provenance(source="p")

        class Breaking:
            name = "breaking"

            def records(self) -> Iterator[wk.Record]:
                yield wk.Record(tag="cooperation", data={"id": "c", "name": "C"}, provenance=where)
                raise RuntimeError("lost the connection")

        report = _lenient(Breaking())
        assert (report.read, report.accepted) == (1, 1)
        (problem,) = report.errors
        assert problem.source == "breaking"
        assert problem.reason == "the source failed while reading: RuntimeError: lost the connection"

    def test_a_source_that_hangs_holds_its_load(self) -> None:
        """Nothing times a source out: a load waits as long as ``records()`` does, then goes on."""
        import threading

        go_on = threading.Event()
        where = wk.Provenance(source="p")

        class Slow:
            name = "slow"

            def records(self) -> Iterator[wk.Record]:
                go_on.wait()
                yield wk.Record(tag="cooperation", data={"id": "c", "name": "C"}, provenance=where)

        loaded: list[wk.Network] = []
        thread = threading.Thread(target=lambda: loaded.append(wk.load(Slow())))
        thread.start()
        thread.join(1)
        assert thread.is_alive()  # it cannot end before the event: no timing
        assert not loaded
        go_on.set()
        thread.join(60)
        assert [c.id for c in loaded[0].entities(wk.Cooperation)] == ["c"]

    def test_a_writer_that_fails_is_named(self, tmp_path: Path) -> None:
        """A writer raising OSError or anything else gives the library's error, naming writer and path."""
        from waterketen.errors import WriteError
        from waterketen.plugins import get_plugin_manager
        from waterketen.testing import fake_plugin

        def full(network: wk.Network, path: Path) -> None:
            raise OSError(28, "No space left on device")

        def buggy(network: wk.Network, path: Path) -> None:
            raise ZeroDivisionError("oops")

        pm = get_plugin_manager(entry_points=False)
        writers = [
            wk.Writer(name="full", description="", write=full),
            wk.Writer(name="buggy", description="", write=buggy),
        ]
        pm.register(fake_plugin(writers=writers))
        with pytest.raises(WriteError, match="the full writer cannot write it: No space left"):
            wk.write(wk.load(), tmp_path / "x", "full", plugins=pm)
        with pytest.raises(WriteError, match="the buggy writer failed: ZeroDivisionError"):
            wk.write(wk.load(), tmp_path / "x", "buggy", plugins=pm)


class TestSmallThings:
    def test_a_kind_that_is_no_text(self, tmp_path: Path) -> None:
        """``TableSource(kind=5)`` is the library's error naming the field, not an AttributeError."""
        path = tmp_path / "t.csv"
        path.write_text("Naam\nStad\n", encoding="utf-8")
        with pytest.raises(wk.SourceError, match="kind must be an OrgKind"):
            wk.TableSource(path, member_name="Naam", kind=5)  # type: ignore[arg-type]

    def test_a_question_mark_in_a_file_name(self, tmp_path: Path) -> None:
        """A table whose file name holds a ``?`` is read as that file, not as options."""
        path = tmp_path / "what?.csv"
        path.write_text("name\nStad\n", encoding="utf-8")
        net = wk.load(f"table:{path}", strict=False)
        assert net.report is not None
        assert net.report.read == 1


HANGING = """\
import os
import time

open(os.environ["HANG_MARK"], "a").close()  # the import has begun
time.sleep(3600)
"""


@pytest.fixture(scope="module")
def hanging(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A fresh process's environment with a plugin installed (a dist-info) whose import never ends."""
    root = tmp_path_factory.mktemp("hang")
    dist = root / "waterketen_hang-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: waterketen-hang\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[waterketen]\nhang = waterketen_hang\n")
    (root / "waterketen_hang.py").write_text(HANGING)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    env["HANG_MARK"] = str(root / "importing")
    for name in ("WATERKETEN_DISABLE_PLUGINS", "WATERKETEN_NO_PLUGINS"):
        env.pop(name, None)
    return env


class TestAHangingPlugin:
    """What a plugin whose import never ends does (docs/plugins.md, "When a plugin fails")."""

    def test_built_in_formats_never_import_it(self, hanging: dict[str, str], tmp_path: Path) -> None:
        """Loads and writes of built-in formats return in a fresh process; the plugin is never imported."""
        wk.write(wk.load(), tmp_path / "good.json")
        wk.write(wk.load(), tmp_path / "good.jsonl")
        wk.write(wk.load(), tmp_path / "good", "csvdir")
        code = f"""
            import sys
            from pathlib import Path
            import waterketen as wk
            folder = Path({str(tmp_path)!r})
            locations = [folder / "good.json", folder / "good.jsonl", f"csvdir:{{folder / 'good'}}"]
            nets = [wk.load(location) for location in locations]
            assert all(net == wk.load() for net in nets)
            for name in ("out.json", "out.jsonl", "out.graphml", "out.gexf"):
                wk.write(nets[0], folder / name)
            print("waterketen_hang" in sys.modules)
            """
        result = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            env=hanging,
            capture_output=True,
            text=True,
            timeout=300,  # ends by itself even if the plugin were imported
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "False"
        assert not Path(hanging["HANG_MARK"]).exists()

    @pytest.mark.parametrize(
        "command",
        [
            ["-m", "waterketen", "sources"],
            ["-c", "import waterketen as wk; wk.load().check()"],
            ["-c", "import waterketen as wk; wk.load('x.popolo.json')"],
        ],
    )
    def test_a_listing_waits_for_it(
        self, hanging: dict[str, str], tmp_path: Path, command: list[str]
    ) -> None:
        """Listing what plugins offer (so ``check()``), or a location no built-in settles, waits for it."""
        mark = Path(hanging["HANG_MARK"])
        mark.unlink(missing_ok=True)
        process = subprocess.Popen(
            [sys.executable, *command],
            env=hanging,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(1200):  # up to two minutes for the import to begin
                if mark.exists() or process.poll() is not None:
                    break
                time.sleep(0.1)
            assert mark.exists(), "the plugin was never imported"
            time.sleep(1)
            assert process.poll() is None  # still waiting for the plugin: nothing times it out
        finally:
            process.kill()
            process.wait()
        mark.unlink(missing_ok=True)

    @pytest.mark.parametrize(
        ("args", "variables"),
        [
            (["--no-plugins"], {}),
            ([], {"WATERKETEN_DISABLE_PLUGINS": "hang"}),
            ([], {"WATERKETEN_NO_PLUGINS": "1"}),
        ],
    )
    def test_switched_off_it_is_never_imported(
        self, hanging: dict[str, str], args: list[str], variables: dict[str, str]
    ) -> None:
        """Switched off (``--no-plugins``, or by name or all in the environment), it is never imported."""
        mark = Path(hanging["HANG_MARK"])
        mark.unlink(missing_ok=True)
        result = subprocess.run(
            [sys.executable, "-m", "waterketen", "sources", *args],
            env=hanging | variables,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "embedded" in result.stdout
        assert not mark.exists()
