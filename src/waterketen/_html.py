"""HTML for notebooks: escaping, the summary box, rows of facts, and the cards of single entities.

A leaf of the package (it imports no entity class), so that the entities can
show themselves in a notebook without the model knowing its presenters.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ._time import Bound, Period


if TYPE_CHECKING:
    from .model import Cluster, Organisation

__all__ = ["box", "cluster_html", "e", "names", "organisation_html", "period_text", "rows"]

LIST_LIMIT = 8
"""How many names a summary lists before it says how many more there are."""

_STYLE = (
    "<style>.wk-summary{text-align:left!important}"
    ".wk-summary table{border-collapse:collapse;margin:0.3em 0!important}"
    ".wk-summary th,.wk-summary td,.wk-summary tr,.wk-summary ul,.wk-summary li"
    "{text-align:left!important}"
    ".wk-summary th,.wk-summary td{padding:0.1em 0.8em 0.1em 0;vertical-align:top}"
    ".wk-summary ul{margin:0;padding-left:1.2em}"
    ".wk-summary .wk-muted{opacity:0.7}</style>"
)
"""The summary's style. JupyterLab (and nbconvert's lab template) right-align the cells of
every table in an output (``:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td``, more
specific than a class and an element) and centre tables; ``!important`` wins over both."""


def e(value: object) -> str:
    """``value`` as HTML-escaped text."""
    return html.escape(str(value), quote=True)


def names(items: Sequence[str], limit: int = LIST_LIMIT) -> str:
    """``A, B, C and 4 more`` as plain text."""
    if len(items) <= limit:
        return ", ".join(items)
    return f"{', '.join(items[:limit])} and {len(items) - limit} more"


def _bound(bound: Bound | None) -> str:
    return "…" if bound is None else bound.isoformat()


def period_text(period: Period) -> str:
    """A period in words: ``from 2014 until 2019-01-01 (exclusive)``."""
    if period.start is None and period.end is None:
        return "no dates recorded"
    if period.end is None:
        return f"from {_bound(period.start)}"
    if period.start is None:
        return f"until {_bound(period.end)} (exclusive)"
    return f"from {_bound(period.start)} until {_bound(period.end)} (exclusive)"


def rows(items: Iterable[tuple[str, str]]) -> str:
    """Table rows of (label, already escaped HTML)."""
    return "".join(f"<tr><th>{e(label)}</th><td>{value}</td></tr>" for label, value in items if value)


def box(title: str, body: str) -> str:
    """The summary box: a bold title over ``body`` (both HTML), with the style that aligns it left."""
    return f'{_STYLE}<div class="wk-summary" style="text-align:left"><strong>{title}</strong>{body}</div>'


def _sources(entity: Organisation | Cluster) -> str:
    places = [p.source + (f" {p.locator}" if p.locator else "") for p in entity.provenance]
    return e(names(places, limit=4))


def organisation_html(org: Organisation) -> str:
    """An organisation in a notebook: name, kind, codes, other names, period, note, sources."""
    facts = [
        ("id", f"<code>{e(org.id)}</code>"),
        ("kind", e(org.kind.value)),
        ("codes", e(", ".join(str(i) for i in org.identifiers))),
        ("other names", e(", ".join(map(str, org.other_names)))),
        ("valid", e(period_text(org.period))),
        ("note", e(org.note or "")),
        ("sources", _sources(org)),
    ]
    return box(e(org.name), f"<table>{rows(facts)}</table>")


def cluster_html(cluster: Cluster) -> str:
    """A cluster in a notebook: name (or that it is unknown), cooperation, period, note, sources."""
    facts = [
        ("id", f"<code>{e(cluster.id)}</code>"),
        ("cooperation", f"<code>{e(cluster.cooperation)}</code>"),
        ("members", "" if cluster.members_known else "not all known"),
        ("other names", e(", ".join(cluster.other_names))),
        ("valid", e(period_text(cluster.period))),
        ("note", e(cluster.note or "")),
        ("sources", _sources(cluster)),
    ]
    title = f"Cluster {e(cluster.name)}" if cluster.name else "Cluster (name unknown)"
    hint = '<div class="wk-muted">Its members on a day: <code>net.members(id, on=day)</code>.</div>'
    return box(title, f"<table>{rows(facts)}</table>{hint}")
