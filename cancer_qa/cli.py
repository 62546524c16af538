"""The ``cancer-qa`` command: ingest, index, ask, glossary, serve, eval, feedback export.

Domain errors become one line on stderr and exit status 1.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

import click

from core.errors import CancerQAError, RegressionError
from core.settings import Settings, load_settings

_corpus = click.option("--corpus", type=click.Path(path_type=Path), help="Corpus folder [QA_CORPUS].")
_index = click.option("--index-dir", type=click.Path(path_type=Path), help="Index folder [QA_INDEX_DIR].")


def ensure_index(settings: Settings, force: bool = False, quiet: bool = False) -> None:
    """``index.maintain.ensure_index``, saying what it did on stderr unless ``quiet``."""
    from index.maintain import ensure_index as ensure

    started = time.perf_counter()
    result = ensure(settings, force=force, progress=not quiet and sys.stderr.isatty())
    out = result.path
    if quiet:
        return
    p = result.params
    if result.skipped:
        click.echo(f"index up to date: {out} ({p.documents} documents, {p.chunks} chunks)", err=True)
        return
    if result.ingest is not None and result.ingest.skipped:
        click.echo(result.ingest.report(), err=True)
    if result.changes is not None:
        click.echo(f"changes: {result.changes.report()}", err=True)
    click.echo(
        f"index built: {out} ({p.documents} documents, {p.chunks} chunks, {p.sentences} sentences) "
        f"in {time.perf_counter() - started:.1f}s",
        err=True,
    )


@click.group()
@click.version_option(package_name="cancer-qa")
def cli() -> None:
    """Cited, extractive answers from trusted cancer-information documents."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s %(message)s")


@cli.command()
@_corpus
@click.option("--json", "as_json", is_flag=True, help="Print the ingest report as JSON.")
def ingest(corpus: Path | None, as_json: bool) -> None:
    """Load and clean a corpus; report what was kept and what was skipped."""
    from ingest import chunk_documents, load_corpus

    settings = load_settings(corpus=corpus)
    result = load_corpus(settings.corpus)
    chunks = chunk_documents(result.documents, settings.chunk_tokens)
    if as_json:
        report = {
            "documents": [
                {"id": d.id, "title": d.title, "sections": len(d.sections)} for d in result.documents
            ],
            "chunks": len(chunks),
            "skipped": [s.to_dict() for s in result.skipped],
        }
        click.echo(json.dumps(report, indent=2))
    else:
        click.echo(result.report())
        click.echo(f"{len(chunks)} chunks of at most {settings.chunk_tokens} tokens")


@cli.command("index")
@_corpus
@click.option("--out", type=click.Path(path_type=Path), help="Index folder [QA_INDEX_DIR].")
@click.option("--force", is_flag=True, help="Rebuild even when the index is up to date.")
def index_cmd(corpus: Path | None, out: Path | None, force: bool) -> None:
    """Build the search index for a corpus (skipped when it is up to date)."""
    ensure_index(load_settings(corpus=corpus, index_dir=out), force=force)


@cli.command()
@click.argument("question")
@_corpus
@_index
@click.option("--json", "as_json", is_flag=True, help="Print the full API response as JSON.")
def ask(question: str, corpus: Path | None, index_dir: Path | None, as_json: bool) -> None:
    """Answer one question from the command line."""
    from service.qa import QAService

    settings = load_settings(corpus=corpus, index_dir=index_dir)
    ensure_index(settings, quiet=True)
    answer = QAService.open(settings).ask(question)
    if as_json:
        click.echo(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(answer.text)
    for c in answer.citations:
        click.echo(f"[{c.n}] {c.title} — {c.section}" + (f" <{c.url}>" if c.url else ""))
    if answer.notice:
        click.echo(f"\n{answer.notice}")


@cli.command()
@_corpus
@_index
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@click.option("--term", help="Only this term (matched as answers match it: case and plural aside).")
def glossary(corpus: Path | None, index_dir: Path | None, as_json: bool, term: str | None) -> None:
    """List the definitions mined from the corpus (building the index if needed)."""
    from index.glossary_words import term_key
    from index.store import load_index

    settings = load_settings(corpus=corpus, index_dir=index_dir)
    ensure_index(settings, quiet=True)
    hint = f"cancer-qa index --corpus {settings.corpus} --force"
    entries = load_index(settings.resolved_index_dir(), settings.model, hint).glossary
    if term is not None:
        entries = tuple(e for e in entries if e.key == term_key(term))
    terms = len({e.key for e in entries})
    if as_json:
        body = {"entries": [e.to_dict() for e in entries], "count": len(entries), "terms": terms}
        click.echo(json.dumps(body, indent=2, ensure_ascii=False))
        return
    for e in entries:
        click.echo(f"{e.term} — {e.definition} ({e.doc}, {e.kind})")
    click.echo(f"{len(entries)} entries, {terms} distinct terms")


@cli.command()
@_corpus
@_index
@click.option("--host", help="Bind address [QA_HOST].")
@click.option("--port", type=int, help="Port [QA_PORT].")
@click.option("--workers", type=click.IntRange(0, 64), help="Server processes; 0: one per core [QA_WORKERS].")
def serve(
    corpus: Path | None, index_dir: Path | None, host: str | None, port: int | None, workers: int | None
) -> None:
    """Build the index if needed and serve the chat page and the API."""
    import os

    import uvicorn

    from web.access import log_config
    from web.serving import NoDelayHTTP, fresh_metrics_dir, one_thread_each

    settings = load_settings(corpus=corpus, index_dir=index_dir, host=host, port=port, workers=workers)
    ensure_index(settings)
    one_thread_each()
    logging.getLogger("cancer_qa").setLevel(logging.INFO)
    processes = settings.workers or os.cpu_count() or 1
    where = f"http://{settings.host}:{settings.port}"
    click.echo(f"serving {settings.corpus} at {where} with {processes} worker(s)", err=True)
    # uvicorn's plain access line gives way to web/access.py's JSON line (no query string), in every worker.
    logs = log_config()
    if processes == 1:
        from service.live import LiveService
        from service.warmup import settle
        from web.app import create_app

        live = LiveService.open(settings)
        settle(live)  # the first answer waits for nothing; loading's garbage is handed back
        uvicorn.run(
            create_app(settings, live=live), host=settings.host, port=settings.port, log_level="info",
            http=NoDelayHTTP, log_config=logs, access_log=False,
        )  # fmt: skip
        return
    # Workers are forked from one loaded service (web/prefork.py) and keep their metrics in one
    # folder for /metrics to add up (web/metrics.py); prometheus-client reads it at import.
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(fresh_metrics_dir(settings.data_dir, settings.port))
    from web.prefork import serve_forked

    serve_forked(
        settings, processes,
        {"log_level": "info", "http": NoDelayHTTP, "log_config": logs, "access_log": False},
    )  # fmt: skip


@cli.command("eval")
@click.option("--suite", "suites", multiple=True, required=True, type=click.Path(path_type=Path))
@_corpus
@_index
@click.option("--report", type=click.Path(path_type=Path), help="Write the JSON report here.")
@click.option("--html", "html_path", type=click.Path(path_type=Path), help="Write the HTML report here.")
@click.option("--baseline", type=click.Path(path_type=Path), help="Gate against this baseline file.")
@click.option("--update-baseline", is_flag=True, help="Record this run as the new baseline.")
def eval_cmd(
    suites: tuple[Path, ...],
    corpus: Path | None,
    index_dir: Path | None,
    report: Path | None,
    html_path: Path | None,
    baseline: Path | None,
    update_baseline: bool,
) -> None:
    """Score gold suites (JSONL) against a corpus; with --baseline, fail on regressions."""
    from eval import gate
    from eval.html_report import html_report
    from eval.report import markdown_summary
    from eval.runner import run_eval

    settings = load_settings(corpus=corpus, index_dir=index_dir)
    ensure_index(settings, quiet=True)
    result = run_eval(settings, list(suites))
    click.echo(markdown_summary(result))
    for path, text in ((report, json.dumps(result.to_dict(), indent=2) + "\n"), (html_path, None)):
        if path is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text if text is not None else html_report(result), encoding="utf-8")
        click.echo(f"report: {path}", err=True)
    current = {gate.run_key(s.suite, s.corpus): gate.gated_metrics(s.summary) for s in result.suites}
    if baseline is None:
        return
    if update_baseline:
        gate.update_baseline(baseline, current)
        click.echo(f"baseline updated: {baseline} ({', '.join(current)})", err=True)
        return
    checks, notes = gate.check(current, gate.load_baseline(baseline))
    for note in notes:
        click.echo(f"NOTE: {note}", err=True)
    failed = [c for c in checks if not c.ok]
    for c in failed:
        click.echo(c.line(), err=True)
    if failed:
        raise RegressionError(f"eval gate failed: {len(failed)} metric(s) below baseline {baseline}")
    click.echo(f"eval gate passed: {len(checks)} checks against {baseline}", err=True)


@cli.group()
def feedback() -> None:
    """Answer feedback and its staff reviews."""


@feedback.command("export")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Suite file (JSON Lines).")
def feedback_export(out: Path) -> None:
    """Write reviewed feedback as gold questions, for `cancer-qa eval --suite FILE`."""
    from service.store.database import open_database
    from service.store.feedback import FeedbackStore
    from service.store.review import Reviews, suite_text

    settings = load_settings()
    store = FeedbackStore(open_database(settings.database_url, settings.data_dir))
    try:
        text, written, skipped = suite_text(Reviews(store))
    finally:
        store.database.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    note = f"; {skipped} reviewed item(s) without a shared question or a section skipped" if skipped else ""
    click.echo(f"wrote {written} gold question(s) to {out}{note}", err=True)


def main() -> None:
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except CancerQAError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
