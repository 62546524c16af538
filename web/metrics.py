"""Prometheus metrics at ``GET /metrics`` (text format): ``install_metrics(app, token)``.

What is counted: HTTP requests by route template, method and status, and their durations by route
(fed by ``web/access.py``, which measures each request once); answers by outcome and the duration
of each answering stage (``QAService.on_ask``: the service reports plain seconds and never imports
this); stored feedback by rating (``FeedbackStore.on_add``); and the served index's size and
version, read from ``app.state.qa`` at each scrape. Labels are bounded: route templates (or
``unmatched``), methods, statuses, fixed outcome, stage and rating names. No question text, hash
or client address is ever a label or a value.

Each app has its own metrics (tests make many apps in one process). With ``cancer-qa serve
--workers N`` the CLI sets ``PROMETHEUS_MULTIPROC_DIR`` to an emptied folder before the workers
start; prometheus-client then keeps every worker's values in files there, and a scrape of any
worker adds them all up (``MultiProcessCollector``; the index figures come from the worker that
answers, and every worker serves the same index). In that mode one process must hold one app: two
apps in one process would write the same file entries.

With ``QA_STAFF_TOKEN`` set, ``/metrics`` needs ``Authorization: Bearer <token>`` (Prometheus's
``authorization`` scrape setting sends it); without it, it is open. It is not rate limited.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_PLAIN_0_0_4, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, InfoMetricFamily, Metric
from prometheus_client.registry import Collector

from core.errors import NotAuthorizedError
from service.answer import Answer
from service.store.feedback import RATINGS, Feedback
from service.timing import STAGES
from web.access import Served
from web.auth import bearer_matches

NEED_TOKEN = "metrics need the staff token: send 'Authorization: Bearer <token>'"
OUTCOMES = ("answered", "abstained", "emergency", "crisis", "urgent", "personal_advice")
ANSWERS_HELP = (
    "Answers by outcome: the safety tier when triage set one (emergency, crisis, urgent, "
    "personal_advice; an urgent or personal_advice reply counts as its tier even when it also "
    "carries the general answer), else answered or abstained (a message not in English is abstained)."
)
STAGE_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
BUILT_AT = "%Y-%m-%dT%H:%M:%S"  # index/store.py writes params.built_at in the builder's local time


def outcome(answer: Answer) -> str:
    if answer.safety is not None:
        return answer.safety if answer.safety in OUTCOMES else "abstained"
    return "abstained" if answer.abstained else "answered"


def multiprocess() -> bool:
    """True when prometheus-client keeps values in ``PROMETHEUS_MULTIPROC_DIR`` files. It decides
    once, when it is first imported, from the environment: so the CLI sets the folder before any
    worker starts, and a later change to the environment does not switch modes."""
    from prometheus_client import values

    return bool(getattr(values.ValueClass, "_multiprocess", False))


def built_timestamp(built_at: str) -> float | None:
    try:
        return time.mktime(time.strptime(built_at, BUILT_AT))
    except (ValueError, OverflowError):
        return None


class IndexCollector(Collector):
    """The served index's size and version, read at each scrape from ``app.state.qa`` (so a
    swapped index shows at once). No corpus hash: a hash is never a label."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def collect(self) -> Iterator[Metric]:
        p = self.app.state.qa.index.params
        yield GaugeMetricFamily(
            "cancer_qa_index_documents", "Documents in the served index.", value=p.documents
        )
        yield GaugeMetricFamily(
            "cancer_qa_index_chunks", "Chunks (retrieval units) in the index.", value=p.chunks
        )
        yield GaugeMetricFamily("cancer_qa_index_sentences", "Sentences in the index.", value=p.sentences)
        built = built_timestamp(p.built_at)
        if built is not None:
            yield GaugeMetricFamily(
                "cancer_qa_index_built_timestamp_seconds",
                "When the served index was built (Unix time).",
                value=built,
            )
        labels = {"format_version": str(p.format_version), "model": p.model}
        yield InfoMetricFamily(
            "cancer_qa_index", "The served index's format version and embedding model.", labels
        )


class Metrics:
    """One app's metrics. One process: in the app's own registry. Multiprocess: in no registry
    (the values live in the shared folder) and each scrape reads every worker's files."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.registry = None if multiprocess() else CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "cancer_qa_http_requests",
            "HTTP requests by route path template (unmatched: no route took it), method and status.",
            ("route", "method", "status"),
            registry=r,
        )
        self.request_seconds = Histogram(
            "cancer_qa_http_request_duration_seconds",
            "Time from a request's arrival to its last response byte, by route path template.",
            ("route",),
            registry=r,
        )
        self.answers = Counter("cancer_qa_answers", ANSWERS_HELP, ("outcome",), registry=r)
        self.stages = Histogram(
            "cancer_qa_stage_seconds",
            "Time spent answering, by stage: understand (validation, triage, reading and embedding "
            "the question), retrieve, compose (the other questions of a message included), total.",
            ("stage",),
            buckets=STAGE_BUCKETS,
            registry=r,
        )
        self.feedback = Counter("cancer_qa_feedback", "Feedback stored, by rating.", ("rating",), registry=r)
        for name in OUTCOMES:  # every series from the start, at zero, so rates work from the first scrape
            self.answers.labels(name)
        for stage in STAGES:
            self.stages.labels(stage)
        for rating in RATINGS:
            self.feedback.labels(rating)
        if r is not None:
            r.register(IndexCollector(app))

    def request(self, served: Served) -> None:
        self.requests.labels(served.route, served.method, str(served.status)).inc()
        self.request_seconds.labels(served.route).observe(served.seconds)

    def answer(self, answer: Answer, timings: Mapping[str, float]) -> None:
        self.answers.labels(outcome(answer)).inc()
        for stage, seconds in timings.items():
            if stage in STAGES:
                self.stages.labels(stage).observe(seconds)

    def feedback_stored(self, feedback: Feedback) -> None:
        self.feedback.labels(feedback.rating).inc()

    def exposition(self) -> bytes:
        if self.registry is not None:
            return generate_latest(self.registry)
        from prometheus_client import multiprocess as shared

        registry = CollectorRegistry()
        shared.MultiProcessCollector(registry)
        registry.register(IndexCollector(self.app))
        return generate_latest(registry)


def install_metrics(app: FastAPI, token: str | None) -> Metrics:
    """Metrics for ``app`` (``create_api``'s, with ``state.qa`` and ``state.feedback``) and the
    ``/metrics`` route. The caller hands ``Metrics.request`` to ``web.access.log_requests``."""
    metrics = Metrics(app)
    app.state.metrics = metrics
    app.state.qa.on_ask = metrics.answer
    app.state.feedback.on_add = metrics.feedback_stored
    documented: dict[int | str, dict[str, Any]] = {
        200: {"content": {"text/plain": {}}, "description": "Prometheus text format 0.0.4."},
        401: {"content": {"text/html": {}}, "description": "QA_STAFF_TOKEN is set and was not sent."},
    }

    @app.get("/metrics", tags=["ops"], response_class=Response, responses=documented)
    async def prometheus_metrics(request: Request) -> Response:
        """Prometheus text format. With ``QA_STAFF_TOKEN`` set it needs ``Authorization: Bearer
        <token>``."""
        if token and not bearer_matches(request, token):
            raise NotAuthorizedError(NEED_TOKEN)
        return Response(metrics.exposition(), media_type=CONTENT_TYPE_PLAIN_0_0_4)

    return metrics
