"""Lists of partners as region pages write them, read into names with their kinds and counts.

A list is cut at its *kind words* ("de gemeenten", "Waterschap", "het
hoogheemraadschap", "drinkwaterbedrijf", "de Provincie", each perhaps with a
count: "de 18 Fryske gemeenten", "de twee waterschappen"). What follows a kind
word is its names:

- after a plural ("de gemeenten A, B en C") or a leading "Gemeente" ("Gemeente
  Buren, Culemborg, … en Waterschap Rivierenland") every name is of that kind;
- after any other singular ("het waterschap Aa en Maas", "Provincie Fryslân")
  one name is, and the names after it are of no stated kind ("Wetterskip
  Fryslân, Vitens en …": the register may know Vitens);
- a province after "van", "uit" or "in" is where the partners are ("alle
  gemeenten van de provincie Groningen"), not a partner.

Splitting at "en": in "A, B, C en D" only the last piece holds the list's
"en", so "Son en Breugel, Valkenswaard en Veldhoven" keeps "Son en Breugel";
the register (``known``) decides where it knows the names ("Assen en Aa en
Hunze"); one name follows a singular kind word, whole ("het Waterschap Rijn en
IJssel"). An abbreviation in brackets after a name is another name of it
("Hollands Noorderkwartier (HHNK)"); so is "(voorheen X)", a former
organisation of the same kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

import waterketen as wk

from ._facts import Mention, PartFact
from ._text import NAME_LIST, NUMBER, UPPER, parse_number


__all__ = ["KIND_HEAD", "Known", "read_list"]

Known = Callable[[str, Sequence[wk.OrgKind]], bool]
"""Whether a name is known (to the register) as an organisation of one of those kinds."""

ANY_KIND = (
    wk.OrgKind.MUNICIPALITY,
    wk.OrgKind.WATER_BOARD,
    wk.OrgKind.WATER_COMPANY,
    wk.OrgKind.PROVINCE,
    wk.OrgKind.OTHER,
)
"""The kinds a name of no stated kind may be."""

_BOARD = r"waterschap(?:pen)?|wetterskip(?:pen)?|hoogheemraadschap(?:pen)?(?:\s+van)?"
_COMPANY = (
    r"(?:drink)?waterbedrij(?:f|ven)|waterleidingbedrij(?:f|ven)|waterleidings?\s?maatschappij(?:en)?"
    r"|drinkwaterleveranciers?"
)
_MUNICIPALITY = r"gemeentes?|gemeenten"
_PROVINCE = r"provincies?"
_SKIP = r"(?!(?:en|de|het|van|of|uit|in|met)\s)"
_DEMONYM = rf"[{UPPER}][a-zëéïöü]+(?:se|ske|sche)"
KIND_HEAD = re.compile(
    rf"(?P<suffixed>(?P<sname>(?!(?:Het|De|Een|En|Dit|Dat|Deze|Die|Alle|Ons|Onze)\s)[{UPPER}][\w-]+)\s+(?P<skw>(?i:(?:drink)?waterbedrijf|waterleidingbedrijf))\b)"
    rf"|(?P<pre>\b(?:van|uit|in|binnen)\s+)?(?:\b(?P<art>alle|de|het|onze|deze|die)\s+)?"
    rf"(?:\b(?P<n>{NUMBER})\s+)?(?:{_DEMONYM}\s+)?(?:{_SKIP}\b[a-zëéïöü-]{{3,}}\s+){{0,2}}?"
    rf"(?P<kw>(?i:\b(?P<m>{_MUNICIPALITY})|(?P<b>\b{_BOARD})|(?P<c>\b{_COMPANY})|(?P<p>\b{_PROVINCE})"
    rf"|\b(?P<mc>[{UPPER}]?[a-zë]+gemeenten)))\b"
)
"""A kind word, with what may stand before it: an article, a count and up to two adjectives."""

_INTRODUCER = re.compile(
    r"^(?:(?:de|het)\s+)?(?:volgende\s+)?(?:organisaties|partijen|partners|deelnemers|leden)\s*[:;]?\s*",
    re.IGNORECASE,
)
_PLURAL_END = ("en", "es", "pen", "ven", "ies", "ers", "ijen")
_ABBREVIATION = re.compile(rf"^\s*\((?P<abbr>[{UPPER}][{UPPER}A-Za-z&.-]{{1,9}})\)")
_FORMER = re.compile(r"^\s*\((?i:voorheen|vroeger|was|v/h)\s+(?P<name>[^()]{2,80})\)")
_KEEP_WORD = re.compile(r"^(?i:waterbedrijf|waterleidingbedrijf|waterleidings?\s?maatschappij|wetterskip)$")


def read_list(
    text: str, known: Known, *, line: int, sentence: str, bare: bool = True, partner: bool = True
) -> list[PartFact]:
    """The parts of a list of partners: for each kind word, its count and its names.

    With ``bare``, names before any kind word are read too, of no stated kind
    (``OTHER``, for the register to decide); ``partner`` marks the mentions.
    Parts with neither a count nor a name are left out, and consecutive
    parts of one kind without a count are one.

    Examples:
        >>> parts = read_list("de Provincie Fryslân, Wetterskip Fryslân, Vitens en de 18 Fryske gemeenten",
        ...                   lambda n, k: False, line=1, sentence="")
        >>> for part in parts:
        ...     print(part.kind.value, part.stated, [m.name for m in part.names])
        province None ['Fryslân']
        water-board None ['Wetterskip Fryslân']
        other None ['Vitens']
        municipality 18 []
    """
    heads = list(KIND_HEAD.finditer(text))
    parts: list[PartFact] = []

    def mention(name: str, kind: wk.OrgKind, others: Sequence[str] = ()) -> Mention:
        return Mention(
            name=name, kind=kind, line=line, sentence=sentence, other_names=list(others), partner=partner
        )

    first = heads[0].start() if heads else len(text)
    leading = _names(text[:first], known, wk.OrgKind.OTHER, whole=False) if bare else []
    if leading:
        parts.append(PartFact(kind=wk.OrgKind.OTHER, stated=None, names=[mention(*b) for b in leading]))
    enclosing: tuple[PartFact, int] | None = None
    """A counted part whose names follow in brackets ("twee waterbedrijven (…)"), and where they close."""
    for index, head in enumerate(heads):
        end = heads[index + 1].start() if index + 1 < len(heads) else len(text)
        kind = _kind(head)
        if enclosing is not None and head.start() < enclosing[1]:
            # Inside the brackets of a part: its breakdown, not another part; names are the part's.
            part, close = enclosing
            inner = read_list(
                text[head.start() : close], known, line=line, sentence=sentence, partner=partner
            )
            for found in inner:
                if found.kind in (part.kind, wk.OrgKind.OTHER):
                    part.names.extend(attrs.evolve(m, kind=part.kind) for m in found.names)
            continue
        enclosing = None
        if head.group("suffixed"):
            # "Evides waterbedrijf", "Vitens Waterbedrijf": the name before the word.
            name = f"{head.group('sname')} {head.group('skw')}"
            parts.append(PartFact(kind=kind, stated=None, names=[mention(name, kind)]))
            continue
        word = head.group("kw")
        plural = (word.casefold().endswith(_PLURAL_END) and kind is not wk.OrgKind.WATER_COMPANY) or (
            word.casefold().endswith(("bedrijven", "maatschappijen", "leveranciers"))
        )
        stated = parse_number(head.group("n")) if head.group("n") else None
        body = text[head.end() : end]
        area = kind is wk.OrgKind.PROVINCE and head.group("pre") is not None
        carries = plural or (kind is wk.OrgKind.MUNICIPALITY and index == 0 and not leading)
        names = _names(body, known, kind, whole=not carries)
        former = set(_former(body))
        if area:
            names = []
        elif not carries and len(names) > 1:
            # One name follows a singular kind word; the rest are of no stated kind.
            rest = [(n, k if n in former else wk.OrgKind.OTHER, o) for n, k, o in names[1:]]
            names = [names[0], *rest]
        if names and _KEEP_WORD.match(word) and word[:1].isupper():
            name, k, others = names[0]
            names[0] = (f"{word} {name}", k, others)
        if area and stated is None:
            continue
        own = [mention(*n) for n in names if n[1] is kind]
        other = [mention(*n) for n in names if n[1] is not kind]
        whole = stated is None and not own and (head.group("art") or "").casefold() == "alle"
        parts.append(PartFact(kind=kind, stated=stated, names=own, whole=whole))
        if body.lstrip().startswith("(") and ")" in text[head.end() :]:
            enclosing = (parts[-1], text.index(")", head.end()))
        if other:
            parts.append(PartFact(kind=wk.OrgKind.OTHER, stated=None, names=other))
    merged: list[PartFact] = []
    for part in parts:
        if part.stated is None and not part.names and not part.whole:
            continue
        previous = merged[-1] if merged else None
        if previous and previous.kind is part.kind and previous.stated is None and part.stated is None:
            previous.names.extend(part.names)
        else:
            merged.append(part)
    return merged


def _kind(head: re.Match[str]) -> wk.OrgKind:
    if head.group("m") or head.group("mc"):
        return wk.OrgKind.MUNICIPALITY
    if head.group("b"):
        return wk.OrgKind.WATER_BOARD
    if head.group("c") or head.group("suffixed"):
        return wk.OrgKind.WATER_COMPANY
    return wk.OrgKind.PROVINCE


def _names(
    body: str, known: Known, kind: wk.OrgKind, *, whole: bool
) -> list[tuple[str, wk.OrgKind, list[str]]]:
    """The names at the start of ``body``: (name, kind, other names), split at commas and "en"."""
    body = _INTRODUCER.sub("", body.lstrip())
    if body[:1] in (":", ";", "("):
        body = body[1:].lstrip()
    run = NAME_LIST.match(body)
    if run is None:
        return []
    # Brackets after a name: an abbreviation ("(HHNK)") or a former name ("(voorheen X)").
    text = run.group(0)
    tail = body[run.end() :]
    pieces = [p.strip() for p in re.split(r"\s*[,;]\s*", text) if p.strip()]
    out: list[tuple[str, wk.OrgKind, list[str]]] = []
    kinds = ANY_KIND if kind is wk.OrgKind.OTHER else (kind,)

    def is_known(name: str) -> bool:
        return known(name, kinds)

    if whole and pieces:
        # The longest run of pieces the register knows as one name ("Amstel, Gooi en Vecht"), else the first.
        for stop in range(len(pieces), 1, -1):
            if is_known(", ".join(pieces[:stop])):
                pieces = [", ".join(pieces[:stop]), *pieces[stop:]]
                break
        head, *rest = pieces
        head_names = split_piece(head, is_known, prefer_whole=True)
        out.extend((n, kind, []) for n in head_names[:1])
        out.extend((n, wk.OrgKind.OTHER, []) for n in head_names[1:])
        for index, piece in enumerate(rest):
            last = index == len(rest) - 1
            names = split_piece(piece, is_known, prefer_whole=not last)
            out.extend((n, wk.OrgKind.OTHER, []) for n in names)
    else:
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            out.extend((n, kind, []) for n in split_piece(piece, is_known, prefer_whole=not last))
    out = [(_strip(n), k, o) for n, k, o in out if _strip(n) and _strip(n).casefold() != "en"]
    if out:
        abbreviation = _ABBREVIATION.match(tail)
        former = _FORMER.match(tail)
        if abbreviation:
            name, k, others = out[-1]
            out[-1] = (name, k, [*others, abbreviation.group("abbr")])
        elif former:
            listed = NAME_LIST.match(former.group("name").strip())
            if listed:
                out.append((_strip(listed.group(0)), out[-1][1], []))
    return out


def _strip(name: str) -> str:
    return name.strip().strip(".,;:!?()[]*\u00a0").strip()


def _former(body: str) -> list[str]:
    """The former names in brackets in a list body: "(voorheen Regge en Dinkel)"."""
    out = []
    for match in re.finditer(r"\((?i:voorheen|vroeger|was|v/h)\s+(?P<name>[^()]{2,80})\)", body):
        listed = NAME_LIST.match(match.group("name").strip())
        if listed:
            out.append(_strip(listed.group(0)))
    return out


_MAX_SEGMENT = 4
_MAX_PIECES = 40


def split_piece(piece: str, known: Callable[[str], bool], *, prefer_whole: bool) -> list[str]:
    """Split one comma-free piece at the "en" that joins names, not the one inside a name.

    The split covering most words with known names wins; among equals, the
    one with more names, or with ``prefer_whole`` the one with fewer.

    Examples:
        >>> split_piece("Assen en Aa en Hunze", lambda n: n == "Aa en Hunze", prefer_whole=False)
        ['Assen', 'Aa en Hunze']
        >>> split_piece("Son en Breugel", lambda n: False, prefer_whole=True)
        ['Son en Breugel']
    """
    tokens = [t.strip() for t in re.split(r"\s+en\s+", piece.strip())]
    tokens = [t for t in tokens if t and t.casefold() != "en"]
    if len(tokens) <= 1 or len(tokens) > _MAX_PIECES:
        return tokens
    sign = -1 if prefer_whole else 1
    best: list[tuple[int, int, list[str]]] = [(0, 0, [])] * (len(tokens) + 1)
    for start in range(len(tokens) - 1, -1, -1):
        options = []
        limit = len(tokens) if prefer_whole else min(len(tokens), start + _MAX_SEGMENT)
        for end in range(start + 1, limit + 1):
            name = " en ".join(tokens[start:end])
            covered, count, names = best[end]
            gain = (end - start) if known(name) else 0
            options.append((covered + gain, count + 1, [name, *names]))
        best[start] = max(options, key=lambda o: (o[0], sign * o[1]))
    return best[0][2]
