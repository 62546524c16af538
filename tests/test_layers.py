"""The house: imports run one way. ``core`` (errors, settings) is under everything; ``ingest`` ->
``index`` -> ``service`` -> ``web``; ``eval`` drives the service from outside; the CLI
(``cancer_qa``) is on top and nothing imports it. Every import counts, including the ones inside
functions, and no two modules of a package import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

ALLOWED = {
    "core": set(),
    "ingest": {"core"},
    "index": {"core", "ingest"},
    "service": {"core", "ingest", "index"},
    "web": {"core", "ingest", "index", "service"},
    "eval": {"core", "ingest", "index", "service"},
    "cancer_qa": {"core", "ingest", "index", "service", "web", "eval"},
}


def _imports(package: str) -> dict[str, set[str]]:
    """Module name -> the project modules it imports."""
    found: dict[str, set[str]] = {}
    for file in sorted((REPO / package).rglob("*.py")):
        module = ".".join(file.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        names: set[str] = set()
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:  # ``from pkg import submodule`` imports the submodule
                    sub = REPO.joinpath(*node.module.split("."), alias.name)
                    is_module = sub.with_suffix(".py").is_file() or sub.is_dir()
                    names.add(f"{node.module}.{alias.name}" if is_module else node.module)
        found[module] = {n for n in names if n.split(".")[0] in ALLOWED}
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_each_package_imports_only_the_layers_below_it(package: str) -> None:
    upward = sorted(
        f"{module} imports {name}"
        for module, names in _imports(package).items()
        for name in names
        if name.split(".")[0] not in ALLOWED[package] | {package}
    )
    assert upward == []


def test_no_two_modules_import_each_other() -> None:
    graph = {m: n for package in ALLOWED for m, n in _imports(package).items()}
    circles = sorted(
        f"{a} <-> {b}" for a, names in graph.items() for b in names if b in graph and a < b and a in graph[b]
    )
    assert circles == []


def test_the_checker_sees_an_import_inside_a_function(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "service").mkdir()
    (tmp_path / "service" / "x.py").write_text("def f():\n    from cancer_qa.cli import main\n")
    monkeypatch.setattr("tests.test_layers.REPO", tmp_path)
    assert _imports("service") == {"service.x": {"cancer_qa.cli"}}
