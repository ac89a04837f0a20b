"""Property-based API test: requests generated from the OpenAPI schema never cause a server error."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES = 30


def test_no_server_errors_on_any_operation(app) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10  # every JSON twin and the API

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def call(case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        call()


def test_every_json_twin_is_described_as_the_pages_data(app) -> None:
    """The twins answer with a page's data object; the schema must not claim the view's internal Page."""
    schema = app.openapi()
    twins = {path: spec["get"] for path, spec in schema["paths"].items() if path.endswith(".json")}
    assert {"/search.json", "/documents/{document_id}.json", "/country/{code}.json"} <= set(twins)
    for path, operation in twins.items():
        body = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert body == {"type": "object"}, path
    assert "Page" not in schema.get("components", {}).get("schemas", {})
