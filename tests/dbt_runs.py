"""`dbt build` of the project on a folder of extracted Parquet, in a process of its own."""

import json
import os
import subprocess
import sys
from pathlib import Path

from extract.manifest import read_manifest
from extract.pipeline import extract_report

PROJECT = Path(__file__).resolve().parents[1] / "dbt_project"


def dbt_build(root: Path, warehouse: Path, extracted: Path, project: Path = PROJECT) -> None:
    """Given a work folder, the warehouse to write and the extracts, build dbt on them.

    In its own process: dbt-duckdb keeps its connection open, and a test opens the file next.
    """
    environment = {**os.environ, "KOMMUNLAGER_WAREHOUSE": str(warehouse), "DO_NOT_TRACK": "1"}
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"), "build",
            "--project-dir", str(project), "--profiles-dir", str(project),
            "--target-path", str(root / "target"), "--log-path", str(root / "logs"),
            "--vars", json.dumps({"extracted_dir": str(extracted)}), "--quiet",
        ],
        env=environment, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def drawn_warehouse(root: Path, manifest: str, drawn: dict) -> Path:
    """Given a work folder, a manifest's text and the drawing function of each report file
    (its name to a function that draws it at a path), extract each report and build dbt on
    them; return the warehouse."""
    raw = root / "raw"
    raw.mkdir()
    (raw / "manifest.csv").write_text(manifest, encoding="utf-8")
    rows = read_manifest(raw)
    for name, draw in drawn.items():
        extract_report(draw(raw / name), root / "extracted", rows[name])
    path = root / "warehouse.duckdb"
    dbt_build(root, path, root / "extracted")
    return path
