"""The codes and names of a table's rows, checked and resolved through :mod:`waterketen.resolution`.

One job, for :class:`~waterketen.TableSource`: read a row's code in any of
its written forms (``5`` is ``GM0005``), warn about a code that is no code
(``abc``, ``12345``) or that no organisation of the register ever had
(``GM9999``), and resolve the row's code or name to an organisation of the
reference network, so that the row's records use that organisation's id,
name and kind. Every doubt is a warning with the row, the column and the
reason; a fuzzy match is used, and says so.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .._names import code_forms, code_problem, looks_like_code
from .._resolving import outcome as _outcome
from ..errors import Problem
from ..model import Organisation, OrgKind
from ..resolution import Rule, default_is_register, default_network


if TYPE_CHECKING:
    from ..network import Network
    from ..resolution import Outcome

__all__ = ["RowResolver"]

_CHECKED_SCHEMES = ("cbs", "kadaster", "kadaster-bgt")


class RowResolver:
    """Checks and resolves the rows of one reading of a table."""

    def __init__(
        self,
        *,
        source: str,
        columns: dict[str, str],
        scheme: str,
        kind: str,
        register: Network | None,
        resolve: bool,
        on: date | None,
    ) -> None:
        self.source = source
        self.columns = columns
        self.scheme = scheme
        self.kind = OrgKind(kind)
        self.on = on
        self.warnings: list[Problem] = []
        self._asked: dict[tuple[str, OrgKind | str | None], Outcome] = {}
        self.network: Network | None = None
        self.complete = False
        """Whether the network is the whole register (then a code it lacks never existed)."""
        if resolve:
            self.network = register if register is not None else default_network()
            self.complete = register is not None or default_is_register()

    def _warn(self, number: int, field: str, reason: str) -> None:
        column = self.columns[field]
        self.warnings.append(
            Problem(source=self.source, place=f"row {number}, column {column!r}", reason=reason)
        )

    def code(self, number: int, value: str | None) -> str | None:
        """The row's code in its canonical form; ``None`` (with a warning) when it is no code."""
        if value is None:
            return None
        if self.scheme not in _CHECKED_SCHEMES:
            return value
        forms = code_forms(value)
        if not forms:
            self._warn(number, "member_code", code_problem(value) + "; the code is left out")
            return None
        return forms[0]

    def match(self, number: int, code: str | None, name: str | None, kind: str) -> Organisation | None:
        """The organisation of the reference network the row's code or name denotes, if one."""
        if self.network is None:
            return None
        given = "member_kind" in self.columns and kind in {k.value for k in OrgKind}
        wanted = kind if given else None
        if code is not None:
            outcome = self._explain(code, wanted)
            if outcome.best is not None:
                self._check_name(number, outcome.best.organisation, name)
                return outcome.best.organisation
            if self.complete and not outcome.candidates:
                self._warn(number, "member_code", f"no organisation of the register has had the code {code}")
            elif outcome.candidates:
                self._warn(number, "member_code", outcome.reason + "; the row is kept as it is")
                return None
        if name is None or looks_like_code(name):
            return None
        outcome = self._explain(name, wanted)
        best = outcome.best
        if best is None:
            if outcome.candidates:
                self._warn(number, "member_name", outcome.reason + "; the row is kept as it is")
            elif self.complete:
                self._warn(
                    number, "member_name", f"{name!r} is not in the register; the row is kept as it is"
                )
            return None
        if best.rule is Rule.FUZZY:
            self._warn(number, "member_name", f"{name!r} is taken for {best.why} (rule fuzzy)")
        return best.organisation

    def _explain(self, text: str, kind: str | None) -> Outcome:
        """The outcome for ``text``; without a kind column, the table's kind breaks a tie of kinds."""
        outcome = self._ask(text, on=self.on, kind=kind, network=self.network)
        if (
            outcome.best is None
            and kind is None
            and len({c.organisation.kind for c in outcome.candidates}) > 1
        ):
            narrowed = self._ask(text, on=self.on, kind=self.kind, network=self.network)
            if narrowed.candidates:
                return narrowed
        return outcome

    def _ask(
        self, text: str, *, on: date | None, kind: OrgKind | str | None = None, network: Network | None
    ) -> Outcome:
        """:func:`waterketen.explain` without suggestions (tables have many unknown names), remembered."""
        found = self._asked.get((text, kind))
        if found is None:
            found = self._asked[(text, kind)] = _outcome(
                text,
                on,
                kind,
                network if network is not None else default_network(),
                full=True,
                suggest=False,
            )
        return found

    def _check_name(self, number: int, org: Organisation, name: str | None) -> None:
        if name is None or "member_name" not in self.columns:
            return
        outcome = self._ask(name, on=self.on, network=self.network)
        if outcome.best is not None and outcome.best.organisation.id != org.id:
            found = outcome.best.organisation
            self._warn(
                number,
                "member_name",
                f"the name {name!r} is {found.name} ({found.id}), but the code is {org.name} ({org.id}); "
                "the code is followed",
            )
        elif outcome.best is None and org.id not in {c.organisation.id for c in outcome.candidates}:
            self._warn(
                number,
                "member_name",
                f"{name!r} is not a name of {org.name} ({org.id}), whose code the row gives; "
                "the code is followed",
            )
