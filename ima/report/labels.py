"""The report's words in Dutch (default) and English, and how it writes dates and numbers.

One small catalogue instead of gettext files: the report has a few dozen
labels, and keeping both languages side by side keeps them in step.
"""

from __future__ import annotations

import datetime as dt

from ima.domain.pillars import pillar

LANGUAGES = ("nl", "en")

_LABELS: dict[str, tuple[str, str]] = {
    # key: (Dutch, English)
    "title": ("Voortgangsrapportage Integrale Migratieagenda", "Progress report on the Integrated Migration Agenda"),
    "subtitle": ("Wat het record zegt over {year}, per pijler", "What the record says about {year}, per pillar"),
    "disclaimer": ("Dit is geen officiële publicatie van de Rijksoverheid. Het rapport is automatisch samengesteld "
                   "door ima uit de documenten in het record; elke uitspraak verwijst naar de bron, met document en "
                   "pagina.",
                   "This is not an official publication of the Dutch government. The report was compiled "
                   "automatically by ima from the documents in the record; every statement cites its source, "
                   "with document and page."),
    "generated": ("Samengesteld op {date}", "Compiled on {date}"),
    "based_on": ("Op basis van {n} document(en) uit {year}", "Based on {n} document(s) from {year}"),
    "contents": ("Inhoud", "Contents"),
    "introduction": ("Inleiding", "Introduction"),
    "intro_text": ("Dit rapport brengt per pijler van de Integrale Migratieagenda bijeen wat het record over {year} "
                   "vermeldt: passages uit de documenten van dat jaar, de cijfers die erin staan, de landen die "
                   "worden genoemd en de moties en toezeggingen. Het record omvat {docs} document(en) met datum in "
                   "{year}, met {passages} passages; {classified} daarvan zijn aan ten minste één pijler "
                   "toegekend.",
                   "This report brings together, per pillar of the Integrated Migration Agenda, what the record "
                   "holds about {year}: passages from that year's documents, the figures they give, the countries "
                   "they name, and the motions and commitments. The record holds {docs} document(s) dated in "
                   "{year}, with {passages} passages; {classified} of them are assigned to at least one pillar."),
    "intro_method": ("Hoe de passages zijn gekozen en wat de cijfers wel en niet zeggen, staat in bijlage C.",
                     "How the passages were chosen and what the figures do and do not say is set out in annex C."),
    "summary": ("Samenvatting per pijler", "Summary per pillar"),
    "pillar_col": ("Pijler", "Pillar"),
    "countries_most": ("Meest genoemde landen", "Countries named most"),
    "documents_of_year": ("Documenten van {year}", "Documents of {year}"),
    "pillar": ("Pijler {n}", "Pillar {n}"),
    "what_happened": ("Wat het record vermeldt", "What the record says"),
    "quotes_shown": ("{shown} van de {total} passages over deze pijler, gekozen op cijfers, landen en moties.",
                     "{shown} of the {total} passages about this pillar, chosen for figures, countries and motions."),
    "no_passages": ("Het record bevat over {year} geen passages over deze pijler.",
                    "The record holds no passages about this pillar for {year}."),
    "figures": ("Cijfers", "Figures"),
    "no_figures": ("Geen cijfers in de passages over deze pijler.", "No figures in the passages about this pillar."),
    "countries": ("Betrokken landen en regio's", "Countries and regions involved"),
    "no_countries": ("Geen landen genoemd.", "No countries named."),
    "motions": ("Moties", "Motions"),
    "commitments": ("Toezeggingen", "Commitments"),
    "motions_commitments": ("Moties en toezeggingen", "Motions and commitments"),
    "no_motions": ("Geen moties genoemd.", "No motions mentioned."),
    "no_commitments": ("Geen toezeggingen gevonden.", "No commitments found."),
    "overview_mc": ("Overzicht moties en toezeggingen", "Overview of motions and commitments"),
    "overview_mc_text": ("Alle moties en toezeggingen in de documenten van {year}, met de status die het record "
                         "geeft en de pijler(s) van de passage.",
                         "All motions and commitments in the documents of {year}, with the status the record gives "
                         "and the pillar(s) of the passage."),
    "annexes": ("Bijlagen", "Annexes"),
    "annex": ("Bijlage", "Annex"),
    "focus_countries": ("Focuslanden", "Focus countries"),
    "focus_by_ranking": ("De landen staan in volgorde van de focuslandenranking van ima (de eerste {n}).",
                         "The countries follow ima's focus-country ranking (the first {n})."),
    "focus_by_mentions": ("Er is (nog) geen focuslandenranking berekend; de bijlage toont de {n} landen die het "
                          "vaakst in de documenten van {year} worden genoemd.",
                          "No focus-country ranking has been computed (yet); the annex shows the {n} countries "
                          "named most often in the documents of {year}."),
    "focus_none": ("Deze uitgave bevat geen landenbijlagen.", "This edition has no country annexes."),
    "rank": ("Positie in de ranking", "Rank"),
    "rank_value": ("{rank} van {of}", "{rank} of {of}"),
    "score": ("Score", "Score"),
    "indicators": ("Indicatoren", "Indicators"),
    "indicator": ("Indicator", "Indicator"),
    "year": ("jaar", "year"),
    "no_country_passages": ("De documenten van {year} noemen dit land niet.",
                            "The documents of {year} do not name this country."),
    "no_indicators": ("Geen indicatoren beschikbaar.", "No indicators available."),
    "mentions": ("Vermeldingen in {year}", "Mentions in {year}"),
    "passages_per_pillar": ("Passages per pijler", "Passages per pillar"),
    "sources": ("Bronnen", "Sources"),
    "sources_text": ("De documenten waaruit dit rapport citeert. Paginanummers zijn de gedrukte nummers van het "
                     "document; ~ betekent geschat.",
                     "The documents this report quotes. Page numbers are the document's printed numbers; "
                     "~ means estimated."),
    "method": ("Verantwoording", "Method"),
    "method_text": ("Een document hoort bij {year} als het in {year} gedateerd is. Passages zijn bij het inlezen aan "
                    "pijlers toegekend met een gewogen lexicon; een passage kan bij meer pijlers horen. Per pijler "
                    "worden ten hoogste {limit} passages geciteerd, bij voorkeur passages met cijfers, landen, "
                    "moties of toezeggingen. Cijfers, landen, moties en toezeggingen zijn automatisch uit de tekst "
                    "gehaald; de status van een motie is de status die de tekst noemt. Een cijfer kan dus "
                    "onvolledig zijn of in een andere context staan: de voetnoot wijst de zin en pagina aan.",
                    "A document belongs to {year} when it is dated in {year}. Passages were assigned to pillars at "
                    "ingestion by a weighted lexicon; a passage may belong to several pillars. Per pillar at most "
                    "{limit} passages are quoted, preferring passages with figures, countries, motions or "
                    "commitments. Figures, countries, motions and commitments were extracted from the text "
                    "automatically; a motion's status is the status the text gives. A figure may therefore be "
                    "incomplete or stand in another context: the footnote points to the sentence and page."),
    "notes": ("Noten", "Notes"),
    "back": ("terug naar de tekst", "back to the text"),
    "short_source": ("{kind} van {date}", "{kind} of {date}"),
    "page": ("p.", "p."),
    "page_estimated": ("p. ~{n}", "p. ~{n}"),
    "document": ("Document", "Document"),
    "date": ("Datum", "Date"),
    "kind": ("Soort", "Kind"),
    "title_col": ("Titel", "Title"),
    "kenmerk": ("Kenmerk", "Reference"),
    "kamerstuk": ("Kamerstuk", "Parliamentary paper"),
    "pages": ("Pagina's", "Pages"),
    "file": ("Bestand", "File"),
    "value": ("Waarde", "Value"),
    "as_written": ("Zoals geschreven", "As written"),
    "sentence": ("Zin", "Sentence"),
    "country": ("Land", "Country"),
    "code": ("Code", "Code"),
    "passages": ("Passages", "Passages"),
    "motion": ("Motie", "Motion"),
    "submitters": ("Indieners", "Submitters"),
    "status": ("Status", "Status"),
    "subject": ("Onderwerp", "Subject"),
    "commitment": ("Toezegging", "Commitment"),
    "due": ("Wanneer", "When"),
    "pillars": ("Pijler(s)", "Pillar(s)"),
    "source": ("Bron", "Source"),
    "unknown": ("onbekend", "unknown"),
    "page_of": ("Pagina {page} van {pages}", "Page {page} of {pages}"),
    "open_in_app": ("bekijk in ima", "view in ima"),
    "chart_pillars": ("Passages en cijfers per pijler, {year}", "Passages and figures per pillar, {year}"),
    "chart_countries": ("Meest genoemde landen en regio's", "Countries and regions named most"),
    "chart_country_pillars": ("Passages over {name} per pijler, {year}", "Passages about {name} per pillar, {year}"),
    "chart_indicators": ("Indicatoren van {name}", "Indicators of {name}"),
    "figures_count": ("Cijfers", "Figures"),
}

_STATUS: dict[str, tuple[str, str]] = {
    "made": ("toegezegd", "made"), "recalled": ("eerder toegezegd", "recalled"),
    "fulfilled": ("nagekomen", "fulfilled"), "aangenomen": ("aangenomen", "adopted"),
    "verworpen": ("verworpen", "rejected"), "ingediend": ("ingediend", "submitted"),
    "gewijzigd": ("gewijzigd", "amended"), "aangehouden": ("aangehouden", "held over"),
    "ingetrokken": ("ingetrokken", "withdrawn"), "uitgevoerd": ("uitgevoerd", "carried out"),
    None: ("niet vermeld", "not stated"),
}

_COMMITMENT_KINDS: dict[str, tuple[str, str]] = {
    "inform parliament": ("Kamer informeren", "inform parliament"),
    "report yearly": ("jaarlijks rapporteren", "report yearly"),
    "report periodically": ("periodiek rapporteren", "report periodically"),
    "do": ("uitvoeren", "act"),
}

_DOCUMENT_KINDS: dict[str, tuple[str, str]] = {
    "letter": ("brief", "letter"), "parliamentary_paper": ("Kamerstuk", "parliamentary paper"),
    "other": ("overig", "other"),
}

_UNITS: dict[str, tuple[str, str]] = {
    "persons": ("personen", "persons"), "decisions": ("beslissingen", "decisions"), "USD (current)": ("USD", "USD"),
    "EUR": ("EUR", "EUR"),
}

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def check_language(lang: str) -> str:
    """``lang`` if the report speaks it, else a clear error."""
    if lang not in LANGUAGES:
        raise ValueError(f"--lang must be nl or en, not {lang!r}")
    return lang


class Labels:
    """The labels and formats of one language; ``labels("title")`` or ``labels("pillar", n=2)``."""

    def __init__(self, lang: str) -> None:
        self.lang = check_language(lang)
        self._index = LANGUAGES.index(lang)

    def __call__(self, key: str, **values: object) -> str:
        text = _LABELS[key][self._index]
        return text.format(**values) if values else text

    def pillar_title(self, number: int) -> str:
        """The pillar's title in this language."""
        p = pillar(number)
        return p.name_nl if self.lang == "nl" else p.name_en

    def status(self, status: str | None) -> str:
        """A motion's or commitment's status in this language (as written when unknown)."""
        pair = _STATUS.get(status)
        return pair[self._index] if pair else str(status)

    def commitment_kind(self, kind: str) -> str:
        """What kind of commitment, in this language."""
        pair = _COMMITMENT_KINDS.get(kind)
        return pair[self._index] if pair else kind

    def document_kind(self, kind: str) -> str:
        """A document kind in this language."""
        pair = _DOCUMENT_KINDS.get(kind)
        return pair[self._index] if pair else kind.replace("_", " ")

    def indicator(self, value: float | None, unit: str | None) -> str:
        """An indicator value: shares as percentages, yes/no as words, large counts grouped."""
        if value is None:
            return "–"
        if unit == "share":
            return f"{self.number(round(value * 100, 1))}%"
        if unit == "yes/no":
            return ("ja" if value else "nee") if self.lang == "nl" else ("yes" if value else "no")
        if unit and unit.startswith("USD") and abs(value) >= 1e6:
            return self.amount(value, "USD")
        shown = self.number(round(value) if abs(value) >= 100 else round(value, 2))
        pair = _UNITS.get(unit or "")
        return f"{shown} {pair[self._index] if pair else unit or ''}".strip()

    def date(self, value: dt.date | None) -> str:
        """``10 juli 2020`` / ``10 July 2020``; 'unknown' for no date."""
        if value is None:
            return self("unknown")
        return f"{value.day} {_MONTHS[self.lang][value.month - 1]} {value.year}"

    def number(self, value: float) -> str:
        """A number with the language's digit grouping (1.750 / 1,750) and decimal sign."""
        if float(value).is_integer():
            text = f"{value:,.0f}"
        else:
            text = f"{value:,.2f}".rstrip("0").rstrip(".")
        if self.lang == "nl":
            text = text.translate(str.maketrans(",.", ".,"))
        return text

    def amount(self, value: float, currency: str | None) -> str:
        """Money the way a ministry writes it: ``EUR 140 miljoen`` / ``EUR 140 million``."""
        words = (("miljard", "billion", 1e9), ("miljoen", "million", 1e6))
        for nl, en, scale in words:
            if abs(value) >= scale:
                return f"{currency or ''} {self.number(round(value / scale, 2))} {nl if self.lang == 'nl' else en}".strip()
        return f"{currency or ''} {self.number(value)}".strip()
