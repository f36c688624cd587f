"""One writer per warehouse: an exclusive `flock` on `<warehouse>.lock`.

The CLI and every Dagster run that writes take it. The lock file says who
holds it (pid, start time, command), so a refused run can name the holder.
Re-entrant within one process: the CLI holds it while the in-process
Dagster run it starts takes it again.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

_HELD: dict[Path, int] = {}  # lock file -> nesting depth in this process


class LockHeld(RuntimeError):
    """Another process is building the same warehouse."""


def lock_path(warehouse: Path) -> Path:
    """Given a warehouse file, return its lock file."""
    warehouse = Path(warehouse).resolve()
    return warehouse.with_name(warehouse.name + ".lock")


def holder(warehouse: Path) -> str:
    """Given a warehouse file, return who last took its lock, as written in the lock file."""
    try:
        return lock_path(warehouse).read_text(encoding="utf-8").strip() or "unknown process"
    except FileNotFoundError:
        return "unknown process"


@contextmanager
def warehouse_lock(warehouse: Path, wait: bool = False) -> Iterator[None]:
    """Given a warehouse file, hold its exclusive lock; raise LockHeld unless told to wait."""
    path = lock_path(warehouse)
    if path in _HELD:
        _HELD[path] += 1
        try:
            yield
        finally:
            _HELD[path] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(descriptor, warehouse, wait)
        _write_holder(descriptor)
        _HELD[path] = 1
        try:
            yield
        finally:
            del _HELD[path]
    finally:
        os.close(descriptor)  # closing releases the flock


def _acquire(descriptor: int, warehouse: Path, wait: bool) -> None:
    """Given an open lock file, take the lock, waiting only when asked."""
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        if not wait:
            raise LockHeld(
                f"another build holds the warehouse lock {lock_path(warehouse)}: "
                f"{holder(warehouse)}"
            ) from None
        fcntl.flock(descriptor, fcntl.LOCK_EX)


def _write_holder(descriptor: int) -> None:
    """Given the held lock file, record this process as its holder."""
    started = datetime.now(UTC).isoformat(timespec="seconds")
    command = " ".join(os.path.basename(arg) for arg in sys.argv[:2])
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"pid {os.getpid()} since {started} ({command})\n".encode())
