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


def check_case(case: dict[str, Any], paths: list[Path]) -> None:
    """Load the case's files and compare the problems with its expectation."""
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
    expected = (case.get("place"), case.get("field"))
    found = [
        p for p in problems if re.search(KINDS[case["kind"]], p.reason) and (p.place, p.field) == expected
    ]
    assert found, f"expected {case['kind']} at {expected}, got {[str(p) for p in problems]}"
    assert found[0].source == str(paths[-1]) or len(paths) == 1
    # Lenient loads keep the count: read = accepted + rejected.
    report = wk.load(*paths, strict=False).report
    assert report is not None
    assert report.read == report.accepted + len(report.rejected)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    """Each corpus file gives its expected problem (or none), at its place."""
    check_case(case, [CORPUS / name for name in case["files"]])


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
