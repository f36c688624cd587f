"""Per-report limits, so one pathological file cannot stall a nightly run."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from extract.model import ReadError


class TimeLimitExceeded(ReadError):
    """Reading one report took longer than its configured limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Given a limit in seconds, raise TimeLimitExceeded if the block runs longer.

    SIGALRM only works in the main thread; elsewhere (a threaded caller) the
    block runs unlimited, which callers can see from `limit_enforceable()`.
    """
    if not seconds or not limit_enforceable():
        yield
        return

    def _expire(signum, frame):  # noqa: ARG001 - signal handler signature
        raise TimeLimitExceeded(f"reading took longer than the limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limit_enforceable() -> bool:
    """Return whether a time limit can be enforced here (only in the main thread)."""
    return threading.current_thread() is threading.main_thread()
