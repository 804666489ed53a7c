"""Bad input: located errors, no fetching, nothing but the library's own errors escapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import waterketen_rdf as wr
from hypothesis import given, settings
from hypothesis import strategies as st

import waterketen as wk
from waterketen.testing import assert_loads_safely, damaged


def problems(path: Path) -> list[wk.Problem]:
    with pytest.raises(wk.LoadError) as caught:
        wk.load(path)
    return list(caught.value.problems)


class TestBadInput:
    def test_turtle_syntax_error_has_its_line(self, tmp_path: Path) -> None:
        """Broken Turtle is refused with the file, the line and rdflib's reason."""
        path = tmp_path / "bad.ttl"
        path.write_text("@prefix dct: <http://purl.org/dc/terms/> .\n\n<urn:x> dct:identifier .\n")
        (problem,) = problems(path)
        assert (problem.source, problem.place) == (str(path), "line 3")
        assert problem.reason.startswith("invalid Turtle:")

    def test_remote_context_is_refused(self, tmp_path: Path) -> None:
        """A JSON-LD context to fetch is refused with its JSON pointer, and nothing is fetched."""
        path = tmp_path / "remote.jsonld"
        path.write_text(json.dumps({"@context": "https://example.org/context.jsonld", "@id": "urn:x"}))
        (problem,) = problems(path)
        assert (problem.place, problem.reason) == (
            "/@context",
            "refused: a JSON-LD context to fetch; give the context inline",
        )

    def test_imported_context_is_refused(self, tmp_path: Path) -> None:
        """An ``@import`` inside an inline context is refused too."""
        path = tmp_path / "import.jsonld"
        document = {"@graph": [{"@context": [{"@import": "https://example.org/c.jsonld"}], "@id": "urn:x"}]}
        path.write_text(json.dumps(document))
        (problem,) = problems(path)
        assert problem.place == "/@graph/0/@context/0/@import"

    def test_bad_value_is_located(self, tmp_path: Path, net: wk.Network) -> None:
        """A bad kind in the RDF is rejected by the core, at the resource's IRI, with the field."""
        text = wr.dumps(net, "turtle").replace("wkv:org-kind-municipality", "wkv:org-kind-gemeentee", 1)
        again = wr.read(text, strict=False)
        assert again.report is not None
        problem = again.report.errors[0]
        assert problem.place is not None
        assert problem.place.startswith("<urn:waterketen:id:")
        assert problem.field == "kind"
        assert "'gemeentee'" in problem.reason

    @settings(max_examples=20)
    @given(data=st.data())
    @pytest.mark.parametrize("syntax", ["turtle", "json-ld"])
    def test_damaged_files_fail_safely(
        self, tmp_path_factory: pytest.TempPathFactory, net: wk.Network, syntax: str, data: st.DataObject
    ) -> None:
        """Damaged exports give only the library's own errors."""
        text = wr.dumps(wk.Network([net["bedum"]]), syntax)
        raw = data.draw(damaged(text))
        path = tmp_path_factory.mktemp("damaged") / ("x.ttl" if syntax == "turtle" else "x.jsonld")
        path.write_bytes(raw)
        assert_loads_safely(str(path))
