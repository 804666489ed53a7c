"""The benchmark harness's own logic (bench/): its statistics, its data cache and its page, no timings."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st


BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import history  # noqa: E402
import report  # noqa: E402


def coverage(n: int, k: int) -> float:
    """P(x(k) <= median <= x(n+1-k)) for n samples of a continuous distribution."""
    return 1 - 2 * sum(math.comb(n, i) for i in range(k)) / 2**n


@given(st.integers(min_value=1, max_value=200))
def test_the_interval_of_the_median_is_the_narrowest_at_95_percent(n: int) -> None:
    k = report._rank(n)
    if k:
        assert coverage(n, k) >= report.CONFIDENCE
    if k + 1 <= n // 2:
        assert coverage(n, k + 1) < report.CONFIDENCE


def test_too_few_ratios_are_never_stable() -> None:
    assert report._rank(5) == 0  # [min, max] of 5 holds the median with 93.75 % only
    assert report._rank(6) == 1
    assert not report.stability([1.0, 1.0, 1.0, 1.0, 1.0])["reached"]
    assert report.stability([1.0] * 6)["reached"]


def test_stability_asks_the_whole_interval_within_five_hundredths() -> None:
    wide = report.stability([0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1])
    assert (wide["low"], wide["high"]) == (0.9, 1.1)
    assert not wide["reached"]
    assert report.stability([0.96, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.04])["reached"]


def test_the_data_is_written_once_per_seed_size_and_generator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = []
    real = generate.generate

    def counted(n: int, seed: int = generate.SEED) -> dict[str, Any]:
        made.append((n, seed))
        return real(n, seed)

    monkeypatch.setattr(generate, "generate", counted)
    first = generate.write(300, tmp_path)
    again = generate.write(300, tmp_path)
    assert first == again
    assert len(made) == 1
    generate.write(300, tmp_path, seed=7)  # another seed: written anew
    assert len(made) == 2
    other = dict(generate._stamp(300, generate.SEED), generator="an older generator")
    monkeypatch.setattr(generate, "_stamp", lambda n, seed: other)
    generate.write(300, tmp_path)  # another generator's stamp: written anew
    assert len(made) == 3
    first[0].write_text("{}", encoding="utf-8")  # a file changed since: written anew
    generate.write(300, tmp_path)
    assert len(made) == 4


def results(sizes: tuple[int, ...]) -> dict[str, Any]:
    """The least results a page renders from: loads at ``sizes``, nothing else measured."""
    names = [report.STDLIB, report.ORJSON, report.MSGSPEC, report.PYD, report.WK]

    def row(n: int) -> dict[str, Any]:
        times = {report.key(name, p): [1.0, 1.1] for name in names for p in (report.ON, report.PAUSED)}
        return {
            "size": n,
            "entities": n,
            "bytes": n * 100,
            "repeats": {k: len(v) for k, v in times.items()},
            "seconds": dict.fromkeys(times, 1.0),
            "all": times,
            "pair_ratios": {report.ON: [1.0, 1.0], report.PAUSED: [0.5, 0.5]},
            "adaptive_seconds": 0.0,
            "stability_seconds": 60.0,
            "max_pairs": 40,
            "load_averages": [1.0, 2.0],
        }

    return {
        "machine": {
            "cpu": "cpu",
            "cores": 2,
            "memory_bytes": 2**30,
            "system": "sys",
            "implementation": "CPython",
            "python": "3.11",
            "versions": {},
            "date": "today",
        },
        "seed": 1,
        "load": [row(n) for n in sizes],
        "memory": [],
        "duration_seconds": 16 * 60.0,
        "load_averages": [1.0, 3.0, 2.0],
        "phases": [{"phase": "load at 100,000", "seconds": 16 * 60.0, "load_average": 2.0}],
    }


def test_the_targets_name_both_load_sizes_and_the_budget_even_unmeasured() -> None:
    page = report.render(results((100_000,)))
    targets = page.split("## Targets")[1]
    assert "Load at 100 000, against pydantic as users run it (collector on): **not met**" in targets
    assert "Load at 1 000 000: **not measured**" in targets
    assert "Memory: **not measured**" in targets
    assert "Indexed look-ups: **not measured**" in targets
    assert "within 15 minutes on this 2-core machine: **not met** — 16.0 minutes" in targets
    assert "Load average (1 min) during the run" in targets
    notes = page.split("## Why a target is not met")[1]
    assert "**Stability at 100 000, collector on.**" in notes  # two pairs: no interval, not stable
    assert "**The run's duration** (16.0 minutes)" in notes


def _history(*cells: float) -> dict[str, Any]:
    row = {str(h): {"min_us": us} for h, us in zip((0, 100, 1000, 10000), cells, strict=True)}
    return {"history": {"rows": {"members": row}}}


def test_history_flat_compares_the_longest_with_the_shortest_non_empty_history() -> None:
    """A cheap empty history does not count; growth with the history does."""
    assert history.flat(_history(3.0, 9.7, 10.7, 11.8))[0]
    assert not history.flat(_history(3.0, 4.0, 40.0, 400.0))[0]
    assert not history.flat(_history(9.0, 4.0, 8.0, 12.1))[0]
