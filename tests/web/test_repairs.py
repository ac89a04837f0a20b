"""Cutting a page into repaired and untouched segments: nothing lost, repairs where the stages said."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ima.web.repairs import Repair, clean_segments, text_segments


def test_raw_segments_mark_removed_and_corrected_spans() -> None:
    raw = "Briefhoofd\nMet Tunesié werken wij samen.\n"
    repairs = [Repair("removed", 0, 11, "Briefhoofd\n", "", "letterhead"),
               Repair("corrected", 15, 22, "Tunesié", "Tunesië", "diacritic")]
    segments = text_segments(raw, 0, repairs)
    assert [(s.text, s.repair.kind if s.repair else None) for s in segments] == [
        ("Briefhoofd\n", "removed"), ("Met ", None), ("Tunesié", "corrected"), (" werken wij samen.\n", None)]


def test_clean_segments_mark_the_result_of_a_repair() -> None:
    repairs = [Repair("corrected", 15, 22, "Tunesié", "Tunesië", "diacritic"),
               Repair("removed", 0, 11, "Briefhoofd\n", "", "letterhead")]
    segments = clean_segments("Met Tunesië werken wij samen.", 11, 41, repairs)
    assert [(s.text, bool(s.repair)) for s in segments] == [("Met ", False), ("Tunesië", True),
                                                            (" werken wij samen.", False)]


def test_repairs_outside_the_passage_are_not_marked() -> None:
    repairs = [Repair("joined", 100, 110, "tegen-", "tegenstelling", "joined")]
    assert [s.repair for s in clean_segments("een tegenstelling", 0, 50, repairs)] == [None]


@st.composite
def page_and_repairs(draw):
    raw = draw(st.text(min_size=1, max_size=200))
    start = draw(st.integers(0, len(raw)))
    end = draw(st.integers(start, len(raw)))
    cuts = sorted(draw(st.lists(st.integers(0, len(raw)), max_size=12)))
    repairs, at = [], 0
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a >= at and b > a:
            repairs.append(Repair(draw(st.sampled_from(["removed", "corrected", "joined"])), a, b, raw[a:b], "x", ""))
            at = b
    return raw, start, end, repairs


@given(page_and_repairs())
def test_raw_segments_cover_the_page_exactly(case) -> None:
    raw, start, end, repairs = case
    segments = text_segments(raw[start:end], start, repairs)
    assert "".join(s.text for s in segments) == raw[start:end]
    assert all(s.text for s in segments)
    for s in segments:
        if s.repair:
            assert s.text == raw[max(s.repair.start, start):min(s.repair.end, end)]


@given(st.text(max_size=100), st.lists(st.text(min_size=1, max_size=5), max_size=5))
def test_clean_segments_keep_the_text(text: str, afters: list[str]) -> None:
    repairs = [Repair("corrected", i, i + 1, "b", a, "") for i, a in enumerate(afters)]
    segments = clean_segments(text, 0, 100, repairs)
    assert "".join(s.text for s in segments) == text
