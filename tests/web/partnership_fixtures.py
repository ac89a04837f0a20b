"""Fixtures of the partnership page tests: an app of their own over the corpus store.

The shared ``app`` of ``conftest.py`` runs its lifespan on every ``client``, and leaving it stops the
app's scenario jobs; these tests leave that app alone. Import the fixtures by name.
"""

from __future__ import annotations

import warnings

import pytest

from ima.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def own_app(web_store):
    """An app of the test module's own over the corpus store."""
    return create_app(store=web_store, secret_key="test-secret")


@pytest.fixture
def client(own_app) -> TestClient:
    """A fresh client (no cookies) of the module's app; no lifespan is run."""
    return TestClient(own_app)
