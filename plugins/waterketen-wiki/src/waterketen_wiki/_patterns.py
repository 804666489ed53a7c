"""The phrases of the wiki's region pages, as regular expressions.

Keywords are matched case-insensitively where the pages vary; names are
matched only when they start with a capital.
"""

from __future__ import annotations

import re

import waterketen as wk

from ._text import MONTH_NAMES, NUMBER, UPPER


__all__ = ["THREE_KS_AND_D", "body_kind", "kind_of"]

BOARD_WORDS = r"waterschap(?:pen)?|wetterskip(?:pen)?|hoogheemraadschap(?:pen)?"
COMPANY_WORDS = (
    r"(?:drink)?waterbedrij(?:f|ven)|waterleidingbedrij(?:f|ven)|waterleiding\s?maatschappij(?:en)?"
    r"|drinkwaterleveranciers?"
)
MUNICIPALITY_WORDS = r"gemeenten?"
KIND_OF_WORD = re.compile(
    rf"\b(?:(?P<board>{BOARD_WORDS})|(?P<company>{COMPANY_WORDS})|(?P<municipality>{MUNICIPALITY_WORDS}))\b",
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
    match = KIND_OF_WORD.search(name)
    if match is None:
        return default
    if match.group("board"):
        return wk.OrgKind.WATER_BOARD
    if match.group("company"):
        return wk.OrgKind.WATER_COMPANY
    return wk.OrgKind.MUNICIPALITY


# -- patterns -------------------------------------------------------------------------------------

UPDATED = re.compile(r"\blaatst\s+bijgewerkt\b\s*(?:op)?\s*:?\s*(?P<rest>.*)", re.IGNORECASE)
REGION_LABEL = re.compile(r"^regio\s*:\s*(?P<name>\S.{0,79})$", re.IGNORECASE)
PARTNER_TOTAL = re.compile(rf"\b(?P<n>{NUMBER})\s+(?:[a-zë]+\s+)?(?:samenwerkings)?partners\b", re.IGNORECASE)
CONSISTS = re.compile(
    r"\b(?:bestaat|bestaan|bestaande)(?:\s+(?:in|per|sinds|vanaf|tot)\s+\d{4}|\s+(?:nu|thans|momenteel))?"
    r"\s+uit\b(?:\s+een\s+samenwerking\s+tussen\b)?|\bpartners\s*:"
    r"|\bsamen(?:gewerkt|werking|werkingsverband|werkingsverbanden)\s+(?:tussen|van)\b"
    r"|\bnetwerk\s?organisatie\s+van\b"
    r"|\b(?:omvat|omvatten|telt|tellen)\b|^(?:dit|dat|deze)\s+zijn\b"
    r"|\b(?:partijen|deelnemers|partners)\b[^.:]{0,80}?\bzijn\b(?=\s+(?:de|het|alle|[A-Z]))",
    re.IGNORECASE,
)
"""The words that introduce a list of partners: "bestaat uit", "bestaat in 2016 uit", "samengewerkt tussen",
"Partijen … zijn"."""
PEOPLE_LIST = re.compile(
    r"^(?:de|het|een|twee|drie|vier|vijf|zes|\d+)?\s*(?:wethouders?|leden|lid|bestuurders?|vertegenwoordigers?"
    r"|medewerkers?|directeur(?:en|s)?|dijkgraaf|dijkgraven|heemra(?:ad|den)|gedeputeerden?|burgemeesters?)\b",
    re.IGNORECASE,
)
"""A list of people, not of organisations: "(een trio bestaande uit) de wethouders van de gemeenten …"."""
SECTION_PARTNERS = re.compile(
    r"^(?:betrokken|deelnemende|samenwerkende)?\s*(?:partijen|partners|deelnemers|organisaties)\s*:?$",
    re.IGNORECASE,
)
"""A heading over a list of partners: "Betrokken partijen"."""
SECTION_CONTACTS = re.compile(
    r"^(?:ambtelijke?\s+trekkers?(?:\s*\(s\))?|contactperso(?:on|nen)(?:\s*\(s\))?|trekkers?(?:\s*\(s\))?"
    r"|bestuurlijke?\s+trekkers?(?:\s*\(s\))?)\s*:?$",
    re.IGNORECASE,
)
"""A heading over the people of a region: "Ambtelijke trekker(s)", "Contactpersonen:"."""
PLACEHOLDER = re.compile(r"^(?:silhouet\b.*|portretfoto|foto|afbeelding)$", re.IGNORECASE)
"""A line that stands for a portrait."""
SEPARATOR = re.compile(r"^[\u2500-\u257f\s]+$")
"""The current layout's rule under the title ("╼╾")."""
META = re.compile(r"^(?P<key>URL|DATE)\s*:\s*(?P<value>.*)$")
"""The lines a saved copy of a page may start with: its address and its date."""
TOC = re.compile(r"^(?:inhoud|inhoudsopgave)\s*:?$", re.IGNORECASE)
"""A heading over a table of contents, whose numbered items are not spearheads."""
SUBREGION_LIST = re.compile(
    rf"\b(?:{NUMBER}\s+)?(?:[a-zë]+\s+)?(?:clusters|sub-?regio[’']?s|deelregio[’']?s|werkregio[’']?s)\s*:$",
    re.IGNORECASE,
)
"""A sentence that ends by announcing a list of sub-regions: "verenigd in vier sub-regio’s:"."""
BODY_ITEM = re.compile(
    rf"^(?P<body>[{UPPER}][\wëéöü-]*(?:groep|overleg|raad|commissie|team|bestuur))\s*:\s*(?P<rest>.+)$"
)
"""A body in a list of the organisation: " • Stuurgroep: hierin zitten vier wethouders en één heemraad."."""
COMPOSITION = re.compile(rf"\b(?P<n>{NUMBER}|één|een)\s+(?P<who>[a-zëé]{{3,}})\b", re.IGNORECASE)
"""One kind of member of a body and how many: "vier wethouders", "één heemraad"."""
STARTED = re.compile(
    r"\b(?:(?:formeel|officieel)\s+)?(?:gestart|begonnen|opgericht|van\s+start\s+gegaan)\b", re.IGNORECASE
)
"""A cooperation's start: "formeel gestart vanaf oktober 2013"."""
COOPERATION_NAME = re.compile(
    r"^(?i:de|het)\s+(?i:water(?:keten)?samenwerking|samenwerking|samenwerkingsverband|waterketen|regio)\s+"
    rf"(?:(?i:regio)\s+)?(?P<name>[{UPPER}][^,:;()]{{0,80}}?)\s*,?\s+(?i:bestaat|bestaan|bestaande|telt|omvat)\b"
)
CLUSTER = re.compile(
    rf"(?:^|(?<=\s))(?P<word>[Cc]luster|[Ss]ub-?regio|[Dd]eelregio)\s+(?P<name>[{UPPER}0-9][^():;.\n]{{0,80}}?)\s*"
    r"(?:\((?P<paren>[^()]*)\)|:\s*(?P<colon>.+)|\s+bestaat\s+uit\s+(?P<consists>.+))"
)
LEADING_MUNICIPALITY_WORDS = re.compile(r"^(?:de\s+)?gemeenten?\s*:?\s+", re.IGNORECASE)
CLUSTER_COUNT = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:[a-zë]+\s+)?(?:clusters|sub-?regio[’']?s|deelregio[’']?s)\b", re.IGNORECASE
)
TEAM = re.compile(
    r"\b(?:elk|ieder)\s+(?:cluster|sub-?regio|deelregio)\s+(?:is|werkt|heeft)\s+(?:er\s+)?een\s+"
    r"(?P<team>[\wëéö-]+)\b.{0,300}?\b(?:(?:geleid|getrokken|voorgezeten)\s+(?:wordt\s+)?door\s+een|"
    r"onder\s+leiding\s+van\s+een)\s+(?P<lead>[\wëéö-]+)",
    re.IGNORECASE,
)
BODY_WORD = r"[\wëéöü-]*(?:groep|overleg|raad|commissie|team|bestuur)"
SEATS = re.compile(
    rf"\b(?:de|het)\s+(?P<body>{BODY_WORD})\b[^.]{{0,200}}?\b(?P<n>{NUMBER})\s+"
    r"(?P<who>managers|leden|bestuurders|vertegenwoordigers|personen|deelnemers|wethouders|directeuren"
    r"|ambtenaren|medewerkers|mensen)\b(?P<rest>[^.]*)",
    re.IGNORECASE,
)
REPRESENTS = re.compile(r"\bdie\s+(?P<a>.+?)\s+vertegenwoordigen\b|\bnamens\s+(?P<b>.+)", re.IGNORECASE)
REPRESENTED_KIND = re.compile(
    rf"\b(?:(?P<cluster>clusters?|sub-?regio[’']?s|deelregio[’']?s)|(?P<municipality>gemeenten)"
    rf"|(?P<board>{BOARD_WORDS})|(?P<company>{COMPANY_WORDS})|(?P<partner>partners|deelnemers))\b",
    re.IGNORECASE,
)
POST_WORD = r"[\wëéö-]*(?:regisseur|coördinator|coordinator|manager|secretaris|voorzitter|directeur)"
POST_ITEM = re.compile(rf"^(?P<post>[{UPPER}](?i:{POST_WORD}))\s*:\s*(?P<rest>.+)$")
"""A post in a list of the organisation: " • Waterregisseur: is secretaris van de stuurgroep."."""
APPOINTED = re.compile(rf"\been\s+(?P<post>{POST_WORD})\s+(?:aangesteld|benoemd)\b", re.IGNORECASE)
ROLE_SUBJECT = re.compile(rf"^(?:deze|de|het)\s+(?P<post>{POST_WORD})\s+is\s+(?P<rest>.+)$", re.IGNORECASE)
DUTY = re.compile(
    rf"\b(?:de\s+|het\s+)?(?P<role>secretaris|voorzitter|lid|trekker|leider)\s+van\s+(?:de\s+|het\s+)?"
    rf"(?P<body>{BODY_WORD})\b",
    re.IGNORECASE,
)
ROLES = {
    "secretaris": wk.Role.SECRETARY,
    "voorzitter": wk.Role.CHAIR,
    "lid": wk.Role.MEMBER,
    "trekker": wk.Role.LEAD,
    "leider": wk.Role.LEAD,
}
PERSON = rf"[{UPPER}][\w'’.-]*(?:\s+(?:(?:van|de|der|den|ter|ten|te|op|in|'t|het)\s+)*[{UPPER}][\w'’-]*)+"
PERSON_INVERTED = re.compile(
    rf"\b(?i:is|zijn)\s+(?P<name>{PERSON})\s+(?i:de|het)\s+"
    r"(?P<post>(?i:contactpersoon|trekker|[\wëéö-]*ambassadeur|[\wëéö-]*regisseur|[\wëéö-]*co[öo]rdinator))\b"
)
"""A person named after the verb: "Voor de werkregio Fryslân is Arie van der Sluis de contactpersoon."."""
PHONE = r"(?:,\s*(?:tel(?:efoon)?\.?\s*)?\+?[0-9][0-9 ()-]{5,})?"
"""A telephone number after a name in a list of contacts: ", 06-12345678"."""
PERSON_IN_POST = [
    re.compile(rf"^(?:(?i:de)\s+)?(?P<post>(?i:{POST_WORD}))\s*(?:is|:)\s*(?P<name>{PERSON}){PHONE}\.?$"),
    re.compile(rf"^(?P<name>{PERSON})\s+is\s+(?:de\s+)?(?P<post>{POST_WORD})\.?$"),
]
PERSON_IN_ROLE = [
    re.compile(
        r"^(?P<role>(?i:voorzitter|secretaris))\s+(?:van\s+)?(?:de\s+|het\s+)?"
        rf"(?P<body>(?i:{BODY_WORD}))\s*(?:is|:)\s*(?P<name>{PERSON}){PHONE}\.?$"
    ),
    re.compile(
        rf"^(?P<name>{PERSON})\s+is\s+(?:de\s+)?(?P<role>voorzitter|secretaris)\s+van\s+(?:de\s+|het\s+)?"
        rf"(?P<body>{BODY_WORD})\.?$"
    ),
]
AGREEMENT = re.compile(
    r"\b(?P<name>bestuurlijke?\s+akkoord|bestuursakkoord|samenwerkingsakkoord|samenwerkingsovereenkomst"
    r"|waterketenakkoord|waterakkoord|intentieovereenkomst|convenant|bestuurlijke?\s+overeenkomst"
    r"|bestuursovereenkomst|mantelovereenkomst|afvalwaterakkoord|overeenkomst|akkoord)\b",
    re.IGNORECASE,
)
ESTABLISHED = re.compile(
    r"\b(?:vastgelegd|gesloten|getekend|ondertekend|ondertekenden|tekenden|afgesloten|aangegaan"
    r"|overeengekomen|vastgesteld)\b",
    re.IGNORECASE,
)
WHEN = re.compile(
    r"\b(?:(?P<month>" + "|".join(MONTH_NAMES) + r")\s+)?(?P<year>(?:19|20)[0-9]{2})\b", re.IGNORECASE
)
THREE_KS = re.compile(
    r"(?:\b(?:drie|3)\s*K[’']?s?\s*(?:en|\+|&)\s*D\b|\bD\s*\+\s*(?:drie|3)\s*K\b)", re.IGNORECASE
)
THREE_KS_AND_D = ("kwaliteit", "kwetsbaarheid", "kosten", "duurzaamheid")
"""The goals "de drie K's en D" of the Bestuursakkoord Water stand for."""
TARGET = re.compile(
    r"(?P<text>(?P<q>circa|ongeveer|ca\.|bijna|ruim|zo[’']n)?\s*€?\s*(?P<amount>[0-9]{1,6}(?:[.,][0-9]{1,3})?)\s*"
    r"(?P<unit>miljoen|mln\.?|miljard)\b[^.]{0,200}?\b(?:in|voor|per|tot|uiterlijk|vóór)\s+(?P<by>(?:19|20)[0-9]{2}))\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(?:19|20)[0-9]{2}\b")
NUMBERED = re.compile(r"^(?P<n>[0-9]{1,3})[.)]\s+(?P<title>\S.*)$")
BULLET = re.compile(r"^[•·▪◦*–-]\s*(?P<item>\S.*)$")
HEADING_MAX_WORDS = 8
BODY_HINTS = ("groep", "overleg", "raad", "commissie", "team", "bestuur")
POST_HINTS = (
    "regisseur",
    "coördinator",
    "coordinator",
    "manager",
    "secretaris",
    "voorzitter",
    "directeur",
    "contactpersoon",
    "trekker",
    "ambassadeur",
)
ARTICLE_BEFORE_KIND = re.compile(rf"^(?:de|het)\s+(?=(?:{BOARD_WORDS}|{COMPANY_WORDS})\b)", re.IGNORECASE)


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
