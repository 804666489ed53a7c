"""The exception family of waterketen, and the problems a load reports.

Every error a user can cause is a :class:`WaterketenError`. Errors about data
name the source, the place in it, the field and the reason, so that the
message alone says what to mend.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Literal, TypeAlias

from attrs import frozen


__all__ = [
    "ON_A_DAY",
    "AmbiguityError",
    "CooperationNotNamedError",
    "DateError",
    "FieldValueError",
    "Hint",
    "Interface",
    "LoadError",
    "MissingExtraError",
    "NotInPeriodError",
    "Problem",
    "Severity",
    "SourceError",
    "UnknownEntityError",
    "UnknownFormatError",
    "UnknownFrameError",
    "UnknownSourceError",
    "UsageError",
    "WaterketenError",
    "WriteError",
]


class Severity(enum.Enum):
    """How bad a problem is."""

    ERROR = "error"
    """The record cannot be used."""
    WARNING = "warning"
    """The record is used, but something about it is doubtful."""


@frozen(kw_only=True)
class Problem:
    """One problem found while loading, with where it was found.

    Examples:
        >>> print(Problem(source="net.json", place="/organisations/3", field="kind",
        ...               reason="'gemeentee' is not one of municipality, water-board, ..."))
        net.json /organisations/3 kind: 'gemeentee' is not one of municipality, water-board, ...
    """

    source: str
    place: str | None = None
    field: str | None = None
    reason: str
    severity: Severity = Severity.ERROR
    record: Any = None
    """The rejected record, whole, when a record was rejected."""

    def __str__(self) -> str:
        where = " ".join(p for p in (self.source, self.place, self.field) if p)
        prefix = "" if self.severity is Severity.ERROR else f"{self.severity.value}: "
        return f"{prefix}{where}: {self.reason}"


Interface: TypeAlias = Literal["python", "command"]
"""Where a message is shown: to Python code, or on the command line."""


@frozen
class Hint:
    """What to do about an error, in the words of each interface.

    Examples:
        >>> hint = Hint(python="pass on=<a day> to choose", command="pass --at DATE to choose")
        >>> error = AmbiguityError("cbs:GM0014 denotes two organisations", hint=hint)
        >>> print(error)
        cbs:GM0014 denotes two organisations; pass on=<a day> to choose
        >>> print(error.told("command"))
        cbs:GM0014 denotes two organisations; pass --at DATE to choose
    """

    python: str
    """The hint for Python code: the argument to pass (``on=<a day>``)."""
    command: str
    """The hint on the command line: the option to give (``--at DATE``)."""


ON_A_DAY = Hint(python="pass on=<a day> to choose", command="pass --at DATE to choose")
"""The hint of a question that has several answers over time and one on each day."""


class WaterketenError(Exception):
    """The base of every error waterketen raises on purpose.

    An error may carry a :class:`~waterketen.errors.Hint`: ``str(error)`` ends in its Python
    words, :meth:`told` gives the message in the words of an interface.
    """

    hint: Hint | None = None
    """What to do about it, if the error knows."""

    def __init__(self, *args: object, hint: Hint | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # the builtin's own keywords: ImportError's name=, ...
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        return self.told("python")

    def told(self, interface: Interface = "python") -> str:
        """The message as shown in ``interface``: its hint in that interface's words."""
        text = super().__str__()
        if self.hint is None:
            return text
        return f"{text}; {self.hint.python if interface == 'python' else self.hint.command}"


class SourceError(WaterketenError, ValueError):
    """A source cannot be read at all (bad bytes, bad syntax, missing file)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class UnknownSourceError(WaterketenError, LookupError):
    """No installed source type handles a location."""


class UnknownFormatError(WaterketenError, LookupError):
    """No installed writer writes a format (or a file suffix)."""


class UnknownEntityError(WaterketenError, KeyError):
    """An id names no entity of the network."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown entity"


class NotInPeriodError(WaterketenError, LookupError):
    """An entity is asked about on a day on which it surely did not exist.

    ``entity`` is its id, ``day`` the day asked about, ``period`` when it
    existed; the message says both, and how to ask about another day.

    Examples:
        >>> try:
        ...     wk.load().members("BMWE", on="2026-12-01")
        ... except wk.errors.NotInPeriodError as exc:
        ...     print(exc)
        BMWE did not exist on 2026-12-01 (it existed from 2014 or earlier until 2020); ask with on=<a day>
    """

    def __init__(self, message: str, *, entity: str, day: Any, period: Any, hint: Hint | None = None) -> None:
        super().__init__(message, hint=hint)
        self.entity = entity
        self.day = day
        self.period = period


class AmbiguityError(WaterketenError, LookupError):
    """A question has several answers where one was asked for (pass a date)."""


class CooperationNotNamedError(AmbiguityError):
    """A question about one cooperation, asked of a network with none or several, names none.

    ``choices`` holds the ids of the network's cooperations; :meth:`told` says
    how to name one in the words of the interface the message is shown in.

    Examples:
        >>> print(CooperationNotNamedError(["drenthe-noord", "stad"]))
        the network has 2 cooperations; name one with cooperation=, one of 'drenthe-noord', 'stad'
        >>> print(CooperationNotNamedError(["drenthe-noord", "stad"]).told("command"))
        the network has 2 cooperations; name one with --cooperation, one of drenthe-noord, stad
    """

    def __init__(self, choices: list[str] | tuple[str, ...]) -> None:
        self.choices = tuple(choices)
        super().__init__(self.told("python"))

    def told(self, interface: Interface = "python") -> str:
        """The message, naming the cooperation as ``interface`` does (``cooperation=``, ``--cooperation``)."""
        if not self.choices:
            return (
                "the network has no cooperation: its sources define none "
                "(a table defines one with a group column)"
            )
        python = interface == "python"
        listed = ", ".join(repr(i) if python else i for i in self.choices)
        option = "cooperation=" if python else "--cooperation"
        return f"the network has {len(self.choices)} cooperations; name one with {option}, one of {listed}"


class DateError(WaterketenError, ValueError):
    """A text is not a date in a form waterketen reads; the message says which forms it takes.

    Examples:
        >>> try:
        ...     wk.load().at("01-01-2016")
        ... except wk.errors.DateError as exc:
        ...     print(exc)
        expected a whole day (YYYY-MM-DD), got '01-01-2016'; did you mean 2016-01-01?
    """


class LoadError(WaterketenError, ValueError):
    """A strict load found errors; all of them are listed.

    ``problems`` holds the errors; ``report``, when given, is the whole load
    report (with the warnings and the rejected records).
    """

    def __init__(self, problems: Iterable[Problem], report: Any = None) -> None:
        self.problems = tuple(problems)
        self.report = report
        lines = [f"{len(self.problems)} problem(s) while loading:"]
        lines += [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class FieldValueError(WaterketenError, ValueError):
    """A field of an entity has a value it cannot have; ``field`` names it."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field


class MissingExtraError(WaterketenError, ImportError):
    """A function needs an optional dependency that is not installed; the message names the extra."""


class UnknownFrameError(WaterketenError, ValueError):
    """:func:`waterketen.frames.to_frame` was asked for a table it does not make."""


class UsageError(WaterketenError, ValueError):
    """The command line is wrong in a way its parser cannot see (the command exits with 2)."""


class WriteError(WaterketenError, OSError):
    """A network could not be written; the message names the writer and the path."""
