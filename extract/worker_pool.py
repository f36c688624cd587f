"""Several reports read at once: this process and `extract.worker` processes beside it.

The build reads reports itself, as a serial build does, while N - 1 workers
read others: a worker costs a fresh interpreter importing the readers (about
1.5 s of CPU), so the build's own, already loaded, is put to work too, and a
build of few reports is not slower than a serial one. Files with the same
bytes share a report key, so they form one job, read in order by one
reader, as a serial build reads them: the last one's rows are the key's,
whichever reader is faster. The jobs are handed out largest first, so the
readers finish together. Outcomes are announced as reports finish; they are
returned in the order of the names given.
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
from extract.worker import extract_and_record, outcome_from_json

WORKERS_ENV = "KOMMUNLAGER_WORKERS"
# Jobs queued at a worker: while this process reads a report of its own it hands
# out none, and a worker with a second job queued does not wait for it meanwhile.
QUEUED_JOBS = 2
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


def largest_first(raw_dir: Path, jobs: list[list[str]]) -> list[list[str]]:
    """Given jobs, return them ordered by the bytes they read, the most first (ties in order).

    The readers run out of work together only if the last jobs are short: a long
    report handed out last, or queued behind another at a worker, is read alone
    while the other readers idle.
    """
    return sorted(jobs, key=lambda job: -sum((Path(raw_dir) / name).stat().st_size for name in job))


class Worker:
    """One `python -m extract.worker` process and the jobs sent to it not yet answered."""

    def __init__(self):
        command = [sys.executable, "-m", "extract.worker", str(os.getpid())]
        # Unbuffered bytes: select() sees what the worker wrote, not what a buffer kept.
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0
        )
        self.jobs: list[list[str]] = []  # the names of each job sent, those not answered yet
        self.partial = b""  # an answer's start, read before its end
        self.ready = False  # imports done: until then a job sent would only wait there

    def send(self, job: dict) -> None:
        """Given a job, queue it at the worker."""
        self.jobs.append(list(job["names"]))
        self.process.stdin.write((json.dumps(job) + "\n").encode())

    def receive(self) -> list[tuple[str, ReportOutcome]]:
        """Given the worker's output is ready, return (name, outcome) of each report it
        finished; raise why it finished none."""
        chunk = os.read(self.process.stdout.fileno(), 1 << 16)
        if not chunk:
            status = self.process.wait()
            reading = f"reading {self.jobs[0][0]}" if self.jobs else "starting"
            raise WorkerFailed(f"an extraction worker ended while {reading} (status {status})")
        *lines, self.partial = (self.partial + chunk).split(b"\n")
        answers = [json.loads(line) for line in lines]
        self.ready = self.ready or any("ready" in answer for answer in answers)
        return [self._outcome(answer) for answer in answers if "ready" not in answer]

    def _outcome(self, answer: dict) -> tuple[str, ReportOutcome]:
        """Given one answer, return its file name and outcome; raise the write error it reports."""
        name = self.jobs[0].pop(0)
        if not self.jobs[0]:
            self.jobs.pop(0)
        if "error" in answer:
            raise OSError(f"writing the extraction of {name} failed: {answer['error']}")
        return name, outcome_from_json(answer["outcome"])

    def close(self) -> None:
        """End the worker at once: it is idle, still importing, or the build failed."""
        self.process.kill()
        self.process.wait()
        self.process.stdin.close()
        self.process.stdout.close()


class Pool:
    """The build reading reports itself, with `helpers` worker processes beside it."""

    def __init__(self, raw_dir: Path, extracted_dir: Path, manifest: dict, helpers: int):
        self.raw_dir, self.extracted_dir, self.manifest = raw_dir, extracted_dir, manifest
        self.workers = [Worker() for _ in range(helpers)]

    def hand_out(self, pending: list[list[str]]) -> None:
        """Given the jobs not started, queue them at workers that have room, but the last:
        this process reads it, rather than wait."""
        for worker in (worker for worker in self.workers if worker.ready):
            while len(pending) > 1 and len(worker.jobs) < QUEUED_JOBS:
                names = pending.pop(0)
                rows = {name: self.manifest[name] for name in names if name in self.manifest}
                job = {"raw_dir": str(self.raw_dir), "extracted_dir": str(self.extracted_dir)}
                worker.send({**job, "names": names, "manifest": rows})

    def finished(self, wait: bool) -> list[tuple[str, ReportOutcome]]:
        """Return (name, outcome) of the reports the workers finished; wait for one if asked."""
        busy = {w.process.stdout.fileno(): w for w in self.workers if w.jobs or not w.ready}
        if not busy:
            return []
        ready, _, _ = select.select(list(busy), [], [], None if wait else 0)
        return [answer for stream in ready for answer in busy[stream].receive()]

    def read_here(self, names: list[str]) -> list[tuple[str, ReportOutcome]]:
        """Given one job, read it in this process, as a serial build does."""
        return [(name, self._read(name)) for name in names]

    def _read(self, name: str) -> ReportOutcome:
        """Given one file, extract it here and return its outcome."""
        row = self.manifest.get(name)
        return extract_and_record(self.raw_dir, self.extracted_dir, name, row)

    def close(self) -> None:
        """End every worker."""
        for worker in self.workers:
            worker.close()


def extract_in_pool(
    raw_dir: Path,
    extracted_dir: Path,
    names: list[str],
    manifest: dict[str, dict],
    workers: int,
    on_outcome: OutcomeCallback,
) -> list[ReportOutcome]:
    """Given files to read (their old extraction forgotten), read them `workers` at a time:
    here and in `workers - 1` worker processes.

    Calls on_outcome(i, total, outcome) as each report finishes (a worker's
    as soon as this process is not reading one itself); returns the outcomes
    in the order of `names`.
    """
    pending = largest_first(raw_dir, jobs_by_content(raw_dir, names))
    pool = Pool(raw_dir, extracted_dir, manifest, min(workers, len(pending)) - 1)
    done: dict[str, ReportOutcome] = {}
    try:
        while len(done) < len(names):
            pool.hand_out(pending)
            answers = pool.finished(wait=not pending)
            if pending:
                answers += pool.read_here(pending.pop(0))
            for name, outcome in answers:
                done[name] = outcome
                on_outcome(len(done), len(names), outcome)
    finally:
        pool.close()
    return [done[name] for name in names]
