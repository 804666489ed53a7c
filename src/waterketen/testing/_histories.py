"""Hypothesis strategies for histories and files: networks with changes, native documents, damaged bytes."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from .._time import Period
from ..model import (
    Change,
    ChangeKind,
    Cooperation,
    Entity,
    Membership,
    Organisation,
    OrgKind,
    Part,
)
from ..network import Network


__all__ = [
    "assert_loads_safely",
    "damaged",
    "histories",
    "json_values",
    "native_documents",
    "register_profiles",
]


@st.composite
def histories(draw: st.DrawFn, *, max_organisations: int = 8, max_changes: int = 5) -> Network:
    """Networks of organisations that merge over time, consistent with validity.

    Each change ends its predecessors the day it starts its successor; partners
    of the one cooperation join on their first day and leave on their last.
    """
    day = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2000, 1, 1)))
    coop = Cooperation(id="coop", name="Coop")
    alive = [f"org-{i}" for i in range(draw(st.integers(2, max_organisations)))]
    starts: dict[str, date | None] = dict.fromkeys(alive)
    ends: dict[str, date] = {}
    changes: list[Change] = []
    for number in range(draw(st.integers(0, max_changes))):
        if len(alive) < 2:
            break
        day = day + timedelta(days=draw(st.integers(1, 2000)))
        merging = draw(st.lists(st.sampled_from(alive), min_size=1, max_size=len(alive), unique=True))
        successor = f"new-{number}"
        partial = draw(st.booleans()) and len(merging) > 1
        for org in merging:
            if not partial or org != merging[0]:
                ends[org] = day
        alive = [o for o in alive if o not in ends] + [successor]
        starts[successor] = day
        kind = ChangeKind.MERGER if len(merging) > 1 else ChangeKind.RENAME
        changes.append(
            Change(
                id=f"change-{number}",
                kind=kind,
                date=day,
                before=tuple(Part(id=o, partial=partial and o == merging[0]) for o in merging),
                after=(Part(id=successor),),
            )
        )
    entities: list[Entity] = [coop]
    for org, start in starts.items():
        period = Period(start=start, end=ends.get(org))
        entities.append(Organisation(id=org, name=org.title(), kind=OrgKind.MUNICIPALITY, period=period))
        entities.append(Membership(id=f"{org}@coop", member=org, group="coop", period=period))
    return Network([*entities, *changes])


# -- bad input, for the fuzz tests of every loader ------------------------------------------------

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
"""Arbitrary JSON values."""

_FIELD_VALUES = st.one_of(
    json_values,
    st.sampled_from(["2019-02-31", "31-02-2019", "2019-13", "2020..2019", "unknown", "..", "", " ", "x y"]),
    st.sampled_from(["municipality", "gemeentee", "chair", "c", "o", "k"]),
)


@st.composite
def native_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Native documents that are nearly right: real sections and fields, bad values.

    They reach deep into the converter and the reference checks: wrong types,
    unknown fields, impossible dates, duplicate ids, unknown references.
    """
    from ..formats.native import SECTIONS
    from ..model import ENTITY_TYPES

    document: dict[str, Any] = {}
    for section in draw(st.lists(st.sampled_from(sorted(SECTIONS)), max_size=4, unique=True)):
        cls = ENTITY_TYPES[SECTIONS[section]]
        names = [a.name for a in cls.__attrs_attrs__]
        records = []
        for _ in range(draw(st.integers(0, 3))):
            keys = draw(st.lists(st.sampled_from([*names, "colour"]), max_size=len(names) + 1, unique=True))
            records.append({key: draw(_FIELD_VALUES) for key in keys})
        document[section] = records
    return document


@st.composite
def damaged(draw: st.DrawFn, text: str) -> bytes:
    """The bytes of ``text`` damaged the ways real files are: truncated, with a
    byte-order mark, in Latin-1 or UTF-16, with CRLF or NUL bytes."""
    data = text.encode("utf-8")
    how = draw(st.sampled_from(["truncate", "bom", "latin-1", "utf-16", "crlf", "nul", "flip"]))
    if how == "truncate":
        return data[: draw(st.integers(0, max(len(data) - 1, 0)))]
    if how == "bom":
        return b"\xef\xbb\xbf" + data
    if how == "latin-1":
        return text.encode("latin-1", errors="replace")
    if how == "utf-16":
        return text.encode("utf-16")
    if how == "crlf":
        return data.replace(b"\n", b"\r\n")
    if how == "nul":
        at = draw(st.integers(0, len(data)))
        return data[:at] + b"\x00" + data[at:]
    at = draw(st.integers(0, max(len(data) - 1, 0)))
    return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]


def assert_loads_safely(location: str, *, plugins: Any = None) -> None:
    """Load ``location`` strictly and leniently; fail if anything but the
    library's own errors escapes, or if the accounting does not hold.

    For plugin authors: call it from a hypothesis test that writes bad
    bytes to a file of your source's suffix.
    """
    from ..errors import WaterketenError
    from ..loading import load

    with contextlib.suppress(WaterketenError):
        load(location, plugins=plugins)
    network = load(location, strict=False, plugins=plugins)
    report = network.report
    assert report is not None
    assert report.read == report.accepted + len(report.rejected), report


def register_profiles() -> None:
    """Register the hypothesis profiles the project's test suites share, and load one.

    ``dev`` (50 examples, the default), ``ci`` (200, when ``CI`` is set) and
    ``deep`` (5000); ``HYPOTHESIS_PROFILE`` chooses one by name. Call it from
    a ``conftest.py``.
    """
    import os

    from hypothesis import HealthCheck, settings

    settings.register_profile("dev", max_examples=50, deadline=None)
    settings.register_profile(
        "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
    )
    settings.register_profile(
        "deep", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck)
    )
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
