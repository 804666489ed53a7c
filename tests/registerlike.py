"""A small network of real Dutch public bodies, for the resolution tests.

Names, codes and dates are those of the project's reference data
(``data/register/``: ``municipalities-by-year.csv``, ``water-boards.csv``,
``provinces.csv``, ``drinking-water-companies.csv``, and ``data/municipalities.csv``
for Groningen 2019); periods are given only where those files give them
(an end is the first 1 January on which the code is gone).
"""

from __future__ import annotations

from datetime import date

import waterketen as wk


M, W, C, P = wk.OrgKind.MUNICIPALITY, wk.OrgKind.WATER_BOARD, wk.OrgKind.WATER_COMPANY, wk.OrgKind.PROVINCE


def _org(
    id: str,
    name: str,
    kind: wk.OrgKind,
    codes: dict[str, str],
    *,
    start: date | None = None,
    end: date | None = None,
    other: tuple[str, ...] = (),
) -> wk.Organisation:
    return wk.Organisation(
        id=id,
        name=name,
        kind=kind,
        identifiers=tuple(wk.Identifier(scheme=s, value=v) for s, v in codes.items()),
        other_names=other,
        period=wk.Period(start=start, end=end),
    )


def organisations() -> list[wk.Organisation]:
    """The organisations of the small register."""
    return [
        _org("bedum", "Bedum", M, {"cbs": "GM0005"}, end=date(2019, 1, 1)),
        _org("groningen", "Groningen", M, {"cbs": "GM0014"}, end=date(2019, 1, 1)),
        _org("groningen-2019", "Groningen", M, {"cbs": "GM0014"}, start=date(2019, 1, 1)),
        _org("pekela", "Pekela", M, {"cbs": "GM0765"}),
        _org("neder-betuwe", "Neder-Betuwe", M, {"cbs": "GM1740"}),
        _org("s-gravenhage", "'s-Gravenhage", M, {"cbs": "GM0518"}),
        _org("s-hertogenbosch", "'s-Hertogenbosch", M, {"cbs": "GM0796"}),
        _org("hengelo", "Hengelo (O.)", M, {"cbs": "GM0164"}, other=("Hengelo",)),
        _org("laren", "Laren (NH.)", M, {"cbs": "GM0417"}, other=("Laren",)),
        _org("bergen-nh", "Bergen (NH.)", M, {"cbs": "GM0373"}),
        _org("bergen-l", "Bergen (L.)", M, {"cbs": "GM0893"}),
        _org(
            "sudwest-fryslan",
            "Súdwest-Fryslân",
            M,
            {"cbs": "GM1900"},
            start=date(2011, 1, 1),
            other=("Sûdwest Fryslân",),
        ),
        _org("hunze-en-aas", "Waterschap Hunze en Aa's", W, {"cbs": "WS16", "kadaster": "W0646"}),
        _org("noorderzijlvest", "Waterschap Noorderzijlvest", W, {"cbs": "WS17", "kadaster": "W0647"}),
        _org("wetterskip-fryslan", "Wetterskip Fryslân", W, {"cbs": "WS23", "kadaster": "W0653"}),
        _org(
            "hhnk",
            "Hoogheemraadschap Hollands Noorderkwartier",
            W,
            {"cbs": "WS21", "kadaster": "W0651"},
            other=("Hhs Hollands Noorderkwartier",),
        ),
        _org("agv", "Waterschap Amstel, Gooi en Vecht", W, {"cbs": "WS05", "kadaster": "W0155"}),
        _org("delfland", "Hoogheemraadschap van Delfland", W, {"cbs": "WS07", "kadaster": "W0372"}),
        _org("limburg-ws", "Waterschap Limburg", W, {"kadaster": "W0665"}, start=date(2017, 1, 1)),
        _org("wbg", "Waterbedrijf Groningen", C, {}, other=("N.V. Waterbedrijf Groningen",)),
        _org("wmd", "Waterleidingmaatschappij Drenthe", C, {}),
        _org("provincie-groningen", "Groningen", P, {"cbs": "PV20", "kadaster": "P0020"}),
        _org("provincie-friesland", "Friesland", P, {"cbs": "PV21", "kadaster": "P0021"}, other=("Fryslân",)),
        _org("provincie-limburg", "Limburg", P, {"cbs": "PV31", "kadaster": "P0031"}),
    ]


def network() -> wk.Network:
    """The small register as a network."""
    return wk.Network(organisations())
