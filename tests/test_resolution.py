"""Tests for name resolution: the messy names of real Dutch data, by rule, by day."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen._names import ALIASES, code_forms, form, key, repair
from waterketen.resolution import Rule

from . import registerlike


REGISTER = registerlike.network()


def resolved(name: str, **kwargs: object) -> tuple[str, str] | None:
    found = wk.resolve(name, network=REGISTER, **kwargs)  # type: ignore[arg-type]
    return None if found is None else (found.organisation.id, found.rule.value)


class TestMessyNames:
    """Each messy name of real Dutch public data resolves, by the expected rule."""

    @pytest.mark.parametrize(
        ("name", "on", "expected"),
        [
            ("Bedum", None, ("bedum", "exact-name")),
            ("  Bedum ", None, ("bedum", "exact-name")),
            ("BEDUM", None, ("bedum", "normalised")),
            ("Gemeente Bedum", None, ("bedum", "normalised")),
            ("gemeente bedum", None, ("bedum", "normalised")),
            ("Gemeente Groningen", "2020-01-01", ("groningen-2019", "normalised")),
            ("Provincie Groningen", "2020-01-01", ("provincie-groningen", "normalised")),
            ("Waterschap Noorderzijlvest", None, ("noorderzijlvest", "exact-name")),
            ("Noorderzijlvest", None, ("noorderzijlvest", "normalised")),
            ("Hunze en Aa’s", None, ("hunze-en-aas", "normalised")),
            ("Hoogheemraadschap van Delfland", None, ("delfland", "exact-name")),
            ("Hoogheemraadschap Delfland", None, ("delfland", "normalised")),
            ("Hhs Hollands Noorderkwartier", None, ("hhnk", "other-name")),
            ("HHNK", None, ("hhnk", "abbreviation")),
            ("hhnk", None, ("hhnk", "abbreviation")),
            ("AGV", None, ("agv", "abbreviation")),
            ("Hoogheemraadschap Amstel, Gooi en Vecht", None, ("agv", "normalised")),
            ("Wetterskip Fryslân", None, ("wetterskip-fryslan", "exact-name")),
            ("Wetterskip FryslÃ¢n", None, ("wetterskip-fryslan", "normalised")),
            ("wetterskip fryslan", None, ("wetterskip-fryslan", "normalised")),
            ("Fryslân", None, ("provincie-friesland", "other-name")),
            ("WMD", None, ("wmd", "abbreviation")),
            ("WBG", None, ("wbg", "abbreviation")),
            ("N.V. Waterbedrijf Groningen", None, ("wbg", "other-name")),
            ("NV Waterbedrijf Groningen", None, ("wbg", "normalised")),
            ("'s-Gravenhage", None, ("s-gravenhage", "exact-name")),
            ("’s-Gravenhage", None, ("s-gravenhage", "normalised")),
            ("Den Haag", None, ("s-gravenhage", "other-name")),
            ("Den Bosch", None, ("s-hertogenbosch", "other-name")),
            ("NederBetuwe", None, ("neder-betuwe", "normalised")),
            ("Neder Betuwe", None, ("neder-betuwe", "normalised")),
            ("de Pekala's", None, ("pekela", "fuzzy")),
            ("Gemeente Groningn", "2020-01-01", ("groningen-2019", "fuzzy")),
            ("Hengelo (O.)", None, ("hengelo", "exact-name")),
            ("Hengelo", None, ("hengelo", "other-name")),
            ("hengelo (o.)", None, ("hengelo", "normalised")),
            ("Laren NH", None, ("laren", "normalised")),
            ("Bergen (NH.)", None, ("bergen-nh", "exact-name")),
            ("Gemeente Bergen (L.)", None, ("bergen-l", "normalised")),
            ("Sudwest Fryslan", None, ("sudwest-fryslan", "normalised")),
            ("Sûdwest Fryslân", None, ("sudwest-fryslan", "other-name")),
        ],
    )
    def test_name(self, name: str, on: str | None, expected: tuple[str, str]) -> None:
        """The name resolves to the organisation, and the rule that matched is named."""
        assert resolved(name, on=on) == expected

    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("GM0005", "bedum"),
            ("0005", "bedum"),
            ("5", "bedum"),
            ("gm 5", "bedum"),
            ("G0005", "bedum"),
            ("WS16", "hunze-en-aas"),
            ("ws16", "hunze-en-aas"),
            ("W0646", "hunze-en-aas"),
            ("PV20", "provincie-groningen"),
            ("P0020", "provincie-groningen"),
        ],
    )
    def test_code(self, code: str, expected: str) -> None:
        """A code in any of its written forms resolves by the rule exact-code."""
        assert resolved(code) == (expected, "exact-code")

    def test_fuzzy_never_passes_as_exact(self) -> None:
        """A fuzzy match says so, its score is below 1, and its explanation asks to check it."""
        found = wk.resolve("de Pekala's", network=REGISTER)
        assert found is not None
        assert found.rule is Rule.FUZZY
        assert found.score < 1
        assert "check it" in found.why
        exact = wk.resolve("de Pekela's", network=REGISTER)  # a variant that is equal still is fuzzy
        assert exact is not None
        assert exact.rule is Rule.FUZZY
        assert exact.score < 1

    def test_embedded(self) -> None:
        """The default network, the national register now that it is built in, resolves too."""
        assert wk.resolve("de Pekala’s").organisation.id == "pekela"  # type: ignore[union-attr]
        assert wk.resolve("WMD").organisation.id == "wmd"  # type: ignore[union-attr]
        assert wk.resolve("Waterschap Hunze en Aa's").rule is Rule.EXACT_NAME  # type: ignore[union-attr]
        assert wk.resolve("Waterschap Hunze en Aa’s").rule is Rule.NORMALISED  # type: ignore[union-attr]


class TestByDay:
    """A name that existed under two organisations is resolved by the day."""

    def test_reused_name(self) -> None:
        """Groningen (GM0014) is the old municipality before 2019 and the new one after."""
        assert resolved("Groningen", on="2018-06-01", kind="gemeente") == ("groningen", "exact-name")
        assert resolved("Groningen", on="2019-06-01", kind="municipality") == ("groningen-2019", "exact-name")
        assert resolved("GM0014", on="2018-12-31") == ("groningen", "exact-code")
        assert resolved("GM0014", on="2019-01-01") == ("groningen-2019", "exact-code")

    def test_ambiguous_over_time(self) -> None:
        """Without a day, a reused name or code has no best match, and the reason says to give one."""
        outcome = wk.resolution.explain("GM0014", network=REGISTER)
        assert outcome.best is None
        assert [c.organisation.id for c in outcome.candidates] == ["groningen", "groningen-2019"]
        assert "pass on=<a day>" in outcome.reason

    def test_ambiguous_on_a_day(self) -> None:
        """Groningen the municipality and Groningen the province: no best match, the reason names both."""
        outcome = wk.resolution.explain("Groningen", on="2020-01-01", network=REGISTER)
        assert outcome.best is None
        assert "groningen-2019 (municipality)" in outcome.reason
        assert "provincie-groningen (province)" in outcome.reason
        assert "kind=" in outcome.reason
        assert {c.organisation.id for c in outcome.candidates} >= {"groningen-2019", "provincie-groningen"}

    def test_ambiguous_suffix(self) -> None:
        """Bergen without its suffix is two municipalities."""
        outcome = wk.resolution.explain("Bergen", network=REGISTER)
        assert outcome.best is None
        assert {c.organisation.id for c in outcome.candidates} == {"bergen-nh", "bergen-l"}

    def test_not_on_that_day(self) -> None:
        """A municipality asked for after it ended: no match, and the reason says when it existed."""
        outcome = wk.resolution.explain("Bedum", on="2020-01-01", network=REGISTER)
        assert outcome.best is None
        assert outcome.reason == (
            "'Bedum' names bedum, which did not exist on 2020-01-01 (it existed […, 2019-01-01))"
        )
        assert outcome.candidates[0].organisation.id == "bedum"

    def test_kind(self) -> None:
        """A kind keeps only organisations of that kind; a wrong kind is a ValueError."""
        assert resolved("Limburg", kind="province") == ("provincie-limburg", "exact-name")
        assert resolved("Limburg", kind="waterschap") == ("limburg-ws", "normalised")
        with pytest.raises(ValueError, match="expected a kind of organisation"):
            wk.resolve("Limburg", kind="gemeentee", network=REGISTER)


class TestBadInput:
    """Bad codes and unknown names give no match and say why."""

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("abc", "no organisation has the name or code 'abc'"),
            ("12345", "'12345' is not a code: a CBS municipality code is GM and at most four digits"),
            ("GM9999", "no organisation has the code GM9999"),
            ("WS123", "'WS123' is not a code: WS takes two digits"),
            ("", "no organisation has the name or code ''"),
        ],
    )
    def test_reason(self, text: str, reason: str) -> None:
        """Nothing matches, and the reason says what was wrong."""
        outcome = wk.resolution.explain(text, network=REGISTER)
        assert outcome.best is None
        assert outcome.candidates == ()
        assert outcome.reason == reason

    def test_suggestion(self) -> None:
        """An unknown name suggests what it may have meant."""
        assert "did you mean" in wk.resolution.explain("Xyzzy Pekela", network=REGISTER).reason


class TestEveryResolutionNamesItsRule:
    """Every resolution says which rule made it and why."""

    @pytest.mark.parametrize("org", registerlike.organisations(), ids=lambda o: o.id)
    def test_every_name(self, org: wk.Organisation) -> None:
        """Each name and code of the register resolves to its organisation with a rule and a reason."""
        end = org.period.end
        day = org.period.start or (date(end.year - 1, 6, 1) if isinstance(end, date) else date(2020, 1, 1))
        for text in (org.name, *org.other_names, *(i.value for i in org.identifiers)):
            outcome = wk.resolution.explain(text, on=day, network=REGISTER)
            for candidate in outcome.candidates:
                assert isinstance(candidate.rule, Rule)
                assert candidate.why
                assert (candidate.rule is Rule.FUZZY) == (candidate.score < 1)
            if outcome.best is not None:
                assert outcome.best.organisation.id == org.id
            else:
                assert org.id in {c.organisation.id for c in outcome.candidates}
                assert outcome.reason

    def test_aliases_have_sources(self) -> None:
        """Every abbreviation and name in use cites a public page or the reference data."""
        for alias in ALIASES:
            assert alias.source.startswith(("https://", "http://", "data/register/"))


# -- properties ---------------------------------------------------------------------------------------

MUNICIPALITIES = [
    o for o in registerlike.organisations() if o.kind is wk.OrgKind.MUNICIPALITY and o.id != "groningen"
]


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@st.composite
def spelled(draw: st.DrawFn) -> tuple[wk.Organisation, str]:
    """A municipality and its name as a careless source may write it."""
    org = draw(st.sampled_from(MUNICIPALITIES))
    name = org.name
    name = draw(st.sampled_from([str.lower, str.upper, str.title, str.casefold, lambda s: s]))(name)
    if draw(st.booleans()):
        name = _strip_accents(name)
    if draw(st.booleans()):
        name = name.replace("-", draw(st.sampled_from(["", " ", " - "])))
    if draw(st.booleans()):
        name = name.replace("'", "’")
    prefix = draw(st.sampled_from(["", "Gemeente ", "gemeente ", "GEMEENTE "]))
    space = st.text(alphabet=" \t", max_size=3)
    return org, draw(space) + prefix + name + draw(space)


class TestProperties:
    """Resolution is stable under case, accents, spacing and Gemeente-style prefixes."""

    @given(spelled())
    def test_spellings_resolve_alike(self, example: tuple[wk.Organisation, str]) -> None:
        """A careless spelling of a name resolves to the same organisation, never by fuzzy match."""
        org, text = example
        day = org.period.start or date(2018, 1, 1)
        found = wk.resolve(text, on=day, kind="municipality", network=REGISTER)
        assert found is not None, text
        assert found.organisation.id == org.id
        assert found.rule is not Rule.FUZZY
        assert found.score == 1

    @given(st.text(max_size=30))
    def test_any_text(self, text: str) -> None:
        """Any text resolves to nothing or to an organisation, with a rule and a reason, never an error."""
        outcome = wk.resolution.explain(text, network=REGISTER)
        assert outcome.reason
        assert all(c.why and isinstance(c.rule, Rule) for c in outcome.candidates)

    @given(st.integers(min_value=1, max_value=9999), st.sampled_from(["{}", "{:04d}", "GM{:04d}", "gm{}"]))
    def test_code_forms(self, number: int, written: str) -> None:
        """Every written form of a municipality code has one canonical form."""
        assert code_forms(written.format(number)) == (f"GM{number:04d}",)


class TestForms:
    """The forms of names."""

    def test_keys(self) -> None:
        """Spacing, hyphens, case, accents and apostrophes make no difference to a key."""
        assert key("Neder-Betuwe") == key("NederBetuwe") == key("neder betuwe")
        assert key("’s-Gravenhage") == key("'s-Gravenhage") == "sgravenhage"

    def test_mojibake_is_repaired_only_when_damaged(self) -> None:
        """ftfy repairs double-encoded UTF-8; good text is left alone."""
        assert repair("FryslÃ¢n") == ("Fryslân", True)
        assert repair("Fryslân") == ("Fryslân", False)

    def test_prefixes_and_suffixes(self) -> None:
        """Kind words and CBS suffixes are taken off, with the kind they name."""
        assert (
            form("Hoogheemraadschap van Schieland en de Krimpenerwaard").core == "schielandendekrimpenerwaard"
        )
        assert form("Groningen (PV)").kind is wk.OrgKind.PROVINCE
        assert form("Bergen (NH.)").core == "bergen"
        assert form("Gemeente Bergen (NH.)").bare == "bergennh"


class TestFind:
    """Network.find shares the forms of names, ranks partial and fuzzy matches, and suggests."""

    def test_partial_and_fuzzy(self) -> None:
        """bed finds Bedum, Waterbedrijf finds the company, Bedm finds Bedum (issue 19 item 7)."""
        net = wk.load()
        assert [e.id for e in net.find("bed")] == ["bedum"]
        assert net.find("Waterbedrijf")[0].id == "waterbedrijf-groningen"
        assert [e.id for e in net.find("Bedm")] == ["bedum"]
        found = [e.id for e in net.find("groningen")]
        assert found[:2] == ["groningen", "groningen-2019"]  # whole names first
        assert {"gnd-groningen-centraal", "gnd-groningen-oost", "waterbedrijf-groningen"} <= set(found)
        assert [e.id for e in net.find("groningen", exact=True)] == ["groningen", "groningen-2019"]

    def test_did_you_mean(self) -> None:
        """A name or id nothing has is answered with suggestions, in Python and on the command line."""
        net = wk.load()
        with pytest.raises(wk.UnknownEntityError, match=r"did you mean Bedum \(bedum\)\?"):
            wk.answers.cluster_of(net, "Bedm", on="2016-01-01")
        with pytest.raises(wk.UnknownEntityError, match="no entity has the id 'bedm'; did you mean"):
            net["bedm"]

    def test_did_you_mean_on_the_command_line(self) -> None:
        """waterketen cluster-of Bedm suggests Bedum."""
        from .test_cli import run

        result = run("cluster-of", "Bedm", "--at", "2016-01-01")
        assert result.returncode == 1
        assert "did you mean Bedum (bedum)?" in result.stderr
