"""The `ticketkit` command: read and write tickets in any registered helpdesk from a shell.

    ticketkit get intercom 1268
    ticketkit list ankra --status open --limit 20 --json
    ticketkit --sandbox create tickiti --subject "Printer" --description "On fire" --requester-email a@b.c
    ticketkit export intercom --out tickets.jsonl --with-comments      (--resume after a kill; see --help)
    ticketkit --sandbox sync intercom --tickets 1000                   (DuckDB; needs ticketkit[dlt])
    ticketkit sandbox serve intercom --port 8080 --tickets 100000 --seed 7 --rate-limit 600/60
    ticketkit demo

Credentials come from flags or the environment: TICKETKIT_<VENDOR>_TOKEN, TICKETKIT_<VENDOR>_BASE_URL and
the vendor extras (TICKETKIT_INTERCOM_ADMIN_ID, TICKETKIT_TICKITI_AGENT_EMAIL, ...), named after the options in
the vendor registry (`_registry.py`: Intercom's `admin_id` is `--admin-id` and TICKETKIT_INTERCOM_ADMIN_ID).
Errors are one line on stderr, with every credential given masked, and a non-zero exit code: 1 for a vendor
or network error, 2 for a usage error (`export` adds 3 and 4: see `_export_command.py`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from . import _export_command as export_command
from . import _output as output
from . import _registry as registry
from . import _sync_command as sync_command
from ._connect import connect
from ._desk import Desk
from ._errors import TicketkitError
from ._redaction import Secrets, display_url, secret_name, userinfo

if TYPE_CHECKING:
    from .sandbox import RateLimit

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with the command line itself (exit code 2)."""


class CommandFailed(Exception):
    """A command that failed for a reason other than a ticketkit error (a dlt load): exit code 1."""


def _flags(options_of: dict[str, tuple[registry.Option, ...]]) -> dict[str, list[tuple[str, registry.Option]]]:
    """Each flag the vendors' options make, with the vendors (and option) it belongs to."""
    flags: dict[str, list[tuple[str, registry.Option]]] = {}
    for vendor, options in options_of.items():
        for option in options:
            flags.setdefault(option.flag, []).append((vendor, option))
    return flags


def _dest(option: registry.Option) -> str:
    return "vendor_option_" + option.name  # never one of the command's own (status, limit, ...)


def _add_vendor_flags(command: argparse.ArgumentParser, flags: dict[str, list[tuple[str, registry.Option]]]) -> None:
    group = command.add_argument_group("vendor options")
    for flag, owners in flags.items():
        helps = "; ".join(f"{vendor}: {option.help}" for vendor, option in owners)
        try:
            group.add_argument(flag, dest=_dest(owners[0][1]), help=helps)
        except argparse.ArgumentError as exc:
            vendors = ", ".join(vendor for vendor, _ in owners)
            raise RuntimeError(f"{vendors}: the option {flag} clashes with the {command.prog} command's own") from exc


def _parser() -> argparse.ArgumentParser:
    entries = registry.vendors()
    names = [entry.name for entry in entries]
    titles = ", ".join(entry.title for entry in entries)
    parser = argparse.ArgumentParser(prog="ticketkit", description=f"Tickets in {titles}.")
    parser.add_argument("--sandbox", action="store_true", help="run against an in-process sandbox of the vendor")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    connect_flags = _flags({entry.name: entry.cli_options() for entry in entries})

    def vendor_command(name: str, help_text: str) -> argparse.ArgumentParser:
        command = commands.add_parser(name, help=help_text)
        command.add_argument("vendor", choices=names)
        command.add_argument("--token", help="API token (default: $TICKETKIT_<VENDOR>_TOKEN)")
        command.add_argument("--base-url", help="API base URL (default: $TICKETKIT_<VENDOR>_BASE_URL)")
        _add_vendor_flags(command, connect_flags)
        command.add_argument("--sandbox", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        command.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return command

    get = vendor_command("get", "show one ticket with its thread")
    get.add_argument("ticket_id")
    listing = vendor_command("list", "list tickets")
    listing.add_argument("--status", help="only tickets in this unified status (open, resolved, ...)")
    listing.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    create = vendor_command("create", "create a ticket")
    create.add_argument("--subject", required=True)
    create.add_argument("--description")
    create.add_argument("--requester-email")
    comment = vendor_command("comment", "reply on a ticket")
    comment.add_argument("ticket_id")
    comment.add_argument("--body", required=True)
    comment.add_argument("--internal", action="store_true", help="a note the customer does not see")
    close = vendor_command("close", "close a ticket")
    close.add_argument("ticket_id")
    export = vendor_command("export", "write every ticket as JSON lines (the unified schema), resumably")
    export_command.add_flags(export)
    sync = vendor_command("sync", "load tickets, threads and attachments into a database with dlt (incremental)")
    sync_command.add_flags(sync)

    sandbox = commands.add_parser("sandbox", help="run a vendor's sandbox")
    sandbox_commands = sandbox.add_subparsers(dest="sandbox_command", required=True, metavar="SUBCOMMAND")
    serve = sandbox_commands.add_parser("serve", help="serve a sandbox on 127.0.0.1 until stopped")
    serve.add_argument("vendor", choices=names)
    serve.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    serve.add_argument(
        "--rate-limit",
        type=_rate_limit,
        metavar="R[/SECONDS]",
        help="answer at most R requests in each window of SECONDS (default 1), then the vendor's 429",
    )
    serve.add_argument("--tickets", type=int, metavar="N", help="hold N synthetic tickets (generated lazily)")
    serve.add_argument("--seed", type=int, default=0, metavar="S", help="the synthetic tickets' random seed")
    serve.add_argument(
        "--total-shortfall", type=int, default=0, metavar="K", help="report K fewer tickets in list totals"
    )
    serve.add_argument(
        "--clock-skew", type=float, default=0.0, metavar="SECONDS", help="shift the sandbox's clock by this much"
    )
    _add_vendor_flags(serve, _flags({entry.name: entry.sandbox_options for entry in entries}))

    commands.add_parser("demo", help="create, comment, read, list and close in a sandbox of every vendor")
    return parser


def _rate_limit(text: str) -> RateLimit:
    """`--rate-limit R[/SECONDS]` (the sandbox is imported only when a command needs it)."""
    from .sandbox import RateLimit

    try:
        return RateLimit.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


OptionsOf = Callable[[registry.Vendor], tuple[registry.Option, ...]]


def _given(args: argparse.Namespace, vendor: str, options_of: OptionsOf, environment: bool) -> dict[str, Any]:
    """The vendor's options given as flags (or in the environment); a flag of another vendor's is refused."""
    own = options_of(registry.get(vendor))
    given: dict[str, Any] = {}
    for option in own:
        value = getattr(args, _dest(option), None)
        if not value and environment:
            value = os.environ.get(option.environment(vendor))
        if value:
            given[option.name] = value
    own_flags = {option.flag for option in own}
    for entry in registry.vendors():
        for option in options_of(entry):
            if option.flag not in own_flags and getattr(args, _dest(option), None):
                raise UsageError(f"{option.flag} is for {entry.name}, not {vendor}")
    return given


def _sandbox_options(entry: registry.Vendor) -> tuple[registry.Option, ...]:
    return entry.sandbox_options


def _connect(args: argparse.Namespace) -> Desk:
    vendor: str = args.vendor
    entry = registry.get(vendor)
    options = _given(args, vendor, registry.Vendor.cli_options, environment=True)
    if args.command == "export":
        options.update(export_command.connect_options(args))
    if args.sandbox:
        from .sandbox import Sandbox

        extra = sync_command.sandbox_options(args) if args.command == "sync" else {}
        return connect(vendor, **{**Sandbox(vendor, **extra).connect_options(), **options})
    token = args.token or os.environ.get(entry.environment("TOKEN"))
    base_url = _base_url(args)
    if not token and not options.get("client_id"):
        raise UsageError(f"no credentials: pass --token or set {entry.environment('TOKEN')} (or use --sandbox)")
    return connect(vendor, token=token, base_url=base_url, **options)


def _base_url(args: argparse.Namespace) -> str | None:
    return args.base_url or os.environ.get(registry.get(args.vendor).environment("BASE_URL"))


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "demo":
        from ._demo import run_demo

        return run_demo(out)
    if args.command == "sandbox":
        options = _given(args, args.vendor, _sandbox_options, environment=False)
        options.update(
            rate_limit=args.rate_limit,
            clock_skew=args.clock_skew,
            tickets=args.tickets,
            seed=args.seed,
            total_shortfall=args.total_shortfall,
        )
        return _serve(args.vendor, args.port, out, options)
    with _connect(args) as desk:
        return COMMANDS[args.command](desk, args, out, err)


def _get(desk: Desk, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    output.show_ticket(desk.tickets.get(args.ticket_id), out, args.json)
    return EXIT_OK


def _list(desk: Desk, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    output.show_tickets(desk.tickets.list(status=args.status, limit=args.limit), out, args.json)
    return EXIT_OK


def _create(desk: Desk, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    ticket = desk.tickets.create(
        subject=args.subject, description=args.description, requester_email=args.requester_email
    )
    output.show_ticket(ticket, out, args.json)
    return EXIT_OK


def _comment(desk: Desk, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    comment = desk.comments.create(args.ticket_id, body=args.body, internal=args.internal)
    output.show_comment(comment, out, args.json)
    return EXIT_OK


def _close(desk: Desk, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    output.show_ticket(desk.tickets.close(args.ticket_id), out, args.json)
    return EXIT_OK


def _export(desk: Desk, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`_export_command.py` turns the flags into a request for the engine (`_sync_export.py`)."""
    base_url = _base_url(args)
    origin = "sandbox" if args.sandbox else display_url(base_url) if base_url else None  # None: the vendor's
    try:
        return export_command.run(desk, args, origin, out, err)
    except export_command.ExportUsageError as exc:
        raise UsageError(str(exc)) from None


def _sync(desk: Desk, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`_sync_command.py` runs a dlt pipeline over `ticketkit.dlt`'s source (dlt is imported there, on use)."""
    try:
        return sync_command.run(desk, args, out, args.json)
    except sync_command.SyncUsageError as exc:
        raise UsageError(str(exc)) from None
    except sync_command.SyncFailed as exc:
        raise CommandFailed(str(exc)) from None


def _serve(vendor: str, port: int, out: TextIO, options: dict[str, Any]) -> int:
    from .sandbox import make_server

    try:
        server, sandbox = make_server(vendor, port=port, **options)
    except ValueError as exc:  # an option value the sandbox does not model (an Intercom version, say)
        raise UsageError(str(exc)) from exc
    details = [f"token {sandbox.app.token!r}"]
    details += [f"{sandbox.tickets} synthetic tickets, seed {sandbox.seed}"] if sandbox.tickets is not None else []
    details += [f"at most {sandbox.rate_limit} requests"] if sandbox.rate_limit else []
    print(f"{vendor} sandbox at {sandbox.base_url} ({'; '.join(details)}); Ctrl-C stops it", file=out)
    out.flush()
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


Command = Callable[[Desk, argparse.Namespace, TextIO, TextIO], int]
COMMANDS: dict[str, Command] = {
    "get": _get,
    "list": _list,
    "create": _create,
    "comment": _comment,
    "close": _close,
    "export": _export,
    "sync": _sync,
}


def _credentials(args: argparse.Namespace) -> Secrets:
    """Every credential the command was given, by flag or in the environment, to mask in what it prints."""
    given = {k: v for k, v in os.environ.items() if k.startswith("TICKETKIT_")}
    given.update({k: v for k, v in vars(args).items() if isinstance(v, str)})
    values = [v for k, v in given.items() if secret_name(k)]
    pairs: list[tuple[str, str]] = []
    for name, value in given.items():
        found = userinfo(value) if name.lower().endswith("base_url") else None
        if found:
            values.append(found[1] or found[0])
            pairs += [found] if found[1] else []
    for entry in registry.vendors():  # an OAuth2 client's id and secret, also as HTTP Basic credentials
        if {"client_id", "client_secret"} <= entry.keywords:
            client_id = getattr(args, "vendor_option_client_id", None) or os.environ.get(entry.environment("CLIENT_ID"))
            client_secret = getattr(args, "vendor_option_client_secret", None) or os.environ.get(
                entry.environment("CLIENT_SECRET")
            )
            if client_id and client_secret:
                pairs.append((client_id, client_secret))
    return Secrets(values, pairs)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command; returns the exit code (the console script exits with it)."""
    out, err = out or sys.stdout, err or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed its usage message
        return int(exit_.code or 0)
    secrets = _credentials(args)

    def fail(message: str, code: int) -> int:
        print(f"ticketkit: {secrets.mask(message)}", file=err)
        return code

    try:
        return _run(args, out, err)
    except UsageError as exc:
        return fail(str(exc), EXIT_USAGE)
    except (TicketkitError, CommandFailed) as exc:
        return fail(str(exc), EXIT_ERROR)
    except OSError as exc:
        return fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), EXIT_ERROR)
    except KeyboardInterrupt:
        return fail("interrupted", 130)


def console() -> None:
    """The `ticketkit` console script."""
    sys.exit(main())


if __name__ == "__main__":
    console()
