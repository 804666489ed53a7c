"""Where the package's own data lives (``waterketen/data``), found without importing importlib.resources.

Installed as files (the usual case), the folder is beside this module and a
:class:`~pathlib.Path`; from a zip, :func:`importlib.resources.files` finds it.
Either way it is a :class:`~importlib.resources.abc.Traversable`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["data_folder"]


def data_folder() -> Traversable:
    """The folder of the packaged data.

    Examples:
        >>> (data_folder() / "register" / "register.json").is_file()
        True
    """
    here = Path(__file__).parent / "data"
    if here.is_dir():
        return here
    from importlib.resources import files

    return files("waterketen") / "data"
