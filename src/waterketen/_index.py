"""The typed indexes of a network's store, built once when the network is made, and its interval indexes.

Each index maps a key to one value or, only when there are several, to a
tuple of them: most keys have one, and a list or tuple for each would cost
more memory than the entities themselves. :func:`every` reads a key's values
whatever the form.

The questions of one day (the members of a group, the holders of a post,
the entities of a snapshot) read an :class:`Intervals` index where the
history behind the answer is long: a centred interval tree over the days on
which each period *surely* holds, kept in flat arrays, so that a day's answer
costs time in proportion to its size, not to the history. A key with more
than :data:`LEAF` entries gets its tree after :data:`SCANS` full reads
(:meth:`Index.memberships_in` and its siblings), and so do the snapshots
(:meth:`Index.valid_on`); shorter keys are read in full, as cheap as a look-up
in a tree, by the spans of their entries (kept from a key's first read, two
integers an entry).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from ._time import _hi, _lo
from .model import (
    Agreement,
    Body,
    Change,
    Cluster,
    Entity,
    Membership,
    Organisation,
    Period,
    Post,
    Spearhead,
    Tenure,
    period_of,
)


__all__ = ["LEAF", "Index", "Intervals", "every", "span"]

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T", Membership, Tenure)
E = TypeVar("E", bound=Entity)

Compact = dict[K, V | tuple[V, ...]]
"""An index: one value, or a tuple of several, per key."""


def every(index: Mapping[K, V | tuple[V, ...]], key: K) -> tuple[V, ...]:
    """Every value under ``key`` of a compact index."""
    found = index.get(key)
    if found is None:
        return ()
    return found if isinstance(found, tuple) else (found,)


LEAF = 32
"""The most entries of a key read in full: a key with more gets an interval tree."""

TWIG = 8
"""The most spans of a tree's leaf (read in full)."""

SCANS = 32
"""How often a key, or the snapshots of a network, is read in full before its interval tree is built.

A tree costs about as much to build as 10 (a key's history) to 35 (every
entity) full reads, so a few questions never pay for a tree they would not
use, and many questions pay at most about twice what the better of the two
ways would have cost (the rent-or-buy rule).
"""

_OPEN_END = date.max.toordinal()


def _member(membership: Membership) -> str:
    """The member of a membership: the party whose days :meth:`Index.memberships_in` may fold in."""
    return membership.member


def _group(membership: Membership) -> str:
    """The group of a membership: the party whose days :meth:`Index.memberships_of` may fold in."""
    return membership.group


def span(period: Period) -> tuple[int, int]:
    """The days on which ``period`` surely holds, as ordinals: ``first <= day < stop``.

    This is exactly :meth:`Period.contains`; the span is empty (``first >= stop``)
    when no day surely lies in the period, e.g. from an unknown start.
    """
    start, end = period.start, period.end
    first = 0 if start is None else (start if type(start) is date else _hi(start)).toordinal()
    stop = _OPEN_END if end is None else (end if type(end) is date else _lo(end)).toordinal()
    return first, stop


class Intervals:
    """The positions of the spans that hold on a day, in time proportional to their number.

    A centred interval tree in flat arrays. Each node holds the spans that
    contain its centre twice: sorted by first day and sorted by stop day; the
    spans wholly before the centre go left, those wholly after it go right. A
    day walks one path from the root and takes, at each node, a run of one of
    the two sorted lists (found by bisection), so it reads only what it
    returns, plus one node per level. Leaves hold at most :data:`TWIG` spans,
    read in full. Each span is stored once, in 16 bytes; each node takes 16
    more, and there are at most about a quarter as many nodes as spans.

    Args:
        spans: ``(first, stop)`` day ordinals, one per position; empty spans are left out.
    """

    __slots__ = ("_by_first", "_by_stop", "_centres", "_firsts", "_lefts", "_los", "_rights", "_stops")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        firsts = [f for f, _ in spans]
        stops = [s for _, s in spans]
        order = sorted((p for p, (f, s) in enumerate(spans) if f < s), key=firsts.__getitem__)
        self._firsts, self._stops = array("i"), array("i")
        self._by_first, self._by_stop = array("i"), array("i")
        # One entry per node; a node's spans run from its own ``lo`` to the next node's.
        self._centres, self._los = array("i"), array("i")
        self._lefts, self._rights = array("i"), array("i")
        if order:
            self._build(order, firsts, stops)
        self._los.append(len(self._by_first))

    def _node(self, centre: int, spans: list[int], firsts: list[int], stops: list[int]) -> int:
        number = len(self._centres)
        self._centres.append(centre)
        self._los.append(len(self._by_first))
        self._lefts.append(-1)
        self._rights.append(-1)
        self._by_first.extend(spans)
        self._firsts.extend(firsts[p] for p in spans)
        if centre >= 0:
            spans = sorted(spans, key=stops.__getitem__)
            self._by_stop.extend(spans)
            self._stops.extend(stops[p] for p in spans)
        else:  # a leaf: each span with its own stop
            self._by_stop.extend(spans)
            self._stops.extend(stops[p] for p in spans)
        return number

    def _build(self, order: list[int], firsts: list[int], stops: list[int]) -> int:
        """Add the node of ``order`` (positions sorted by first day) and its subtrees; its number."""
        if len(order) <= TWIG:
            return self._node(-1, order, firsts, stops)
        cut = len(order) // 2
        centre = firsts[order[cut]]
        while cut < len(order) and firsts[order[cut]] <= centre:
            cut += 1
        before = order[:cut]
        number = self._node(centre, [p for p in before if stops[p] > centre], firsts, stops)
        left = [p for p in before if stops[p] <= centre]
        if left:
            self._lefts[number] = self._build(left, firsts, stops)
        if cut < len(order):
            self._rights[number] = self._build(order[cut:], firsts, stops)
        return number

    def __len__(self) -> int:
        return len(self._by_first)

    def on(self, day: int) -> list[int]:
        """The positions of the spans that hold on ``day`` (an ordinal), in ascending order."""
        found: list[int] = []
        centres, los, lefts, rights = self._centres, self._los, self._lefts, self._rights
        firsts, stops = self._firsts, self._stops
        node = 0 if centres else -1
        while node >= 0:
            centre, lo, hi = centres[node], los[node], los[node + 1]
            if centre < 0:
                by_first = self._by_first
                for i in range(lo, bisect_right(firsts, day, lo, hi)):
                    if day < stops[i]:
                        found.append(by_first[i])
                break
            if day < centre:
                cut = bisect_right(firsts, day, lo, hi)
                if cut > lo:
                    found += self._by_first[lo:cut]
                node = lefts[node]
            else:
                cut = bisect_right(stops, day, lo, hi)
                if cut < hi:
                    found += self._by_stop[cut:hi]
                node = rights[node]
        found.sort()
        return found

    def nbytes(self) -> int:
        """The bytes of the arrays (for the benchmark's memory figures)."""
        arrays = (
            self._firsts,
            self._stops,
            self._by_first,
            self._by_stop,
            self._centres,
            self._los,
            self._lefts,
            self._rights,
        )
        return sum(a.itemsize * len(a) for a in arrays)


def _compact(keys: Iterable[K], values: Iterable[V]) -> Compact[K, V]:
    """The compact index of the pairs of ``keys`` and ``values``: each key's values in their order.

    One loop without a call per pair; a key met again holds a list (a value
    is never a list) until the end, when each list becomes a tuple.
    """
    out: dict[K, Any] = {}
    several: list[K] = []
    get = out.get
    for key, value in zip(keys, values, strict=True):
        found = get(key)
        if found is None:
            out[key] = value
        elif type(found) is list:
            found.append(value)
        else:
            out[key] = [found, value]
            several.append(key)
    for key in several:
        out[key] = tuple(out[key])
    return out


class Index:
    """The indexes of one store: by tag, by code, and every relation both ways."""

    __slots__ = (
        "_asked",
        "_spans",
        "_store",
        "_trees",
        "_valid",
        "by_identifier",
        "by_tag",
        "changes_of",
        "children",
        "groups_of",
        "members_of",
        "posts_of_body",
        "tenures_of_holder",
        "tenures_of_post",
    )

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self._store = entities
        self._trees: dict[tuple[str, str], Intervals] = {}
        self._asked: dict[tuple[str, str], int] = {}
        self._valid: tuple[list[Entity], Intervals] | None = None
        self._spans: dict[tuple[str, bool], dict[str, array[int]]] = {}
        by_tag: dict[str, list[str]] = {}
        tagged_with = by_tag.get
        for entity_id, entity in entities.items():
            tagged = tagged_with(entity.tag)
            if tagged is None:
                by_tag[entity.tag] = [entity_id]
            else:
                tagged.append(entity_id)

        def each(cls: type[E]) -> list[E]:
            return [entities[i] for i in by_tag.get(cls.tag, ())]  # type: ignore[misc]

        # One pass per kind: no dispatch per entity. Within each kind (and so
        # within each key) entities keep the order of the store.
        memberships, tenures, changes = each(Membership), each(Tenure), each(Change)
        clusters, bodies, posts = each(Cluster), each(Body), each(Post)
        others: list[Agreement | Spearhead] = [*each(Agreement), *each(Spearhead)]
        codes: dict[str, tuple[list[str], list[str]]] = {}
        for organisation in each(Organisation):
            for identifier in organisation.identifiers:
                scheme = codes.get(identifier.scheme)
                if scheme is None:
                    scheme = codes[identifier.scheme] = ([], [])
                scheme[0].append(identifier.value)
                scheme[1].append(organisation.id)
        parts = [(part.id, change) for change in changes for part in (*change.before, *change.after)]
        duties = [(duty.body, post) for post in posts for duty in post.duties]
        self.by_tag: dict[str, list[str]] = by_tag
        """The ids of each kind of entity, in the order of the store."""
        self.by_identifier: dict[str, Compact[str, str]] = {
            scheme: _compact(*pairs) for scheme, pairs in codes.items()
        }
        """Organisation ids by scheme and code."""
        self.members_of: Compact[str, Membership] = _compact([m.group for m in memberships], memberships)
        """The memberships in each group."""
        self.groups_of: Compact[str, Membership] = _compact([m.member for m in memberships], memberships)
        """The memberships of each member."""
        self.tenures_of_post: Compact[str, Tenure] = _compact([t.post for t in tenures], tenures)
        self.tenures_of_holder: Compact[str, Tenure] = _compact([t.holder for t in tenures], tenures)
        self.posts_of_body: Compact[str, Post] = _compact([b for b, _ in duties], [p for _, p in duties])
        """The posts with a duty in each body."""
        self.children: Compact[str, str] = _compact(
            [
                *(c.cooperation for c in clusters),
                *(b.cluster or b.cooperation for b in bodies),
                *(p.cooperation for p in posts),
                *(o.cooperation for o in others),
            ],
            [e.id for e in (*clusters, *bodies, *posts, *others)],
        )
        """The ids of the clusters, bodies, posts, agreements and spearheads of each parent."""
        self.changes_of: Compact[str, Change] = _compact([i for i, _ in parts], [c for _, c in parts])
        """The changes each organisation takes part in."""

    @property
    def entities(self) -> Mapping[str, Entity]:
        """The store these indexes are of, by id (for the query modules: read it, never change it)."""
        return self._store

    # -- one day, through the interval indexes (built on first use) ------------------------------

    def memberships_in(self, group: str, day: date, *, member_exists: bool = False) -> list[Membership]:
        """The memberships in ``group`` that surely hold on ``day``, in the order of the store;
        with ``member_exists``, only those whose member surely exists that day too."""
        if member_exists:
            return self._during("members_of", self.members_of, group, day, _member)
        return self._during("members_of", self.members_of, group, day)

    def memberships_of(self, member: str, day: date, *, group_exists: bool = False) -> list[Membership]:
        """The memberships of ``member`` that surely hold on ``day``, in the order of the store;
        with ``group_exists``, only those whose group surely exists that day too."""
        if group_exists:
            return self._during("groups_of", self.groups_of, member, day, _group)
        return self._during("groups_of", self.groups_of, member, day)

    def tenures_in(self, post: str, day: date) -> list[Tenure]:
        """The tenures of ``post`` that surely hold on ``day``, in the order of the store."""
        return self._during("tenures_of_post", self.tenures_of_post, post, day)

    def _during(
        self, name: str, index: Compact[str, T], key: str, day: date, party: Callable[[T], str] | None = None
    ) -> list[T]:
        """The entries of ``key`` in the index called ``name`` that surely hold on ``day``; with a
        ``party``, only those whose party (an entry's member or group) surely exists then too.

        A long key is read through its tree (of its entries' own days, whatever the party; the
        party of each entry that holds is then looked at); a short one by the spans of its
        entries, the party's days folded in.
        """
        found = every(index, key)
        ordinal = day.toordinal()
        if len(found) > LEAF:
            tree = self._trees.get((name, key))
            if tree is not None or self._built((name, key)):
                if tree is None:
                    tree = self._trees[name, key] = Intervals([span(x.period) for x in found])
                held = [found[i] for i in tree.on(ordinal)]
            else:
                held = [x for x in found if x.period.contains(day)]
            return held if party is None else [x for x in held if self._exists(party(x), day)]
        # A short key is read in full, by the spans of its entries (kept from its first read):
        # comparing two numbers an entry is cheaper than Period.contains, which they equal.
        spans = self._spans.get((name, party is not None))
        if spans is None:
            spans = self._spans[name, party is not None] = {}
        kept = spans.get(key)
        if kept is None:
            kept = spans[key] = array("i", [d for x in found for d in self._span(x, party)])
        if len(found) == 1:  # most keys: no list to filter
            return [found[0]] if kept[0] <= ordinal < kept[1] else []
        # first, stop, first, stop, ...: zip takes the two of each entry (two per entry by
        # construction; strict=True would cost a quarter of the read)
        days = iter(kept)
        return [x for x, first, stop in zip(found, days, days, strict=False) if first <= ordinal < stop]

    def _exists(self, entity_id: str, day: date) -> bool:
        """Whether the entity surely exists on ``day``; an unknown one is the question's to tell."""
        other = self._store.get(entity_id)
        return other is None or period_of(other).contains(day)

    def _span(self, entry: Membership | Tenure, party: Callable[[Any], str] | None) -> tuple[int, int]:
        """The days on which ``entry`` surely holds and its ``party`` (when given) surely exists."""
        first, stop = span(entry.period)
        if party is not None:
            other = self._store.get(party(entry))
            if other is not None:  # an unknown one is the question's to tell
                other_first, other_stop = span(period_of(other))
                first, stop = max(first, other_first), min(stop, other_stop)
        return first, stop

    def _built(self, key: tuple[str, str]) -> bool:
        """Count one more full read of ``key``; true when its tree is now to be built (see :data:`SCANS`)."""
        asked = self._asked.get(key, 0) + 1
        if asked <= SCANS:
            self._asked[key] = asked
            return False
        self._asked.pop(key, None)
        return True

    def valid_on(self, day: date) -> list[Entity]:
        """Every entity that is surely valid on ``day``, in the order of the store."""
        if self._valid is None:
            if not self._built(("", "")):
                return [e for e in self._store.values() if period_of(e).contains(day)]
            every_entity = list(self._store.values())
            self._valid = every_entity, Intervals([span(period_of(e)) for e in every_entity])
        every_entity, tree = self._valid
        return [every_entity[i] for i in tree.on(day.toordinal())]

    def interval_bytes(self) -> int:
        """The bytes the interval indexes built so far hold (their arrays, the spans of the short keys
        read and the snapshot's entity list)."""
        import sys

        total = sum(t.nbytes() for t in self._trees.values()) + sys.getsizeof(self._trees)
        total += sum(sys.getsizeof(s) + sum(map(sys.getsizeof, s.values())) for s in self._spans.values())
        if self._valid is not None:
            total += sys.getsizeof(self._valid[0]) + self._valid[1].nbytes()
        return total
