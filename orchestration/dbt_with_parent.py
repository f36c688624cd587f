#!/usr/bin/env python3
"""Start dbt so that it dies with the build that started it.

dagster-dbt starts dbt as a plain subprocess; when the build is killed
(`kill -9`, an OOM kill) dbt would run on, unlocked, and write into the next
build's file. This stand-in for the dbt executable asks the kernel to kill it
when its parent dies (`PR_SET_PDEATHSIG`, kept across exec) and then becomes
dbt. Standard library only: any `python3` can run it.
"""

import ctypes
import os
import signal
import sys

DBT_ENV = "KOMMUNLAGER_DBT_EXECUTABLE"  # the real dbt
PARENT_ENV = "KOMMUNLAGER_BUILD_PID"  # the build that must be alive to start dbt
PR_SET_PDEATHSIG = 1


def main() -> None:
    """Given dbt's arguments, become dbt, bound to the parent's life."""
    with_parent = hasattr(os, "getppid") and sys.platform.startswith("linux")
    if with_parent:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        expected = os.environ.get(PARENT_ENV)
        if expected and int(expected) != os.getppid():
            sys.exit("dbt not started: the build that asked for it has ended")
    dbt = os.environ.get(DBT_ENV, "dbt")
    os.execvp(dbt, [dbt, *sys.argv[1:]])


if __name__ == "__main__":
    main()
