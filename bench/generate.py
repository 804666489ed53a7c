"""Synthetic networks for the benchmark, from a fixed seed.

The data is made up: numbered organisations, clusters, bodies, posts, persons,
memberships, tenures and merger events with periods, shaped like the embedded
dataset but repeated in blocks (one block is one cooperation). Nothing here is a
fact about a real network.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any


SEED = 20190403
CLUSTERS = 8
ORGANISATIONS = 36
MERGERS = 4
_EPOCH = date(1990, 1, 1)
_SPAN = (date(2020, 1, 1) - _EPOCH).days


def _day(rng: random.Random, low: int = 0, high: int = _SPAN) -> int:
    return rng.randint(low, high)


def _text(rng: random.Random, day: int) -> str:
    """A day as ISO text; one bound in ten is known only to the year, one in fifty to the month."""
    value = _EPOCH + timedelta(days=day)
    roll = rng.random()
    if roll < 0.1:
        return f"{value.year:04d}"
    if roll < 0.12:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _period(rng: random.Random, start: int | None, end: int | None) -> dict[str, str]:
    period = {}
    if start is not None:
        period["start"] = "unknown" if rng.random() < 0.02 else _text(rng, start)
    if end is not None:
        period["end"] = _text(rng, end)
    return period


def _safe_period(rng: random.Random, start: int | None, end: int | None) -> dict[str, str]:
    """A period whose bounds, at their precision, still do not overlap (years can collide)."""
    while True:
        period = _period(rng, start, end)
        if not (start is not None and end is not None):
            return period
        if "unknown" in period.values():
            return period
        a, b = period["start"], period["end"]
        if b[:4] > a[:4] or (len(a) == len(b) == 10 and b > a):
            return period
        if end - start < 800:
            return {
                "start": (_EPOCH + timedelta(days=start)).isoformat(),
                "end": (_EPOCH + timedelta(days=end)).isoformat(),
            }


def _block(rng: random.Random, b: int, out: dict[str, list[dict[str, Any]]]) -> None:
    """One cooperation with its clusters, bodies, posts, holders, partners and mergers."""
    coop = f"coop-{b}"
    coop_start = _day(rng, 0, 3000)
    out["cooperations"].append(
        {"id": coop, "name": f"Synthetic cooperation {b}", "period": _safe_period(rng, coop_start, None)}
    )
    clusters = [f"{coop}-c{i}" for i in range(CLUSTERS)]
    for i, cluster in enumerate(clusters):
        out["clusters"].append(
            {
                "id": cluster,
                "name": f"Cluster {b}.{i}",
                "cooperation": coop,
                "period": _safe_period(rng, coop_start, None),
            }
        )
    steering = f"{coop}-steering"
    out["bodies"].append(
        {"id": steering, "name": f"Steering group {b}", "kind": "steering-group", "cooperation": coop}
    )
    for i, cluster in enumerate(clusters):
        team = f"{cluster}-team"
        out["bodies"].append(
            {
                "id": team,
                "name": f"Water team {b}.{i}",
                "kind": "water-team",
                "cooperation": coop,
                "cluster": cluster,
            }
        )
        for role, name, duties in (
            (
                "coordinator",
                "Cluster coordinator",
                [{"role": "lead", "body": team}, {"role": "member", "body": steering}],
            ),
            ("secretary", "Team secretary", [{"role": "secretary", "body": team}]),
        ):
            post = f"{cluster}-{role}"
            out["posts"].append(
                {
                    "id": post,
                    "name": f"{name} {b}.{i}",
                    "cooperation": coop,
                    "duties": duties,
                    "represents": cluster,
                }
            )
            handover = _day(rng, coop_start + 1, _SPAN)
            for k, period in enumerate(((coop_start, handover), (handover, None))):
                person = f"p-{post}-{k}"
                out["persons"].append({"id": person, "name": f"Person {b}.{i}.{role}.{k}"})
                out["tenures"].append(
                    {
                        "id": f"{person}@{post}",
                        "holder": person,
                        "post": post,
                        "period": _safe_period(rng, *period),
                    }
                )
    orgs: list[tuple[str, int | None, int | None]] = []
    for i in range(ORGANISATIONS):
        orgs.append((f"{coop}-o{i}", _day(rng, 0, 6000) if rng.random() < 0.7 else None, None))
    # Mergers: two partners end, a new one starts on the same day.
    for m in range(MERGERS):
        a, c = orgs[2 * m], orgs[2 * m + 1]
        day = _day(rng, 7000, _SPAN)
        orgs[2 * m] = (a[0], a[1], day)
        orgs[2 * m + 1] = (c[0], c[1], day)
        new = f"{coop}-n{m}"
        orgs.append((new, day, None))
        iso = (_EPOCH + timedelta(days=day)).isoformat()
        out["changes"].append(
            {
                "id": f"{coop}-merger-{m}",
                "kind": "merger",
                "date": iso,
                "before": [{"id": a[0]}, {"id": c[0]}],
                "after": [{"id": new}],
            }
        )
    for n, (org, start, end) in enumerate(orgs):
        kind = "municipality" if n < len(orgs) - 6 else rng.choice(["water-board", "water-company", "other"])
        record: dict[str, Any] = {
            "id": org,
            "name": f"Synthetic {kind} {b}-{n}",
            "kind": kind,
            "identifiers": [
                {"scheme": "cbs", "value": f"GM{b:05d}{n:02d}"},
                {"scheme": "kvk", "value": f"{rng.randrange(10**7, 10**8)}"},
            ],
        }
        exact = {k: v for k, v in (("start", start), ("end", end)) if v is not None}
        if exact:
            record["period"] = {k: (_EPOCH + timedelta(days=v)).isoformat() for k, v in exact.items()}
        out["organisations"].append(record)
        joined = max(start or 0, coop_start)
        if end is not None and end <= joined:
            continue
        out["memberships"].append(
            {"id": f"{org}@{coop}", "member": org, "group": coop, "period": _safe_period(rng, joined, end)}
        )
        first, second = rng.sample(clusters, 2)
        if rng.random() < 0.5 and (end or _SPAN) - joined > 60:
            moved = _day(rng, joined + 30, (end or _SPAN) - 30)
            out["memberships"].append(
                {
                    "id": f"{org}@{first}",
                    "member": org,
                    "group": first,
                    "period": _safe_period(rng, joined, moved),
                }
            )
            out["memberships"].append(
                {
                    "id": f"{org}@{second}",
                    "member": org,
                    "group": second,
                    "period": _safe_period(rng, moved, end),
                }
            )
        else:
            out["memberships"].append(
                {
                    "id": f"{org}@{first}",
                    "member": org,
                    "group": first,
                    "period": _safe_period(rng, joined, end),
                }
            )


SECTIONS = (
    "cooperations",
    "organisations",
    "clusters",
    "bodies",
    "posts",
    "persons",
    "memberships",
    "tenures",
    "changes",
)


def generate(n: int, seed: int = SEED) -> dict[str, Any]:
    """A native document of about ``n`` entities (whole blocks, at least ``n``)."""
    rng = random.Random(seed)
    out: dict[str, list[dict[str, Any]]] = {s: [] for s in SECTIONS}
    b = 0
    while sum(map(len, out.values())) < n:
        _block(rng, b, out)
        b += 1
    return {"format": "waterketen", "version": 1, "source": {"name": f"synthetic n={n} seed={seed}"}, **out}


def count(document: dict[str, Any]) -> int:
    """The number of entities in a document."""
    return sum(len(v) for k, v in document.items() if isinstance(v, list))


def _stamp(n: int, seed: int) -> dict[str, Any]:
    """What the files of ``n`` entities are made from: the size, the seed and this generator's text.

    The generator's version is the hash of this file, so any edit to it makes new files; the
    Python version is part of it too (``random`` may draw differently in another one).
    """
    source = Path(__file__).read_bytes()
    return {
        "n": n,
        "seed": seed,
        "generator": hashlib.sha256(source).hexdigest()[:16],
        "python": f"{sys.version_info[0]}.{sys.version_info[1]}",
    }


def write(n: int, folder: Path, seed: int = SEED) -> tuple[Path, Path, int]:
    """Write the network of about ``n`` entities as native JSON and JSON Lines; return both paths.

    The files are written once per size, seed and generator version: when a stamp beside them
    says they were made from the same (and their sizes still match it), they are kept as they are.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{n}.json"
    lines = folder / f"synthetic-{n}.jsonl"
    stamp_path = folder / f"synthetic-{n}.stamp.json"
    wanted = _stamp(n, seed)
    try:
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
        if stamp["made_from"] == wanted and stamp["bytes"] == [path.stat().st_size, lines.stat().st_size]:
            return path, lines, int(stamp["entities"])
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no stamp, or files made otherwise: write them again
    document = generate(n, seed)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with lines.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({k: v for k, v in document.items() if not isinstance(v, list)}) + "\n")
        for section in SECTIONS:
            tag = "body" if section == "bodies" else section[:-1]
            for record in document[section]:
                handle.write(json.dumps({tag: record}, ensure_ascii=False) + "\n")
    entities = count(document)
    stamp = {"made_from": wanted, "entities": entities, "bytes": [path.stat().st_size, lines.stat().st_size]}
    stamp_path.write_text(json.dumps(stamp), encoding="utf-8")
    return path, lines, entities
