"""``country_profile``: the dossier object the CLI and the web app render, for a past year and today."""

from __future__ import annotations

import pytest

from ima.services.country_profile import country_profile
from ima.store import Store

NAMED = ["MAR", "DZA", "TUN", "LBY", "EGY", "TUR", "NER", "MLI", "NGA", "ETH", "SDN", "SOM", "AFG", "IRQ", "JOR",
         "LBN", "SYR", "ERI", "UGA"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store.open(f"sqlite:///{tmp_path_factory.mktemp('profile') / 'ima.sqlite3'}")
    yield s
    s.close()


def test_profile_of_a_past_year_uses_only_figures_up_to_it(store) -> None:
    profile = country_profile(store, "Marokko", 2019)
    assert profile.place.code == "MAR" and profile.year == 2019 and profile.rank_year == 2019
    assert profile.indicators and all(line.value.year <= 2019 for line in profile.indicators)
    assert all(line.trend is None or line.trend.latest_year == line.value.year for line in profile.indicators)
    assert {u.route.id for u in profile.routes} >= {"western_mediterranean", "western_african"}
    assert all((u.first_year, u.last_year) == (2017, 2019) for u in profile.routes)
    assert profile.rank is not None and 1 <= profile.rank.rank <= profile.ranked_of


@pytest.mark.parametrize("iso3", NAMED)
def test_every_named_country_has_a_sourced_dossier(store, iso3: str) -> None:
    profile = country_profile(store, iso3, with_rank=False)
    ids = {line.indicator.id for line in profile.indicators}
    assert len(ids) >= 10 and {"population", "refugees_origin"} <= ids
    assert all(line.value.source and line.indicator.source_url for line in profile.indicators)
    # where its refugees live (UNHCR origin × host), each pair with its source
    assert profile.refugee_hosts and all(p.origin == iso3 and p.source.startswith("UNHCR")
                                         for p in profile.refugee_hosts)


def test_regions_have_passages_but_no_figures(store) -> None:
    profile = country_profile(store, "sahel")
    assert profile.place.kind == "region" and not profile.indicators and not profile.routes and profile.rank is None


def test_bad_year_is_refused(store) -> None:
    with pytest.raises(ValueError, match="--year"):
        country_profile(store, "MAR", 1700)
