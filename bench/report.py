"""docs/benchmarks.md from the raw results of bench/run.py."""

from __future__ import annotations

import statistics
from typing import Any


WK = "waterketen load (native JSON)"
WK_LINES = "waterketen load (native JSON Lines)"
PYD = "pydantic v2 model_validate_json"
PYD_PAUSED = "pydantic v2 model_validate_json, gc paused"  # the baseline's name
MSGSPEC = "msgspec typed decode into Structs"
ORJSON = "orjson.loads parse only"
ON, PAUSED = "collector on", "collector paused"
LOAD_TARGET = 2.0
INDEX_TARGET = 0.30
STABLE = 0.05


def key(name: str, protocol: str) -> str:
    """The name of a contender's figures under one protocol."""
    return f"{name} [{protocol}]"


def ratio(row: dict[str, Any], peer: str, protocol: str, of: str = WK) -> dict[str, float]:
    """How many times faster waterketen is than ``peer``: median, min, max and quartiles of the repeats.

    Each ratio is taken within one repeat (the same state of the machine).
    """
    a, b = row["all"][key(peer, protocol)], row["all"][key(of, protocol)]
    values = sorted(x / y for x, y in zip(a, b, strict=True))
    q1, q3 = (statistics.quantiles(values, n=4) if len(values) > 1 else (values[0], values[0]))[::2]
    return {"median": statistics.median(values), "min": values[0], "max": values[-1], "q1": q1, "q3": q3}


def _spread(r: dict[str, float]) -> str:
    return f"{r['median']:.2f}x (repeats {r['min']:.2f}–{r['max']:.2f}, IQR {r['q1']:.2f}–{r['q3']:.2f})"


def _stable(r: dict[str, float]) -> bool:
    """Stable to ±0.05: the middle half of the per-repeat ratios lies within 0.05 of the median."""
    return r["q3"] - r["median"] <= STABLE and r["median"] - r["q1"] <= STABLE


INDEXED = (
    "net[id]",
    "lookup(scheme, value, on=day)",
    "cluster_of(org, on=day)",
    "members(cluster, on=day)",
    "holders(post, on=day)",
)


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def _mark(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


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
        f"- Date: {m['date']}; the whole run took {results['duration_seconds'] / 60:.1f} minutes",
        f"- Load average (1 min) at the start and the end of the run: {results.get('load_average', 'n/a')}"
        " — the machine is shared with other jobs, so absolute times vary from run to run; the ratios "
        "are measured in one process, interleaved, and vary less.",
        *([f"- Amended: {results['amended']}"] if results.get("amended") else []),
        "",
        "Times are medians of interleaved repeats in one process (the order of the contenders "
        "rotates each repeat); each contender reads the file's bytes itself. The peers (msgspec "
        "Structs, pydantic models) mirror the "
        "model field for field with unknown fields forbidden, but keep dates as text: they do not "
        "parse `2014` or `unknown`, check references, merge sources or build indexes, so they are "
        "floors, not equals.",
        "",
    ]
    if baseline:
        out += [
            "*Before the performance work* figures come from bench/baseline.json: "
            + baseline.get("note", "an earlier run of the same benchmark")
            + f" It took {baseline['duration_seconds'] / 60:.0f} minutes.",
            "",
        ]
    out += _load_section(results, baseline)
    out += _memory_section(results, baseline)
    out += _query_section(results, baseline)
    import history  # bench/history.py, beside this module
    import resolution  # bench/resolution.py, beside this module

    out += history.section(results)

    out += resolution.section(results)
    import start  # bench/start.py

    out += start.section(results, baseline)
    out += _register_section(results)
    out += _targets(results)
    out += _notes(results)
    return "\n".join(out) + "\n"


def _load_section(results: dict[str, Any], baseline: dict[str, Any] | None) -> list[str]:
    out = [
        "## Loading",
        "",
        "Every contender runs under the same two protocols, interleaved. *Collector on* (as users run "
        "it): the collector is enabled and the time counts the call and then one full collection, "
        "the first walk of what the call made, which a program with the collector on pays soon "
        "after; a contender that pauses the collector inside (as `wk.load` does) pays it too. The "
        "harness's own objects are frozen meanwhile (`gc.freeze`), so collections walk only what the "
        "call made. "
        "*Collector paused*: the collector is off for the call and nothing else is counted. The "
        "ratios are taken within each repeat; the spread is their min–max and interquartile range.",
        "",
    ]
    before = {row["entities"]: row for row in (baseline or {}).get("load", [])}
    for row in results["load"]:
        n = row["entities"]
        seconds = row["seconds"]
        names = list(dict.fromkeys(k.rsplit(" [", 1)[0] for k in seconds))
        wk_on, wk_paused = seconds[key(WK, ON)], seconds[key(WK, PAUSED)]
        out += [
            f"### {_n(n)} entities ({row['bytes'] / 2**20:.1f} MiB of JSON, {row['repeats']} repeats, "
            f"load average {row.get('load_average', float('nan')):.1f})",
            "",
            "| contender | median s, collector on | ÷ waterketen's | median s, paused | ÷ waterketen's | "
            "records/s (on) |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name in names:
            on, paused = seconds[key(name, ON)], seconds[key(name, PAUSED)]
            out.append(
                f"| {name} | {on:.3f} | {on / wk_on:.2f} | {paused:.3f} | {paused / wk_paused:.2f} | "
                f"{n / on:,.0f} |"
            )
        out.append("")
        out.append(
            f"waterketen against pydantic, collector on: {_spread(ratio(row, PYD, ON))}; paused: "
            f"{_spread(ratio(row, PYD, PAUSED))}; the floor, msgspec's typed decode, is "
            f"{1 / ratio(row, MSGSPEC, ON)['median']:.1f}x faster than the load (collector on)."
        )
        out.append("")
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


def _memory_section(results: dict[str, Any], baseline: dict[str, Any] | None) -> list[str]:
    if not results["memory"]:
        return []
    out = [
        "## Memory",
        "",
        "Measured with tracemalloc in a fresh process per figure: *retained* is what the result "
        "holds (the collector run) once every index is built, *peak* the most the load held at "
        "once, divided by what the load itself retained (the indexes built on demand left out). The "
        "Network's retained bytes are split by walking its objects: the entities with the id "
        "store; the query indexes (shared strings and entities not counted twice); the load's "
        "origins and report.",
        "",
        "| entities | msgspec Structs B/entity | waterketen B/entity (entities + store) | ratio | "
        "indexes B/entity (share) | origins + report B/entity | peak ÷ retained JSON | "
        "peak ÷ retained JSON Lines |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results["memory"]:
        n = row["entities"]
        ms = row["msgspec"]["retained"] / n
        core, index, origin = _parts(row)
        wk = row["waterketen"]
        lines = row.get("waterketen_jsonl")
        lines_peak = (
            f"{lines['peak'] / lines.get('load_retained', lines['retained']):.2f}" if lines else "n/a"
        )
        out.append(
            f"| {_n(n)} | {ms:.0f} | {core:.0f} | {core / ms:.2f} | {index:.0f} ({index / core:.0%}) | "
            f"{origin:.0f} | {wk['peak'] / wk.get('load_retained', wk['retained']):.2f} | {lines_peak} |"
        )
    out.append("")
    out.append(
        "The indexes are measured at their most: every interval tree built, as if every key had "
        "been asked often (counted in the indexes column), and the name index of the first `find()` "
        "(counted apart, in no column). Per entity: "
        + "; ".join(
            f"{_n(r['entities'])}: interval trees {_per(r, 'interval_bytes'):.0f} B, "
            f"name index {_per(r, 'name_index_bytes'):.0f} B"
            for r in results["memory"]
        )
        + "."
    )
    out.append("")
    out.append(
        "Peak bytes per entity: "
        + "; ".join(
            f"{_n(r['entities'])}: msgspec {r['msgspec']['peak'] / r['entities']:.0f}, "
            f"JSON {r['waterketen']['peak'] / r['entities']:.0f}"
            + (
                f", JSON Lines {r['waterketen_jsonl']['peak'] / r['entities']:.0f}"
                if "waterketen_jsonl" in r
                else ""
            )
            for r in results["memory"]
        )
        + "."
    )
    if baseline and baseline.get("memory"):
        old = baseline["memory"][0]
        core, index, origin = _parts(old)
        out.append("")
        out.append(
            f"Before the performance work ({_n(old['entities'])} entities): entities + store "
            f"{core:.0f} B/entity, indexes {index:.0f}, origins + report {origin:.0f}, peak ÷ retained "
            f"{old['waterketen']['peak'] / old['waterketen']['retained']:.2f}."
        )
    out.append("")
    return out


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
        size_text = f"{size:.0f}" if size is not None else "1"
        was = f"{old[name]:.1f}" if name in old else ""
        out.append(f"| {name} | {value:,.1f} | {size_text} | {was} |")
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
    out.append("")
    return out


def _targets(results: dict[str, Any]) -> list[str]:
    out = ["## Targets", ""]
    for row in results["load"]:
        n = row["entities"]
        if n < 100_000:
            continue
        on, paused = ratio(row, PYD, ON), ratio(row, PYD, PAUSED)
        s = row["seconds"]
        out.append(
            f"- Load at {_n(n)}, against pydantic as users run it (collector on): "
            f"{_mark(on['median'] >= LOAD_TARGET)} — {_spread(on)} (target {LOAD_TARGET}x); "
            f"stable to ±{STABLE}: {'yes' if _stable(on) else 'no'}"
            + (
                f"; JSON Lines {ratio(row, PYD, ON, WK_LINES)['median']:.2f}x."
                if key(WK_LINES, ON) in s
                else "."
            )
        )
        out.append(
            f"- Load at {_n(n)}, against pydantic with the collector paused: "
            f"{_mark(paused['median'] >= 1.0)} — {_spread(paused)} (target 1x); stable to ±{STABLE}: "
            f"{'yes' if _stable(paused) else 'no'}; the floor (msgspec) is "
            f"{1 / ratio(row, MSGSPEC, ON)['median']:.1f}x faster than the load, orjson's parse alone "
            f"{1 / ratio(row, ORJSON, ON)['median']:.1f}x."
        )
    if results["memory"]:
        largest = results["memory"][-1]
        n = largest["entities"]
        for name, label in (("waterketen", "JSON"), ("waterketen_jsonl", "JSON Lines")):
            if name in largest:
                peak = largest[name]["peak"] / largest[name].get("load_retained", largest[name]["retained"])
                out.append(
                    f"- Peak memory at {_n(n)} ({label}): {_mark(peak <= 2)} — peak {peak:.2f}x the "
                    "retained Network (target 2x)."
                )
        for row in results["memory"]:
            core, index, origin = _parts(row)
            ms = row["msgspec"]["retained"] / row["entities"]
            met = core <= 1.1 * ms and index <= INDEX_TARGET * core
            out.append(
                f"- Memory at {_n(row['entities'])}: {_mark(met)}"
                f" — entities {core / ms:.2f}x msgspec Structs (target 1.1x), the typed and interval "
                f"indexes at their most +{index / core:.0%} (target {INDEX_TARGET:.0%}); the load's "
                f"origins and report add +{origin / core:.0%} more, the name index "
                f"+{_per(row, 'name_index_bytes') / core:.0%} (all told "
                f"{(core + index + origin + _per(row, 'name_index_bytes')) / ms:.2f}x)."
            )
    q = results.get("queries")
    if q:
        us = q["microseconds"]
        slowest = max(INDEXED, key=lambda k: us[k])
        out.append(
            f"- Indexed look-ups: {_mark(all(us[k] < 10 for k in INDEXED))} — slowest "
            f"`{slowest}` {us[slowest]:.1f} µs (target 10 µs)."
        )
        at = us["at(day) (the view)"]
        out.append(f"- `at(day)` returns a view: {_mark(at < 1000)} — {at:.2f} µs (target 1 ms).")
        if "first_find_seconds" in q:
            out.append(
                f"- The first `find()` (it builds the name index) at {_n(q['entities'])}: "
                f"{q['first_find_seconds'] * 1000:.0f} ms, then {us['find(name) (after the first)']:.0f} µs "
                "a search (counted, no target)."
            )
        out.append(
            f"- networkx view only on the first graph query: "
            f"{_mark(not q['graph_built_before_first_graph_query'])}."
        )
    if results.get("history"):
        import history

        ok, figures = history.flat(results)
        out.append(
            f"- History questions in O(result) (the same answer, the history growing "
            f"{' / '.join(f'{h:,}' for h in results['history']['histories'])}; the snapshot at "
            f"{' / '.join(f'{n:,}' for n in results['history']['snapshot_sizes'])} entities): "
            f"{_mark(ok)} — {figures} (met: the longest history within 3x of the shortest)."
        )
    import start  # bench/start.py

    out.append(start.target(results))
    out.append("")
    return out


def _notes(results: dict[str, Any]) -> list[str]:
    """Why a target is not met, with this run's figures."""
    out = ["## Why a target is not met", ""]
    for row in results["load"]:
        n = row["entities"]
        if n < 100_000:
            continue
        on, paused = ratio(row, PYD, ON), ratio(row, PYD, PAUSED)
        s = row["seconds"]
        if on["median"] < LOAD_TARGET or paused["median"] < 1.0:
            parse = s[key("json.loads (stdlib) parse only", ON)] / s[key(WK, ON)]
            out.append(
                f"- **Load at {_n(n)}** ({on['median']:.2f}x pydantic collector on, {paused['median']:.2f}x "
                f"paused). pydantic-core validates in compiled code; a waterketen load is Python from the "
                f"first byte: the stdlib parse with its duplicate-key check ({parse:.0%} of the load here), "
                "then one frozen, slotted attrs instance per record and per period through the generated "
                "hooks with the model's validators, dates at their precision, references checked, "
                "sources merged and the indexes built. The floor, msgspec's typed decode, is "
                f"{1 / ratio(row, MSGSPEC, ON)['median']:.0f}x faster than the load."
            )
    if not out[2:]:
        out.append("- Every load target above is met in this run.")
    if results.get("history"):
        import history

        ok, figures = history.flat(results)
        if not ok:
            out.append(
                "- **History questions.** The interval trees answer in O(log h + k) for a history of h "
                "and an answer of k: each level of a tree is a bisection and a slice, about half a "
                "microsecond, and a history of 10,000 has about ten levels, so the rows grow by a few "
                f"microseconds while a scan grew a thousandfold (see the section above): {figures}."
            )
    q = results.get("queries")
    if q and not all(q["microseconds"][k] < 10 for k in INDEXED):
        out.append(
            "- **Indexed look-ups.** Each is a few dictionary look-ups and period checks; on a shared "
            f"machine (load average {results.get('load_average', 'n/a')}) a microsecond figure includes "
            "the time the process waited. Compare the rows of the history section, which take the "
            "least of their repeats."
        )
    started = results.get("start")
    if started and not _start_met(started):
        out += _COLD_START
    out.append("")
    return out


def _start_met(started: dict[str, Any]) -> bool:
    """Whether every command on the embedded datasets starts within the target."""
    import start  # bench/start.py

    if "ratio" not in started:
        return False
    return bool(started["ratio"][start._worst(started)] <= start.TARGET)


_COLD_START = [
    "- **Cold start.** The embedded datasets (the Groningen & Noord-Drenthe dataset, `register:`, "
    "`regions:`) ship already structured, beside their JSON (a test checks each against a fresh "
    "load), so a start parses and structures nothing; `import waterketen` is lazy, the built-in "
    "formats, the tables, the builders and the rules are imported only when used, and the methods "
    "attrs writes for the model's classes are compiled once and kept beside the bytecode. What is "
    "left above the bare imports is making the model's classes (attrs builds each class, about 10 ms "
    "on a quiet machine even with the code compiled), the argument parser (only the chosen command's "
    "arguments are built, a few ms), the load itself "
    "(reading the prebuilt form, merging and the indexes: a few ms for the Groningen dataset, more "
    "for the regions) and the answer (the name index for `find`, the summary of 47 cooperations "
    "for `show regions:`).",
]
