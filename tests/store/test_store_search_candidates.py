"""SQLite search reads only the best-ranked candidates: the hits must be exactly those of ranking every match."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ima.store.search as search_module
from ima.store import Store

WORDS = ["terugkeer", "migratie", "opvang", "regio", "Marokko", "visum", "grens", "samenwerking"]


def _paragraph(draw_words: list[int]) -> str:
    return " ".join(WORDS[i] for i in draw_words) + "."


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.integers(0, len(WORDS) - 1), min_size=1, max_size=6), min_size=3, max_size=25),
       st.sampled_from(["terugkeer", "migratie OR visum", "opvang -grens", '"grens samenwerking"']),
       st.integers(1, 7), st.integers(0, 6), st.booleans())
def test_candidates_give_the_same_hits_as_ranking_every_match(tmp_path_factory, make_doc, paragraphs, query,
                                                              limit, offset, superseded):
    url = f"sqlite:///{tmp_path_factory.mktemp('cand') / 'db.sqlite3'}"
    with Store.open(url) as store:
        if superseded:  # an old version of doc0 whose passages outrank all others, then replaced:
            # its hits fill the best candidates but no longer count
            strong = [f"{w} {w} {w} {v}." for w in WORDS for v in WORDS if v != "grens"] * 2
            store.save(make_doc(["\n\n".join(strong)], source="doc0.txt", date=dt.date(2019, 1, 1)))
        # duplicated texts give equal scores: the cut must keep whole ties
        for copy in range(3):
            text = "\n\n".join(_paragraph(p) for p in paragraphs)
            store.save(make_doc([text], source=f"doc{copy}.txt", date=dt.date(2020, 1, 1 + copy)))
        original = (search_module.CANDIDATE_FACTOR, search_module.CANDIDATE_EXTRA)
        try:
            search_module.CANDIDATE_FACTOR, search_module.CANDIDATE_EXTRA = 1, 0  # the tightest cut
            tight = store.search(query, limit=limit, offset=offset)
            search_module.CANDIDATE_FACTOR, search_module.CANDIDATE_EXTRA = 10**6, 10**6  # every match
            everything = store.search(query, limit=limit, offset=offset)
        finally:
            search_module.CANDIDATE_FACTOR, search_module.CANDIDATE_EXTRA = original
    key = [(h.document_id, h.passage_seq, round(h.score, 9)) for h in tight]
    assert key == [(h.document_id, h.passage_seq, round(h.score, 9)) for h in everything]
