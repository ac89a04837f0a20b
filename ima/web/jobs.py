"""Background jobs of the web app (scenario runs): one at a time in a worker thread, with progress.

Jobs live in the memory of the server process: they survive no restart, which is fine for runs that
take seconds to minutes and whose results can be recomputed from the same seeds.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

MAX_WAITING = 3  # queued or running; more is refused (429) so a busy server is not buried
KEPT = 50  # finished jobs remembered


class TooBusy(RuntimeError):
    """Too many jobs are waiting; try again later."""


@dataclass
class Job:
    """One background job: what it is, how far it got, and its result or error."""

    id: str
    kind: str
    params: dict[str, Any]
    total: int
    status: str = "queued"  # queued, running, finished, failed
    done: int = 0
    result: dict | None = None
    error: str | None = None
    created: float = field(default_factory=time.time)

    def row(self) -> dict:
        """The job as JSON-ready data."""
        return {"id": self.id, "kind": self.kind, "params": self.params, "status": self.status, "done": self.done,
                "total": self.total, "error": self.error, "url": f"/scenarios/runs/{self.id}"}


class JobRunner:
    """Runs jobs one at a time (the simulations use the CPU fully) and remembers the latest ones."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None  # started with the first job (again after a shutdown)
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def submit(self, kind: str, params: dict[str, Any], total: int,
               work: Callable[[Callable[[int], None]], dict]) -> Job:
        """Queue ``work(on_done)``; ``on_done(n)`` reports n finished steps of ``total``."""
        with self._lock:
            waiting = sum(j.status in ("queued", "running") for j in self._jobs.values())
            if waiting >= MAX_WAITING:
                raise TooBusy(f"{waiting} runs are waiting already; try again when one has finished")
            job = Job(secrets.token_hex(6), kind, params, total)
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT:
                self._jobs.popitem(last=False)
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ima-job")
            self._pool.submit(self._run, job, work)
        return job

    def _run(self, job: Job, work: Callable[[Callable[[int], None]], dict]) -> None:
        job.status = "running"

        def on_done(n: int = 1) -> None:
            job.done = min(job.total, job.done + n)

        try:
            job.result = work(on_done)
            job.done = job.total
            job.status = "finished"
        except Exception as exc:  # a failed run is reported on its page, never a crashed server
            job.error = str(exc) or type(exc).__name__
            job.status = "failed"

    def get(self, job_id: str) -> Job | None:
        """The job with this id, if it is still remembered."""
        return self._jobs.get(job_id)

    def recent(self) -> list[Job]:
        """Remembered jobs, newest first."""
        return list(reversed(self._jobs.values()))

    def shutdown(self) -> None:
        """Cancel queued jobs (a running one finishes in its thread); a later job starts a new thread."""
        with self._lock:
            pool, self._pool = self._pool, None
            for job in self._jobs.values():
                if job.status == "queued":
                    job.status, job.error = "failed", "the server stopped before the run started"
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
