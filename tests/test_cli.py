"""The ``waterketen`` command, run as a user runs it: the installed command, in a subprocess.

Every subcommand and output format is run here, with its exit code and
output; each query's JSON is compared with the Python API's answer to the
same question (the two must agree: the command is a thin call of the API).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import waterketen as wk
from waterketen import answers


ON = "2016-01-01"


def _command() -> list[str]:
    installed = Path(sys.executable).with_name("waterketen")
    if installed.exists():
        return [str(installed)]
    found = shutil.which("waterketen")
    return [found] if found else [sys.executable, "-m", "waterketen"]


COMMAND = _command()


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args], capture_output=True, text=True, timeout=60, check=False, cwd=cwd, encoding="utf-8"
    )


def synthetic(tmp_path: Path) -> Path:
    """A small native network with people in posts (synthetic names), written as JSON."""
    document = {
        "cooperations": [{"id": "voorbeeldregio", "name": "Voorbeeldregio"}],
        "organisations": [{"id": "proefdorp", "name": "Proefdorp", "kind": "municipality"}],
        "memberships": [{"id": "m1", "member": "proefdorp", "group": "voorbeeldregio"}],
        "bodies": [
            {
                "id": "stuurgroep",
                "name": "Stuurgroep",
                "kind": "steering-group",
                "cooperation": "voorbeeldregio",
            }
        ],
        "posts": [
            {
                "id": "voorzitter",
                "name": "Voorzitter",
                "cooperation": "voorbeeldregio",
                "duties": [{"role": "chair", "body": "stuurgroep"}],
            }
        ],
        "persons": [{"id": "persoon-a", "name": "Persoon A"}, {"id": "persoon-b", "name": "Persoon B"}],
        "tenures": [
            {"id": "t1", "holder": "persoon-a", "post": "voorzitter", "period": {"end": "2016-01-01"}},
            {"id": "t2", "holder": "persoon-b", "post": "voorzitter", "period": {"start": "2016-01-01"}},
        ],
    }
    path = tmp_path / "voorbeeld.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


class TestShow:
    def test_default_shows_the_national_picture(self) -> None:
        """With no arguments, the command shows every region as of today, a line each."""
        result = run()
        assert result.returncode == 0, result.stderr
        heading = f"The water-chain regions of the Netherlands as of {date.today().isoformat()}: 48 regions"
        assert result.stdout.startswith(heading)
        (gnd,) = [line for line in result.stdout.splitlines() if "[groningen-noord-drenthe]" in line]
        assert gnd.startswith("Groningen & Noord-Drenthe [groningen-noord-drenthe]: 14 municipalities, ")
        assert "sub-regions: Waterpas, Oost-Groningen" in gnd
        assert "waterketen validate regions: embedded:groningen-noord-drenthe" in result.stderr

    def test_show_a_region(self) -> None:
        """show REGION shows one region as the main job showed Groningen & Noord-Drenthe."""
        result = run("show", "groningen-noord-drenthe")
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Groningen & Noord-Drenthe  [groningen-noord-drenthe]")
        assert f"as of {date.today().isoformat()}" in result.stdout
        assert run("show", "Rivierenland").stdout.startswith(
            "Netwerk Waterketen regio Rivierenland  [regio-rivierenland]"
        )

    def test_show_an_unknown_region(self) -> None:
        """A misspelt region fails with the regions it may mean."""
        result = run("show", "Rivirenland")
        assert result.returncode == 1
        assert "no cooperation has the id or name 'Rivirenland'; did you mean " in result.stderr
        assert "(regio-rivierenland)" in result.stderr

    def test_at_a_date(self) -> None:
        """--at shows the seed's picture: 31 partners, 7 clusters, the regiegroep."""
        result = run("show", "groningen-noord-drenthe", "--at", ON)
        assert result.returncode == 0, result.stderr
        out = result.stdout
        assert "Partners (31): 27 municipalities, 2 water boards, 2 drinking-water companies" in out
        assert "Clusters (7)" in out
        assert "DAL                 Delfzijl (GM0010), Appingedam (GM0003), Loppersum (GM0024)" in out
        assert "Regiegroep (11 seats stated, 11 member posts)" in out
        assert "secretary Waterregisseur" in out
        assert "chair     Waterregisseur" in out

    def test_show_a_source(self, tmp_path: Path) -> None:
        """show reads the sources it is given instead of the embedded dataset."""
        result = run("show", str(synthetic(tmp_path)), "--at", ON)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Voorbeeldregio  [voorbeeldregio]")
        assert "chair     Voorzitter: Persoon B" in result.stdout

    def test_version(self) -> None:
        """--version prints the version."""
        result = run("--version")
        assert result.returncode == 0
        assert result.stdout == f"waterketen {wk.__version__}\n"


COMMANDS = [
    "show",
    "partners",
    "clusters",
    "members",
    "cluster-of",
    "bodies",
    "posts",
    "holders",
    "seats",
    "find",
    "lookup",
    "validate",
    "export",
    "plugins",
    "sources",
    "writers",
    "schema",
]


class TestHelp:
    def test_top_level_help(self) -> None:
        """--help lists every command and the exit codes."""
        result = run("--help")
        assert result.returncode == 0
        for command in COMMANDS:
            assert f"\n    {command}" in result.stdout, command
        assert "exit codes:" in result.stdout
        assert "2  wrong usage" in result.stdout

    @pytest.mark.parametrize("command", COMMANDS)
    def test_every_command_has_help(self, command: str) -> None:
        """Every command explains itself and its exit codes."""
        result = run(command, "--help")
        assert result.returncode == 0
        assert result.stdout.startswith(f"usage: waterketen {command}")
        assert "exit codes" in result.stdout


class TestUsageErrors:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--at", "2019-02-31"], "not a real date"),
            (["partners", "--at", "2016"], "a whole day"),
            (["--nope"], "unrecognized arguments: --nope"),
            (["export"], "required: -o/--output"),
            (["members"], "required: GROUP"),
            (["partners", "--kind", "gemeentee"], "invalid choice: 'gemeentee'"),
            (["partners", "--format", "xml"], "invalid choice: 'xml'"),
            (["partners", "--at", ON, "--all-time"], "not allowed with argument"),
            (["find", "x", "--type", "thing"], "invalid choice: 'thing'"),
            (["export", "-o", "net.xyz"], "no writer's suffix ends 'net.xyz'"),
            (["export", "--format", "pdf", "-o", "net.pdf"], "no writer writes the format 'pdf'"),
            (["export", "--format", "csv", "-o", "-"], "writes a directory"),
            (["partners", "--map", "code"], "expected NAME=VALUE"),
            (["partners", "--map", "code=Code"], "no SOURCE is one"),
            (["partners", "t.csv", "--map", "colour=Kleur"], "not an option of a table"),
            (["partners", "t.csv", "--map", "code=Code"], "name the column of the member's name"),
        ],
    )
    def test_exit_2_with_the_reason_on_stderr(self, args: list[str], message: str) -> None:
        """Wrong usage exits 2, says why on stderr and prints nothing on stdout."""
        result = run(*args)
        assert result.returncode == 2, result.stderr
        assert message in result.stderr
        assert result.stdout == ""


# Each query, as the command asks it and as Python asks it.
Ask = Callable[[wk.Network], wk.answers.Answer]
QUERIES: list[tuple[list[str], Ask]] = [
    (["partners", "--at", ON], lambda n: answers.partners(n, on=ON)),
    (
        ["partners", "--at", ON, "--kind", "water-board"],
        lambda n: answers.partners(n, on=ON, kind="water-board"),
    ),
    (["partners", "--at", ON, "--cluster", "DAL"], lambda n: answers.partners(n, on=ON, cluster="gnd-dal")),
    (["partners", "--all-time"], lambda n: answers.partners(n)),
    (["partners"], lambda n: answers.partners(n, on=date.today())),
    (["clusters", "--at", ON], lambda n: answers.clusters(n, on=ON)),
    (["members", "Cluster GHT", "--at", ON], lambda n: answers.members(n, "gnd-ght", on=ON)),
    (["cluster-of", "Bedum", "--at", ON], lambda n: answers.cluster_of(n, "bedum", on=ON)),
    (
        ["cluster-of", "bedum", "--at", "2014-06-01"],
        lambda n: answers.cluster_of(n, "bedum", on="2014-06-01"),
    ),
    (["bodies", "--at", ON, "--kind", "water-team"], lambda n: answers.bodies(n, on=ON, kind="water-team")),
    (["posts", "--at", ON], lambda n: answers.posts(n, on=ON)),
    (["posts", "Regiegroep", "--at", ON], lambda n: answers.posts(n, "gnd-regiegroep", on=ON)),
    (
        ["holders", "gnd-waterregisseur", "--at", ON],
        lambda n: answers.holders(n, "gnd-waterregisseur", on=ON),
    ),
    (["seats", "gnd-regiegroep", "--at", ON], lambda n: answers.seats(n, "gnd-regiegroep", on=ON)),
    (["find", "hunze en aa's"], lambda n: answers.find(n, "hunze en aa's")),
    (["find", "DAL", "--type", "cluster"], lambda n: answers.find(n, "DAL", tag="cluster")),
    (["lookup", "cbs", "GM0765", "--at", ON], lambda n: answers.lookup(n, "cbs", "GM0765", on=ON)),
]


class TestQueries:
    @pytest.mark.parametrize(("args", "ask"), QUERIES, ids=[" ".join(q[0]) for q in QUERIES])
    def test_json_is_the_python_answer(self, net: wk.Network, args: list[str], ask: Ask) -> None:
        """The command's JSON is the Python API's answer to the same question."""
        result = run(*args, "--format", "json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == ask(net).to_json()

    def test_table(self) -> None:
        """The table format aligns the columns under a header."""
        result = run("partners", "--at", ON, "--cluster", "gnd-dal")
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0].split() == ["id", "name", "kind", "identifiers", "clusters", "start", "end"]
        assert lines[1].split() == [
            "delfzijl",
            "Delfzijl",
            "municipality",
            "cbs:GM0010",
            "gnd-dal",
            "..2010-01-01",
            "2021-01-01",
        ]
        assert len(lines) == 4

    def test_csv(self) -> None:
        """The CSV format has a header row and lists joined by semicolons."""
        result = run("posts", "gnd-clustercoordinatorenoverleg", "--at", ON, "--format", "csv")
        assert result.returncode == 0, result.stderr
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert rows[0]["id"] == "gnd-waterregisseur"
        assert rows[0]["duties"] == "secretary:gnd-regiegroep;chair:gnd-clustercoordinatorenoverleg"
        assert len(rows) == 8

    def test_queries_on_a_source(self, tmp_path: Path) -> None:
        """Queries read the sources given after their own arguments."""
        path = str(synthetic(tmp_path))
        result = run("holders", "Voorzitter", path, "--at", "2015-06-01", "--format", "json")
        assert result.returncode == 0, result.stderr
        assert [row["name"] for row in json.loads(result.stdout)["rows"]] == ["Persoon A"]
        result = run("seats", "stuurgroep", path, "--at", ON, "--format", "csv")
        assert result.stdout.splitlines()[1] == "voorzitter,Voorzitter,chair,,,persoon-b,Persoon B"

    def test_posts_takes_a_source_for_a_body(self, tmp_path: Path) -> None:
        """posts with a source and no body lists every post of the source."""
        result = run("posts", str(synthetic(tmp_path)), "--all-time", "--format", "json")
        assert result.returncode == 0, result.stderr
        assert [row["holders"] for row in json.loads(result.stdout)["rows"]] == [["persoon-a", "persoon-b"]]


class TestCannotAnswer:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["members", "nope"], "no cooperation or cluster or body has the id or name 'nope'"),
            (["cluster-of", "gnd-dal"], "'gnd-dal' is a cluster, not an organisation"),
            (["seats", "bedum"], "'bedum' is an organisation, not a body"),
            (["lookup", "cbs", "GM9999"], "lookup: nothing found"),
            (["find", "Atlantis"], "find: nothing found"),
        ],
    )
    def test_exit_1(self, args: list[str], message: str) -> None:
        """A question about nothing, or that finds nothing, exits 1 and says why on stderr."""
        result = run(*args)
        assert result.returncode == 1
        assert message in result.stderr

    def test_ambiguous_question(self, tmp_path: Path) -> None:
        """An organisation in two clusters over all time needs a day."""
        document = {
            "cooperations": [{"id": "c", "name": "C"}],
            "clusters": [
                {"id": "a", "name": "A", "cooperation": "c"},
                {"id": "b", "name": "B", "cooperation": "c"},
            ],
            "organisations": [{"id": "o", "name": "O", "kind": "municipality"}],
            "memberships": [
                {"id": "m1", "member": "o", "group": "a", "period": {"end": "2019-01-01"}},
                {"id": "m2", "member": "o", "group": "b", "period": {"start": "2019-01-01"}},
            ],
        }
        path = tmp_path / "net.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        result = run("cluster-of", "o", str(path), "--all-time")
        assert result.returncode == 1
        assert "'o' is in clusters a, b; pass --at DATE to choose" in result.stderr  # the command's words
        assert (
            run("cluster-of", "o", str(path), "--at", "2019-01-01").stdout.splitlines()[1].split()[2]
            == "known"
        )

    def test_bad_source_exits_1(self, tmp_path: Path) -> None:
        """A strict load that fails exits 1 with the problems on stderr."""
        path = tmp_path / "bad.json"
        path.write_text("{", encoding="utf-8")
        for args in (["show", str(path)], ["partners", str(path), "--format", "json"]):
            result = run(*args)
            assert result.returncode == 1
            assert "invalid JSON" in result.stderr
            assert result.stdout == ""

    def test_missing_and_unknown_sources(self, tmp_path: Path) -> None:
        """A missing file or an unknown kind of source is a problem of the data, exit 1."""
        assert "cannot read the file" in run("clusters", str(tmp_path / "nope.json")).stderr
        result = run("clusters", str(tmp_path / "net.ods"))
        assert result.returncode == 1
        assert "no source type reads" in result.stderr

    def test_lenient_load_answers_and_warns(self, tmp_path: Path) -> None:
        """--lenient answers from the valid records and names the rejected ones on stderr."""
        path = synthetic(tmp_path)
        document = json.loads(path.read_text(encoding="utf-8"))
        document["organisations"].append({"id": "kapot", "name": "Kapot", "kind": "gemeentee"})
        path.write_text(json.dumps(document), encoding="utf-8")
        assert run("partners", str(path)).returncode == 1
        result = run("partners", str(path), "--lenient", "--all-time", "--format", "csv")
        assert result.returncode == 0
        assert result.stdout.splitlines()[1].startswith("proefdorp,Proefdorp,")
        assert "/organisations/1 kind: expected one of municipality" in result.stderr


class TestValidate:
    def test_clean(self) -> None:
        """validate exits 0 on clean data and reports the counts."""
        result = run("validate")
        assert result.returncode == 0
        assert "0 rejected" in result.stdout

    def test_bad_source(self, tmp_path: Path) -> None:
        """validate exits 1 and names every problem's place, in every format."""
        path = tmp_path / "bad.json"
        path.write_text(json.dumps({"cooperations": [{"id": "c"}]}), encoding="utf-8")
        result = run("validate", str(path))
        assert result.returncode == 1
        assert f"{path} /cooperations/0 name: required field is missing" in result.stdout
        result = run("validate", str(path), "--format", "json")
        assert result.returncode == 1
        document = json.loads(result.stdout)
        assert (document["ok"], document["read"], document["accepted"], document["rejected"]) == (
            False,
            1,
            0,
            1,
        )
        assert document["rows"] == [
            {
                "source": str(path),
                "place": "/cooperations/0",
                "field": "name",
                "severity": "error",
                "reason": "required field is missing",
            }
        ]
        result = run("validate", str(path), "--format", "csv")
        assert result.stdout.splitlines()[1] == f"{path},/cooperations/0,name,error,required field is missing"


class TestExport:
    def test_json_round_trip(self, tmp_path: Path, net: wk.Network) -> None:
        """export writes native JSON that loads back equal; the format follows the suffix."""
        path = tmp_path / "net.json"
        result = run("export", "-o", str(path))
        assert result.returncode == 0, result.stderr
        assert f"wrote {len(net)} entities to {path} (json)" in result.stderr
        assert wk.load(path) == net
        assert "Partners (31)" in run("show", str(path), "--at", ON).stdout

    def test_csv_round_trip(self, tmp_path: Path, net: wk.Network) -> None:
        """export --format csv writes a directory that csvdir: reads back equal."""
        folder = tmp_path / "net"
        assert run("export", "--format", "csv", "-o", str(folder)).returncode == 0
        assert wk.load(f"csvdir:{folder}") == net
        result = run("partners", f"csvdir:{folder}", "--at", ON, "--cluster", "DAL", "--format", "csv")
        assert [line.split(",")[0] for line in result.stdout.splitlines()[1:]] == [
            "delfzijl",
            "appingedam",
            "loppersum",
        ]

    @pytest.mark.parametrize(("format", "suffix"), [("graphml", ".graphml"), ("gexf", ".gexf")])
    def test_graph_formats(self, tmp_path: Path, net: wk.Network, format: str, suffix: str) -> None:
        """GraphML and GEXF export read back with networkx, by the format's name or the suffix."""
        import networkx as nx

        read = nx.read_graphml if format == "graphml" else nx.read_gexf
        by_name, by_suffix = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        assert run("export", "--format", format, "-o", str(by_name)).returncode == 0
        assert run("export", "-o", str(by_suffix)).returncode == 0
        assert by_name.read_bytes() == by_suffix.read_bytes()
        graph = read(by_name)
        assert graph.nodes["gnd-regiegroep"]["seats"] == 11
        assert graph.number_of_nodes() == net.graph().number_of_nodes()

    def test_node_link_to_standard_output(self, net: wk.Network) -> None:
        """-o - writes a single-file format to standard output."""
        import networkx as nx

        result = run("export", "--format", "node-link", "-o", "-")
        assert result.returncode == 0, result.stderr
        graph = nx.node_link_graph(json.loads(result.stdout), edges="edges")
        assert graph.nodes["bedum"]["identifiers"] == "cbs:GM0005"
        assert graph.number_of_edges() == len(list(net.relations()))

    def test_cannot_write(self, tmp_path: Path) -> None:
        """A path that cannot be written, or a directory that is not an export, exits 1."""
        result = run("export", "-o", str(tmp_path / "no" / "such" / "net.json"))
        assert result.returncode == 1
        assert "No such file or directory" in result.stderr
        (tmp_path / "mine").mkdir()
        (tmp_path / "mine" / "thesis.txt").write_text("do not delete", encoding="utf-8")
        result = run("export", "--format", "csv", "-o", str(tmp_path / "mine"))
        assert result.returncode == 1
        assert "not a waterketen csv export" in result.stderr
        assert (tmp_path / "mine" / "thesis.txt").exists()


class TestInstallation:
    @pytest.mark.parametrize("format", ["table", "json", "csv"])
    def test_plugins(self, format: str) -> None:
        """plugins lists the built-in plugin with the package version and what it offers."""
        result = run("plugins", "--format", format)
        assert result.returncode == 0, result.stderr
        if format == "json":
            (builtin,) = [r for r in json.loads(result.stdout)["rows"] if r["name"] == "waterketen._builtins"]
            assert builtin["version"] == wk.__version__
            assert "table" in builtin["source_types"]
            assert builtin["writers"] == ["json", "jsonl", "csvdir", "graphml", "gexf", "node-link"]
        else:
            assert "waterketen._builtins" in result.stdout

    @pytest.mark.parametrize("format", ["table", "json", "csv"])
    def test_sources(self, format: str) -> None:
        """sources lists the built-in source types with their schemes and suffixes."""
        result = run("sources", "--format", format)
        assert result.returncode == 0, result.stderr
        for name in ("json", "jsonl", "toml", "csvdir", "table", "embedded"):
            assert name in result.stdout
        if format == "json":
            rows = {r["name"]: r for r in json.loads(result.stdout)["rows"]}
            assert rows["table"]["suffixes"] == [".csv", ".tsv", ".xlsx", ".xlsm"]
            assert rows["csvdir"]["schemes"] == ["csvdir"]

    @pytest.mark.parametrize("format", ["table", "json", "csv"])
    def test_writers(self, format: str) -> None:
        """writers lists the export formats."""
        result = run("writers", "--format", format)
        assert result.returncode == 0, result.stderr
        for name in ("json", "csvdir", "graphml", "gexf", "node-link"):
            assert name in result.stdout

    def test_schema(self) -> None:
        """schema prints the JSON Schema of the native format."""
        result = run("schema")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == wk.schema.json_schema()


class TestTables:
    def test_a_spreadsheet_with_a_mapping(self, tmp_path: Path) -> None:
        """--map reads a Dutch spreadsheet export (semicolons, BOM, CRLF) without editing it."""
        path = tmp_path / "gemeenten.csv"
        path.write_bytes(
            "\ufeffGemeentecode;Gemeentenaam;Regio\r\n9901;Voorbeeldstad;Regio Proef\r\n"
            "9902;Proefdorp;Regio Proef\r\n".encode()
        )
        mapping = ["--map", "code=Gemeentecode", "--map", "name=Gemeentenaam", "--map", "group=Regio"]
        result = run("partners", str(path), *mapping, "--format", "csv")
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[1:] == [
            "voorbeeldstad,Voorbeeldstad,municipality,cbs:GM9901,,,",
            "proefdorp,Proefdorp,municipality,cbs:GM9902,,,",
        ]
        result = run(
            "lookup", "cbs", "GM9902", f"table:{path}?code=Gemeentecode&name=Gemeentenaam&group=Regio"
        )
        assert result.returncode == 0, result.stderr
        assert "Proefdorp" in result.stdout

    def test_a_bad_row_names_row_and_column(self, tmp_path: Path) -> None:
        """validate names the row and the column of a bad cell; the other rows are kept."""
        path = tmp_path / "gemeenten.csv"
        path.write_text(
            "Code,Naam,Regio,Einde\n9901,Voorbeeldstad,Regio Proef,31-12-2018\n"
            "9902,Proefdorp,Regio Proef,morgen\n",
            encoding="utf-8",
        )
        mapping = [
            "--map",
            "code=Code",
            "--map",
            "name=Naam",
            "--map",
            "group=Regio",
            "--map",
            "member-end=Einde",
        ]
        mapping += ["--table-option", "end-inclusive=true"]
        result = run("validate", str(path), *mapping)
        assert result.returncode == 1
        assert "read 5 records: 3 accepted, 2 rejected" in result.stdout
        assert f"{path} row 3, column 'Einde' period:" in result.stdout
        result = run("partners", str(path), *mapping, "--lenient", "--all-time", "--format", "json")
        assert [(r["id"], r["end"]) for r in json.loads(result.stdout)["rows"]] == [
            ("voorbeeldstad", "2019-01-01")
        ]


class TestHistoryCommands:
    def test_successors(self) -> None:
        """successors answers what became of Winsum, partly."""
        result = run("successors", "Winsum", "--format", "csv")
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0] == "id,name,partial,change,kind,date"
        assert lines[1].startswith("het-hogeland,Het Hogeland,true,gnd-herindeling-het-hogeland-2019,merger")

    def test_predecessors_transitive(self) -> None:
        """predecessors of Eemsdelta are the three DAL municipalities."""
        result = run("predecessors", "eemsdelta", "--transitive", "--format", "json")
        assert result.returncode == 0, result.stderr
        names = [r["name"] for r in json.loads(result.stdout)["rows"]]
        assert names == ["Appingedam", "Delfzijl", "Loppersum"]

    def test_timeline(self) -> None:
        """timeline lists Bedum's events in date order."""
        result = run("timeline", "bedum", "--format", "json")
        assert result.returncode == 0, result.stderr
        rows = json.loads(result.stdout)["rows"]
        assert (rows[0]["date"], rows[0]["what"]) == ("..2010-01-01", "start")  # the register's
        assert rows[1]["date"] == "..2014"
        assert rows[-1]["what"] == "change"

    def test_diff(self) -> None:
        """diff explains 31 -> 18 partners by its change events."""
        result = run("diff", "2017-06-01", "2021-06-01", "--format", "json")
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout)
        assert answer["summary"] == "31 → 18 partners: 6 mergers, 1 reorganisation"
        assert answer["partners"] == [31, 18]
        assert "bedum" in answer["removed"]
        assert len(answer["rows"]) == 7

    def test_diff_bad_date(self) -> None:
        """An impossible date is wrong usage."""
        assert run("diff", "2017-06-01", "2021-02-30").returncode == 2


class TestCheckCommand:
    def test_clean(self) -> None:
        """The embedded dataset keeps every rule: exit 0."""
        result = run("check", "--format", "json")
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout)
        assert answer["ok"] is True
        assert "one-cluster" in answer["rules"]

    def test_finding_exits_1(self, tmp_path: Path) -> None:
        """A municipality in two clusters is an error: check and validate exit 1."""
        document = {
            "cooperations": [{"id": "c", "name": "C"}],
            "organisations": [{"id": "a", "name": "A", "kind": "municipality"}],
            "clusters": [
                {"id": "k", "name": "K", "cooperation": "c"},
                {"id": "l", "name": "L", "cooperation": "c"},
            ],
            "memberships": [
                {"id": "a@c", "member": "a", "group": "c"},
                {"id": "a@k", "member": "a", "group": "k"},
                {"id": "a@l", "member": "a", "group": "l"},
            ],
        }
        path = tmp_path / "two.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        result = run("check", str(path), "--format", "csv")
        assert result.returncode == 1
        assert 'one-cluster,error,"A (a) is in 2 clusters of C (K, L), not 1"' in result.stdout
        validated = run("validate", str(path))
        assert validated.returncode == 1
        assert "[one-cluster]" in validated.stdout
        assert run("validate", str(path), "--no-checks").returncode == 0

    def test_unknown_rule_is_usage(self) -> None:
        """An unknown rule name exits 2."""
        result = run("check", "--rule", "nope")
        assert result.returncode == 2
        assert "no such rule" in result.stderr
