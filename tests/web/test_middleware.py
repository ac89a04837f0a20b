"""Every answer carries the security headers; a body declared larger than the upload limit is refused
before it is read, and nothing is stored."""

from __future__ import annotations

import pytest

from tests.web.conftest import sign_in

HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "same-origin"}


@pytest.mark.parametrize("path", ["/", "/search.json?q=terugkeer", "/static/ima.css", "/documents/999999",
                                  "/country/XXX.json"])
def test_every_answer_carries_the_security_headers(client, path) -> None:
    response = client.get(path)
    assert {k: response.headers.get(k) for k in HEADERS} == HEADERS


def test_an_oversized_body_is_refused_before_it_is_read(write_client, write_store) -> None:
    before = write_store.counts()
    token = sign_in(write_client, "editor")
    body = b"a" * (2 * 1024 * 1024)  # the limit is 1 MB plus the form's overhead

    def chunks():
        yield body[:1024]
        raise AssertionError("the body was read")

    response = write_client.post("/api/documents", content=chunks(),
                                 headers={"X-CSRF-Token": token, "Content-Length": str(len(body)),
                                          "Content-Type": "multipart/form-data; boundary=x"})
    assert response.status_code == 413 and "upload limit is 1.0 MB" in response.json()["error"]
    assert {k: response.headers.get(k) for k in HEADERS} == HEADERS
    assert write_store.counts() == before
