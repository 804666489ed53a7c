"""The benchmark: waterketen side by side with its peers, written to docs/benchmarks.md.

Run it with ``nox -s bench`` (or ``python bench/run.py`` where waterketen,
orjson, msgspec and pydantic are installed). Every figure is a median over
interleaved repeats measured in this one run, on data generated from a fixed
seed (bench/generate.py). Options: ``--sizes``, ``--repeats``,
``--large-repeats``, ``--out``, ``--data``, ``--json`` (see ``--help``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any


HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import report  # noqa: E402


def _median(values: list[float]) -> float:
    return statistics.median(values)


# -- load ---------------------------------------------------------------------------------


PROTOCOLS = ("collector on", "collector paused")
"""Every contender runs under both, the same way.

*collector on* (as users run it): the collector is enabled, and the time
counts the call and then one full collection, the first walk of the objects
the call made, which a program with the collector on pays soon after (a
contender that pauses the collector itself, as ``wk.load`` does, would
otherwise leave that walk out of its figure). The harness's own objects are
frozen meanwhile (``gc.freeze``), so that no collection walks them. *collector paused*: the
collector is disabled for the call, and nothing else is counted.
"""


def contenders(path: Path, lines: Path) -> list[tuple[str, Callable[[], object]]]:
    """What loads the file at ``path``: the floors, the peers and waterketen itself."""
    import orjson
    import peers

    import waterketen as wk

    out: list[tuple[str, Callable[[], object]]] = [
        ("json.loads (stdlib) parse only", lambda: json.loads(path.read_bytes())),
        ("orjson.loads parse only", lambda: orjson.loads(path.read_bytes())),
        ("msgspec typed decode into Structs", lambda: peers.msgspec_decode(path.read_bytes())),
        ("pydantic v2 model_validate_json", lambda: peers.pydantic_validate(path.read_bytes())),
        ("waterketen load (native JSON)", lambda: wk.load(path)),
    ]
    if _has_jsonl():
        out.append(("waterketen load (native JSON Lines)", lambda: wk.load(lines)))
    return out


def _has_jsonl() -> bool:
    import waterketen as wk

    return any(".jsonl" in t.suffixes for t in wk.registry.source_types())


def _timed(function: Callable[[], object], protocol: str) -> float:
    """Seconds of one call under ``protocol`` (see :data:`PROTOCOLS`)."""
    gc.collect()
    if protocol == "collector paused":
        gc.disable()
        try:
            start = time.perf_counter()
            result = function()
            elapsed = time.perf_counter() - start
        finally:
            gc.enable()
    else:
        # The harness's own objects are set aside (gc.freeze), so that every collection, the
        # automatic ones during the call and the full one after it, walks only what the call made.
        gc.freeze()
        try:
            start = time.perf_counter()
            result = function()
            gc.collect()
            elapsed = time.perf_counter() - start
        finally:
            gc.unfreeze()
    del result
    return elapsed


def bench_load(path: Path, lines: Path, entities: int, repeats: int) -> dict[str, Any]:
    """Seconds of each contender under each protocol, interleaved (the order rotates each repeat).

    ``all`` keeps every repeat, so that the ratios can be taken within one
    repeat (the same state of the machine) and their spread shown.
    """
    runs = [
        (f"{name} [{protocol}]", function, protocol)
        for name, function in contenders(path, lines)
        for protocol in PROTOCOLS
    ]
    times: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    for repeat in range(repeats):
        shift = repeat % len(runs)
        for name, function, protocol in runs[shift:] + runs[:shift]:
            times[name].append(_timed(function, protocol))
    return {
        "entities": entities,
        "bytes": path.stat().st_size,
        "repeats": repeats,
        "seconds": {name: _median(values) for name, values in times.items()},
        "all": times,
        "load_average": os.getloadavg()[0],
    }


# -- memory (in a child process, so that one measurement does not disturb the next) ----------


def _deep_size(roots: list[object], exclude: set[int]) -> int:
    """Bytes of every object reachable from ``roots`` that is not in ``exclude`` (which grows)."""
    import attrs

    total = 0
    stack = list(roots)
    while stack:
        obj = stack.pop()
        key = id(obj)
        if key in exclude:
            continue
        exclude.add(key)
        total += sys.getsizeof(obj)
        if isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, list | tuple | set | frozenset):
            stack.extend(obj)
        elif attrs.has(type(obj)):
            stack.extend(getattr(obj, a.name) for a in attrs.fields(type(obj)))
        elif getattr(type(obj), "__module__", "").startswith("waterketen"):
            # The store's own slotted classes: the Index, the interval trees, the name index.
            slots = [n for c in type(obj).__mro__ for n in getattr(c, "__slots__", ())]
            stack.extend(getattr(obj, n) for n in slots if hasattr(obj, n))
    return total


def memory_probe(kind: str, path: str) -> dict[str, Any]:
    """Retained and peak bytes of one load, measured by tracemalloc after the imports."""
    import tracemalloc

    import peers

    import waterketen as wk

    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    if kind == "msgspec":
        result: Any = peers.msgspec_decode(Path(path).read_bytes())
    else:
        from waterketen import _index

        result = wk.load(path)
        load_now, load_peak = (m - base for m in tracemalloc.get_traced_memory())  # before the indexes
        result.find("")  # every index, the name index too (built on the first search by name)
        # Every interval tree, as if every key had been asked often: the most they can hold.
        _index.SCANS = 0
        day = date(2010, 6, 1)
        list(result.at(day))
        for group in (
            *result.entities(wk.Cooperation),
            *result.entities(wk.Cluster),
            *result.entities(wk.Body),
        ):
            result.members(group.id, on=day)
        for org in result.entities(wk.Organisation):
            result.groups(org.id, on=day)
        for post in result.entities(wk.Post):
            result.holders(post.id, on=day)
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out: dict[str, Any] = {"retained": current - base, "peak": peak - base}
    if kind != "msgspec":
        out["peak"] = load_peak  # the load's; building every index after it is not the load's peak
        out["load_retained"] = load_now
    if kind != "msgspec":
        net = result
        seen: set[int] = set()
        out["entities_bytes"] = _deep_size([*net._entities.values()], seen)
        out["store_bytes"] = _deep_size([net._entities], seen)
        index = net.index
        trees = [index._trees, index._valid]
        out["interval_bytes"] = _deep_size(trees, seen)
        out["index_bytes"] = _deep_size([index], seen) + out["interval_bytes"]
        out["origin_bytes"] = _deep_size([net._origins, net.report], seen)
        out["name_index_bytes"] = _deep_size([net._name_index], seen)
    return out


def bench_memory(path: Path, kind: str) -> dict[str, Any]:
    """Run :func:`memory_probe` in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, __file__, "--memory-probe", kind, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- queries ---------------------------------------------------------------------------------


def bench_queries(path: Path, repeats: int, samples: int = 1000) -> dict[str, Any]:
    """Microseconds per query (median of ``repeats`` passes over ``samples`` varied arguments)."""
    import random

    import waterketen as wk
    from waterketen.model import Certainty, period_of

    net = wk.load(path)
    rng = random.Random(generate.SEED)
    orgs = list(net.entities(wk.Organisation))
    picked = [rng.choice(orgs) for _ in range(samples)]
    start = time.perf_counter()
    net.find(picked[0].name)  # the first search by name builds the name index: counted here
    first_find = time.perf_counter() - start
    names = [o.name for o in picked]
    days = [date(rng.randint(1995, 2019), rng.randint(1, 12), rng.randint(1, 28)) for _ in range(samples)]
    clusters = [rng.choice(net.entities(wk.Cluster)).id for _ in range(samples)]
    posts = [rng.choice(net.entities(wk.Post)).id for _ in range(samples)]

    def asked(pool: list[wk.Entity]) -> tuple[list[str], list[date]]:
        """Entities of ``pool``, each with a day it may exist on (a question outside its life is an error)."""
        chosen: list[str] = []
        on: list[date] = []
        while len(chosen) < samples:
            entity = rng.choice(pool)
            day = date(rng.randint(1995, 2019), rng.randint(1, 12), rng.randint(1, 28))
            if period_of(entity).certainty(day) is not Certainty.NO:
                chosen.append(entity.id)
                on.append(day)
        return chosen, on

    merged = [p.id for c in net.entities(wk.Change) for p in c.before]
    merged = [rng.choice(merged) for _ in range(samples)]
    codes = [(o.identifiers[0].scheme, o.identifiers[0].value) for o in picked]
    ids = [o.id for o in picked]
    org_ids, org_days = asked(orgs)
    clusters, cluster_days = asked(list(net.entities(wk.Cluster)))

    def naive(day: date) -> list[wk.Entity]:
        return [e for e in net if period_of(e).contains(day)]

    few = days[:3]
    cases: dict[str, tuple[Callable[[int], object], int]] = {
        "net[id]": (lambda i: net[ids[i]], samples),
        "lookup(scheme, value, on=day)": (lambda i: net.lookup(*codes[i], on=days[i]), samples),
        "cluster_of(org, on=day)": (lambda i: net.cluster_of(org_ids[i], on=org_days[i]), samples),
        "members(cluster, on=day)": (lambda i: net.members(clusters[i], on=cluster_days[i]), samples),
        "holders(post, on=day)": (lambda i: net.holders(posts[i], on=days[i]), samples),
        "successors(org)": (lambda i: net.successors(merged[i]), samples),
        "find(name) (after the first)": (lambda i: net.find(names[i]), samples // 10),
        "at(day) (the view)": (lambda i: net.at(days[i]), samples),
        "list(at(day)) (iterate the view)": (lambda i: list(net.at(few[i])), len(few)),
        "naive full scan for one day": (lambda i: naive(few[i]), len(few)),
        "diff(day, day)": (lambda i: net.diff(few[i], few[(i + 1) % len(few)]), len(few)),
    }
    sizes = {
        "members(cluster, on=day)": _median(
            [len(net.members(c, on=d)) for c, d in zip(clusters, cluster_days, strict=True)]
        ),
        "holders(post, on=day)": _median(
            [len(net.holders(p, on=d)) for p, d in zip(posts, days, strict=True)]
        ),
        "list(at(day)) (iterate the view)": _median([len(list(net.at(d))) for d in few]),
        "naive full scan for one day": _median([len(naive(d)) for d in few]),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeats):
        for name, (function, count) in cases.items():
            start = time.perf_counter()
            for i in range(count):
                function(i)
            times[name].append((time.perf_counter() - start) / count * 1e6)
    graph_before = net._graph is not None
    graph_times = []
    for _ in range(repeats):
        net._graph = None
        start = time.perf_counter()
        graph = net.graph()
        graph_times.append(time.perf_counter() - start)
    return {
        "entities": len(net),
        "microseconds": {name: _median(values) for name, values in times.items()},
        "result_sizes": sizes,
        "first_find_seconds": first_find,
        "graph_seconds": _median(graph_times),
        "graph_nodes": graph.number_of_nodes(),
        "graph_edges": graph.number_of_edges(),
        "graph_built_before_first_graph_query": graph_before,
    }


# -- cold start --------------------------------------------------------------------------------


def bench_register(repeats: int) -> dict[str, Any]:
    """Median seconds of loading the national register and of its crosswalks 2010 <-> 2025."""
    import waterketen as wk
    from waterketen.register.analysis import crosswalk

    register = wk.load("register:")
    cases: dict[str, Callable[[], object]] = {
        'wk.load("register:")': lambda: wk.load("register:"),
        "crosswalk 2010-01-01 → 2025-01-01": lambda: crosswalk(register, "2010-01-01", "2025-01-01"),
        "crosswalk 2025-01-01 → 2010-01-01": lambda: crosswalk(register, "2025-01-01", "2010-01-01"),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeats):
        for name, case in cases.items():
            start = time.perf_counter()
            case()
            times[name].append(time.perf_counter() - start)
    links = len(crosswalk(register, "2010-01-01", "2025-01-01"))
    return {"repeats": repeats, "links": links, "seconds": {n: _median(v) for n, v in times.items()}}


# -- the run -------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What ran the benchmark."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = int(Path("/proc/meminfo").read_text().split()[1]) * 1024
    except OSError:
        memory = 0
    packages = ("waterketen", "attrs", "cattrs", "networkx", "pluggy", "orjson", "msgspec", "pydantic")
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "system": f"{platform.system()} {platform.release()}",
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_bytes": memory,
        "versions": {p: version(p) for p in packages},
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


_SHOWN = ("sizes", "repeats", "large_repeats", "query_size", "start_repeats")
"""The options that change the figures (the page names those not at their defaults)."""
_DEFAULTS = (
    "--sizes 1000,10000,100000,1000000",
    "--repeats 5",
    "--large-repeats 3",
    "--query-size 100000",
    "--start-repeats 20",
)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000", help="entity counts, comma-separated")
    parser.add_argument("--repeats", type=int, default=5, help="interleaved repeats per size (default 5)")
    parser.add_argument(
        "--large-repeats",
        type=int,
        default=3,
        help="repeats at 10^6 and above (default 3, to fit 15 minutes)",
    )
    parser.add_argument("--query-size", type=int, default=100000, help="entities for the query figures")
    parser.add_argument("--start-repeats", type=int, default=20, help="cold-start repeats (default 20)")
    parser.add_argument("--data", default=str(HERE / ".data"), help="where to write the synthetic files")
    parser.add_argument("--out", default=str(HERE.parent / "docs" / "benchmarks.md"), help="results page")
    parser.add_argument("--json", default=str(HERE / ".data" / "results.json"), help="raw results")
    parser.add_argument("--baseline", default=str(HERE / "baseline.json"), help="earlier results to compare")
    parser.add_argument("--memory-probe", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--render-only", action="store_true", help="rewrite the page from the raw results")
    args = parser.parse_args(argv)
    if args.memory_probe:
        print(json.dumps(memory_probe(*args.memory_probe)))
        return 0
    if args.render_only:
        results = json.loads(Path(args.json).read_text())
        baseline = json.loads(Path(args.baseline).read_text()) if Path(args.baseline).exists() else None
        Path(args.out).write_text(report.render(results, baseline), encoding="utf-8")
        return 0

    began = time.perf_counter()
    load_start = os.getloadavg()[0]
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = Path(args.data)
    results: dict[str, Any] = {"machine": machine(), "load": [], "memory": [], "seed": generate.SEED}
    files = {}
    for n in sizes:
        print(f"generating {n} ...", file=sys.stderr, flush=True)
        files[n] = generate.write(n, folder)
    for n in sizes:
        path, lines, entities = files[n]
        repeats = args.large_repeats if n >= 1_000_000 else args.repeats
        print(f"load {n} x{repeats} ...", file=sys.stderr, flush=True)
        results["load"].append(bench_load(path, lines, entities, repeats))
    for n in sizes:
        if n < 100_000:
            continue
        path, lines, entities = files[n]
        print(f"memory {n} ...", file=sys.stderr, flush=True)
        row = {"entities": entities, "msgspec": bench_memory(path, "msgspec")}
        row["waterketen"] = bench_memory(path, "waterketen")
        if _has_jsonl():
            row["waterketen_jsonl"] = bench_memory(lines, "waterketen")
        results["memory"].append(row)
    if args.query_size in files:
        print("queries ...", file=sys.stderr, flush=True)
        results["queries"] = bench_queries(files[args.query_size][0], args.repeats)
    print("register ...", file=sys.stderr, flush=True)
    results["register"] = bench_register(max(args.repeats, 5))
    print("name resolution ...", file=sys.stderr, flush=True)
    import resolution  # bench/resolution.py

    results["resolution"] = resolution.bench(args.repeats)
    results["merge"] = __import__("merge").bench(args.repeats)  # bench/merge.py: one id in many records
    print("history questions ...", file=sys.stderr, flush=True)
    import history  # bench/history.py

    results["history"] = history.bench(
        args.repeats, tuple(n for n in history.SNAPSHOT_SIZES if n <= max(sizes))
    )
    print("cold start ...", file=sys.stderr, flush=True)
    import start  # bench/start.py

    results["start"] = start.bench(args.start_repeats)
    results["duration_seconds"] = time.perf_counter() - began
    results["load_average"] = f"{load_start:.1f} and {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    results["load_averages"] = [
        load_start,
        *(row["load_average"] for row in results["load"]),
        os.getloadavg()[0],
    ]
    options = [f"--{name.replace('_', '-')} {value}" for name, value in vars(args).items() if name in _SHOWN]
    shown = [o for o in options if o not in _DEFAULTS]
    results["command"] = "nox -s bench" + (" -- " + " ".join(shown) if shown else "")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=1))
    baseline = json.loads(Path(args.baseline).read_text()) if Path(args.baseline).exists() else None
    Path(args.out).write_text(report.render(results, baseline), encoding="utf-8")
    print(f"wrote {args.out} in {results['duration_seconds']:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
