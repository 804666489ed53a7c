"""Reading a region page: the sentences of the kinds the wiki uses, turned into facts.

The reader knows the Dutch phrases of the wiki's region pages (see the
package's README for the list). It resolves no names: ``known`` only helps it
split a list such as "Assen en Aa en Hunze" where a name itself holds "en".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

import waterketen as wk

from ._facts import (
    AgreementFact,
    BodyFact,
    ClusterFact,
    CountFact,
    Mention,
    PageFacts,
    PartFact,
    PartnerFact,
    PersonFact,
    PostFact,
    SpearheadFact,
    TeamFact,
)
from ._text import (
    MAX_SENTENCE,
    NAME_LIST,
    NUMBER,
    UPPER,
    Line,
    Paragraph,
    paragraphs,
    parse_day,
    parse_number,
    sentences,
    split_names,
)


__all__ = ["Known", "kind_of", "read_page"]

Known = Callable[[str, Sequence[wk.OrgKind]], bool]
"""Whether a name is known (to the register) as an organisation of one of those kinds."""

_BOARD_WORDS = r"waterschap(?:pen)?|wetterskip(?:pen)?|hoogheemraadschap(?:pen)?"
_COMPANY_WORDS = (
    r"(?:drink)?waterbedrij(?:f|ven)|waterleidingbedrij(?:f|ven)|waterleiding\s?maatschappij(?:en)?"
    r"|drinkwaterleveranciers?"
)
_MUNICIPALITY_WORDS = r"gemeenten?"
_KIND_OF_WORD = re.compile(
    rf"\b(?:(?P<board>{_BOARD_WORDS})|(?P<company>{_COMPANY_WORDS})|(?P<municipality>{_MUNICIPALITY_WORDS}))\b",
    re.IGNORECASE,
)


def kind_of(name: str, default: wk.OrgKind) -> wk.OrgKind:
    """The kind of organisation a name says it is ("Waterschap X", "Waterbedrijf Y"), or ``default``.

    Examples:
        >>> kind_of("Waterleidingmaatschappij Drenthe", wk.OrgKind.WATER_BOARD).value
        'water-company'
        >>> kind_of("Noorderzijlvest", wk.OrgKind.WATER_BOARD).value
        'water-board'
    """
    match = _KIND_OF_WORD.search(name)
    if match is None:
        return default
    if match.group("board"):
        return wk.OrgKind.WATER_BOARD
    if match.group("company"):
        return wk.OrgKind.WATER_COMPANY
    return wk.OrgKind.MUNICIPALITY


# -- patterns -------------------------------------------------------------------------------------

_UPDATED = re.compile(r"\blaatst\s+bijgewerkt\b\s*(?:op)?\s*:?\s*(?P<rest>.*)", re.IGNORECASE)
_REGION_LABEL = re.compile(r"^regio\s*:\s*(?P<name>\S.{0,79})$", re.IGNORECASE)
_PARTNER_TOTAL = re.compile(rf"\b(?P<n>{NUMBER})\s+(?:[a-zë]+\s+)?partners\b", re.IGNORECASE)
_CONSISTS = re.compile(r"\b(?:bestaat|bestaan)\s+uit\b|\bpartners\s*:", re.IGNORECASE)
_COOPERATION_NAME = re.compile(
    r"^(?i:de|het)\s+(?i:water(?:keten)?samenwerking|samenwerking|samenwerkingsverband|waterketen)\s+"
    rf"(?P<name>[{UPPER}][^,:;()]{{0,80}}?)\s+(?i:bestaat|bestaan|telt|omvat)\b"
)
_PART = re.compile(
    rf"\b(?:(?:alle|de|het|onze)\s+)?(?:(?P<n>{NUMBER})\s+)?(?:[a-zë-]+\s+){{0,2}}?"
    rf"\b(?P<kw>{_MUNICIPALITY_WORDS}|{_BOARD_WORDS}|{_COMPANY_WORDS})\b"
)
_CLUSTER = re.compile(
    rf"(?:^|(?<=\s))(?P<word>[Cc]luster|[Ss]ub-?regio|[Dd]eelregio)\s+(?P<name>[{UPPER}0-9][^():;.\n]{{0,80}}?)\s*"
    r"(?:\((?P<paren>[^()]*)\)|:\s*(?P<colon>.+)|\s+bestaat\s+uit\s+(?P<consists>.+))"
)
_LEADING_MUNICIPALITY_WORDS = re.compile(r"^(?:de\s+)?gemeenten?\s*:?\s+", re.IGNORECASE)
_CLUSTER_COUNT = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:[a-zë]+\s+)?(?:clusters|sub-?regio[’']?s|deelregio[’']?s)\b", re.IGNORECASE
)
_TEAM = re.compile(
    r"\b(?:elk|ieder)\s+(?:cluster|sub-?regio|deelregio)\s+(?:is|werkt|heeft)\s+(?:er\s+)?een\s+"
    r"(?P<team>[\wëéö-]+)\b.{0,300}?\b(?:(?:geleid|getrokken|voorgezeten)\s+(?:wordt\s+)?door\s+een|"
    r"onder\s+leiding\s+van\s+een)\s+(?P<lead>[\wëéö-]+)",
    re.IGNORECASE,
)
_BODY_WORD = r"[\wëéöü-]*(?:groep|overleg|raad|commissie|team|bestuur)"
_SEATS = re.compile(
    rf"\b(?:de|het)\s+(?P<body>{_BODY_WORD})\b[^.]{{0,200}}?\b(?P<n>{NUMBER})\s+"
    r"(?P<who>managers|leden|bestuurders|vertegenwoordigers|personen|deelnemers|wethouders|directeuren"
    r"|ambtenaren|medewerkers|mensen)\b(?P<rest>[^.]*)",
    re.IGNORECASE,
)
_REPRESENTS = re.compile(r"\bdie\s+(?P<a>.+?)\s+vertegenwoordigen\b|\bnamens\s+(?P<b>.+)", re.IGNORECASE)
_REPRESENTED_KIND = re.compile(
    rf"\b(?:(?P<cluster>clusters?|sub-?regio[’']?s|deelregio[’']?s)|(?P<municipality>gemeenten)"
    rf"|(?P<board>{_BOARD_WORDS})|(?P<company>{_COMPANY_WORDS})|(?P<partner>partners|deelnemers))\b",
    re.IGNORECASE,
)
_POST_WORD = r"[\wëéö-]*(?:regisseur|coördinator|coordinator|manager|secretaris|voorzitter|directeur)"
_APPOINTED = re.compile(rf"\been\s+(?P<post>{_POST_WORD})\s+(?:aangesteld|benoemd)\b", re.IGNORECASE)
_ROLE_SUBJECT = re.compile(rf"^(?:deze|de|het)\s+(?P<post>{_POST_WORD})\s+is\s+(?P<rest>.+)$", re.IGNORECASE)
_DUTY = re.compile(
    rf"\b(?:de\s+|het\s+)?(?P<role>secretaris|voorzitter|lid|trekker|leider)\s+van\s+(?:de\s+|het\s+)?"
    rf"(?P<body>{_BODY_WORD})\b",
    re.IGNORECASE,
)
_ROLES = {
    "secretaris": wk.Role.SECRETARY,
    "voorzitter": wk.Role.CHAIR,
    "lid": wk.Role.MEMBER,
    "trekker": wk.Role.LEAD,
    "leider": wk.Role.LEAD,
}
_PERSON = rf"[{UPPER}][\w'’.-]*(?:\s+(?:(?:van|de|der|den|ter|ten|te|op|in|'t|het)\s+)*[{UPPER}][\w'’-]*)+"
_PERSON_IN_POST = [
    re.compile(rf"^(?:(?i:de)\s+)?(?P<post>(?i:{_POST_WORD}))\s*(?:is|:)\s*(?P<name>{_PERSON})\.?$"),
    re.compile(rf"^(?P<name>{_PERSON})\s+is\s+(?:de\s+)?(?P<post>{_POST_WORD})\.?$"),
]
_PERSON_IN_ROLE = [
    re.compile(
        r"^(?P<role>(?i:voorzitter|secretaris))\s+(?:van\s+)?(?:de\s+|het\s+)?"
        rf"(?P<body>(?i:{_BODY_WORD}))\s*(?:is|:)\s*(?P<name>{_PERSON})\.?$"
    ),
    re.compile(
        rf"^(?P<name>{_PERSON})\s+is\s+(?:de\s+)?(?P<role>voorzitter|secretaris)\s+van\s+(?:de\s+|het\s+)?"
        rf"(?P<body>{_BODY_WORD})\.?$"
    ),
]
_AGREEMENT = re.compile(
    r"\b(?P<name>bestuurlijke?\s+akkoord|bestuursakkoord|samenwerkingsakkoord|samenwerkingsovereenkomst"
    r"|waterketenakkoord|waterakkoord|intentieovereenkomst|convenant)\b",
    re.IGNORECASE,
)
_ESTABLISHED = re.compile(
    r"\b(?:vastgelegd|gesloten|getekend|ondertekend|afgesloten|aangegaan|overeengekomen|vastgesteld)\b",
    re.IGNORECASE,
)
_MONTH_NAMES = [
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
]
_WHEN = re.compile(
    r"\b(?:(?P<month>" + "|".join(_MONTH_NAMES) + r")\s+)?(?P<year>(?:19|20)[0-9]{2})\b", re.IGNORECASE
)
_THREE_KS = re.compile(
    r"(?:\b(?:drie|3)\s*K[’']?s?\s*(?:en|\+|&)\s*D\b|\bD\s*\+\s*(?:drie|3)\s*K\b)", re.IGNORECASE
)
THREE_KS_AND_D = ("kwaliteit", "kwetsbaarheid", "kosten", "duurzaamheid")
"""The goals "de drie K's en D" of the Bestuursakkoord Water stand for."""
_TARGET = re.compile(
    r"(?P<text>(?P<q>circa|ongeveer|ca\.|bijna|ruim|zo[’']n)?\s*€?\s*(?P<amount>[0-9]{1,6}(?:[.,][0-9]{1,3})?)\s*"
    r"(?P<unit>miljoen|mln\.?|miljard)\b[^.]{0,200}?\b(?:in|voor|per|tot|uiterlijk|vóór)\s+(?P<by>(?:19|20)[0-9]{2}))\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)[0-9]{2}\b")
_NUMBERED = re.compile(r"^(?P<n>[0-9]{1,3})[.)]\s+(?P<title>\S.*)$")
_BULLET = re.compile(r"^[•·▪◦*–-]\s*(?P<item>\S.*)$")
_HEADING_MAX_WORDS = 8
_BODY_HINTS = ("groep", "overleg", "raad", "commissie", "team", "bestuur")
_POST_HINTS = ("regisseur", "coördinator", "coordinator", "manager", "secretaris", "voorzitter", "directeur")


def read_page(text: str, known: Known) -> PageFacts:
    """Every fact a page states, with its line; and the paragraphs that yielded nothing.

    Examples:
        >>> facts = read_page("Regio\\n\\nVoorbeeld\\n\\n • Cluster A (Ab, Cd en Ef)", lambda n, k: False)
        >>> facts.region, [(c.name, [m.name for m in c.members]) for c in facts.clusters]
        ('Voorbeeld', [('A', ['Ab', 'Cd', 'Ef'])])
    """
    return _Reader(known).read(text)


class _Reader:
    def __init__(self, known: Known) -> None:
        self.known = known
        self.facts = PageFacts()
        self.intro: Line | None = None
        self.agreement: AgreementFact | None = None
        self.expect_region = False
        self.yielded: set[int] = set()

    def read(self, text: str) -> PageFacts:
        page = paragraphs(text)
        for paragraph in page:
            self.agreement = None
            for line in paragraph.lines:
                if self.line(line):
                    self.yielded.add(line.number)
        for paragraph in page:
            if not any(line.number in self.yielded for line in paragraph.lines) and not _is_heading(
                paragraph
            ):
                self.facts.empty.append((paragraph.place, paragraph.lines[0].text))
        return self.facts

    # -- lines ------------------------------------------------------------------------------------

    def line(self, line: Line) -> bool:
        text = line.text
        if self.expect_region:
            self.expect_region = False
            if self.facts.region is None and len(text) <= 80 and not text.endswith((".", ":")):
                self.facts.region, self.facts.region_line = text, line.number
                return True
        if text.casefold() == "regio":
            self.expect_region = self.facts.region is None
            return False
        label = _REGION_LABEL.match(text)
        if label and self.facts.region is None:
            self.facts.region, self.facts.region_line = label.group("name").strip(), line.number
            return True
        numbered = _NUMBERED.match(text)
        if numbered:
            return self.numbered(line, int(numbered.group("n")), numbered.group("title").strip())
        bullet = _BULLET.match(text)
        if bullet:
            return self.bullet(line, bullet.group("item").strip())
        self.intro = line
        yielded = False
        for sentence in sentences(text):
            if len(sentence) <= MAX_SENTENCE:
                yielded = self.sentence(line.number, sentence) or yielded
        return yielded

    def numbered(self, line: Line, number: int, title: str) -> bool:
        if self.cluster(line.number, title):
            return True
        fact = SpearheadFact(number=number, title=title, line=line.number)
        intro = self.intro
        if intro is not None and intro.text.endswith(":"):
            fact.intro_line = intro.number
            self.yielded.add(intro.number)
            years = [int(y) for y in _YEAR.findall(sentences(intro.text)[-1])]
            if years:
                fact.start, fact.end = date(min(years), 1, 1), date(max(years) + 1, 1, 1)
        self.facts.spearheads.append(fact)
        return True

    def bullet(self, line: Line, item: str) -> bool:
        if self.cluster(line.number, item):
            return True
        intro = self.intro
        if intro is not None and "gemeente" in intro.text.casefold():
            names = self.names(item.rstrip(".;"), wk.OrgKind.MUNICIPALITY, line.number, item)
            self.facts.mentions.extend(names)
            return bool(names)
        return False

    # -- sentences --------------------------------------------------------------------------------

    def sentence(self, number: int, sentence: str) -> bool:
        lower = sentence.casefold()
        found = False
        if "bijgewerkt" in lower:
            found = self.updated(number, sentence) or found
        regional = "cluster" in lower or "regio" in lower
        if regional and self.cluster(number, sentence):
            found = True
        elif "partner" in lower or ("bestaat uit" in lower and _KIND_OF_WORD.search(sentence)):
            found = self.partners(number, sentence) or found
        elif "gemeenten" in lower:
            found = self.municipality_list(number, sentence) or found
        if regional:
            found = self.cluster_count(number, sentence) or found
            found = self.team(number, sentence) or found
        if any(w in lower for w in _BODY_HINTS):
            found = self.seats(number, sentence) or found
        if any(w in lower for w in _POST_HINTS):
            found = self.posts(number, sentence) or found
        if "akkoord" in lower or "overeenkomst" in lower or "convenant" in lower:
            found = self.agreement_sentence(number, sentence) or found
        if self.agreement is not None and ("miljoen" in lower or "mln" in lower or "miljard" in lower):
            found = self.targets(number, sentence, self.agreement) or found
        return found

    def updated(self, number: int, sentence: str) -> bool:
        match = _UPDATED.search(sentence)
        if match is None:
            return False
        day = parse_day(match.group("rest"))
        if day is None:
            self.facts.warnings.append((number, "updated", f"no date could be read from {sentence!r:.120}"))
            return False
        if self.facts.updated is None:
            self.facts.updated, self.facts.updated_line = day, number
        elif day != self.facts.updated:
            self.facts.warnings.append(
                (
                    number,
                    "updated",
                    f"the page gives a second last-updated date, {day.isoformat()}; "
                    f"the first, {self.facts.updated.isoformat()} (line {self.facts.updated_line}), is kept",
                )
            )
        return True

    def partners(self, number: int, sentence: str) -> bool:
        total_match = _PARTNER_TOTAL.search(sentence)
        total = parse_number(total_match.group("n")) if total_match else None
        start = total_match.end() if total_match else 0
        consists = _CONSISTS.search(sentence, start if total_match is None else 0)
        if total_match is None and consists is None:
            return False
        if consists is not None and total_match is None:
            start = consists.end()
        description = sentence[start:].lstrip(" :")
        parts = self.parts(number, sentence, description)
        if total is None and not parts:
            return False
        coop = _COOPERATION_NAME.match(sentence)
        self.facts.partners.append(
            PartnerFact(
                total=total,
                parts=parts,
                line=number,
                sentence=sentence,
                other_name=coop.group("name").strip() if coop else None,
            )
        )
        return True

    def parts(self, number: int, sentence: str, description: str) -> list[PartFact]:
        matches = list(_PART.finditer(description))
        parts = []
        for index, match in enumerate(matches):
            end = matches[index + 1].start() if index + 1 < len(matches) else len(description)
            kind = kind_of(match.group("kw"), wk.OrgKind.OTHER)
            stated = parse_number(match.group("n")) if match.group("n") else None
            names_text = description[match.end() : end].lstrip()
            names_text = names_text[1:].lstrip() if names_text[:1] in (":", "(") else names_text
            listed = NAME_LIST.match(names_text)
            names = self.names(listed.group(0), kind, number, sentence) if listed else []
            if stated is not None:
                parts.append(PartFact(kind=kind, stated=stated, names=names))
                continue
            # Names without a count: each kind is a part ("de waterschappen A en B en het Waterbedrijf C").
            for each in dict.fromkeys(m.kind for m in names):
                parts.append(PartFact(kind=each, stated=None, names=[m for m in names if m.kind is each]))
        return parts

    def names(self, text: str, kind: wk.OrgKind, number: int, sentence: str) -> list[Mention]:
        def known(name: str) -> bool:
            return self.known(_bare(name), (kind_of(name, kind),))

        out = []
        for raw in split_names(text, known):
            name = _bare(raw)
            if name:
                out.append(Mention(name=name, kind=kind_of(name, kind), line=number, sentence=sentence))
        return out

    def municipality_list(self, number: int, sentence: str) -> bool:
        found = False
        for match in re.finditer(r"\bgemeenten\s*:?\s+", sentence):
            listed = NAME_LIST.match(sentence, match.end())
            if listed:
                names = self.names(listed.group(0), wk.OrgKind.MUNICIPALITY, number, sentence)
                self.facts.mentions.extend(names)
                found = found or bool(names)
        return found

    def cluster(self, number: int, sentence: str) -> bool:
        match = _CLUSTER.search(sentence)
        if match is None:
            return False
        name = match.group("name").strip()
        members_text = match.group("paren") or match.group("colon") or match.group("consists") or ""
        members_text = _LEADING_MUNICIPALITY_WORDS.sub("", members_text.strip()).rstrip(" .;")
        members = self.names(members_text, wk.OrgKind.MUNICIPALITY, number, sentence)
        label = f"{match.group('word')} {name}"
        self.facts.clusters.append(
            ClusterFact(name=name, label=label, members=members, line=number, sentence=sentence)
        )
        return True

    def cluster_count(self, number: int, sentence: str) -> bool:
        found = False
        for match in _CLUSTER_COUNT.finditer(sentence):
            stated = parse_number(match.group("n"))
            if stated is not None:
                self.facts.cluster_counts.append(CountFact(stated=stated, line=number, sentence=sentence))
                found = True
        return found

    def team(self, number: int, sentence: str) -> bool:
        match = _TEAM.search(sentence)
        if match is None:
            return False
        self.facts.teams.append(
            TeamFact(team=match.group("team"), lead=match.group("lead"), line=number, sentence=sentence)
        )
        return True

    def seats(self, number: int, sentence: str) -> bool:
        match = _SEATS.search(sentence)
        if match is None:
            return False
        body = match.group("body")
        fact = BodyFact(
            name=_capitalised(body),
            kind=body_kind(body),
            line=number,
            sentence=sentence,
            seats=parse_number(match.group("n")),
        )
        represents = _REPRESENTS.search(match.group("rest"))
        if represents:
            text = represents.group("a") or represents.group("b") or ""
            for kind in _REPRESENTED_KIND.finditer(text):
                name = next(k for k, v in kind.groupdict().items() if v)
                if name not in fact.represents:
                    fact.represents.append(name)
        self.facts.bodies.append(fact)
        return True

    def posts(self, number: int, sentence: str) -> bool:
        found = False
        for match in _APPOINTED.finditer(sentence):
            self.facts.posts.append(
                PostFact(name=_capitalised(match.group("post")), line=number, sentence=sentence)
            )
            found = True
        for pattern in _PERSON_IN_POST:
            person = pattern.match(sentence)
            if person:
                self.facts.persons.append(
                    PersonFact(
                        name=person.group("name"),
                        post=_capitalised(person.group("post")),
                        line=number,
                        sentence=sentence,
                    )
                )
                return True
        for pattern in _PERSON_IN_ROLE:
            person = pattern.match(sentence)
            if person:
                role, body = person.group("role").casefold(), person.group("body")
                self.facts.persons.append(
                    PersonFact(
                        name=person.group("name"),
                        post=f"{_capitalised(role)} {_capitalised(body)}",
                        line=number,
                        sentence=sentence,
                        role=_ROLES[role],
                        body=_capitalised(body),
                    )
                )
                return True
        subject = _ROLE_SUBJECT.match(sentence)
        if subject:
            duties = [
                (_ROLES[d.group("role").casefold()], _capitalised(d.group("body")), number, sentence)
                for d in _DUTY.finditer(subject.group("rest"))
            ]
            if duties:
                post = PostFact(name=_capitalised(subject.group("post")), line=number, sentence=sentence)
                post.duties.extend(duties)
                self.facts.posts.append(post)
                found = True
        return found

    def agreement_sentence(self, number: int, sentence: str) -> bool:
        match = _AGREEMENT.search(sentence)
        if match is None or not _ESTABLISHED.search(sentence):
            return False
        fact = AgreementFact(
            name=_capitalised(re.sub(r"\s+", " ", match.group("name"))), line=number, sentence=sentence
        )
        fact.lines.append(number)
        fact.date = _when(sentence)
        if _THREE_KS.search(sentence):
            fact.goals.extend(THREE_KS_AND_D)
        self.facts.agreements.append(fact)
        self.agreement = fact
        self.targets(number, sentence, fact)
        return True

    def targets(self, number: int, sentence: str, fact: AgreementFact) -> bool:
        found = False
        for match in _TARGET.finditer(sentence):
            amount = float(match.group("amount").replace(",", "."))
            unit = match.group("unit").casefold()
            amount *= 1e9 if unit == "miljard" else 1e6
            goal = "kosten" if "kosten" in sentence.casefold() and "kosten" in fact.goals else None
            fact.targets.append(
                wk.Target(
                    text=match.group("text").strip(),
                    goal=goal,
                    amount=amount,
                    approximate=match.group("q") is not None,
                    by=wk.PartialDate(int(match.group("by"))),
                )
            )
            if number not in fact.lines:
                fact.lines.append(number)
            found = True
        return found


def body_kind(name: str) -> wk.BodyKind:
    """The kind of a body, from its name.

    Examples:
        >>> body_kind("regiegroep").value, body_kind("Clustercoördinatorenoverleg").value
        ('steering-group', 'coordinators-meeting')
    """
    lower = name.casefold()
    if lower.endswith(("regiegroep", "stuurgroep")):
        return wk.BodyKind.STEERING_GROUP
    if "coördinatorenoverleg" in lower or "coordinatorenoverleg" in lower:
        return wk.BodyKind.COORDINATORS_MEETING
    if lower.endswith("waterteam"):
        return wk.BodyKind.WATER_TEAM
    return wk.BodyKind.OTHER


def _when(sentence: str) -> wk.Instant | None:
    day = parse_day(sentence)
    if day is not None:
        return day
    match = _WHEN.search(sentence)
    if match is None:
        return None
    month = match.group("month")
    year = int(match.group("year"))
    return wk.PartialDate(year, _MONTH_NAMES.index(month.casefold()) + 1 if month else None)


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


_ARTICLE_BEFORE_KIND = re.compile(rf"^(?:de|het)\s+(?=(?:{_BOARD_WORDS}|{_COMPANY_WORDS})\b)", re.IGNORECASE)


def _bare(name: str) -> str:
    """A name without the punctuation around it, and without "het" before "Waterbedrijf"."""
    name = name.strip().strip(".,;:!?()[]\u00a0").strip()
    return _ARTICLE_BEFORE_KIND.sub("", name)


def _is_heading(paragraph: Paragraph) -> bool:
    text = paragraph.lines[0].text
    return (
        len(paragraph.lines) == 1
        and len(text.split()) <= _HEADING_MAX_WORDS
        and not text.endswith((".", "!", "?"))
    )
