"""The words the library shows for its kinds of things: one place for every label.

Every presenter (the terminal text, the notebook summaries, the drawings, the
command's tables) takes its words from here, so an organisation's kind reads
the same wherever it is shown. Output is in English; the Dutch proper names
of the data are kept as they are.
"""

from __future__ import annotations

from ._names import words
from .model import OrgKind


__all__ = ["KIND_LEGEND", "KIND_PLURAL", "KIND_SINGULAR", "count_of_kind", "member_count", "seat_label"]

KIND_SINGULAR: dict[OrgKind, str] = {
    OrgKind.MUNICIPALITY: "municipality",
    OrgKind.WATER_BOARD: "water board",
    OrgKind.WATER_COMPANY: "drinking-water company",
    OrgKind.PROVINCE: "province",
    OrgKind.OTHER: "other organisation",
}
"""The name of one organisation of each kind."""

KIND_PLURAL: dict[OrgKind, str] = {
    OrgKind.MUNICIPALITY: "municipalities",
    OrgKind.WATER_BOARD: "water boards",
    OrgKind.WATER_COMPANY: "drinking-water companies",
    OrgKind.PROVINCE: "provinces",
    OrgKind.OTHER: "other organisations",
}
"""The name of several organisations of each kind."""

KIND_LEGEND: dict[OrgKind, str] = {
    OrgKind.MUNICIPALITY: "municipality (gemeente)",
    OrgKind.WATER_BOARD: "water board (waterschap)",
    OrgKind.WATER_COMPANY: "drinking-water company",
    OrgKind.PROVINCE: "province (provincie)",
    OrgKind.OTHER: "other organisation",
}
"""The kind with its Dutch word, for legends."""


def count_of_kind(n: int, kind: OrgKind) -> str:
    """``1 municipality``, ``4 water boards``.

    Examples:
        >>> count_of_kind(2, wk.OrgKind.WATER_COMPANY)
        '2 drinking-water companies'
    """
    return f"{n} {KIND_SINGULAR[kind] if n == 1 else KIND_PLURAL[kind]}"


def seat_label(post: str, represents: str | None) -> str:
    """A seat in words: the post's own (often Dutch) name, and whom it represents when the name does not say.

    Examples:
        >>> seat_label("Lid regiegroep namens cluster DAL", "DAL")
        'Lid regiegroep namens cluster DAL'
        >>> seat_label("Lid", "Noorderzijlvest")
        'Lid, representing Noorderzijlvest'
    """
    if represents is None or f" {' '.join(words(represents))} " in f" {' '.join(words(post))} ":
        return post
    return f"{post}, representing {represents}"


def member_count(known: int, stated: int | None) -> str:
    """The members of a body in words: how many seats are stated, how many member posts are known.

    No member post known is not none: the sources are silent.

    Examples:
        >>> member_count(11, 11), member_count(9, 11)
        ('11 seats stated, 11 member posts', '11 seats stated, 9 member posts known')
        >>> member_count(0, None), member_count(7, None)
        ('members unknown', '7 member posts')
    """
    stated_text = "" if stated is None else f"{stated} seats stated, "
    if known == 0:
        return f"{stated_text}members unknown"
    posts = "1 member post" if known == 1 else f"{known} member posts"
    if stated is not None and known < stated:
        posts += " known"
    return stated_text + posts
