"""The programme a page states: its agreement and its numbered spearheads."""

from __future__ import annotations

from datetime import date
from typing import Any

from ._facts import AgreementFact, PageFacts
from ._output import LINES, Output, quote
from ._text import make_id, slug


__all__ = ["programme"]


def programme(out: Output, facts: PageFacts, *, prefix: str, cooperation: str) -> None:
    """Emit the page's agreements and spearheads; a repeated statement adds only its lines."""
    _agreements(out, facts, prefix, cooperation)
    _spearheads(out, facts, prefix, cooperation)


def _agreements(out: Output, facts: PageFacts, prefix: str, cooperation: str) -> None:
    stated = next((p.total for p in facts.partners if p.total is not None), None)
    merged: dict[tuple[str, str | None], AgreementFact] = {}
    for fact in facts.agreements:
        key = (fact.name, fact.date.isoformat() if fact.date is not None else None)
        if key in merged:
            first = merged[key]
            first.goals.extend(g for g in fact.goals if g not in first.goals)
            first.targets.extend(t for t in fact.targets if t not in first.targets)
            first.lines.extend(n for n in fact.lines if n not in first.lines)
        else:
            merged[key] = fact
    used: dict[str, int] = {}
    for fact in merged.values():
        year = fact.date.year if fact.date is not None else None
        base = make_id(prefix, f"agreement-{slug(fact.name)}{f'-{year}' if year else ''}")
        used[base] = used.get(base, 0) + 1
        data: dict[str, Any] = {
            "id": base if used[base] == 1 else f"{base}-{used[base]}",
            "name": fact.name,
            "cooperation": cooperation,
            "provenance": out.provenance(*fact.lines),
        }
        if fact.date is not None:
            data["date"] = fact.date.isoformat()
        if fact.goals:
            data["goals"] = [{"name": g} for g in fact.goals]
        if fact.targets:
            data["targets"] = [
                {
                    key: value
                    for key, value in {
                        "text": t.text,
                        "goal": t.goal,
                        "amount": t.amount,
                        "approximate": t.approximate,
                        "by": t.by.isoformat() if t.by is not None else None,
                    }.items()
                    if value is not None
                }
                for t in fact.targets
            ]
        if stated is not None:
            data["partners"] = stated
        data["note"] = f"As the page states it: {quote(fact.sentence)}"
        out.emit("agreement", data, fact.line)


def _spearheads(out: Output, facts: PageFacts, prefix: str, cooperation: str) -> None:
    spearheads: dict[tuple[int, str, date | None, date | None], dict[str, Any]] = {}
    used: dict[str, int] = {}
    for fact in facts.spearheads:
        key = (fact.number, fact.title, fact.start, fact.end)
        data = spearheads.get(key)
        if data is None:
            base = make_id(prefix, f"speerpunt-{fact.number}")
            used[base] = used.get(base, 0) + 1
            spearhead_id = base if used[base] == 1 else f"{base}-{used[base]}"
            if used[base] > 1:
                out.warn(
                    fact.line,
                    "spearheads",
                    f"spearhead number {fact.number} is used again for another spearhead; "
                    f"this one is kept as {spearhead_id!r}: {quote(fact.title)}",
                )
            data = spearheads[key] = {
                "id": spearhead_id,
                "number": fact.number,
                "title": fact.title,
                "cooperation": cooperation,
                LINES: set(),
            }
            if fact.start is not None and fact.end is not None:
                data["period"] = {"start": fact.start.isoformat(), "end": fact.end.isoformat()}
        data[LINES].update(n for n in (fact.line, fact.intro_line) if n)
    for data in spearheads.values():
        out.emit_with_lines("spearhead", data)
