"""One writer per warehouse: an exclusive `flock` on the warehouse's folder.

The CLI and every Dagster run that writes take it. The folder is locked, not
a file in it: a stray `rm` of a lock file would let a second build in beside
a running one, while a folder with files in it cannot be removed by `rm`.
One lock per folder is also the true unit of exclusion: the extracted
Parquet, the Data Docs and the build log sit beside the warehouse. The file
`<warehouse>.lock` only says who holds it (pid, start time, command), so a
refused run can name the holder. Re-entrant within one process: the CLI holds
it while the in-process Dagster run it starts takes it again.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

_HELD: dict[Path, int] = {}  # locked folder -> nesting depth in this process


class LockHeld(RuntimeError):
    """Another process is building the same warehouse."""


def lock_path(warehouse: Path) -> Path:
    """Given a warehouse file, return the file naming its lock's holder."""
    warehouse = Path(warehouse).absolute()
    return warehouse.with_name(warehouse.name + ".lock")


def holder(warehouse: Path) -> str:
    """Given a warehouse file, return who last took its lock, as written in the lock file."""
    try:
        return lock_path(warehouse).read_text(encoding="utf-8").strip() or "unknown process"
    except (FileNotFoundError, UnicodeDecodeError):
        return "unknown process"


@contextmanager
def warehouse_lock(warehouse: Path, wait: bool = False) -> Iterator[None]:
    """Given a warehouse file, hold its folder's lock; raise LockHeld unless told to wait."""
    folder = lock_path(warehouse).parent.resolve()
    if folder in _HELD:
        _HELD[folder] += 1
        try:
            yield
        finally:
            _HELD[folder] -= 1
        return
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        _acquire(descriptor, warehouse, wait)
        _write_holder(lock_path(warehouse))
        _HELD[folder] = 1
        try:
            yield
        finally:
            del _HELD[folder]
    finally:
        os.close(descriptor)  # closing releases the flock


def _acquire(descriptor: int, warehouse: Path, wait: bool) -> None:
    """Given the open folder, take the lock, waiting only when asked."""
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        if not wait:
            raise LockHeld(
                f"another build holds the warehouse lock on {lock_path(warehouse).parent} "
                f"(holder named in {lock_path(warehouse)}): {holder(warehouse)}"
            ) from None
        fcntl.flock(descriptor, fcntl.LOCK_EX)


def _write_holder(path: Path) -> None:
    """Given the lock's holder file, record this process as the holder."""
    started = datetime.now(UTC).isoformat(timespec="seconds")
    command = " ".join(os.path.basename(arg) for arg in sys.argv[:2])
    path.write_text(f"pid {os.getpid()} since {started} ({command})\n", encoding="utf-8")
