"""What the report service gathers for a year: the right documents, passages, figures and countries."""

from __future__ import annotations

import pytest

from ima.services.report import build_year_report, report_years
from ima.services.report_focus import NOT_THIRD_COUNTRIES


def test_years_and_documents_of_the_year(report_store, report_nl) -> None:
    assert report_years(report_store) == [2020, 2021]
    assert [d.date.year for d in report_nl.documents] == [2020]
    assert report_nl.documents[0].kenmerk == "2971694"
    assert report_nl.passages_total > 10 and 0 <= report_nl.unclassified < report_nl.passages_total


def test_a_year_without_documents_names_the_years_that_have_some(report_store) -> None:
    with pytest.raises(ValueError, match=r"no documents dated in 2019; years with documents: 2020, 2021"):
        build_year_report(report_store, 2019)


def test_pillar_sections_hold_only_their_pillars_passages(report_store, report_nl) -> None:
    pillars = report_store.passage_pillars([d.id for d in report_nl.documents])
    assert [s.number for s in report_nl.sections] == [1, 2, 3, 4, 5, 6]
    for section in report_nl.sections:
        classified = [key for key, numbers in pillars.items() if section.number in numbers]
        assert section.passage_count == len(classified)
        assert len(section.quotes) <= min(report_nl.max_quotes, section.passage_count)
        for item in (*section.quotes, *section.figures, *section.motions, *section.commitments):
            key = (item.citation.document.id, item.citation.passage_seq)
            assert section.number in pillars[key], (section.number, key)
    assert sum(len(s.figures) for s in report_nl.sections) > 0
    assert any(s.passage_count == 0 and not s.quotes for s in report_nl.sections)  # 2020 says nothing on pillar 6


def test_countries_counted_by_passages(report_nl) -> None:
    section = max(report_nl.sections, key=lambda s: len(s.countries))
    passages = [c.passages for c in section.countries]
    assert passages == sorted(passages, reverse=True)
    assert all(c.mentions >= c.passages >= 1 for c in section.countries)
    assert "MAR" in {c.code for s in report_nl.sections for c in s.countries}


def test_focus_annex_follows_the_ranking_of_the_year(report_nl) -> None:
    assert report_nl.focus_basis == "ranking"
    assert [a.rank for a in report_nl.annexes] == [1, 2, 3, 4, 5]
    scores = [a.score for a in report_nl.annexes]
    assert scores == sorted(scores, reverse=True)
    for annex in report_nl.annexes:
        assert annex.ranked_of >= 5 and annex.code not in NOT_THIRD_COUNTRIES
        assert annex.indicators and all(i.year is None or i.year <= 2020 for i in annex.indicators)
        assert all(i.source for i in annex.indicators)
        assert len(annex.pillar_passages) == 6
        for q in annex.quotes:
            assert q.citation.document in report_nl.documents


def test_focus_annex_without_ranking_takes_named_third_countries(report_store, monkeypatch) -> None:
    import ima.services.report_focus as focus

    monkeypatch.setattr(focus, "_ranked", lambda year, lang: None)
    report = build_year_report(report_store, 2020, max_quotes=0)
    assert report.focus_basis == "mentions"
    codes = [a.code for a in report.annexes]
    assert len(codes) == 5 and not set(codes) & NOT_THIRD_COUNTRIES
    assert {"TUR", "MAR"} <= set(codes)
    mentions = [a.mentions for a in report.annexes]
    assert all(a.rank is None for a in report.annexes) and mentions[0] >= mentions[-1] >= 1


def test_limits_and_language(report_store) -> None:
    report = build_year_report(report_store, 2021, "en", max_quotes=1, focus_count=0)
    assert report.annexes == () and all(len(s.quotes) <= 1 for s in report.sections)
    assert report.sections[0].title == "Prevent irregular migration"
    steps: list[str] = []
    build_year_report(report_store, 2021, focus_count=1, progress=steps.append)
    assert steps == ["record", "pillars", "countries"]
    with pytest.raises(ValueError, match="--countries"):
        build_year_report(report_store, 2021, focus_count=99)


def test_a_year_with_a_bare_letter_still_makes_a_whole_report(tmp_path) -> None:
    from ima.report import render_html
    from ima.services.ingest import IngestSettings, ingest_paths
    from ima.store import Store

    letter = tmp_path / "brief.txt"
    letter.write_text("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDatum 3 maart 2019\n"
                      "Betreft Korte brief\n\nGeachte voorzitter,\n\nHierbij informeer ik u kort.\n\nHoogachtend,\n",
                      encoding="utf-8")
    with Store.open(f"sqlite:///{tmp_path / 'ima.sqlite3'}") as store:
        assert [o.document_id for o in ingest_paths(store, [letter], IngestSettings())] == [1]
        report = build_year_report(store, 2019, focus_count=0)
    assert report.focus_basis == "none" and report.annexes == ()
    assert all(not s.quotes and not s.figures for s in report.sections)
    html = render_html(report)
    assert html.count("geen passages over deze pijler") == 6 and "geen landenbijlagen" in html
