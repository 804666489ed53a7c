"""The corpus of bad inputs (tests/corpus/cases.toml): each case gives its error, kind and place."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

import waterketen as wk


CORPUS = Path(__file__).parent / "corpus"
CASES: list[dict[str, Any]] = tomllib.loads((CORPUS / "cases.toml").read_text(encoding="utf-8"))["case"]

KINDS = {
    "syntax": r"^invalid (JSON|TOML)",
    "encoding": r"^not UTF-8 text",
    "duplicate-key": r"duplicate key",
    "format": r"^expected ('waterketen'|1|a table of sections)",
    "too-deep": r"nested too deeply",
    "wrong-type": r"expected (text|an integer|a number|true or false|a list|a table|a date without a time)",
    "unknown-kind": r"^unknown kind of record",
    "unknown-field": r"^unknown field",
    "missing-field": r"^required field is missing",
    "invalid-value": r"(is not an id|must not be empty|expected one of)",
    "bad-date": r"(is not a real date|expected a date|range .* ends before it starts|is outside 1-12)",
    "reversed-period": r"is not after start",
    "conflict": r"the two disagree",
    "unknown-reference": r"which is not defined",
    "wrong-reference": r"where a .* is expected",
    "cycle": r"inside (itself|a cycle)",
    "loop": r"successor loop",
    "unwritable": r"^text with an unwritable character U\+[0-9A-F]{4}",
    "not-finite": r"^expected a finite number",
    "not-a-record": r"^expected an object with one key, the kind of record",
    "ragged-row": r"^the row has \d+ cells and the header \d+",
}
"""Each kind of problem and the reason it gives."""


def test_corpus_is_large_enough() -> None:
    """The corpus has at least 40 cases, each of a known kind."""
    assert len(CASES) + len(GENERATED) >= 40
    assert {c["kind"] for c in CASES} - set(KINDS) - {"none"} <= {
        "unique-identifier",
        "single-holder",
        "within-lifetime",
    }


def check_case(case: dict[str, Any], paths: list[Path | str]) -> None:
    """Load the case's files and compare the problems with its expectation."""
    if "read" in case:  # what a lenient load reads and keeps
        report = wk.load(*paths, strict=False).report
        assert report is not None
        assert (report.read, report.accepted) == (case["read"], case["accepted"])
        assert report.read == report.accepted + len(report.rejected)
    expected = (case.get("place"), case.get("field"))
    if case.get("severity") == "warning":
        network = wk.load(*paths)  # a warning never fails a strict load
        assert network.report is not None
        warnings = network.report.warnings
        found = [
            w for w in warnings if re.search(KINDS[case["kind"]], w.reason) and (w.place, w.field) == expected
        ]
        assert found, f"expected a {case['kind']} warning at {expected}, got {[str(w) for w in warnings]}"
        return
    if case.get("stage") == "check":
        network = wk.load(*paths)
        rule = case["kind"]
        assert [f.rule for f in network.check(rules=[rule]).findings] == [rule]
        return
    if case["kind"] == "none":
        network = wk.load(*paths)
        assert network.report is not None
        assert network.report.problems == ()
        return
    with pytest.raises(wk.LoadError) as info:
        wk.load(*paths)
    problems = info.value.problems
    found = [
        p for p in problems if re.search(KINDS[case["kind"]], p.reason) and (p.place, p.field) == expected
    ]
    assert found, f"expected {case['kind']} at {expected}, got {[str(p) for p in problems]}"
    assert found[0].source == str(paths[-1]) or len(paths) == 1 or str(paths[-1]).startswith("csvdir:")
    # Lenient loads keep the count: read = accepted + rejected.
    report = wk.load(*paths, strict=False).report
    assert report is not None
    assert report.read == report.accepted + len(report.rejected)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    """Each corpus file gives its expected problem (or none), at its place."""
    check_case(case, [_location(name) for name in case["files"]])


def _location(name: str) -> Path | str:
    """A corpus file, or ``csvdir:NAME`` for the CSV directory ``NAME`` of the corpus."""
    scheme, _, folder = name.partition(":")
    return f"{scheme}:{CORPUS / folder}" if folder else CORPUS / name


GENERATED = {
    "huge-name.json": (
        '{"cooperations": [{"id": "c", "name": "' + "Coop " * 200_000 + '"}]}',
        {"kind": "none"},
    ),
    "deep-nesting.json": ("[" * 100_000 + "]" * 100_000, {"kind": "too-deep"}),
    "deep-nesting.toml": ("x = " + "[" * 50_000 + "]" * 50_000 + "\n", {"kind": "too-deep"}),
    "deep-tables.json": (
        '{"cooperations": [' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "]}",
        {"kind": "too-deep"},
    ),
}
"""Cases too large to keep as files: made at test time."""


@pytest.mark.parametrize("name", GENERATED)
def test_generated_case(name: str, tmp_path: Path) -> None:
    """Huge fields load whole; absurd nesting is a problem, not a crash."""
    text, case = GENERATED[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    check_case({"name": name, **case}, [path])
