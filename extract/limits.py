"""Per-report limits, so one pathological file cannot stall a nightly run or exhaust memory.

Time: SIGALRM in the reading process. Memory: each report is read in a
child process whose address space may grow by at most the report's memory
budget (`resource.RLIMIT_AS`); one Python process cannot bound the memory of
one of its calls, a child can. The child dies with its parent
(`PR_SET_PDEATHSIG`), so a killed build leaves no reader running.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import resource
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from extract.model import ReadError

PR_SET_PDEATHSIG = 1  # linux/prctl.h
GRACE_SECONDS = 30.0  # past the time limit, for the child to write its own failed row
MB = 1024 * 1024
REPEAT_SECONDS = 0.5  # after the time limit, the alarm fires again this often


class TimeLimitExceeded(ReadError):
    """Reading one report took longer than its configured limit."""


class MemoryLimitExceeded(ReadError):
    """Reading one report needed more memory than its configured limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Given a limit in seconds, raise TimeLimitExceeded if the block runs longer.

    SIGALRM only works in the main thread; elsewhere (a threaded caller) the
    block runs unlimited, which callers can see from `limit_enforceable()`.
    """
    if not seconds or not limit_enforceable():
        yield
        return

    message = f"reading took longer than the limit of {seconds:g} s"

    def _expire(signum, frame):  # noqa: ARG001 - signal handler signature
        raise TimeLimitExceeded(message)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _expire)
    # The alarm repeats: a library that catches every exception (pdfminer does, in
    # places) can swallow one raise, and the read would then run unlimited.
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if time.monotonic() - started > seconds:  # every raise was swallowed: still over the limit
        raise TimeLimitExceeded(message)


def limit_enforceable() -> bool:
    """Return whether a time limit can be enforced here (only in the main thread)."""
    return threading.current_thread() is threading.main_thread()


def die_with_parent() -> None:
    """Given a child process, have the kernel kill it when its parent dies (Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the child outlives a killed parent
        return


def _limit_memory(budget_bytes: int) -> None:
    """Given a budget, let this process's address space grow by at most that much."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        in_use = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = in_use + budget_bytes
    resource.setrlimit(resource.RLIMIT_AS, (soft if hard < 0 else min(soft, hard), hard))


def run_limited(function: Callable, args: tuple, memory_bytes: int, seconds: float) -> Any:
    """Given a picklable-result call, return its result, computed in a child within the limits.

    The child is forked from this process: it has the code loaded, reads one
    report (readers use no thread pools, so forking is safe), sends the result
    back pickled and exits. Raise MemoryLimitExceeded or TimeLimitExceeded when
    a limit stopped it, and ReadError with its message when the call raised.
    """
    receive, send = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(receive)
        _child(send, function, args, memory_bytes)
    os.close(send)
    try:
        data = _read_all(receive, time.monotonic() + seconds + GRACE_SECONDS)
    finally:
        os.close(receive)
        if data is None:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if data is None:
        raise TimeLimitExceeded(f"reading took longer than the limit of {seconds:g} s")
    return _result(data, status, memory_bytes)


def _child(send: int, function: Callable, args: tuple, budget_bytes: int) -> None:
    """Given a call and a memory budget, run it within the budget, send its outcome, exit."""
    try:
        die_with_parent()
        _limit_memory(budget_bytes)
        try:
            message = pickle.dumps(("ok", function(*args)))
        except MemoryError:
            message = pickle.dumps(("memory", None))
        except ReadError as error:
            message = pickle.dumps(("error", str(error)))
        except Exception as error:  # a reader bug fails this report, not the build
            text = f"unexpected {type(error).__name__} while reading: {error}"
            message = pickle.dumps(("error", text))
        with os.fdopen(send, "wb") as out:
            out.write(message)
    finally:
        os._exit(0)  # no cleanup of the parent's state: it is the parent's


def _read_all(descriptor: int, deadline: float) -> bytes | None:
    """Given a pipe, return everything written to it before EOF, or None at the deadline."""
    chunks = []
    while True:
        ready, _, _ = select.select([descriptor], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return None
        chunk = os.read(descriptor, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _result(data: bytes, status: int, memory_bytes: int) -> Any:
    """Given what a child sent and how it ended, return its result or raise why it has none."""
    limit = f"the memory limit of {memory_bytes / MB:g} MB"
    outcome, value = pickle.loads(data) if data else ("died", None)
    if outcome == "ok":
        return value
    if outcome == "memory":
        raise MemoryLimitExceeded(f"reading needed more than {limit}")
    if outcome == "error":
        raise ReadError(value)
    ended = os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    how = signal.Signals(ended).name if os.WIFSIGNALED(status) else f"status {ended}"
    raise MemoryLimitExceeded(
        f"the reading process ended abnormally ({how}); a report over {limit} ends like this"
    )
