"""A report whose Parquet cannot be written (a full disk) raises, leaving none of its files.

Not the report's fault, so it is not recorded as failed: the build fails naming the
cause and the next build reads the report again. Here the disk is full once the
relations written first fit and the `reports` row, written last, does not.
"""

import resource
import signal
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REPORT = REPO / "tests/fixtures/orchestration/report_two.txt"  # 6 KB
FILE_SIZE_LIMIT = 7000  # bytes: the copy and five relations fit, the reports row does not
EXTRACT = (
    "import sys, pathlib, extract.pipeline as p; p.extract_report(*map(pathlib.Path, sys.argv[1:]))"
)


def limit_file_size() -> None:
    """In the extracting process: files may not grow past FILE_SIZE_LIMIT."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))


def test_a_report_that_cannot_be_written_raises_and_leaves_no_parquet(tmp_path):
    out = tmp_path / "extracted"
    run = subprocess.run(
        [sys.executable, "-c", EXTRACT, str(REPORT), str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size,
    )
    assert run.returncode != 0
    assert "File too large" in run.stderr.strip().splitlines()[-1]
    assert (out / "text_blocks").is_dir()  # written, then taken back
    assert not list(out.rglob("*.parquet")) and not list(out.rglob("*.tmp"))
