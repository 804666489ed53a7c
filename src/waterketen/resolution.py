"""Name resolution: which organisation a name or a code denotes on a day, and by which rule.

One mechanism for every source and for :meth:`~waterketen.Network.find`:
:func:`resolve` gives the best match (or ``None``), :func:`candidates` every
match, ranked, and :func:`explain` both with the reason. Each
:class:`Resolution` names the :class:`Rule` that made it, in this order of
trust: an exact code, the exact name, another name of the organisation, the
name after normalising (case, accents, punctuation, spaces, double-encoded
UTF-8, ``Gemeente``-style words and CBS suffixes), a known abbreviation or name
in use, and last a fuzzy match, whose score is always below 1.

A name that belonged to several organisations (Groningen, GM0014, before
and after 2019) is resolved by the day; a name that is ambiguous on that day
has no best match, and :func:`explain` says why.

The names of a network are indexed once, on the first question, and the
index is kept with the network.

Examples:
    >>> r = wk.resolve("Gemeente Bedum")
    >>> r.organisation.id, r.rule.value, r.score
    ('bedum', 'normalised', 1.0)
    >>> wk.resolve("GM0014", on="2019-06-01").organisation.id
    'groningen-2019'
    >>> wk.resolve("GM0014") is None
    True
    >>> print(wk.explain("GM0014").reason)  # doctest: +NORMALIZE_WHITESPACE
    'GM0014' names 2 organisations over all time: groningen […, 2019-01-01),
    groningen-2019 [2019-01-01, …); pass on=<a day> (--at on the command line)
"""

from __future__ import annotations

import enum
import functools
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ._names import ALIASES, code_forms, code_problem, form, key, looks_like_code, repair, words
from ._time import Certainty, DateLike, as_date
from .errors import UnknownEntityError
from .model import Change, Entity, Membership, Organisation, OrgKind, Spearhead, Tenure


if TYPE_CHECKING:
    from .network import Network

__all__ = ["Outcome", "Resolution", "Rule", "candidates", "default_network", "explain", "resolve"]

FUZZY_CUTOFF = 0.8
"""The least similarity (0 to 1) of a fuzzy match."""
FUZZY_MARGIN = 0.04
"""How much better than the next organisation a fuzzy match must be to be the best."""


class Rule(enum.Enum):
    """What made a match, from the most to the least certain."""

    EXACT_CODE = "exact-code"
    """An identifier of the organisation, in any of its written forms (``5`` is ``GM0005``)."""
    EXACT_NAME = "exact-name"
    """The organisation's name, as written."""
    OTHER_NAME = "other-name"
    """Another name of the organisation, or a name in use for it (Den Haag)."""
    NORMALISED = "normalised"
    """A name after normalising: case, accents, punctuation, spaces, kind words, suffixes."""
    ABBREVIATION = "abbreviation"
    """A known abbreviation (HHNK), with its source."""
    PARTIAL = "partial"
    """Part of a name, from a word on (only :meth:`~waterketen.Network.find` uses it)."""
    FUZZY = "fuzzy"
    """A similar name (a misspelling): check it."""


@frozen(kw_only=True)
class Resolution:
    """One organisation a name or code may denote, the rule that says so, and why."""

    query: str
    """The text resolved."""
    organisation: Organisation
    rule: Rule
    score: float
    """1 for the exact and normalised rules; below 1 for a fuzzy match."""
    matched: str
    """The name or code of the organisation that matched."""
    why: str
    """The explanation, for people."""


@frozen(kw_only=True)
class Outcome:
    """The answer of :func:`explain`: the best match, if one, all candidates and the reason."""

    query: str
    on: date | None
    best: Resolution | None
    candidates: tuple[Resolution, ...]
    reason: str


@frozen
class _Hit:
    id: str
    rule: Rule
    score: float
    matched: str
    note: str


def default_network() -> Network:
    """The network names resolve against when none is given.

    The national register (``wk.load("register:")``) when a source type
    reads it, else the embedded dataset; loaded once.
    """
    return _default()[0]


def default_is_register() -> bool:
    """Whether :func:`default_network` is the national register (then a code it lacks never existed)."""
    return _default()[1]


@functools.cache
def _default() -> tuple[Network, bool]:
    from .load import load, source_types

    if any("register" in t.schemes for t in source_types()):
        return load("register:"), True
    return load(), False


def resolve(
    name: str,
    *,
    on: DateLike | None = None,
    kind: OrgKind | str | None = None,
    network: Network | None = None,
) -> Resolution | None:
    """The organisation ``name`` (a name or a code) denotes, or ``None``.

    Args:
        name: a name as a source writes it, or a code (``GM0005``, ``5``, ``WS16``).
        on: the day the name is about; without it, over all time.
        kind: only organisations of this kind (``municipality``, ``gemeente``, ...).
        network: the organisations to look in (default: :func:`~waterketen.resolution.default_network`).

    Returns:
        The best match; ``None`` when nothing matches, or when several
        organisations match equally (see :func:`explain` for why).

    Examples:
        >>> wk.resolve("Hunze en Aa’s").rule.value, wk.resolve("hunze en aas").rule.value
        ('exact-name', 'normalised')
        >>> r = wk.resolve("de Pekala's")
        >>> r.organisation.name, r.rule.value, r.score < 1
        ('Pekela', 'fuzzy', True)
    """
    return _outcome(name, on, kind, network, full=False).best


def candidates(
    name: str,
    *,
    on: DateLike | None = None,
    kind: OrgKind | str | None = None,
    network: Network | None = None,
) -> tuple[Resolution, ...]:
    """Every organisation ``name`` may denote, the most likely first.

    Examples:
        >>> [(c.organisation.id, c.rule.value) for c in wk.candidates("Groningen")]
        [('groningen', 'exact-name'), ('groningen-2019', 'exact-name')]
    """
    return explain(name, on=on, kind=kind, network=network).candidates


def explain(
    name: str,
    *,
    on: DateLike | None = None,
    kind: OrgKind | str | None = None,
    network: Network | None = None,
) -> Outcome:
    """The best match of ``name``, if there is one, every candidate, and why.

    See :func:`resolve` for the arguments.

    Examples:
        >>> wk.explain("Bedum", on="2020-01-01").reason
        "'Bedum' names bedum, which did not exist on 2020-01-01 (it existed […, 2019-01-01))"
    """
    return _outcome(name, on, kind, network, full=True)


def _outcome(
    name: str, on: DateLike | None, kind: OrgKind | str | None, network: Network | None, *, full: bool
) -> Outcome:
    """What :func:`explain` answers; not ``full``: the best match only (no candidates, no suggestions)."""
    net = network if network is not None else default_network()
    day = None if on is None else as_date(on)
    want = _kind(kind)
    index = _index(net)
    tiers, problem = index.tiers(name, want, organisations=True)
    if not any(tiers):
        fuzzy = index.fuzzy(name, want, organisations=True)
        tiers = [fuzzy]
    found: list[Resolution] = []
    seen: set[str] = set()
    best: Resolution | None = None
    reason = ""
    for tier in tiers:
        if not tier:
            continue
        hits = sorted(tier, key=lambda h: -h.score)
        valid = _valid(net, hits, day)
        if not reason:
            best, reason = _decide(net, name, hits, valid, day)
            if not full:
                return Outcome(query=name, on=day, best=best, candidates=(), reason=reason)
        for hit in [*valid, *(h for h in hits if h not in valid)]:
            if hit.id in seen:
                continue
            seen.add(hit.id)
            found.append(_resolution(net, name, hit, day))
    if best is not None:
        best = next(r for r in found if r.organisation.id == best.organisation.id)
    if not reason:
        reason = problem or f"no organisation has the name or code {name!r}"
        if full and not problem:
            reason += _suggestion(net, name, (Organisation,))
    return Outcome(query=name, on=day, best=best, candidates=tuple(found), reason=reason)


def _kind(kind: OrgKind | str | None) -> OrgKind | None:
    if kind is None or isinstance(kind, OrgKind):
        return kind
    text = kind.strip().lower()
    dutch = {
        "gemeente": "municipality",
        "waterschap": "water-board",
        "hoogheemraadschap": "water-board",
        "wetterskip": "water-board",
        "drinkwaterbedrijf": "water-company",
        "waterbedrijf": "water-company",
        "provincie": "province",
    }
    try:
        return OrgKind(dutch.get(text, text))
    except ValueError:
        choices = ", ".join(k.value for k in OrgKind)
        raise ValueError(f"expected a kind of organisation of {choices}; got {kind!r}") from None


def _valid(net: Network, hits: list[_Hit], day: date | None) -> list[_Hit]:
    if day is None:
        return hits
    yes = [h for h in hits if net.certainty(h.id, day) is Certainty.YES]
    return yes or [h for h in hits if net.certainty(h.id, day) is Certainty.UNCERTAIN]


def _decide(
    net: Network, name: str, hits: list[_Hit], valid: list[_Hit], day: date | None
) -> tuple[Resolution | None, str]:
    """The best of one tier's hits, or ``None``, and the reason."""
    if not valid:
        assert day is not None
        ids = list(dict.fromkeys(h.id for h in hits))
        periods = "; ".join(str(_org(net, i).period) for i in ids)
        return None, f"{name!r} names {', '.join(ids)}, which did not exist on {day} (it existed {periods})"
    ids = list(dict.fromkeys(h.id for h in valid))
    top = valid[0]
    if len(ids) > 1 and top.rule is Rule.FUZZY:
        runner_up = next(h for h in valid if h.id != top.id)
        if top.score - runner_up.score >= FUZZY_MARGIN:
            ids = [top.id]
    if len(ids) == 1:
        best = _resolution(net, name, top, day)
        return best, best.why
    when = "over all time" if day is None else f"on {day}"
    listed = ", ".join(_label(net, i, day) for i in ids)
    kinds = {_org(net, i).kind for i in ids}
    hint = "pass on=<a day> (--at on the command line)" if day is None else "give a code or an id"
    if len(kinds) > 1:
        hint = "pass kind= (--kind on the command line) or " + hint
    return None, f"{name!r} names {len(ids)} organisations {when}: {listed}; {hint}"


def _org(net: Network, entity_id: str) -> Organisation:
    org = net[entity_id]
    assert isinstance(org, Organisation)
    return org


def _label(net: Network, entity_id: str, day: date | None) -> str:
    org = net[entity_id]
    assert isinstance(org, Organisation)
    return f"{org.id} ({org.kind.value})" if day is not None else f"{org.id} {org.period}"


def _resolution(net: Network, name: str, hit: _Hit, day: date | None) -> Resolution:
    org = net[hit.id]
    assert isinstance(org, Organisation)
    why = f"{hit.note} of {org.name} ({org.id})"
    if day is not None:
        certainty = net.certainty(org.id, day)
        why += {
            Certainty.YES: f", which existed on {day}",
            Certainty.UNCERTAIN: f", which may have existed on {day} ({org.period})",
            Certainty.NO: f", which did not exist on {day} ({org.period})",
        }[certainty]
    return Resolution(
        query=name, organisation=org, rule=hit.rule, score=hit.score, matched=hit.matched, why=why
    )


# -- the index ------------------------------------------------------------------------------------


def _index(net: Network) -> _Index:
    """The name index of a network, built on first use and kept with it."""
    index = net._name_index
    if index is None:
        index = net._name_index = _Index(net)
    assert isinstance(index, _Index)
    return index


def names_of(entity: Entity) -> Iterator[str]:
    """The names an entity is found by: its name (a spearhead's title) and its other names."""
    if isinstance(entity, Membership | Tenure | Change):
        return
    first = entity.title if isinstance(entity, Spearhead) else entity.name
    if first:
        yield first
    yield from (n for n in getattr(entity, "other_names", ()) if n)


def _put(index: dict[str, list[str]], name: str, entity_id: str) -> None:
    found = index.setdefault(name, [])
    if entity_id not in found:
        found.append(entity_id)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


class _Index:
    """The names and codes of one network, by their forms."""

    __slots__ = ("codes", "cores", "exact", "keys", "named", "network", "org_keys", "words")

    def __init__(self, network: Network) -> None:
        self.network = network
        self.exact: dict[str, list[str]] = {}
        self.keys: dict[str, list[str]] = {}
        self.cores: dict[str, list[str]] = {}
        self.codes: dict[str, list[str]] = {}
        self.words: list[tuple[tuple[str, ...], str, str]] = []
        """(the words of a name, the name, the id), for partial matches."""
        self.named: dict[tuple[str, str], str] = {}
        """(a key, an id) → the name of that entity with that key."""
        org_keys: set[str] = set()
        for entity in network:
            organisation = isinstance(entity, Organisation)
            for name in names_of(entity):
                _put(self.exact, _nfc(name), entity.id)
                shape = form(name)
                for each in (shape.full, shape.bare, shape.core):
                    self.named.setdefault((each, entity.id), name)
                _put(self.keys, shape.full, entity.id)
                for other in (shape.bare, shape.core):
                    if other and other != shape.full:
                        _put(self.cores, other, entity.id)
                self.words.append((tuple(words(name)), name, entity.id))
                if organisation:
                    org_keys.update((shape.full, shape.bare, shape.core))
            if isinstance(entity, Organisation):
                for identifier in entity.identifiers:
                    value = identifier.value.strip().upper()
                    for code in {value, *code_forms(value)}:
                        _put(self.codes, code, entity.id)
        org_keys.discard("")
        self.org_keys = sorted(org_keys)

    def _keep(self, ids: Iterable[str], want: OrgKind | None, organisations: bool) -> list[str]:
        entities = self.network
        out = []
        for entity_id in ids:
            entity = entities[entity_id]
            if isinstance(entity, Organisation):
                if want is None or entity.kind is want:
                    out.append(entity_id)
            elif not organisations and want is None:
                out.append(entity_id)
        return out

    def tiers(self, text: str, want: OrgKind | None, *, organisations: bool) -> tuple[list[list[_Hit]], str]:
        """The deterministic matches of ``text``, one list per rule in order of trust, and a problem."""
        fixed, repaired = repair(text)
        if looks_like_code(fixed):
            forms = code_forms(fixed, want)
            if not forms:
                return [], code_problem(fixed)
            hits = [
                _Hit(i, Rule.EXACT_CODE, 1.0, self._code_of(i, code), "the code " + self._code_of(i, code))
                for code in forms
                for i in self._keep(self.codes.get(code, ()), want, organisations)
            ]
            return [hits], "" if hits else f"no organisation has the code {forms[0]}"
        shape = form(fixed)
        hint = want or shape.kind
        exact_name: list[_Hit] = []
        other_name: list[_Hit] = []
        written = _nfc(fixed)
        for i in self._keep(self.exact.get(written, ()), want, organisations):
            entity = self.network[i]
            primary = written == _nfc(next(names_of(entity), ""))
            if repaired:
                note = "the name, repaired from double-encoded UTF-8,"
                exact_name.append(_Hit(i, Rule.NORMALISED, 1.0, written, note))
            elif primary:
                exact_name.append(_Hit(i, Rule.EXACT_NAME, 1.0, written, "the name"))
            else:
                other_name.append(_Hit(i, Rule.OTHER_NAME, 1.0, written, f"another name ({written!r})"))
        normalised = [
            _Hit(i, Rule.NORMALISED, 1.0, self._name_of(i, shape.full), "the name, normalised,")
            for i in self._keep(self.keys.get(shape.full, ()), want, organisations)
        ]
        stripped: list[list[_Hit]] = []
        for other in dict.fromkeys((shape.bare, shape.core)):
            if not other:
                continue
            taken = " and ".join(repr(w) for w in shape.stripped)
            note = "the name, normalised" + (f" and without {taken}," if taken else ",")
            ids = [*(self.keys.get(other, ()) if other != shape.full else ()), *self.cores.get(other, ())]
            stripped.append(
                [
                    _Hit(i, Rule.NORMALISED, 1.0, self._name_of(i, other), note)
                    for i in dict.fromkeys(self._keep(ids, hint, organisations))
                ]
            )
        aliases: list[_Hit] = []
        for alias in _ALIASES.get(shape.full, ()):
            if hint is not None and alias.kind is not hint:
                continue
            target = key(alias.name)
            ids = [*self.keys.get(target, ()), *self.cores.get(target, ())]
            rule = Rule.ABBREVIATION if alias.abbreviation else Rule.OTHER_NAME
            what = "an abbreviation" if alias.abbreviation else "a name in use"
            note = f"{what} ({alias.alias!r}, source: {alias.source})"
            aliases += [
                _Hit(i, rule, 1.0, alias.alias, note) for i in self._keep(ids, alias.kind, organisations)
            ]
        return [exact_name, other_name, normalised, *stripped, aliases], ""

    def _code_of(self, entity_id: str, code: str) -> str:
        org = self.network[entity_id]
        assert isinstance(org, Organisation)
        for identifier in org.identifiers:
            value = identifier.value.strip().upper()
            if value == code or code in code_forms(value):
                return str(identifier)
        return code  # pragma: no cover - every code indexed is one of its identifiers

    def _name_of(self, entity_id: str, wanted: str) -> str:
        found = self.named.get((wanted, entity_id))
        if found is not None:
            return found
        for name in names_of(self.network[entity_id]):  # pragma: no cover - every key is named
            shape = form(name)
            if wanted in (shape.full, shape.bare, shape.core):
                return name
        return next(names_of(self.network[entity_id]), "")  # pragma: no cover

    def fuzzy(
        self, text: str, want: OrgKind | None, *, organisations: bool, cutoff: float = FUZZY_CUTOFF
    ) -> list[_Hit]:
        """Names like ``text`` (similarity at least ``cutoff``), best first; scores stay below 1."""
        fixed, _ = repair(text)
        shape = form(fixed)
        queries = _variants(fixed, shape.full, shape.core)
        if not queries:
            return []
        choices = self.org_keys if organisations else [*self.keys, *self.cores]
        scores: dict[str, float] = {}
        for query in queries:
            for choice, score in _similar(query, choices, cutoff):
                scores[choice] = max(scores.get(choice, 0.0), score)
        hint = want or shape.kind
        hits: dict[str, _Hit] = {}
        for choice, score in sorted(scores.items(), key=lambda kv: -kv[1]):
            ids = [*self.keys.get(choice, ()), *self.cores.get(choice, ())]
            for i in self._keep(ids, hint, organisations):
                if i not in hits:
                    name = self._name_of(i, choice)
                    note = f"a name like {name!r} (similarity {score:.2f}): check it;"
                    hits[i] = _Hit(i, Rule.FUZZY, min(score, 0.99), name, note[:-1])
        return list(hits.values())

    def partial(self, text: str, want: OrgKind | None, *, organisations: bool) -> list[_Hit]:
        """Names of which ``text`` is a part, from a word on (``bed`` in Bedum)."""
        wanted = key(repair(text)[0])
        if len(wanted) < 2:
            return []
        hits: dict[str, _Hit] = {}
        for parts, name, entity_id in self.words:
            whole = "".join(parts)
            if len(whole) <= len(wanted) or entity_id in hits:
                continue
            if any("".join(parts[i:]).startswith(wanted) for i in range(len(parts))) and self._keep(
                (entity_id,), want, organisations
            ):
                score = 0.5 + 0.5 * len(wanted) / len(whole)
                hits[entity_id] = _Hit(entity_id, Rule.PARTIAL, score, name, f"part of the name {name!r}")
        return sorted(hits.values(), key=lambda h: -h.score)


def _variants(text: str, full: str, core: str) -> list[str]:
    """The keys a fuzzy match tries: whole, without kind words, without an article or a plural ``'s``."""
    out = [full, core]
    words = text.split()
    if len(words) > 1 and words[0].casefold() in ("de", "het", "'t", "’t"):
        out.append(key(" ".join(words[1:])))
    for candidate in list(out):
        if text.rstrip().endswith(("'s", "’s")) and candidate.endswith("s"):
            out.append(candidate[:-1])
    return [v for v in dict.fromkeys(out) if len(v) >= 3]


def _similar(query: str, choices: list[str], cutoff: float) -> list[tuple[str, float]]:
    """The choices like ``query``, with similarity 0 to 1: rapidfuzz when installed, else difflib."""
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency; difflib stands in
        import difflib

        matcher = difflib.SequenceMatcher(b=query)
        out = []
        for choice in choices:
            matcher.set_seq1(choice)
            if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                ratio = matcher.ratio()
                if ratio >= cutoff:
                    out.append((choice, ratio))
        return sorted(out, key=lambda cs: -cs[1])[:10]
    found = process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff * 100, limit=10)
    return [(choice, score / 100) for choice, score, _ in found]


_ALIASES: dict[str, list[Any]] = {}
for _alias in ALIASES:
    _ALIASES.setdefault(key(_alias.alias), []).append(_alias)


# -- for Network.find and its errors ---------------------------------------------------------------


def find(
    network: Network,
    name: str,
    *,
    kind: type[Any] | None = None,
    on: DateLike | None = None,
    exact: bool = False,
) -> tuple[Entity, ...]:
    """Entities called ``name``, ranked: exact and normalised names, then parts of names, then
    (when nothing else matches) similar names. ``exact`` keeps only the first kind."""
    index = _index(network)
    classes = () if kind is None else (kind,)
    hits: list[_Hit] = [h for tier in index.tiers(name, None, organisations=False)[0] for h in tier]
    if not exact:
        hits += index.partial(name, None, organisations=False)
        if not hits:
            hits = index.fuzzy(name, None, organisations=False)
    day = None if on is None else as_date(on)
    out: dict[str, Entity] = {}
    for hit in hits:
        entity = network[hit.id]
        if classes and not isinstance(entity, classes):
            continue
        if day is not None and not network._valid_one(entity, day):
            continue
        out.setdefault(hit.id, entity)
    return tuple(out.values())


def unknown(
    network: Network, message: str, text: str, kinds: tuple[type[Entity], ...] = ()
) -> UnknownEntityError:
    """An :class:`~waterketen.UnknownEntityError` whose message ends in "did you mean …?".

    The suggestions are looked for only when the message is shown.
    """
    return _Unknown(message, network, text, kinds)


class _Unknown(UnknownEntityError):
    def __init__(self, message: str, network: Network, text: str, kinds: tuple[type[Entity], ...]) -> None:
        super().__init__(message)
        self._about: tuple[Network, str, tuple[type[Entity], ...]] | None = (network, text, kinds)
        self._message = message

    def __str__(self) -> str:
        if self._about is not None:
            network, text, kinds = self._about
            self._about = None
            self._message += _suggestion(network, text, kinds)
        return self._message


def _suggestion(network: Network, text: str, kinds: tuple[type[Entity], ...]) -> str:
    index = _index(network)
    hits = index.partial(text, None, organisations=False) + index.fuzzy(
        text, None, organisations=False, cutoff=0.6
    )
    names: list[str] = []
    for hit in sorted(hits, key=lambda h: -h.score):
        entity = network[hit.id]
        if kinds and not isinstance(entity, kinds):
            continue
        label = f"{hit.matched} ({hit.id})"
        if label not in names:
            names.append(label)
        if len(names) == 3:
            break
    return f"; did you mean {' or '.join(names)}?" if names else ""
