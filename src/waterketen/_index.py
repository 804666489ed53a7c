"""The typed indexes of a network's store, built once when the network is made.

Each index maps a key to one value or, only when there are several, to a
tuple of them: most keys have one, and a list or tuple for each would cost
more memory than the entities themselves. :func:`every` reads a key's values
whatever the form.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from .model import (
    Agreement,
    Body,
    Change,
    Cluster,
    Entity,
    Membership,
    Organisation,
    Post,
    Spearhead,
    Tenure,
)


__all__ = ["Index", "every"]

K = TypeVar("K")
V = TypeVar("V")

Compact = dict[K, V | tuple[V, ...]]
"""An index: one value, or a tuple of several, per key."""


def every(index: Mapping[K, V | tuple[V, ...]], key: K) -> tuple[V, ...]:
    """Every value under ``key`` of a compact index."""
    found = index.get(key)
    if found is None:
        return ()
    return found if isinstance(found, tuple) else (found,)


class _Builder(dict[K, V | list[V]]):
    """An index while it is built: a value, or a list once a key has several."""

    def put(self, key: K, value: V) -> None:
        found = self.get(key)
        if found is None:
            self[key] = value
        elif isinstance(found, list):
            found.append(value)
        else:
            self[key] = [found, value]

    def frozen(self) -> Compact[K, V]:
        return {k: tuple(v) if isinstance(v, list) else v for k, v in self.items()}


class Index:
    """The indexes of one store: by tag, by code, and every relation both ways."""

    __slots__ = (
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
        by_tag: dict[str, list[str]] = {}
        for entity_id, entity in entities.items():
            tagged = by_tag.get(entity.tag)
            if tagged is None:
                by_tag[entity.tag] = [entity_id]
            else:
                tagged.append(entity_id)

        def each(tag: str) -> list[Entity]:
            return [entities[i] for i in by_tag.get(tag, ())]

        members_of: _Builder[str, Membership] = _Builder()
        groups_of: _Builder[str, Membership] = _Builder()
        tenures_of_post: _Builder[str, Tenure] = _Builder()
        tenures_of_holder: _Builder[str, Tenure] = _Builder()
        posts_of_body: _Builder[str, Post] = _Builder()
        children: _Builder[str, str] = _Builder()
        changes_of: _Builder[str, Change] = _Builder()
        by_identifier: dict[str, _Builder[str, str]] = {}
        # One pass per kind: no dispatch per entity. Within each kind (and so
        # within each key) entities keep the order of the store.
        for membership in each(Membership.tag):
            assert isinstance(membership, Membership)
            members_of.put(membership.group, membership)
            groups_of.put(membership.member, membership)
        for tenure in each(Tenure.tag):
            assert isinstance(tenure, Tenure)
            tenures_of_post.put(tenure.post, tenure)
            tenures_of_holder.put(tenure.holder, tenure)
        for change in each(Change.tag):
            assert isinstance(change, Change)
            for part in (*change.before, *change.after):
                changes_of.put(part.id, change)
        for organisation in each(Organisation.tag):
            assert isinstance(organisation, Organisation)
            for identifier in organisation.identifiers:
                scheme = by_identifier.get(identifier.scheme)
                if scheme is None:
                    scheme = by_identifier[identifier.scheme] = _Builder()
                scheme.put(identifier.value, organisation.id)
        for cluster in each(Cluster.tag):
            assert isinstance(cluster, Cluster)
            children.put(cluster.cooperation, cluster.id)
        for body in each(Body.tag):
            assert isinstance(body, Body)
            children.put(body.cluster or body.cooperation, body.id)
        for post in each(Post.tag):
            assert isinstance(post, Post)
            children.put(post.cooperation, post.id)
            for duty in post.duties:
                posts_of_body.put(duty.body, post)
        for other in (*each(Agreement.tag), *each(Spearhead.tag)):
            assert isinstance(other, Agreement | Spearhead)
            children.put(other.cooperation, other.id)
        self.by_tag: dict[str, list[str]] = by_tag
        """The ids of each kind of entity, in the order of the store."""
        self.by_identifier: dict[str, Compact[str, str]] = {
            scheme: codes.frozen() for scheme, codes in by_identifier.items()
        }
        """Organisation ids by scheme and code."""
        self.members_of: Compact[str, Membership] = members_of.frozen()
        """The memberships in each group."""
        self.groups_of: Compact[str, Membership] = groups_of.frozen()
        """The memberships of each member."""
        self.tenures_of_post: Compact[str, Tenure] = tenures_of_post.frozen()
        self.tenures_of_holder: Compact[str, Tenure] = tenures_of_holder.frozen()
        self.posts_of_body: Compact[str, Post] = posts_of_body.frozen()
        """The posts with a duty in each body."""
        self.children: Compact[str, str] = children.frozen()
        """The ids of the clusters, bodies, posts, agreements and spearheads of each parent."""
        self.changes_of: Compact[str, Change] = changes_of.frozen()
        """The changes each organisation takes part in."""
