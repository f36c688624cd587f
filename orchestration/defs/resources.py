"""The one door for configuration: where reports, Parquet, warehouse and quality docs live."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from orchestration.folder_lock import extracts_exclusive
from orchestration.lock import warehouse_lock

REPO_ROOT = Path(__file__).resolve().parents[2]

# Environment variable -> default, relative to the repo root (listed in .env.example).
RAW_DIR_ENV = ("KOMMUNLAGER_RAW_DIR", "data/raw")
EXTRACTED_DIR_ENV = ("KOMMUNLAGER_EXTRACTED_DIR", "data/extracted")
WAREHOUSE_ENV = ("KOMMUNLAGER_WAREHOUSE", "data/warehouse.duckdb")
QUALITY_DIR_ENV = ("KOMMUNLAGER_QUALITY_DIR", "data/quality")


def _resolve(value: str | None, env: tuple[str, str]) -> Path:
    """Given an explicit value or None, return it, else the env var, else the repo default."""
    name, default = env
    chosen = value or dg.EnvVar(name).get_value(default=str(REPO_ROOT / default))
    return _real_folder(Path(chosen))


def _real_folder(path: Path) -> Path:
    """Given a path, return it absolute with its folder resolved but not the name itself.

    The warehouse's stable name is a symbolic link to the published build; resolving
    it would make a build treat that build's own file as the stable name.
    """
    path = path.absolute()
    return path.parent.resolve() / path.name


class KommunlagerPaths(dg.ConfigurableResource):
    """Folders and files of one warehouse build.

    A field left unset falls back, when a run reads it, to its environment
    variable and then to the repo-root default: Dagster's `EnvVar` config fails
    a run when the variable is unset, and a fresh checkout has no `.env`.
    """

    raw_dir: str | None = None
    extracted_dir: str | None = None
    warehouse_path: str | None = None
    quality_dir: str | None = None

    def raw(self) -> Path:
        """Given the config, return the folder of report files."""
        return _resolve(self.raw_dir, RAW_DIR_ENV)

    def extracted(self) -> Path:
        """Given the config, return the folder of extracted Parquet (the dbt sources)."""
        return _resolve(self.extracted_dir, EXTRACTED_DIR_ENV)

    def warehouse(self) -> Path:
        """Given the config, return the DuckDB warehouse file."""
        return _resolve(self.warehouse_path, WAREHOUSE_ENV)

    def quality(self) -> Path:
        """Given the config, return the folder for Great Expectations Data Docs."""
        return _resolve(self.quality_dir, QUALITY_DIR_ENV)

    @classmethod
    def for_warehouse(cls, raw_dir: Path, warehouse: Path) -> KommunlagerPaths:
        """Given a report folder and a warehouse file, return paths with outputs beside it."""
        warehouse = _real_folder(Path(warehouse))
        return cls(
            raw_dir=str(Path(raw_dir).resolve()),
            extracted_dir=str(warehouse.parent / "extracted"),
            warehouse_path=str(warehouse),
            quality_dir=str(warehouse.parent / "quality"),
        )


class WarehouseLock(dg.ConfigurableResource):
    """Holds the warehouse's lock, and the extracted folder exclusively, for a whole build run.

    The build runs in one process. Holding the folder keeps parallel
    extractions from changing the Parquet between the sweep, dbt's read and
    the extract state recorded at publish (`orchestration.folder_lock`).
    """

    paths: KommunlagerPaths

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[WarehouseLock]:
        """Given a run starting, hold the locks until it ends; fail the run if another builds."""
        with warehouse_lock(self.paths.warehouse()), extracts_exclusive(self.paths.extracted()):
            yield self
