"""Per-report limits, so one pathological file cannot stall a nightly run or exhaust memory.

Time: SIGALRM in the reading process. Memory: each report is read in a
child process whose address space may grow by at most the report's memory
budget (`resource.RLIMIT_AS`); one Python process cannot bound the memory of
one of its calls, a child can. The child dies with its parent
(`PR_SET_PDEATHSIG`), so a killed build leaves no reader running.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from extract.model import ReadError

PR_SET_PDEATHSIG = 1  # linux/prctl.h
GRACE_SECONDS = 30.0  # past the time limit, for the child to write its own failed row
MB = 1024 * 1024
_CONTEXT: list[multiprocessing.context.BaseContext] = []


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


def _child(connection, function: Callable, args: tuple, budget_bytes: int) -> None:
    """Given a call and a memory budget, run it within the budget and send back its result."""
    die_with_parent()
    _limit_memory(budget_bytes)
    try:
        message = ("ok", function(*args))
    except MemoryError:
        message = ("memory", None)
    except Exception as error:  # sent to the parent, which records it as the report's error
        message = ("error", f"unexpected {type(error).__name__} while reading: {error}")
    connection.send(message)
    connection.close()


def _context() -> multiprocessing.context.BaseContext:
    """Return the process context for readers: a fork server with the extract code loaded.

    Forking the build process itself is unsafe (polars and DuckDB run threads);
    the fork server is a small clean process that forks one child per report.
    """
    if not _CONTEXT:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["extract.pipeline"])
        _CONTEXT.append(context)
    return _CONTEXT[0]


def run_limited(function: Callable, args: tuple, memory_bytes: int, seconds: float) -> Any:
    """Given a picklable call, return its result, computed in a child within the limits.

    Raise MemoryLimitExceeded or TimeLimitExceeded when a limit stopped it, and
    ReadError when the child failed otherwise. In a daemonic process, which may
    not start children, the call runs here without the memory limit.
    """
    if multiprocessing.current_process().daemon:
        return function(*args)
    receive, send = _context().Pipe(duplex=False)
    child = _context().Process(target=_child, args=(send, function, args, memory_bytes))
    child.start()
    send.close()
    try:
        if not receive.poll(seconds + GRACE_SECONDS):
            raise TimeLimitExceeded(f"reading took longer than the limit of {seconds:g} s")
        status, value = receive.recv()
    except EOFError:
        status, value = "died", None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    return _result(status, value, child.exitcode, memory_bytes)


def _result(status: str, value: Any, exitcode: int | None, memory_bytes: int) -> Any:
    """Given what a child sent and how it ended, return its result or raise why it has none."""
    limit = f"the memory limit of {memory_bytes / MB:g} MB"
    if status == "ok":
        return value
    if status == "memory":
        raise MemoryLimitExceeded(f"reading needed more than {limit}")
    if status == "error":
        raise ReadError(value)
    ended = signal.Signals(-exitcode).name if exitcode and exitcode < 0 else f"status {exitcode}"
    raise MemoryLimitExceeded(
        f"the reading process ended abnormally ({ended}); a report over {limit} ends like this"
    )
