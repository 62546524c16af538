"""The web app: the service API plus the chat page, rendered with Jinja2 from ``web/templates``."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from cancer_qa.settings import Settings
from index.embedder import Embedder
from service.api import create_api
from service.qa import QAService

HERE = Path(__file__).resolve().parent


def create_app(settings: Settings, embedder: Embedder | None = None) -> FastAPI:
    service = QAService.open(settings, embedder)
    app = create_api(service)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def chat(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "chat.html", {"documents": service.index.params.documents})

    return app
