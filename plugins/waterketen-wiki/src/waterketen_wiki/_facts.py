"""What a page states, as read from its text, before any name is resolved.

Each fact keeps its line and the sentence it came from.
"""

from __future__ import annotations

from datetime import date

from attrs import define, field

import waterketen as wk
import waterketen.model
import waterketen.typing


__all__ = [
    "AgreementFact",
    "BodyFact",
    "ClusterFact",
    "CountFact",
    "Mention",
    "PageFacts",
    "PartFact",
    "PartnerFact",
    "PersonFact",
    "PostFact",
    "SpearheadFact",
    "TeamFact",
]


@define
class Mention:
    """An organisation the page names."""

    name: str
    kind: wk.OrgKind
    line: int
    sentence: str
    other_names: list[str] = field(factory=list)
    """Other names the page gives it: an abbreviation in brackets ("HHNK")."""
    partner: bool = True
    """False for a name outside a list of partners ("een bestuurder van de gemeente Diemen")."""


@define
class PartFact:
    """One kind of partner in a partner statement: its stated count and the names listed."""

    kind: wk.OrgKind
    stated: int | None
    names: list[Mention] = field(factory=list)
    whole: bool = False
    """True for "alle gemeenten" without a count: a part of unknown size."""

    @property
    def count(self) -> int:
        """The number this part adds to the total: the stated count, or the names listed."""
        return self.stated if self.stated is not None else len(self.names)


@define
class PartnerFact:
    """ "... bestaat uit 31 partners: alle 23 gemeenten ..., de waterschappen A en B ..."."""

    total: int | None
    parts: list[PartFact]
    line: int
    sentence: str
    other_name: str | None = None
    """The name the sentence gives the cooperation ("De waterketensamenwerking X bestaat uit")."""
    lines: list[int] = field(factory=list)
    """Other lines the statement spans (a list in the next paragraph)."""
    partners: bool = True
    """False for a count outside a list of partners ("Toen hebben 10 gemeenten … getekend"): its
    names are named organisations, not partners; its counts are checked."""


@define
class ClusterFact:
    """ "Cluster DAL (Delfzijl, Appingedam en Loppersum)"."""

    name: str
    label: str
    """The name as the page writes it, with its word ("Cluster DAL")."""
    members: list[Mention]
    line: int
    sentence: str
    members_known: bool = True
    """False for a sub-region named without its members ("verenigd in vier sub-regio's: …")."""


@define
class CountFact:
    """A stated number of clusters ("De regio is verdeeld in 7 clusters")."""

    stated: int
    line: int
    sentence: str


@define
class BodyFact:
    """A governance body, and whom its seats represent when the page says."""

    name: str
    kind: wk.BodyKind
    line: int
    sentence: str
    seats: int | None = None
    represents: list[str] = field(factory=list)
    """The kinds of partner the seats represent, in the page's order:
    ``cluster``, ``municipality``, ``water-board``, ``water-company``, ``partner``."""
    composition: str | None = None
    """Who sits in it, as the page says ("vier wethouders en één heemraad")."""


@define
class PostFact:
    """A post: "een waterregisseur aangesteld"; its duties: "is de secretaris van de regiegroep"."""

    name: str
    line: int
    sentence: str
    duties: list[tuple[wk.Role, str, int, str]] = field(factory=list)
    """(role, body name, line, sentence) for each duty."""


@define
class TeamFact:
    """ "In elk cluster is een waterteam actief dat wordt geleid door een clustercoördinator"."""

    team: str
    lead: str
    line: int
    sentence: str


@define
class PersonFact:
    """A person named in a post: "De waterregisseur is Peter Groen"."""

    name: str
    post: str
    line: int
    sentence: str
    role: wk.Role | None = None
    body: str | None = None
    """For "Voorzitter van de regiegroep is ...": the role and the body."""
    heading: str | None = None
    """The heading the person is listed under ("Ambtelijke trekker(s)"), if any."""


@define
class AgreementFact:
    """ "Eind 2014 is de samenwerking vastgelegd in een bestuurlijk akkoord ..."."""

    name: str
    line: int
    sentence: str
    date: wk.typing.Instant | None = None
    goals: list[str] = field(factory=list)
    targets: list[wk.model.Target] = field(factory=list)
    lines: list[int] = field(factory=list)


@define
class SpearheadFact:
    """ " 1. Samenwerken op gebied van gegevensbeheer ..."."""

    number: int
    title: str
    line: int
    intro_line: int | None = None
    start: date | None = None
    end: date | None = None


@define
class PageFacts:
    """Everything a page states."""

    region: str | None = None
    region_line: int | None = None
    parent: str | None = None
    """The region a sub-region's page names under its title (the current layout's second line)."""
    url: str | None = None
    """The page's address, when the saved text gives it (a ``URL:`` line)."""
    page_date: date | None = None
    page_date_line: int | None = None
    """The date a saved copy gives (a ``DATE:`` line): the page's date when it states no last update."""
    started: wk.typing.Instant | None = None
    started_line: int | None = None
    started_sentence: str | None = None
    updated: date | None = None
    updated_line: int | None = None
    partners: list[PartnerFact] = field(factory=list)
    mentions: list[Mention] = field(factory=list)
    """Organisations named outside partner statements and clusters (lists of municipalities)."""
    clusters: list[ClusterFact] = field(factory=list)
    cluster_counts: list[CountFact] = field(factory=list)
    bodies: list[BodyFact] = field(factory=list)
    posts: list[PostFact] = field(factory=list)
    teams: list[TeamFact] = field(factory=list)
    persons: list[PersonFact] = field(factory=list)
    agreements: list[AgreementFact] = field(factory=list)
    spearheads: list[SpearheadFact] = field(factory=list)
    empty: list[tuple[str, str]] = field(factory=list)
    """(place, text) of each paragraph that yielded nothing."""
    warnings: list[tuple[int, str, str]] = field(factory=list)
    """(line, field, reason) of what the reading itself doubts."""
