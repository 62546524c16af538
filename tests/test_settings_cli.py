from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from cancer_qa import cli as cli_module
from core.errors import ConfigError
from core.settings import load_settings


def test_settings_errors_name_the_key_and_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_PORT", "eighty")
    with pytest.raises(ConfigError, match=r"^QA_PORT='eighty' is not valid: "):
        load_settings()
    monkeypatch.delenv("QA_PORT")
    with pytest.raises(ConfigError, match=r"^QA_TOP_K=0 is not valid: "):
        load_settings(top_k=0)


def test_unknown_model_is_a_config_error() -> None:
    from index.embedder import load_embedder

    with pytest.raises(ConfigError, match="QA_MODEL='nope' is not valid: known models are all-MiniLM-L6-v2"):
        load_embedder("nope")


def test_cli_errors_are_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _main(["ingest", "--corpus", str(tmp_path / "missing")])
    assert exit_info.value.code == 1
    assert capsys.readouterr().err == f"error: corpus folder not found: {tmp_path / 'missing'}\n"


def _main(argv: list[str]) -> None:
    import sys

    old = sys.argv
    sys.argv = ["cancer-qa", *argv]
    try:
        cli_module.main()
    finally:
        sys.argv = old


def test_cli_ingest_reports_skips(tiny_corpus: Path) -> None:
    (tiny_corpus / "empty.md").write_text("")
    result = CliRunner().invoke(cli_module.cli, ["ingest", "--corpus", str(tiny_corpus), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [d["id"] for d in report["documents"]] == ["lapatinib", "melanoma"]
    assert report["skipped"] == [{"path": "empty.md", "reason": "empty file"}]


@pytest.fixture
def fake_model(tmp_path: Path, fake_embedder, monkeypatch):  # type: ignore[no-untyped-def]
    """The CLI builds and serves with the fake embedder, data under tmp_path."""
    import index.embedder as embedder_module

    monkeypatch.setattr(embedder_module, "_MODELS", {fake_embedder.name: lambda cache_dir: fake_embedder})
    monkeypatch.setattr("service.qa.serving_embedder", lambda path, name: fake_embedder)
    monkeypatch.setenv("QA_MODEL", fake_embedder.name)
    monkeypatch.setenv("QA_DATA_DIR", str(tmp_path / "data"))
    return fake_embedder


def test_cli_index_and_ask_with_fake_model(tiny_corpus: Path, fake_model) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    first = runner.invoke(cli_module.cli, ["index", "--corpus", str(tiny_corpus)])
    assert first.exit_code == 0, first.output
    assert "index built:" in first.output
    second = runner.invoke(cli_module.cli, ["index", "--corpus", str(tiny_corpus)])
    assert "index up to date:" in second.output
    asked = runner.invoke(
        cli_module.cli,
        ["ask", "What are the side effects of lapatinib?", "--corpus", str(tiny_corpus), "--json"],
    )
    assert asked.exit_code == 0, asked.output
    body = json.loads(asked.output)
    assert body["answer"][0]["text"] == "Lapatinib can cause side effects."
    plain = runner.invoke(
        cli_module.cli, ["ask", "What are the side effects of lapatinib?", "--corpus", str(tiny_corpus)]
    )
    assert (
        plain.output.splitlines()[0]
        == "Lapatinib can cause side effects. [1] Common side effects include the following: [2]"
    )
    assert "[1] Lapatinib — Side effects of lapatinib <https://example.org/lapatinib>" in plain.output


def test_serve_on_an_unwritable_data_folder_is_one_line(
    tiny_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("QA_DATA_DIR", str(tmp_path / "file" / "data"))
    with pytest.raises(SystemExit) as exit_info:
        _main(["serve", "--corpus", str(tiny_corpus)])
    assert exit_info.value.code == 1
    assert capsys.readouterr().err == (
        f"error: the index folder {tmp_path / 'file' / 'data' / 'index'} cannot be written: Not a directory; "
        "set QA_DATA_DIR (or QA_INDEX_DIR) to a writable folder\n"
    )


def test_serve_with_workers_forks_them_from_one_service_over_these_settings(
    tiny_corpus: Path, tmp_path: Path, fake_model, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # prometheus-client picks its mode at import: imported before serve sets PROMETHEUS_MULTIPROC_DIR,
    # this test process stays in the one-process mode the other tests expect.
    import prometheus_client  # noqa: F401
    from fastapi.testclient import TestClient

    import web.prefork
    from web.serving import SINGLE_THREADED

    for key in ("PROMETHEUS_MULTIPROC_DIR", *SINGLE_THREADED):  # serve sets them
        monkeypatch.delenv(key, raising=False)
    stale = tmp_path / "data" / "metrics" / "8000" / "counter_123.db"  # a previous run's worker
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    calls = []
    monkeypatch.setattr(web.prefork, "serve_forked", lambda *args: calls.append(args))
    result = CliRunner().invoke(cli_module.cli, ["serve", "--corpus", str(tiny_corpus), "--workers", "2"])
    assert result.exit_code == 0, result.output
    from web.access import log_config
    from web.serving import NoDelayHTTP

    assert all(os.environ[key] == value for key, value in SINGLE_THREADED.items())
    [(settings, processes, options)] = calls
    assert (settings.corpus, processes) == (tiny_corpus, 2)
    assert options == {
        "log_level": "info",
        "http": NoDelayHTTP,
        "log_config": log_config(),
        "access_log": False,
    }
    # Every worker keeps its metrics in one emptied folder under the data folder.
    assert os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(stale.parent)
    assert stale.parent.is_dir() and list(stale.parent.iterdir()) == []
    from service.live import LiveService
    from web.app import create_app  # what each forked worker builds around the parent's service

    client = TestClient(create_app(settings, live=LiveService.open(settings)))
    body = client.post("/api/ask", json={"question": "What are the side effects of lapatinib?"}).json()
    assert body["citations"][0]["doc"] == "lapatinib"


def test_serve_with_one_worker_writes_json_access_lines_and_no_metrics_folder(
    tiny_corpus: Path, tmp_path: Path, fake_model, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import uvicorn

    from web.access import log_config
    from web.serving import SINGLE_THREADED

    for key in ("PROMETHEUS_MULTIPROC_DIR", *SINGLE_THREADED):
        monkeypatch.delenv(key, raising=False)
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    result = CliRunner().invoke(cli_module.cli, ["serve", "--corpus", str(tiny_corpus), "--workers", "1"])
    assert result.exit_code == 0, result.output
    [(app, kwargs)] = calls
    assert kwargs["access_log"] is False and kwargs["log_config"] == log_config()
    assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ and not (tmp_path / "data" / "metrics").exists()
    access = kwargs["log_config"]["loggers"]["cancer_qa.access"]
    assert access == {"handlers": ["json_access"], "level": "INFO", "propagate": False}
    assert kwargs["log_config"]["formatters"]["json_lines"] == {"format": "%(message)s"}
