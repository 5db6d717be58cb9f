"""One page per registered vendor, and an overview, written at build time from the code.

What a vendor can do, which `connect()` keywords it takes and how its statuses map are facts of the code: the
vendor registry (`ticketkit._registry`), each adapter's `capabilities` and option sets, and the status tables
in the adapter module. These pages read them when the site is built, so they cannot fall behind it; a vendor
added to the registry gets its page without an edit here. The README contributes the prose it already holds
for each vendor (how each operation is carried out, what is filtered where, its limitations).
"""

from __future__ import annotations

import ast
import enum
import inspect
import re
import typing
from collections.abc import Mapping
from types import ModuleType
from typing import Any

from readme_sections import Readme, ReadmeError, bullets, table_column
from ticketkit import _registry as registry
from ticketkit._adapter import OPERATIONS, Adapter
from ticketkit_models import TicketStatus

OPTION_SETS = {
    "tickets.create": "create_options",
    "tickets.update": "update_options",
    "tickets.list": "list_options",
    "comments.create": "comment_options",
}
QUALIFIED_NAME = re.compile(r"\b(?:[a-z_][\w]*\.)+([A-Za-z_]\w*)")


def adapter_class(module: ModuleType) -> type[Adapter]:
    """The `Adapter` subclass a vendor's adapter module defines."""
    found = [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, Adapter) and value.__module__ == module.__name__
    ]
    if len(found) != 1:
        raise RuntimeError(f"{module.__name__} defines {len(found)} Adapter subclasses; the docs expect one")
    return found[0]


def status_tables(module: ModuleType) -> list[tuple[str, str, Mapping[Any, Any]]]:
    """The module's constant mappings between vendor values and `TicketStatus`, in source order, each with the
    comment written above it: (name, comment, mapping)."""
    source = inspect.getsource(module)
    lines = source.splitlines()
    tables = []
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if not isinstance(target, ast.Name) or not target.id.isupper():
            continue
        value = getattr(module, target.id, None)
        if not isinstance(value, Mapping) or not value:
            continue
        if all(isinstance(v, TicketStatus) for v in value.values()) or all(isinstance(k, TicketStatus) for k in value):
            tables.append((target.id, _comment_above(lines, node.lineno - 1), value))
    return tables


def _comment_above(lines: list[str], index: int) -> str:
    comment: list[str] = []
    while index > 0 and lines[index - 1].lstrip().startswith("#"):
        index -= 1
        comment.insert(0, lines[index].lstrip().lstrip("#").strip())
    return " ".join(comment)


def type_name(hint: Any) -> str:
    """`str | None`, `Mapping[str, TicketStatus]`: an option's type as a reader writes it."""
    hint = typing.get_args(hint)[0] if typing.get_origin(hint) is typing.Annotated else hint
    text = hint.__name__ if isinstance(hint, type) else str(hint)
    return QUALIFIED_NAME.sub(r"\1", text).replace("NoneType", "None")


def _cell(value: Any) -> str:
    text = value.name if isinstance(value, enum.Enum) else str(value)  # TicketStatus.NEW as the README writes it
    return f"`{text}`".replace("|", "\\|")


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


class VendorPages:
    """The Markdown of `vendors/index.md` and `vendors/<name>.md`, from the registry, the code and the README."""

    def __init__(self, readme: Readme) -> None:
        self.readme = readme
        self.vendors = registry.vendors()

    def paths(self) -> dict[str, str]:
        """Site path -> Markdown, every page of the vendors section."""
        pages = {"vendors/index.md": self.overview()}
        for vendor in self.vendors:
            pages[f"vendors/{vendor.name}.md"] = self.page(vendor)
        return pages

    def overview(self) -> str:
        header = "| operation | " + " | ".join(f"[{v.title}]({v.name}.md)" for v in self.vendors) + " |"
        rows = [header, "|---" * (len(self.vendors) + 1) + "|"]
        capabilities = [adapter_class(v.adapter_module()).capabilities for v in self.vendors]
        for operation in OPERATIONS:
            marks = ["yes" if operation in c else "—" for c in capabilities]
            rows.append(f"| `{operation}` | " + " | ".join(marks) + " |")
        filters = ["the vendor" if c.updated_since_filter == "server" else "our side" for c in capabilities]
        rows.append("| `tickets.list(updated_since=)` filtered by | " + " | ".join(filters) + " |")
        return "\n".join(
            [
                "# Vendors",
                "",
                "What each registered vendor supports, read from its adapter when this site was built "
                "(`Adapter.capabilities`, derived from the plans the adapter defines). An operation marked — "
                "raises `UnsupportedOperationError` before anything is sent; `desk.capabilities` tells in advance.",
                "",
                *rows,
                "",
                "Each vendor's page lists its `connect()` keywords, its status tables and its quirks.",
                "",
            ]
        )

    def page(self, vendor: registry.Vendor) -> str:
        module = vendor.adapter_module()
        adapter = adapter_class(module)
        parts = [f"# {vendor.title}", "", self._summary(vendor, module), ""]
        parts += self._capabilities(vendor, adapter)
        parts += self._options(vendor)
        parts += self._statuses(vendor, module)
        parts += self._sandbox(vendor)
        parts += self._quirks(vendor)
        return "\n".join(parts) + "\n"

    def _summary(self, vendor: registry.Vendor, module: ModuleType) -> str:
        where = (
            "self-hosted: `connect()` needs `base_url=`"
            if vendor.self_hosted
            else f"default API URL `{vendor.base_url}`"
        )
        client = f"[`{vendor.client}`](../api/{vendor.client}.md)" if vendor.client else "none"
        return (
            f'`ticketkit.connect("{vendor.name}", ...)`; {where}; adapter `{module.__name__}`; '
            f"generated client (`desk.client`): {client}."
        )

    def _capabilities(self, vendor: registry.Vendor, adapter: type[Adapter]) -> list[str]:
        how = self._readme_column("One interface, four vendors", vendor.title)
        rows = ["| operation | supported | how it is carried out | vendor keywords |", "|---|---|---|---|"]
        for operation in OPERATIONS:
            supported = operation in adapter.capabilities
            keywords = sorted(getattr(adapter, OPTION_SETS[operation])) if operation in OPTION_SETS else []
            detail = next((text for label, text in how.items() if label.startswith(f"`{operation}`")), "")
            rows.append(
                f"| `{operation}` | {'yes' if supported else '—'} | {_escape(detail) if supported else ''} | "
                + ", ".join(f"`{k}=`" for k in keywords)
                + " |"
            )
        where = "the vendor's server" if adapter.capabilities.updated_since_filter == "server" else "our side"
        return [
            "## Capabilities",
            "",
            *rows,
            "",
            f"`tickets.list(updated_since=...)` is filtered on {where} (`Adapter.server_filters`); what a status "
            "filter sends is under Quirks.",
            "",
        ]

    def _options(self, vendor: registry.Vendor) -> list[str]:
        rows = ["| keyword | type | CLI flag | environment variable | what it is |", "|---|---|---|---|---|"]
        hints = vendor.options.__annotations__
        for option in vendor.vendor_options:
            flag = f"`{option.flag}`" if option.cli else "—"
            variable = f"`{option.environment(vendor.name)}`" if option.cli else "—"
            rows.append(
                f"| `{option.name}=` | `{_escape(type_name(hints[option.name]))}` | {flag} | {variable} | "
                f"{_escape(option.help)} |"
            )
        return [
            "## Connect options",
            "",
            *rows,
            "",
            f"Besides the keywords every vendor takes (`token=`, `base_url=`, timeouts, retries and limits: see "
            f"[Production settings](../production.md)). The `ticketkit` command reads the token from "
            f"`--token` or `{vendor.environment('TOKEN')}` and the base URL from `--base-url` or "
            f"`{vendor.environment('BASE_URL')}`.",
            "",
        ]

    def _statuses(self, vendor: registry.Vendor, module: ModuleType) -> list[str]:
        out = ["## Status mapping", ""]
        tables = status_tables(module)
        if not tables:
            out += [f"`{module.__name__}` has no status table.", ""]
        for name, comment, mapping in tables:
            forward = all(isinstance(v, TicketStatus) for v in mapping.values())
            head = "| vendor value | unified status |" if forward else "| unified status | vendor value |"
            out += [f"`{name}` in `{module.__name__}`" + (f": {comment}" if comment else ""), "", head, "|---|---|"]
            out += [f"| {_cell(k)} | {_cell(v)} |" for k, v in mapping.items()]
            out.append("")
        out += [
            "A vendor value outside these tables reads as `UNKNOWN`, and the vendor's own value is always in "
            "`status_raw`. Rules the adapter computes rather than looks up are in the "
            "[unified status table](../unified.md#statuses).",
            "",
        ]
        return out

    def _sandbox(self, vendor: registry.Vendor) -> list[str]:
        out = [
            "## Sandbox",
            "",
            f'`Sandbox("{vendor.name}")` (`{vendor.sandbox}`); `ticketkit sandbox serve {vendor.name}` on loopback'
            + (f", under the path `{vendor.sandbox_path}`" if vendor.sandbox_path else "")
            + ". See [the sandbox](../sandbox.md).",
            "",
        ]
        if vendor.sandbox_options:
            out += ["| `sandbox serve` option | what it is |", "|---|---|"]
            out += [f"| `{o.flag}` | {_escape(o.help)} |" for o in vendor.sandbox_options]
            out.append("")
        return out

    def _quirks(self, vendor: registry.Vendor) -> list[str]:
        word = re.compile(rf"\b{re.escape(vendor.title)}\b")
        filtering = [b for b in bullets(self.readme.section("What each vendor filters on its side")) if word.search(b)]
        # A limitation is the vendor's when its first words name it ("Ankra has no update", "For Tickiti, ...").
        limits = [b for b in bullets(self.readme.section("Limitations")) if word.search(" ".join(b.split()[:5]))]
        out = ["## Quirks", ""]
        if filtering:
            out += ["What `tickets.list(status=...)` sends to the vendor and what is finished on our side:", ""]
            out += [f"- {b}" for b in filtering] + [""]
        if limits:
            out += ["Limitations:", ""] + [f"- {b}" for b in limits] + [""]
        for section in self.readme.sections_mentioning(vendor.title):
            out += [f"### {section.title}", "", *section.body, ""]
        if len(out) == 2:
            out += ["The README names none for this vendor.", ""]
        out.append("*From README.md, included when the site is built.*")
        out.append("")
        return out

    def _readme_column(self, section: str, column: str) -> dict[str, str]:
        try:
            return table_column(self.readme.section(section), column)
        except ReadmeError:
            return {}  # a vendor the README's table does not list yet (a plug-in): its page still builds
