"""One row of a table being read through a column mapping: its cells by field, and the bad ones."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .._time import PartialDate, parse_instant
from ..model import OrgKind, Provenance
from ..query import normalise_name
from . import Record


if TYPE_CHECKING:
    from .tables import TableSource

__all__ = ["DUTCH_KINDS", "Row", "slug_of"]

DUTCH_KINDS = {
    "gemeente": "municipality",
    "waterschap": "water-board",
    "wetterskip": "water-board",
    "hoogheemraadschap": "water-board",
    "drinkwaterbedrijf": "water-company",
    "waterbedrijf": "water-company",
    "provincie": "province",
    "overig": "other",
    "anders": "other",
}
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DIGITS = re.compile(r"\d{1,4}")


def slug_of(text: str) -> str:
    return normalise_name(text).replace(" ", "-")


def _day_text(text: str) -> tuple[str, bool]:
    """An ISO form of a date cell, and whether it is a date at all."""
    lowered = text.lower()
    if lowered in ("unknown", "onbekend"):
        return "unknown", True
    match = _DAY_FIRST.fullmatch(text)
    if match:
        day, month, year = match.groups()
        text = f"{year}-{int(month):02d}-{int(day):02d}"
    try:
        parse_instant(text)
    except ValueError:
        return text, False
    return text, True


def _after(text: str) -> str:
    """The day after an inclusive last day (a year or month is kept as it is)."""
    instant = parse_instant(text)
    if isinstance(instant, PartialDate):
        return text
    return (instant + timedelta(days=1)).isoformat() if instant < date.max else text


class Row:
    """One row of a table being read: its cells by mapped field, and the cells found bad."""

    def __init__(
        self,
        source: TableSource,
        number: int,
        cells: tuple[str, ...],
        indexes: dict[str, int],
        where: str = "",
    ) -> None:
        self.source = source
        self.number = number
        self.where = where
        self.cells = {key: cells[index].strip() for key, index in indexes.items()}
        self.bad: set[str] = set()

    def text(self, key: str) -> str | None:
        value = self.cells.get(key)
        return value or None

    def _need(self, key: str) -> str | None:
        value = self.text(key)
        if key in self.cells and value is None:
            self.bad.add(key)
        return value

    def member_id(self) -> str | None:
        for key in ("member_id", "member_name", "member_code"):
            if key in self.cells:
                value = self._need(key)
                if key == "member_id" or value is None:
                    return value
                slug = slug_of(value)
                if not slug:
                    self.bad.add(key)
                return slug or None
        return None  # pragma: no cover - the mapping names one of them

    def code(self) -> str | None:
        value = self.text("member_code")
        if value is not None and self.source.scheme == "cbs" and _DIGITS.fullmatch(value):
            value = f"GM{int(value):04d}"
        return value

    def kind(self) -> str:
        value = self._need("member_kind")
        if value is None:
            return self.source.kind
        kind = DUTCH_KINDS.get(value.lower(), value.lower())
        if kind not in {k.value for k in OrgKind}:
            self.bad.add("member_kind")
            return value
        return kind

    def group_id(self, name_key: str, id_key: str) -> str | None:
        value = self.text(name_key)
        if id_key in self.cells:
            given = self.text(id_key)
            if given is None and value is not None:
                self.bad.add(id_key)
                return ""  # rejected by the core as no id, with the column named
            return given

        if value is None:
            return None  # no group in this row
        slug = slug_of(value)
        if not slug:
            self.bad.add(name_key)
        return slug or value

    def period(self, start_key: str, end_key: str) -> dict[str, str]:
        out = {}
        for bound, key in (("start", start_key), ("end", end_key)):
            value = self.text(key)
            if value is None:
                continue
            text, ok = _day_text(value)
            if not ok:
                self.bad.add(key)
                out[bound] = text  # the core says why, and the locator names the column
                continue
            if bound == "end" and self.source.end_inclusive and text != "unknown":
                text = _after(text)
            out[bound] = text
        return out

    def record(self, tag: str, data: dict[str, Any], used: tuple[str, ...]) -> Record:
        bad = [self.source.columns[k] for k in used if k in self.bad]
        locator = f"{self.where}row {self.number}"
        if bad:
            label = "column" if len(bad) == 1 else "columns"
            locator += f", {label} {', '.join(map(repr, dict.fromkeys(bad)))}"
        data = {key: value for key, value in data.items() if value is not None}
        return Record(tag=tag, data=data, provenance=Provenance(source=self.source.name, locator=locator))
