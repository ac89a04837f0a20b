"""A real browser (Playwright driving Debian's Chromium) against a real ``ima serve`` process.

Chromium comes from ``scripts/install-browser`` (run by ``scripts/test``). Without it these tests
skip, except under ``CI=true``, where they fail. Screenshots go to ``docs/screenshots/`` when
``IMA_SCREENSHOTS=1`` (to a temporary folder otherwise, so a test run leaves the tree clean).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ima.services.accounts import add_user
from ima.services.ingest import IngestSettings, ingest_paths
from ima.store import Store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("IMA_CHROMIUM", "/usr/bin/chromium")
EDITOR, PASSWORD = "redacteur", "correct horse battery"
LETTER = ("Ministerie van Justitie en Veiligheid\n\nDatum 3 maart 2022\nBetreft Samenwerking met Tunesië\n\n"
          "Het kabinet breidt de samenwerking met Tunesië uit op het gebied van grensbeheer en terugkeer.\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, corpus_dir: Path) -> Iterator[str]:
    """``ima serve`` on a free port over a fresh SQLite database holding the corpus and an editor."""
    if not os.access(CHROMIUM, os.X_OK):
        message = f"Chromium not found at {CHROMIUM}: run scripts/install-browser"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: the browser tests must run)")
        pytest.skip(message)
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'ima.sqlite3'}"
    with Store.open(url) as store:
        list(ingest_paths(store, [corpus_dir], IngestSettings()))
        add_user(store, EDITOR, PASSWORD, "editor")
    port = _free_port()
    env = {**os.environ, "IMA_SECRET_KEY": "browser-test-secret"}
    script = Path(sys.executable).with_name("ima")
    command = [str(script)] if script.exists() else [sys.executable, "-c", "from ima.cli.app import main; main()"]
    process = subprocess.Popen([*command, "--db", url, "serve", "--port", str(port)],
                               env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            if process.poll() is not None:
                pytest.fail(f"ima serve exited: {process.stderr.read().decode()[-2000:]}")
            try:
                if httpx.get(base + "/api/session", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("ima serve did not answer within 20 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server: str):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: docs/screenshots with IMA_SCREENSHOTS=1, else a temporary folder."""
    folder = ROOT / "docs" / "screenshots" if os.environ.get("IMA_SCREENSHOTS") == "1" \
        else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _shot(page, shots: Path, name: str) -> None:
    path = shots / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 5000


def test_search_and_open_a_hit(page, shots: Path) -> None:
    page.goto("/")
    _shot(page, shots, "home")
    page.fill("#q", "terugkeersamenwerking")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    hits = page.locator(".hit")
    assert hits.count() >= 1 and page.locator(".hit mark").count() >= 1
    _shot(page, shots, "search")
    page.locator(".hit-title").first.click()
    page.wait_for_url(re.compile(r"/documents/\d+#p\d+"))
    anchor = page.url.split("#")[1]
    assert page.locator(f"#{anchor}").is_visible()


def test_document_toggles_raw_and_clean(page, shots: Path) -> None:
    page.goto("/documents/3")
    raw = page.locator(".pane.raw").first
    assert not raw.is_visible()
    page.click("#toggle-raw")
    assert raw.is_visible()
    assert page.locator(".pane.raw .repair.corrected").first.inner_text() == "Tunesié"
    assert page.locator(".pane.clean .repair.corrected").first.inner_text() == "Tunesië"
    assert "view=raw" in page.url
    _shot(page, shots, "document-raw")
    page.click("#toggle-raw")
    assert not raw.is_visible()


def test_morocco_page(page, shots: Path) -> None:
    page.goto("/country/MAR")
    assert "Marokko" in page.locator("h1").inner_text()
    assert page.locator(".passage-card").count() >= 3
    assert page.locator("svg.chart rect").count() >= 2  # passages per year
    assert page.locator("svg.chart.line").count() >= 1  # indicator series
    assert page.locator("#indicators tbody tr").count() >= 5 and page.locator("#rank").inner_text().isdigit()
    page.wait_for_selector("#map[data-ready='1']")
    assert page.locator("#map .leaflet-interactive").count() > 100  # incidents on the routes and the countries
    _shot(page, shots, "country-MAR")
    page.locator(".passage-card a").first.click()
    page.wait_for_url(re.compile(r"/documents/\d+#p\d+"))


def test_english_switch(page) -> None:
    page.goto("/documents")
    page.click("a.lang")
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en"  # the choice is kept


def test_sign_in_ingest_an_upload_and_sign_out(page, server: str, tmp_path: Path, shots: Path) -> None:
    before = httpx.get(server + "/index.json").json()["documents"]
    page.goto("/")
    page.click("#login-link")
    page.fill("#username", EDITOR)
    page.fill("#password", PASSWORD)
    page.click("#sign-in")
    assert EDITOR in page.locator(".who").inner_text()
    page.goto("/upload")
    letter = tmp_path / "tunesie.txt"
    letter.write_text(LETTER, encoding="utf-8")
    page.set_input_files("#file", str(letter))
    page.click("#ingest")
    assert "new" in page.locator("#result").inner_text()
    _shot(page, shots, "upload")
    page.locator("#result a").click()
    assert "grensbeheer" in page.locator(".pane.clean").first.inner_text()
    assert httpx.get(server + "/index.json").json()["documents"] == before + 1
    page.click("#logout")
    assert page.locator("#login-link").is_visible()
    assert page.request.get("/api/session").json()["user"] is None


def test_signed_out_user_cannot_write(page, server: str) -> None:
    before = httpx.get(server + "/index.json").json()["documents"]
    page.goto("/upload")
    assert page.locator("#file").count() == 0  # no form for readers
    token = page.request.get("/api/session").json()["csrf_token"]
    response = page.request.post("/api/documents", headers={"X-CSRF-Token": token},
                                 multipart={"file": {"name": "x.txt", "mimeType": "text/plain",
                                                     "buffer": LETTER.replace("Tunesië", "Egypte").encode()}})
    assert response.status == 401
    assert httpx.get(server + "/index.json").json()["documents"] == before


def test_phone_layout(browser, server: str, shots: Path) -> None:
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844}, is_mobile=True,
                                  device_scale_factor=2)
    page = context.new_page()
    for path in ("/", "/search?q=terugkeer", "/documents", "/documents/4", "/country/MAR", "/pillar/4",
                 "/documents/1?view=raw"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path  # no sideways scrolling
    _shot(page, shots, "phone-document")
    context.close()


def test_moving_a_ranking_weight_changes_the_order(page, shots: Path) -> None:
    page.goto("/ranking")
    order = lambda: page.eval_on_selector_all("#ranking-table tbody tr", "rows => rows.map(r => r.dataset.iso3)")  # noqa: E731
    before = order()
    assert len(before) >= 10
    for group, value in (("transit", "0"), ("bilateral", "0"), ("origin", "100")):
        page.locator(f"input[data-group={group}]").fill(value)
    page.wait_for_function("document.getElementById('ranking-table').dataset.pending === '0'")
    after = order()
    assert sorted(after) == sorted(before) and after != before
    assert "weights=" in page.url
    _shot(page, shots, "ranking")


def test_run_a_small_scenario_and_see_the_chart(page, shots: Path) -> None:
    page.goto("/scenarios")
    page.select_option("#scenario", "eu_turkey_baseline")
    page.fill("#seeds", "1")
    page.click("#run")
    page.wait_for_url(re.compile(r"/scenarios/runs/[0-9a-f]+"))
    page.wait_for_selector("#chart svg", timeout=240_000)
    assert page.locator("#run-status").get_attribute("data-status") == "finished"
    _shot(page, shots, "scenario-run")


def test_eu_pool_inputs(page, shots: Path) -> None:
    page.goto("/eu")
    page.fill("input[name=relocations]", "30000")
    page.fill("input[name=pledges]", "NLD:1000:20000000")
    page.click("#pool-form button")
    page.wait_for_url(re.compile(r"relocations=30000"))
    assert page.locator("#pool-table tbody tr").count() == 26
    _shot(page, shots, "eu")
