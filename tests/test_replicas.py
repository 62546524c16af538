"""Replicas: two server processes on loopback sharing one PostgreSQL database and one index folder
see the same feedback and the same staff sign-ins."""

from __future__ import annotations

import httpx
import pytest

from tests.web_support import server_process

pytestmark = pytest.mark.integration
TOKEN = "replica-test-token-0123456789"


def test_two_replicas_share_feedback_and_sign_ins(demo_settings, postgres_url: str) -> None:  # type: ignore[no-untyped-def]
    env = {"QA_DATABASE_URL": postgres_url, "QA_STAFF_TOKEN": TOKEN}
    staff = {"Authorization": f"Bearer {TOKEN}"}
    with server_process(demo_settings, **env) as (a, _), server_process(demo_settings, **env) as (b, _):
        for base, name in ((a, "replica A"), (b, "replica B")):
            assert httpx.get(f"{base}/readyz").json()["feedback_store"] == "postgresql"
            answer = httpx.post(f"{base}/api/ask", json={"question": "What is a biopsy?"}, timeout=30)
            assert answer.status_code == 200 and answer.json()["answer"]
            sent = httpx.post(f"{base}/api/feedback", json={"rating": "down", "reason": f"sent to {name}"})
            assert sent.status_code == 201, sent.text
        for base in (a, b):
            page = httpx.get(f"{base}/staff/feedback", headers=staff).text
            assert "sent to replica A" in page and "sent to replica B" in page
        # Signed in on A, recognised by B; signed out on B, refused by A.
        login = httpx.post(f"{a}/staff/login", data={"token": TOKEN}, follow_redirects=False)
        assert login.status_code == 303
        cookie = {"qa_staff": login.cookies["qa_staff"]}
        assert httpx.get(f"{b}/staff", cookies=cookie, follow_redirects=False).status_code == 200
        httpx.post(f"{b}/staff/logout", cookies=cookie, follow_redirects=False)
        assert httpx.get(f"{a}/staff", cookies=cookie, follow_redirects=False).status_code != 200
