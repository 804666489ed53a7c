"""The command when the question is off: mistyped commands and options, arguments in any order, dates.

Each test runs the installed command in a subprocess, as a user runs it
(issue 19, items 6 and 9-15).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli import ON, run


class TestMistypedCommands:
    @pytest.mark.parametrize(
        ("word", "meant"),
        [
            ("partner", "partners"),
            ("clustr-of", "cluster-of"),
            ("valdate", "validate"),
            ("Partners", "partners"),
        ],
    )
    def test_a_mistyped_command_is_named_with_a_suggestion(self, word: str, meant: str) -> None:
        """A word like a command is an unknown command (exit 2), not a source that no type reads."""
        result = run(word)
        assert result.returncode == 2
        assert f"unknown command {word!r}; did you mean {meant}?" in result.stderr
        assert "source type" not in result.stderr
        assert result.stdout == ""

    def test_a_source_is_still_a_source(self, tmp_path: Path) -> None:
        """A first argument that names a file is read as the source of show, as before."""
        result = run(str(tmp_path / "partners.json"))
        assert result.returncode == 1
        assert "unknown command" not in result.stderr
        assert "partners.json" in result.stderr


class TestOptionErrors:
    def test_a_mistyped_option_prints_the_commands_usage(self) -> None:
        """An unknown option is reported with the usage of its command and the option meant."""
        result = run("partners", "--frmat", "json")
        assert result.returncode == 2
        assert result.stderr.startswith("usage: waterketen partners ")
        assert "waterketen partners: error: unrecognized arguments: --frmat; did you mean --format?" in (
            result.stderr
        )

    def test_a_register_subcommand_prints_its_own_usage(self) -> None:
        """register lookup with a mistyped option shows the usage of register lookup, not the top level."""
        result = run("register", "lookup", "GM0005", "--frmat", "json")
        assert result.returncode == 2
        assert result.stderr.startswith("usage: waterketen register lookup ")
        assert "did you mean --format?" in result.stderr

    def test_a_register_subcommand_takes_options_first(self) -> None:
        """register's subcommands take their options before or after their arguments."""
        assert (
            run("register", "lookup", "--at", ON, "GM0005").stdout
            == run("register", "lookup", "GM0005", "--at", ON).stdout
        )

    def test_a_bad_value_prints_the_commands_usage(self) -> None:
        """A wrong value of an option is reported under its command's usage."""
        result = run("members", "BMWE", "--format", "xml")
        assert result.returncode == 2
        assert result.stderr.startswith("usage: waterketen members ")


class TestArgumentOrder:
    @pytest.mark.parametrize(
        "args",
        [
            ["cluster-of", "Bedum", "--at", ON, "{net}"],
            ["cluster-of", "--at", ON, "Bedum", "{net}"],
            ["cluster-of", "Bedum", "{net}", "--at", ON],
            ["members", "BMWE", "--format", "json", "{net}", "--at", ON],
            ["posts", "Regiegroep", "--at", ON, "{net}"],
            ["diff", "2016-01-01", "--format", "json", "2019-06-01", "{net}"],
        ],
    )
    def test_sources_after_options(self, tmp_path: Path, args: list[str]) -> None:
        """A source may follow the options, on every command, and answers as the default data does."""
        net = tmp_path / "net.json"
        assert run("export", "-o", str(net)).returncode == 0
        result = run(*(str(net) if a == "{net}" else a for a in args))
        assert result.returncode == 0, result.stderr
        assert result.stdout == run(*(a for a in args if a != "{net}")).stdout

    def test_no_arguments_names_only_what_is_required(self) -> None:
        """cluster-of without arguments asks for ORG only: SOURCE is optional."""
        result = run("cluster-of")
        assert result.returncode == 2
        assert result.stderr.rstrip().endswith("the following arguments are required: ORG")


class TestExportPath:
    def test_an_unwritable_path_is_named_as_given(self, tmp_path: Path) -> None:
        """The error names the path the user gave, not a temporary file beside it."""
        target = tmp_path / "no" / "such" / "dir" / "out.json"
        result = run("export", "-o", str(target))
        assert result.returncode == 1
        assert str(target) in result.stderr
        assert "tmp" not in result.stderr.replace(str(tmp_path), "")


class TestDates:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                ["--at", "01-01-2016"],
                "argument --at: expected a whole day (YYYY-MM-DD), got '01-01-2016'; "
                "did you mean 2016-01-01?",
            ),
            (["partners", "--at", "31/12/2016"], "did you mean 2016-12-31?"),
            (
                ["partners", "--at", "2016"],
                "got '2016', a year: ask about one of its days, such as 2016-01-01",
            ),
            (["check", "--at", "2016-03"], "got '2016-03', a month: ask about one of its days"),
            (["diff", "1-1-2016", "2019-01-01"], "argument DATE: expected a whole day (YYYY-MM-DD)"),
            (
                ["register", "crosswalk", "2016", "2019-01-01"],
                "expected a whole day (YYYY-MM-DD), got '2016'",
            ),
        ],
    )
    def test_one_message_says_the_form_and_the_day_meant(self, args: list[str], message: str) -> None:
        """Every date option takes a whole day, says so in the same words, and guesses the day meant."""
        result = run(*args)
        assert result.returncode == 2
        assert message in result.stderr
        assert "YYYY, YYYY-MM" not in result.stderr  # a form no question takes is not offered


class TestInterfaceWords:
    def test_an_ambiguous_code_names_the_option(self) -> None:
        """lookup of a code of two organisations says to pass --at, the command's option, not on=."""
        result = run("lookup", "cbs", "GM0014")
        assert result.returncode == 1
        assert "pass --at DATE to choose" in result.stderr
        assert "on=" not in result.stderr
        assert run("lookup", "cbs", "GM0014", "--at", ON).returncode == 0


class TestOutsideALifetime:
    def test_cluster_of_after_the_end(self) -> None:
        """cluster-of an organisation that had ended says so and when it existed (exit 1), not status none."""
        result = run("cluster-of", "Bedum", "--at", "2026-12-01")
        assert result.returncode == 1
        assert result.stderr == (
            "waterketen: Bedum did not exist on 2026-12-01 (it existed from 2010-01-01 or earlier until "
            "2019-01-01); ask with --at\n"
        )
        assert result.stdout == ""

    def test_today_is_a_day_too(self) -> None:
        """Asked as of today (the default), an organisation that has ended is the same error."""
        result = run("cluster-of", "Bedum")
        assert result.returncode == 1
        assert "Bedum did not exist on " in result.stderr
        assert "ask with --at" in result.stderr

    def test_members_of_an_ended_cluster(self) -> None:
        """members of a cluster that had ended is no empty table with exit 0."""
        result = run("members", "BMWE")
        assert result.returncode == 1
        assert "BMWE did not exist on " in result.stderr
        assert "(it existed from 2014 or earlier until 2020)" in result.stderr
        assert result.stdout == ""

    def test_partners_of_an_ended_cluster(self) -> None:
        """partners --cluster of a cluster that had ended says so (exit 1), not an empty table."""
        result = run("partners", "--cluster", "BMWE", "--at", "2026-12-01")
        assert result.returncode == 1
        assert "BMWE did not exist on 2026-12-01" in result.stderr
        assert result.stdout == ""

    def test_in_no_cluster_is_still_status_none(self) -> None:
        """An organisation that existed and was in no cluster still answers status none."""
        result = run("cluster-of", "Noorderzijlvest", "--at", ON, "--format", "json")
        assert result.returncode == 0
        assert json.loads(result.stdout)["rows"][0]["status"] == "none"


class TestNoFindings:
    def test_check_with_no_findings_says_so(self) -> None:
        """check with nothing to report says "no findings" and what ran, not a lone header line."""
        result = run("check", "--at", ON)
        assert result.returncode == 0
        assert result.stdout == "no findings: 8 rules on 1 day\n"

    def test_one_rule_on_every_day(self) -> None:
        """The count of rules and days is told in words, singular or plural."""
        result = run("check", "--rule", "one-cluster")
        assert result.returncode == 0
        first = result.stdout.splitlines()[0]
        assert first.startswith("no findings: 1 rule on ")
        assert first.endswith(" days")

    def test_the_json_form_is_unchanged(self) -> None:
        """--format json still gives the empty rows, with ok, rules and days."""
        document = json.loads(run("check", "--at", ON, "--format", "json").stdout)
        assert (document["rows"], document["ok"], document["days"], len(document["rules"])) == (
            [],
            True,
            1,
            8,
        )

    def test_validate_a_missing_file(self, tmp_path: Path) -> None:
        """Validating a file that cannot be read does not end in "0 error(s)" of rules that saw nothing."""
        missing = tmp_path / "missing.json"
        result = run("validate", str(missing))
        assert result.returncode == 1
        assert "cannot read the file" in result.stdout
        assert "0 error(s)" not in result.stdout
        assert result.stdout.rstrip().endswith("the rules did not run: no record could be read")

    def test_validate_a_readable_file_runs_the_rules(self, tmp_path: Path) -> None:
        """A file that reads still gets the rules' summary."""
        net = tmp_path / "net.json"
        assert run("export", "-o", str(net)).returncode == 0
        result = run("validate", str(net))
        assert result.returncode == 0
        assert "8 rules on " in result.stdout
