"""A real browser against ``ima serve``: the package builder re-ranks live, and an editor's risk edit
made through the web form shows up in the audit trail (issue 8: "the audit trail records an edit made
through the web app").

Reuses the server, Chromium, page and screenshot fixtures of ``test_browser.py`` (a server of this
module's own, started over a copy of the risk register named in ``IMA_RISKS_FILE``), so the shipped
register is never edited.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ima.analysis.partnership.risks import RISKS_FILE, load_risks
from ima.web.views.risks import RISKS_FILE_ENV
from tests.web.test_browser import EDITOR, PASSWORD, _shot
from tests.web.test_browser import browser, page, server, shots  # noqa: F401 (fixtures, used by name)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def register(tmp_path_factory) -> Iterator[Path]:
    """The register the server edits: a copy of the shipped one, named in ``IMA_RISKS_FILE`` before the
    server starts (autouse: set up before the module's other fixtures)."""
    path = tmp_path_factory.mktemp("register") / "risks.yaml"
    shutil.copy(RISKS_FILE, path)
    before = os.environ.get(RISKS_FILE_ENV)
    os.environ[RISKS_FILE_ENV] = str(path)
    yield path
    if before is None:
        os.environ.pop(RISKS_FILE_ENV, None)
    else:
        os.environ[RISKS_FILE_ENV] = before


def test_partnership_dossier_page(page, shots: Path) -> None:  # noqa: F811 (fixture)
    page.goto("/partnership/TUN")
    assert "Tunesië" in page.locator("h1").inner_text()
    assert page.locator("#agreements tbody tr").count() >= 2 and page.locator("#timeline li").count() >= 3
    assert page.locator("#risks .flag").count() >= 1  # an overdue review or unmitigated high risk
    _shot(page, shots, "partnership-TUN")
    page.locator("#passages .passage-card a").first.click()
    page.wait_for_url(re.compile(r"/documents/\d+"))


def test_moving_a_package_weight_reranks_live(page, shots: Path) -> None:  # noqa: F811 (fixture)
    page.goto("/packages/MAR?objective=return")
    order = lambda: page.eval_on_selector_all(  # noqa: E731
        "#packages-table tbody tr", "rows => rows.map(r => r.dataset.instruments)")
    before = order()
    assert len(before) == 5
    _shot(page, shots, "packages-MAR")
    for kind in ("effect", "trade", "aid", "security", "human-rights", "climate", "protection", "relations"):
        page.locator(f"input[data-weight='{kind}']").fill("0")
    page.locator("input[data-weight='budget']").fill("2")
    page.wait_for_function("document.getElementById('packages-table').dataset.pending === '0'")
    assert order() != before
    assert "w_budget=2" in page.url
    page.click("#judgements summary")
    row = page.locator("tr.judgement").first
    row.locator("input[name^=hi_]").fill("0")
    row.locator("input[name^=lo_]").fill("0")
    page.wait_for_function("document.getElementById('packages-table').dataset.pending === '0'")
    assert "=0-0" in page.url and row.locator(".chip.active").count() == 1  # shown as the user's judgement
    page.select_option("#objective", "protection")
    page.wait_for_url(re.compile(r"objective=protection"))
    assert page.locator("#packages-table tbody tr").count() >= 1 and "e_" not in page.url


def test_an_editor_edits_a_risk_in_the_browser_and_the_audit_trail_shows_it(page, register: Path,  # noqa: F811
                                                                             shots: Path) -> None:
    page.goto("/risks?country=TUN")
    assert page.locator("form.edit-risk").count() == 0  # signed out: no forms
    page.click("#login-link")
    page.fill("#username", EDITOR)
    page.fill("#password", PASSWORD)
    page.click("#sign-in")
    page.wait_for_url(re.compile(r"/risks$"))  # back where the user signed in
    page.goto("/risks?country=TUN")
    card = page.locator("#risk-TUN-02")
    card.locator("summary").click()
    card.locator("select[name=status]").select_option("mitigating")
    card.locator("input[name=review_date]").fill("2027-03-31")
    card.locator("input[name=mitigation]").fill("Onafhankelijke monitoring door een ngo")
    card.locator("input[name=note]").fill("na de migratiedialoog")
    card.locator("button.save").click()
    page.wait_for_url(re.compile(r"/risks#risk-TUN-02"))
    assert page.locator("#risk-TUN-02 .risk-status").inner_text() == "mitigating"
    page.goto("/risks")
    _shot(page, shots, "risks")
    risk = next(r for r in load_risks(register) if r.id == "TUN-02")
    assert risk.status == "mitigating" and risk.review_date.isoformat() == "2027-03-31"
    page.goto("/audit?entity=risk")
    row = page.locator("#audit-table tbody tr[data-key='TUN-02']")
    assert row.count() == 1 and row.locator(".actor").inner_text() == EDITOR
    assert "status" in row.locator(".fields").inner_text()
    assert "na de migratiedialoog" in row.inner_text()
    _shot(page, shots, "audit-trail")


def test_the_new_pages_fit_a_phone(browser, server: str) -> None:  # noqa: F811 (fixtures)
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    for path in ("/partnerships", "/partnership/TUN", "/packages/MAR", "/risks", "/budget", "/programmes"):
        phone.goto(path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, path  # no sideways scrolling
    context.close()
