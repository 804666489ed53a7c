"""The datasets that ship inside the package."""

from __future__ import annotations

from importlib.resources import files

from ..errors import Problem, SourceError
from . import SourceType
from .native import NativeSource


__all__ = ["DEFAULT_DATASET", "datasets", "embedded_source"]

DEFAULT_DATASET = "groningen-noord-drenthe"
"""The dataset :func:`waterketen.load` reads when it is given nothing."""


def datasets() -> tuple[str, ...]:
    """The names of the embedded datasets."""
    folder = files("waterketen") / "data"
    return tuple(sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")))


def open_dataset(name: str) -> NativeSource:
    """The embedded dataset called ``name`` as a source.

    Raises:
        SourceError: no dataset has that name.
    """
    name = name or DEFAULT_DATASET
    if name not in datasets():
        raise SourceError(
            Problem(
                source=f"embedded:{name}",
                reason=f"no embedded dataset {name!r}; there are {', '.join(datasets())}",
            )
        )
    return NativeSource(files("waterketen") / "data" / f"{name}.toml", syntax="toml", name=f"embedded:{name}")


embedded_source = SourceType(
    name="embedded",
    description="a dataset shipped inside waterketen (embedded:groningen-noord-drenthe)",
    open=open_dataset,
    schemes=("embedded",),
)
