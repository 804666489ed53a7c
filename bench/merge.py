"""Benchmark of the merge by id: one id in many records, each with a provenance of its own.

Run alone with ``python bench/merge.py`` (prints JSON), or as part of
``bench/run.py``. A JSON Lines file holds ``n`` records of one cooperation,
alike but for the provenance each cites (as a source that states the same
entity once per page does); the load merges them into one entity with ``n``
provenances. A merge that built the provenance anew for every record took
time quadratic in ``n`` (issue 14, item 17: 8,000 records 2.2 s, 16,000
8.5 s, 32,000 34.4 s); the figures here show whether seconds per record stay
flat as ``n`` doubles. The data is synthetic, not a fact about any network.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


SIZES = (8_000, 16_000, 32_000)


def write_file(path: Path, n: int) -> None:
    """``n`` records of the cooperation ``c`` in JSON Lines, each citing its own page."""
    lines = [json.dumps({"format": "waterketen", "version": 1})]
    for i in range(n):
        record = {"id": "c", "name": "C", "provenance": [{"source": "page", "locator": f"section {i}"}]}
        lines.append(json.dumps({"cooperation": record}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench(repeats: int = 3, sizes: tuple[int, ...] = SIZES) -> dict[str, Any]:
    """Median seconds to load each file, and microseconds per record."""
    import waterketen as wk

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            path = Path(folder) / f"same-id-{n}.jsonl"
            write_file(path, n)
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                net = wk.load(path)
                times.append(time.perf_counter() - start)
            assert len(net["c"].provenance) == n  # the benchmark measures the real merge
            seconds = statistics.median(times)
            rows.append({"records": n, "seconds": seconds, "us_per_record": seconds / n * 1e6})
    return {"repeats": repeats, "rows": rows}


def section(results: dict[str, Any]) -> list[str]:
    """The results page's section on the merge by id."""
    r = results.get("merge")
    if not r:
        return []
    out = [
        "## Merge by id: one id in many records",
        "",
        "Seconds to load a JSON Lines file of one cooperation in `n` records, each with a provenance "
        "of its own (bench/merge.py; median of the repeats). Linear time keeps the time per record flat.",
        "",
        "| records | load | per record |",
        "|---:|---:|---:|",
    ]
    for row in r["rows"]:
        out.append(f"| {row['records']:,} | {row['seconds']:.2f} s | {row['us_per_record']:.1f} µs |")
    return [*out, ""]


if __name__ == "__main__":
    json.dump(bench(), sys.stdout, indent=1)
    print()
