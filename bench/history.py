"""The history questions at a growing history behind the same answer (bench/run.py calls it).

Each case asks one question whose answer stays the same (4 members of a
cluster, 4 groups of a member, 4 holders of a post, 4 partners of a
cooperation, 1,000 entities of a snapshot) while the history behind it
grows: memberships, groups and tenures that ended before the day asked, or
entities valid only on other days. An index in O(result) keeps each row flat.
The networks are built in memory (no load), so only the question is timed;
the first questions read the history in full, and the one after
``waterketen._index.SCANS`` of them builds the interval index (both timed apart).
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import waterketen as wk
from waterketen._index import SCANS


DAY = date(2020, 6, 1)
PAST = date(1990, 1, 1)
HISTORIES = (0, 100, 1_000, 10_000)
SNAPSHOT_SIZES = (10_000, 100_000, 1_000_000)
SNAPSHOT_RESULT = 1_000
RESULT = 4


def _past(i: int) -> wk.Period:
    """A period that ended long before :data:`DAY` (one day long, a different day each)."""
    start = PAST + timedelta(days=i % 9000)
    return wk.Period(start=start, end=start + timedelta(days=1))


def _now() -> wk.Period:
    return wk.Period(start=date(2019, 1, 1))


def history_network(past: int) -> wk.Network:
    """A cooperation, cluster and post with :data:`RESULT` current members and holders, ``past`` ended ones.

    The member ``org-0`` is in :data:`RESULT` groups now and was in ``past`` others before.
    """
    coop = wk.Cooperation(id="coop", name="Coop")
    cluster = wk.Cluster(id="cluster", name="Cluster", cooperation="coop")
    post = wk.Post(id="post", name="Post", cooperation="coop")
    orgs = [
        wk.Organisation(id=f"org-{i}", name=f"Org {i}", kind=wk.OrgKind.MUNICIPALITY)
        for i in range(RESULT + past)
    ]
    groups = [
        wk.Cluster(id=f"group-{i}", name=f"Group {i}", cooperation="coop") for i in range(RESULT + past)
    ]
    out: list[wk.Entity] = [coop, cluster, post, *orgs, *groups]
    for i, org in enumerate(orgs):
        period = _now() if i < RESULT else _past(i)
        out.append(wk.Membership(id=f"m-{i}", member=org.id, group="cluster", period=period))
        out.append(wk.Membership(id=f"p-{i}", member=org.id, group="coop", period=period))
        out.append(wk.Tenure(id=f"t-{i}", holder=org.id, post="post", period=period))
    for i, group in enumerate(groups):
        period = _now() if i < RESULT else _past(i)
        out.append(wk.Membership(id=f"g-{i}", member="org-0", group=group.id, period=period))
    return wk.Network(out)


def snapshot_network(entities: int) -> wk.Network:
    """``entities`` organisations of which :data:`SNAPSHOT_RESULT` are valid on :data:`DAY`."""
    return wk.Network(
        wk.Organisation(
            id=f"org-{i}",
            name=f"Org {i}",
            kind=wk.OrgKind.MUNICIPALITY,
            period=_now() if i % (entities // SNAPSHOT_RESULT) == 0 else _past(i),
        )
        for i in range(entities)
    )


def _time(function: Callable[[], object], repeats: int, calls: int) -> list[float]:
    """Microseconds per call, one figure per repeat."""
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            function()
        out.append((time.perf_counter() - start) / calls * 1e6)
    return out


def bench(repeats: int, snapshot_sizes: tuple[int, ...] = SNAPSHOT_SIZES) -> dict[str, Any]:
    """Microseconds per question at each history size: the least of the repeats, with the median and max.

    The least is the figure (timeit's habit): on a shared machine the others
    add the time the process waited. Each repeat is short, so there are at least 7.
    """
    repeats = max(repeats, 7)
    rows: dict[str, dict[str, Any]] = {}

    def put(name: str, size: int, case: Callable[[], object], calls: int) -> None:
        start = time.perf_counter()
        result = case()
        first = (time.perf_counter() - start) * 1e6
        for _ in range(SCANS - 1):
            case()
        start = time.perf_counter()
        case()  # the call that builds the tree, when the history is long
        build = (time.perf_counter() - start) * 1e6
        values = _time(case, repeats, calls)
        row = rows.setdefault(name, {})
        row[str(size)] = {
            "first_us": first,
            "build_us": build,
            "median_us": statistics.median(values),
            "min_us": min(values),
            "max_us": max(values),
            "result": len(result),  # type: ignore[arg-type]
        }

    for past in HISTORIES:
        net = history_network(past)
        cases: dict[str, Callable[[], tuple[wk.Entity, ...]]] = {
            "members(cluster, on=day)": lambda net=net: net.members("cluster", on=DAY),
            "groups(member, on=day)": lambda net=net: net.groups("org-0", on=DAY),
            "holders(post, on=day)": lambda net=net: net.holders("post", on=DAY),
            "partners(on=day)": lambda net=net: net.partners(on=DAY),
        }
        for name, case in cases.items():
            put(name, past, case, 200)
        del net
        gc.collect()
    for size in snapshot_sizes:
        net = snapshot_network(size)
        snap = net.at(DAY)
        put("list(at(day))", size, lambda snap=snap: list(snap), 20)
        del net, snap
        gc.collect()
    return {
        "repeats": repeats,
        "histories": list(HISTORIES),
        "snapshot_sizes": list(snapshot_sizes),
        "rows": rows,
    }


def section(results: dict[str, Any]) -> list[str]:
    """The page's section on the history questions."""
    h = results.get("history")
    if not h:
        return []
    out = [
        "## History questions: the same answer, a growing history",
        "",
        f"Each question returns the same {RESULT} entities (the snapshot {SNAPSHOT_RESULT:,}) while the "
        "history behind it grows: memberships, groups and tenures that ended before the day asked, or "
        "entities valid on other days only. Microseconds per call, "
        f"the least of {h['repeats']} repeats (median and max in brackets: the machine is shared), "
        "after the index is built. The first "
        f"{SCANS} questions of a long history read it in full (*first call*); the next builds the "
        "interval index of that key, or for the snapshot of every entity (*building call*): a tree "
        "costs about as much as that many full reads, so few questions never pay for one.",
        "",
        "| question | history | result | µs per call (median, max) | first call µs | building call µs |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in h["rows"].items():
        for size, cell in row.items():
            out.append(
                f"| `{name}` | {int(size):,} | {cell['result']:,} | {cell['min_us']:,.1f} "
                f"({cell['median_us']:,.1f}, {cell['max_us']:,.1f}) | {cell['first_us']:,.0f} | "
                f"{cell['build_us']:,.0f} |"
            )
    out.append("")
    return out


def flat(results: dict[str, Any]) -> tuple[bool, str]:
    """Whether every question's longest history stays within 3x of its shortest non-empty one.

    A history of 0 is left out of the comparison: it has nothing to index (no
    tree, a few entries read in full), so it shows the cost of the question
    itself rather than how the cost grows with the history. Its figure is
    still given.
    """
    rows = results["history"]["rows"]
    parts = []
    ok = True
    for name, row in rows.items():
        cells = list(row.values())
        low = cells[1]["min_us"] if len(cells) > 1 and next(iter(row)) == "0" else cells[0]["min_us"]
        high = cells[-1]["min_us"]
        ok = ok and high <= 3 * low
        parts.append(f"`{name}` " + " / ".join(f"{c['min_us']:,.1f}" for c in cells) + " µs")
    return ok, "; ".join(parts)


if __name__ == "__main__":
    import json
    import sys

    sizes = tuple(int(s) for s in sys.argv[1].split(",")) if len(sys.argv) > 1 else SNAPSHOT_SIZES
    print(json.dumps(bench(5, sizes), indent=1))
