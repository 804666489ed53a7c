"""A bytecode cache for the methods attrs writes for waterketen's classes, as ``__pycache__`` is for modules.

attrs writes the ``__init__``, ``__eq__``, ``__hash__`` and ``__repr__`` of
each class as Python text and compiles it when the class is made: for the
forty classes of the package that is most of the cost of importing the model.
:func:`install` keeps, in ``waterketen/__pycache__``, the code compiled from
each such text, keyed by the exact text and its name: the same text gives the
same code, so a text attrs writes differently (another attrs, another class)
is simply compiled as before. Only the classes of waterketen's own modules use
it; the file is one per Python version (``sys.implementation.cache_tag``), is
written only when something new was compiled and Python may write bytecode
(``PYTHONDONTWRITEBYTECODE`` unset), and a file that cannot be read is
ignored. Should attrs no longer compile through ``attr._make._compile_and_eval``,
nothing is cached and nothing changes.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import CodeType
from typing import Any


__all__ = ["cache_path", "install"]

_FORM = 2
_SALT = "\x00salt\x00"
_MAX_ENTRIES = 500
_PREFIX = "<attrs generated "
_OURS = " waterketen."


def cache_path() -> Path:
    """The cache file of this Python (``waterketen/__pycache__/attrs-methods.<tag>.marshal``)."""
    tag = sys.implementation.cache_tag or "python"
    return Path(__file__).parent / "__pycache__" / f"attrs-methods.{tag}.marshal"


class _Cache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.codes: dict[tuple[str, str], tuple[CodeType, int]] = {}
        self.dirty = False
        try:
            form, version, codes = marshal.loads(path.read_bytes())
            if form == _FORM and version == sys.version:
                self.codes = {(name, text): (code, salt) for name, text, code, salt in codes}
        except Exception:  # missing, broken or of another Python: compiled afresh
            self.codes = {}

    def code(self, script: str, filename: str) -> CodeType:
        # attrs writes the hash of a name into __hash__, which differs from process to process
        # (PYTHONHASHSEED): the text is kept with a marker there, and the code given this process's.
        salt = hash(filename.replace(" methods ", " hash ", 1))
        text = script.replace(str(salt), _SALT)
        key = (filename, text)
        found = self.codes.get(key)
        if found is None:
            code = compile(script, filename, "exec")
            self.codes[key] = (code, salt)
            self.dirty = True
            return code
        code, old = found
        return code if old == salt or _SALT not in text else _salted(code, old, salt)

    def save(self) -> None:
        if not self.dirty or sys.dont_write_bytecode:
            return
        entries = [(name, text, code, salt) for (name, text), (code, salt) in self.codes.items()]
        entries = entries[-_MAX_ENTRIES:]
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(exist_ok=True)
            temporary.write_bytes(marshal.dumps((_FORM, sys.version, entries)))
            os.replace(temporary, self.path)
        except OSError:  # a read-only install: no cache, as with __pycache__
            temporary.unlink(missing_ok=True)
        self.dirty = False


def _salted(code: CodeType, old: int, new: int) -> CodeType:
    """``code`` with the constant ``old`` replaced by ``new``, in it and in the code nested in it."""
    consts = tuple(
        new if type(c) is int and c == old else _salted(c, old, new) if isinstance(c, CodeType) else c
        for c in code.co_consts
    )
    return code.replace(co_consts=consts)


def install(path: Path | None = None) -> bool:
    """Let attrs reuse the code it compiled for waterketen's classes in an earlier run; True if installed."""
    try:
        import attr._make as make
    except ImportError:  # pragma: no cover - attrs is a dependency
        return False
    original: Callable[..., None] | None = getattr(make, "_compile_and_eval", None)
    if original is None or getattr(original, "waterketen_cache", None) is not None:
        return original is not None
    cache = _Cache(path or cache_path())

    def compile_and_eval(
        script: str,
        globs: dict[str, Any] | None = None,
        locs: Mapping[str, object] | None = None,
        filename: str = "",
    ) -> None:
        if not (filename.startswith(_PREFIX) and _OURS in filename):
            original(script, globs, locs, filename)
            return
        eval(cache.code(script, filename), globs, locs)

    compile_and_eval.waterketen_cache = cache  # type: ignore[attr-defined]
    make._compile_and_eval = compile_and_eval

    import atexit

    atexit.register(cache.save)
    return True
