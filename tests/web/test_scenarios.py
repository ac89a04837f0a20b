"""Scenario runs in the background: started by form or API (CSRF), followed by progress, then a chart."""

from __future__ import annotations

import threading
import time

import pytest

from ima.web.jobs import MAX_WAITING, JobRunner, TooBusy


def _wait(client, url: str, seconds: float = 600) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = client.get(url + ".json").json()
        if job["status"] in ("finished", "failed"):
            return job
        time.sleep(0.5)
    pytest.fail(f"{url} did not finish within {seconds} s")


def test_a_run_reports_progress_and_ends_with_rows_and_a_chart(client) -> None:
    token = client.get("/api/session").json()["csrf_token"]
    started = client.post("/api/scenarios/runs", data={"scenario": "eu_turkey_baseline", "seeds": 1,
                                                       "csrf_token": token})
    assert started.status_code == 202
    job = _wait(client, started.json()["url"])
    assert job["status"] == "finished" and job["done"] == job["total"] == 1
    result = job["result"]
    assert result["seeds"] == [1] and result["series"] and result["chart_svg"].lstrip().startswith("<svg")
    assert {"GRC", "ITA"} <= {row["series"] for row in result["series"]}
    page = client.get(started.json()["url"])
    assert page.status_code == 200 and "<svg" in page.text
    assert any(r["id"] == job["id"] for r in client.get("/scenarios.json").json()["runs"])


@pytest.mark.parametrize(("data", "status"), [
    ({"scenario": "nope", "seeds": 1}, 400),
    ({"scenario": "eu_turkey_baseline", "seeds": 99}, 400),
    ({"scenario": "eu_turkey_baseline", "seeds": 1, "b": "nope"}, 400),
])
def test_bad_runs_are_refused(client, data: dict, status: int) -> None:
    token = client.get("/api/session").json()["csrf_token"]
    response = client.post("/api/scenarios/runs", data={**data, "csrf_token": token})
    assert response.status_code == status and response.json()["error"]


def test_runs_need_the_csrf_token(client) -> None:
    response = client.post("/api/scenarios/runs", data={"scenario": "eu_turkey_baseline", "seeds": 1})
    assert response.status_code == 403


def test_unknown_run_is_404(client) -> None:
    assert client.get("/scenarios/runs/000000.json").status_code == 404


def test_the_runner_refuses_more_than_it_can_hold_and_reports_failures() -> None:
    runner = JobRunner()
    release = threading.Event()
    jobs = [runner.submit("run", {}, 1, lambda on_done: (release.wait(10), {})[1]) for _ in range(MAX_WAITING)]
    with pytest.raises(TooBusy):
        runner.submit("run", {}, 1, lambda on_done: {})
    release.set()
    failing = None
    for _ in range(100):
        try:
            failing = runner.submit("run", {}, 1, lambda on_done: 1 / 0)
            break
        except TooBusy:
            time.sleep(0.05)
    for _ in range(100):
        if failing and failing.status == "failed":
            break
        time.sleep(0.05)
    assert all(j.status == "finished" for j in jobs)
    assert failing.status == "failed" and "division" in failing.error
    runner.shutdown()
    after = runner.submit("run", {}, 1, lambda on_done: {"ok": True})  # the app can start again (lifespan)
    for _ in range(100):
        if after.status == "finished":
            break
        time.sleep(0.05)
    assert after.result == {"ok": True}
    runner.shutdown()
