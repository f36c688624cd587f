"""Peak memory of a build over the hostile set: `python -m bench.memory [--extract-only]`.

Writes the hostile files of issue 10 into a scratch folder (a DOCX whose
document.xml expands to 1 GB, a DOCX with 100 MB of XML, a 200 MB text
file, and ones just under the text limit; `--small`: the same files at a
64th of their size, for the smoke test) beside the bad files of
`tests/fixtures/hostile` and the two orchestration fixtures, runs
`kommunlager build` over them in its own process and samples the RSS of the
build and every process under it (`--extract-only`: `python -m extract`, the
stage the per-report bound applies to, without dbt). Prints one JSON line: the
peak of the whole tree, the peak of any one process, the bound, and each
report's status.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import duckdb
import psutil

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
DOCX = FIXTURES / "docx" / "interim_report.docx"
MB = 1024 * 1024
BOUND_MB = 1024  # the documented per-report bound (KOMMUNLAGER_MAX_MEMORY_MB default)
CHUNK = b"<w:p><w:r><w:t>" + b"kommun " * 140 + b"</w:t></w:r></w:p>"
SMALL = 64  # `--small` divides every written file's size by this


def write_docx(path: Path, xml_bytes: int) -> Path:
    """Given a path, write a DOCX whose document.xml holds about xml_bytes of paragraphs."""
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                target.writestr(item, source.read(item.filename), zipfile.ZIP_DEFLATED)
                continue
            head, tail = source.read(item.filename).split(b"<w:body>", 1)
            info = zipfile.ZipInfo(item.filename)
            info.compress_type = zipfile.ZIP_DEFLATED  # 1 GB of XML in a few MB: a bomb
            with target.open(info, "w", force_zip64=True) as part:
                part.write(head + b"<w:body>")
                for _ in range(xml_bytes // len(CHUNK)):
                    part.write(CHUNK)
                part.write(tail)
    return path


def write_text(path: Path, size: int) -> Path:
    """Given a path, write a text export of about size bytes (the fixture report repeated)."""
    report = (FIXTURES / "orchestration" / "report_one.txt").read_bytes()
    with open(path, "wb") as handle:
        for _ in range(size // len(report)):
            handle.write(report)
    return path


def hostile_folder(raw: Path, small: bool = False) -> Path:
    """Given a folder and whether to write the small set, fill it with the hostile set and
    two good reports; return it."""
    raw.mkdir(parents=True)
    for path in [*(FIXTURES / "hostile").iterdir(), *(FIXTURES / "orchestration").iterdir()]:
        shutil.copyfile(path, raw / path.name)
    unit = MB // SMALL if small else MB
    write_docx(raw / "bomb_1gb_xml.docx", 1024 * unit)
    write_docx(raw / "xml_100mb.docx", 100 * unit)
    write_docx(raw / "xml_15mb.docx", 15 * unit)
    write_text(raw / "text_200mb.txt", 200 * unit)
    write_text(raw / "text_15mb.txt", 15 * unit)
    return raw


def sample(build: psutil.Popen) -> tuple[float, float]:
    """Given a running build, return the peak RSS in MB of its process tree and of one process."""
    tree_peak = one_peak = 0.0
    while build.poll() is None:
        try:
            processes = [build, *build.children(recursive=True)]
            sizes = [p.memory_info().rss / MB for p in processes]
        except psutil.Error:
            continue
        tree_peak, one_peak = max(tree_peak, sum(sizes)), max(one_peak, max(sizes))
        time.sleep(0.02)
    return tree_peak, one_peak


def measure(extract_only: bool = False, keep: bool = False, small: bool = False) -> dict:
    """Given whether to extract only, to keep the scratch folder and to write the small set,
    build over the hostile set once; return its measurements."""
    scratch = Path(tempfile.mkdtemp(prefix="kommunlager-memory-"))
    try:
        raw = hostile_folder(scratch / "raw", small)
        warehouse = scratch / "out" / "warehouse.duckdb"
        command = [sys.executable, "-m", "orchestration.cli", "build", "--raw-dir", str(raw)]
        command += ["--warehouse", str(warehouse)]
        if extract_only:
            command = [sys.executable, "-m", "extract", str(raw), str(warehouse.parent / "x")]
        started = time.perf_counter()
        build = psutil.Popen(
            command,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        tree_peak, one_peak = sample(build)
        pattern = str(warehouse.parent / ("x" if extract_only else "extracted") / "reports")
        with duckdb.connect() as con:
            reports = con.execute(
                "select file_name, status, error from read_parquet($p)",
                {"p": pattern + "/*.parquet"},
            ).fetchall()
        return {
            "exit": build.returncode,
            "seconds": round(time.perf_counter() - started, 1),
            "peak_tree_rss_mb": round(tree_peak),
            "peak_one_process_rss_mb": round(one_peak),
            "bound_per_report_mb": BOUND_MB,
            "small": small,
            "reports": {name: [status, error] for name, status, error in sorted(reports)},
        }
    finally:
        if not keep:
            shutil.rmtree(scratch, ignore_errors=True)


def peak_line(result: dict) -> str:
    """Given a build's measurements over the hostile set, return its line of `make bench`."""
    failed = sum(1 for status, _ in result["reports"].values() if status == "failed")
    bomb = "16 MB (the small set)" if result["small"] else "1 GB"
    return (
        f"Hostile set ({len(result['reports'])} files, {failed} failed, a DOCX whose XML "
        f"expands to {bomb} among them), whole build: peak RSS {result['peak_tree_rss_mb']} MB "
        f"over its processes, {result['peak_one_process_rss_mb']} MB in one (bound "
        f"{result['bound_per_report_mb']} MB per report), {result['seconds']} s, "
        f"exit {result['exit']}."
    )


def write_peak_line(results_dir: Path, small: bool = False) -> str:
    """Given the results folder of `make bench` and whether to write the small set, measure
    the hostile set, add its line to bench.md and its measurements as hostile.json; return
    the line."""
    result = measure(small=small)
    line = peak_line(result)
    (results_dir / "hostile.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    with (results_dir / "bench.md").open("a", encoding="utf-8") as report:
        report.write(f"\n\n{line}\n")
    return line


def main() -> None:
    """Given the command line, measure one build over the hostile set and print the result."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--extract-only", action="store_true", help="extraction alone, no dbt")
    parser.add_argument("--small", action="store_true", help="each file a 64th of its size")
    args = parser.parse_args()
    print(json.dumps(measure(args.extract_only, args.keep, args.small), ensure_ascii=False))


if __name__ == "__main__":
    main()
