"""The datasets that ship inside the package.

Each dataset is kept as TOML (``data/<name>.toml``, commented, edited by hand;
its organisations may refer to the national register, see
:mod:`waterketen.register.overlay`) and shipped also as the native JSON
written from it (``data/<name>.json``),
which loads some forty times faster: the main job starts on the JSON. A test
fails when the JSON is not what :func:`compiled` makes of the TOML;
``nox -s dataset`` writes it again.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._data import data_folder
from ..errors import Problem, SourceError
from ..formats.native import NativeSource
from . import Record, SourceType


__all__ = ["DEFAULT_DATASET", "compiled", "datasets", "embedded_source", "open_dataset"]

DEFAULT_DATASET = "groningen-noord-drenthe"
"""The dataset :func:`waterketen.load` reads when it is given nothing."""


def datasets() -> tuple[str, ...]:
    """The names of the embedded datasets."""
    folder = data_folder()
    return tuple(sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")))


class _Compiled:
    """A dataset's TOML with its references to the register filled in (:mod:`waterketen.register.overlay`)."""

    def __init__(self, name: str) -> None:
        self.name = f"embedded:{name}"
        self.path = data_folder() / f"{name}.toml"

    def records(self) -> Iterator[Record]:
        from ..formats.files import parse_toml
        from ..formats.native import records_of_document
        from ..register.overlay import with_register

        document = with_register(parse_toml(self.path.read_text(encoding="utf-8"), self.name))
        return records_of_document(document, self.name)


def compiled(name: str = DEFAULT_DATASET) -> str:
    """The native JSON of the dataset's TOML, its references to the register
    filled in: what ``data/<name>.json`` must hold."""
    from ..formats.native import dumps
    from ..loading import load

    return dumps(load(_Compiled(name)))


def open_dataset(name: str) -> NativeSource | _Compiled:
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
    folder = data_folder()
    if (folder / f"{name}.json").is_file():
        return NativeSource(
            folder / f"{name}.json",
            syntax="json",
            name=f"embedded:{name}",
            prebuilt=folder / f"{name}.pickle",
        )
    return _Compiled(name)


embedded_source = SourceType(
    name="embedded",
    description="a dataset shipped inside waterketen (embedded:groningen-noord-drenthe)",
    open=open_dataset,
    schemes=("embedded",),
)
