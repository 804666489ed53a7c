"""Text helpers: decoding, paragraphs, sentences, numbers, dates, names and ids.

Nothing here knows about the model; every function is total on any text.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import date

from attrs import frozen

from waterketen.query import normalise_name


__all__ = [
    "NUMBER",
    "UPPER",
    "Line",
    "Paragraph",
    "make_id",
    "norm",
    "paragraphs",
    "parse_day",
    "parse_number",
    "sentences",
    "slug",
    "split_names",
]

norm = functools.lru_cache(maxsize=1 << 16)(normalise_name)
""":func:`waterketen.normalise_name`, remembered: pages repeat their names."""

MAX_SENTENCE = 2000
"""Sentences longer than this are not parsed (no region page has one; it keeps the parser linear)."""

_WORDS = {
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
}
NUMBER = r"(?:[0-9]{1,4}|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
"""A count as the pages write it: digits or a Dutch number word (not "een", which is also "a")."""

UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper())
"""The upper-case letters of the Latin scripts, for character classes."""

MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
"""The Dutch names of the months, in order."""
_MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
_NUMERIC_DAY = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")
_WORDED_DAY = re.compile(r"([0-9]{1,2})\s+(" + "|".join(_MONTHS) + r")\s+([0-9]{4})", re.IGNORECASE)


@frozen
class Line:
    """One line of a page: its number (from 1) and its text."""

    number: int
    text: str


@frozen
class Paragraph:
    """Consecutive non-blank lines."""

    lines: tuple[Line, ...]

    @property
    def place(self) -> str:
        """``line 9`` or ``lines 19-25``."""
        first, last = self.lines[0].number, self.lines[-1].number
        return f"line {first}" if first == last else f"lines {first}-{last}"


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of a page: runs of lines that are not blank (a no-break space is blank).

    Examples:
        >>> [p.place for p in paragraphs("Regio\\n\\nA\\nB\\n\\u00a0\\nC")]
        ['line 1', 'lines 3-4', 'line 6']
    """
    out: list[Paragraph] = []
    current: list[Line] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line:
            current.append(Line(number, line))
        elif current:
            out.append(Paragraph(tuple(current)))
            current = []
    if current:
        out.append(Paragraph(tuple(current)))
    return out


_SENTENCE_END = re.compile(rf"(?<=[.!?])\s+(?=[{UPPER}])")


def sentences(text: str) -> list[str]:
    """The sentences of a line; a sentence ends at ``.``, ``!`` or ``?`` before a capital.

    Examples:
        >>> sentences("De regio is verdeeld in 7 clusters. In elk cluster is een waterteam actief.")
        ['De regio is verdeeld in 7 clusters.', 'In elk cluster is een waterteam actief.']
    """
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def parse_number(text: str) -> int | None:
    """A count written in digits or as a Dutch number word.

    Examples:
        >>> parse_number("31"), parse_number("zeven"), parse_number("veel")
        (31, 7, None)
    """
    if text.isdigit() and text.isascii():
        return int(text)
    return _WORDS.get(text.casefold())


def parse_day(text: str) -> date | None:
    """The first real day written in ``text`` as ``DD-MM-YYYY`` (or with / or .) or ``3 april 2019``.

    Examples:
        >>> parse_day("Laatst bijgewerkt: 03-04-2019")
        datetime.date(2019, 4, 3)
        >>> parse_day("bijgewerkt op 3 April 2019"), parse_day("31-02-2019")
        (datetime.date(2019, 4, 3), None)
    """
    for match in _NUMERIC_DAY.finditer(text):
        with_day = _day(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if with_day:
            return with_day
    for match in _WORDED_DAY.finditer(text):
        with_day = _day(int(match.group(3)), _MONTHS[match.group(2).casefold()], int(match.group(1)))
        if with_day:
            return with_day
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def slug(name: str, *, limit: int = 60) -> str:
    """A readable id part for a name: its normalised form with dashes, or a hash.

    Examples:
        >>> slug("Hunze en Aa’s"), slug("Groningen Centraal")
        ('hunze-en-aas', 'groningen-centraal')
        >>> slug("北京")
        'x-...'
    """
    text = norm(name).replace(" ", "-")
    if not text:
        return "x-" + _digest(name)
    if len(text) > limit:
        return text[:limit].rstrip("-") + "-" + _digest(name)
    return text


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def make_id(*parts: str, joiner: str = "/") -> str:
    """An id from parts, always valid: at most 200 characters, no spaces.

    Examples:
        >>> make_id("wiki-x", "cluster-dal")
        'wiki-x/cluster-dal'
    """
    text = joiner.join(parts)
    if len(text) <= 200:
        return text
    return text[:180] + "-" + _digest(text)


# -- lists of names -------------------------------------------------------------------------

_CONNECTORS = frozenset(
    {"en", "van", "de", "der", "den", "het", "aan", "op", "te", "ter", "ten", "'s", "’s", "&"}
)
_NAME_WORD = rf"(?:(?:['’]s-)?[{UPPER}][^\s,;:()\[\]]*)"
_CONNECTOR = r"(?:en|van|de|der|den|het|aan|op|te|ter|ten|'s|’s|&)"
NAME_LIST = re.compile(
    rf"(?:{_CONNECTOR}\s+)*{_NAME_WORD}(?:(?:\s*,\s*|\s+)(?:{_CONNECTOR}\s+)*{_NAME_WORD})*"
)
"""A run of capitalised words, commas and connecting words, starting and ending with a name word."""

_MAX_SEGMENT = 4
_MAX_PIECES = 40


def split_names(text: str, known: Callable[[str], bool]) -> list[str]:
    """Split a list of names at commas and at the "en" that joins them, not the one inside a name.

    "Assen en Aa en Hunze" is two names when ``known("Aa en Hunze")``: the
    split covering most words with known names wins; without knowledge,
    every "en" separates two names.

    Examples:
        >>> split_names("Noordenveld, Tynaarlo, Assen en Aa en Hunze", lambda n: n == "Aa en Hunze")
        ['Noordenveld', 'Tynaarlo', 'Assen', 'Aa en Hunze']
        >>> split_names("Delfzijl, Appingedam en Loppersum", lambda n: False)
        ['Delfzijl', 'Appingedam', 'Loppersum']
    """
    out: list[str] = []
    for piece in re.split(r"\s*[,;]\s*", text):
        tokens = [t.strip() for t in re.split(r"\s+en\s+", piece.strip())]
        tokens = [t for t in tokens if t and t.casefold() != "en"]
        if not tokens:
            continue
        if len(tokens) == 1 or len(tokens) > _MAX_PIECES:
            out.extend(tokens)
            continue
        out.extend(_best_split(tokens, known))
    return out


def _best_split(tokens: list[str], known: Callable[[str], bool]) -> list[str]:
    # best[i]: (words covered by known names, number of names, names) for tokens[i:]
    best: list[tuple[int, int, list[str]]] = [(0, 0, [])] * (len(tokens) + 1)
    for start in range(len(tokens) - 1, -1, -1):
        options = []
        for end in range(start + 1, min(len(tokens), start + _MAX_SEGMENT) + 1):
            name = " en ".join(tokens[start:end])
            covered, count, names = best[end]
            gain = (end - start) if known(name) else 0
            options.append((covered + gain, count + 1, [name, *names]))
        best[start] = max(options, key=lambda o: (o[0], o[1]))
    return best[0][2]


def names_in(text: str) -> Iterator[re.Match[str]]:
    """The runs of names in ``text`` (see :data:`NAME_LIST`)."""
    return NAME_LIST.finditer(text)


def is_connector(word: str) -> bool:
    """True for the lower-case words that may stand inside a list of names."""
    return word in _CONNECTORS
