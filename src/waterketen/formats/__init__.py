"""One home per format: the reader and the writer of a file format side by side.

:mod:`waterketen.formats.graph` reads and writes GraphML, GEXF and
node-link JSON.
"""
