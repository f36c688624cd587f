"""Several reports read at once: a pool of `extract.worker` processes, one job each at a time.

Files with the same bytes share a report key, so they form one job, read in
order by one worker, as a serial build reads them: the last one's rows are
the key's, whichever worker is faster. Outcomes are announced as reports
finish; they are returned in the order of the names given.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from extract.pipeline import ReportOutcome, file_sha256
from extract.worker import outcome_from_json

WORKERS_ENV = "KOMMUNLAGER_WORKERS"
OutcomeCallback = Callable[[int, int, ReportOutcome], None]


class WorkerFailed(RuntimeError):
    """A worker ended without answering for a report (killed, out of memory)."""


def usable_cores() -> int:
    """Return the processors this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def available_memory() -> int | None:
    """Return the memory the kernel says is available without swapping, or None if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def pool_size(requested: int, jobs: int, memory_per_report: int) -> int:
    """Given the workers asked for (0: one per core), the jobs and a report's memory budget,
    return how many workers to start.

    One per core unless asked otherwise, and by default no more than the
    available memory holds at one report's budget each, so running reports
    side by side cannot exhaust it where one at a time could not.
    """
    if requested <= 0:
        memory = available_memory()
        fits = usable_cores() if memory is None else max(1, memory // memory_per_report)
        requested = min(usable_cores(), fits)
    return max(1, min(requested, jobs))


def jobs_by_content(raw_dir: Path, names: list[str]) -> list[list[str]]:
    """Given file names in order, return them grouped by identical bytes, groups in order."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(file_sha256(Path(raw_dir) / name), []).append(name)
    return list(groups.values())


class Worker:
    """One `python -m extract.worker` process and the job it is reading."""

    def __init__(self):
        command = [sys.executable, "-m", "extract.worker", str(os.getpid())]
        # Unbuffered bytes: select() sees what the worker wrote, not what a buffer kept.
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0
        )
        self.names: list[str] = []  # of the current job, those not answered yet
        self.partial = b""  # an answer's start, read before its end

    def send(self, job: dict) -> None:
        """Given a job, send it to the worker."""
        self.names = list(job["names"])
        self.process.stdin.write((json.dumps(job) + "\n").encode())

    def receive(self) -> list[tuple[str, ReportOutcome]]:
        """Given the worker's output is ready, return (name, outcome) of each report it
        finished; raise why it finished none."""
        chunk = os.read(self.process.stdout.fileno(), 1 << 16)
        if not chunk:
            status = self.process.wait()
            raise WorkerFailed(
                f"the extraction worker reading {self.names[0]} ended (status {status})"
            )
        *lines, self.partial = (self.partial + chunk).split(b"\n")
        return [self._outcome(json.loads(line)) for line in lines]

    def _outcome(self, answer: dict) -> tuple[str, ReportOutcome]:
        """Given one answer, return its file name and outcome; raise the write error it reports."""
        name = self.names.pop(0)
        if "error" in answer:
            raise OSError(f"writing the extraction of {name} failed: {answer['error']}")
        return name, outcome_from_json(answer["outcome"])

    def close(self) -> None:
        """End the worker: at once if it is still reading, else when it sees no more jobs."""
        if self.names:
            self.process.kill()
        self.process.stdin.close()
        self.process.wait()
        self.process.stdout.close()


def extract_in_pool(
    raw_dir: Path,
    extracted_dir: Path,
    names: list[str],
    manifest: dict[str, dict],
    workers: int,
    on_outcome: OutcomeCallback,
) -> list[ReportOutcome]:
    """Given files to read (their old extraction forgotten), read them in `workers` processes.

    Calls on_outcome(i, total, outcome) as each report finishes; returns the
    outcomes in the order of `names`.
    """
    pending = jobs_by_content(raw_dir, names)
    pool = [Worker() for _ in range(min(workers, len(pending)))]
    done: dict[str, ReportOutcome] = {}
    try:
        while len(done) < len(names):
            for worker in (w for w in pool if not w.names and pending):
                job = {"raw_dir": str(raw_dir), "extracted_dir": str(extracted_dir)}
                job_names = pending.pop(0)
                rows = {name: manifest[name] for name in job_names if name in manifest}
                worker.send({**job, "names": job_names, "manifest": rows})
            busy = {w.process.stdout.fileno(): w for w in pool if w.names}
            ready, _, _ = select.select(list(busy), [], [])
            for name, outcome in (o for stream in ready for o in busy[stream].receive()):
                done[name] = outcome
                on_outcome(len(done), len(names), outcome)
    finally:
        for worker in pool:
            worker.close()
    return [done[name] for name in names]
