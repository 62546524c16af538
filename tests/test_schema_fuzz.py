"""Schemathesis over the API's own OpenAPI schema, bounded for CI: no 5xx, no response that breaks
the schema, and no request that breaks the schema accepted, for bodies generated to fit it and to
break it (tiny corpus, fake embedder). One check is left out: a schema-valid request may still be
refused, because two rules are not in the schema: ``QA_MAX_QUESTION_CHARS`` (a setting, 2,000 by
default, under the schema's hard cap of 20,000) and "share_question needs a question"."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402


def _app():  # type: ignore[no-untyped-def]
    from tests.conftest import FakeEmbedder
    from tests.web_support import EVIL, corpus_settings
    from web.app import create_app

    embedder = FakeEmbedder()
    root = Path(tempfile.mkdtemp(prefix="cancer-qa-fuzz-"))
    # No rate limit, and a body limit above the schema's own caps, so that the schema decides
    # (the 413 and 429 answers have their own tests in test_api.py).
    settings = corpus_settings(root, embedder, EVIL, rate_limit="off", max_body_bytes=16 * 1024 * 1024)
    return create_app(settings, embedder)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_schema_and_never_fails(case) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
