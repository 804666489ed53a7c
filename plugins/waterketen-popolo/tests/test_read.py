"""Reading Popolo: ids, dates, classifications, posts, memberships, and what is left out."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

import pytest
import waterketen_popolo as wp

import waterketen as wk


COOP = {"id": "gnd", "name": "Groningen & Noord-Drenthe", "classification": "cooperation"}


def lenient(document: dict[str, Any]) -> wk.Network:
    return wp.read(document, strict=False)


def reasons(network: wk.Network) -> list[str]:
    assert network.report is not None
    return [f"{p.place} {p.field}: {p.reason}" for p in network.report.problems]


class TestIds:
    def test_path_like_ids_are_kept(self) -> None:
        """A path-like id is a valid waterketen id and is kept as it is."""
        network = wp.read({"persons": [{"id": "person/abc", "name": "A"}]})
        assert network["person/abc"].name == "A"

    def test_ids_with_spaces_are_mapped(self) -> None:
        """An id with white space is percent-encoded, in the object and in every reference to it."""
        document = {
            "organizations": [COOP | {"id": "Groningen Noord"}],
            "persons": [{"id": "Jan\tJansen", "name": "Jan Jansen"}],
            "memberships": [{"id": "m 1", "person_id": "Jan\tJansen", "organization_id": "Groningen Noord"}],
        }
        network = wp.read(document)
        assert network["m%201"] == wk.Membership(id="m%201", member="Jan%09Jansen", group="Groningen%20Noord")

    def test_long_ids_and_numbers(self) -> None:
        """An id longer than 200 characters is cut with a hash of the whole; a number becomes its digits."""
        long_id = "p" * 250
        network = wp.read({"persons": [{"id": long_id, "name": "A"}, {"id": 593, "name": "B"}]})
        (mapped,) = [e.id for e in network if e.id != "593"]
        assert len(mapped) == 200
        assert mapped.startswith("p" * 150)
        assert wp.to_id(long_id) == mapped
        assert network["593"].name == "B"

    def test_memberships_without_ids_get_stable_ids(self) -> None:
        """A membership without an id gets one from its member, group and start, the same every time."""
        document = {
            "organizations": [COOP, {"id": "bedum", "name": "Bedum", "classification": "municipality"}],
            "memberships": [
                {
                    "member": {"@type": "Organization", "id": "bedum"},
                    "organization_id": "gnd",
                    "start_date": "2014",
                },
                {"member": {"@type": "Organization", "id": "bedum"}, "organization_id": "gnd"},
            ],
        }
        first, second = wp.read(document), wp.read(document)
        assert first == second
        assert {e.id for e in first.entities(wk.Membership)} == {"bedum@gnd@2014", "bedum@gnd"}

    def test_objects_without_ids_get_stable_ids(self) -> None:
        """A person without an id gets one from a hash of the object, the same every time."""
        document = {"persons": [{"name": "Zonder Id"}]}
        (person,) = wp.read(document)
        assert person.id.startswith("person~")
        assert [e.id for e in wp.read(document)] == [person.id]


class TestDates:
    def test_precision_is_kept(self) -> None:
        """A year or a month stays a PartialDate, not the first of January."""
        document = {
            "organizations": [COOP | {"founding_date": "2014", "dissolution_date": "2020-11"}],
        }
        period = wp.read(document)["gnd"].period
        assert (period.start, period.end) == (wk.PartialDate(2014), wk.PartialDate(2020, 11))
        assert period.certainty(date(2014, 6, 1)) is wk.model.Certainty.UNCERTAIN
        assert wp.to_popolo(wp.read(document))["organizations"][0]["founding_date"] == "2014"

    def test_end_dates_are_last_days(self) -> None:
        """Popolo's end date is the last day; waterketen's end is the day after."""
        document = {
            "organizations": [COOP | {"founding_date": "2011-06-01", "dissolution_date": "2018-12-31"}]
        }
        period = wp.read(document)["gnd"].period
        assert period.end == date(2019, 1, 1)
        assert period.contains(date(2018, 12, 31))
        assert not period.contains(date(2019, 1, 1))

    def test_missing_and_blank_dates_are_open(self) -> None:
        """A missing, null or blank date is no bound."""
        document = {"persons": [{"id": "p", "name": "P", "birth_date": "", "death_date": None}]}
        assert wp.read(document)["p"].period == wk.Period()

    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            ("2014-02-30", "'2014-02-30' is not a real date"),
            ("2014-06-01T10:00:00Z", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
            (2014, "expected a date as text"),
        ],
    )
    def test_bad_dates_are_reported(self, value: Any, reason: str) -> None:
        """A date waterketen cannot read rejects its record, with the field and the reason."""
        network = lenient({"persons": [{"id": "p", "name": "P", "birth_date": value}]})
        assert "p" not in network
        assert any(reason in r for r in reasons(network))
        assert reasons(network)[0].startswith("/persons/0 period")

    def test_the_last_day_there_is(self) -> None:
        """An end on 9999-12-31 ("no end") is read as an open end, not rejected as the day after it."""
        document = {
            "organizations": [COOP | {"founding_date": "2011-06-01", "dissolution_date": "9999-12-31"}],
            "persons": [{"id": "p", "name": "P", "death_date": "9999-12-31"}],
        }
        network = lenient(document)
        assert reasons(network) == []
        for entity_id in ("gnd", "p"):
            assert network[entity_id].period.end is None
            assert network[entity_id].period.contains(date(9999, 12, 30))
        assert "dissolution_date" not in wp.to_popolo(network)["organizations"][0]


class TestOrganizations:
    def test_classifications(self) -> None:
        """The classification tells a cooperation, a partner, a cluster and a body apart."""
        document = {
            "organizations": [
                COOP,
                {"id": "wmd", "name": "WMD", "classification": "Water company"},
                {"id": "dal", "name": "DAL", "classification": "cluster", "parent_id": "gnd"},
                {"id": "team", "name": "Waterteam DAL", "classification": "water-team", "parent_id": "dal"},
                {"id": "board", "name": "Board", "classification": "body", "parent_id": "gnd"},
            ]
        }
        network = wp.read(document)
        assert network.get("wmd", wk.Organisation).kind is wk.OrgKind.WATER_COMPANY
        assert network.get("dal", wk.Cluster).cooperation == "gnd"
        team = network.get("team", wk.Body)
        assert (team.kind, team.cluster, team.cooperation) == (wk.BodyKind.WATER_TEAM, "dal", "gnd")
        assert network.get("board", wk.Body).kind is wk.BodyKind.OTHER

    def test_unknown_classification_is_other_with_a_warning(self) -> None:
        """A classification waterketen does not know gives kind 'other', and a warning keeps it."""
        network = wp.read({"organizations": [{"id": "x", "name": "X", "classification": "party"}]})
        assert network.get("x", wk.Organisation).kind is wk.OrgKind.OTHER
        assert network.report is not None
        (warning,) = network.report.warnings
        assert (warning.place, warning.field) == ("/organizations/0", "classification")
        assert "'party'" in warning.reason

    def test_identifiers_other_names_and_sources(self) -> None:
        """Identifiers with their scheme, other names in many scripts and sources are kept."""
        document = {
            "organizations": [
                {
                    "id": "groningen",
                    "name": "Groningen",
                    "classification": "municipality",
                    "identifiers": [{"scheme": "cbs", "identifier": "GM0014"}],
                    "other_names": [
                        {"name": "Grunnen"},
                        {"name": "Гронинген", "note": "Russian"},
                        "格罗宁根",
                    ],
                    "sources": [
                        {"url": "https://www.cbs.nl", "note": "gemeentelijke indeling"},
                        "municipalities.csv",
                    ],
                }
            ]
        }
        network = wp.read(document)
        groningen = network.get("groningen", wk.Organisation)
        assert groningen.identifier("cbs") == "GM0014"
        assert groningen.other_names == ("Grunnen", "Гронинген", "格罗宁根")
        assert groningen.provenance == (
            wk.Provenance(source="https://www.cbs.nl", locator="gemeentelijke indeling"),
            wk.Provenance(source="municipalities.csv"),
        )
        assert network.find("Гронинген") == (groningen,)
        assert network.report is not None
        assert [w.field for w in network.report.warnings] == ["other_names/1/note"]

    def test_identifier_without_scheme_is_reported(self) -> None:
        """waterketen needs an identifier's scheme: without one the organisation is reported."""
        network = lenient(
            {
                "organizations": [
                    {"id": "x", "name": "X", "classification": "other", "identifiers": [{"identifier": "1"}]}
                ]
            }
        )
        assert reasons(network) == ["/organizations/0 identifiers/0/scheme: required field is missing"]

    def test_cluster_without_a_name(self) -> None:
        """A cluster may have no name; a partner may not."""
        document = {
            "organizations": [
                COOP,
                {"id": "c", "classification": "cluster", "parent_id": "gnd"},
                {"id": "o", "classification": "municipality"},
            ]
        }
        network = lenient(document)
        assert network.get("c", wk.Cluster).name is None
        assert reasons(network) == ["/organizations/2 name: required field is missing"]


class TestPostsAndMemberships:
    DOCUMENT: ClassVar[dict[str, Any]] = {
        "organizations": [
            COOP,
            {"id": "dal", "name": "DAL", "classification": "cluster", "parent_id": "gnd"},
            {
                "id": "regiegroep",
                "name": "Regiegroep",
                "classification": "steering-group",
                "parent_id": "gnd",
            },
            {"id": "wbg", "name": "Waterbedrijf Groningen", "classification": "water-company"},
        ],
        "persons": [{"id": "p1", "name": "Piet"}],
        "posts": [
            {"id": "seat-dal", "label": "Lid namens DAL", "organization_id": "regiegroep", "role": "Member"},
            {"id": "regisseur", "label": "Waterregisseur", "organization_id": "gnd"},
        ],
        "memberships": [
            {
                "id": "t1",
                "person_id": "p1",
                "organization_id": "regiegroep",
                "post_id": "seat-dal",
                "role": "Member",
                "on_behalf_of_id": "dal",
                "start_date": "2014",
                "end_date": "2016-12-31",
            },
            {"id": "m1", "member": {"@type": "Organization", "id": "wbg"}, "organization_id": "gnd"},
        ],
    }

    def test_posts(self) -> None:
        """A post in a body is a duty with its role; a post in a cooperation has none."""
        network = wp.read(self.DOCUMENT)
        seat = network.get("seat-dal", wk.Post)
        assert seat.duties == (wk.model.Duty(role=wk.Role.MEMBER, body="regiegroep"),)
        assert (seat.cooperation, seat.represents) == ("gnd", "dal")
        assert network.get("regisseur", wk.Post).cooperation == "gnd"

    def test_person_to_post_is_a_tenure(self) -> None:
        """A membership with a post is a tenure; on whose behalf is what the post represents."""
        network = wp.read(self.DOCUMENT)
        assert network["t1"] == wk.Tenure(
            id="t1",
            holder="p1",
            post="seat-dal",
            period=wk.Period(start=wk.PartialDate(2014), end=date(2017, 1, 1)),
        )
        (seat,) = network.seats("regiegroep", on="2015-06-01")
        assert [h.id for h in seat.holders] == ["p1"]
        assert seat.represents is not None
        assert network.report is not None
        assert network.report.warnings == ()

    def test_organisation_to_organisation(self) -> None:
        """A membership of an organisation in a group is a Membership."""
        network = wp.read(self.DOCUMENT)
        assert network["m1"] == wk.Membership(id="m1", member="wbg", group="gnd")
        assert [o.id for o in network.partners()] == ["wbg"]

    def test_a_membership_of_a_party_is_kept(self) -> None:
        """A person's membership of an organisation (a party) is kept, with its role."""
        document = {
            "organizations": [{"id": "party/x", "name": "X", "classification": "party"}],
            "persons": [{"id": "p", "name": "P"}],
            "memberships": [{"person_id": "p", "organization_id": "party/x", "role": "member"}],
        }
        network = wp.read(document)
        (membership,) = network.memberships("party/x")
        assert (membership.id, membership.member, membership.role) == ("p@party/x", "p", "member")

    def test_a_council_post_is_a_membership_with_its_post(self) -> None:
        """A mayor's seat in a council (an organisation) is a membership of the council holding the post."""
        document = {
            "organizations": [{"id": "council", "name": "Council", "classification": "council"}],
            "persons": [{"id": "p", "name": "Person A"}],
            "posts": [{"id": "mayor", "label": "Mayor", "organization_id": "council", "role": "Mayor"}],
            "memberships": [{"person_id": "p", "post_id": "mayor", "role": "Mayor", "label": "Mayor of X"}],
        }
        network = wp.read(document)
        (membership,) = network.memberships("council")
        assert (membership.group, membership.post, membership.role, membership.label) == (
            "council",
            "mayor",
            "Mayor",
            "Mayor of X",
        )
        assert network.get("mayor", wk.Post).cooperation == "council"
        assert wp.read(wp.to_popolo(network)) == network

    def test_holders_on_behalf_of_different_organisations(self) -> None:
        """Holders of one post on behalf of different organisations: that is left out, with a warning."""
        document = {
            **self.DOCUMENT,
            "memberships": [
                {"id": "a", "person_id": "p1", "post_id": "regisseur", "on_behalf_of_id": "dal"},
                {"id": "b", "member": {"@type": "Organization", "id": "wbg"}, "post_id": "regisseur"},
            ],
        }
        network = wp.read(document)
        assert network.get("regisseur", wk.Post).represents is None
        assert network.report is not None
        assert [(w.place, w.field) for w in network.report.warnings] == [
            ("/memberships/0", "on_behalf_of_id")
        ]


class TestLeftOut:
    def test_unknown_keys_are_warnings(self) -> None:
        """Fields waterketen has no place for are left out, each named with its place, never silently."""
        document = {
            "persons": [
                {
                    "id": "p",
                    "name": "Ἀριστοτέλης",
                    "other_names": [{"name": "Aristotle", "lang": "en"}],
                    "image": "a.jpg",
                    "x-custom": {"a": 1},
                    "gender": None,
                }
            ],
            "meta": {"sources": ["https://example.org"]},
        }
        network = wp.read(document)
        assert network["p"].name == "Ἀριστοτέλης"
        assert [n.name for n in network.get("p", wk.Person).other_names] == ["Aristotle"]
        assert network.report is not None
        warnings = [(w.place, w.field) for w in network.report.warnings]
        assert warnings == [
            ("/persons/0", "other_names/0/lang"),
            ("/persons/0", "image"),
            ("/persons/0", "x-custom"),
            ("/meta", None),
        ]
        assert network.report.warnings[0].record == document["persons"][0]

    def test_what_is_left_out_is_told_once_per_kind(self) -> None:
        """A field left out of many objects is one warning with the count, at the first of them."""
        document = {"persons": [{"id": f"p{i}", "name": f"Person {i}", "gender": "x"} for i in range(40)]}
        network = wp.read(document)
        assert network.report is not None
        (warning,) = network.report.warnings
        assert (warning.place, warning.field) == ("/persons/0", "gender")
        assert "(in 40 persons; this is the first)" in warning.reason

    def test_areas_and_events_are_reported(self) -> None:
        """Areas and events that are not terms are told once each, with a count; terms give periods."""
        document = {
            "areas": [{"id": "area/1", "name": "Area 1"}, {"id": "area/2", "name": "Area 2"}],
            "events": [
                {"id": "term/2", "classification": "legislative period", "start_date": "2014"},
                {"id": "e", "classification": "election", "start_date": "2014-03-19"},
            ],
        }
        network = wp.read(document)
        assert network.report is not None
        assert (network.report.read, network.report.accepted) == (0, 0)
        told = [(w.place, w.reason) for w in network.report.warnings]
        assert told == [
            ("/areas", "left out: 2 objects of 'areas', which waterketen has no class for"),
            ("/events", "read as the periods of the 0 memberships that name them: a legislative period"),
            ("/events", "left out: an event that is not a legislative period"),
        ]

    def test_terms_are_the_periods_of_their_memberships(self) -> None:
        """A membership naming a legislative period has that period, unless it gives its own dates."""
        document = {
            "organizations": [{"id": "leg", "name": "Legislature", "classification": "legislature"}],
            "persons": [{"id": "a", "name": "Person A"}, {"id": "b", "name": "Person B"}],
            "events": [
                {
                    "id": "term/1",
                    "classification": "legislative period",
                    "start_date": "2010-06-01",
                    "end_date": "2014-05-31",
                }
            ],
            "memberships": [
                {"person_id": "a", "organization_id": "leg", "legislative_period_id": "term/1"},
                {
                    "person_id": "b",
                    "organization_id": "leg",
                    "legislative_period_id": "term/1",
                    "start_date": "2012",
                },
            ],
        }
        network = wp.read(document)
        a, b = network.memberships("leg")
        assert a.id == "a@leg@term/1"
        assert a.period == wk.Period(start=date(2010, 6, 1), end=date(2014, 6, 1))
        assert b.period == wk.Period(start=wk.PartialDate(2012), end=date(2014, 6, 1))

    def test_the_extension_is_read_back(self) -> None:
        """The ``waterketen`` field of an object overrides what Popolo says; bad fields in it are errors."""
        document = {
            "organizations": [
                COOP | {"waterketen": {"note": "Since 2011.", "period": {"start": "unknown"}}},
                {"id": "x", "name": "X", "classification": "other", "waterketen": {"colour": "blue"}},
            ]
        }
        network = lenient(document)
        assert network["gnd"].note == "Since 2011."
        assert network["gnd"].period.start is wk.UNKNOWN
        assert reasons(network) == ["/organizations/1 colour: unknown field(s) 'colour'"]
