"""docs/benchmarks.md from the raw results of bench/run.py.

Every sentence that states a target, a ratio or a reason is written from the
figures of the results it is given, so the page cannot say more than the run
measured. The sections of the history questions, the name resolution, the
merge by id and the cold start are written by their own modules (bench/).
"""

from __future__ import annotations

import math
import statistics
from typing import Any

import history  # bench/history.py, beside this module (bench/run.py puts bench/ on sys.path)
import merge
import resolution
import start


WK = "waterketen load (native JSON)"
WK_LINES = "waterketen load (native JSON Lines)"
PYD = "pydantic v2 model_validate_json"
PYD_PAUSED = "pydantic v2 model_validate_json, gc paused"  # the baseline's name
MSGSPEC = "msgspec typed decode into Structs"
ORJSON = "orjson.loads parse only"
STDLIB = "json.loads (stdlib) parse only"
ON, PAUSED = "collector on", "collector paused"
LOAD_TARGET = 2.0
LOAD_SIZES = (100_000, 1_000_000)
"""The sizes the issue sets the load target at; a run without one says so."""
INDEX_TARGET = 0.30
LOOKUP_TARGET_US = 10.0
BUDGET_MINUTES = 15.0
STABLE = 0.05
CONFIDENCE = 0.95
INDEXED = (
    "net[id]",
    "lookup(scheme, value, on=day)",
    "cluster_of(org, on=day)",
    "members(cluster, on=day)",
    "holders(post, on=day)",
)


# -- the statistics ---------------------------------------------------------------------------


def key(name: str, protocol: str) -> str:
    """The name of a contender's figures under one protocol."""
    return f"{name} [{protocol}]"


def _rank(n: int) -> int:
    """The largest k with P(x(k) ≤ median ≤ x(n+1-k)) ≥ :data:`CONFIDENCE` for n samples, or 0.

    The order statistics x(k) and x(n+1-k) of n independent samples hold the
    true median with probability 1 - 2 P(B ≤ k-1), B binomial(n, 1/2), whatever
    the distribution: a confidence interval that assumes no shape of the noise.
    """
    best, below = 0, 0.0
    for k in range(1, n // 2 + 1):
        below += math.comb(n, k - 1) / 2**n
        if 1 - 2 * below < CONFIDENCE:
            break
        best = k
    return best


def stability(values: list[float]) -> dict[str, Any]:
    """The median of ``values``, its spread and whether it is known to ±:data:`STABLE`.

    *Reached* when the distribution-free confidence interval of the median
    (:func:`_rank`; at least 6 values for 95 %) lies within ±0.05 of it.
    """
    xs = sorted(values)
    n = len(xs)
    q1, q3 = (statistics.quantiles(xs, n=4) if n > 1 else (xs[0], xs[0], xs[0]))[::2]
    k = _rank(n)
    low, high = (xs[k - 1], xs[n - k]) if k else (math.nan, math.nan)
    median = statistics.median(xs)
    reached = bool(k) and high - median <= STABLE and median - low <= STABLE
    return {
        "n": n,
        "median": median,
        "min": xs[0],
        "max": xs[-1],
        "q1": q1,
        "q3": q3,
        "low": low,
        "high": high,
        "reached": reached,
    }


def ratio(row: dict[str, Any], peer: str, protocol: str, of: str = WK, clock: str = "wall") -> dict[str, Any]:
    """How many times faster ``of`` is than ``peer`` in one size's row, with :func:`stability`.

    ``clock`` is ``"wall"`` or ``"processor"`` (seconds the process ran, its
    waits for a processor left out). pydantic against waterketen's JSON load:
    the ratios of their back-to-back pairs. Any other two: the ratio within
    each round both ran in (their first repeats; the adaptive repeats of the
    pair come after the rounds).
    """
    processor = clock == "processor"
    pairs = row.get("pair_processor_ratios" if processor else "pair_ratios")
    if {peer, of} == {PYD, WK} and pairs:
        values = pairs[protocol] if of == WK else [1 / v for v in pairs[protocol]]
    else:
        figures = row["processor_all" if processor else "all"]
        a, b = figures[key(peer, protocol)], figures[key(of, protocol)]
        values = [x / y for x, y in zip(a, b, strict=False)]  # zip stops at the shorter: the rounds
    return stability(values)


def _clocks(row: dict[str, Any], protocol: str) -> str:
    """waterketen against pydantic under ``protocol``: wall time, and processor time where measured."""
    text = "wall " + _spread(ratio(row, PYD, protocol))
    if "pair_processor_ratios" in row:
        text += ", processor " + _spread(ratio(row, PYD, protocol, clock="processor"))
    return text


def _spread(r: dict[str, Any]) -> str:
    interval = (
        f"{CONFIDENCE:.0%} interval of the median {r['low']:.2f}–{r['high']:.2f}"
        if not math.isnan(r["low"])
        else f"too few for a {CONFIDENCE:.0%} interval of the median"
    )
    return (
        f"{r['median']:.2f}x ({r['n']} repeats {r['min']:.2f}–{r['max']:.2f}, IQR {r['q1']:.2f}–"
        f"{r['q3']:.2f}, {interval}; stable to ±{STABLE}: {'reached' if r['reached'] else 'not reached'})"
    )


# -- small helpers ------------------------------------------------------------------------------


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def _mark(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def _size(row: dict[str, Any]) -> int:
    """The size asked for (the files hold whole blocks, a few more entities)."""
    return int(row.get("size") or 10 ** round(math.log10(row["entities"])))


def _per(row: dict[str, Any], name: str) -> float:
    """Bytes per entity of one part of waterketen's retained memory."""
    value: float = row["waterketen"].get(name, 0) / row["entities"]
    return value


def _parts(row: dict[str, Any]) -> tuple[float, float, float]:
    """Bytes per entity: the entities with their store, the typed and interval indexes, origins and report.

    The name index (built by the first ``find()``) is counted apart: see :func:`_per`.
    """
    wk = row["waterketen"]
    n = row["entities"]
    core = wk["retained"] - wk["index_bytes"] - wk.get("name_index_bytes", 0) - wk["origin_bytes"]
    return core / n, wk["index_bytes"] / n, wk["origin_bytes"] / n


def _peak(probe: dict[str, Any]) -> float:
    """The load's peak over what the load itself retained (the indexes built on demand left out)."""
    value: float = probe["peak"] / probe.get("load_retained", probe["retained"])
    return value


def _floor(row: dict[str, Any], name: str = MSGSPEC) -> float:
    """How many times faster than waterketen's load ``name`` is, collector on."""
    value: float = 1 / ratio(row, name, ON)["median"]
    return value


def _load_average(results: dict[str, Any]) -> str:
    values = results.get("load_averages") or []
    if not values:
        return str(results.get("load_average", "n/a"))
    cores = results["machine"]["cores"]
    return (
        f"{values[0]:.1f} at the start, {max(values):.1f} at most, {values[-1]:.1f} at the end on "
        f"{cores} cores"
    )


# -- the page -------------------------------------------------------------------------------------


def render(results: dict[str, Any], baseline: dict[str, Any] | None = None) -> str:
    """The results page."""
    m = results["machine"]
    out = [
        "# Benchmarks",
        "",
        f"Written by `{results.get('command', 'nox -s bench')}` (bench/run.py); every figure below "
        "comes from one run of it.",
        "The data is synthetic, generated from a fixed seed "
        f"({results['seed']}, bench/generate.py): cooperations with clusters, water teams, posts "
        "and their holders, partner organisations with two identifiers and periods, memberships "
        "(half of the partners move cluster once), tenures and merger events. One bound in ten is "
        "a year, one in fifty a month, one start in fifty `unknown`.",
        "",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory_bytes'] / 2**30:.0f} GiB, {m['system']}",
        f"- Python: {m['implementation']} {m['python']}",
        "- Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        f"- Date: {m['date']}; the whole run took {results['duration_seconds'] / 60:.1f} minutes "
        f"(budget {BUDGET_MINUTES:.0f}; see *Where the time went*)",
        f"- Load average (1 min): {_load_average(results)} — the machine is shared with other jobs, "
        "so absolute times vary from run to run; the ratios are measured in one process, back to "
        "back, and vary less.",
        *([f"- Amended: {results['amended']}"] if results.get("amended") else []),
        "",
        "Times are medians of interleaved repeats in one process (the order of the contenders "
        "rotates each round); each contender reads the file's bytes itself. The peers (msgspec "
        "Structs, pydantic models) mirror the model field for field with unknown fields forbidden, "
        "but keep dates as text: they do not parse `2014` or `unknown`, check references, merge "
        "sources or build indexes, so they are floors, not equals.",
        "",
    ]
    if baseline:
        out += [
            "*Before the performance work* figures come from bench/baseline.json: "
            + baseline.get("note", "an earlier run of the same benchmark")
            + f" It took {baseline['duration_seconds'] / 60:.0f} minutes.",
            "",
        ]
    out += _budget_section(results)
    out += _load_section(results, baseline)
    out += _memory_section(results, baseline)
    out += _query_section(results, baseline)
    out += history.section(results)
    out += resolution.section(results)
    out += merge.section(results)
    out += start.section(results, baseline)
    out += _register_section(results)
    out += _targets(results)
    out += _notes(results)
    return "\n".join(out) + "\n"


def _budget_section(results: dict[str, Any]) -> list[str]:
    phases = results.get("phases")
    if not phases:
        return []
    total = results["duration_seconds"]
    out = [
        "## Where the time went",
        "",
        f"The run took {total / 60:.1f} minutes against a budget of {BUDGET_MINUTES:.0f} "
        f"({_mark(total <= BUDGET_MINUTES * 60)}). Each phase, with the load average (1 min) at its end:",
        "",
        "| phase | seconds | share | load average |",
        "|---|---:|---:|---:|",
    ]
    for phase in phases:
        out.append(
            f"| {phase['phase']} | {phase['seconds']:.0f} | {phase['seconds'] / total:.0%} | "
            f"{phase['load_average']:.1f} |"
        )
    return [*out, ""]


_PROTOCOLS_TEXT = (
    "Every contender runs under the same two protocols. *Collector on* (as users run it): the "
    "collector is enabled and the time counts the call and then one full collection, the first "
    "walk of what the call made, which a program with the collector on pays soon after; a "
    "contender that pauses the collector inside (as `wk.load` does) pays it too. The harness's own "
    "objects are frozen meanwhile (`gc.freeze`), so collections walk only what the call made. "
    "*Collector paused*: the collector is off for the call and nothing else is counted."
)


def _load_section(results: dict[str, Any], baseline: dict[str, Any] | None) -> list[str]:
    out = [
        "## Loading",
        "",
        _PROTOCOLS_TEXT,
        "",
        "pydantic and waterketen's JSON load run back to back (which goes first alternates), each "
        "pair giving one ratio of wall times and one of processor times (the seconds the process "
        "ran: its waits for a processor, which a shared machine adds, left out; every contender runs "
        "in one thread). After the rounds of every contender, the pair of each protocol runs again "
        f"until the {CONFIDENCE:.0%} confidence interval of the median processor-time ratio (order "
        f"statistics, no assumed shape of the noise) lies within ±{STABLE} of it, or the run's cap on "
        "pairs or seconds is reached; the page says which, for both clocks. The targets are judged "
        "on wall time. The other ratios are taken within each round.",
        "",
    ]
    before = {row["entities"]: row for row in (baseline or {}).get("load", [])}
    for row in results["load"]:
        n = row["entities"]
        seconds = row["seconds"]
        names = list(dict.fromkeys(k.rsplit(" [", 1)[0] for k in seconds))
        counts = (
            row["repeats"] if isinstance(row["repeats"], dict) else dict.fromkeys(seconds, row["repeats"])
        )
        averages = row.get("load_averages") or [row.get("load_average", math.nan)]
        out += [
            f"### {_n(n)} entities ({row['bytes'] / 2**20:.1f} MiB of JSON, load average "
            f"{min(averages):.1f}–{max(averages):.1f})",
            "",
            "| contender | repeats (on / paused) | median s, collector on | ÷ waterketen's | "
            "median s, paused | ÷ waterketen's | records/s (on) |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name in names:
            on, paused = seconds[key(name, ON)], seconds[key(name, PAUSED)]
            out.append(
                f"| {name} | {counts[key(name, ON)]} / {counts[key(name, PAUSED)]} | {on:.3f} | "
                f"{on / seconds[key(WK, ON)]:.2f} | {paused:.3f} | {paused / seconds[key(WK, PAUSED)]:.2f} | "
                f"{n / on:,.0f} |"
            )
        out += [
            "",
            f"waterketen against pydantic, collector on: {_clocks(row, ON)}; paused: "
            f"{_clocks(row, PAUSED)}. The floor, msgspec's typed decode, is "
            f"{_floor(row):.1f}x faster than the load (collector on)." + _adaptive(row),
            "",
        ]
        if n in before:
            old = before[n]["seconds"]
            out += [
                f"Before the performance work (bench/baseline.json, the older protocol: no collection "
                f"counted after the call): {WK} took {old[WK]:.3f} s, {old[PYD] / old[WK]:.2f}x as fast "
                f"as pydantic as users ran it and {old[PYD_PAUSED] / old[WK]:.2f}x as fast as pydantic "
                "paused.",
                "",
            ]
    return out


def _adaptive(row: dict[str, Any]) -> str:
    """What stopped the adaptive repeats of one size, when they ran."""
    if "pair_ratios" not in row:
        return ""
    if not row["stability_seconds"]:
        return (
            f" No adaptive repeats at this size (the load target is at {' and '.join(map(_n, LOAD_SIZES))})."
        )
    clock = "processor" if "pair_processor_ratios" in row else "wall"
    unstable = [p for p in (ON, PAUSED) if not ratio(row, PYD, p, clock=clock)["reached"]]
    spent = f"{row['adaptive_seconds']:.0f} s of adaptive repeats (cap {row['stability_seconds']:.0f} s"
    spent += f", {row['max_pairs']} pairs)"
    if not unstable:
        return f" Both {clock}-time ratios reached ±{STABLE}: {spent}."
    return f" The {clock}-time ratio is not stable to ±{STABLE} ({', '.join(unstable)}): {spent}."


def _memory_section(results: dict[str, Any], baseline: dict[str, Any] | None) -> list[str]:
    if not results["memory"] and not results.get("memory_rss"):
        return []
    return ["## Memory", "", *_traced_memory(results, baseline), *_resident_memory(results)]


def _traced_memory(results: dict[str, Any], baseline: dict[str, Any] | None) -> list[str]:
    memory = results["memory"]
    if not memory:
        return []
    out = [
        "Measured with tracemalloc in a fresh process per figure (after a tiny load, so that the "
        "modules a load imports are not counted): *retained* is what the result "
        "holds (the collector run) once every index is built, *peak* the most the load held at "
        "once, divided by what the load itself retained (the indexes built on demand left out). The "
        "Network's retained bytes are split by walking its objects: the entities with the id "
        "store; the query indexes (shared strings and entities not counted twice); the load's "
        "origins and report. tracemalloc makes a load several times slower, so the run uses it up "
        f"to {_n(max(r['entities'] for r in memory))} entities; the resident memory below covers every size.",
        "",
        "| entities | msgspec Structs B/entity | waterketen B/entity (entities + store) | ratio | "
        "indexes B/entity (share) | origins + report B/entity | peak ÷ retained JSON | "
        "peak ÷ retained JSON Lines |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in memory:
        ms = row["msgspec"]["retained"] / row["entities"]
        core, index, origin = _parts(row)
        lines = f"{_peak(row['waterketen_jsonl']):.2f}" if "waterketen_jsonl" in row else "n/a"
        out.append(
            f"| {_n(row['entities'])} | {ms:.0f} | {core:.0f} | {core / ms:.2f} | {index:.0f} "
            f"({index / core:.0%}) | {origin:.0f} | {_peak(row['waterketen']):.2f} | {lines} |"
        )
    out += [
        "",
        "The indexes are measured at their most: every interval tree built, as if every key had "
        "been asked often (counted in the indexes column), and the name index of the first `find()` "
        "(counted apart, in no column). Per entity: "
        + "; ".join(
            f"{_n(r['entities'])}: interval trees {_per(r, 'interval_bytes'):.0f} B, "
            f"name index {_per(r, 'name_index_bytes'):.0f} B"
            for r in memory
        )
        + ".",
        "",
        "Peak bytes per entity: " + "; ".join(f"{_n(r['entities'])}: {_peaks(r)}" for r in memory) + ".",
    ]
    if baseline and baseline.get("memory"):
        old = baseline["memory"][0]
        core, index, origin = _parts(old)
        out += [
            "",
            f"Before the performance work ({_n(old['entities'])} entities): entities + store "
            f"{core:.0f} B/entity, indexes {index:.0f}, origins + report {origin:.0f}, peak ÷ retained "
            f"{old['waterketen']['peak'] / old['waterketen']['retained']:.2f}.",
        ]
    return [*out, ""]


def _peaks(row: dict[str, Any]) -> str:
    """The peak bytes per entity of each probe of one memory row."""
    shown = (("msgspec", "msgspec"), ("waterketen", "JSON"), ("waterketen_jsonl", "JSON Lines"))
    return ", ".join(f"{label} {row[k]['peak'] / row['entities']:.0f}" for k, label in shown if k in row)


_RESIDENT = (("msgspec", "msgspec"), ("waterketen", "JSON"), ("waterketen_jsonl", "JSON Lines"))


def _resident_memory(results: dict[str, Any]) -> list[str]:
    rows = results.get("memory_rss")
    if not rows:
        return []
    out = [
        "Resident memory, as the system counts it, in a fresh process per figure with the load at "
        "full speed (untraced), bytes per entity: *retained* is the process's resident memory after "
        "the load and a full collection less before it, *peak* its high-water mark (`VmHWM`, reset "
        "just before the load) less the same; the load's result only (no index built after it). "
        "Both include what the allocator keeps beyond the objects, and memory freed during the load "
        "mostly stays resident, so *retained* runs close to *peak*: these rows show how the memory "
        "grows with the size, and the exact ratios are tracemalloc's above.",
        "",
        "| entities | " + " | ".join(f"{label} retained | {label} peak" for _, label in _RESIDENT) + " |",
        "|---:|" + "---:|" * 2 * len(_RESIDENT),
    ]
    for row in rows:
        cells = [
            f"{row[k]['retained'] / row['entities']:.0f} | {row[k]['peak'] / row['entities']:.0f}"
            if k in row
            else "n/a | n/a"
            for k, _ in _RESIDENT
        ]
        out.append(f"| {_n(row['entities'])} | " + " | ".join(cells) + " |")
    return [*out, ""]


def _query_section(results: dict[str, Any], baseline: dict[str, Any] | None) -> list[str]:
    q = results.get("queries")
    if not q:
        return []
    old = (baseline or {}).get("queries", {}).get("microseconds", {})
    out = [
        f"## Queries at {_n(q['entities'])} entities",
        "",
        "Microseconds per call, median of the repeats, each a pass over 1000 varied arguments "
        "(three days for the whole-network rows).",
        "",
        "| query | µs per call | median result size | before the performance work |",
        "|---|---:|---:|---:|",
    ]
    for name, value in q["microseconds"].items():
        size = q["result_sizes"].get(name)
        was = f"{old[name]:.1f}" if name in old else ""
        out.append(f"| {name} | {value:,.1f} | {1 if size is None else size:.0f} | {was} |")
    out += [
        "",
        f"The networkx view ({_n(q['graph_nodes'])} nodes, {_n(q['graph_edges'])} edges) builds in "
        f"{q['graph_seconds']:.2f} s, on the first `graph()` call only "
        f"(built before it: {'yes' if q['graph_built_before_first_graph_query'] else 'no'}).",
        "",
    ]
    return out


def _register_section(results: dict[str, Any]) -> list[str]:
    if "register" not in results:
        return []
    r = results["register"]
    out = [
        "## The national register",
        "",
        f"The shipped register (municipalities 2010-2025, water boards, companies, provinces): its load "
        f"and its crosswalk between 1 January 2010 and 1 January 2025 ({r['links']} links), median of "
        f"{r['repeats']} repeats in one process.",
        "",
        "| operation | median ms |",
        "|---|---:|",
    ]
    out += [f"| `{name}` | {value * 1000:.1f} |" for name, value in r["seconds"].items()]
    return [*out, ""]


# -- the targets and why one is not met --------------------------------------------------------


def _load_rows(results: dict[str, Any]) -> dict[int, dict[str, Any] | None]:
    """The row of each size of :data:`LOAD_SIZES` (``None`` when the run stopped below it)."""
    rows = {_size(row): row for row in results["load"]}
    return {size: rows.get(size) for size in LOAD_SIZES}


def _targets(results: dict[str, Any]) -> list[str]:
    out = ["## Targets", ""]
    for size, row in _load_rows(results).items():
        if row is None:
            out.append(f"- Load at {_n(size)}: **not measured** — this run's sizes stop below it.")
            continue
        n = row["entities"]
        on = ratio(row, PYD, ON)
        lines = (
            f"; JSON Lines {ratio(row, PYD, ON, WK_LINES)['median']:.2f}x"
            if key(WK_LINES, ON) in row["all"]
            else ""
        )
        out += [
            f"- Load at {_n(n)}, against pydantic as users run it (collector on): "
            f"{_mark(on['median'] >= LOAD_TARGET)} — {_clocks(row, ON)} (target {LOAD_TARGET}x, wall "
            f"time){lines}.",
            f"- Load at {_n(n)}, against pydantic with the collector paused (reported, no target): "
            f"{_clocks(row, PAUSED)}; the floor (msgspec) is {_floor(row):.1f}x faster than "
            f"the load, orjson's parse alone {_floor(row, ORJSON):.1f}x.",
        ]
    out += _memory_targets(results)
    q = results.get("queries")
    if q:
        us = q["microseconds"]
        slowest = max(INDEXED, key=lambda k: us[k])
        at = us["at(day) (the view)"]
        out += [
            f"- Indexed look-ups at {_n(q['entities'])}: "
            f"{_mark(all(us[k] < LOOKUP_TARGET_US for k in INDEXED))} — slowest `{slowest}` "
            f"{us[slowest]:.1f} µs (target {LOOKUP_TARGET_US:.0f} µs).",
            f"- `at(day)` returns a view: {_mark(at < 1000)} — {at:.2f} µs (target 1 ms).",
        ]
        if "first_find_seconds" in q:
            out.append(
                f"- The first `find()` (it builds the name index) at {_n(q['entities'])}: "
                f"{q['first_find_seconds'] * 1000:.0f} ms, then {us['find(name) (after the first)']:.0f} µs "
                "a search (counted, no target)."
            )
        lazy = not q["graph_built_before_first_graph_query"]
        out.append(f"- networkx view only on the first graph query: {_mark(lazy)}.")
    else:
        out.append("- Indexed look-ups: **not measured** — the run had no size of the query figures.")
    if results.get("history"):
        ok, figures = history.flat(results)
        h = results["history"]
        out.append(
            f"- History questions in O(result) (the same answer, the history growing "
            f"{' / '.join(f'{x:,}' for x in h['histories'])}; the snapshot at "
            f"{' / '.join(f'{x:,}' for x in h['snapshot_sizes'])} entities): "
            f"{_mark(ok)} — {figures} (met: the longest history within 3x of the shortest that is not empty)."
        )
    if results.get("start"):
        out.append(_cold_start_target(results))
    minutes = results["duration_seconds"] / 60
    out += [
        f"- `{results.get('command', 'nox -s bench')}` within {BUDGET_MINUTES:.0f} minutes on this "
        f"{results['machine']['cores']}-core machine: {_mark(minutes <= BUDGET_MINUTES)} — "
        f"{minutes:.1f} minutes.",
        f"- Load average (1 min) during the run (a condition, not a target): {_load_average(results)}.",
        "",
    ]
    return out


def _memory_targets(results: dict[str, Any]) -> list[str]:
    traced, resident = results["memory"], results.get("memory_rss") or []
    if not traced and not resident:
        return [f"- Memory: **not measured** — it is measured from {_n(LOAD_SIZES[0])} entities on."]
    out = []
    if traced:
        largest = traced[-1]
        peaks = [
            f"{label} {_mark(_peak(largest[name]) <= 2)}, {_peak(largest[name]):.2f}x"
            for name, label in _RESIDENT[1:]
            if name in largest
        ]
        out.append(
            f"- Peak memory of the load at {_n(largest['entities'])} (tracemalloc) within 2x the "
            f"retained Network: {'; '.join(peaks)}."
        )
    for row in traced:
        core, index, origin = _parts(row)
        ms = row["msgspec"]["retained"] / row["entities"]
        names = _per(row, "name_index_bytes")
        met = core <= 1.1 * ms and index <= INDEX_TARGET * core
        out.append(
            f"- Memory at {_n(row['entities'])}: {_mark(met)}"
            f" — entities {core / ms:.2f}x msgspec Structs (target 1.1x), the typed and interval "
            f"indexes at their most +{index / core:.0%} (target {INDEX_TARGET:.0%}); the load's "
            f"origins and report add +{origin / core:.0%} more, the name index +{names / core:.0%} "
            f"(all told {(core + index + origin + names) / ms:.2f}x)."
        )
    if resident:
        grows = [
            f"{label} peak " + " → ".join(f"{r[k]['peak'] / r['entities']:.0f}" for r in resident if k in r)
            for k, label in _RESIDENT[1:]
        ]
        sizes = " → ".join(_n(r["entities"]) for r in resident)
        out.append(
            f"- Resident memory per entity at {sizes} entities (how it grows; no mark, see the memory "
            f"section): {', '.join(grows)} B; msgspec's peak "
            + " → ".join(f"{r['msgspec']['peak'] / r['entities']:.0f}" for r in resident)
            + " B."
        )
    return out


def _cold_start_target(results: dict[str, Any]) -> str:
    """bench/start.py's line; a note instead for results whose rows have another label for the main job."""
    if "ratio" in results["start"] and start.MAIN not in results["start"]["ratio"]:
        return f"- Cold start: these results have no row `{start.MAIN}` (written under another label)."
    return start.target(results)


def _notes(results: dict[str, Any]) -> list[str]:
    """Why a target is not met, with this run's figures."""
    out = ["## Why a target is not met", ""]
    rows = [r for r in _load_rows(results).values() if r is not None]
    slow = [r for r in rows if ratio(r, PYD, ON)["median"] < LOAD_TARGET]
    if slow:
        sizes = " and ".join(_n(r["entities"]) for r in slow)
        on = ", ".join(f"{ratio(r, PYD, ON)['median']:.2f}x" for r in slow)
        parse = ", ".join(f"{r['seconds'][key(STDLIB, ON)] / r['seconds'][key(WK, ON)]:.0%}" for r in slow)
        floor = ", ".join(f"{_floor(r):.0f}x" for r in slow)
        out.append(
            f"- **Load at {sizes}** ({on} pydantic, collector on). pydantic-core validates in compiled "
            "code; a waterketen load is Python from the first byte: the stdlib parse with its "
            f"duplicate-key check ({parse} of the load), then one frozen, slotted attrs instance per "
            "record and per period through the generated hooks with the model's validators, dates at "
            "their precision, references checked, sources merged and the indexes built. The floor, "
            f"msgspec's typed decode, is {floor} faster than the load."
        )
    for row in rows:
        for protocol in (ON, PAUSED):
            clocks = [c for c in ("wall", "processor") if c == "wall" or "pair_processor_ratios" in row]
            unstable = [c for c in clocks if not ratio(row, PYD, protocol, clock=c)["reached"]]
            if unstable:
                why = _unstable(row, protocol, unstable)
                out.append(f"- **Stability at {_n(row['entities'])}, {protocol}.** {why}")
    if not any(r is None for r in _load_rows(results).values()) and len(out) == 2:
        out.append("- Every load target above is met in this run, and its ratios are stable.")
    if results.get("history"):
        ok, figures = history.flat(results)
        if not ok:
            out.append(
                "- **History questions.** The interval trees answer in O(log h + k) for a history of h "
                "and an answer of k: each level of a tree is a bisection and a slice, about half a "
                "microsecond, and a history of 10,000 has about ten levels, so the rows grow by a few "
                f"microseconds while a scan grew a thousandfold (see the section above): {figures}."
            )
    q = results.get("queries")
    if q and not all(q["microseconds"][k] < LOOKUP_TARGET_US for k in INDEXED):
        out.append(
            "- **Indexed look-ups.** Each is a few dictionary look-ups and period checks; on a shared "
            f"machine (load average {_load_average(results)}) a microsecond figure includes the time "
            "the process waited. Compare the rows of the history section, which take the least of "
            "their repeats."
        )
    out += _cold_start_note(results.get("start"))
    if results["duration_seconds"] > BUDGET_MINUTES * 60 and results.get("phases"):
        longest = sorted(results["phases"], key=lambda p: -p["seconds"])[:3]
        out.append(
            f"- **The run's duration** ({results['duration_seconds'] / 60:.1f} minutes). The longest "
            "phases: "
            + ", ".join(f"{p['phase']} {p['seconds']:.0f} s" for p in longest)
            + f"; the load average reached {max(results.get('load_averages') or [math.nan]):.1f} on "
            f"{results['machine']['cores']} cores (other jobs take the processors from the run)."
        )
    return [*out, ""]


def _unstable(row: dict[str, Any], protocol: str, clocks: list[str]) -> str:
    """Why a ratio is not known to ±0.05 on ``clocks``, in brief (the figures are in the targets)."""
    parts = []
    for clock in clocks:
        r = ratio(row, PYD, protocol, clock=clock)
        interval = "no interval" if math.isnan(r["low"]) else f"interval {r['low']:.2f}–{r['high']:.2f}"
        parts.append(f"{clock} time {r['median']:.2f}x over {r['n']} pairs, {interval}")
    text = f"Not known to ±{STABLE}: {'; '.join(parts)}. "
    if "pair_ratios" not in row:
        return text + "This run had no adaptive repeats."
    if clocks == ["wall"] and "pair_processor_ratios" in row:
        text += "The repeats stop once the processor-time ratio is stable; "
    else:
        n = len(row["pair_ratios"][protocol])
        pair = row["seconds"][key(PYD, protocol)] + row["seconds"][key(WK, protocol)]
        text += (
            f"The adaptive repeats stopped at this size's cap ({row['adaptive_seconds']:.0f} of "
            f"{row['stability_seconds']:.0f} s spent, {n} of at most {row['max_pairs']} pairs; a pair "
            f"takes about {pair:.0f} s here, and a {CONFIDENCE:.0%} interval needs at least "
            f"{_least()} pairs); "
        )
    averages = row["load_averages"]
    return text + (
        f"the wall times hold the other jobs' turns (load average {min(averages):.1f}–"
        f"{max(averages):.1f} over this size)."
    )


def _least() -> int:
    """The fewest values that have a :data:`CONFIDENCE` interval of their median."""
    return next(n for n in range(1, 100) if _rank(n))


def _cold_start_note(started: dict[str, Any] | None) -> list[str]:
    """The cold start's reason, with the figures of the main job and the slowest command."""
    if not started or "ratio" not in started:
        return []
    worst = start._worst(started)
    if started["ratio"][worst] <= start.TARGET:
        return []
    main = started["ratio"].get(start.MAIN)
    figures = (f"`{start.MAIN}` {main:.2f}x, " if main is not None else "") + (
        f"the slowest, `{worst}`, {started['ratio'][worst]:.2f}x the bare imports (target {start.TARGET}x)"
    )
    return [
        f"- **Cold start** ({figures}). The embedded datasets ship already structured, beside their "
        "JSON (a test checks each against a fresh load), so a start parses and structures nothing; "
        "`import waterketen` is lazy, the built-in formats, the tables, the builders and the rules are "
        "imported only when used, and the methods attrs writes for the model's classes are compiled "
        "once and kept beside the bytecode. What is left above the bare imports is making the model's "
        "classes (attrs builds each class, even with the code compiled), the argument parser (only "
        "the chosen command's arguments are built), the load itself (reading the prebuilt form, "
        "merging and the indexes) and the answer (the name index for `find`, the summaries of the "
        "national overview): see the processor times of the cold-start section."
    ]
