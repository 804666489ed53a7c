"""Whatever the file holds, only the library's own errors escape, and every record is valid."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen_wiki import WikiPage


SEED_TEXT = (Path(__file__).parent / "data" / "groningen-noord-drenthe-wiki-2019.txt").read_text(
    encoding="utf-8"
)
SEED_PIECES = SEED_TEXT.replace("\n", " \n ").split(" ")


def read_bytes(data: bytes) -> wk.Network | wk.WaterketenError:
    """Read ``data`` as a page: the records (checked here), or the library error it raised."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.txt"
        path.write_bytes(data)
        page = WikiPage(path)
        try:
            records = list(page.records())
        except wk.WaterketenError as error:
            return error
        net = wk.load(WikiPage(path), strict=False)
    assert net.report is not None
    assert net.report.read == len(records)
    assert not net.report.rejected, net.report.rejected[:1]  # the plugin yields only valid records
    assert not net.report.errors, net.report.errors[:1]
    return net


seedlike = st.lists(st.one_of(st.sampled_from(SEED_PIECES), st.text(max_size=12)), max_size=300).map(" ".join)
"""Text made of the seed's words and fragments, shuffled, with random text between them."""


class TestArbitraryInput:
    @given(st.text(max_size=2000))
    def test_random_unicode(self, text: str) -> None:
        """Random text is read without errors; every record it yields is valid."""
        assert isinstance(read_bytes(text.encode("utf-8", "surrogatepass")), wk.Network | wk.SourceError)

    @given(seedlike)
    def test_shuffled_seed(self, text: str) -> None:
        """The seed's own words in any order are read without errors; every record is valid."""
        assert isinstance(read_bytes(text.encode("utf-8", "surrogatepass")), wk.Network | wk.SourceError)

    @given(st.binary(max_size=2000))
    def test_binary_bytes(self, data: bytes) -> None:
        """Any bytes give a network or a SourceError, never another exception."""
        result = read_bytes(data)
        if isinstance(result, wk.WaterketenError):
            assert isinstance(result, wk.SourceError)
            assert result.problem.reason

    def test_empty_file(self, tmp_path: Path) -> None:
        """An empty page is an empty network, not an error."""
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        net = wk.load(f"wiki:{path}")
        assert len(net) == 0

    def test_nul_bytes_are_not_a_page(self, tmp_path: Path) -> None:
        """A file with NUL bytes is not text: a SourceError naming the line, and a LoadError when loaded."""
        path = tmp_path / "binary.txt"
        path.write_bytes(b"Regio\n\n\x00\x01\x02")
        with pytest.raises(wk.LoadError) as info:
            wk.load(f"wiki:{path}")
        (problem,) = info.value.problems
        assert (problem.place, problem.reason) == ("line 3", "not a text page: a NUL byte at offset 7")

    @pytest.mark.parametrize(
        ("start", "line"),
        [
            ("<!DOCTYPE html>\n<html lang='nl'>", 1),
            ("<?xml version='1.0'?>\n<!-- saved -->\n<HTML>", 3),
            ("\n<div>", 2),
        ],
    )
    def test_an_html_page_is_told(self, tmp_path: Path, start: str, line: int) -> None:
        """An HTML page, not its text, gives a warning naming the source and the line of its first tag."""
        path = tmp_path / "page.html"
        path.write_text(start + "<h1>Regio</h1><p>Voorbeeld</p></html>\n", encoding="utf-8")
        net = wk.load(f"wiki:{path}", strict=False)
        assert net.report is not None
        warning = net.report.warnings[0]  # first, before what the reading then doubts
        assert warning.source == f"wiki:{path}"
        assert warning.place == f"line {line}"
        assert "the file is HTML" in warning.reason
        assert "the page saved as text" in warning.reason

    def test_text_with_markup_in_it_is_no_html_page(self, tmp_path: Path) -> None:
        """A page's text that holds a tag somewhere is read as text, with no such warning."""
        path = tmp_path / "page.txt"
        path.write_text(SEED_TEXT.replace("Regio", "Regio <b>", 1), encoding="utf-8")
        net = wk.load(f"wiki:{path}", strict=False)
        assert net.report is not None
        assert not any("HTML" in w.reason for w in net.report.warnings)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing page is a problem of that source."""
        with pytest.raises(wk.LoadError, match="cannot read the file"):
            wk.load(f"wiki:{tmp_path / 'nope.txt'}")

    def test_other_encodings(self, tmp_path: Path) -> None:
        """A page saved as Windows-1252 is read with a warning; UTF-16 with its byte-order mark as is."""
        text = "Regio\n\nProef\n\nLaatst bijgewerkt: 01-06-2016\n\n • Cluster Één (Bedum en Winsum)\n"
        latin = tmp_path / "latin.txt"
        latin.write_bytes(text.encode("cp1252"))
        net = wk.load(f"wiki:{latin}")
        assert net.report is not None
        assert [w.field for w in net.report.warnings] == ["encoding"]
        assert net.clusters()[0].name == "Één"
        utf16 = tmp_path / "utf16.txt"
        utf16.write_bytes(text.encode("utf-16"))
        assert wk.load(f"wiki:{utf16}").clusters()[0].name == "Één"

    def test_ten_megabytes(self, tmp_path: Path) -> None:
        """A 10 MB page (the seed, then lines of its words shuffled) is read, with a bounded report."""
        rng = random.Random(2019)
        words = SEED_TEXT.split()
        filler = "\n".join(" ".join(rng.choices(words, k=14)) for _ in range(10_000))
        text = SEED_TEXT + "\n\n"
        while len(text.encode("utf-8")) < 10_000_000:
            text += filler + "\n\n"
        path = tmp_path / "big.txt"
        path.write_text(text, encoding="utf-8")
        net = wk.load(f"wiki:{path}", strict=False)
        assert net.report is not None
        assert not net.report.rejected
        assert not net.report.errors
        assert len(net.report.warnings) < 2000
        assert net.lookup("cbs", "GM0765", on="2016-01-01") is not None
