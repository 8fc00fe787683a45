"""Schema-driven tests (schemathesis): requests generated from the app's own OpenAPI against a real `dangjian serve`.

Every response must be no 5xx and conform to the schema: status codes, content types and bodies as declared.
Each operation gets its own run of generated requests; the failures of all of them are reported together.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (content_type_conformance, not_a_server_error, response_headers_conformance,
                                 response_schema_conformance, status_code_conformance)

FIXTURE = Path(__file__).parent / "fixtures" / "community.trig"
# What every answer must hold. Not "any schema-valid request is accepted": a string the schema allows
# is rarely a valid SPARQL query or entity id, and refusing it (400, 404, 406, 422) is right.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, serve_command):
    """(URL, OpenAPI schema) of a real server over the community graph, the schema read from the server itself."""
    from dangjian.graph.store.embedded import EmbeddedStore
    from dangjian.graph.dataset.rdf_files import load_rdf_file
    path = tmp_path_factory.mktemp("fuzz") / "store"
    with EmbeddedStore(path) as store:
        load_rdf_file(store, FIXTURE)
    with serve_command("--store", str(path), "--query-timeout", "3") as (url, _):
        yield url, schemathesis.openapi.from_url(f"{url}/openapi.json")


def _fuzz(operation, url: str, examples: int) -> None:
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(case=operation.as_strategy())
    def check(case) -> None:
        case.call_and_validate(base_url=url, checks=CHECKS, timeout=30)
    check()


def test_schema_fuzz_no_server_error_and_responses_conform(served) -> None:
    url, schema = served
    examples = max(settings().max_examples // 2, 10)
    failures = []
    for found in schema.get_all_operations():
        operation = found.ok()
        try:
            _fuzz(operation, url, examples)
        except (Exception, BaseExceptionGroup) as error:  # keep going: one report for every operation that failed
            failures.append(f"{operation.label}:\n{error}")
    assert not failures, "\n\n".join(failures)
