"""Benchmark of the cold start: the main job and commands on each embedded dataset, against bare imports.

Run alone with ``python bench/start.py [REPEATS]`` (prints JSON and the
section), or as part of ``bench/run.py``. Each command runs in a fresh
process, as a user runs it (the ``waterketen`` script beside the
interpreter); the commands take turns, round after round (interleaved), and
the figure of each is the median of its rounds. The target: every command
starts within 1.6x of ``python -c "import attrs, cattrs, pluggy"`` measured
in the same run.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


TARGET = 1.6
PASS = "python -c pass"
BARE = 'python -c "import attrs, cattrs, pluggy"'
MAIN = "waterketen (main job: the national overview)"
"""The names of the rows that bench/report.py's targets read."""
MAIN_BEFORE = "waterketen (main job, embedded dataset)"
"""The main job's row as runs recorded before its label said what the main job is (bench/baseline.json)."""


def _main(seconds: dict[str, float]) -> float:
    """The main job's seconds of a run, under its label or the one of a run recorded before."""
    return seconds[MAIN] if MAIN in seconds else seconds[MAIN_BEFORE]


def commands(script: str, folder: Path) -> dict[str, tuple[str, list[str]]]:
    """Each command by its label, with the dataset it reads (``""`` for the rows without one)."""
    names = folder / "names.csv"
    names.write_text("naam\nBedum\nWinsum\nGroningen\nHet Hogeland\n", encoding="utf-8")
    python = sys.executable
    return {
        PASS: ("", [python, "-c", "pass"]),
        BARE: ("", [python, "-c", "import attrs, cattrs, pluggy"]),
        'python -c "import waterketen"': ("", [python, "-c", "import waterketen"]),
        MAIN: ("regions: + embedded", [script]),
        "waterketen partners": ("embedded", [script, "partners"]),
        "waterketen find Winsum": ("embedded", [script, "find", "Winsum"]),
        "waterketen seats gnd-regiegroep": ("embedded", [script, "seats", "gnd-regiegroep"]),
        "waterketen register lookup GM0005": ("register:", [script, "register", "lookup", "GM0005"]),
        "waterketen register history bedum": ("register:", [script, "register", "history", "bedum"]),
        "waterketen resolve names.csv --column naam --network register:": (
            "register:",
            [script, "resolve", str(names), "--column", "naam", "--network", "register:"],
        ),
        "waterketen show regions:": ("regions:", [script, "show", "regions:"]),
        "waterketen find Achterhoek regions:": ("regions:", [script, "find", "Achterhoek", "regions:"]),
        "waterketen members regio-achterhoek regions:": (
            "regions:",
            [script, "members", "regio-achterhoek", "regions:"],
        ),
    }


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and processor seconds (user and system) of one run of ``command``, which must answer."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return wall, usage.ru_utime + usage.ru_stime


def bench(repeats: int = 20) -> dict[str, Any]:
    """Median wall seconds of each command in fresh processes, interleaved, and the ratio to bare imports.

    As an installed package would be, the library is byte-compiled first and
    the processes may use the bytecode (attrs, cattrs and pluggy come compiled
    by pip).
    """
    import compileall

    import waterketen

    compileall.compile_dir(Path(waterketen.__file__).parent, quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    script = shutil.which("waterketen", path=str(Path(sys.executable).parent)) or "waterketen"
    with tempfile.TemporaryDirectory() as folder:
        table = commands(script, Path(folder))
        times: dict[str, list[float]] = {name: [] for name in table}
        cpu: dict[str, list[float]] = {name: [] for name in table}
        for _, command in table.values():  # warm the file cache and the bytecode once; each must answer
            subprocess.run(command, capture_output=True, check=True, env=env)
        names = list(table)
        for round_ in range(repeats):
            shift = round_ % len(names)  # each round starts with another command
            for name in names[shift:] + names[:shift]:
                wall, processor = _run(table[name][1], env)
                times[name].append(wall)
                cpu[name].append(processor)
        datasets = {name: dataset for name, (dataset, _) in table.items()}
    seconds = {name: statistics.median(values) for name, values in times.items()}
    cpu_seconds = {name: statistics.median(values) for name, values in cpu.items()}
    bare = seconds[BARE]
    spread = {
        name: (statistics.quantiles(values, n=4)[2] - statistics.quantiles(values, n=4)[0]) / bare
        for name, values in times.items()
        if len(values) >= 4
    }
    return {
        "repeats": repeats,
        "seconds": seconds,
        "datasets": datasets,
        "ratio": {name: value / bare for name, value in seconds.items()},
        "ratio_iqr": spread,
        "cpu_seconds": cpu_seconds,
        "cpu_ratio": {name: value / cpu_seconds[BARE] for name, value in cpu_seconds.items()},
        "load_average": os.getloadavg()[0],
    }


def _mark(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def _worst(r: dict[str, Any]) -> str:
    return max((n for n, d in r["datasets"].items() if d), key=lambda n: r["ratio"][n])


def target(results: dict[str, Any]) -> str:
    """The line of the targets' list on the cold start."""
    r = results["start"]
    if "ratio" not in r:  # a run before bench/start.py: the main job alone
        s = r["seconds"]
        ratio = _main(s) / s[BARE]
        return f"- Cold start: {_mark(ratio <= TARGET)} — {ratio:.2f}x the bare imports (target {TARGET}x)."
    worst = _worst(r)
    met = r["ratio"][worst] <= TARGET
    return (
        f"- Cold start of the main job and every command on the embedded datasets: "
        f"{_mark(met)} — the main job {r['ratio'][MAIN]:.2f}x the bare imports, "
        f"the slowest command (`{worst}`) {r['ratio'][worst]:.2f}x (target {TARGET}x)."
    )


def section(results: dict[str, Any], baseline: dict[str, Any] | None = None) -> list[str]:
    """The results page's section on the cold start."""
    r = results.get("start")
    if not r or "ratio" not in r:
        return []
    out = [
        "## Cold start",
        "",
        f"Wall time of a fresh process, median of {r['repeats']} interleaved rounds (bench/start.py), "
        f"and its ratio to `{BARE}` in the same run (target: at most {TARGET}x for the main job and "
        "every command on the embedded datasets). The spread is half the interquartile range of the "
        "command's times over the median of the bare imports. The processor time (user and system) "
        "of each process is less moved by the other jobs of a busy machine than its wall time. "
        "The embedded datasets ship already structured (a prebuilt form beside each native JSON, "
        "checked by a test against a fresh load).",
        "",
        "| command | dataset | median ms | ratio | spread | met | processor ms | ratio |",
        "|---|---|---:|---:|---:|---|---:|---:|",
    ]
    for name, value in r["seconds"].items():
        dataset = r["datasets"].get(name, "")
        ratio = r["ratio"][name]
        met = ("yes" if ratio <= TARGET else "no") if dataset else ""
        spread = r["ratio_iqr"].get(name)
        processor = r.get("cpu_seconds", {}).get(name)
        on_cpu = " | " if processor is None else f"{processor * 1000:.0f} | {r['cpu_ratio'][name]:.2f}x"
        out.append(
            f"| `{name}` | {dataset} | {value * 1000:.0f} | {ratio:.2f}x | "
            f"{'' if spread is None else f'±{spread / 2:.2f}'} | {met} | {on_cpu} |"
        )
    if baseline and "start" in baseline:
        old = _main(baseline["start"]["seconds"])
        out.append(f"| *before the performance work: `waterketen`* | | {old * 1000:.0f} | | | |")
    worst = _worst(r)
    out += [
        "",
        f"Slowest command: `{worst}`, {r['ratio'][worst]:.2f}x the bare imports "
        f"({'met' if r['ratio'][worst] <= TARGET else 'not met'}); "
        f"load average {r['load_average']:.1f} at the end of this part.",
        "",
    ]
    return out


if __name__ == "__main__":
    found = bench(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
    print(json.dumps(found, indent=1))
    print("\n".join(section({"start": found})))
