"""The forms of names and codes: how a name found in a source is made comparable.

One job: turn the text of a name or a code, as Dutch public data writes it,
into the keys that :mod:`waterketen.resolution` looks up. It repairs
double-encoded UTF-8 (``FryslÃ¢n``, with ftfy, imported only when the text
looks damaged), drops case, accents, apostrophes, punctuation and spaces
(``NederBetuwe`` and ``Neder-Betuwe`` have one key), strips the words that
only say what kind of body a name is (``Gemeente``, ``Waterschap``,
``Hoogheemraadschap van``, ``Wetterskip``, ``Provincie``) and the
disambiguation suffixes CBS adds (``(NH.)``, ``(L.)``, ``(O.)``), and reads
codes in every form (``GM0005``, ``0005``, ``5``, ``WS16``, ``W0646``, ``PV20``).

It also keeps the names in use that an organisation's own record may lack:
abbreviations (HHNK, WMD, WBG, ...) and other names ('s-Gravenhage is Den
Haag), each with the public page that gives it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from .model import OrgKind


__all__ = [
    "ALIASES",
    "Alias",
    "NameForm",
    "code_forms",
    "code_problem",
    "form",
    "key",
    "looks_like_code",
    "repair",
    "words",
]

_MOJIBAKE_LEADS = ("\u00c2", "\u00c3", "\u00e2")
"""The lead bytes of UTF-8 that :func:`_mojibake` looks for, read as Windows-1252 or Latin-1."""


@functools.cache
def _mojibake() -> re.Pattern[str]:
    """A lead byte of UTF-8 read as Windows-1252 or Latin-1, then a continuation byte so read
    (compiled on first use: most texts have no lead byte at all)."""
    return re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152-\u2122]")


_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʼ"))
"""The apostrophes a key drops (a table for ``str.translate``)."""

_WORDS = re.compile(r"[^\W_]+")
_SUFFIX = re.compile(r"\s*\(\s*([^()]{1,12}?)\s*\)\s*$")
_PROVINCE_SUFFIX = re.compile(r"(?:[A-Za-z]{1,3}\.)+")
"""A CBS disambiguation suffix: ``NH.``, ``L.``, ``O.``, ``ZH.``, ``Z.``."""

_KIND_SUFFIXES = {
    "pv": OrgKind.PROVINCE,
    "ws": OrgKind.WATER_BOARD,
    "gm": OrgKind.MUNICIPALITY,
    "gemeente": OrgKind.MUNICIPALITY,
}
"""Suffixes of the CBS identifier list (``Groningen (PV)``, ``... (WS)``, ``... (gemeente)``)."""

_KIND_PREFIXES: tuple[tuple[tuple[str, ...], OrgKind], ...] = (
    (("gemeente",), OrgKind.MUNICIPALITY),
    (("hoogheemraadschap", "van"), OrgKind.WATER_BOARD),
    (("hoogheemraadschap",), OrgKind.WATER_BOARD),
    (("hhs", "van"), OrgKind.WATER_BOARD),
    (("hhs",), OrgKind.WATER_BOARD),
    (("waterschap",), OrgKind.WATER_BOARD),
    (("wetterskip",), OrgKind.WATER_BOARD),
    (("provincie",), OrgKind.PROVINCE),
    (("drinkwaterbedrijf",), OrgKind.WATER_COMPANY),
)
"""Words before a name that say only what kind of body it is. ``Hhs`` is how the
CBS identifier list abbreviates hoogheemraadschap (``Hhs Hollands Noorderkwartier``).
``Waterbedrijf`` is not among them: it is part of the name ``Waterbedrijf Groningen``."""

_LEGAL_FORMS = (("n", "v"), ("nv",), ("b", "v"), ("bv",))
"""N.V. and B.V., before or after a name (``N.V. Waterbedrijf Groningen``, ``Oasen NV``)."""

_FIRST_WORDS = frozenset(words[0] for words in (*_LEGAL_FORMS, *(prefix for prefix, _ in _KIND_PREFIXES)))
_LAST_WORDS = frozenset(words[-1] for words in _LEGAL_FORMS)
"""The words a legal form or kind word begins a name with, and those a legal form ends one with."""

_CODE = re.compile(r"(GM|WS|PV|W|P|G)?\s*-?\s*(\d+)", re.IGNORECASE)


def repair(text: str) -> tuple[str, bool]:
    """The text with double-encoded UTF-8 repaired, and whether it needed it.

    ftfy is imported only for a text that looks damaged.

    Examples:
        >>> repair("Wetterskip FryslÃ¢n")
        ('Wetterskip Fryslân', True)
        >>> repair("Wetterskip Fryslân")
        ('Wetterskip Fryslân', False)
    """
    if not any(lead in text for lead in _MOJIBAKE_LEADS) or not _mojibake().search(text):
        return text, False
    import ftfy

    fixed = ftfy.fix_text(text)
    return fixed, fixed != text


def _words(text: str) -> list[str]:
    text = text.replace("&", " en ")
    if text.isascii():
        return _WORDS.findall(text.replace("'", "").replace("`", "").lower())
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _WORDS.findall(bare.translate(_APOSTROPHES))


def words(text: str) -> list[str]:
    """The words of a name, in the form of :func:`key` (``Midden-Groningen`` has two)."""
    return _words(text)


def key(text: str) -> str:
    """The key of a name: no case, accents, apostrophes, punctuation or spaces.

    Examples:
        >>> key("Neder-Betuwe") == key("NederBetuwe") == key(" neder betuwe ")
        True
        >>> key("Hunze en Aa’s"), key("Vallei & Eem")
        ('hunzeenaas', 'valleieneem')
    """
    return "".join(_words(text))


class NameForm(NamedTuple):
    """The keys of one name: whole, and stripped of the words that say its kind."""

    full: str
    """The key of the whole name (after any repair)."""
    bare: str
    """The key without kind words and legal forms, its suffix kept (``Gemeente Bergen (NH.)``)."""
    core: str
    """The key without kind words, legal forms and suffixes (``Gemeente``, ``N.V.``, ``(NH.)``)."""
    kind: OrgKind | None
    """The kind those words name, if they name one."""
    stripped: tuple[str, ...]
    """The words and suffixes taken off, as written (for the explanation)."""


@functools.lru_cache(maxsize=1 << 16)
def form(text: str) -> NameForm:
    """The keys of a name, and what its kind words say.

    Examples:
        >>> shape = form("Gemeente Groningen")
        >>> shape.full, shape.core, shape.kind.value, shape.stripped
        ('gemeentegroningen', 'groningen', 'municipality', ('Gemeente',))
        >>> form("Bergen (NH.)").core, form("Groningen (PV)").kind
        ('bergen', <OrgKind.PROVINCE: 'province'>)
        >>> form("Hoogheemraadschap van Delfland").core
        'delfland'
    """
    every_word = _words(text)  # also the words of the text stripped, when no suffix is cut off
    full = "".join(every_word)
    kind: OrgKind | None = None
    stripped: list[str] = []
    rest = text.strip()
    suffix = _SUFFIX.search(rest)
    if suffix:
        inner = suffix.group(1)
        hinted = _KIND_SUFFIXES.get(inner.casefold())
        if hinted is not None or _PROVINCE_SUFFIX.fullmatch(inner.replace(" ", "")):
            kind = hinted
            stripped.append(f"({inner})")
            rest = rest[: suffix.start()]
    core, kind, words_stripped = _strip(_words(rest) if stripped else every_word, kind)
    bare = full if not suffix or not stripped else "".join(_strip(every_word, kind)[0])
    return NameForm(
        full=full,
        bare=bare,
        core="".join(core),
        kind=kind,
        stripped=tuple(words_stripped + stripped),
    )


def _strip(words: list[str], kind: OrgKind | None) -> tuple[list[str], OrgKind | None, list[str]]:
    """The words without the kind words and legal forms around them; the kind; what was taken off."""
    stripped: list[str] = []
    changed = True
    while changed and len(words) > 1:
        if words[0] not in _FIRST_WORDS and words[-1] not in _LAST_WORDS:
            break  # no legal form or kind word begins or ends the name
        changed = False
        for legal in _LEGAL_FORMS:
            n = len(legal)
            if len(words) > n and tuple(words[:n]) == legal:
                words, changed = words[n:], True
                stripped.append("N.V." if "n" in legal[0] else "B.V.")
            elif len(words) > n and tuple(words[-n:]) == legal:
                words, changed = words[:-n], True
                stripped.append("N.V." if "n" in legal[0] else "B.V.")
        for prefix, prefix_kind in _KIND_PREFIXES:
            n = len(prefix)
            if len(words) > n and tuple(words[:n]) == prefix and (kind is None or kind is prefix_kind):
                words, changed, kind = words[n:], True, prefix_kind
                stripped.append(" ".join(prefix).capitalize())
                break
    return words, kind, stripped


def looks_like_code(text: str) -> bool:
    """Whether the text is written as a code (letters of a scheme, then digits), not a name.

    Examples:
        >>> looks_like_code("GM0005"), looks_like_code("12345"), looks_like_code("Bedum")
        (True, True, False)
    """
    return _CODE.fullmatch(text.strip()) is not None


def code_forms(text: str, kind: OrgKind | None = None) -> tuple[str, ...]:
    """The codes a text can denote, in their canonical form (empty: not a valid code).

    Digits alone are a CBS municipality code, as spreadsheets drop its
    letters and zeros (``5`` → ``GM0005``); ``G0005`` is the Kadaster form of
    the same code. ``WS`` codes have two digits, ``PV`` codes two, Kadaster
    ``W`` and ``P`` codes four.

    Examples:
        >>> code_forms("5"), code_forms("gm 0005"), code_forms("WS16"), code_forms("W0646")
        (('GM0005',), ('GM0005',), ('WS16',), ('W0646',))
        >>> code_forms("12345"), code_forms("abc"), code_forms("PV20")
        ((), (), ('PV20',))
    """
    match = _CODE.fullmatch(text.strip())
    if match is None:
        return ()
    letters, digits = (match.group(1) or "").upper(), match.group(2)
    number = int(digits)
    if letters in ("", "GM", "G"):
        ok = len(digits) <= 4 and kind in (None, OrgKind.MUNICIPALITY)
        if letters == "G":
            ok = ok and len(digits) == 4
        return (f"GM{number:04d}",) if ok and number > 0 else ()
    width = {"WS": 2, "PV": 2, "W": 4, "P": 4}[letters]
    if len(digits.lstrip("0") or "0") > width or len(digits) > width + 1 or number == 0:
        return ()
    return (f"{letters}{number:0{width}d}",)


def code_problem(text: str) -> str:
    """Why a text is not a valid code (for a text for which :func:`code_forms` is empty).

    Examples:
        >>> code_problem("12345")
        "'12345' is not a code: a CBS municipality code is GM and at most four digits"
        >>> code_problem("abc")
        "'abc' is not a code (GM0005, 0005, 5, WS16, W0646, PV20, P0020)"
    """
    match = _CODE.fullmatch(text.strip())
    if match is not None and (match.group(1) or "").upper() in ("", "GM", "G"):
        return f"{text!r} is not a code: a CBS municipality code is GM and at most four digits"
    if match is not None:
        letters = match.group(1).upper()
        return f"{text!r} is not a code: {letters} takes {'two' if len(letters) == 2 else 'four'} digits"
    return f"{text!r} is not a code (GM0005, 0005, 5, WS16, W0646, PV20, P0020)"


class Alias(NamedTuple):
    """A name in use for an organisation, that its own record may lack."""

    alias: str
    """The name in use, such as ``HHNK``."""
    name: str
    """The organisation's name it stands for."""
    kind: OrgKind
    abbreviation: bool
    """An abbreviation (rule ``abbreviation``) rather than another name (rule ``other-name``)."""
    source: str
    """The public page (or the reference data file) that gives it."""


_REGISTER_COMPANIES = "data/register/drinking-water-companies.csv (column short_name), citing "

ALIASES: tuple[Alias, ...] = (
    Alias(
        "HHNK",
        "Hoogheemraadschap Hollands Noorderkwartier",
        OrgKind.WATER_BOARD,
        True,
        "https://www.wikiwand.com/nl/articles/Hoogheemraadschap_Hollands_Noorderkwartier",
    ),
    Alias(
        "HDSR",
        "Hoogheemraadschap De Stichtse Rijnlanden",
        OrgKind.WATER_BOARD,
        True,
        "https://destichtserijnlanden.christenunie.nl/page/41033",
    ),
    Alias(
        "HHSK",
        "Hoogheemraadschap van Schieland en de Krimpenerwaard",
        OrgKind.WATER_BOARD,
        True,
        "https://www.schielandendekrimpenerwaard.nl/actueel/750-jaar-schieland-en-de-krimpenerwaard/",
    ),
    Alias(
        "AGV",
        "Waterschap Amstel, Gooi en Vecht",
        OrgKind.WATER_BOARD,
        True,
        "https://boerburgerbeweging.nl/waterschappen/waterschap-amstel-gooi-en-vecht/",
    ),
    Alias(
        "WSHD",
        "Waterschap Hollandse Delta",
        OrgKind.WATER_BOARD,
        True,
        "https://en.wikipedia.org/wiki/Waterschap_Hollandse_Delta",
    ),
    Alias(
        "WDODelta",
        "Waterschap Drents Overijsselse Delta",
        OrgKind.WATER_BOARD,
        True,
        "https://www.rain4africa.org/about/dutch-water-authority-waterschap-drents-overijsselse-delta/",
    ),
    Alias(
        "WRIJ",
        "Waterschap Rijn en IJssel",
        OrgKind.WATER_BOARD,
        True,
        "https://wikiwand.com/nl/articles/Waterschap_Rijn_en_IJssel",
    ),
    Alias(
        "WBG",
        "Waterbedrijf Groningen",
        OrgKind.WATER_COMPANY,
        True,
        "https://destreekkrant.nu/maatregelen-nodig-om-dreigend-watertekort-tegen-te-gaan/",
    ),
    Alias(
        "WMD",
        "Waterleidingmaatschappij Drenthe",
        OrgKind.WATER_COMPANY,
        True,
        _REGISTER_COMPANIES + "https://wmd.nl/wmd/over-wmd/ons-verhaal/",
    ),
    Alias(
        "PWN",
        "PWN Waterleidingbedrijf Noord-Holland",
        OrgKind.WATER_COMPANY,
        True,
        _REGISTER_COMPANIES + "https://www.pwn.nl/de-geschiedenis-van-ons-drinkwater",
    ),
    Alias(
        "WML",
        "Waterleiding Maatschappij Limburg",
        OrgKind.WATER_COMPANY,
        True,
        _REGISTER_COMPANIES + "https://www.wml.nl/nl-nl/158/5820/geschiedenis.aspx",
    ),
    Alias(
        "Evides",
        "Evides Waterbedrijf",
        OrgKind.WATER_COMPANY,
        False,
        _REGISTER_COMPANIES + "https://www.evides.nl/over-evides/de-organisatie/historie",
    ),
    Alias(
        "Den Haag",
        "'s-Gravenhage",
        OrgKind.MUNICIPALITY,
        False,
        "https://taaleidoscoop.nl/blog/den-haag-vs-s-gravenhage/",
    ),
    Alias(
        "Den Bosch",
        "'s-Hertogenbosch",
        OrgKind.MUNICIPALITY,
        False,
        "http://www.onzevakantiewoningaanzee.nl/den-haag.php",
    ),
)
"""Names in use with their sources. Abbreviations come from the pages cited
(each states the abbreviation beside the full name); the short names of the
drinking-water companies from the project's reference data."""
