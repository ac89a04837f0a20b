"""Words of the partnership, risk, budget, programme and audit pages, Dutch (default) and English.

Kept apart from :mod:`ima.web.i18n` (the shared words) so these pages can grow without touching it;
templates get them as ``w(key)`` next to the shared ``t(key)``.
"""

from __future__ import annotations

from collections.abc import Callable

from ima.web.i18n import DEFAULT_LANGUAGE

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "partnership": "Partnerschap", "partnerships": "Partnerschappen", "state": "Stand van samenwerking",
        "history": "Verloop", "agreements": "Akkoorden en afspraken", "interests": "Andere belangen",
        "timeline": "Tijdlijn", "risks": "Risico's", "risk_register": "Risicoregister (do no harm)",
        "in_use": "Instrumenten in gebruik", "passages": "Passages in het dossier",
        "attributes": "Feiten voor de regels",
        "packages": "Pakketbouwer", "objective": "Doel", "mode": "Modus", "weights": "Gewichten",
        "weights_note": "Schuif met de gewichten: de pakketten worden direct opnieuw gerangschikt.",
        "effect": "Effect (oordeel)", "cost": "Kosten", "index": "Index", "first_top": "Eerste / top",
        "ranks": "Rangen (5–95%)", "judgements": "Effectoordelen", "judgements_note":
            "Oordelen op een schaal van 0 tot 3, geen metingen. Pas ze aan: de rangschikking volgt.",
        "default": "standaard", "yours": "eigen oordeel", "low": "laag", "high": "hoog",
        "excluded": "Niet bruikbaar", "sensitivity": "Gevoeligheid",
        "stability": "Pakket 1 blijft eerste in {share} van {draws} trekkingen binnen de bandbreedtes van de "
                     "effectoordelen.",
        "candidates": "toegestane pakketten", "explanation": "Uitleg", "reset": "Standaard",
        "heat_map": "Warmtekaart", "likelihood": "Kans", "impact": "Impact", "flags": "Signalen",
        "overdue": "herziening te laat", "unmitigated": "hoog, zonder maatregel", "only_overdue": "Alleen te laat",
        "only_high": "Alleen hoog", "include_closed": "Ook gesloten", "filter": "Filter", "owner": "Eigenaar",
        "review": "Herziening", "mitigations": "Maatregelen", "evidence": "Onderbouwing", "edit": "Wijzigen",
        "add_mitigation": "Maatregel toevoegen", "note": "Toelichting", "save": "Opslaan",
        "edit_note": "Wijzigingen komen in het auditspoor met uw naam.",
        "sign_in_to_edit": "Log in als redacteur om risico's bij te werken.",
        "risk_count": "{n} risico('s); {overdue} herziening(en) te laat; {high} hoog zonder maatregel",
        "budget": "Begroting", "programmes": "Programma's", "programme": "Programma", "ceilings": "Plafonds",
        "ceiling": "Plafond", "planned": "Gepland", "headroom": "Ruimte", "over_ceiling": "boven plafond",
        "amount": "Bedrag", "oda": "ODA", "non_oda": "niet-ODA", "oda_unknown": "ODA onbekend",
        "area": "Land/regio", "partner": "Uitvoerder", "funder": "Financier", "period": "Looptijd",
        "indicators": "Indicatoren", "baseline": "Nulmeting", "target": "Doel", "actual": "Stand",
        "monitoring": "Monitoringsignalen", "decision": "Besluit: bijsturen of stoppen", "no_flags": "Geen signalen.",
        "side_effects": "Bijeffecten", "evaluations": "Evaluaties", "due": "Gepland", "done": "Gedaan",
        "audit": "Auditspoor", "when": "Wanneer (UTC)", "who": "Wie", "action": "Actie", "entity": "Onderdeel",
        "fields": "Velden", "export": "Exporteren", "before": "Voor", "after": "Na", "none": "geen",
        "shown_of": "{shown} van {total} getoond", "level": "Niveau", "instruments": "Instrumenten",
        "group_by": "Groepeer per", "all": "alle",
        "pillar": "Pijler", "source": "Bron",
        # interests (weights, costs) and the builder's objectives and modes
        "k_effect": "Effect", "k_trade": "Handel", "k_aid": "Ontwikkelingshulp", "k_security": "Veiligheid",
        "k_human-rights": "Mensenrechten", "k_climate": "Klimaat", "k_protection": "Bescherming",
        "k_relations": "Betrekkingen", "k_budget": "Budget", "k_migration": "Migratie",
        "o_return": "Betere terugkeersamenwerking", "o_departures": "Minder irreguliere vertrekken",
        "o_protection": "Betere bescherming van migranten", "o_legal-routes": "Meer legale routes",
        "m_more-for-more": "meer voor meer", "m_less-for-less": "minder voor minder",
        "s_none": "geen", "s_dialogue": "dialoog", "s_arrangement": "regeling", "s_agreement": "akkoord",
    },
    "en": {
        "partnership": "Partnership", "partnerships": "Partnerships", "state": "State of cooperation",
        "history": "History", "agreements": "Agreements and arrangements", "interests": "Other interests",
        "timeline": "Timeline", "risks": "Risks", "risk_register": "Risk register (do no harm)",
        "in_use": "Instruments in use", "passages": "Passages of the record", "attributes": "Facts the rules check",
        "packages": "Package builder", "objective": "Objective", "mode": "Mode", "weights": "Weights",
        "weights_note": "Move the weights: the packages are re-ranked at once.",
        "effect": "Effect (judged)", "cost": "Cost", "index": "Index", "first_top": "First / top",
        "ranks": "Ranks (5–95%)", "judgements": "Effect judgements", "judgements_note":
            "Judgements on a scale of 0 to 3, not measurements. Change them: the ranking follows.",
        "default": "default", "yours": "your judgement", "low": "low", "high": "high",
        "excluded": "Not usable", "sensitivity": "Sensitivity",
        "stability": "Package 1 stays first in {share} of {draws} draws within the ranges of the effect "
                     "judgements.",
        "candidates": "allowed packages", "explanation": "Explanation", "reset": "Defaults",
        "heat_map": "Heat map", "likelihood": "Likelihood", "impact": "Impact", "flags": "Flags",
        "overdue": "review overdue", "unmitigated": "high, unmitigated", "only_overdue": "Overdue only",
        "only_high": "High only", "include_closed": "Include closed", "filter": "Filter", "owner": "Owner",
        "review": "Review", "mitigations": "Mitigations", "evidence": "Evidence", "edit": "Edit",
        "add_mitigation": "Add a mitigation", "note": "Note", "save": "Save",
        "edit_note": "Changes go into the audit trail under your name.",
        "sign_in_to_edit": "Sign in as an editor to update risks.",
        "risk_count": "{n} risk(s); {overdue} review(s) overdue; {high} high without mitigation in place",
        "budget": "Budget", "programmes": "Programmes", "programme": "Programme", "ceilings": "Ceilings",
        "ceiling": "Ceiling", "planned": "Planned", "headroom": "Headroom", "over_ceiling": "over the ceiling",
        "amount": "Amount", "oda": "ODA", "non_oda": "non-ODA", "oda_unknown": "ODA unknown",
        "area": "Country/region", "partner": "Implementing partner", "funder": "Funder", "period": "Period",
        "indicators": "Indicators", "baseline": "Baseline", "target": "Target", "actual": "Actual",
        "monitoring": "Monitoring flags", "decision": "Decision: adapt or stop", "no_flags": "No flags.",
        "side_effects": "Side effects", "evaluations": "Evaluations", "due": "Due", "done": "Done",
        "audit": "Audit trail", "when": "When (UTC)", "who": "Who", "action": "Action", "entity": "Entity",
        "fields": "Fields", "export": "Export", "before": "Before", "after": "After", "none": "none",
        "shown_of": "{shown} of {total} shown", "level": "Level", "instruments": "Instruments",
        "group_by": "Group by", "all": "all",
        "pillar": "Pillar", "source": "Source",
        "k_effect": "Effect", "k_trade": "Trade", "k_aid": "Aid", "k_security": "Security",
        "k_human-rights": "Human rights", "k_climate": "Climate", "k_protection": "Protection",
        "k_relations": "Relations", "k_budget": "Budget", "k_migration": "Migration",
        "o_return": "Better return cooperation", "o_departures": "Fewer irregular departures",
        "o_protection": "Better protection of migrants", "o_legal-routes": "More legal routes",
        "m_more-for-more": "more for more", "m_less-for-less": "less for less",
        "s_none": "none", "s_dialogue": "dialogue", "s_arrangement": "arrangement", "s_agreement": "agreement",
    },
}


def words(lang: str) -> Callable[..., str]:
    """``w(key, **values)``: the word in ``lang``, formatted with ``values`` (the key itself when missing)."""
    table = WORDS.get(lang, WORDS[DEFAULT_LANGUAGE])

    def word(key: str, **values: object) -> str:
        text = table.get(key, key)
        return text.format(**values) if values else text

    return word
