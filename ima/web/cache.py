"""A small cache of page data per process: the same search, document or dossier asked again within a
short time, while the record is unchanged, is answered from memory.

Entries are keyed by the record's fingerprint (:func:`ima.store.record_version.record_version`), so an
ingest in this or any other process makes them stale at once; a time limit (``IMA_WEB_CACHE_SECONDS``,
default 60, 0 turns the cache off) bounds what a re-derivation that keeps the fingerprint (``ima reparse``)
can leave stale.

Entries are kept pickled, one ``bytes`` object each, within a byte budget (``IMA_WEB_CACHE_MB``, default
64). Kept as live dicts and lists, a full cache of long documents is hundreds of thousands of objects
that every full garbage collection walks: on 2,000 documents that was a 200 ms pause, felt by whichever
requests were in flight (the p99 of the document pages). A pickled entry is invisible to the collector
and cheap to restore (0.3 ms for a 35-page Kamerstuk, against 6 ms to recompute its page data).
"""

from __future__ import annotations

import logging
import os
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from ima.store.record_version import record_version

ENV = "IMA_WEB_CACHE_SECONDS"
SIZE_ENV = "IMA_WEB_CACHE_MB"
DEFAULT_SECONDS = 60.0
DEFAULT_MB = 64.0
log = logging.getLogger(__name__)


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise ValueError(f"{name} must be a number, not {raw!r}") from None
    if value < 0:
        raise ValueError(f"{name} must not be negative, not {raw!r}")
    return value


class PageCache:
    """Least-recently-used page data with a time limit and a byte budget, safe to share between request
    threads. Values come back as equal copies (restored from their pickle), never the object stored."""

    def __init__(self, seconds: float | None = None, max_bytes: int | None = None) -> None:
        self.seconds = _env_number(ENV, DEFAULT_SECONDS) if seconds is None else seconds
        self.max_bytes = int(_env_number(SIZE_ENV, DEFAULT_MB) * 1024 * 1024) if max_bytes is None else max_bytes
        self._entries: OrderedDict[Hashable, tuple[float, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        """Bytes held by the entries."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, store, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for ``key`` under the record's current fingerprint, else ``compute()``."""
        if self.seconds <= 0 or self.max_bytes <= 0:
            return compute()
        full = (record_version(store), key)
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(full)
            if hit is not None and now - hit[0] < self.seconds:
                self._entries.move_to_end(full)
                blob = hit[1]
            else:
                blob = None
        if blob is not None:
            return pickle.loads(blob)
        value = compute()  # outside the lock: other requests are not held up by a slow one
        try:
            blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:  # a page that cannot be kept is still served
            log.warning("page data for %r not cached: %s", key, exc)
            return value
        if len(blob) <= self.max_bytes:
            self._put(full, now, blob)
        return value

    def _put(self, key: Hashable, now: float, blob: bytes) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[1])
            self._entries[key] = (now, blob)
            self._bytes += len(blob)
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= len(dropped)
