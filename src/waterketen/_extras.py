"""Optional dependencies: imported only by the functions that need them.

The ``analysis`` extra (``pip install 'waterketen[analysis]'``) brings pandas
and matplotlib. Importing waterketen never imports either.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MissingExtraError


__all__ = ["MissingExtraError", "require"]


def require(module: str, *, extra: str, needed_by: str) -> ModuleType:
    """Import ``module``, or say which extra of waterketen brings it.

    Args:
        module: the module to import, such as ``"pandas"``.
        extra: the extra of waterketen that installs it.
        needed_by: what needs it, for the message (``"to_frame"``).

    Returns:
        The imported module.

    Raises:
        MissingExtraError: the module cannot be imported.

    Examples:
        >>> require("json", extra="analysis", needed_by="this example").__name__
        'json'
        >>> require("no_such_module_here", extra="analysis", needed_by="draw")
        Traceback (most recent call last):
        ...
        waterketen.errors.MissingExtraError: draw needs no_such_module_here, which is not installed; \
install it with: pip install 'waterketen[analysis]'
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"{needed_by} needs {module}, which is not installed; "
            f"install it with: pip install 'waterketen[{extra}]'",
            name=module,
        ) from exc
