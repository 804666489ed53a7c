"""Resolve a name as a region page writes it to one organisation of the national register, on a day.

:func:`resolve_name` is the only entry point, so that the project-wide
resolver can take its place in one line. It never consults a list of one
region's partners: it tries, in order, a few spelling rules on the register's
own names (and other names), and says which rule matched.

The rules, in the order tried (the first that gives candidates wins):

``name``
    the name as written, ignoring case, accents and punctuation;
``prefix``
    without a leading article or word for the kind ("het", "Gemeente",
    "Waterschap", "Hoogheemraadschap (van)", "Wetterskip", "Provincie",
    "Drinkwaterbedrijf", ...), a trailing "Waterbedrijf", a parenthesis, and
    with "&" read as "en";
``parenthesis``
    the text in parentheses as a name ("waterleidingbedrijf Noord-Holland (PWN)");
``cbs-suffix``
    a register name without its CBS suffix ("Bergen (NH.)" for "Bergen");
``spacing``
    the same letters with spaces and hyphens ignored ("NederBetuwe", "Neder-Betuwe");
``short-form``
    a municipality whose register name begins with the name and a comma or a
    hyphen ("Nuenen" for "Nuenen, Gerwen en Nederwetten").

The day: of the candidates, those valid on ``on`` are kept; when none is, or
``on`` is ``None`` (an undated page), the one valid the latest is taken, and
the note says so. Candidates that the day cannot tell apart make the name
ambiguous: nothing is resolved, and the candidates are returned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from attrs import frozen

from .._time import Certainty
from ..model import Entity, Organisation, OrgKind
from ..network import Network
from ..query import names_of, normalise_name


__all__ = ["Resolution", "resolve_name"]

_ARTICLE = re.compile(r"^(?:het|de)\s+", re.IGNORECASE)
_KIND_WORD = re.compile(
    r"^(?:gemeenten?|waterschap|hoogheemraadschap(?:\s+van)?|wetterskip|provincie|"
    r"drinkwaterbedrijf|waterbedrijf|waterleidingbedrijf|waterleidings?maatschappij)\s+",
    re.IGNORECASE,
)
_TRAILING_KIND = re.compile(r"\s+waterbedrijf$", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)\s*")
_CBS_SUFFIX = re.compile(r"\s*\([A-Z][A-Za-z]*\.\)$")


@frozen(kw_only=True)
class Resolution:
    """What a name resolved to, by which rule, and why not when it did not."""

    name: str
    organisation: Organisation | None
    rule: str | None
    """The rule that matched (see the module's docstring); ``None`` when none did."""
    candidates: tuple[str, ...] = ()
    """The ids that matched when the day could not choose between them."""
    note: str | None = None

    @property
    def resolved(self) -> bool:
        """True when the name denotes one organisation."""
        return self.organisation is not None


def _without_prefix(name: str) -> str:
    text = _PARENTHESIS.sub(" ", name).strip()
    text = _ARTICLE.sub("", text)
    text = _KIND_WORD.sub("", text)
    text = _TRAILING_KIND.sub("", text)
    return text.replace("&", " en ").strip()


def _variants(name: str) -> Iterator[tuple[str, str]]:
    """The spellings to look up, each with the rule that makes it."""
    yield "name", name
    bare = _without_prefix(name)
    if bare and normalise_name(bare) != normalise_name(name):
        yield "prefix", bare
    for inner in _PARENTHESIS.findall(name):
        if inner.strip():
            yield "parenthesis", inner.strip()


class _Index:
    """The register's names in the forms the last three rules compare."""

    def __init__(self, register: Network) -> None:
        self.register = register
        self.suffixless: dict[str, list[Organisation]] = {}
        self.squashed: dict[str, list[Organisation]] = {}
        self.heads: dict[str, list[Organisation]] = {}
        for org in register.entities(Organisation):
            for text in {org.name, *(str(n) for n in org.other_names)}:
                stripped = _CBS_SUFFIX.sub("", text)
                if stripped != text:
                    self.suffixless.setdefault(normalise_name(stripped), []).append(org)
                self.squashed.setdefault(normalise_name(text).replace(" ", ""), []).append(org)
                head = re.split(r"[,-]", text, maxsplit=1)
                if org.kind is OrgKind.MUNICIPALITY and len(head) == 2 and head[0].strip():
                    self.heads.setdefault(normalise_name(head[0]), []).append(org)


_INDEXES: dict[int, _Index] = {}


def _index(register: Network) -> _Index:
    found = _INDEXES.get(id(register))
    if found is None or found.register is not register:
        found = _INDEXES[id(register)] = _Index(register)
    return found


def _unique(orgs: list[Organisation]) -> list[Organisation]:
    return list({o.id: o for o in orgs}.values())


def _named(register: Network, text: str) -> list[Entity]:
    """The entities called ``text`` once case, accents and punctuation are set aside (no more)."""
    wanted = normalise_name(text)
    return [
        e for e in register.find(text, exact=True) if any(normalise_name(n) == wanted for n in names_of(e))
    ]


def _candidates(register: Network, name: str, kind: OrgKind | None) -> tuple[str | None, list[Organisation]]:
    def of_kind(orgs: list[Organisation]) -> list[Organisation]:
        return _unique([o for o in orgs if kind in (None, OrgKind.OTHER) or o.kind is kind])

    for rule, text in _variants(name):
        found = of_kind([e for e in _named(register, text) if isinstance(e, Organisation)])
        if found:
            return rule, found
    index = _index(register)
    forms = dict.fromkeys(normalise_name(t) for t in (name, _without_prefix(name)) if t)
    for rule, table, squash in (
        ("cbs-suffix", index.suffixless, False),
        ("spacing", index.squashed, True),
        ("short-form", index.heads, False),
    ):
        for form in forms:
            found = of_kind(table.get(form.replace(" ", "") if squash else form, []))
            if found:
                return rule, found
    return None, []


def resolve_name(register: Network, name: str, kind: OrgKind | None, on: date | None) -> Resolution:
    """Resolve ``name`` (of ``kind``, when stated) to one organisation of ``register`` on day ``on``.

    Args:
        register: the national register (``wk.load("register:")``) or any network of organisations.
        name: the name as the source writes it.
        kind: the kind the source states, or ``None`` to accept any kind (so does
            :attr:`~waterketen.OrgKind.OTHER`: a source's "other" is a kind it does not name).
        on: the day of the source; ``None`` when the source states no date.

    Returns:
        The :class:`Resolution`: the organisation (or ``None``), the rule that matched, a note.

    Examples:
        >>> register = wk.load("register:")
        >>> r = resolve_name(register, "NederBetuwe", wk.OrgKind.MUNICIPALITY, None)
        >>> r.organisation.id, r.rule
        ('neder-betuwe', 'spacing')
        >>> resolve_name(register, "Groningen", wk.OrgKind.MUNICIPALITY, date(2016, 1, 1)).organisation.id
        'groningen'
        >>> resolve_name(register, "Bergen", wk.OrgKind.MUNICIPALITY, None).candidates
        ('bergen-l', 'bergen-nh')
    """
    rule, found = _candidates(register, name, kind)
    if not found:
        return Resolution(name=name, organisation=None, rule=None, note="not found in the register")
    note = None
    if on is not None:
        sure = [o for o in found if o.period.contains(on)]
        maybe = [o for o in found if o.period.certainty(on) is not Certainty.NO]
        chosen = sure or maybe
        if not chosen:
            note = f"no organisation of that name on {on.isoformat()}: taken as of the last day it is valid"
    else:
        chosen = []
        note = "the source has no date: taken as of the last day the name is valid"
    if not chosen:
        latest = max(o.period.latest_end for o in found)
        chosen = [o for o in found if o.period.latest_end == latest]
    if len(chosen) > 1:
        ids = tuple(sorted(o.id for o in chosen))
        return Resolution(
            name=name,
            organisation=None,
            rule=rule,
            candidates=ids,
            note=f"ambiguous: {', '.join(ids)}",
        )
    return Resolution(name=name, organisation=chosen[0], rule=rule, note=note)
