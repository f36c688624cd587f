"""Many extractors or one build: a shared/exclusive `flock` on the extracted folder.

Extraction runs in parallel, one run per report partition, and takes no
warehouse lock. Each extraction holds the folder's lock *shared* while it
writes one report's Parquet and sidecar; the build holds it *exclusive* for
its whole run, so its orphan sweep never deletes a report whose sidecar is
still being written, and the extracts dbt reads are the ones it publishes
as built. An extraction that arrives during a build waits for it.

Re-entrant within one process: the CLI's in-process run holds the folder
exclusively while its own extract step asks for it shared.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".extract.lock"
_HELD: dict[Path, int] = {}  # lock file -> nesting depth of this process's exclusive hold


def folder_lock_path(extracted_dir: Path) -> Path:
    """Given the extracted folder, return its lock file."""
    return Path(extracted_dir).resolve() / LOCK_NAME


@contextmanager
def extracts_shared(extracted_dir: Path) -> Iterator[None]:
    """Given the extracted folder, hold it shared (one extraction), waiting out a build."""
    if folder_lock_path(extracted_dir) in _HELD:
        yield  # this process builds: it already holds the folder exclusively
        return
    with _flock(extracted_dir, fcntl.LOCK_SH):
        yield


@contextmanager
def extracts_exclusive(extracted_dir: Path) -> Iterator[None]:
    """Given the extracted folder, hold it exclusively (the build), waiting out extractions."""
    path = folder_lock_path(extracted_dir)
    if path in _HELD:
        _HELD[path] += 1
        try:
            yield
        finally:
            _HELD[path] -= 1
        return
    with _flock(extracted_dir, fcntl.LOCK_EX):
        _HELD[path] = 1
        try:
            yield
        finally:
            del _HELD[path]


@contextmanager
def _flock(extracted_dir: Path, mode: int) -> Iterator[None]:
    """Given the folder and a flock mode, hold that lock on its lock file until the block ends."""
    path = folder_lock_path(extracted_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, mode)
        yield
    finally:
        os.close(descriptor)  # closing releases the flock
