"""One finding of the API diff: which layer, whose API, where, what changed, and whether it breaks callers."""

from __future__ import annotations

from dataclasses import dataclass

LAYERS = ("specs", "python", "wire")


@dataclass(frozen=True, order=True)
class Change:
    """A change between REF and the working tree.

    `layer` is "specs", "python" or "wire"; `subject` is whose API it is (a vendor, "unified", or a Python
    package); `where` is the operation, model or object; `what` says the change in words.
    """

    layer: str
    subject: str
    where: str
    what: str
    breaking: bool

    @property
    def kind(self) -> str:
        return "breaking" if self.breaking else "compatible"
