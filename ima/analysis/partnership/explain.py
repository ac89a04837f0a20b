"""Every package in plain words, in Dutch (default) or English."""

from __future__ import annotations

from collections.abc import Mapping

from ima.domain.instruments import EFFECT_WORDS, Instrument, Package

OBJECTIVE_WORDS = {
    "nl": {"return": "terugkeersamenwerking", "departures": "minder irreguliere vertrekken",
           "protection": "bescherming van migranten", "legal-routes": "legale routes"},
    "en": {"return": "return cooperation", "departures": "fewer irregular departures",
           "protection": "protection of migrants", "legal-routes": "legal routes"},
}
COST_WORDS = {
    "nl": {"trade": "handel", "aid": "hulp", "security": "veiligheid", "human-rights": "mensenrechten",
           "climate": "klimaat", "protection": "bescherming", "relations": "de betrekkingen", "budget": "budget"},
    "en": {"trade": "trade", "aid": "aid", "security": "security", "human-rights": "human rights",
           "climate": "climate", "protection": "protection", "relations": "the relationship", "budget": "budget"},
}
LEVEL_WORDS = {"nl": {"EU": "via de EU", "NL": "door Nederland", "Benelux": "met de Benelux-partners"},
               "en": {"EU": "through the EU", "NL": "by the Netherlands", "Benelux": "with the Benelux partners"}}
TEXT = {
    "nl": {"package": "Pakket", "effect": "Verwacht effect op {objective}: gemiddeld {word} per instrument, samen {low}–{high} "
           "op de oordeelschaal (0–3 per instrument; een oordeel, geen meting)", "costs": "Kosten voor andere belangen: {costs}",
           "no_costs": "Geen geoordeelde kosten voor andere belangen", "lead": "Doorlooptijd {a}–{b} maanden",
           "balance": "De negatieve prikkels worden gecombineerd met minstens evenveel positieve, omdat negatieve "
                      "prikkels alleen zelden tot betere samenwerking leiden",
           "defaults": "{n} van de {m} effectoordelen zijn standaardoordelen van ima (nog niet door u vastgesteld)",
           "verify": "Nog na te gaan: {items}", "small": "klein", "moderate": "matig", "large": "groot",
           "none": "geen", "and": "en"},
    "en": {"package": "Package", "effect": "Expected effect on {objective}: {word} per instrument on average, together {low}–{high} "
           "on the judgement scale (0–3 per instrument; a judgement, not a measurement)", "costs": "Costs to other interests: {costs}",
           "no_costs": "No judged costs to other interests", "lead": "Lead time {a}–{b} months",
           "balance": "The negative incentives are combined with at least as many positive ones, because negative "
                      "incentives alone seldom improve cooperation",
           "defaults": "{n} of the {m} effect judgements are ima defaults (not yet set by you)",
           "verify": "To verify: {items}", "small": "small", "moderate": "moderate", "large": "large",
           "none": "none", "and": "and"},
}


def effect_word(value: float, lang: str = "nl") -> str:
    """An expected effect in words: the judgement scale, rounded to the nearest step (capped at large)."""
    words = EFFECT_WORDS["en" if lang == "en" else "nl"]
    return words[min(len(words) - 1, max(0, int(value + 0.5)))]


def _cost_word(value: float, lang: str) -> str:
    t = TEXT[lang]
    return t["small"] if value <= 1 else t["moderate"] if value <= 3 else t["large"]


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {TEXT[lang]['and']} " + items[-1]


def explain_package(package: Package, catalogue: Mapping[str, Instrument], objective: str, lang: str = "nl") -> str:
    """Why this package, what it is expected to do, what it costs and what is still uncertain."""
    lang = "en" if lang == "en" else "nl"
    t = TEXT[lang]
    chosen = [catalogue[i] for i in package.instruments]
    parts = [f"{t['package']} {package.rank}: " + _join(
        [f"{i.name(lang)} ({LEVEL_WORDS[lang][i.level]}, {'+' if i.direction == 'positive' else '−'})"
         for i in chosen], lang) + "."]
    # the per-package sum can exceed one instrument's scale; its word is per instrument on average
    per_instrument = package.effect / len(chosen)
    parts.append(t["effect"].format(objective=OBJECTIVE_WORDS[lang][objective],
                                    word=effect_word(per_instrument, lang),
                                    low=package.effect_low, high=package.effect_high) + ".")
    costs = [f"{COST_WORDS[lang][k]} {_cost_word(v, lang)}" for k, v in sorted(package.costs.items())]
    parts.append((t["costs"].format(costs=_join(costs, lang)) if costs else t["no_costs"]) + ".")
    parts.append(t["lead"].format(a=package.lead_time_months[0], b=package.lead_time_months[1]) + ".")
    if any(i.direction == "negative" for i in chosen):
        parts.append(t["balance"] + ".")
    if package.default_judgements:
        parts.append(t["defaults"].format(n=package.default_judgements, m=len(chosen)) + ".")
    if package.unverified:
        items = [f"{catalogue[i].name(lang)}: {_rule_text(catalogue[i], attribute, lang)}"
                 for i, attribute in package.unverified]
        parts.append(t["verify"].format(items="; ".join(items)) + ".")
    return " ".join(parts)


def _rule_text(instrument: Instrument, attribute: str, lang: str) -> str:
    rules = [r for r in instrument.rules_of("country") if r.attribute == attribute]
    return rules[0].text(lang).rstrip(".") if rules else attribute
