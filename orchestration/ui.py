"""`make ui`: `dagster dev`, which SIGTERM stops even when it was started in the background.

A shell without job control starts a background command with SIGINT ignored,
and `dagster dev` maps SIGTERM onto SIGINT's handler: started as `make ui &`,
it ignored SIGTERM and kept the UI, the daemon and their runs alive. This
restores SIGINT's default handler first, so SIGTERM shuts it down as Ctrl-C does.
"""

import signal
import sys

from dagster._cli import main as dagster_main


def main() -> None:
    """Given the arguments of `dagster dev`, run it with SIGINT (and so SIGTERM) handled."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.argv = ["dagster", "dev", *sys.argv[1:]]
    dagster_main()


if __name__ == "__main__":
    main()
