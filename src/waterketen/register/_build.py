"""Compile the register's tables into entities and the shipped native JSON; the ``register:`` source.

The register ships pre-built: ``data/register/register.json`` is the native
JSON that :func:`compiled` makes of the CSV tables (one record a line), and
``wk.load("register:")`` reads it. A test fails when the shipped file is not
what :func:`compiled` gives; ``nox -s dataset`` writes it again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .._data import data_folder
from ..errors import Problem, SourceError
from ..formats.native import FORMAT, SECTIONS, VERSION, NativeSource
from ..model import ENTITY_TYPES, Entity, Provenance
from ..sources import Record, Source, SourceType


if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from ..network import Network

__all__ = ["compiled", "entities", "open_register", "register_source", "shipped_path"]

NAME = "register:"
"""The name under which the register's records are loaded."""

_SECTION_OF = {tag: section for section, tag in SECTIONS.items()}


def entities() -> tuple[Entity, ...]:
    """Every entity of the register, built from its tables: organisations first, then changes."""
    from ._bodies import drinking_water_companies, provinces, water_boards
    from ._municipalities import municipalities

    towns, town_changes = municipalities()
    boards, board_changes = water_boards()
    return (*towns, *boards, *drinking_water_companies(), *provinces(), *town_changes, *board_changes)


def compiled() -> str:
    """The native JSON of the register, one record a line: what ``data/register/register.json`` holds."""
    from ..convert import unstructure_entity

    by_tag: dict[str, list[str]] = {}
    for entity in entities():
        text = json.dumps(unstructure_entity(entity), ensure_ascii=False, separators=(",", ":"))
        by_tag.setdefault(entity.tag, []).append(text)
    parts = [
        f'"format":"{FORMAT}"',
        f'"version":{VERSION}',
        '"source":{"name":"the national register (built in)"}',
    ]
    for tag in ENTITY_TYPES:
        if tag in by_tag:
            parts.append(f'"{_SECTION_OF[tag]}":[\n' + ",\n".join(by_tag[tag]) + "\n]")
    return "{" + ",\n".join(parts) + "}\n"


def shipped_path() -> Traversable:
    """Where the compiled register is shipped."""
    return data_folder() / "register" / "register.json"


class _BuiltSource:
    """The register built from its tables in memory (when the compiled file is missing)."""

    name = NAME

    def records(self) -> Iterator[Record]:
        from ..convert import unstructure_entity

        counts: dict[str, int] = {}
        for entity in entities():
            index = counts[entity.tag] = counts.get(entity.tag, -1) + 1
            locator = f"/{_SECTION_OF[entity.tag]}/{index}"
            yield Record(
                tag=entity.tag,
                data=unstructure_entity(entity),
                provenance=Provenance(source=NAME, locator=locator),
            )


def open_register(location: str = "") -> Source:
    """The register as a source: ``register:`` (the location must be empty).

    Raises:
        SourceError: a location was given.
    """
    if location:
        raise SourceError(
            Problem(source=f"{NAME}{location}", reason="the register takes no location: write register:")
        )
    path = shipped_path()
    if path.is_file():
        prebuilt = data_folder() / "register" / "register.pickle"
        return NativeSource(path, syntax="json", name=NAME, prebuilt=prebuilt)
    return _BuiltSource()


def load_register() -> Network:
    """The register as a :class:`~waterketen.Network` (``wk.load("register:")``)."""
    from ..loading import _shipped, load

    shipped = _shipped((NAME,), None)  # the load of the register alone ships prebuilt
    if shipped is not None and shipped.report is not None and shipped.report.ok:
        return shipped
    return load(open_register())


register_source = SourceType(
    name="register",
    description="the national register built in: municipalities 2010-2025, water boards, "
    "drinking-water companies, provinces and their successions (register:)",
    open=open_register,
    schemes=("register",),
)
