"""dbt models as Dagster assets, with every `extracted.*` source drawn from the extract asset."""

import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets
from dagster_dbt.asset_utils import default_description_fn
from dagster_dbt.compat import DBT_PYTHON_VERSION
from packaging.version import Version

from orchestration.compaction import compact, part_bytes_from_env
from orchestration.dbt_parse import (
    DBT_EXECUTABLE,
    DBT_PROJECT_DIR,
    DBT_WITH_PARENT,
    dbt_environment,
    dbt_target,
    dbt_vars,
    wait_for_parse,
)
from orchestration.defs.assets import EXTRACT_ASSET_KEYS, EXTRACT_SOURCE
from orchestration.defs.dbt_nodes import dbt_test_description, layer_group, prune_target
from orchestration.defs.resources import KommunlagerPaths, WarehouseLock
from orchestration.incremental import sweep_extracted
from orchestration.incremental_dbt import start_building
from orchestration.publishing import discard_building_docs

BUILT_NODE_TYPES = ("model", "seed", "snapshot")  # a failure here fails the run; tests only warn
# A build runs the models, seeds and data tests. dbt's unit tests check the models' SQL on
# rows of their own, not the reports: they run with the test suite (tests/dbt), and in
# every build they took about half of dbt's node time (47 of 327 nodes, 80 s of 175 s).
BUILD_COMMAND = ["build", "--exclude-resource-type", "unit_test"]
# The data tests of staging and intermediate steps (tag set in dbt_project.yml) hold the
# SQL's own invariants, not the published tables' contract: tests/dbt runs them, a build
# only when asked (STEP_TESTS_ENV=1). They were 65 of 201 data tests, a third of the tests'
# node time; the marts' and seeds' tests stay the guard of every build.
STEP_TESTS_TAG = "step_invariant"
STEP_TESTS_ENV = "KOMMUNLAGER_STEP_TESTS"
BROKEN_STATUSES = ("error", "skipped")
dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def build_command() -> list[str]:
    """Given the environment, return the dbt command of a build: without the steps' tests
    unless STEP_TESTS_ENV is 1."""
    if os.environ.get(STEP_TESTS_ENV) == "1":
        return BUILD_COMMAND
    return [*BUILD_COMMAND, "--exclude", f"tag:{STEP_TESTS_TAG}"]


def _manifest_is_stale(project: DbtProject) -> bool:
    """Given the dbt project, return whether its manifest is missing or older than any source."""
    manifest = project.manifest_path
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    sources = [p for p in Path(project.project_dir).rglob("*") if _is_dbt_source(p, project)]
    return any(p.stat().st_mtime > built for p in sources)


def _is_dbt_source(path: Path, project: DbtProject) -> bool:
    """Given a path under the project, return whether dbt reads it when parsing."""
    # .user.yml is dbt's own anonymous id, rewritten by dbt runs: not a source, and counting
    # it made every code-server start re-parse the project (past the UI test's 90 s when busy)
    generated = {project.target_path.name, "logs", "dbt_packages", ".user.yml"}
    relative = path.relative_to(project.project_dir)
    return path.suffix in {".sql", ".yml", ".yaml", ".csv"} and relative.parts[0] not in generated


class VenvDbtResource(DbtCliResource):
    """dagster-dbt's dbt resource for this environment's own dbt, without the two things
    dagster-dbt does before every invocation that a build never uses.

    It starts `dbt --version` to learn the executable's version (a whole dbt start-up:
    2.3 s of CPU measured), and opens a dbt adapter in the build's process, loading the
    project's macros (1.0 s), for row counts and column metadata, which this project
    does not fetch. The executable here is the dbt-core installed beside dagster-dbt, so
    its version is known in-process; no adapter is opened.
    """

    @cached_property
    def _cli_version(self) -> Version:
        """Given nothing, return the version of the dbt the resource runs: the one installed."""
        return DBT_PYTHON_VERSION

    def _initialize_dbt_core_adapter(self, args) -> None:  # noqa: ARG002 - dagster-dbt's signature
        """Given dbt's arguments, open no adapter (only metadata fetches use it)."""
        return None


def dbt_resource() -> DbtCliResource:
    """Given nothing, return the dbt CLI resource for the project."""
    if not DBT_EXECUTABLE.exists():  # a dbt from PATH: dagster-dbt asks it its version
        return DbtCliResource(
            project_dir=dbt_project, profiles_dir=str(DBT_PROJECT_DIR), dbt_executable="dbt"
        )
    return VenvDbtResource(
        project_dir=dbt_project,
        profiles_dir=str(DBT_PROJECT_DIR),
        dbt_executable=str(DBT_WITH_PARENT),
    )


def parse_manifest(project: DbtProject) -> None:
    """Given the dbt project, write a fresh manifest.json, swapped in whole.

    Parsing into a private folder and renaming keeps a parallel test process
    (pytest -n) from loading a half-written manifest.
    """
    target = project.manifest_path.parent
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target, prefix="parse-") as scratch:
        dbt_resource().cli(["parse", "--quiet"], target_path=Path(scratch)).wait()
        os.replace(Path(scratch) / "manifest.json", project.manifest_path)


# @dbt_assets needs the manifest when this module loads; re-parse only when a model changed.
if _manifest_is_stale(dbt_project):
    parse_manifest(dbt_project)


class ExtractLineageTranslator(DagsterDbtTranslator):
    """Maps each `extracted.<relation>` source onto the extract asset that writes it.

    Also groups the models by layer (staging, intermediate, marts, quality)
    and gives every dbt test a description saying what it asserts.
    """

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        """Given a dbt node, return its layer (staging ... quality, vocabulary for seeds)."""
        return layer_group(dbt_resource_props) or super().get_group_name(dbt_resource_props)

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        """Given a dbt node, return its asset key (the extract asset for extracted sources)."""
        is_source = dbt_resource_props["resource_type"] == "source"
        if is_source and dbt_resource_props["source_name"] == EXTRACT_SOURCE:
            return EXTRACT_ASSET_KEYS[dbt_resource_props["name"]]
        return super().get_asset_key(dbt_resource_props)

    def get_description(self, dbt_resource_props: Mapping[str, Any]) -> str:
        """Given a dbt node, return its documented description, without its raw SQL.

        dagster-dbt appends the model's code under "#### Raw SQL" to every
        description, which buries the description in the UI; the code is in the repo.
        """
        return default_description_fn(dbt_resource_props, display_raw_sql=False)

    def get_asset_check_spec(self, asset_spec, manifest, unique_id, project):
        """Given a dbt test, return it as a non-blocking check (none for a step's test).

        dagster-dbt makes error-severity tests blocking, which would stop the GE
        quality step that records what the reports got wrong; the failed test
        still shows as a failed ERROR check.
        """
        if STEP_TESTS_TAG in manifest["nodes"][unique_id].get("tags", []):
            return None  # not in a build's dbt run: a check would show as never evaluated
        spec = super().get_asset_check_spec(asset_spec, manifest, unique_id, project)
        return spec and dg.AssetCheckSpec(
            name=spec.name,
            asset=spec.asset_key,
            description=spec.description or dbt_test_description(manifest["nodes"][unique_id]),
            additional_deps=spec.additional_deps,
            metadata=spec.metadata,
            blocking=False,
        )


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Given variables, set them for the dbt subprocess (dagster-dbt passes os.environ only)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=ExtractLineageTranslator())
def warehouse_models(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    paths: KommunlagerPaths,
    warehouse_lock: WarehouseLock,
):
    """Given built extracts, sweep removed ones, build (run and test) dbt beside the live file.

    The sweep runs here, in the single-writer build, not in the parallel
    extraction, and then the compaction of the Parquet dbt reads
    (`orchestration.compaction`). dbt builds in a copy of the live warehouse,
    recomputing the changed reports, or in a fresh file
    (`orchestration.incremental_dbt`).
    The live warehouse is untouched: `published_warehouse` swaps the build in
    once the blocking checks pass.
    """
    swept = sweep_extracted(paths.raw(), paths.extracted())
    context.log.info(f"Swept {swept['removed']} removed reports, {swept['orphans']} orphans")
    compaction = compact(paths.extracted(), part_bytes_from_env())  # under the run's folder lock
    context.log.info(compaction.line())
    paths.warehouse().parent.mkdir(parents=True, exist_ok=True)
    wait_for_parse(dbt_target(paths))  # the CLI's parse ahead, into the same folder
    start = start_building(paths.warehouse(), paths.extracted())
    context.log.info(start.line())
    discard_building_docs(paths.quality())
    with _environment(dbt_environment(paths)):
        invocation = dbt.cli(
            [*build_command(), "--vars", dbt_vars(paths)],
            context=context,
            raise_on_error=False,
            target_path=dbt_target(paths),
        )
    yield from invocation.stream()
    prune_target(invocation.target_path.parent)
    _raise_on_build_errors(invocation)


def _raise_on_build_errors(invocation) -> None:
    """Given a finished dbt invocation, raise if a model is missing from the fresh build.

    A model that errored, or was skipped because something upstream of it
    (a model, a seed) failed, is absent from the new
    file, so publishing it would hand readers a warehouse without tables.
    Failed data tests only warn: they show as failed checks.
    """
    results = invocation.get_artifact("run_results.json")["results"]
    broken = [
        f"{r['unique_id']}: {r['status']} {r.get('message') or ''}".strip()
        for r in results
        if _is_broken(r)
    ]
    if broken:
        raise dg.Failure(description="dbt build failed:\n" + "\n".join(broken))


def _is_broken(result: dict) -> bool:
    """Given one dbt run result, return whether it leaves the fresh build incomplete."""
    node_type = result["unique_id"].split(".")[0]
    return node_type in BUILT_NODE_TYPES and result["status"] in BROKEN_STATUSES
