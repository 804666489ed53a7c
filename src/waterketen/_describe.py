"""How a structuring error is told: each problem of a record as its field path and a reason for people."""

from __future__ import annotations

from collections.abc import Iterator

from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from .errors import FieldValueError


__all__ = ["describe_error"]


def _format_exception(exc: BaseException) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown field(s) {', '.join(sorted(map(repr, exc.extra_fields)))}"
    if isinstance(exc, KeyError):
        return "required field is missing"
    if isinstance(exc, TypeError | ValueError):
        text = str(exc)
        if "__init__() missing" in text or "required keyword-only argument" in text:
            return "required field is missing"
        return text
    return f"{type(exc).__name__}: {exc}"


def describe_error(exc: BaseException) -> list[tuple[str | None, str]]:
    """Each problem in a structuring error as ``(field path, reason)``.

    The path is a JSON pointer relative to the record (``/period/end``), or
    ``None`` when the problem is the record as a whole.
    """
    return [("/" + "/".join(path) if path else None, reason) for path, reason in _walk(exc, ())]


def _walk(exc: BaseException, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            yield from _walk(inner, (*path, note.name))
        for inner in without:
            yield from _walk(inner, path)
    elif isinstance(exc, IterableValidationError):
        with_index, without = exc.group_exceptions()
        for inner, index_note in with_index:
            yield from _walk(inner, (*path, str(index_note.index)))
        for inner in without:
            yield from _walk(inner, path)
    elif isinstance(exc, FieldValueError):
        yield (*path, exc.field), str(exc)
    elif isinstance(exc, ForbiddenExtraKeysError) and exc.extra_fields:
        yield (*path, ",".join(sorted(exc.extra_fields))), _format_exception(exc)
    else:
        yield path, _format_exception(exc)
