"""The words the library shows for its kinds of things: one place for every label.

Every presenter (the terminal text, the notebook summaries, the drawings, the
command's tables) takes its words from here, so an organisation's kind reads
the same wherever it is shown. Output is in English; the Dutch proper names
of the data are kept as they are.
"""

from __future__ import annotations

from .model import OrgKind


__all__ = ["KIND_LEGEND", "KIND_PLURAL", "KIND_SINGULAR", "count_of_kind"]

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
