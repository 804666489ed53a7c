"""Where a page's records and warnings are collected, with the provenance of each."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import waterketen as wk
import waterketen.errors


__all__ = ["LINES", "MAX_EMPTY_WARNINGS", "MAX_PROVENANCE", "MAX_WARNINGS", "Output", "quote"]

MAX_PROVENANCE = 50
"""A record stated on more lines than this names the first ones and then the range of the rest."""
MAX_WARNINGS = 200
"""At most this many warnings of one field (names, clusters, ...) are given one by one."""
MAX_EMPTY_WARNINGS = 100
"""Paragraphs that yielded nothing are each reported up to this many; the rest in one warning."""
LINES = "_lines"
"""A key of record data under construction: the lines it comes from (see :meth:`Output.emit_with_lines`)."""


def quote(sentence: str) -> str:
    """A sentence as a warning quotes it (at most 200 characters).

    Examples:
        >>> quote("De regio is verdeeld in 7 clusters.")
        '“De regio is verdeeld in 7 clusters.”'
    """
    return f"“{sentence[:200]}{'…' if len(sentence) > 200 else ''}”"


class Output:
    """The records and warnings of one page."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.records: list[wk.Record] = []
        self.warnings: list[wk.Problem] = []

    def provenance(self, *lines: int | None) -> list[dict[str, str]]:
        """The provenance of a record stated on these lines (``line 9``, ...)."""
        numbers = sorted({n for n in lines if n})
        out = [{"source": self.source, "locator": f"line {n}"} for n in numbers[: MAX_PROVENANCE - 1]]
        rest = numbers[MAX_PROVENANCE - 1 :]
        if len(rest) == 1:
            out.append({"source": self.source, "locator": f"line {rest[0]}"})
        elif rest:
            out.append({"source": self.source, "locator": f"{len(rest)} more lines, {rest[0]} to {rest[-1]}"})
        return out

    def warn(self, line: int | None, field: str, reason: str) -> None:
        """A warning about ``field`` on a line."""
        self.warnings.append(
            wk.Problem(
                source=self.source,
                place=f"line {line}" if line else None,
                field=field,
                reason=reason,
                severity=wk.errors.Severity.WARNING,
            )
        )

    def emit(self, tag: str, data: dict[str, Any], line: int | None) -> None:
        """A record, found on ``line``."""
        self.records.append(
            wk.Record(
                tag=tag,
                data=data,
                provenance=wk.Provenance(source=self.source, locator=f"line {line}" if line else None),
            )
        )

    def emit_with_lines(self, tag: str, data: dict[str, Any]) -> None:
        """A record whose data holds its lines under :data:`LINES`; they become its provenance."""
        lines = sorted(data.pop(LINES))
        data["provenance"] = self.provenance(*lines)
        self.emit(tag, data, lines[0] if lines else None)

    def report_empty(self, empty: list[tuple[str, str]]) -> None:
        """A warning for each paragraph (place, first line) that yielded nothing."""
        for place, text in empty[:MAX_EMPTY_WARNINGS]:
            self.warnings.append(
                wk.Problem(
                    source=self.source,
                    place=place,
                    field="paragraph",
                    reason=f"yielded nothing: {quote(text)}",
                    severity=wk.errors.Severity.WARNING,
                )
            )
        if len(empty) > MAX_EMPTY_WARNINGS:
            rest = empty[MAX_EMPTY_WARNINGS:]
            self.warnings.append(
                wk.Problem(
                    source=self.source,
                    place=f"{rest[0][0]} to {rest[-1][0]}",
                    field="paragraph",
                    reason=f"{len(rest)} more paragraphs yielded nothing",
                    severity=wk.errors.Severity.WARNING,
                )
            )

    def capped(self) -> list[wk.Problem]:
        """The warnings, at most :data:`MAX_WARNINGS` of each field, the rest told in one more."""
        kept: list[wk.Problem] = []
        rest: dict[str | None, list[wk.Problem]] = defaultdict(list)
        seen: dict[str | None, int] = defaultdict(int)
        for warning in self.warnings:
            seen[warning.field] += 1
            (kept if seen[warning.field] <= MAX_WARNINGS else rest[warning.field]).append(warning)
        for field_name, more in rest.items():
            kept.append(
                wk.Problem(
                    source=self.source,
                    place=f"{more[0].place} to {more[-1].place}",
                    field=field_name,
                    reason=f"{len(more)} more warnings like those above",
                    severity=wk.errors.Severity.WARNING,
                )
            )
        return kept
