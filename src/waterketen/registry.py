"""The one registry: which source types, writers and checks exist, and which one handles a location.

Everything the plugins offer is found here, through the hooks of
``waterketen.hookspecs``: the default plugins shipped in the package and the
plugins installed in the entry-point group ``waterketen``. The listings
(:func:`source_types`, :func:`~waterketen.writers`, :func:`checks`) always include the
installed plugins, so what a call returns never depends on what ran before it.

Only the resolution of a location or a file name takes a fast path: a location
with a built-in scheme (``embedded:``), or a file name whose whole suffix is a
built-in one (``net.json``, not ``net.popolo.json``), is settled by the
built-ins without importing third-party code. Any other location asks the
installed plugins too, where the longest suffix wins (a plugin's
``.popolo.json`` over the built-in ``.json``).

Each plugin's hook is called on its own: one that raises, or offers something
that is not a :class:`~waterketen.SourceType` (or :class:`~waterketen.Writer`,
or :class:`~waterketen.checks.Check`), is left out and kept as a
:class:`~waterketen.Problem` naming the plugin in ``failures(pm)``, while
every other plugin keeps working.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .errors import Problem, Severity, UnknownFormatError, UnknownSourceError


if TYPE_CHECKING:
    from ._findings import Check
    from .export._writer import Writer
    from .plugins import PluginManager
    from .sources import SourceType

__all__ = [
    "checks",
    "failures",
    "find_writer",
    "offered_by",
    "source_type_for",
    "source_types",
    "writers",
]

T = TypeVar("T")

_BUILTINS = "waterketen._builtins"
_DISABLE_VARIABLE = "WATERKETEN_DISABLE_PLUGINS"
"""The built-in plugin and the variable that blocks plugins, as :mod:`waterketen.plugins` names them."""

_HOOKS = {
    "waterketen_source_types": "source types",
    "waterketen_writers": "writers",
    "waterketen_checks": "checks",
}


def _manager(plugins: PluginManager | None) -> PluginManager:
    if plugins is not None:
        return plugins
    from .plugins import default_plugin_manager

    return default_plugin_manager()


def _discover(pm: PluginManager) -> None:
    """Load the installed plugins into ``pm`` if it was made to find them when needed."""
    if pm.discover and not pm.entry_points_loaded:
        from .plugins import load_entry_points

        load_entry_points(pm)


def _expected(hook: str) -> type[Any]:
    if hook == "waterketen_source_types":
        from .sources import SourceType

        return SourceType
    if hook == "waterketen_writers":
        from .export._writer import Writer

        return Writer
    from ._findings import Check

    return Check


def offered_by(
    hook: str, plugins: PluginManager | None = None, *, builtin_only: bool = False
) -> dict[str, list[Any]]:
    """What each plugin offers through ``hook``, by plugin name, in the order of registration.

    A plugin whose hook raises, or offers something of the wrong type, is left
    out (in part or whole) and kept in :func:`failures`.
    """
    from .plugins import DEFAULT_PLUGINS

    pm = _manager(plugins)
    if not builtin_only:
        _discover(pm)
    expected = _expected(hook)
    out: dict[str, list[Any]] = {}
    for impl in getattr(pm.hook, hook).get_hookimpls():
        name = impl.plugin_name
        if builtin_only and name not in DEFAULT_PLUGINS:
            continue
        try:
            offered = list(impl.function())
        except Exception as exc:  # a plugin's bug is isolated and named, never let through
            _fail(pm, name, f"its hook {hook} raised {type(exc).__name__}: {exc}")
            continue
        good = [item for item in offered if isinstance(item, expected)]
        if len(good) < len(offered):
            bad = next(item for item in offered if not isinstance(item, expected))
            _fail(
                pm,
                name,
                f"its hook {hook} offered {bad!r:.60}, not {expected.__name__}; "
                f"{len(offered) - len(good)} of its {_HOOKS[hook]} left out",
            )
        out[name] = good
    return out


def _fail(pm: PluginManager, plugin: str, reason: str) -> None:
    info = pm.installed.get(plugin)
    label = f"plugin {plugin}" + (f" ({info.package})" if info and info.package else "")
    problem = Problem(source=label, reason=reason, severity=Severity.WARNING)
    if problem not in pm.failures:
        pm.failures.append(problem)


def failures(plugins: PluginManager | None = None) -> tuple[Problem, ...]:
    """The plugins that could not be loaded or whose hooks failed, each as a warning naming it."""
    return tuple(_manager(plugins).failures)


def _flat(found: dict[str, list[T]]) -> tuple[T, ...]:
    return tuple(item for offered in found.values() for item in offered)


def source_types(plugins: PluginManager | None = None) -> tuple[SourceType, ...]:
    """Every source type the plugins offer, the built-ins first.

    Examples:
        >>> [t.name for t in wk.registry.source_types()][:3]
        ['json', 'jsonl', 'toml']
    """
    return _flat(offered_by("waterketen_source_types", plugins))


def writers(plugins: PluginManager | None = None) -> tuple[Writer, ...]:
    """Every writer the plugins offer, the built-ins first.

    Examples:
        >>> [w.name for w in wk.writers()][:6]
        ['json', 'jsonl', 'csvdir', 'graphml', 'gexf', 'node-link']
    """
    return _flat(offered_by("waterketen_writers", plugins))


def checks(plugins: PluginManager | None = None) -> tuple[Check, ...]:
    """Every domain rule the plugins offer, the built-ins first."""
    return _flat(offered_by("waterketen_checks", plugins))


def _whole_suffix(path: str) -> str:
    """The suffixes of a file name from its first dot: ``.popolo.json`` of ``x.popolo.json``."""
    name = os.path.basename(path).lower()
    dot = name.find(".", 1)
    return name[dot:] if dot > 0 else ""


def _scheme(text: str) -> tuple[str, str] | None:
    scheme, colon, rest = text.partition(":")
    # One letter before a colon is a Windows drive, not a scheme.
    return (scheme, rest) if colon and len(scheme) > 1 else None


def source_type_for(location: str, plugins: PluginManager | None = None) -> tuple[SourceType, str]:
    """The source type that reads ``location``, and the location as it takes it.

    A scheme (``wiki:page.txt``) names its type; otherwise the longest suffix
    wins. Built-in schemes and file names whose whole suffix is a built-in one
    are settled without the installed plugins.

    Raises:
        ~waterketen.errors.UnknownSourceError: no source type handles the location.

    Examples:
        >>> wk.registry.source_type_for("embedded:groningen-noord-drenthe")[0].name
        'embedded'
    """
    found = _match(location, _builtin_source_types(plugins), exact_suffix=True)
    if found is not None:
        return found
    pm = _manager(plugins)
    every = source_types(pm)
    found = _match(location, every, exact_suffix=False)
    scheme = _scheme(location)
    if found is not None and scheme is not None and found[1] == location and not os.path.exists(location):
        found = None  # an unknown scheme, not a file whose name has a colon
    if found is not None:
        return found
    known = sorted({f"{s}:" for t in every for s in t.schemes} | {x for t in every for x in t.suffixes})
    raise UnknownSourceError(
        f"no source type reads {location!r}; known schemes and suffixes: {', '.join(known)}"
    )


def _builtin_source_types(plugins: PluginManager | None) -> tuple[SourceType, ...]:
    """The source types the built-in plugins of ``plugins`` (by default the default manager's) offer.

    While the default manager is not yet made, and the built-ins are not
    blocked, these are the descriptions of :mod:`waterketen._builtin_types`,
    which a fresh default manager would offer (a test checks it): a built-in
    scheme is then settled without making a manager, and so without
    importing pluggy and the plugin machinery.
    """
    if plugins is None and not _default_manager_made():
        from ._builtin_types import SOURCE_TYPES

        blocked = {name.strip() for name in os.environ.get(_DISABLE_VARIABLE, "").split(",")}
        if _BUILTINS not in blocked:
            return SOURCE_TYPES
    return _flat(offered_by("waterketen_source_types", plugins, builtin_only=True))


def _default_manager_made() -> bool:
    """Whether :func:`waterketen.plugins.default_plugin_manager` has made its manager (which may have
    been changed since): never before :mod:`waterketen.plugins` is imported."""
    import sys

    plugins = sys.modules.get("waterketen.plugins")
    return plugins is not None and plugins.default_plugin_manager.cache_info().currsize > 0


def _match(text: str, types: Iterable[SourceType], *, exact_suffix: bool) -> tuple[SourceType, str] | None:
    types = tuple(types)
    scheme = _scheme(text)
    if scheme is not None:
        for source_type in types:
            if scheme[0] in source_type.schemes:
                return source_type, scheme[1]
        if exact_suffix:
            return None  # an unknown scheme may be a plugin's
    whole = _whole_suffix(text)
    lowered = text.lower()
    if exact_suffix:
        hits = [t for t in types if whole in t.suffixes]
        return (hits[0], text) if hits else None
    matches = [(len(s), t) for t in types for s in t.suffixes if lowered.endswith(s)]
    return (max(matches, key=lambda m: m[0])[1], text) if matches else None


def find_writer(
    format: str | None = None,
    path: str | os.PathLike[str] | None = None,
    plugins: PluginManager | None = None,
) -> Writer:
    """The writer named ``format``, or else the one whose suffix ends ``path`` (the longest wins).

    A built-in name or a file name whose whole suffix is a built-in one is
    settled without the installed plugins; anything else asks them too, so
    ``net.popolo.json`` finds the Popolo writer when its plugin is installed.

    Raises:
        UnknownFormatError: no writer has that name or suffix.

    Examples:
        >>> wk.registry.find_writer(path="net.graphml").name
        'graphml'
    """
    pm = _manager(plugins)
    for builtin_only in (True, False):
        found = cast(
            "tuple[Writer, ...]", _flat(offered_by("waterketen_writers", pm, builtin_only=builtin_only))
        )
        if format is not None:
            named = [w for w in found if format == w.name or format in w.aliases]
            if named:
                return named[0]
        elif path is not None:
            text = os.fspath(path)
            if builtin_only:
                whole = _whole_suffix(text)
                hits = [w for w in found if whole in w.suffixes]
                if hits:
                    return hits[0]
            else:
                lowered = text.lower()
                matches = [(len(s), w) for w in found for s in w.suffixes if lowered.endswith(s)]
                if matches:
                    return max(matches, key=lambda m: m[0])[1]
    names = ", ".join(w.name for w in writers(pm))
    if format is not None:
        raise UnknownFormatError(f"no writer writes the format {format!r}; the formats are {names}")
    raise UnknownFormatError(f"no writer's suffix ends {os.fspath(path or '')!r}; name a format of {names}")
