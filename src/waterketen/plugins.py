"""The plugin manager: built-in plugins plus those installed as entry points.

Installed plugins announce themselves in the entry-point group
``waterketen``. Scanning entry points costs start-up time, so the manager that
the library uses by default loads them when first needed: by any listing of
what the plugins offer, and by a location the built-ins do not settle (see
:mod:`waterketen.registry`, which owns that decision).

A plugin can be switched off without uninstalling it: name it in
``blocked=`` or in the environment variable ``WATERKETEN_DISABLE_PLUGINS``
(comma-separated entry-point names).
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Iterable
from typing import Any

import pluggy
from attrs import frozen

from . import hookspecs
from .errors import Problem, Severity


__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "PluginManager",
    "get_plugin_manager",
    "list_plugins",
    "load_entry_points",
]

ENTRY_POINT_GROUP = "waterketen"
DEFAULT_PLUGINS = ("waterketen._builtins", "waterketen._rules")
"""The modules registered as default plugins by every plugin manager."""
DISABLE_VARIABLE = "WATERKETEN_DISABLE_PLUGINS"
NO_PLUGINS_VARIABLE = "WATERKETEN_NO_PLUGINS"
"""Set to ``1``: the default manager loads no installed plugin at all (``waterketen --no-plugins``)."""


class _Rules:
    """The default plugin ``waterketen._rules``, whose module (and the checks with it) is
    imported when the rules are first listed, not when a manager is made."""

    @hookspecs.hookimpl
    def waterketen_checks(self) -> Iterable[Any]:
        return importlib.import_module("waterketen._rules").waterketen_checks()  # type: ignore[no-any-return]


def _default_plugin(name: str) -> object:
    return _Rules() if name == "waterketen._rules" else importlib.import_module(name)


@frozen(kw_only=True)
class PluginInfo:
    """A registered plugin: its name and, for an installed one, its package and version."""

    name: str
    package: str | None = None
    version: str | None = None


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, which also remembers installed plugins and failed ones."""

    def __init__(self) -> None:
        super().__init__(ENTRY_POINT_GROUP)
        self.installed: dict[str, PluginInfo] = {}
        """The plugins loaded from entry points, by name."""
        self.failures: list[Problem] = []
        """The plugins that could not be loaded, each with its error."""
        self.entry_points_loaded = False
        self.discover = False
        """Load the installed plugins when first needed (the default manager's way)."""


def get_plugin_manager(*, entry_points: bool = True, blocked: Iterable[str] = ()) -> PluginManager:
    """A new plugin manager with the hook specifications and the default plugins.

    Args:
        entry_points: also load the plugins installed in the entry-point group
            ``waterketen`` (tests pass ``False``).
        blocked: names of plugins not to load (added to those in
            ``WATERKETEN_DISABLE_PLUGINS``).

    A plugin that fails to import or register is not loaded; the failure is
    kept as a :class:`~waterketen.Problem` in ``pm.failures``.
    """
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    for name in (*blocked, *os.environ.get(DISABLE_VARIABLE, "").split(",")):
        if name.strip():
            pm.set_blocked(name.strip())
    for name in DEFAULT_PLUGINS:
        pm.register(_default_plugin(name), name=name)
    if entry_points:
        load_entry_points(pm)
    return pm


def load_entry_points(pm: PluginManager) -> None:
    """Register the installed plugins of the entry-point group with ``pm`` (once)."""
    if pm.entry_points_loaded:
        return
    pm.entry_points_loaded = True
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if pm.is_blocked(ep.name) or pm.has_plugin(ep.name):
            continue
        dist = ep.dist
        package = dist.metadata["Name"] if dist is not None else None
        try:
            pm.register(ep.load(), name=ep.name)
        except Exception as exc:  # a broken plugin must not break the others
            pm.failures.append(
                Problem(
                    source=f"plugin {ep.name} ({package or ep.value})",
                    reason=f"could not be loaded: {type(exc).__name__}: {exc}",
                    severity=Severity.WARNING,
                )
            )
            continue
        pm.installed[ep.name] = PluginInfo(
            name=ep.name, package=package, version=dist.version if dist else None
        )


def list_plugins(pm: PluginManager | None = None) -> tuple[PluginInfo, ...]:
    """The plugins registered with ``pm`` (by default, every installed one)."""
    pm = pm or default_plugin_manager()
    if pm.discover:
        load_entry_points(pm)
    return tuple(
        pm.installed.get(
            name, PluginInfo(name=name, package="waterketen" if name in DEFAULT_PLUGINS else None)
        )
        for name, _ in pm.list_name_plugin()
    )


@functools.cache
def default_plugin_manager() -> PluginManager:
    """The manager the library uses when given none: built-ins now, installed plugins when needed."""
    pm = get_plugin_manager(entry_points=False)
    pm.discover = os.environ.get(NO_PLUGINS_VARIABLE, "") in ("", "0")
    return pm
