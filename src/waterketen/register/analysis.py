"""Questions analysts ask of the register: crosswalks between two days, the vintage of a list of codes,
and the trajectory of one municipality.

A *crosswalk* maps every code of one day to the code(s) of another that
cover its territory, following the change events between the two days,
forwards (old → new) or backwards (new → old): ``partial`` says that only a
part of the earlier municipality lies in the later one. A *vintage* is the
set of days on which a list of codes was exactly the municipal division
("the municipal division of 2019-2020"). A *trajectory* is a municipality's
predecessors and successors over the years, with the changes that link them.

Examples:
    >>> register = wk.load("register:")
    >>> walk = crosswalk(register, "2018-01-01", "2025-01-01")
    >>> [(link.to_code, link.to_name, link.partial) for link in walk["GM0053"]]   # Winsum
    [('GM1966', 'Het Hogeland', True), ('GM1969', 'Westerkwartier', True)]
    >>> codes = crosswalk(register, "2019-06-01", "2019-06-01").codes()   # the codes of that day
    >>> [str(p) for p in vintage(codes, register)]
    ['[2019-01-01, 2021-01-01)']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from attrs import frozen

from .._time import Certainty, DateLike, Period, as_date
from ..model import Change, Organisation, OrgKind
from ..network import Network
from ..query import Succession


__all__ = ["Crosswalk", "Link", "Trajectory", "crosswalk", "normalise_code", "trajectory", "vintage"]

SCHEME = "cbs"


def normalise_code(code: str | int) -> str:
    """A municipality code as CBS writes it: ``GM`` and four digits (``5``, ``0005`` → ``GM0005``).

    Raises:
        ValueError: the text is not a municipality code.
    """
    text = str(code).strip().upper().removeprefix("GM")
    if not text.isdigit() or not text.isascii() or len(text) > 4:
        raise ValueError(f"{code!r} is not a municipality code (GM and four digits)")
    return f"GM{int(text):04d}"


@frozen(kw_only=True)
class Link:
    """One line of a crosswalk: a code of the first day and one it maps to on the second."""

    from_code: str
    from_id: str
    from_name: str
    to_code: str
    to_id: str
    to_name: str
    partial: bool
    """Only part of the earlier municipality lies in the later one."""
    changes: tuple[str, ...]
    """The ids of the change events between the two, in date order (none when it is the same)."""


@frozen(kw_only=True)
class Crosswalk:
    """The codes of ``from_day`` mapped to those of ``to_day`` (backwards when ``to_day`` is earlier)."""

    from_day: date
    to_day: date
    links: tuple[Link, ...]

    def __getitem__(self, code: str) -> tuple[Link, ...]:
        wanted = normalise_code(code)
        return tuple(link for link in self.links if link.from_code == wanted)

    def __iter__(self) -> Iterator[Link]:
        return iter(self.links)

    def __len__(self) -> int:
        return len(self.links)

    def codes(self) -> tuple[str, ...]:
        """The codes of ``from_day``, each once, in the order of the links."""
        return tuple(dict.fromkeys(link.from_code for link in self.links))

    def targets(self, code: str) -> tuple[str, ...]:
        """The codes of ``to_day`` that ``code`` maps to."""
        return tuple(link.to_code for link in self[code])

    def rows(self) -> list[dict[str, str | bool]]:
        """The links as plain rows (for a CSV file or a data frame)."""
        return [
            {
                "from_code": link.from_code,
                "from_name": link.from_name,
                "to_code": link.to_code,
                "to_name": link.to_name,
                "partial": link.partial,
                "changes": ";".join(link.changes),
            }
            for link in self.links
        ]


def _municipalities(register: Network, day: date) -> list[Organisation]:
    return [
        o
        for o in register.entities(Organisation, on=day)
        if o.kind is OrgKind.MUNICIPALITY and o.identifier(SCHEME) is not None
    ]


def _between(change: Change, after: date, until: date) -> bool:
    """The change surely happened after ``after`` and surely by ``until``."""
    period = Period(start=change.date)
    return period.certainty(after) is Certainty.NO and period.certainty(until) is Certainty.YES


def _forward(register: Network, start: date, end: date) -> list[Link]:
    links = []
    for org in _municipalities(register, start):
        reached: dict[str, tuple[bool, tuple[str, ...]]] = {}
        queue: list[tuple[str, bool, tuple[str, ...]]] = [(org.id, False, ())]
        seen = {org.id}
        while queue:
            current, partial, path = queue.pop(0)
            here = register[current]
            if isinstance(here, Organisation) and here.period.contains(end):
                reached.setdefault(current, (partial, path))
            for change in register.changes(current):
                if not _between(change, start, end) or change.id in path:
                    continue
                mine = [p for p in change.before if p.id == current]
                if not mine:
                    continue
                for part in change.after:
                    if part.id != current and part.id not in seen:
                        seen.add(part.id)
                        queue.append(
                            (part.id, partial or mine[0].partial or part.partial, (*path, change.id))
                        )
        split = len(reached) > 1
        for target_id, (partial, path) in reached.items():
            target = register.get(target_id, Organisation)
            links.append(
                Link(
                    from_code=org.identifier(SCHEME) or "",
                    from_id=org.id,
                    from_name=org.name_on(start),
                    to_code=target.identifier(SCHEME) or "",
                    to_id=target.id,
                    to_name=target.name_on(end),
                    partial=partial or split,
                    changes=path,
                )
            )
    return links


def crosswalk(register: Network, from_day: DateLike, to_day: DateLike) -> Crosswalk:
    """Every municipality code of ``from_day`` and the code(s) of ``to_day`` its territory lies in.

    Forwards (``to_day`` later), a code maps to its successors of that day,
    through every change between the two days; backwards, to its predecessors.
    ``partial`` always speaks of the earlier municipality: only part of it
    lies in the later one. A code without change maps to itself.

    Examples:
        >>> from waterketen.register.analysis import crosswalk
        >>> register = wk.load("register:")
        >>> [(l.to_code, l.partial) for l in crosswalk(register, "2025-01-01", "2018-01-01")["GM1966"]]
        [('GM0005', False), ('GM0053', True), ('GM1651', False), ('GM1663', False)]
    """
    a, b = as_date(from_day), as_date(to_day)
    if a <= b:
        return Crosswalk(from_day=a, to_day=b, links=tuple(_forward(register, a, b)))
    inverse = [
        Link(
            from_code=link.to_code,
            from_id=link.to_id,
            from_name=link.to_name,
            to_code=link.from_code,
            to_id=link.from_id,
            to_name=link.from_name,
            partial=link.partial,
            changes=link.changes[::-1],
        )
        for link in _forward(register, b, a)
    ]
    order = {o.id: i for i, o in enumerate(_municipalities(register, a))}
    inverse.sort(key=lambda link: order.get(link.from_id, len(order)))
    return Crosswalk(from_day=a, to_day=b, links=tuple(inverse))


def vintage(codes: Iterable[str | int], register: Network | None = None) -> tuple[Period, ...]:
    """The periods in which ``codes`` were exactly the municipalities (empty when never).

    Examples:
        >>> from waterketen.register.analysis import vintage
        >>> register = wk.load("register:")
        >>> codes = [o.identifier("cbs") for o in register.entities(wk.Organisation, on="2016-06-01")
        ...          if o.kind is wk.OrgKind.MUNICIPALITY]
        >>> vintage(codes, register)
        (Period(start=datetime.date(2016, 1, 1), end=datetime.date(2017, 1, 1)),)
    """
    from ._build import load_register

    net = register if register is not None else load_register()
    wanted = frozenset(normalise_code(c) for c in codes)
    days: set[date] = set()
    for org in net.entities(Organisation):
        if org.kind is OrgKind.MUNICIPALITY:
            days.update(b for b in (org.period.start, org.period.end) if type(b) is date)
            days.add(org.period.latest_start)
    ordered = sorted(d for d in days if d != date.min)
    out: list[Period] = []
    for index, day in enumerate(ordered):
        found = frozenset(o.identifier(SCHEME) for o in _municipalities(net, day))
        if found != wanted:
            continue
        end = ordered[index + 1] if index + 1 < len(ordered) else None
        if out and out[-1].end == day:
            out[-1] = Period(start=out[-1].start, end=end)
        else:
            out.append(Period(start=day, end=end))
    return tuple(out)


@frozen(kw_only=True)
class Trajectory:
    """A municipality's history: itself, what it came from and what it went to, with the changes."""

    organisations: tuple[Organisation, ...]
    """The organisation asked about (every one that bore the code, for a code)."""
    predecessors: tuple[Succession, ...]
    successors: tuple[Succession, ...]
    changes: tuple[Change, ...]
    """Every change of the trajectory, in date order."""

    def lines(self, register: Network) -> list[str]:
        """The trajectory in lines: ``2019-01-01 merger: Bedum, ... → Het Hogeland``."""
        from ..query import describe_change

        return [f"{c.date} {describe_change(register, c)}" for c in self.changes]


def trajectory(register: Network, code_or_id: str) -> Trajectory:
    """The predecessors and successors of a municipality (by id, or every one of a code).

    Raises:
        UnknownEntityError: no organisation has that id or code.

    Examples:
        >>> from waterketen.register.analysis import trajectory
        >>> register = wk.load("register:")
        >>> print("\\n".join(trajectory(register, "GM0014").lines(register)))
        2017-01-01 boundary-correction: Slochteren (part) → Groningen
        2019-01-01 merger: Groningen, Ten Boer, Haren → Groningen
    """
    from ..errors import UnknownEntityError

    if code_or_id in register:
        subjects = [register.get(code_or_id, Organisation)]
    else:
        try:
            code = normalise_code(code_or_id)
        except ValueError:
            raise UnknownEntityError(f"no organisation has the id or code {code_or_id!r}") from None
        subjects = [o for o in register.entities(Organisation) if o.identifier(SCHEME) == code]
        if not subjects:
            raise UnknownEntityError(f"no organisation has the code {code}")
    ids = {o.id for o in subjects}
    before = {s.organisation.id: s for o in subjects for s in register.predecessors(o.id, transitive=True)}
    after = {s.organisation.id: s for o in subjects for s in register.successors(o.id, transitive=True)}
    changes = {c.id: c for o in subjects for c in register.changes(o.id)}
    for succession in (*before.values(), *after.values()):
        changes.setdefault(succession.change.id, succession.change)
    ordered = sorted(changes.values(), key=lambda c: (Period(start=c.date).earliest_start, c.id))
    return Trajectory(
        organisations=tuple(subjects),
        predecessors=tuple(s for i, s in before.items() if i not in ids),
        successors=tuple(s for i, s in after.items() if i not in ids),
        changes=tuple(ordered),
    )
