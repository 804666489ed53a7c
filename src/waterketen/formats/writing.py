"""Safe writes: a file or a directory appears whole or not at all, and a killed write leaves no litter.

Every writer of waterketen (and a plugin's, through :func:`write_atomically`
or :func:`atomic_file`) writes beside the destination, flushes the data to the
disk (``fsync``) and then renames it into place, so a reader, a crash or a
power loss sees the old content or the new, never a part. A directory (the
``csvdir`` export) replaces the old one in one step where the system can
exchange two names (Linux ``renameat2``); elsewhere in two renames, and the
next write to the same place puts the old one back if a write was killed
between them.

Temporary names carry the writer's process id (``.net.json.4242.x1y2.tmp``):
the next write to the same destination removes those whose process is gone,
so killed writes do not pile up; a live writer's are left alone. Errors name
the destination the user gave, not a temporary name.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import TextIO


__all__ = ["atomic_directory", "atomic_file", "write_atomically"]

_SUFFIXES = (".tmp", ".old")


def _mode(default: int) -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return default & ~umask


def _prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(target: Path) -> None:
    """Remove what killed writes to ``target`` left beside it; put a directory back that one left out."""
    parent = target.parent
    head = f".{target.name}."
    try:
        names = os.listdir(parent)
    except OSError:
        return
    for name in names:
        if not (name.startswith(head) and name.endswith(_SUFFIXES)):
            continue
        pid = name[len(head) :].split(".", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        leftover = parent / name
        previous = leftover / "previous"
        if name.endswith(".old") and previous.is_dir() and not target.exists():
            os.replace(previous, target)  # a write killed between its two renames: the old one comes back
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _sync_directory(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every system can open a directory to sync it
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _named(exc: OSError, target: Path) -> OSError:
    """The same error, naming the destination rather than a temporary file."""
    return type(exc)(exc.errno, exc.strerror or str(exc), str(target))


@contextlib.contextmanager
def atomic_file(path: str | PathLike[str]) -> Iterator[TextIO]:
    """A text file to write that replaces ``path`` whole when the block ends without an error.

    Examples:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
        >>> from waterketen.formats.writing import atomic_file
        >>> with atomic_file(target) as handle:
        ...     _ = handle.write("all or nothing\\n")
        >>> target.read_text()
        'all or nothing\\n'
    """
    target = Path(path)
    sweep(target)
    try:
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=_prefix(target), suffix=".tmp")
    except OSError as exc:
        raise _named(exc, target) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode(0o666))  # mkstemp makes the file private; a written file is not
        os.replace(temporary, target)
        _sync_directory(target.parent)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically(path: str | PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, ``fsync`` and a rename.

    See :func:`~waterketen.formats.writing.atomic_file`.

    An interrupted write never leaves a half-written file in place.
    """
    with atomic_file(path) as handle:
        handle.write(text)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two names in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``); False where it cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_cwd, exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


_RACES = 100
"""How often a directory is put in place again when other writers of the same destination came first."""


def _place(temporary: Path, target: Path) -> None:
    """Put ``temporary`` in the place of ``target``: the last of several writers at once wins.

    Another writer may put its export there, or move the old one aside, at
    any moment between two steps: a step that finds the destination changed
    (``ENOTEMPTY``, ``EEXIST``, ``ENOENT``) starts again from what is there now.
    """
    raced = (errno.ENOTEMPTY, errno.EEXIST, errno.ENOENT)
    for _ in range(_RACES):
        try:
            if not target.exists():
                os.replace(temporary, target)
                return
            if _exchange(temporary, target):
                shutil.rmtree(temporary, ignore_errors=True)  # it holds the old export now
                return
        except OSError as exc:
            if exc.errno not in raced:
                raise
            continue
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=_prefix(target), suffix=".old"))
        try:
            os.replace(target, old / "previous")
            os.replace(temporary, target)
        except OSError as exc:
            if exc.errno not in raced:
                raise
            continue  # what was moved aside stays in ``old`` and is swept by the next write
        finally:
            if not (old / "previous").exists():
                old.rmdir()
        shutil.rmtree(old, ignore_errors=True)
        return
    raise OSError(errno.EBUSY, f"other writers kept replacing it ({_RACES} times)", str(target))


@contextlib.contextmanager
def atomic_directory(path: str | PathLike[str]) -> Iterator[Path]:
    """A new directory to fill that takes the place of ``path`` whole when the block ends without an error.

    The old directory (if any) is exchanged for the new one in one step where
    the system allows it, so the destination is always the old one or the new
    one, never missing; then the old one is removed.
    """
    target = Path(path)
    sweep(target)
    try:
        temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=_prefix(target), suffix=".tmp"))
    except OSError as exc:
        raise _named(exc, target) from None
    try:
        temporary.chmod(_mode(0o777))  # mkdtemp makes it private; an export is not
        yield temporary
        for child in temporary.rglob("*"):
            if child.is_file():
                fd = os.open(child, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        _sync_directory(temporary)
        _place(temporary, target)
        _sync_directory(target.parent)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
