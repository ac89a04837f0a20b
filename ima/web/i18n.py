"""The words of the web app in Dutch (default) and English; the choice travels in ``?lang=`` and a cookie."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
COOKIE = "ima_lang"

# key: (Dutch, English). One row per message, so a missing translation cannot happen.
WORDS: dict[str, tuple[str, str]] = {
    "app": ("ima — Integrale Migratieagenda", "ima — Integrated Migration Agenda"),
    "home": ("Start", "Home"),
    "kind_letter": ("brief", "letter"), "kind_parliamentary_paper": ("Kamerstuk", "parliamentary paper"),
    "kind_other": ("overig", "other"),
    "rank_history": ("Plaats in de focuslandenrangschikking per jaar", "Place in the focus-country ranking by year"),
    "search": ("Zoeken", "Search"),
    "documents": ("Documenten", "Documents"),
    "countries": ("Landen", "Countries"),
    "pillars": ("Pijlers", "Pillars"),
    "ranking": ("Rangschikking", "Ranking"),
    "eu": ("EU-solidariteit", "EU solidarity"),
    "scenarios": ("Scenario's", "Scenarios"),
    "sign_in": ("Inloggen", "Sign in"),
    "sign_out": ("Uitloggen", "Sign out"),
    "upload": ("Document toevoegen", "Add a document"),
    "username": ("Gebruikersnaam", "User name"),
    "password": ("Wachtwoord", "Password"),
    "signed_in_as": ("Ingelogd als", "Signed in as"),
    "bad_login": ("Onbekende gebruiker of verkeerd wachtwoord.", "Unknown user or wrong password."),
    "query": ("Zoekterm", "Search terms"),
    "kind": ("Soort", "Kind"),
    "country": ("Land", "Country"),
    "pillar": ("Pijler", "Pillar"),
    "party": ("Partij", "Party"),
    "from": ("Vanaf", "From"),
    "to": ("Tot en met", "Up to"),
    "any": ("alle", "any"),
    "hits": ("treffers", "hits"),
    "no_hits": ("Geen treffers.", "No hits."),
    "page": ("Pagina", "Page"),
    "estimated": ("geschat", "estimated"),
    "next": ("Volgende", "Next"),
    "previous": ("Vorige", "Previous"),
    "date": ("Datum", "Date"),
    "title": ("Titel", "Title"),
    "pages": ("Pagina's", "Pages"),
    "clean": ("Schone tekst", "Clean text"),
    "raw": ("Ruwe extractie", "Raw extraction"),
    "toggle_raw": ("Toon ruwe extractie ernaast", "Show raw extraction side by side"),
    "toggle_clean": ("Alleen schone tekst", "Clean text only"),
    "repairs": ("Reparaties", "Repairs"),
    "removed": ("verwijderd", "removed"),
    "corrected": ("gecorrigeerd", "corrected"),
    "joined": ("samengevoegd", "joined"),
    "metadata": ("Gegevens", "Metadata"),
    "footnotes": ("Voetnoten", "Footnotes"),
    "figures": ("Cijfers", "Figures"),
    "motions": ("Moties", "Motions"),
    "commitments": ("Toezeggingen", "Commitments"),
    "permalink": ("Permalink", "Permalink"),
    "passages": ("Passages", "Passages"),
    "recent": ("Recente documenten", "Recent documents"),
    "record": ("Het archief", "The record"),
    "intro": ("Zoek in wat de regering schreef en toezegde over internationale migratiesamenwerking, per land en per pijler, met de bron bij elke passage.",
               "Search what the government wrote and promised about international migration cooperation, by country and by pillar, with the source of every passage."),
    "no_pillar": ("geen pijler", "no pillar"),
    "map": ("Kaart", "Map"),
    "subject": ("Onderwerp", "Subject"),
    "kenmerk": ("Kenmerk", "Reference"),
    "addressee": ("Aan", "To"),
    "version": ("Versie", "Version"),
    "source": ("Bron", "Source"),
    "year": ("Jaar", "Year"),
    "undated": ("zonder datum", "undated"),
    "waits_for": ("Deze pagina wacht op de dienst", "This page waits for the service"),
    "not_yet": ("Nog niet beschikbaar", "Not available yet"),
    "file": ("Bestand", "File"),
    "ingest": ("Inlezen", "Ingest"),
    "ingested": ("Ingelezen", "Ingested"),
    "status": ("Status", "Status"),
    "language": ("English", "Nederlands"),
    "error": ("Fout", "Error"),
    "search_button": ("Zoek", "Search"),
    "focus": ("Focuslanden", "Focus countries"),
    "by_year": ("Per jaar", "By year"),
    "about": ("over", "about"),
    "all_pillars": ("Alle pijlers", "All pillars"),
    "role": ("Rol", "Role"),
    "read_only": ("Alleen lezen: log in als redacteur om documenten toe te voegen.",
                   "Read-only: sign in as an editor to add documents."),
    "ranking_note": ("Schuif met de gewichten: de rangschikking volgt direct.",
                      "Move the weights: the ranking follows at once."),
    "samples": ("gewichtsteekproeven", "weight samples"),
    "score": ("Score", "Score"),
    "parts": ("Opbouw", "Parts"),
    "top_share": ("Kans in top", "Chance in top"),
    "rank_range": ("Rang (5–95%)", "Rank (5–95%)"),
    "why": ("waarom", "why"),
    "relocations": ("Herplaatsingen", "Relocations"),
    "euros": ("Euro's", "Euros"),
    "combine": ("Optellen", "Combine"),
    "combine_or": ("of (één inspanning)", "or (one effort)"),
    "combine_and": ("en (bovenop elkaar)", "and (on top of each other)"),
    "pledges": ("Toezeggingen", "Pledges"),
    "compute": ("Bereken", "Compute"),
    "pool_value": ("waarde van de pool", "value of the pool"),
    "pledged": ("Toegezegd", "Pledged"),
    "offsets_open": ("compensaties mogelijk", "offsets open"),
    "key": ("Sleutel", "Key"),
    "coverage": ("Gedekt", "Covered"),
    "routes": ("Routes", "Routes"),
    "detections": ("detecties van onderdanen", "detections of nationals"),
    "dead_missing": ("doden en vermisten", "dead and missing"),
    "map_source": ("Kaart: doden en vermisten op deze routes, IOM Missing Migrants Project 2014–2024.",
                    "Map: dead and missing on these routes, IOM Missing Migrants Project 2014–2024."),
    "role_entry": ("binnenkomst", "entry"),
    "role_departure": ("vertrek", "departure"),
    "role_transit": ("transit", "transit"),
    "indicators": ("Indicatoren", "Indicators"),
    "indicator": ("Indicator", "Indicator"),
    "value": ("Waarde", "Value"),
    "trend": ("Trend", "Trend"),
    "returns": ("Terugkeersamenwerking", "Return cooperation"),
    "returned": ("teruggekeerd", "returned"),
    "scenario": ("Scenario", "Scenario"),
    "compare_with": ("Vergelijk met", "Compare with"),
    "seeds": ("Seeds", "Seeds"),
    "run": ("Start", "Run"),
    "runs": ("Runs", "Runs"),
    "upload_button": ("Uploaden", "Upload"),
    "uploaded_scenarios": ("Geüploade scenario's", "Uploaded scenarios"),
    "extends": ("variant van", "extends"),
    "upload_scenario": ("Scenario uploaden (YAML)", "Upload a scenario (YAML)"),
    "upload_scenario_help": ("Een variant van een meegeleverd scenario: extends, name, title, period, "
                             "parameters, settings en levers.",
                             "A variant of a shipped scenario: extends, name, title, period, parameters, "
                             "settings and levers."),
    "status_queued": ("in de wachtrij", "queued"),
    "status_running": ("bezig", "running"),
    "status_finished": ("klaar", "finished"),
    "status_failed": ("mislukt", "failed"),
    "series": ("Binnenkomst", "Entry"),
    "simulated": ("Gesimuleerd", "Simulated"),
    "observed": ("Waargenomen", "Observed"),
}
MESSAGES: dict[str, dict[str, str]] = {lang: {key: pair[i] for key, pair in WORDS.items()}
                                       for i, lang in enumerate(LANGUAGES)}


def language_of(request: Request) -> str:
    """``?lang=`` if valid, else the cookie, else Dutch."""
    for candidate in (request.query_params.get("lang"), request.cookies.get(COOKIE)):
        if candidate in LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


def translator(lang: str) -> Callable[[str], str]:
    """``t(key)``: the message in ``lang`` (the key itself when a message is missing, so gaps show)."""
    messages = MESSAGES.get(lang, MESSAGES[DEFAULT_LANGUAGE])
    return lambda key: messages.get(key, key)
