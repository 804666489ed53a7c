"""The formats of waterketen's own data, each read and written in one module, each with one name.

========  =============================  ======================  =================
name      module                         reads                   writes
========  =============================  ======================  =================
json      :mod:`.native`                 ``.json``, ``json:``    ``.json``
toml      :mod:`.native`                 ``.toml``, ``toml:``    (hand-written)
jsonl     :mod:`.jsonl`                  ``.jsonl``, ``jsonl:``  ``.jsonl``
csvdir    :mod:`.csvdir`                 ``csvdir:DIR``          a directory
graphml   :mod:`.graph`                  ``.graphml``            ``.graphml``
gexf      :mod:`.graph`                  ``.gexf``               ``.gexf``
node-link :mod:`.graph`                  ``.node-link.json``     ``.node-link.json``
========  =============================  ======================  =================

:mod:`.files` holds what every reader and writer (a plugin's too) needs:
strict JSON and TOML parsing, CSV tables, atomic writes, each failure a
located :class:`~waterketen.SourceError`. Tables of members with a column
mapping (``table:``) are :mod:`waterketen.sources.tables`.
"""

from __future__ import annotations

import importlib
from types import ModuleType


__all__ = ["csvdir", "files", "graph", "jsonl", "native", "writing"]


def __getattr__(name: str) -> ModuleType:
    if name in __all__:
        return importlib.import_module(f"waterketen.formats.{name}")
    raise AttributeError(f"module 'waterketen.formats' has no attribute {name!r}")
