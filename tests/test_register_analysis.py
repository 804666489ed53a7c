"""Crosswalks, vintages and trajectories on the register, and the ``waterketen register`` commands."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import waterketen as wk
from waterketen.register.analysis import Crosswalk, crosswalk, normalise_code, trajectory, vintage


REGISTER = wk.load("register:")
FIRST, LAST = date(2010, 1, 1), date(2026, 6, 30)
days = st.dates(min_value=FIRST, max_value=LAST)

_CACHE: dict[tuple[date, date], Crosswalk] = {}


def walk(a: date, b: date) -> Crosswalk:
    if (a, b) not in _CACHE:
        _CACHE[a, b] = crosswalk(REGISTER, a, b)
    return _CACHE[a, b]


def codes_on(day: date) -> set[str]:
    return {
        o.identifier("cbs")
        for o in REGISTER.entities(wk.Organisation, on=day)
        if o.kind is wk.OrgKind.MUNICIPALITY
    }


def pairs(cw: Crosswalk, *, inverted: bool = False) -> set[tuple[str, str, bool]]:
    return {
        (link.to_code, link.from_code, link.partial)
        if inverted
        else (link.from_code, link.to_code, link.partial)
        for link in cw
    }


class TestCrosswalk:
    def test_2016_to_2025_examples(self) -> None:
        """Known cases: a whole merger, a split, a kept code, an unchanged code."""
        cw = walk(date(2016, 1, 1), date(2025, 1, 1))
        assert cw.targets("GM0005") == ("GM1966",)
        assert [(link.to_code, link.partial) for link in cw["GM0053"]] == [("GM1966", True), ("GM1969", True)]
        assert [(link.to_code, link.to_id) for link in cw["GM0017"]] == [("GM0014", "groningen-2019")]
        assert [(link.to_code, link.to_id) for link in cw["GM0014"]] == [("GM0014", "groningen-2019")]
        assert cw["GM0106"][0].changes == ()  # Assen: no change
        assert {link.to_code for link in cw["GM0040"]} == {
            "GM0014",
            "GM1952",
        }  # Meerstad, then Midden-Groningen
        assert all(link.partial for link in cw["GM0040"])

    @settings(max_examples=30)
    @given(a=days, b=days)
    def test_covers_both_days(self, a: date, b: date) -> None:
        """Every code of the first day maps to a code; every target is a code of the second day."""
        cw = walk(a, b)
        assert set(cw.codes()) == codes_on(a)
        assert {link.to_code for link in cw} <= codes_on(b)

    @settings(max_examples=30)
    @given(a=days, b=days)
    def test_backwards_is_the_inverse(self, a: date, b: date) -> None:
        """The crosswalk from b back to a holds exactly the links of a to b, turned round."""
        assert pairs(walk(b, a)) == pairs(walk(a, b), inverted=True)

    @settings(max_examples=30)
    @given(a=days, b=days)
    def test_whole_means_one_target(self, a: date, b: date) -> None:
        """A code that maps whole maps to exactly one code; several targets are all partial."""
        early, late = sorted((a, b))
        cw = walk(early, late)
        for code in cw.codes():
            links = cw[code]
            assert len(links) == 1 or all(link.partial for link in links)

    @settings(max_examples=30)
    @given(day=days)
    def test_same_day_is_identity(self, day: date) -> None:
        """From a day to itself, every code maps whole to itself."""
        assert pairs(walk(day, day)) == {(c, c, False) for c in codes_on(day)}

    @settings(max_examples=20)
    @given(a=days, b=days, c=days)
    def test_composes(self, a: date, b: date, c: date) -> None:
        """Forwards, going through a middle day reaches the same codes as going directly."""
        first, middle, last = sorted((a, b, c))
        direct = walk(first, last)
        one, two = walk(first, middle), walk(middle, last)
        for code in direct.codes():
            through = {t for m in one.targets(code) for t in two.targets(m)}
            assert set(direct.targets(code)) == through, code

    def test_crosswalk_2010_to_2025(self) -> None:
        """All 431 codes of 2010 reach the 342 of 2025."""
        cw = walk(FIRST, date(2025, 1, 1))
        assert len(cw.codes()) == 431
        assert {link.to_code for link in cw} == codes_on(date(2025, 1, 1))

    def test_codes_in_every_form(self) -> None:
        """GM0005, 0005, 5 and gm0005 are one code; anything else is not one."""
        assert {normalise_code(c) for c in ("GM0005", "0005", "5", 5, "gm0005")} == {"GM0005"}
        with pytest.raises(ValueError, match="not a municipality code"):
            normalise_code("12345")


class TestVintage:
    @pytest.mark.parametrize("year", range(2010, 2026))
    def test_each_year_s_codes_date_themselves(self, year: int) -> None:
        """The codes of 1 January of a year were the division on that day."""
        found = vintage(codes_on(date(year, 1, 1)), REGISTER)
        assert any(p.contains(date(year, 1, 1)) for p in found)

    def test_2019_2020_and_the_open_end(self) -> None:
        """The division of 2019 held until 2021; today's has no end yet."""
        assert vintage(codes_on(date(2019, 6, 1)), REGISTER) == (
            wk.Period(start=date(2019, 1, 1), end=date(2021, 1, 1)),
        )
        assert vintage(codes_on(date(2025, 6, 1)), REGISTER) == (wk.Period(start=date(2023, 1, 1)),)

    def test_a_mixed_list_has_no_vintage(self) -> None:
        """Codes of two divisions together were never the division."""
        assert vintage({*codes_on(date(2016, 1, 1)), "GM1966"}, REGISTER) == ()

    @settings(max_examples=25)
    @given(day=days)
    def test_the_day_lies_in_its_vintage(self, day: date) -> None:
        """The codes of any day name a period that holds that day."""
        assert any(p.contains(day) for p in vintage(codes_on(day), REGISTER))


class TestTrajectory:
    def test_winsum(self) -> None:
        """Winsum: split in 2019 between Het Hogeland and Westerkwartier."""
        found = trajectory(REGISTER, "winsum")
        assert [s.organisation.id for s in found.successors] == ["het-hogeland", "westerkwartier"]
        assert [c.id for c in found.changes] == ["split-winsum-2019"]

    def test_a_code_of_two_organisations(self) -> None:
        """GM0014: both Groningens, what each came from, and the change between them."""
        found = trajectory(REGISTER, "GM0014")
        assert [o.id for o in found.organisations] == ["groningen", "groningen-2019"]
        assert {s.organisation.id for s in found.predecessors} == {"slochteren", "haren", "ten-boer"}

    def test_over_the_years(self) -> None:
        """Groesbeek: formed anew in 2015 under its code, renamed Berg en Dal in 2016."""
        found = trajectory(REGISTER, "groesbeek-2015")
        assert [c.id for c in found.changes] == ["merger-groesbeek-2015", "rename-berg-en-dal-2016"]

    def test_unknown(self) -> None:
        """Neither an id nor a code: an error that names it."""
        with pytest.raises(wk.UnknownEntityError, match="nowhere"):
            trajectory(REGISTER, "nowhere")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "waterketen", "register", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        timeout=60,
        check=False,
    )


class TestCommands:
    def test_crosswalk_csv(self) -> None:
        """The crosswalk of a few codes, as CSV."""
        result = run("crosswalk", "2018-01-01", "2025-01-01", "GM0053", "5", "--format", "csv")
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [
            "from_code,from_name,to_code,to_name,partial",
            "GM0005,Bedum,GM1966,Het Hogeland,false",
            "GM0053,Winsum,GM1966,Het Hogeland,true",
            "GM0053,Winsum,GM1969,Westerkwartier,true",
        ]

    def test_lookup_by_code_and_day(self) -> None:
        """A code in any form; a day chooses between the two Groningens."""
        result = run("lookup", "14", "--at", "2019-01-01", "--format", "json")
        assert result.returncode == 0, result.stderr
        assert [r["id"] for r in json.loads(result.stdout)["rows"]] == ["groningen-2019"]
        assert run("lookup", "WS17").stdout.splitlines()[1].split()[0] == "noorderzijlvest"

    def test_history(self) -> None:
        """A municipality's changes with their sources."""
        result = run("history", "GM0055", "--format", "json")
        assert result.returncode == 0, result.stderr
        rows = json.loads(result.stdout)["rows"]
        assert [(r["date"], r["kind"]) for r in rows] == [("2014-01-01", "split"), ("2016-01-01", "rename")]
        assert all(r["sources"] for r in rows)

    def test_vintage_from_standard_input(self) -> None:
        """Codes read from standard input; the answer is the period they held."""
        codes = "\n".join(sorted(codes_on(date(2016, 6, 1))))
        result = run("vintage", "-", "--format", "csv", stdin=codes)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == ["start,end", "2016-01-01,2017-01-01"]

    def test_nothing_found_and_bad_codes_fail(self) -> None:
        """Exit 1 when nothing is found or a code is not one, with the reason."""
        assert run("lookup", "GM9999").returncode == 1
        result = run("crosswalk", "2018-01-01", "2025-01-01", "abc")
        assert result.returncode == 1
        assert "not a municipality code" in result.stderr

    def test_help(self) -> None:
        """register lists its sub-commands."""
        result = subprocess.run(
            [sys.executable, "-m", "waterketen", "register", "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0
        for name in ("lookup", "history", "crosswalk", "vintage"):
            assert name in result.stdout


def test_shipped_crosswalk_is_quick_enough_to_build_often() -> None:
    """A sanity bound, not a benchmark: the 2010 → 2025 crosswalk has one link per reached code."""
    cw = walk(FIRST, date(2025, 1, 1) - timedelta(days=0))
    assert len(cw) >= 431


ROOT = Path(__file__).parent.parent


def console_examples() -> list[tuple[str, str]]:
    """The shell examples of docs/register.md and of README's section on the register."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("## The national register", 1)[1]
    texts = [readme.split("\n## ", 1)[0], (ROOT / "docs" / "register.md").read_text(encoding="utf-8")]
    out = []
    for text in texts:
        for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
            command, _, output = block.partition("\n")
            out.append((command.removeprefix("$ "), output))
    return out


@pytest.mark.parametrize(("command", "output"), console_examples())
def test_documented_shell_examples(command: str, output: str) -> None:
    """Each shell example of the register's docs prints what the docs show."""
    args = shlex.split(command)
    assert args[:2] == ["waterketen", "register"]
    result = run(*args[2:])
    assert result.returncode == 0, result.stderr
    assert result.stdout == output


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("lookup", ["GM0005"]),
        ("history", ["winsum"]),
        ("crosswalk", ["2018-01-01", "2025-01-01", "GM0005"]),
        ("vintage", sorted(codes_on(date(2016, 6, 1)))),
    ],
)
def test_documented_columns(command: str, args: list[str]) -> None:
    """docs/cli.md names the columns each register command answers with."""
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = re.search(rf"^Columns of `register {command}`: (.*)$", docs, re.MULTILINE)
    assert documented is not None, command
    result = run(command, *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["columns"] == re.findall(r"`([^`]+)`", documented.group(1))
