"""The index of the names and codes of a network, and the matches it finds.

One job, for :mod:`waterketen.resolution`: index the names (whole, without
kind words, without suffixes) and codes of every entity of a network once,
and find the matches of a text by rule, in order of trust: codes, exact
names, other names, normalised names, abbreviations and names in use; parts
of names; and similar names (rapidfuzz, or the standard library's difflib
when rapidfuzz is missing).
"""

from __future__ import annotations

import enum
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from ._names import ALIASES, code_forms, code_problem, form, key, looks_like_code, repair, words
from .model import Change, Entity, Membership, Organisation, OrgKind, Spearhead, Tenure


if TYPE_CHECKING:
    from .network import Network

__all__ = ["FUZZY_CUTOFF", "STATE", "Index", "Rule", "index_of", "names_of"]

FUZZY_CUTOFF = 0.8
"""The least similarity (0 to 1) of a fuzzy match."""

STATE = 2
"""The form of :meth:`Index.state`: raise it when what the index holds, or how a name is put in
it, changes (a prebuilt load's shipped state of another form is then not used, and a test finds
a shipped state that differs from a fresh index)."""


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


class _Hit(NamedTuple):
    """One match: the entity, the rule, the score, the name or code matched, the explanation."""

    id: str
    rule: Rule
    score: float
    matched: str
    note: str


def index_of(net: Network) -> Index:
    """The name index of a network, built on first use and kept with it."""
    return net.name_index()


def names_of(entity: Entity) -> Iterator[str]:
    """The names an entity is found by: its name (a spearhead's title) and its other names."""
    if isinstance(entity, Membership | Tenure | Change):
        return
    first = entity.title if isinstance(entity, Spearhead) else entity.name
    if first:
        yield first
    yield from (n if type(n) is str else str(n) for n in getattr(entity, "other_names", ()) if n)


def _put(index: dict[str, list[str]], name: str, entity_id: str) -> None:
    found = index.setdefault(name, [])
    if entity_id not in found:
        found.append(entity_id)


def _pickle_loads(blob: bytes) -> Any:
    try:  # the C reader alone: the pure-Python pickle module is not needed to read
        from _pickle import loads
    except ImportError:  # pragma: no cover - another Python
        from pickle import loads
    return loads(blob)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


class Index:
    """The names and codes of one network, by their forms."""

    __slots__ = (
        "_choices",
        "_suffixes",
        "codes",
        "cores",
        "exact",
        "keys",
        "named",
        "network",
        "org_keys",
        "words",
    )

    def __init__(self, network: Network, shipped: bytes | None = None) -> None:
        """Index the names of ``network``, or take them from ``shipped``: the :meth:`state` of an
        index of this very network, which a prebuilt load ships (a state of another :data:`STATE`
        is not used)."""
        self.network = network
        self.exact: dict[str, list[str]] = {}
        self.keys: dict[str, list[str]] = {}
        self.cores: dict[str, list[str]] = {}
        self.codes: dict[str, list[str]] = {}
        self.words: list[tuple[tuple[str, ...], str, str]] = []
        """(the words of a name, the name, the id), for partial matches."""
        self.named: dict[tuple[str, str], str] = {}
        """(a key, an id) → the name of that entity with that key, for the entities of several names
        (an entity of one name has it under each of its keys)."""
        self.org_keys: list[str] = []
        self._suffixes: _Suffixes | None = None
        self._choices: list[str] | None = None
        state = None if shipped is None else _pickle_loads(shipped)
        if isinstance(state, tuple) and state[0] == STATE:
            names, order = state[1:8], state[8]
            self.exact, self.keys, self.cores, self.codes, self.words, self.named, self.org_keys = names
            self._suffixes = _Suffixes(self.words, order)
        else:
            self._build()

    def _build(self) -> None:
        """Index the names and codes of every entity of the network."""
        org_keys: set[str] = set()
        for entity in self.network:
            organisation = isinstance(entity, Organisation)
            names = list(names_of(entity))
            for name in names:
                _put(self.exact, _nfc(name), entity.id)
                shape = form(name)
                if len(names) > 1:
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

    def state(self) -> tuple[Any, ...]:
        """What the index holds but its network (the word-suffixes sorted too), for a prebuilt load
        to ship (see :mod:`waterketen.sources._prebuilt`); equal for equal indexes."""
        suffixes = self._suffixes or _Suffixes(self.words)
        names = (self.exact, self.keys, self.cores, self.codes, self.words, self.named, self.org_keys)
        return (STATE, *names, suffixes.order())

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
        return next(names_of(self.network[entity_id]), "")  # an entity of one name

    def fuzzy(
        self, text: str, want: OrgKind | None, *, organisations: bool, cutoff: float = FUZZY_CUTOFF
    ) -> list[_Hit]:
        """Names like ``text`` (similarity at least ``cutoff``), best first; scores stay below 1."""
        fixed, _ = repair(text)
        shape = form(fixed)
        queries = _variants(fixed, shape.full, shape.core)
        if not queries:
            return []
        if organisations:
            choices = self.org_keys
        else:
            if self._choices is None:
                self._choices = [*self.keys, *self.cores]
            choices = self._choices
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
        if self._suffixes is None:
            self._suffixes = _Suffixes(self.words)
        hits: dict[str, _Hit] = {}
        # Only the names with a word-suffix that starts with ``wanted``, in the order of ``words``:
        # the names left out would fail the test below, so the hits are those of a full scan.
        for position in self._suffixes.starting_with(wanted):
            parts, name, entity_id = self.words[position]
            whole = "".join(parts)
            if len(whole) <= len(wanted) or entity_id in hits:
                continue
            if any("".join(parts[i:]).startswith(wanted) for i in range(len(parts))) and self._keep(
                (entity_id,), want, organisations
            ):
                score = 0.5 + 0.5 * len(wanted) / len(whole)
                hits[entity_id] = _Hit(entity_id, Rule.PARTIAL, score, name, f"part of the name {name!r}")
        return sorted(hits.values(), key=lambda h: -h.score)


class _Suffixes:
    """Every name's word-suffixes (its words from one on, joined) in sorted order, for :meth:`Index.partial`.

    The texts starting with a prefix are one run of a sorted list, found by
    bisection; the list holds only where each suffix starts (the name's
    position in ``words`` and the offset in its joined words), 8 bytes a
    suffix, and the suffix itself is joined again when bisection compares it.
    """

    __slots__ = ("_offsets", "_owners", "_words")

    def __init__(
        self, names: list[tuple[tuple[str, ...], str, str]], order: tuple[bytes, bytes] | None = None
    ) -> None:
        self._words = names
        if order is not None:  # as :meth:`order` gave it
            self._owners, self._offsets = array("i", order[0]), array("i", order[1])
            return
        texts: list[str] = []
        owners, offsets = array("i"), array("i")
        for position, (parts, _, _) in enumerate(names):
            whole, offset = "".join(parts), 0
            for part in parts:
                texts.append(whole[offset:])
                owners.append(position)
                offsets.append(offset)
                offset += len(part)
        sorted_ = sorted(range(len(texts)), key=texts.__getitem__)
        self._owners = array("i", [owners[i] for i in sorted_])
        self._offsets = array("i", [offsets[i] for i in sorted_])

    def order(self) -> tuple[bytes, bytes]:
        """The sorted suffixes' owners and offsets, as the bytes of their arrays."""
        return self._owners.tobytes(), self._offsets.tobytes()

    def _text(self, i: int) -> str:
        return "".join(self._words[self._owners[i]][0])[self._offsets[i] :]

    def starting_with(self, prefix: str) -> list[int]:
        """The positions of the names with a word-suffix that starts with ``prefix``, ascending, each once."""
        first = bisect_left(range(len(self._owners)), prefix, key=self._text)
        found: set[int] = set()
        for i in range(first, len(self._owners)):
            if not self._text(i).startswith(prefix):
                break
            found.add(self._owners[i])
        return sorted(found)


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
