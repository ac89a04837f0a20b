"""Accounts of the web app: who may do what.

Everyone may read; a signed-in *reader* reads too (and can be given more later),
an *editor* may write to the record (ingest documents, edit curated data, save
scenarios), an *admin* may also manage accounts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

ROLES: tuple[str, ...] = ("reader", "editor", "admin")
_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,79}$")
MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True, slots=True)
class Account:
    """A stored account, without its password hash."""

    id: int
    username: str
    role: str
    active: bool
    created_at: dt.datetime


def check_role(role: str) -> str:
    """``role`` if it is one of :data:`ROLES`, else a clear error."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    return role


def check_username(username: str) -> str:
    """A valid user name: 2–80 letters, digits, ``.``, ``_``, ``@`` or ``-``, starting with a letter or digit."""
    if not _USERNAME.match(username or ""):
        raise ValueError(f"invalid user name {username!r}: use 2–80 letters, digits, '.', '_', '@' or '-'")
    return username


def check_password(password: str) -> str:
    """A password long enough to be worth hashing."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValueError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    return password


def may(role: str | None, needed: str) -> bool:
    """Whether an account with ``role`` has at least the rights of ``needed`` (reader < editor < admin)."""
    return role in ROLES and ROLES.index(role) >= ROLES.index(needed)
