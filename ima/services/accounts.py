"""Managing accounts and signing in: argon2 password hashes, roles reader/editor/admin."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ima.domain.accounts import Account, check_password, check_role, check_username
from ima.store import Store
from ima.store.accounts import UnknownAccount

_hasher = PasswordHasher()
# Verifying against this when the user does not exist costs the same time as a
# real check, so response times do not reveal which user names exist.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


def add_user(store: Store, username: str, password: str, role: str = "reader") -> Account:
    """Create an account; the password is stored only as an argon2id hash."""
    check_username(username)
    check_role(role)
    check_password(password)
    return store.accounts.add(username, _hasher.hash(password), role)


def list_users(store: Store) -> list[Account]:
    """All accounts by user name."""
    return store.accounts.list()


def set_role(store: Store, username: str, role: str) -> Account:
    """Give an account another role."""
    check_role(role)
    _update(store, username, role=role)
    return store.accounts.get(username)


def set_password(store: Store, username: str, password: str) -> None:
    """Replace an account's password."""
    check_password(password)
    _update(store, username, password_hash=_hasher.hash(password))


def remove_user(store: Store, username: str) -> None:
    """Delete an account."""
    try:
        store.accounts.remove(username)
    except UnknownAccount as exc:
        raise ValueError(str(exc)) from None


def _update(store: Store, username: str, **values) -> None:
    try:
        store.accounts.update(username, **values)
    except UnknownAccount as exc:
        raise ValueError(str(exc)) from None


def authenticate(store: Store, username: str, password: str) -> Account | None:
    """The account if the name and password match an active account, else None."""
    stored = store.accounts.password_hash(username) if username else None
    try:
        _hasher.verify(stored or _DUMMY_HASH, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if stored is None:
        return None
    if _hasher.check_needs_rehash(stored):
        store.accounts.update(username, password_hash=_hasher.hash(password))
    return store.accounts.get(username)
