"""``ima users``: accounts of the web app (add, list, set-role, passwd, remove)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from ima.cli.app import app, handle_errors, state_of
from ima.cli.output import console, print_json_line

users_app = typer.Typer(help="Manage the accounts of the web app (roles: reader, editor, admin).",
                        no_args_is_help=True)
app.add_typer(users_app, name="users")

_STDIN_HELP = "Read the password from the first line of standard input instead of prompting."


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def account_dict(account) -> dict:
    """The JSON row of an account (never the hash)."""
    return {"username": account.username, "role": account.role, "active": account.active,
            "created_at": account.created_at.isoformat() if account.created_at else None}


@users_app.command("add")
@handle_errors
def add(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="User name (letters, digits, . _ @ -).")],
    role: Annotated[str, typer.Option("--role", "-r", help="reader, editor or admin.")] = "reader",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help=_STDIN_HELP)] = False,
) -> None:
    """Create an account (the password is stored as an argon2 hash)."""
    from ima.services.accounts import add_user

    account = add_user(state_of(ctx).store(), username, _password(password_stdin), role)
    console.print(f"Added user [bold]{account.username}[/] ({account.role})")


@users_app.command("list")
@handle_errors
def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per account.")] = False,
) -> None:
    """List the accounts with their roles."""
    from ima.services.accounts import list_users

    accounts = list_users(state_of(ctx).store())
    if as_json:
        for account in accounts:
            print_json_line(account_dict(account))
        return
    table = Table("user", "role", "active", "created")
    for a in accounts:
        table.add_row(a.username, a.role, "yes" if a.active else "no", a.created_at.strftime("%Y-%m-%d %H:%M"))
    console.print(table)
    console.print(f"{len(accounts)} account(s)")


@users_app.command("set-role")
@handle_errors
def set_role_command(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="User name.")],
    role: Annotated[str, typer.Argument(help="reader, editor or admin.")],
) -> None:
    """Give an account another role."""
    from ima.services.accounts import set_role

    account = set_role(state_of(ctx).store(), username, role)
    console.print(f"[bold]{account.username}[/] is now {account.role}")


@users_app.command("passwd")
@handle_errors
def passwd(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="User name.")],
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help=_STDIN_HELP)] = False,
) -> None:
    """Set a new password for an account."""
    from ima.services.accounts import set_password

    set_password(state_of(ctx).store(), username, _password(password_stdin))
    console.print(f"Password of [bold]{username}[/] changed")


@users_app.command("remove")
@handle_errors
def remove(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="User name.")],
) -> None:
    """Delete an account."""
    from ima.services.accounts import remove_user

    remove_user(state_of(ctx).store(), username)
    console.print(f"Removed user [bold]{username}[/]")
