"""Write the extracted relations as Parquet, atomically, one file per report and relation."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import polars as pl

from extract.schema import RELATIONS


def relation_path(out_dir: Path, relation: str, report_key: str) -> Path:
    """Given the output folder, a relation and a report, return where its Parquet file lives."""
    return out_dir / relation / f"{report_key}.parquet"


def frame(relation: str, rows: list[dict]) -> pl.DataFrame:
    """Given rows as dicts, return a frame with the relation's explicit schema."""
    return pl.DataFrame(rows, schema=RELATIONS[relation], orient="row")


def write_atomically(data: pl.DataFrame, path: Path) -> None:
    """Given a frame and a target path, write it so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp"
    )
    os.close(descriptor)
    try:
        data.write_parquet(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_report(out_dir: Path, report_key: str, frames: dict[str, pl.DataFrame]) -> None:
    """Given one report's frames, write every relation; the `reports` row goes last."""
    ordered = sorted(frames, key=lambda relation: relation == "reports")
    for relation in ordered:
        write_atomically(frames[relation], relation_path(out_dir, relation, report_key))


def remove_report(out_dir: Path, report_key: str) -> None:
    """Given a report key, delete its files of every relation (the `reports` row first)."""
    for relation in sorted(RELATIONS, key=lambda name: name != "reports"):
        relation_path(out_dir, relation, report_key).unlink(missing_ok=True)
