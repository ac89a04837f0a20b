"""``/scenarios``: pick a shipped scenario, run it in the background with progress, compare two runs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response

from ima.web.auth import require_role
from ima.web.csrf import check_csrf
from ima.web.i18n import language_of
from ima.web.jobs import TooBusy
from ima.web.pages import Page, page

router = APIRouter()


def _start(request: Request, kind: str, a: str, b: str | None, seeds: int):
    from ima.services.scenarios import check_run, compare_with_chart, run_with_chart

    lang = language_of(request)
    uploads = request.app.state.scenario_dir
    try:
        check_run(a, seeds, uploads)
        if kind == "compare":
            check_run(b or "", seeds, uploads)
            return request.app.state.jobs.submit(
                "compare", {"a": a, "b": b, "seeds": seeds}, 2 * seeds,
                lambda on_done: compare_with_chart(a, b, seeds, lang, on_done, uploads))
        return request.app.state.jobs.submit("run", {"scenario": a, "seeds": seeds}, seeds,
                                             lambda on_done: run_with_chart(a, seeds, lang, on_done, uploads))
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from None
    except TooBusy as exc:
        raise HTTPException(status_code=429, detail=str(exc)) from None


@page(router, "/scenarios", summary="Shipped route scenarios and the latest runs")
def scenarios(request: Request) -> Page:
    """The catalogue, a form to run or compare, and the runs this server remembers."""
    from ima.services.scenario_uploads import uploaded_scenarios
    from ima.services.scenarios import MAX_SEEDS, shipped_scenarios

    data = {"scenarios": [s.__dict__ for s in shipped_scenarios()], "max_seeds": MAX_SEEDS,
            "uploaded": [u.__dict__ for u in uploaded_scenarios(request.app.state.scenario_dir)],
            "runs": [j.row() for j in request.app.state.jobs.recent()]}
    return Page("scenarios.html", data, title="scenarios")


async def _upload(request: Request, file: UploadFile) -> dict:
    from ima.services.scenario_uploads import MAX_BYTES, save_upload

    require_role(request, "editor")
    data = await file.read(MAX_BYTES + 1)
    try:
        return save_upload(data, file.filename or "scenario.yaml", request.app.state.scenario_dir).__dict__
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from None


@router.post("/scenarios/upload", include_in_schema=False)
async def upload_form(request: Request, file: Annotated[UploadFile, File()],
                      csrf_token: Annotated[str, Form()] = "") -> Response:
    """Keep an uploaded scenario (a variant of a shipped one; editors) and go back to the list."""
    require_role(request, "editor")
    check_csrf(request, csrf_token)
    await _upload(request, file)
    return RedirectResponse("/scenarios", status_code=303)


@router.post("/api/scenarios", status_code=201, summary="Upload a scenario that extends a shipped one (editors)",
             responses={400: {"description": "Not a valid scenario variant"}, 401: {"description": "Not signed in"},
                        403: {"description": "Role too low or missing CSRF token"}})
async def upload_api(request: Request, file: Annotated[UploadFile, File()],
                     csrf_token: Annotated[str | None, Form()] = None) -> JSONResponse:
    """Check and keep the scenario; it can then be run like a shipped one, by its name."""
    require_role(request, "editor")
    check_csrf(request, csrf_token)
    return JSONResponse(await _upload(request, file), status_code=201)


@router.post("/scenarios/run", include_in_schema=False)
def run_form(
    request: Request,
    scenario: Annotated[str, Form(max_length=100)],
    seeds: Annotated[int, Form(ge=1, le=100)] = 2,
    compare_with: Annotated[str, Form(max_length=100)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Start a run (or, with ``compare_with``, a comparison) and go to its page."""
    check_csrf(request, csrf_token)
    job = _start(request, "compare" if compare_with else "run", scenario, compare_with or None, seeds)
    return RedirectResponse(f"/scenarios/runs/{job.id}", status_code=303)


@router.post("/api/scenarios/runs", status_code=202, summary="Start a scenario run (or a comparison with b)",
             responses={400: {"description": "Unknown scenario or seeds out of range"},
                        403: {"description": "Missing CSRF token"}, 429: {"description": "Too many runs waiting"}})
def run_api(
    request: Request,
    scenario: Annotated[str, Form(max_length=100)],
    seeds: Annotated[int, Form(ge=1, le=100)] = 2,
    b: Annotated[str | None, Form(max_length=100)] = None,
    csrf_token: Annotated[str | None, Form()] = None,
) -> JSONResponse:
    """Queue the run; poll its ``url`` + ``.json`` for progress and the result."""
    check_csrf(request, csrf_token)
    job = _start(request, "compare" if b else "run", scenario, b, seeds)
    return JSONResponse(job.row(), status_code=202)


@page(router, "/scenarios/runs/{job_id}", summary="A scenario run: progress, then entry series, destinations "
                                                  "and the chart")
def run_page(request: Request, job_id: str) -> Page:
    """The run's state; finished runs carry their rows and chart."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(status_code=404, detail=f"no run {job_id!r} (runs are kept until the server restarts)")
    return Page("scenario_run.html", {**job.row(), "result": job.result}, title=job.kind)
