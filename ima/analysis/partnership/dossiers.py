"""Partnership profiles, agreements and timeline per country, from the curated files.

The state of cooperation is derived, not typed in: agreements raise it to the state their kind
stands for (``AGREEMENT_STATES``); explicit ``state_changes`` in ``countries.yaml`` set it (and
can lower it, e.g. after a coup). Attributes the instrument rules need come from
``countries.yaml`` (with per-attribute defaults) and from the country indicator store.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ima.analysis.partnership.files import (
    DATA_DIR,
    DataFileError,
    Fields,
    entries,
    plain_yaml,
    read_yaml,
    rewrite_yaml,
)
from ima.domain.partnership import (
    AGREEMENT_STATES,
    ATTRIBUTE_VALUES,
    COOPERATION_STATES,
    EVENT_KINDS,
    LEVELS,
    Agreement,
    CountryAttribute,
    CountryProfile,
    InstrumentUse,
    Source,
    StateChange,
    TimelineEvent,
)

COUNTRIES_FILE = DATA_DIR / "countries.yaml"
AGREEMENTS_FILE = DATA_DIR / "agreements.yaml"
TIMELINE_FILE = DATA_DIR / "timeline.yaml"
COUNTRIES_HEADER = (
    "# Partnership profiles per country. The state of cooperation follows from agreements.yaml\n"
    "# (the highest state reached) and from the explicit `state_changes` here (which can also lower\n"
    "# it, e.g. after a coup). `attributes` feed the instrument rules; `defaults` hold the value\n"
    "# (and source) of an attribute for every country that does not set it; an attribute set to\n"
    "# `null` is unknown (rules on it are reported as \"to verify\"). Edited by hand or with\n"
    "# `ima partnership-set` (recorded in the audit trail).\n")
# A country "hosts refugees" for the rules when UNHCR counts at least this many refugees and
# asylum seekers there (a judgement: large enough for a reception-in-the-region programme).
HOSTS_REFUGEES_THRESHOLD = 100_000


def _codes(f: Fields, name: str) -> tuple[str, ...]:
    codes = f.strings(name, required=True)
    for code in codes:
        if len(code) != 3 or not code.isalpha() or not code.isupper():
            raise f.fail(name, f"{code!r} is not an ISO 3166 alpha-3 code")
    return codes


def load_agreements(path: Path = AGREEMENTS_FILE) -> list[Agreement]:
    """Every agreement of the file, validated."""
    out, seen = [], set()
    for i, raw in enumerate(entries(path, read_yaml(path), "agreements")):
        f = Fields(path, f"agreements[{i}] ({raw.get('id', '?')})", raw)
        agreement = Agreement(id=f.text("id"), title=f.text("title"), kind=f.choice("kind", AGREEMENT_STATES),
                              level=f.choice("level", LEVELS), countries=_codes(f, "countries"),
                              date=f.date_text("date"), summary=f.text("summary"), source=f.source())
        if agreement.id in seen:
            raise f.fail("id", f"duplicate id {agreement.id!r}")
        seen.add(agreement.id)
        out.append(agreement)
    return sorted(out, key=lambda a: a.date)


def load_timeline(path: Path = TIMELINE_FILE) -> list[tuple[tuple[str, ...], TimelineEvent]]:
    """Every (countries, event) of the timeline file, validated."""
    out = []
    for i, raw in enumerate(entries(path, read_yaml(path), "events")):
        f = Fields(path, f"events[{i}]", raw)
        countries = _codes(f, "countries")
        out.append((countries, TimelineEvent(date=f.date_text("date"), country=countries[0],
                                             kind=f.choice("kind", EVENT_KINDS), summary=f.text("summary"),
                                             source=f.source())))
    return out


def _attribute(f: Fields, name: str, raw) -> CountryAttribute:
    if name not in ATTRIBUTE_VALUES:
        raise f.fail(f"attributes.{name}", f"unknown attribute: use {', '.join(ATTRIBUTE_VALUES)}")
    if not isinstance(raw, dict) or "value" not in raw:
        raise f.fail(f"attributes.{name}", "expected value and source")
    value = raw["value"]
    if value is not None and value not in ATTRIBUTE_VALUES[name]:
        allowed = ", ".join(str(v).lower() if isinstance(v, bool) else v for v in ATTRIBUTE_VALUES[name])
        raise f.fail(f"attributes.{name}", f"{value!r} is not one of {allowed} (or null: unknown)")
    sub = Fields(f.path, f"{f.where}, attributes.{name}", raw)
    return CountryAttribute(name, value, sub.source())


def load_profiles(path: Path = COUNTRIES_FILE) -> dict[str, dict]:
    """The raw, validated profile parts per country: names, attributes, explicit state changes, uses."""
    document = read_yaml(path)
    defaults_raw = document.get("defaults") or {} if isinstance(document, dict) else {}
    top = Fields(path, "defaults", {"attributes": defaults_raw})
    defaults = {name: _attribute(top, name, raw) for name, raw in defaults_raw.items()}
    out = {}
    for i, raw in enumerate(entries(path, document, "countries")):
        f = Fields(path, f"countries[{i}] ({raw.get('iso3', '?')})", raw)
        iso3 = _codes(f, "iso3")[0]
        if iso3 in out:
            raise f.fail("iso3", f"duplicate country {iso3}")
        attributes = dict(defaults)
        attributes.update({name: _attribute(f, name, a) for name, a in f.mapping("attributes").items()})
        changes = []
        for j, c in enumerate(raw.get("state_changes") or []):
            sub = Fields(path, f"{f.where}, state_changes[{j}]", c)
            changes.append(StateChange(sub.date_text("date"), sub.choice("state", COOPERATION_STATES),
                                       sub.text("note"), sub.source()))
        uses = []
        for j, u in enumerate(raw.get("instruments_in_use") or []):
            sub = Fields(path, f"{f.where}, instruments_in_use[{j}]", u)
            uses.append(InstrumentUse(sub.text("instrument"), sub.date_text("since"), sub.source()))
        out[iso3] = {"name_nl": f.text("name_nl"), "name_en": f.text("name_en"), "attributes": attributes,
                     "changes": changes, "uses": tuple(uses)}
    return out


def derive_history(iso3: str, agreements: list[Agreement], changes: list[StateChange]) -> tuple[StateChange, ...]:
    """The history of the state of cooperation: agreements ratchet it up, explicit changes set it."""
    events = [(a.date, 0, StateChange(a.date, AGREEMENT_STATES[a.kind], a.title, a.source))
              for a in agreements if iso3 in a.countries]
    events += [(c.date, 1, c) for c in changes]
    history, state = [], "none"
    for _, explicit, change in sorted(events, key=lambda e: (e[0], e[1])):
        new = change.state if explicit else max(state, change.state, key=COOPERATION_STATES.index)
        if new != state or explicit:
            history.append(StateChange(change.date, new, change.note, change.source))
        state = new
    return tuple(history)


def indicator_attributes(iso3: str) -> dict[str, CountryAttribute]:
    """Rule attributes from the country indicator store (Dutch embassy, refugees hosted)."""
    from ima.analysis import indicators

    out = {}
    embassy = indicators.indicator_value(iso3, "nl_embassy")
    if embassy is not None:
        out["nl_embassy"] = CountryAttribute("nl_embassy", bool(embassy.value),
                                             Source(f"{embassy.source}, {embassy.year}"))
    hosted = [indicators.indicator_value(iso3, i) for i in ("refugees_hosted", "asylum_seekers_hosted")]
    if any(hosted):
        total = sum(v.value for v in hosted if v)
        year = max(v.year for v in hosted if v)
        out["hosts_refugees"] = CountryAttribute(
            "hosts_refugees", total >= HOSTS_REFUGEES_THRESHOLD,
            Source(f"UNHCR Refugee Data Finder: {total:,.0f} refugees and asylum seekers hosted in {year} "
                   f"(threshold {HOSTS_REFUGEES_THRESHOLD:,})"))
    return out


@lru_cache(maxsize=1)
def _profiles() -> dict[str, CountryProfile]:
    agreements = load_agreements()
    out = {}
    for iso3, parts in load_profiles().items():
        history = derive_history(iso3, agreements, parts["changes"])
        attributes = {**indicator_attributes(iso3), **parts["attributes"]}
        out[iso3] = CountryProfile(iso3=iso3, name_nl=parts["name_nl"], name_en=parts["name_en"],
                                   state=history[-1].state if history else "none", history=history,
                                   attributes=attributes, instruments_in_use=parts["uses"])
    return out


def profiles() -> dict[str, CountryProfile]:
    """Every curated country profile by ISO 3166 alpha-3 code."""
    return dict(_profiles())


def country_profile(iso3: str) -> CountryProfile:
    """The profile of one country; a clear error when the country has no dossier."""
    code = iso3.strip().upper()
    found = _profiles().get(code)
    if found is None:
        raise ValueError(f"no partnership dossier for {iso3!r}: curated countries are "
                         f"{', '.join(sorted(_profiles()))}")
    return found


def country_agreements(iso3: str) -> list[Agreement]:
    """The agreements that involve the country, oldest first."""
    return [a for a in _agreements() if iso3.upper() in a.countries]


def country_timeline(iso3: str) -> list[TimelineEvent]:
    """The country's timeline: curated events plus its agreements, oldest first."""
    code = iso3.upper()
    events = [TimelineEvent(e.date, code, e.kind, e.summary, e.source) for countries, e in _timeline()
              if code in countries]
    events += [TimelineEvent(a.date, code, "agreement", a.title, a.source) for a in country_agreements(code)]
    return sorted(events, key=lambda e: e.date)


@lru_cache(maxsize=1)
def _agreements() -> tuple[Agreement, ...]:
    return tuple(load_agreements())


@lru_cache(maxsize=1)
def _timeline() -> tuple:
    return tuple(load_timeline())


def set_country_attribute(path: Path, iso3: str, name: str, value: str | bool | None,
                          source: dict) -> tuple[dict, dict]:
    """Set one rule attribute of a country in ``countries.yaml`` (validated, atomic); returns the
    attribute as it was in effect before (the default if the country did not set it) and after."""
    document = read_yaml(path)
    countries = entries(path, document, "countries")
    matches = [c for c in countries if str(c.get("iso3")) == iso3]
    if not matches:
        raise ValueError(f"no country {iso3!r} in {path.name}")
    entry = matches[0]
    defaults = document.get("defaults") or {}
    attributes = entry.setdefault("attributes", {})
    before = {name: plain_yaml(attributes.get(name, defaults.get(name)))}
    attributes[name] = {"value": value, "source": source}
    rewrite_yaml(path, document, COUNTRIES_HEADER, load_profiles)
    _profiles.cache_clear()
    return before, {name: plain_yaml(attributes[name])}


__all__ = ["DataFileError", "country_agreements", "country_profile", "country_timeline", "profiles"]
