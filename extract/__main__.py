"""`python -m extract RAW_DIR OUT_DIR`: extract every report of a folder to Parquet."""

from __future__ import annotations

import argparse
from pathlib import Path

from extract.pipeline import discover_reports, extract_report, read_manifest


def main(argv: list[str] | None = None) -> int:
    """Given command-line arguments, extract a folder and print one line per report."""
    parser = argparse.ArgumentParser(prog="python -m extract", description=__doc__)
    parser.add_argument("raw_dir", type=Path, help="folder of report files")
    parser.add_argument("out_dir", type=Path, help="folder for the Parquet relations")
    args = parser.parse_args(argv)
    manifest = read_manifest(args.raw_dir)
    paths = discover_reports(args.raw_dir)
    for number, path in enumerate(paths, start=1):
        outcome = extract_report(path, args.out_dir, manifest.get(path.name))
        detail = outcome.error or f"{outcome.n_tables} tables, {outcome.n_cells} cells"
        print(f"[{number}/{len(paths)}] {path.name}: {outcome.status}, {detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
