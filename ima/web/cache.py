"""A small cache of page data per process: the same search or dossier asked again within a short time,
while the record is unchanged, is answered from memory.

Entries are keyed by the record's fingerprint (:func:`ima.store.record_version.record_version`), so an
ingest in this or any other process makes them stale at once; a time limit (``IMA_WEB_CACHE_SECONDS``,
default 60, 0 turns the cache off) bounds what a re-derivation that keeps the fingerprint (``ima reparse``)
can leave stale.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from ima.store.record_version import record_version

ENV = "IMA_WEB_CACHE_SECONDS"
DEFAULT_SECONDS = 60.0
MAX_ENTRIES = 512


class PageCache:
    """Least-recently-used page data with a time limit, safe to share between request threads."""

    def __init__(self, seconds: float | None = None, max_entries: int = MAX_ENTRIES) -> None:
        if seconds is None:
            raw = os.environ.get(ENV)
            try:
                seconds = float(raw) if raw else DEFAULT_SECONDS
            except ValueError:
                raise ValueError(f"{ENV} must be a number of seconds, not {raw!r}") from None
        self.seconds = seconds
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for ``key`` under the record's current fingerprint, else ``compute()``."""
        if self.seconds <= 0:
            return compute()
        full = (record_version(store), key)
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(full)
            if hit is not None and now - hit[0] < self.seconds:
                self._entries.move_to_end(full)
                return hit[1]
        value = compute()  # outside the lock: other requests are not held up by a slow one
        with self._lock:
            self._entries[full] = (now, value)
            self._entries.move_to_end(full)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value
