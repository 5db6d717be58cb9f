"""Sections of README.md, cut by heading, for the documentation pages that present them.

The README is the one hand-written copy of the quick start, the unified interface, the CLI, the sandbox and the
production settings; the site shows its sections rather than a second copy. A section is found by its heading
text, not by line numbers, so the README can grow around it; a heading that is gone stops the build (an
`ReadmeError`), so a renamed section cannot leave a page silently empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HEADING = re.compile(r"^(#{1,6}) +(.+?) *#*$")
FENCE = re.compile(r"^ *(```|~~~)")
# [text](target) whose target is neither a URL nor an in-page anchor: a file of the repository, outside the site.
REPOSITORY_LINK = re.compile(r"\[([^\]]+)\]\((?!https?://|#|mailto:)([^)\s]+)\)")


class ReadmeError(Exception):
    """A section a page asks for is not in README.md (renamed or removed)."""


@dataclass(frozen=True)
class Section:
    level: int  # 2 for "## ..."
    title: str
    body: list[str]  # the lines under the heading, up to the next heading of the same or a higher level


class Readme:
    """README.md read once, its headings outside code fences indexed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines = path.read_text(encoding="utf-8").splitlines()
        self.headings: list[tuple[int, int, str]] = []  # (line index, level, title)
        fenced = False
        for index, line in enumerate(self.lines):
            if FENCE.match(line):
                fenced = not fenced
            elif not fenced and (match := HEADING.match(line)):
                self.headings.append((index, len(match.group(1)), match.group(2)))

    def titles(self) -> list[str]:
        return [title for _, _, title in self.headings]

    def preamble(self) -> list[str]:
        """The lines before the first `##` heading, without the `#` title."""
        first = next((index for index, level, _ in self.headings if level >= 2), len(self.lines))
        return [line for line in self.lines[:first] if not HEADING.match(line)]

    def section(self, title: str) -> Section:
        for position, (index, level, found) in enumerate(self.headings):
            if found == title:
                end = next((i for i, lv, _ in self.headings[position + 1 :] if lv <= level), len(self.lines))
                return Section(level, found, self.lines[index + 1 : end])
        raise ReadmeError(f"README.md has no section {title!r}; its headings are: {', '.join(self.titles())}")

    def sections_mentioning(self, word: str) -> list[Section]:
        """Sections whose heading names `word` (e.g. "Intercom versions" for "Intercom")."""
        pattern = re.compile(rf"\b{re.escape(word)}\b")
        return [self.section(title) for _, _, title in self.headings if pattern.search(title)]


def shifted(section: Section, top: int = 2, *, with_heading: bool = False) -> str:
    """The section as Markdown for a page, its headings moved so that the section's own level becomes `top`
    (`with_heading`) or its first sub-level becomes `top` (without), and repository links made plain text."""
    shift = top - section.level if with_heading else top - (section.level + 1)
    out: list[str] = [f"{'#' * (section.level + shift)} {section.title}", ""] if with_heading else []
    fenced = False
    for line in section.body:
        if FENCE.match(line):
            fenced = not fenced
        match = None if fenced else HEADING.match(line)
        if match:
            level = max(1, min(6, len(match.group(1)) + shift))
            out.append(f"{'#' * level} {match.group(2)}")
        else:
            out.append(line if fenced else plain_repository_links(line))
    return "\n".join(out).strip("\n") + "\n"


def plain_repository_links(line: str) -> str:
    """`[BENCHMARKS.md](BENCHMARKS.md)` becomes `` `BENCHMARKS.md` ``: the file is in the repository, not the site."""
    return REPOSITORY_LINK.sub(lambda m: m.group(1) if m.group(1).startswith("`") else f"`{m.group(1)}`", line)


def bullets(section: Section) -> list[str]:
    """The section's top-level list items, each with its continuation lines joined."""
    items: list[str] = []
    for line in section.body:
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
        elif items and not line.strip():
            items.append("")  # a blank line ends an item
    return [plain_repository_links(item) for item in items if item]


def table_column(section: Section, column: str) -> dict[str, str]:
    """The first Markdown table of `section`: row label (first cell) -> the cell under `column`."""
    rows: list[str] = []
    for line in section.body:
        if line.startswith("|"):
            rows.append(line)
        elif rows:
            break  # the first table ends here
    if len(rows) < 2:
        raise ReadmeError(f"README.md section {section.title!r} has no table")
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    if column not in header:
        raise ReadmeError(f"README.md section {section.title!r}: its table has no column {column!r} ({header})")
    at = header.index(column)
    cells = {}
    for row in rows[2:]:
        values = [cell.strip() for cell in row.strip("|").split("|")]
        if len(values) == len(header):
            cells[values[0]] = values[at]
    return cells
