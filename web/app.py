"""The web app: the service API plus the pages, rendered with Jinja2 from ``web/templates``.

Pages: ``/`` (chat, ``web/chat.py``), ``/doc/{doc}`` (source view, ``web/source.py``),
``/staff`` (lookup, ``web/lookup.py``, and its JSON twin ``POST /api/search``,
``web/search_api.py``) and ``/staff/...`` (feedback and sign-in, ``web/staff.py``). Every asset
is served from ``/static``; every response carries the security headers of ``web/security.py``.
Domain errors on a page come back as an HTML page with the same status and exact message as the
API's ``{"detail": ...}``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from core.errors import CancerQAError, StoreUnavailableError
from core.settings import Settings
from index.embedder import Embedder
from service.api import create_api
from service.live import LiveService
from service.qa import QAService
from service.store.database import open_database
from service.store.feedback import FeedbackStore
from web.access import log_requests
from web.answer_view import phone_segments
from web.chat import chat_router
from web.lookup import lookup_router
from web.metrics import install_metrics
from web.provenance import http_url
from web.ratelimit import RateLimit
from web.search_api import search_router
from web.security import quiet_access_log, secure
from web.serving import limit_threads, watch_index
from web.source import source_router
from web.staff import staff_router

HERE = Path(__file__).resolve().parent
log = logging.getLogger("cancer_qa.web")


def create_app(
    settings: Settings, embedder: Embedder | None = None, live: LiveService | None = None
) -> FastAPI:
    """The app over ``settings``; ``live`` is a service already open (``serve --workers``' forked
    workers share their parent's)."""
    live = live or LiveService.open(settings, embedder)
    service = cast(QAService, live)  # every route reads the index's current version
    store = FeedbackStore(open_database(settings.database_url, settings.data_dir))
    try:  # create or migrate the schema now
        store.database.prepare()
    except StoreUnavailableError as exc:
        if store.database.kind == "sqlite":  # a local file we cannot write: fix the setting first
            raise
        # A database server that is down may come back: answer meanwhile (feedback gets a 503).
        log.warning("feedback store unavailable at start-up (answers still work): %s", exc)
    app = create_api(service, store)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["http_url"] = http_url
    templates.env.filters["phones"] = phone_segments  # every phone number on a page is a tel: link
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(chat_router(service, templates, store))
    app.include_router(source_router(service, templates))
    app.include_router(search_router(service, store.database))
    app.include_router(lookup_router(service, templates, store.database))
    app.include_router(staff_router(service, templates, store))
    if settings.rate_limit != "off":
        app.add_middleware(RateLimit, rule=settings.rate_limit)
    secure(app, settings.max_body_bytes)
    metrics = install_metrics(app, settings.staff_token)
    log_requests(app, metrics.request)  # the outermost middleware: it sees every refusal too
    quiet_access_log()
    limit_threads(app)
    watch_index(app, live, settings.index_check_seconds)

    @app.exception_handler(CancerQAError)
    async def _domain_error(request: Request, exc: CancerQAError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(status_code=exc.http_status, content={"detail": str(exc)})
        context = {"status": exc.http_status, "detail": str(exc)}
        return templates.TemplateResponse(request, "error.html", context, exc.http_status)

    return app
