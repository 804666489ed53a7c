"""How a question takes an entity: its id, or an unambiguous name; and the day it must exist on.

One rule for Python and the command alike: ``net.cluster_of("Bedum")`` and
``waterketen cluster-of Bedum`` take the same names (issue 19, item 8), and an
entity asked about on a day it surely did not exist is an error that says
when it did (item 6), not an empty answer.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .._time import Between, Bound, Certainty, DateLike, Period, Unknown, as_date
from ..errors import AmbiguityError, Hint, NotInPeriodError, UnknownEntityError
from ..model import Entity, a, name_of, period_of


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["entity_id", "existing"]

_ASK_WITH_A_DAY = Hint(python="ask with on=<a day>", command="ask with --at")


def entity_id(
    network: Network,
    ref: str,
    kinds: type[Entity] | tuple[type[Entity], ...] | None = None,
    *,
    on: DateLike | None = None,
) -> str:
    """The id of the entity that ``ref`` names: its id, or else its name.

    A name is matched as :meth:`~waterketen.Network.find` matches it (no case,
    accents or punctuation). When several entities have the name, those valid
    ``on`` the day are preferred.

    Raises:
        UnknownEntityError: nothing of those kinds has that id or name (the
            message suggests names like it).
        AmbiguityError: several have that name.
    """
    entity = network.index.entities.get(ref)
    if entity is not None and (not kinds or isinstance(entity, kinds)):  # an id: the quick way
        return ref
    wanted: tuple[type[Entity], ...] = (
        () if kinds is None else kinds if isinstance(kinds, tuple) else (kinds,)
    )
    if entity is not None:
        what = " or ".join(k.tag for k in wanted)
        raise UnknownEntityError(f"{ref!r} is {a(entity.tag)}, not {a(what)}")
    what = " or ".join(k.tag for k in wanted) if wanted else "entity"
    found = [e for e in network.find(ref, exact=True) if not wanted or isinstance(e, wanted)]
    if len(found) > 1 and on is not None:
        day = as_date(on)
        valid = [e for e in found if network.certainty(e.id, day) is Certainty.YES]
        found = valid or found
    if not found:
        from .._resolving import unknown

        raise unknown(network, f"no {what} has the id or name {ref!r}", ref, wanted)
    if len(found) > 1:
        ids = ", ".join(e.id for e in found)
        raise AmbiguityError(f"{ref!r} names {len(found)} entities ({ids}); give an id")
    return found[0].id


def existing(network: Network, entity: str, on: DateLike | None) -> date | None:
    """The day asked about (``None`` for all time), once the entity may exist on it.

    Raises:
        NotInPeriodError: the entity surely did not exist that day.
    """
    if on is None:
        return None
    day = as_date(on)
    found = network.index.entities.get(entity) or network[entity]  # network[] tells an unknown id
    period = period_of(found)
    if not period.contains(day) and period.certainty(day) is Certainty.NO:  # contains: the quick yes
        raise NotInPeriodError(
            f"{name_of(found)} did not exist on {day} (it existed {_span(period)})",
            entity=found.id,
            day=day,
            period=period,
            hint=_ASK_WITH_A_DAY,
        )
    return day


def _span(period: Period) -> str:
    """The days of a period, for people: ``from 2014 until 2019-01-01``, ``until 2020``."""
    parts = []
    if period.start is not None:
        parts.append(f"from {_words(period.start)}")
    if period.end is not None:
        parts.append(f"until {_words(period.end)}")
    return " ".join(parts) or "always"


def _words(bound: Bound) -> str:
    if isinstance(bound, Between):
        if bound.earliest is None:
            return f"{bound.latest} or earlier"
        if bound.latest is None:
            return f"{bound.earliest} or later"
        return f"between {bound.earliest} and {bound.latest}"
    return "an unknown day" if isinstance(bound, Unknown) else str(bound)
