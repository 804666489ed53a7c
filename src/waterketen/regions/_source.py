"""The ``regions:`` source: the regions compiled to native JSON, shipped, and loaded with their findings.

``data/regions/regions.json`` is the native JSON that :func:`compiled` makes
of the research files (with the register organisations they refer to), and
``data/regions/findings.json`` the build's findings (stated counts that
disagree with the names listed, names not resolved, names resolved by a rule
other than their spelling). ``wk.load("regions:")`` reads the first and gives
the second as the load's warnings. A test fails when either shipped file is
not what the research files give; ``nox -s dataset`` writes them again.
"""

from __future__ import annotations

import json
from os import PathLike
from typing import TYPE_CHECKING

from .._data import data_folder
from ..errors import Problem, SourceError
from ..formats.native import FORMAT, SECTIONS, VERSION, NativeSource
from ..model import ENTITY_TYPES
from ..sources import SourceType


if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


__all__ = ["NAME", "RegionsSource", "compiled", "compiled_findings", "open_regions", "regions_source"]

NAME = "regions:"
"""The name under which the regions' records are loaded."""

_SECTION_OF = {tag: section for section, tag in SECTIONS.items()}


def compiled() -> tuple[str, str]:
    """The native JSON of the regions (one record a line) and the findings' JSON, as shipped."""
    from ..convert import unstructure_entity
    from ._build import build

    built = build()
    by_tag: dict[str, list[str]] = {}
    for entity in built.entities:
        text = json.dumps(unstructure_entity(entity), ensure_ascii=False, separators=(",", ":"))
        by_tag.setdefault(entity.tag, []).append(text)
    parts = [
        f'"format":"{FORMAT}"',
        f'"version":{VERSION}',
        '"source":{"name":"the regional water-chain cooperations (built in)"}',
    ]
    for tag in ENTITY_TYPES:
        if tag in by_tag:
            parts.append(f'"{_SECTION_OF[tag]}":[\n' + ",\n".join(by_tag[tag]) + "\n]")
    findings = [
        {"region": x.region, "kind": x.kind, "message": x.message, "source": x.source} for x in built.findings
    ]
    report = {"skipped": list(built.skipped), "findings": findings}
    return "{" + ",\n".join(parts) + "}\n", json.dumps(report, ensure_ascii=False, indent=1) + "\n"


def compiled_findings() -> list[dict[str, str]]:
    """The shipped findings, as mappings of ``region``, ``kind``, ``message`` and ``source``."""
    data = json.loads(_shipped("findings.json").read_text(encoding="utf-8"))
    return list(data["findings"])


def _shipped(name: str) -> Traversable:
    return data_folder() / "regions" / name


class RegionsSource(NativeSource):
    """The shipped regions; its ``warnings`` are the build's findings that need a reader's eye."""

    def __init__(
        self,
        path: str | PathLike[str] | Traversable,
        *,
        syntax: str,
        name: str | None = None,
        prebuilt: Traversable | None = None,
    ) -> None:
        super().__init__(path, syntax=syntax, name=name, prebuilt=prebuilt)
        for finding in compiled_findings():
            if finding["kind"] != "rule":
                self.warnings.append(
                    Problem(
                        source=NAME,
                        place=f"regions/{finding['region']}.toml",
                        reason=f"{finding['message']} ({finding['source']})",
                    )
                )


def open_regions(location: str = "") -> RegionsSource:
    """The regions as a source: ``regions:`` (the location must be empty).

    Raises:
        SourceError: a location was given.
    """
    if location:
        raise SourceError(
            Problem(source=f"{NAME}{location}", reason="the regions take no location: write regions:")
        )
    return RegionsSource(
        _shipped("regions.json"), syntax="json", name=NAME, prebuilt=_shipped("regions.pickle")
    )


regions_source = SourceType(
    name="regions",
    description="the regional water-chain cooperations built in, each record citing its page (regions:)",
    open=open_regions,
    schemes=("regions",),
)
