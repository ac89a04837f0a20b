"""Accounts, sessions, CSRF and roles: reading is open, writing needs an editor, nothing is stored otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from ima.services.accounts import add_user, authenticate, list_users, remove_user, set_password, set_role
from tests.web.conftest import PASSWORD, sign_in

LETTER = ("Ministerie van Justitie en Veiligheid\n\nDatum 3 maart 2022\nBetreft Samenwerking met Marokko\n\n"
          "Het kabinet zet de terugkeersamenwerking met Marokko voort. In 2021 keerden 120 personen terug.\n")


def _documents(store) -> int:
    return store.counts()["documents"]


def test_passwords_are_stored_as_argon2_hashes(write_store) -> None:
    add_user(write_store, "anna", "een lang wachtwoord", "editor")
    stored = write_store.accounts.password_hash("anna")
    assert stored.startswith("$argon2id$") and "een lang wachtwoord" not in stored
    assert authenticate(write_store, "anna", "een lang wachtwoord").role == "editor"
    assert authenticate(write_store, "anna", "verkeerd wachtwoord") is None
    assert authenticate(write_store, "niemand", "een lang wachtwoord") is None


def test_account_management(write_store) -> None:
    add_user(write_store, "bob", "een lang wachtwoord")
    assert set_role(write_store, "bob", "admin").role == "admin"
    set_password(write_store, "bob", "nog een lang wachtwoord")
    assert authenticate(write_store, "bob", "nog een lang wachtwoord")
    remove_user(write_store, "bob")
    assert "bob" not in [a.username for a in list_users(write_store)]


@pytest.mark.parametrize(("call", "message"), [
    (lambda s: add_user(s, "editor", "een lang wachtwoord"), "already exists"),
    (lambda s: add_user(s, "x y", "een lang wachtwoord"), "invalid user name"),
    (lambda s: add_user(s, "carla", "kort"), "at least"),
    (lambda s: add_user(s, "carla", "een lang wachtwoord", "god"), "unknown role"),
    (lambda s: set_role(s, "niemand", "reader"), "no user"),
    (lambda s: remove_user(s, "niemand"), "no user"),
])
def test_account_errors_are_clear(write_store, call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call(write_store)


def test_reading_needs_no_account(write_client) -> None:
    assert write_client.get("/documents").status_code == 200
    assert write_client.get("/api/session").json()["user"] is None


def test_signed_out_user_cannot_write(write_client, write_store) -> None:
    before = _documents(write_store)
    token = write_client.get("/api/session").json()["csrf_token"]
    response = write_client.post("/api/documents", files={"file": ("brief.txt", LETTER.encode())},
                                 headers={"X-CSRF-Token": token})
    assert response.status_code == 401 and "sign in" in response.json()["error"]
    assert write_client.post("/upload", files={"file": ("brief.txt", LETTER.encode())},
                             data={"csrf_token": token}).status_code == 401
    assert _documents(write_store) == before


def test_reader_may_not_write(write_client, write_store) -> None:
    before = _documents(write_store)
    token = sign_in(write_client, "reader")
    response = write_client.post("/api/documents", files={"file": ("brief.txt", LETTER.encode())},
                                 headers={"X-CSRF-Token": token})
    assert response.status_code == 403 and "editor" in response.json()["error"]
    assert _documents(write_store) == before


def test_editor_ingests_an_upload_and_signs_out(write_client, write_store) -> None:
    before = _documents(write_store)
    token = sign_in(write_client, "editor")
    assert write_client.get("/api/session").json() | {"csrf_token": None} == {"user": "editor", "role": "editor",
                                                                                "csrf_token": None}
    response = write_client.post("/api/documents", files={"file": ("brief.txt", LETTER.encode())},
                                 headers={"X-CSRF-Token": token})
    assert response.status_code == 201, response.text
    row = response.json()
    assert row["status"] == "new" and row["url"] == f"/documents/{row['id']}"
    assert _documents(write_store) == before + 1
    assert "terugkeersamenwerking" in write_client.get(f"/documents/{row['id']}.json").text
    again = write_client.post("/api/documents", files={"file": ("brief.txt", LETTER.encode())},
                              headers={"X-CSRF-Token": token})
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    write_client.post("/logout", data={"csrf_token": token})
    assert write_client.get("/api/session").json()["user"] is None
    assert write_client.post("/api/documents", files={"file": ("b.txt", b"anders")},
                             headers={"X-CSRF-Token": token}).status_code == 401


def test_upload_form_ingests_for_an_editor(write_client, write_store) -> None:
    token = sign_in(write_client, "admin")
    response = write_client.post("/upload", files={"file": ("brief.txt", LETTER.encode())}, data={"csrf_token": token})
    assert response.status_code == 201 and 'id="result"' in response.text


def test_writes_without_the_csrf_token_are_refused(write_client, write_store) -> None:
    before = _documents(write_store)
    sign_in(write_client, "editor")
    for headers in ({}, {"X-CSRF-Token": "guessed"}):
        response = write_client.post("/api/documents", files={"file": ("brief.txt", LETTER.encode())},
                                     headers=headers)
        assert response.status_code == 403 and "CSRF" in response.json()["error"]
    assert _documents(write_store) == before


@pytest.mark.parametrize(("name", "data", "status", "message"), [
    ("brief.exe", b"MZ\x90\x00", 400, "unsupported file type"),
    ("leeg.txt", b"", 400, "empty"),
    ("kapot.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", 422, ""),
    ("groot.txt", b"a" * (1024 * 1024 + 1), 413, "too large"),
])
def test_bad_uploads_are_refused_and_nothing_is_stored(write_client, write_store, name, data, status,
                                                       message) -> None:
    before = write_store.counts()
    token = sign_in(write_client, "editor")
    response = write_client.post("/api/documents", files={"file": (name, data)}, headers={"X-CSRF-Token": token})
    assert response.status_code == status, response.text
    assert message in response.json()["error"]
    assert write_store.counts() == before


def test_wrong_password_is_refused(write_client) -> None:
    token = write_client.get("/api/session").json()["csrf_token"]
    response = write_client.post("/login", data={"username": "editor", "password": "fout wachtwoord!",
                                                 "csrf_token": token})
    assert response.status_code == 401 and 'role="alert"' in response.text
    assert write_client.get("/api/session").json()["user"] is None


def test_login_without_csrf_token_is_refused(write_client) -> None:
    response = write_client.post("/login", data={"username": "editor", "password": PASSWORD})
    assert response.status_code == 403


def test_session_cookie_is_httponly_and_samesite_and_secure_over_https(write_client, write_store) -> None:
    from fastapi.testclient import TestClient

    from ima.web.app import create_app

    cookie = write_client.get("/api/session").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    with TestClient(create_app(store=write_store, secret_key="s", https=True), base_url="https://testserver") as c:
        assert "secure" in c.get("/api/session").headers["set-cookie"].lower()


def test_no_open_redirect_after_sign_in(write_client) -> None:
    token = write_client.get("/api/session").json()["csrf_token"]
    response = write_client.post("/login", data={"username": "editor", "password": PASSWORD, "csrf_token": token,
                                                 "next": "//evil.example/"}, follow_redirects=False)
    assert response.headers["location"] == "/"


def test_users_cli(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from ima.cli.app import app

    runner = CliRunner()
    db = ["--db", f"sqlite:///{tmp_path / 'u.sqlite3'}"]
    assert runner.invoke(app, [*db, "users", "add", "dirk", "--role", "editor", "--password-stdin"],
                         input="een lang wachtwoord\n").exit_code == 0
    assert runner.invoke(app, [*db, "users", "add", "eva"], input="een lang wachtwoord\neen lang wachtwoord\n"
                         ).exit_code == 0
    rows = [json.loads(x) for x in runner.invoke(app, [*db, "users", "list", "--json"]).output.splitlines()]
    assert [(r["username"], r["role"]) for r in rows] == [("dirk", "editor"), ("eva", "reader")]
    assert "password" not in json.dumps(rows)
    assert runner.invoke(app, [*db, "users", "set-role", "eva", "admin"]).exit_code == 0
    assert runner.invoke(app, [*db, "users", "passwd", "eva", "--password-stdin"],
                         input="nog een lang wachtwoord\n").exit_code == 0
    assert runner.invoke(app, [*db, "users", "remove", "dirk"]).exit_code == 0
    bad = runner.invoke(app, [*db, "users", "set-role", "eva", "keizer"])
    assert bad.exit_code == 2 and "unknown role" in bad.output
    assert runner.invoke(app, [*db, "users", "remove", "dirk"]).exit_code == 2
    rows = [json.loads(x) for x in runner.invoke(app, [*db, "users", "list", "--json"]).output.splitlines()]
    assert [(r["username"], r["role"]) for r in rows] == [("eva", "admin")]
