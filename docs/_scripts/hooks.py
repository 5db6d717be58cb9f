"""MkDocs hooks (mkdocs.yml `hooks:`): the pages that come from the code and the README, written at build time.

- `<!-- readme: Section title -->` in a page is replaced by that README section (its sub-headings moved up a
  level), `<!-- readme: Section title | with heading -->` keeps its heading, `<!-- readme-preamble -->` is the
  README's opening text. The README stays the one copy; a section that is gone fails the build.
- The vendor pages (`vendors/`) are written from the vendor registry and the adapters (see `vendor_pages.py`).
- The API reference (`api/`) has a page per import package: `ticketkit`, its public submodules, the unified
  models and each registered vendor's generated client, found when the site is built; mkdocstrings renders each
  from the source and its docstrings.
- CHANGELOG.md, when the repository has one, is the Changelog page.

The nav in mkdocs.yml names the sections; the entries `Vendors` and `API reference` are filled in here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from readme_sections import Readme, ReadmeError, plain_repository_links, shifted
from ticketkit import _registry as registry
from vendor_pages import VendorPages

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
CHANGELOG = ROOT / "CHANGELOG.md"
OVERLAY = ROOT / "overlays" / "ticketkit"
MODELS = "ticketkit_models"
# Public submodules of ticketkit that have a page of their own elsewhere: the command's entry point (see the CLI
# page) and the adapters behind connect() (see the vendor pages; they are not called directly).
NOT_API = {"cli", "vendors"}
DIRECTIVE = re.compile(r"^<!-- readme: (?P<title>.+?)(?P<heading> \| with heading)? -->$", re.MULTILINE)
PREAMBLE = "<!-- readme-preamble -->"
CHANGELOG_LINK = "<!-- changelog-link -->"

_pages: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _pages.clear()
    readme = Readme(README)
    try:
        _pages.update(VendorPages(readme).paths())
    except ReadmeError as error:
        raise PluginError(str(error)) from error
    _pages.update(_api_pages())
    if CHANGELOG.is_file():
        _pages["changelog.md"] = plain_repository_links(CHANGELOG.read_text(encoding="utf-8"))
    vendors = ["vendors/index.md"] + [{v.title: f"vendors/{v.name}.md"} for v in registry.vendors()]
    api = ["api/index.md"] + [
        {_api_title(path): path} for path in _pages if path.startswith("api/") and path != "api/index.md"
    ]
    config.nav = _fill_nav(config.nav or [], {"Vendors": vendors, "API reference": api})
    if CHANGELOG.is_file():
        config.nav.append({"Changelog": "changelog.md"})
    return config


def _fill_nav(nav: list[Any], sections: dict[str, list[Any]]) -> list[Any]:
    missing = set(sections) - {title for item in nav if isinstance(item, dict) for title in item}
    if missing:
        raise PluginError(f"mkdocs.yml's nav needs the entries {sorted(missing)} for the generated pages")
    return [
        {title: sections.get(title, value) for title, value in item.items()} if isinstance(item, dict) else item
        for item in nav
    ]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, content in _pages.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if CHANGELOG_LINK in markdown:
        link = "What changed in each release: the [Changelog](changelog.md)." if CHANGELOG.is_file() else ""
        markdown = markdown.replace(CHANGELOG_LINK, link)
    if "<!-- readme" not in markdown:
        return markdown
    readme = Readme(README)

    def section(match: re.Match[str]) -> str:
        try:
            return shifted(readme.section(match.group("title")), with_heading=bool(match.group("heading")))
        except ReadmeError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from error

    markdown = DIRECTIVE.sub(section, markdown)
    preamble = "\n".join(plain_repository_links(line) for line in readme.preamble()).strip()
    return markdown.replace(PREAMBLE, preamble)


# -- the API reference ------------------------------------------------------------------------------------


def _api_pages() -> dict[str, str]:
    packages = ["ticketkit", *(f"ticketkit.{name}" for name in _public_submodules()), MODELS]
    packages += [v.client for v in registry.vendors() if v.client]
    clients = {v.client for v in registry.vendors() if v.client}
    pages = {f"api/{name}.md": _api_page(name, submodules=name in clients) for name in packages}
    pages["api/index.md"] = "\n".join(
        [
            "# API reference",
            "",
            "Rendered from the source and its docstrings when this site is built (mkdocstrings, griffe): "
            "`ticketkit` is the unified interface; each vendor's generated client is what `desk.client` is, "
            "for what the unified interface does not cover.",
            "",
            *(f"- [`{name}`]({name}.md)" for name in packages),
            "",
            "<!-- readme: A generated client in ten lines | with heading -->",
            "",
        ]
    )
    return pages


def _api_page(package: str, *, submodules: bool) -> str:
    """A package's reference; a generated client's takes in its submodules, where its operations and models are
    (`api.<tag>.<operation>`, `models`), while the overlay's public names are all exported by the package."""
    options = "\n    options:\n      show_submodules: true" if submodules else ""
    return f"::: {package}{options}\n"  # its root heading (heading_level 1) is the page's title


def _public_submodules() -> list[str]:
    found = []
    for path in sorted(OVERLAY.iterdir()):
        name = path.stem if path.suffix == ".py" else path.name
        is_module = path.suffix == ".py" or (path / "__init__.py").is_file()
        if is_module and not name.startswith("_") and name not in NOT_API:
            found.append(name)
    return found


def _api_title(path: str) -> str:
    return path.removeprefix("api/").removesuffix(".md")
