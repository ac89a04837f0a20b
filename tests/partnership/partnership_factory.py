"""Small hand-made catalogues and country profiles for the partnership tests."""

from __future__ import annotations

from ima.domain.instruments import EffectJudgement, Instrument, Rule
from ima.domain.partnership import CountryAttribute, CountryProfile, Source

SRC = Source("test")


def instrument(id: str, direction: str = "positive", effect: tuple[int, int] = (1, 1), costs: dict | None = None,
               rules: tuple[Rule, ...] = (), status: str = "in-force", objective: str = "return") -> Instrument:
    """A catalogue entry with only what the builder looks at."""
    return Instrument(id=id, name_nl=id, name_en=id, level="NL", direction=direction, status=status,
                      legal_basis="test", summary_nl=id, summary_en=id, lead_time_months=(1, 2),
                      costs=costs or {}, effects={objective: EffectJudgement(effect[0], effect[1], SRC)},
                      rules=rules)


def country(**attributes) -> CountryProfile:
    """A country profile with the given rule attributes (None = unknown)."""
    return CountryProfile(iso3="TST", name_nl="Testland", name_en="Testland", state="dialogue",
                          attributes={k: CountryAttribute(k, v, SRC) for k, v in attributes.items()})
