"""Versioned index folders behind one pointer, so a running server never sees a half-written index.

An index path such as ``var/index/demo-1f4804c4`` is a *pointer*: a symbolic link to the current
version in ``var/index/demo-1f4804c4.versions/<version>/``. ``publish(tmp, path)`` moves a finished
build into the versions folder under a new name (its UTC build time), then switches the pointer
atomically (a new link renamed over the old one: readers see the old version or the new one, never
neither), and deletes versions beyond the newest ``KEEP``. A running server watches the pointer
(``current_version``) and swaps to the new version when it changes (``service/live.py``).

Paths under the pointer work as before (``path / "params.json"`` follows the link). A folder written
before versions existed is moved aside the first time a new version is published.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

KEEP = 3
"""Versions kept: the current one, and the two before it (a server may still be on one of them)."""


def versions_dir(path: Path) -> Path:
    return path.parent / f"{path.name}.versions"


def current_version(path: Path) -> Path:
    """The version folder the pointer names now (the path itself for an unversioned folder)."""
    return Path(os.path.realpath(path))


def _new_name() -> str:
    now = time.time()
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f"{now % 1:.6f}"[1:] + f"Z-{os.getpid()}"


def publish(tmp: Path, path: Path) -> Path:
    """Make the finished folder ``tmp`` the current version of ``path``; the new version's folder."""
    versions = versions_dir(path)
    versions.mkdir(parents=True, exist_ok=True)
    version = versions / _new_name()
    tmp.rename(version)
    link = path.parent / f".{path.name}.link-{os.getpid()}"
    link.unlink(missing_ok=True)
    link.symlink_to(Path(versions.name) / version.name)  # relative: the data folder can move
    if path.is_dir() and not path.is_symlink():  # written before versions: moved aside, once
        legacy = path.parent / f".{path.name}.old-{os.getpid()}"
        path.rename(legacy)
        shutil.rmtree(legacy, ignore_errors=True)
    os.replace(link, path)
    prune(path)
    return version


def prune(path: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` versions, never the current one; the ones deleted.
    (A server still on a deleted version keeps working: its open and mapped files stay readable.)"""
    versions = versions_dir(path)
    if not versions.is_dir():
        return []
    current = current_version(path)
    found = sorted((p for p in versions.iterdir() if p.is_dir()), key=lambda p: p.name, reverse=True)
    old = [p for p in found[keep:] if p.resolve() != current]
    for folder in old:
        shutil.rmtree(folder, ignore_errors=True)
    return old
