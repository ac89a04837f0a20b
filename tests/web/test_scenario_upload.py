"""Uploading a scenario: a variant of a shipped one, kept only when it loads; editors only; then it runs."""

from __future__ import annotations

import time

import pytest
from tests.web.conftest import sign_in

VARIANT = b"""extends: eu_turkey_baseline
name: stricter_coast_guard
title: Baseline with a Turkish coast guard from January 2016
levers:
  - {type: border_management, name: coast_guard, location: Izmir, probability: 0.5, outcome: return,
     start: 2016-01-01}
"""


def _upload(client, body: bytes, token: str | None, name: str = "variant.yaml"):
    data = {"csrf_token": token} if token else {}
    return client.post("/api/scenarios", data=data, files={"file": (name, body, "application/x-yaml")})


def _uploads(client) -> list[str]:
    return [s["name"] for s in client.get("/scenarios.json").json()["uploaded"]]


def test_signed_out_and_readers_cannot_upload(write_client) -> None:
    token = write_client.get("/api/session").json()["csrf_token"]
    assert _upload(write_client, VARIANT, token).status_code == 401
    token = sign_in(write_client, "reader")
    assert _upload(write_client, VARIANT, token).status_code == 403
    assert _uploads(write_client) == []


def test_an_editor_uploads_a_variant_and_runs_it(write_client) -> None:
    token = sign_in(write_client, "editor")
    response = _upload(write_client, VARIANT, token)
    assert response.status_code == 201, response.text
    assert response.json()["name"] == "stricter_coast_guard"
    assert response.json()["extends"] == "eu_turkey_baseline"
    assert _uploads(write_client) == ["stricter_coast_guard"]
    started = write_client.post("/api/scenarios/runs", data={"scenario": "stricter_coast_guard", "seeds": 1,
                                                             "b": "eu_turkey_baseline", "csrf_token": token})
    assert started.status_code == 202, started.text
    deadline = time.monotonic() + 600
    while (job := write_client.get(started.json()["url"] + ".json").json())["status"] not in ("finished", "failed"):
        assert time.monotonic() < deadline
        time.sleep(0.5)
    assert job["status"] == "finished", job
    # the lever from 1 January 2016 stops people before Greece: B (the baseline) minus A is positive there
    greece = [r for r in job["result"]["rows"] if r["series"] == "GRC"]
    assert len(greece) == 1 and greece[0]["difference"] > 0, job["result"]["rows"]


@pytest.mark.parametrize(("body", "reason"), [
    (b"extends: eu_turkey_baseline\ndata: {departures: /etc/passwd}\n", "may only set"),
    (b"extends: ../../etc/secret\nname: x\n", "shipped scenario"),
    (b"name: standalone\nlocations: []\n", "may only set"),
    (b"extends: eu_turkey_baseline\nname: routes_to_europe\n", "shipped scenario's"),
    (b"extends: eu_turkey_baseline\nlevers: [{type: teleport}]\n", "variant.yaml"),
    (b"extends: [unclosed\n", "not valid YAML"),
    (b"\xff\xfe\x00", "not UTF-8"),
])
def test_bad_uploads_are_refused_and_nothing_is_kept(write_client, body: bytes, reason: str) -> None:
    token = sign_in(write_client, "editor")
    response = _upload(write_client, body, token)
    assert response.status_code == 400 and reason in response.json()["error"], response.text
    assert _uploads(write_client) == []


def test_uploads_need_the_csrf_token(write_client) -> None:
    sign_in(write_client, "editor")
    assert _upload(write_client, VARIANT, None).status_code == 403
    assert _uploads(write_client) == []
