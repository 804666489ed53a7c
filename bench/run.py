"""The benchmark: waterketen side by side with its peers, written to docs/benchmarks.md.

Run it with ``nox -s bench`` (or ``python bench/run.py`` where waterketen,
orjson, msgspec and pydantic are installed). Every figure is a median over
interleaved repeats measured in this one run, on data generated from a fixed
seed (bench/generate.py) and kept between runs. Options: ``--sizes``,
``--repeats``, ``--large-repeats``, ``--stability-seconds``, ``--max-pairs``,
``--traced-max``, ``--out``, ``--data``, ``--json`` (see ``--help``).
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


def _timed(function: Callable[[], object], protocol: str) -> tuple[float, float]:
    """Wall and processor seconds of one call under ``protocol`` (see :data:`PROTOCOLS`).

    Processor seconds leave out the time the process waited for a processor
    (the machine is shared); every contender runs in this one thread.
    """
    gc.collect()
    paused = protocol == "collector paused"
    # Collector on: the harness's own objects are set aside (gc.freeze), so that every collection,
    # the automatic ones during the call and the full one after it, walks only what the call made.
    if paused:
        gc.disable()
    else:
        gc.freeze()
    try:
        wall, processor = time.perf_counter(), time.process_time()
        result = function()
        if not paused:
            gc.collect()
        wall, processor = time.perf_counter() - wall, time.process_time() - processor
    finally:
        if paused:
            gc.enable()
        else:
            gc.unfreeze()
    del result
    return wall, processor


PAIR = ("pydantic v2 model_validate_json", "waterketen load (native JSON)")
"""The contenders of the target ratio: they run back to back, so that both see the same machine."""


def _stop(ratios: list[float]) -> bool:
    """Whether the median of ``ratios`` is known to ±0.05 (its confidence interval, see report.py).

    The adaptive repeats stop on the ratio of processor seconds: on a shared
    machine the wall-time ratio also holds the other jobs' turns, and may not
    settle within any cap (the page gives both).
    """
    return report.stability(ratios)["reached"]


def bench_load(
    path: Path,
    lines: Path,
    entities: int,
    repeats: dict[str, int],
    stability_seconds: float,
    max_pairs: int,
) -> dict[str, Any]:
    """Seconds of each contender under each protocol, interleaved, and the ratios of :data:`PAIR`.

    ``repeats`` gives the rounds of each contender by name (every contender
    runs under both protocols each round; the order rotates each round). The
    two of :data:`PAIR` run as one unit, back to back (which goes first
    alternates), and each unit gives one ratio (of wall and of processor
    seconds). After the rounds, the pair of each protocol runs again until
    the median of its processor-time ratios is stable to ±0.05 (see
    :func:`_stop`), ``max_pairs`` ratios were taken, or one more pair would
    take the adaptive repeats of this size past ``stability_seconds``.
    """
    units: list[list[tuple[str, Callable[[], object], str]]] = []
    pair_units: dict[str, list[tuple[str, Callable[[], object], str]]] = {}
    rounds: dict[int, int] = {}
    for protocol in PROTOCOLS:
        named = [(name, f"{name} [{protocol}]", function) for name, function in contenders(path, lines)]
        pair = [(k, f, protocol) for name, k, f in named if name in PAIR]
        pair_units[protocol] = pair
        for unit in [pair, *([(k, f, protocol)] for name, k, f in named if name not in PAIR)]:
            rounds[len(units)] = max(repeats.get(k.rsplit(" [", 1)[0], 1) for k, _, _ in unit)
            units.append(unit)
    times: dict[str, list[float]] = {
        f"{name} [{p}]": [] for name, _ in contenders(path, lines) for p in PROTOCOLS
    }
    cpu: dict[str, list[float]] = {name: [] for name in times}
    ratios: dict[str, list[float]] = {protocol: [] for protocol in PROTOCOLS}
    cpu_ratios: dict[str, list[float]] = {protocol: [] for protocol in PROTOCOLS}
    load_average = [os.getloadavg()[0]]

    def run(unit: list[tuple[str, Callable[[], object], str]], flip: bool) -> None:
        got = {}
        for name, function, protocol in reversed(unit) if flip else unit:
            got[name] = _timed(function, protocol)
            times[name].append(got[name][0])
            cpu[name].append(got[name][1])
        if len(unit) == 2:
            (pyd_wall, pyd_cpu), (wk_wall, wk_cpu) = (got[k] for k, _, _ in unit)
            ratios[unit[0][2]].append(pyd_wall / wk_wall)
            cpu_ratios[unit[0][2]].append(pyd_cpu / wk_cpu)

    for round_ in range(max(rounds.values())):
        shift = round_ % len(units)
        for i in [*range(shift, len(units)), *range(shift)]:
            if round_ < rounds[i]:
                run(units[i], flip=bool(round_ % 2))
    load_average.append(os.getloadavg()[0])
    began = time.perf_counter()
    # The seconds of the last pair of each protocol: a pair starts only if one more like it fits.
    cost = {p: sum(times[k][-1] for k, _, _ in pair_units[p]) for p in PROTOCOLS}

    def wanted(protocol: str) -> bool:
        """Whether the pair of ``protocol`` should run again: not stable, and within both caps."""
        spent = time.perf_counter() - began
        return (
            not _stop(cpu_ratios[protocol])
            and len(ratios[protocol]) < max_pairs
            and spent + cost[protocol] <= stability_seconds
        )

    while any(wanted(p) for p in PROTOCOLS):
        for protocol in filter(wanted, PROTOCOLS):  # one more pair of each protocol not yet stable
            started = time.perf_counter()
            run(pair_units[protocol], flip=bool(len(ratios[protocol]) % 2))
            cost[protocol] = time.perf_counter() - started
    load_average.append(os.getloadavg()[0])
    return {
        "entities": entities,
        "bytes": path.stat().st_size,
        "repeats": {name: len(values) for name, values in times.items()},
        "seconds": {name: _median(values) for name, values in times.items()},
        "all": times,
        "processor_seconds": {name: _median(values) for name, values in cpu.items()},
        "processor_all": cpu,
        "pair_ratios": ratios,
        "pair_processor_ratios": cpu_ratios,
        "adaptive_seconds": time.perf_counter() - began,
        "stability_seconds": stability_seconds,
        "max_pairs": max_pairs,
        "load_average": load_average[-1],
        "load_averages": load_average,
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


def _warm(kind: str) -> None:
    """Load a tiny document first, so that the modules a load imports are not counted as its memory."""
    import tempfile

    import peers

    import waterketen as wk

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "warm.json"
        path.write_text(json.dumps(generate.generate(200)), encoding="utf-8")
        if kind == "msgspec":
            peers.msgspec_decode(path.read_bytes())
        else:
            wk.load(path).find("")


def _load(kind: str, path: str) -> Any:
    import peers

    import waterketen as wk

    return peers.msgspec_decode(Path(path).read_bytes()) if kind == "msgspec" else wk.load(path)


def memory_probe(kind: str, path: str) -> dict[str, Any]:
    """Retained and peak bytes of one load, measured by tracemalloc after the imports.

    Exact, and slow: tracemalloc makes a load about seven times slower.
    """
    import tracemalloc

    import waterketen as wk

    _warm(kind)
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    result = _load(kind, path)
    if kind != "msgspec":
        from waterketen import _index

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


def _status(field: str) -> int:
    """Bytes of one memory field of this process (Linux: /proc/self/status, in kB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise LookupError(field)


def rss_probe(kind: str, path: str) -> dict[str, Any]:
    """Retained and peak bytes of one load as the system counts them (resident memory), untraced.

    *peak*: the process's resident high-water mark (``VmHWM``, reset to the
    present just before the load) less its resident memory before the load;
    *retained*: its resident memory after the load and a full collection,
    less the same. Both include what the allocator holds beyond the objects
    (free slots of its arenas), which tracemalloc does not count; the load
    runs at full speed. (``getrusage``'s maxrss would not do: a process
    started from a large one keeps that one's mark.)
    """
    _warm(kind)
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the present resident size
    before = _status("VmRSS")
    result = _load(kind, path)
    gc.collect()
    retained = _status("VmRSS") - before
    peak = _status("VmHWM") - before
    del result
    return {"retained": retained, "peak": peak}


PROBES = {"traced": memory_probe, "rss": rss_probe}


def bench_memory(path: Path, kind: str, method: str = "traced") -> dict[str, Any]:
    """Run the probe ``method`` of :data:`PROBES` in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, __file__, "--memory-probe", method, kind, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def memory_row(path: Path, lines: Path, entities: int, method: str) -> dict[str, Any]:
    """msgspec's and waterketen's memory (JSON, and JSON Lines where installed) at one size."""
    row = {"entities": entities, "method": method, "msgspec": bench_memory(path, "msgspec", method)}
    row["waterketen"] = bench_memory(path, "waterketen", method)
    if _has_jsonl():
        row["waterketen_jsonl"] = bench_memory(lines, "waterketen", method)
    return row


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


_SHOWN = (
    "sizes",
    "repeats",
    "large_repeats",
    "stability_seconds",
    "max_pairs",
    "traced_max",
    "query_size",
    "start_repeats",
)
"""The options that change the figures (the page names those not at their defaults)."""
LARGE = 1_000_000
"""From this size on, the rounds are ``--large-repeats`` and JSON Lines runs one round."""


class Phases:
    """The seconds of each phase of the run, and the load average (1 min) over it, for the page's budget."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.load_averages = [os.getloadavg()[0]]
        """Every load average taken, in order: the run's start, within the loads, each phase's end."""
        self._began = time.perf_counter()

    def done(self, phase: str) -> None:
        """Close ``phase``: it took the time since the last phase ended."""
        now = time.perf_counter()
        seconds, self._began = now - self._began, now
        self.load_averages.append(os.getloadavg()[0])
        self.rows.append({"phase": phase, "seconds": seconds, "load_average": self.load_averages[-1]})
        print(f"  {phase}: {seconds:.0f} s", file=sys.stderr, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--sizes", default="1000,10000,100000,1000000", help="entity counts, comma-separated")
    add("--repeats", type=int, default=5, help="rounds of every contender per size (default 5)")
    add(
        "--large-repeats", type=int, default=2, help="rounds at 10^6 and above (default 2, to fit 15 minutes)"
    )
    add(
        "--stability-seconds",
        type=float,
        default=120,
        help="seconds of extra pydantic/waterketen pairs per size, until the ratios are stable (default 120)",
    )
    add("--max-pairs", type=int, default=40, help="most ratio pairs per size and protocol (default 40)")
    add("--traced-max", type=int, default=100000, help="largest size measured with tracemalloc (slow)")
    add("--query-size", type=int, default=100000, help="entities for the query figures")
    add("--start-repeats", type=int, default=20, help="cold-start repeats (default 20)")
    add("--data", default=str(HERE / ".data"), help="where to write the synthetic files")
    add("--out", default=str(HERE.parent / "docs" / "benchmarks.md"), help="results page")
    add("--json", default=str(HERE / ".data" / "results.json"), help="raw results")
    add("--baseline", default=str(HERE / "baseline.json"), help="earlier results to compare")
    add("--memory-probe", nargs=3, metavar=("METHOD", "KIND", "PATH"), help=argparse.SUPPRESS)
    add("--render-only", action="store_true", help="rewrite the page from the raw results")
    return parser


def _write(results: dict[str, Any], args: argparse.Namespace) -> None:
    baseline = json.loads(Path(args.baseline).read_text()) if Path(args.baseline).exists() else None
    Path(args.out).write_text(report.render(results, baseline), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.memory_probe:
        method, kind, path = args.memory_probe
        print(json.dumps(PROBES[method](kind, path)))
        return 0
    if args.render_only:
        _write(json.loads(Path(args.json).read_text()), args)
        return 0

    began = time.perf_counter()
    phases = Phases()
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = Path(args.data)
    results: dict[str, Any] = {"machine": machine(), "load": [], "memory": [], "seed": generate.SEED}
    files = {}
    for n in sizes:
        print(f"data {n} ...", file=sys.stderr, flush=True)
        files[n] = generate.write(n, folder)  # written once per size, seed and generator version
    phases.done("data (generated, or kept when made already)")
    for n in sizes:
        path, lines, entities = files[n]
        rounds = args.large_repeats if n >= LARGE else args.repeats
        repeats = {name: rounds for name, _ in contenders(path, lines)}
        if n >= LARGE:
            repeats["waterketen load (native JSON Lines)"] = 1
        # The adaptive repeats run at the sizes of the load target only (the smaller ones have none).
        adaptive = args.stability_seconds if n >= report.LOAD_SIZES[0] else 0.0
        print(f"load {n} x{rounds} ...", file=sys.stderr, flush=True)
        row = bench_load(path, lines, entities, repeats, adaptive, args.max_pairs)
        results["load"].append({"size": n, **row})
        phases.load_averages += row["load_averages"]
        phases.done(f"load at {n:,}")
    for n in sizes:
        if n < 100_000:
            continue
        path, lines, entities = files[n]
        if n <= args.traced_max:
            print(f"memory {n} (tracemalloc) ...", file=sys.stderr, flush=True)
            results["memory"].append(memory_row(path, lines, entities, "traced"))
        print(f"memory {n} (resident) ...", file=sys.stderr, flush=True)
        results.setdefault("memory_rss", []).append(memory_row(path, lines, entities, "rss"))
        phases.done(f"memory at {n:,}")
    if args.query_size in files:
        print("queries ...", file=sys.stderr, flush=True)
        results["queries"] = bench_queries(files[args.query_size][0], args.repeats)
        phases.done(f"queries at {args.query_size:,}")
    print("register ...", file=sys.stderr, flush=True)
    results["register"] = bench_register(max(args.repeats, 5))
    phases.done("register")
    print("name resolution ...", file=sys.stderr, flush=True)
    import merge  # bench/merge.py: one id in many records
    import resolution  # bench/resolution.py

    results["resolution"] = resolution.bench(args.repeats)
    phases.done("name resolution")
    results["merge"] = merge.bench()  # its own 3 repeats: the figure is the growth, not the time
    phases.done("merge by id")
    print("history questions ...", file=sys.stderr, flush=True)
    import history  # bench/history.py

    results["history"] = history.bench(
        args.repeats, tuple(n for n in history.SNAPSHOT_SIZES if n <= max(sizes))
    )
    phases.done("history questions")
    print("cold start ...", file=sys.stderr, flush=True)
    import start  # bench/start.py

    results["start"] = start.bench(args.start_repeats)
    phases.done("cold start")
    results["phases"] = phases.rows
    results["duration_seconds"] = time.perf_counter() - began
    averages = results["load_averages"] = phases.load_averages
    results["load_average"] = f"{averages[0]:.1f} and {averages[-1]:.1f} on {os.cpu_count()} cores"
    shown = [
        f"--{name.replace('_', '-')} {value}"
        for name, value in vars(args).items()
        if name in _SHOWN and value != parser.get_default(name)
    ]
    results["command"] = "nox -s bench" + (" -- " + " ".join(shown) if shown else "")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=1))
    _write(results, args)
    print(f"wrote {args.out} in {results['duration_seconds']:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
