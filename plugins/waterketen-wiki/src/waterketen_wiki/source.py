"""The source: a region page of the water-chain wiki, saved as text."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import waterketen as wk
import waterketen.errors
import waterketen.model
import waterketen.typing

from ._build import build
from ._read import read_page
from ._register import Register, default_register


__all__ = ["WikiPage", "decode", "html_warning"]


class WikiPage:
    """A region page of the wiki, saved as text: ``wk.load("wiki:page.txt")``.

    Args:
        location: the path of the page.
        register: the network whose organisations the page's names resolve
            to; by default the embedded dataset.
        as_of: the day the page describes; by default the day on or before
            its last update on which the register knows most of the
            organisations it names.
        name: the name problems and provenance give the source; by default
            ``wiki:<location>``.

    After :meth:`records`, ``updated`` is the page's "Laatst bijgewerkt" date,
    ``as_of`` the day it was read as of, ``cooperation`` the id of its
    cooperation, and ``warnings`` what the reading doubts (each a
    :class:`waterketen.Problem` of severity ``WARNING``).

    Examples:
        >>> import pathlib, tempfile
        >>> page = pathlib.Path(tempfile.mkdtemp()) / "page.txt"
        >>> _ = page.write_text("Regio\\n\\nVoorbeeld\\n\\nLaatst bijgewerkt: 01-02-2016\\n\\n"
        ...                     " • Cluster Noord (Bedum en Winsum)\\n", encoding="utf-8")
        >>> net = wk.load(f"wiki:{page}")
        >>> cluster = "wiki-voorbeeld/cluster-noord"
        >>> [o.identifier("cbs") for o in net.partners(on="2016-02-01", cluster=cluster)]
        ['GM0005', 'GM0053']
    """

    def __init__(
        self,
        location: str | os.PathLike[str],
        *,
        register: wk.Network | None = None,
        as_of: wk.typing.DateLike | None = None,
        name: str | None = None,
    ) -> None:
        self.path = Path(location)
        self.name = name or f"wiki:{os.fspath(location)}"
        self.register = register
        self.requested_day = None if as_of is None else _day(as_of, self.name)
        self.updated: date | None = None
        self.as_of: date | None = None
        self.cooperation: str | None = None
        self.warnings: tuple[wk.Problem, ...] = ()

    def __repr__(self) -> str:
        return f"WikiPage({os.fspath(self.path)!r})"

    def records(self) -> Iterator[wk.Record]:
        """Read the page; yield its records.

        Raises:
            waterketen.SourceError: the file cannot be read, or is not text.
        """
        self.updated = self.as_of = self.cooperation = None
        self.warnings = ()
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            raise wk.SourceError(
                wk.Problem(source=self.name, reason=f"cannot read the file ({exc.strerror or exc})")
            ) from None
        text, warnings = decode(raw, self.name)
        warnings += html_warning(text, self.name)
        register = default_register() if self.register is None else Register(self.register)
        facts = read_page(text, register.knows)
        built = build(
            facts,
            register=register,
            source=self.name,
            fallback_name=self.path.stem or "wiki page",
            as_of=self.requested_day,
        )
        self.updated, self.as_of, self.cooperation = facts.updated, built.as_of, built.cooperation
        self.warnings = (*warnings, *built.warnings)
        yield from built.records


def decode(raw: bytes, name: str) -> tuple[str, list[wk.Problem]]:
    """The text of a page: UTF-8 (or UTF-16 with its byte-order mark), else Windows-1252 with a warning.

    Raises:
        waterketen.SourceError: the bytes are not text (they hold a NUL byte).

    Examples:
        >>> decode("Coördinator".encode("cp1252"), "p")[0]
        'Coördinator'
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise wk.SourceError(
                wk.Problem(source=name, reason=f"not UTF-16 text after its byte-order mark: {exc.reason}")
            ) from None
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw[:nul].count(b"\n") + 1
        raise wk.SourceError(
            wk.Problem(
                source=name,
                place=f"line {line}",
                reason=f"not a text page: a NUL byte at offset {nul}",
            )
        )
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        warning = wk.Problem(
            source=name,
            place=f"line {line}",
            field="encoding",
            reason=f"not UTF-8 (byte {raw[exc.start]:#04x} at offset {exc.start}); read as Windows-1252",
            severity=wk.errors.Severity.WARNING,
        )
        return raw.decode("cp1252", errors="replace"), [warning]


_HTML = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(!doctype\s+html|html|head|body|meta|title|div|p|ul|ol|table|h[1-6])(?=[\s>/])",
    re.IGNORECASE | re.DOTALL,
)


def html_warning(text: str, name: str) -> list[wk.Problem]:
    """A warning when the file is an HTML page, not the page's text (the reader finds nothing in markup).

    Examples:
        >>> [w.place for w in html_warning("<!DOCTYPE html>\\n<html>", "p")]
        ['line 1']
        >>> html_warning("Regio\\n\\n<b>Voorbeeld</b>", "p")
        []
    """
    found = _HTML.match(text)
    if found is None:
        return []
    tag = "<" + found.group(1)
    line = text[: found.start(1)].count("\n") + 1
    return [
        wk.Problem(
            source=name,
            place=f"line {line}",
            reason=f"the file is HTML (it starts with {tag}), not the page's text: the reader expects "
            "the text a browser shows (the page saved as text, or copied), and finds little or "
            "nothing in markup",
            severity=wk.errors.Severity.WARNING,
        )
    ]


def _day(value: wk.typing.DateLike, name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        instant = wk.model.parse_instant(value)
    except ValueError as exc:
        raise wk.SourceError(wk.Problem(source=name, field="as_of", reason=str(exc))) from None
    if not isinstance(instant, date):
        raise wk.SourceError(
            wk.Problem(source=name, field="as_of", reason=f"expected a whole day, got {value!r}")
        )
    return instant
