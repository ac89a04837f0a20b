"""The overlaid-layer defect generator: deterministic, faithful to the extractor's merge."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from ima.ingest.defects import LayerSettings, Run, corpus_sentences, generate, merge_line, render
from ima.ingest.layer_subtract import is_subsequence
from ima.ingest.pages import decode_letter_footer


def test_same_seed_same_document():
    a = generate(LayerSettings(layers=3), random.Random(7))
    b = generate(LayerSettings(layers=3), random.Random(7))
    c = generate(LayerSettings(layers=3), random.Random(8))
    assert a == b
    assert a.text != c.text


def test_source_is_clean_dutch_prose_from_the_corpus():
    sentences = corpus_sentences()
    assert len(sentences) > 300
    assert not any("vergaderjaar" in s or "-\n" in s for s in sentences)


def test_runs_on_one_baseline_interleave_by_x():
    # the corpus' own example: "Postbus 20301" and "Datum" at one margin
    line = merge_line([Run(0, 0, "Postbus 20301", 0), Run(0, 0, "Datum", 1)], random.Random(0), "earlier")
    assert sorted(line.replace(" ", "")) == sorted("Postbus20301Datum")
    assert is_subsequence("Postbus 20301", line) and is_subsequence("Datum", line)
    assert line.startswith("PDoa")


def test_identical_footers_double_every_glyph():
    runs = [Run(45, 30, "Pagina 1 van 8", 0), Run(45, 30, "Pagina 3 van 8", 1)]
    line = render(runs, random.Random(0), ties="earlier")[0]
    assert line == "PPaaggiinnaa  13  vvaann  88"
    assert decode_letter_footer(line, {1}) == (3, 8, 2)


def test_far_apart_runs_are_joined_by_one_space():
    assert merge_line([Run(0, 0, "body text", 0), Run(0, 62, "Datum", 0)], random.Random(0)) == "body text Datum"


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 6), st.sampled_from(["all", "first"]), st.floats(0, 1))
def test_each_chunk_carries_its_layers(seed, layers, mode, coincide):
    doc = generate(LayerSettings(layers=layers, mode=mode, coincide=coincide), random.Random(seed))
    assert len(doc.chunks) == len(doc.truth) == layers
    assert doc.chunks[0] == doc.truth[0]  # the first page has no layer under it
    for k in range(1, layers):
        carried = doc.chunks[k - 1] if mode == "all" else doc.chunks[0]
        # the carried chunk's glyphs are all there, in order, up to same-x ties
        flat = "".join(carried.split())
        here = "".join(doc.chunks[k].split())
        assert len(here) == len(flat) + len("".join(doc.truth[k].split()))
        assert sorted(here) == sorted(flat + "".join(doc.truth[k].split()))
    last = doc.chunks[-1].splitlines()[-1]
    assert last.lstrip().startswith("P" * (layers if mode == "all" else min(layers, 2)))
