"""The forms of a name are what the plain reading of its words gives: every kind word and legal form tried."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen import _names
from waterketen._nameindex import names_of
from waterketen.model import OrgKind


def plain_strip(words: list[str], kind: OrgKind | None) -> tuple[list[str], OrgKind | None, list[str]]:
    """``_strip`` without its shortcut: every legal form and kind word tried at every step."""
    stripped: list[str] = []
    changed = True
    while changed and len(words) > 1:
        changed = False
        for legal in _names._LEGAL_FORMS:
            n = len(legal)
            if len(words) > n and tuple(words[:n]) == legal:
                words, changed = words[n:], True
                stripped.append("N.V." if "n" in legal[0] else "B.V.")
            elif len(words) > n and tuple(words[-n:]) == legal:
                words, changed = words[:-n], True
                stripped.append("N.V." if "n" in legal[0] else "B.V.")
        for prefix, prefix_kind in _names._KIND_PREFIXES:
            n = len(prefix)
            if len(words) > n and tuple(words[:n]) == prefix and (kind is None or kind is prefix_kind):
                words, changed, kind = words[n:], True, prefix_kind
                stripped.append(" ".join(prefix).capitalize())
                break
    return words, kind, stripped


def plain_form(text: str) -> _names.NameForm:
    """``form`` as first written: the words of the text read again for each key."""
    full = _names.key(text)
    kind: OrgKind | None = None
    stripped: list[str] = []
    rest = text.strip()
    suffix = _names._SUFFIX.search(rest)
    if suffix:
        inner = suffix.group(1)
        hinted = _names._KIND_SUFFIXES.get(inner.casefold())
        if hinted is not None or _names._PROVINCE_SUFFIX.fullmatch(inner.replace(" ", "")):
            kind = hinted
            stripped.append(f"({inner})")
            rest = rest[: suffix.start()]
    core, kind, words_stripped = plain_strip(_names.words(rest), kind)
    bare = full if not suffix or not stripped else "".join(plain_strip(_names.words(text), kind)[0])
    return _names.NameForm(
        full=full, bare=bare, core="".join(core), kind=kind, stripped=tuple(words_stripped + stripped)
    )


PIECES = [
    "Gemeente",
    "gemeente",
    "Hoogheemraadschap",
    "van",
    "HHS",
    "Waterschap",
    "Wetterskip",
    "Provincie",
    "Drinkwaterbedrijf",
    "N.V.",
    "NV",
    "B.V.",
    "bv",
    "N",
    "V",
    "Groningen",
    "Hunze en Aa’s",
    "Bergen",
    "(NH.)",
    "(PV)",
    "(gemeente)",
    "(L.)",
    "(X)",
    "&",
    "Fryslân",
]


class TestForms:
    def test_every_shipped_name(self) -> None:
        """Each name of the embedded datasets has the forms the plain reading gives."""
        for location in ("regions:", "register:", "embedded:groningen-noord-drenthe"):
            for entity in wk.load(location, strict=False):
                for name in names_of(entity):
                    assert _names.form(name) == plain_form(name), name

    @given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6))
    def test_names_of_kind_words_and_suffixes(self, pieces: list[str]) -> None:
        """Any name made of kind words, legal forms, names and suffixes has the plain reading's forms."""
        text = " ".join(pieces)
        assert _names.form.__wrapped__(text) == plain_form(text)


class TestPlainPatterns:
    """The cheaper tests of a text (no regular expression compiled at import) answer as the patterns."""

    TEXTS = st.text(alphabet=st.sampled_from("aZé' ’‘`´ʼ-&\u00c2\u00c3\u00e2\u00a2\u0152\u2122\u00bf\u0080x"))

    @given(TEXTS)
    def test_mojibake_as_the_pattern(self, text: str) -> None:
        """Only a text with a lead byte then a continuation byte is taken for double-encoded UTF-8."""
        import re

        pattern = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152-\u2122]")
        if pattern.search(text) is None:
            assert _names.repair(text) == (text, False)
        else:
            assert _names._mojibake().search(text) is not None

    @given(TEXTS | st.text())
    def test_apostrophes_as_the_pattern(self, text: str) -> None:
        """A key drops the apostrophes the pattern ``['’‘`´ʼ]`` matches, and nothing else."""
        import re
        import unicodedata

        decomposed = unicodedata.normalize("NFKD", text.replace("&", " en "))
        bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        expected = _names._WORDS.findall(re.sub(r"['’‘`´ʼ]", "", bare))
        if not text.replace("&", " en ").isascii():
            assert _names._words(text) == expected
