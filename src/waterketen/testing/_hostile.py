"""Hypothesis strategies for hostile files: what a lenient load must reject alone, naming the place.

Each strategy gives the input and what a load of it must say: the place and
field of the one bad value, or the numbers of the bad lines or rows among
good ones (see ``tests/test_fuzz.py``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

from ._strategies import names, networks


__all__ = ["json_lines", "non_finite_documents", "ragged_csv", "unwritable", "unwritable_documents"]


unwritable = st.characters(categories=["Cs"]) | st.sampled_from(["\ufffe", "\uffff"])
"""Characters no file can hold: lone surrogates, and U+FFFE and U+FFFF (no XML holds them)."""

_NOT_TEXT = frozenset({"period", "date", "by", "kind", "start", "end"})  # dates and kinds: no text fields


def _text_paths(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_TEXT and not (key == "role" and "duties" in path):
                yield from _text_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _text_paths(item, (*path, index))


@st.composite
def unwritable_documents(draw: st.DrawFn) -> tuple[dict[str, Any], str, str]:
    """A valid native document (of :func:`networks`) with one character no file can hold in one text field.

    Any text field: names, ids, references, notes, codes, provenance. Returns
    the document (write it with ``json.dumps``, which escapes the character),
    and the place and field the load must name (``/organisations/2``,
    ``other_names/0``).
    """
    from ..formats.native import dumps

    document = json.loads(dumps(draw(networks())))
    path = draw(st.sampled_from([p for p in _text_paths(document) if len(p) > 2]))
    parent: Any = document
    for key in path[:-1]:
        parent = parent[key]
    text = parent[path[-1]]
    at = draw(st.integers(0, len(text)))
    parent[path[-1]] = text[:at] + draw(unwritable) + text[at:]
    return document, f"/{path[0]}/{path[1]}", "/".join(map(str, path[2:]))


_NUMBERS = {
    "targets/0/amount": (
        "agreements",
        {"id": "a", "name": "A", "cooperation": "c", "targets": [{"text": "t"}]},
    ),
    "partners": ("agreements", {"id": "a", "name": "A", "cooperation": "c"}),
    "seats": ("bodies", {"id": "b", "name": "B", "kind": "other", "cooperation": "c"}),
    "number": ("spearheads", {"id": "s", "title": "S", "cooperation": "c"}),
}


def _toml(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml, value)) + "]"
    return value if value.startswith("@") else json.dumps(value)


@st.composite
def non_finite_documents(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """A native document, JSON or TOML, one of whose numbers is not finite (JSON ``1e400``, TOML ``nan``).

    Returns the suffix (``.json`` or ``.toml``), the text, and the place and
    field the load must name (``/agreements/0``, ``targets/0/amount``).
    """
    suffix = draw(st.sampled_from([".json", ".toml"]))
    field = draw(st.sampled_from(sorted(_NUMBERS)))
    section, record = _NUMBERS[field]
    record = json.loads(json.dumps(record))
    (record["targets"][0] if field.startswith("targets") else record)[field.split("/")[-1]] = "@"
    if suffix == ".json":
        token = draw(st.sampled_from(["1e400", "-1e400", "1E999", "-2e308", "4.5e1000"]))
        document = {"cooperations": [{"id": "c", "name": "C"}], section: [record]}
        return suffix, json.dumps(document).replace('"@"', token), f"/{section}/0", field
    token = draw(st.sampled_from(["inf", "+inf", "-inf", "nan", "+nan", "-nan"]))
    lines = ["[[cooperations]]", 'id = "c"', 'name = "C"', f"[[{section}]]"]
    lines += [f"{k} = {_toml(v)}" for k, v in record.items()]
    return suffix, "\n".join(lines).replace("@", token) + "\n", f"/{section}/0", field


_BAD_LINES = [
    '{"organisation": {"id": "broken", ',
    "[1, 2, 3]",
    "42",
    '"text"',
    "{}",
    '{"a": 1, "b": 2}',
    '{"nonsense": {"id": "x"}}',
    '{"cooperation": {"id": "no such id", "name": "N"}}',
    '{"cooperation": {"id": "d", "id": "e", "name": "N"}}',
    '{"cooperation": {"id": "f", "name": "N", "colour": "blue"}}',
]


@st.composite
def json_lines(draw: st.DrawFn) -> tuple[bytes, int, list[int]]:
    """A JSON Lines file: good records with bad lines among them (broken JSON, no object, an
    unknown kind, a bad record), with LF, CRLF or CR line ends.

    Returns the bytes, how many records are good, and the numbers of the bad
    lines (the header is line 1): a lenient load keeps the good ones and
    rejects each bad line alone, with its number.
    """
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines, bad = ['{"format": "waterketen", "version": 1}'], []
    for good in draw(st.lists(st.booleans(), max_size=12)):
        if good:
            lines.append(json.dumps({"cooperation": {"id": f"c{len(lines)}", "name": draw(names)}}))
        else:
            lines.append(draw(st.sampled_from(_BAD_LINES)))
            bad.append(len(lines))
    return (end.join(lines) + end).encode("utf-8"), len(lines) - 1 - len(bad), bad


@st.composite
def ragged_csv(draw: st.DrawFn) -> tuple[str, int, list[int]]:
    """The ``organisations.csv`` of a CSV directory: rows with too many or too few cells among good ones.

    Returns the text, how many rows are good, and the numbers of the ragged
    rows (the header is row 1): a lenient load keeps the good rows and
    rejects each ragged one alone.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "name", "kind"])
    bad = []
    rows = draw(st.lists(st.sampled_from(["good", "long", "short"]), max_size=10))
    for number, shape in enumerate(rows, start=2):
        cells = [f"o{number}", draw(names), "municipality"]
        if shape == "long":
            cells += draw(st.lists(st.text(max_size=3), min_size=1, max_size=3))
        elif shape == "short":
            cells = cells[: draw(st.integers(1, 2))]
        bad += [number] if shape != "good" else []
        writer.writerow(cells)
    return out.getvalue(), len(rows) - len(bad), bad
