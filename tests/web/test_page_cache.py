"""The page cache: answers from memory while the record is unchanged, forgets on ingest, stays within its
byte budget, and never fails a page it cannot keep."""

from __future__ import annotations

import pickle
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ima.services.ingest import IngestSettings, ingest_paths
from ima.store import Store
from ima.web.cache import PageCache
from ima.web.pages import Page


class Counting:
    """A ``compute`` that counts its calls and returns a fresh page each time."""

    def __init__(self, size: int = 10) -> None:
        self.calls = 0
        self.size = size

    def __call__(self) -> Page:
        self.calls += 1
        return Page("document.html", {"text": "x" * self.size, "call": self.calls})


@pytest.fixture
def store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'cache.sqlite3'}") as opened:
        yield opened


def test_a_second_ask_is_answered_from_memory_with_an_equal_copy(store) -> None:
    cache, compute = PageCache(seconds=60), Counting()
    first = cache.get(store, ("document", 1), compute)
    second = cache.get(store, ("document", 1), compute)
    assert compute.calls == 1 and second == first and second is not first
    second.data["text"] = "changed by a caller"  # a caller's change does not reach the next caller
    assert cache.get(store, ("document", 1), compute).data["text"] == "x" * 10


def test_an_ingest_makes_every_entry_stale(store, corpus_dir) -> None:
    cache, compute = PageCache(seconds=60), Counting()
    cache.get(store, "home", compute)
    list(ingest_paths(store, [sorted(corpus_dir.glob("*.txt"))[0]], IngestSettings()))
    assert cache.get(store, "home", compute).data["call"] == 2


def test_entries_expire_and_zero_seconds_turns_the_cache_off(store, monkeypatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr("ima.web.cache.time.monotonic", lambda: clock[0])
    cache, compute = PageCache(seconds=60), Counting()
    cache.get(store, "k", compute)
    clock[0] += 59
    cache.get(store, "k", compute)
    clock[0] += 2
    cache.get(store, "k", compute)
    assert compute.calls == 2
    off, counted = PageCache(seconds=0), Counting()
    off.get(store, "k", counted), off.get(store, "k", counted)
    assert counted.calls == 2 and len(off) == 0


def test_a_value_that_cannot_be_pickled_is_served_and_not_kept(store, caplog) -> None:
    cache = PageCache(seconds=60)
    lock = threading.Lock()
    value = cache.get(store, "k", lambda: {"lock": lock})
    assert value["lock"] is lock and len(cache) == 0 and "not cached" in caplog.text


def test_an_entry_larger_than_the_budget_is_not_kept(store) -> None:
    cache = PageCache(seconds=60, max_bytes=1000)
    big = Counting(size=5000)
    cache.get(store, "big", big), cache.get(store, "big", big)
    assert big.calls == 2 and len(cache) == 0 and cache.size == 0


@pytest.mark.parametrize(("name", "value", "message"), [
    ("IMA_WEB_CACHE_SECONDS", "a minute", "must be a number"),
    ("IMA_WEB_CACHE_MB", "-5", "must not be negative"),
])
def test_bad_settings_are_refused_with_their_name(monkeypatch, name, value, message) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=f"{name} {message}"):
        PageCache()


def test_the_budget_comes_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("IMA_WEB_CACHE_MB", "1.5")
    assert PageCache().max_bytes == 1536 * 1024


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 3000)), max_size=60), st.integers(500, 8000))
def test_the_cache_holds_the_most_recent_entries_that_fit_the_budget(tmp_path_factory, asks, budget) -> None:
    """Against a model: an LRU list of (key, size) trimmed from the oldest end to the byte budget."""
    with Store.open(f"sqlite:///{tmp_path_factory.mktemp('lru') / 'c.sqlite3'}") as store:
        cache = PageCache(seconds=3600, max_bytes=budget)
        model: list[tuple[int, int, int]] = []  # oldest first: (key, pickled size, size asked first)
        for key, size in asks:
            value = {"key": key, "size": size, "fill": "y" * size}
            got = cache.get(store, key, lambda v=value: v)
            entry = next((e for e in model if e[0] == key), None)
            if entry is not None:  # a hit returns what was kept, and makes it the most recent
                assert got["size"] == entry[2]
                model.remove(entry)
                model.append(entry)
                assert got == cache.get(store, key, lambda: pytest.fail("computed again"))
                continue
            assert got is value
            blob = len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            if blob <= budget:
                model.append((key, blob, size))
                while sum(e[1] for e in model) > budget:
                    model.pop(0)
            assert cache.size == sum(e[1] for e in model) <= budget
            assert len(cache) == len(model)
