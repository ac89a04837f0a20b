"""The ``users`` table: accounts of the web app (hashes only; hashing is the service's job)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from ima.domain.accounts import Account
from ima.store.schema import User

_users = User.__table__


class UnknownAccount(KeyError):
    """No account has the requested user name."""

    def __str__(self) -> str:
        return f"no user {self.args[0]!r}"


def _account(row) -> Account:
    return Account(id=row.id, username=row.username, role=row.role, active=bool(row.active),
                   created_at=row.created_at)


class Accounts:
    """Reading and writing accounts; every write is its own transaction."""

    def __init__(self, engine: Engine, writer: Engine) -> None:
        self._engine = engine
        self._writer = writer

    def add(self, username: str, password_hash: str, role: str) -> Account:
        """A new account; ``ValueError`` if the name is taken."""
        values = {"username": username, "password_hash": password_hash, "role": role, "active": True,
                  "created_at": dt.datetime.now(dt.timezone.utc)}
        try:
            with self._writer.begin() as connection:
                connection.execute(insert(_users).values(values))
                row = connection.execute(select(_users).where(_users.c.username == username)).one()
        except IntegrityError:
            raise ValueError(f"user {username!r} already exists") from None
        return _account(row)

    def list(self) -> list[Account]:
        """All accounts by user name."""
        with self._engine.connect() as connection:
            return [_account(r) for r in connection.execute(select(_users).order_by(_users.c.username))]

    def get(self, username: str) -> Account | None:
        """The account with this name, if any."""
        with self._engine.connect() as connection:
            row = connection.execute(select(_users).where(_users.c.username == username)).first()
        return _account(row) if row is not None else None

    def password_hash(self, username: str) -> str | None:
        """The stored hash of an active account (None for unknown or inactive accounts)."""
        with self._engine.connect() as connection:
            row = connection.execute(select(_users.c.password_hash)
                                     .where(_users.c.username == username, _users.c.active)).first()
        return row[0] if row is not None else None

    def update(self, username: str, **values) -> None:
        """Change ``role``, ``password_hash`` or ``active``; :class:`UnknownAccount` if there is no such user."""
        with self._writer.begin() as connection:
            changed = connection.execute(update(_users).where(_users.c.username == username).values(**values))
            if changed.rowcount == 0:
                raise UnknownAccount(username)

    def remove(self, username: str) -> None:
        """Delete the account; :class:`UnknownAccount` if there is no such user."""
        with self._writer.begin() as connection:
            if connection.execute(delete(_users).where(_users.c.username == username)).rowcount == 0:
                raise UnknownAccount(username)

    def count(self, role: str | None = None) -> int:
        """Number of accounts (with ``role``, if given)."""
        query = select(_users.c.id)
        if role is not None:
            query = query.where(_users.c.role == role)
        with self._engine.connect() as connection:
            return len(connection.execute(query).all())
