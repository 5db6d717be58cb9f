"""A griffe extension (mkdocs.yml, mkdocstrings' `extensions:`): the specs' provenance marks as plain text.

The specs mark where each statement comes from — `[doc]`, `[doc: route list]`, `[inferred]`,
`[client: tickiti-mcp src/tools/tickets.ts]` — and the generator copies them into the clients' docstrings.
Markdown reads two such marks side by side (`[doc] [client: ...]`) as a reference link, which autorefs then
cannot resolve. Escaping the brackets shows the marks as written; the generated files are not touched.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

MARK = re.compile(r"(?<!\\)\[((?:doc|inferred|client)(?::[^\]\n]*)?)\]")


class ProvenanceMarks(griffe.Extension):
    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = MARK.sub(r"\\[\1\\]", obj.docstring.value)
