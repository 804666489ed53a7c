"""Reading a region page: the sentences of the kinds the wiki uses, turned into facts.

The reader knows the Dutch phrases of the wiki's region pages (see the
package's README for the list). It resolves no names: ``known`` only helps it
split a list such as "Assen en Aa en Hunze" where a name itself holds "en".
"""

from __future__ import annotations

import re
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
    PartnerFact,
    PersonFact,
    PostFact,
    SpearheadFact,
    TeamFact,
)
from ._lists import Known, read_list
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

_TITLE_MAX = 60


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
        self.section: str | None = None
        """``partners``, ``contacts``, ``toc`` or ``subregions``: what the lines under a heading are."""
        self.pending: tuple[int, str, str] | None = None
        """A partner statement whose list follows in the next paragraph ("bestaat uit de gemeenten:")."""
        self.contacts = _Contacts()
        self.first_in_paragraph = True

    def read(self, text: str) -> PageFacts:
        page = paragraphs(text)
        self.title(page)
        for paragraph in page:
            self.agreement = None
            if self.section == "contacts" and any(_is_prose(line.text) for line in paragraph.lines):
                self.end_contacts()
            for index, line in enumerate(paragraph.lines):
                if line.number in self.yielded:
                    continue
                self.first_in_paragraph = index == 0
                if self.line(line):
                    self.yielded.add(line.number)
        self.end_contacts()
        if self.facts.updated is None and self.facts.page_date is not None:
            self.facts.updated, self.facts.updated_line = self.facts.page_date, self.facts.page_date_line
        for paragraph in page:
            if not any(line.number in self.yielded for line in paragraph.lines) and not _is_heading(
                paragraph
            ):
                self.facts.empty.append((paragraph.place, paragraph.lines[0].text))
        return self.facts

    # -- lines ------------------------------------------------------------------------------------

    def title(self, page: list[Paragraph]) -> None:
        """The metadata lines of a saved copy, and the current layout's title (and parent region)."""
        lines = [line for paragraph in page for line in paragraph.lines]
        for line in lines[:3]:
            meta = p.META.match(line.text)
            if meta is None:
                break
            self.yielded.add(line.number)
            if meta.group("key") == "URL":
                self.facts.url = meta.group("value").strip() or None
            else:
                day = parse_day(meta.group("value"))
                if day is not None:
                    self.facts.page_date, self.facts.page_date_line = day, line.number
        first = next((pa for pa in page if any(ln.number not in self.yielded for ln in pa.lines)), None)
        if first is None:
            return
        head = [ln for ln in first.lines if ln.number not in self.yielded]
        if not head or head[0].text.casefold() == "regio" or p.REGION_LABEL.match(head[0].text):
            return
        title = []
        for index, line in enumerate(head[:2]):
            if not _is_title(line.text, parent=index == 1):
                break
            title.append(line)
        if not title or (len(title) < len(head) and not _is_prose(head[len(title)].text)):
            return
        self.facts.region, self.facts.region_line = _strip_regio(title[0].text), title[0].number
        self.yielded.add(title[0].number)
        if len(title) > 1:
            self.facts.parent = _strip_regio(title[1].text)
            self.yielded.add(title[1].number)

    def line(self, line: Line) -> bool:
        text = line.text
        if p.SEPARATOR.match(text):
            return False
        if self.pending is not None:
            number, sentence, description = self.pending
            self.pending = None
            if self.partners(line.number, f"{sentence} {text}", f"{description} {text}", also=number):
                return True
        section = self.heading(text)
        if section is not None:
            self.end_contacts()
            self.section = section
            if section == "contacts":
                self.contacts.heading = text.rstrip(" :")
            return section != "toc"
        if self.section == "contacts":
            if self.contact(line):
                return True
            self.end_contacts()
        if self.section == "partners":
            self.section = None
            if self.partners(line.number, text, text):
                return True
        if self.section == "subregions":
            name = _subregion(text)
            if name is not None:
                self.facts.clusters.append(
                    ClusterFact(
                        name=name,
                        label=name,
                        members=[],
                        line=line.number,
                        sentence=text,
                        members_known=False,
                    )
                )
                return True
            self.section = None
        if self.section == "toc" and (p.NUMBERED.match(text) or p.BULLET.match(text)):
            return True
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
        if self.section == "toc":
            self.section = None
        yielded = False
        previous: PartnerFact | None = None
        for sentence in sentences(text):
            if len(sentence) > MAX_SENTENCE:
                continue
            if previous is not None and self.continued(previous, line.number, sentence):
                yielded = True
                continue
            statements = len(self.facts.partners)
            yielded = self.sentence(line.number, sentence) or yielded
            new = self.facts.partners[statements:]
            previous = new[-1] if new and new[-1].partners else None
        if p.SUBREGION_LIST.search(text):
            self.section = "subregions"
            yielded = True
        return yielded

    @staticmethod
    def heading(text: str) -> str | None:
        if p.SECTION_PARTNERS.match(text):
            return "partners"
        if p.SECTION_CONTACTS.match(text):
            return "contacts"
        if p.TOC.match(text):
            return "toc"
        return None

    # -- the people under "Ambtelijke trekker(s)" ------------------------------------------------------

    def contact(self, line: Line) -> bool:
        """One line of the people under a contacts heading: a portrait, a name, a role, a quote."""
        text, people = line.text, self.contacts
        if people.in_quote:
            people.in_quote = not text.endswith(('"', "”"))
            return True
        if text.startswith(('"', "“", "„")):
            people.in_quote = not (len(text) > 1 and text.endswith(('"', "”")))
            people.after_break = True
            return True
        if p.PLACEHOLDER.match(text):
            people.after_break = True
            return True
        if _is_prose(text) or p.UPDATED.search(text) or p.BULLET.match(text) or p.NUMBERED.match(text):
            return False
        current = people.found[-1] if people.found else None
        is_person = (
            bool(_PERSON_LINE.match(text))
            and len(text.split()) <= 8
            and not p.KIND_OF_WORD.search(text)
            and (self.first_in_paragraph or current is None)
        )
        if current is not None and text == current[0]:
            current[2].append(line.number)
            return True
        if is_person and (current is None or people.after_break or current[1]):
            people.found.append((text, [], [line.number]))
            people.after_break = False
            return True
        if current is not None:
            current[1].append(text)
            current[2].append(line.number)
            for part in read_list(
                text, self.known, line=line.number, sentence=text, bare=False, partner=False
            ):
                self.facts.mentions.extend(part.names)
            return True
        return False

    def end_contacts(self) -> None:
        people = self.contacts
        heading = people.heading
        for name, role, lines in people.found:
            post = " ".join(role) or _post_of(heading)
            self.facts.persons.append(
                PersonFact(
                    name=name, post=post, line=lines[0], sentence=" ".join([name, *role]), heading=heading
                )
            )
        self.contacts = _Contacts()
        if self.section == "contacts":
            self.section = None

    def numbered(self, line: Line, number: int, title: str) -> bool:
        if self.cluster(line.number, title):
            return True
        if self.organisation_item(line.number, title):
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
        if self.section == "subregions":
            name = _subregion(item)
            if name is not None:
                self.facts.clusters.append(
                    ClusterFact(
                        name=name,
                        label=name,
                        members=[],
                        line=line.number,
                        sentence=item,
                        members_known=False,
                    )
                )
                return True
        if self.organisation_item(line.number, item):
            return True
        intro = self.intro
        listed = NAME_LIST.fullmatch(item.rstrip(".;"))
        if intro is not None and "gemeente" in intro.text.casefold() and listed:
            names = self.names(item.rstrip(".;"), wk.OrgKind.MUNICIPALITY, line.number, item)
            self.facts.mentions.extend(names)
            return bool(names)
        yielded = False
        for sentence in sentences(item):
            if len(sentence) <= MAX_SENTENCE:
                yielded = self.sentence(line.number, sentence) or yielded
        return yielded

    def organisation_item(self, number: int, item: str) -> bool:
        """A body or a post in a list: "Stuurgroep: hierin zitten …"; "Waterregisseur: is …"."""
        body = p.BODY_ITEM.match(item)
        if body is not None:
            rest = body.group("rest")
            counted = [
                (1 if m.group("n").casefold() in ("één", "een") else parse_number(m.group("n")), m.group(0))
                for m in p.COMPOSITION.finditer(rest)
            ]
            seats = [n for n, _ in counted if n is not None]
            numbered = [m for m in p.COMPOSITION.finditer(rest) if m.group("n").casefold() != "een"]
            name = body.group("body")
            self.facts.bodies.append(
                BodyFact(
                    name=_capitalised(name),
                    kind=body_kind(name),
                    line=number,
                    sentence=item,
                    seats=sum(seats) if numbered else None,
                    composition=" en ".join(text for _, text in counted) if numbered else None,
                )
            )
            for part in read_list(rest, self.known, line=number, sentence=item, bare=False, partner=False):
                self.facts.mentions.extend(part.names)
            return True
        post = p.POST_ITEM.match(item)
        if post is not None and any(pattern.match(item) for pattern in p.PERSON_IN_POST):
            return self.posts(number, item)  # "Waterregisseur: Peter Groen, 06-…": a person in the post
        if post is not None:
            duties = [
                (p.ROLES[d.group("role").casefold()], _capitalised(d.group("body")), number, item)
                for d in p.DUTY.finditer(post.group("rest"))
            ]
            fact = PostFact(name=_capitalised(post.group("post")), line=number, sentence=item)
            fact.duties.extend(duties)
            self.facts.posts.append(fact)
            return True
        return False

    # -- sentences --------------------------------------------------------------------------------

    def sentence(self, number: int, sentence: str) -> bool:
        lower = sentence.casefold()
        found = False
        if "bijgewerkt" in lower:
            found = self.updated(number, sentence) or found
        regional = "cluster" in lower or "regio" in lower
        if (regional and self.cluster(number, sentence)) or (
            (p.PARTNER_TOTAL.search(sentence) or p.CONSISTS.search(sentence))
            and self.partners(number, sentence)
        ):
            found = True
        else:
            found = self.named(number, sentence) or found
        if p.STARTED.search(sentence):
            found = self.started(number, sentence) or found
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

    def partners(
        self, number: int, sentence: str, description: str | None = None, *, also: int | None = None
    ) -> bool:
        """A list of partners: "bestaat uit 31 partners: …", "samengewerkt tussen …", "Betrokken partijen"."""
        total_match = p.PARTNER_TOTAL.search(sentence)
        total = parse_number(total_match.group("n")) if total_match else None
        if description is None:
            start = total_match.end() if total_match else 0
            consists = p.CONSISTS.search(sentence, start if total_match is None else 0)
            if total_match is None and consists is None:
                return False
            if consists is not None and total_match is None:
                start = consists.end()
            description = sentence[start:].lstrip(" :")
            if consists is not None and total_match is None and p.PEOPLE_LIST.match(description):
                return False  # "een bestuurlijk trio bestaande uit de wethouders van …": people, not partners
        parts = read_list(description, self.known, line=number, sentence=sentence)
        if not any(part.names for part in parts) and description.rstrip().endswith(":") and also is None:
            self.pending = (number, sentence, description)  # the list follows: "bestaat uit de gemeenten:"
            return True
        if total is None and not parts:
            return False
        earlier = self.facts.partners[-1] if self.facts.partners else None
        if (
            re.match(r"^(?i:dit|dat|deze)\s+zijn\b", sentence)
            and earlier is not None
            and earlier.partners
            and not earlier.parts
            and total is None
        ):
            # "Het BOWA bestaat uit 20 samenwerkingspartners … Dit zijn de gemeenten …": one statement.
            earlier.parts.extend(parts)
            if number != earlier.line:
                earlier.lines.append(number)
            return True
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
        if also is not None:
            self.facts.partners[-1].lines.append(also)
        return True

    def continued(self, statement: PartnerFact, number: int, sentence: str) -> bool:
        """A list of municipalities cut by a stray full stop ("… Kapelle, Middelburg. Noord-Beveland, …")
        goes on in the sentence after it."""
        last = statement.parts[-1] if statement.parts else None
        run = NAME_LIST.match(sentence)
        if last is None or last.kind is not wk.OrgKind.MUNICIPALITY or run is None or "," not in run.group(0):
            return False
        if p.CONSISTS.search(sentence) or p.PARTNER_TOTAL.search(sentence):
            return False
        parts = read_list(f"de gemeenten {sentence}", self.known, line=number, sentence=sentence)
        if not parts:
            return False
        statement.parts.extend(parts)
        if number != statement.line and number not in statement.lines:
            statement.lines.append(number)
        return True

    def named(self, number: int, sentence: str) -> bool:
        """Organisations named outside a list of partners; a stated count of a kind is kept to check."""
        parts = read_list(sentence, self.known, line=number, sentence=sentence, bare=False, partner=False)
        if not parts:
            return False
        if any(part.stated is not None for part in parts):
            self.facts.partners.append(
                PartnerFact(total=None, parts=parts, line=number, sentence=sentence, partners=False)
            )
        else:
            self.facts.mentions.extend(m for part in parts for m in part.names)
        return True

    def started(self, number: int, sentence: str) -> bool:
        """ "Het Netwerk … is formeel gestart vanaf oktober 2013": the cooperation's start."""
        when = _when(sentence)
        if when is None or self.facts.started is not None:
            return False
        self.facts.started, self.facts.started_line, self.facts.started_sentence = when, number, sentence
        return True

    def names(self, text: str, kind: wk.OrgKind, number: int, sentence: str) -> list[Mention]:
        def known(name: str) -> bool:
            return self.known(_bare(name), (kind_of(name, kind),))

        out = []
        for raw in split_names(text, known):
            name = _bare(raw)
            if name:
                out.append(Mention(name=name, kind=kind_of(name, kind), line=number, sentence=sentence))
        return out

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
            if re.search(r"\b(?:een|één)\s+van\s+de\s+$", sentence[: match.start()], re.IGNORECASE):
                continue  # "is een van de vijf deelregio's binnen …": the region it belongs to
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
        inverted = p.PERSON_INVERTED.search(sentence)
        if inverted:
            self.facts.persons.append(
                PersonFact(
                    name=inverted.group("name"),
                    post=_capitalised(inverted.group("post")),
                    line=number,
                    sentence=sentence,
                )
            )
            return True
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
        generic = match.group("name").casefold() in ("overeenkomst", "akkoord")
        earlier = self.facts.agreements
        if (
            generic
            and earlier
            and re.match(r"^(?i:deze|dit|die|de|het)\s+(?i:overeenkomst|akkoord)\b", sentence)
        ):
            # "Deze overeenkomst is getekend in september 2013": the agreement named before.
            when = _when(sentence)
            last = earlier[-1]
            for fact in earlier:
                if fact.name == last.name and fact.date is None and when is not None:
                    fact.date = when
                    fact.lines.append(number)
            return when is not None
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


_PERSON_LINE = re.compile(rf"^{p.PERSON}$")


class _Contacts:
    """The people listed under a contacts heading, as they are read."""

    def __init__(self) -> None:
        self.heading: str | None = None
        self.found: list[tuple[str, list[str], list[int]]] = []
        """(name, role lines, line numbers) of each person."""
        self.in_quote = False
        self.after_break = False


def _is_prose(text: str) -> bool:
    """A line of running text, not a name, a role or a heading."""
    return len(text) > 90 or (text.endswith((".", "!", "?")) and len(text.split()) > 3)


def _is_title(text: str, *, parent: bool = False) -> bool:
    """A title line of the current layout (or, with ``parent``, the region's line under it: "regio X")."""
    return (
        len(text) <= _TITLE_MAX
        and len(text.split()) <= 8
        and not text.endswith((".", ":", "!", "?", ","))
        and not p.BULLET.match(text)
        and not p.NUMBERED.match(text)
        and not p.UPDATED.search(text)
        and not p.SEPARATOR.match(text)
        and (text[:1].isupper() or (parent and text.casefold().startswith("regio ")))
    )


def _strip_regio(text: str) -> str:
    """ "Regio Noordkop" is the region Noordkop."""
    stripped = re.sub(r"^(?i:regio)\s+(?=\S)", "", text).strip()
    return stripped or text


def _subregion(text: str) -> str | None:
    """A line that is the name of a sub-region in a list ("Leidse Regio"), if it is one."""
    item = text.strip().rstrip(";,")
    if not item or len(item.split()) > 6 or item.endswith((".", ":")) or not NAME_LIST.fullmatch(item):
        return None
    return item


def _post_of(heading: str | None) -> str:
    """The post of a person listed under a heading alone: "Ambtelijke trekker(s)" → "Ambtelijke trekker"."""
    if not heading:
        return "Contactpersoon"
    text = re.sub(r"\s*\(s\)$", "", heading.strip(" :"))
    text = re.sub(r"(?i)contactpersonen$", "Contactpersoon", text)
    return _capitalised(text)
