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
import waterketen.model
import waterketen.typing

from . import _patterns as p
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
from ._patterns import body_kind, kind_of
from ._text import (
    MAX_SENTENCE,
    MONTH_NAMES,
    NAME_LIST,
    Line,
    Paragraph,
    paragraphs,
    parse_day,
    parse_number,
    sentences,
    split_names,
)


__all__ = ["Known", "read_page"]

Known = Callable[[str, Sequence[wk.OrgKind]], bool]
"""Whether a name is known (to the register) as an organisation of one of those kinds."""


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
        label = p.REGION_LABEL.match(text)
        if label and self.facts.region is None:
            self.facts.region, self.facts.region_line = label.group("name").strip(), line.number
            return True
        numbered = p.NUMBERED.match(text)
        if numbered:
            return self.numbered(line, int(numbered.group("n")), numbered.group("title").strip())
        bullet = p.BULLET.match(text)
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
            years = [int(y) for y in p.YEAR.findall(sentences(intro.text)[-1])]
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
        elif "partner" in lower or ("bestaat uit" in lower and p.KIND_OF_WORD.search(sentence)):
            found = self.partners(number, sentence) or found
        elif "gemeenten" in lower:
            found = self.municipality_list(number, sentence) or found
        if regional:
            found = self.cluster_count(number, sentence) or found
            found = self.team(number, sentence) or found
        if any(w in lower for w in p.BODY_HINTS):
            found = self.seats(number, sentence) or found
        if any(w in lower for w in p.POST_HINTS):
            found = self.posts(number, sentence) or found
        if "akkoord" in lower or "overeenkomst" in lower or "convenant" in lower:
            found = self.agreement_sentence(number, sentence) or found
        if self.agreement is not None and ("miljoen" in lower or "mln" in lower or "miljard" in lower):
            found = self.targets(number, sentence, self.agreement) or found
        return found

    def updated(self, number: int, sentence: str) -> bool:
        match = p.UPDATED.search(sentence)
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
        total_match = p.PARTNER_TOTAL.search(sentence)
        total = parse_number(total_match.group("n")) if total_match else None
        start = total_match.end() if total_match else 0
        consists = p.CONSISTS.search(sentence, start if total_match is None else 0)
        if total_match is None and consists is None:
            return False
        if consists is not None and total_match is None:
            start = consists.end()
        description = sentence[start:].lstrip(" :")
        parts = self.parts(number, sentence, description)
        if total is None and not parts:
            return False
        coop = p.COOPERATION_NAME.match(sentence)
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
        matches = list(p.PART.finditer(description))
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
        match = p.CLUSTER.search(sentence)
        if match is None:
            return False
        name = match.group("name").strip()
        members_text = match.group("paren") or match.group("colon") or match.group("consists") or ""
        members_text = p.LEADING_MUNICIPALITY_WORDS.sub("", members_text.strip()).rstrip(" .;")
        members = self.names(members_text, wk.OrgKind.MUNICIPALITY, number, sentence)
        label = f"{match.group('word')} {name}"
        self.facts.clusters.append(
            ClusterFact(name=name, label=label, members=members, line=number, sentence=sentence)
        )
        return True

    def cluster_count(self, number: int, sentence: str) -> bool:
        found = False
        for match in p.CLUSTER_COUNT.finditer(sentence):
            stated = parse_number(match.group("n"))
            if stated is not None:
                self.facts.cluster_counts.append(CountFact(stated=stated, line=number, sentence=sentence))
                found = True
        return found

    def team(self, number: int, sentence: str) -> bool:
        match = p.TEAM.search(sentence)
        if match is None:
            return False
        self.facts.teams.append(
            TeamFact(team=match.group("team"), lead=match.group("lead"), line=number, sentence=sentence)
        )
        return True

    def seats(self, number: int, sentence: str) -> bool:
        match = p.SEATS.search(sentence)
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
        represents = p.REPRESENTS.search(match.group("rest"))
        if represents:
            text = represents.group("a") or represents.group("b") or ""
            for kind in p.REPRESENTED_KIND.finditer(text):
                name = next(k for k, v in kind.groupdict().items() if v)
                if name not in fact.represents:
                    fact.represents.append(name)
        self.facts.bodies.append(fact)
        return True

    def posts(self, number: int, sentence: str) -> bool:
        found = False
        for match in p.APPOINTED.finditer(sentence):
            self.facts.posts.append(
                PostFact(name=_capitalised(match.group("post")), line=number, sentence=sentence)
            )
            found = True
        for pattern in p.PERSON_IN_POST:
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
        for pattern in p.PERSON_IN_ROLE:
            person = pattern.match(sentence)
            if person:
                role, body = person.group("role").casefold(), person.group("body")
                self.facts.persons.append(
                    PersonFact(
                        name=person.group("name"),
                        post=f"{_capitalised(role)} {_capitalised(body)}",
                        line=number,
                        sentence=sentence,
                        role=p.ROLES[role],
                        body=_capitalised(body),
                    )
                )
                return True
        subject = p.ROLE_SUBJECT.match(sentence)
        if subject:
            duties = [
                (p.ROLES[d.group("role").casefold()], _capitalised(d.group("body")), number, sentence)
                for d in p.DUTY.finditer(subject.group("rest"))
            ]
            if duties:
                post = PostFact(name=_capitalised(subject.group("post")), line=number, sentence=sentence)
                post.duties.extend(duties)
                self.facts.posts.append(post)
                found = True
        return found

    def agreement_sentence(self, number: int, sentence: str) -> bool:
        match = p.AGREEMENT.search(sentence)
        if match is None or not p.ESTABLISHED.search(sentence):
            return False
        fact = AgreementFact(
            name=_capitalised(re.sub(r"\s+", " ", match.group("name"))), line=number, sentence=sentence
        )
        fact.lines.append(number)
        fact.date = _when(sentence)
        if p.THREE_KS.search(sentence):
            fact.goals.extend(p.THREE_KS_AND_D)
        self.facts.agreements.append(fact)
        self.agreement = fact
        self.targets(number, sentence, fact)
        return True

    def targets(self, number: int, sentence: str, fact: AgreementFact) -> bool:
        found = False
        for match in p.TARGET.finditer(sentence):
            amount = float(match.group("amount").replace(",", "."))
            unit = match.group("unit").casefold()
            amount *= 1e9 if unit == "miljard" else 1e6
            goal = "kosten" if "kosten" in sentence.casefold() and "kosten" in fact.goals else None
            fact.targets.append(
                wk.model.Target(
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


def _when(sentence: str) -> wk.typing.Instant | None:
    day = parse_day(sentence)
    if day is not None:
        return day
    match = p.WHEN.search(sentence)
    if match is None:
        return None
    month = match.group("month")
    year = int(match.group("year"))
    return wk.PartialDate(year, MONTH_NAMES.index(month.casefold()) + 1 if month else None)


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _bare(name: str) -> str:
    """A name without the punctuation around it, and without "het" before "Waterbedrijf"."""
    name = name.strip().strip(".,;:!?()[]\u00a0").strip()
    return p.ARTICLE_BEFORE_KIND.sub("", name)


def _is_heading(paragraph: Paragraph) -> bool:
    text = paragraph.lines[0].text
    return (
        len(paragraph.lines) == 1
        and len(text.split()) <= p.HEADING_MAX_WORDS
        and not text.endswith((".", "!", "?"))
    )
