"""Questions about the data and the installation: what a load found, the plugins, sources and writers."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ._table import Answer, Cell


if TYPE_CHECKING:
    from ..checks import CheckReport
    from ..loading import LoadReport
    from ..plugins import PluginManager

__all__ = ["plugins", "source_types", "validation", "writers"]


def validation(report: LoadReport, checks: CheckReport | None = None) -> Answer:
    """The problems a load found (``waterketen validate``).

    Returns:
        Columns ``source, place, field, severity, reason``, one row per
        problem; with ``checks``, one more row per finding of the domain
        rules (source ``check``, the days as the place, the rule as the
        field). The JSON form adds ``ok``, ``read``, ``accepted``,
        ``rejected`` and ``sources`` (each with ``name``, ``read``,
        ``accepted``, ``updated``).

    Examples:
        >>> answer = wk.answers.validation(wk.load().report)
        >>> answer.extra["ok"], answer.extra["rejected"], len(answer)
        (True, 0, 0)
    """
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (p.source, p.place, p.field, p.severity.value, p.reason) for p in report.problems
    )
    if checks is not None:
        # Findings of the domain rules in the same columns: the rule as the field.
        rows += tuple(
            ("check", _days(f.first, f.last), f.rule, f.level.value, f.message) for f in checks.findings
        )
    return Answer(
        command="validate",
        at=None,
        columns=("source", "place", "field", "severity", "reason"),
        rows=rows,
        extra={
            "ok": report.ok and (checks is None or checks.ok),
            "read": report.read,
            "accepted": report.accepted,
            "rejected": len(report.rejected),
            "sources": [
                {
                    "name": s.name,
                    "read": s.read,
                    "accepted": s.accepted,
                    "updated": None if s.updated is None else s.updated.isoformat(),
                }
                for s in report.sources
            ],
        },
    )


def _days(first: date | None, last: date | None) -> str | None:
    if first is None:
        return None
    return first.isoformat() if last in (None, first) else f"{first.isoformat()}..{last.isoformat()}"


def _offered_by(pm: PluginManager | None, hook: str) -> dict[str, list[Any]]:
    """What each plugin offers through a hook, by plugin name, in the order of registration."""
    from ..registry import offered_by

    return offered_by(hook, pm)


def plugins(pm: PluginManager | None = None) -> Answer:
    """The plugins installed, with their versions (``waterketen plugins``).

    Returns:
        Columns ``name, package, version, source_types, writers, checks``.

    Examples:
        >>> from waterketen.plugins import get_plugin_manager
        >>> wk.answers.plugins(get_plugin_manager(entry_points=False)).records()[0]["package"]
        'waterketen'
    """
    from ..plugins import list_plugins

    types = _offered_by(pm, "waterketen_source_types")
    out = _offered_by(pm, "waterketen_writers")
    rules = _offered_by(pm, "waterketen_checks")
    rows = []
    for info in list_plugins(pm):
        version = info.version
        if version is None and info.package == "waterketen":
            from importlib.metadata import version as installed_version

            version = installed_version("waterketen")
        rows.append(
            (
                info.name,
                info.package,
                version,
                tuple(t.name for t in types.get(info.name, ())),
                tuple(w.name for w in out.get(info.name, ())),
                tuple(c.name for c in rules.get(info.name, ())),
            )
        )
    return Answer(
        command="plugins",
        at=None,
        columns=("name", "package", "version", "source_types", "writers", "checks"),
        rows=tuple(rows),
    )


def source_types(pm: PluginManager | None = None) -> Answer:
    """The kinds of source that can be loaded (``waterketen sources``).

    Returns:
        Columns ``name, schemes, suffixes, plugin, description``.
    """
    rows = tuple(
        (t.name, t.schemes, t.suffixes, plugin, t.description)
        for plugin, offered in _offered_by(pm, "waterketen_source_types").items()
        for t in offered
    )
    return Answer(
        command="sources",
        at=None,
        columns=("name", "schemes", "suffixes", "plugin", "description"),
        rows=rows,
    )


def writers(pm: PluginManager | None = None) -> Answer:
    """The formats a network can be exported in (``waterketen writers``).

    Returns:
        Columns ``name, suffixes, plugin, description``.
    """
    rows = tuple(
        (w.name, w.suffixes, plugin, w.description)
        for plugin, offered in _offered_by(pm, "waterketen_writers").items()
        for w in offered
    )
    return Answer(
        command="writers", at=None, columns=("name", "suffixes", "plugin", "description"), rows=rows
    )
