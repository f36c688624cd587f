"""How dbt nodes appear in Dagster (layer groups, test descriptions), and target/ pruning.

Each dbt invocation writes its artifacts (run_results, compiled SQL, a
manifest copy) into `target/<op>-<run>-<id>/`: about 10 MB a build, and
104 MB after ten sensor runs. Only the newest few are kept; the project's
own manifest.json beside them is never touched.
"""

import json
import shutil
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

KEEP_NEWEST = 3  # the newest invocations stay for debugging; a parallel build's is among them
MIN_AGE_SECONDS = 15 * 60  # and none younger than this: another process may be writing it
LAYERS = ("staging", "intermediate", "marts")  # model folders; each is a Dagster asset group
QUALITY_PREFIXES = ("quality_", "reconciliation_")  # marts that judge the data, not report it
SEED_GROUP = "vocabulary"  # seeds hold the label and unit vocabulary (and the municipalities)


def layer_group(node: Mapping[str, Any]) -> str | None:
    """Given a dbt node, return its asset group: its layer folder, quality, or vocabulary."""
    if node["resource_type"] == "seed":
        return SEED_GROUP
    if node["name"].startswith(QUALITY_PREFIXES):
        return "quality"
    folders = [part for part in node.get("fqn", [])[1:-1] if part in LAYERS]
    return folders[0] if folders else None


def dbt_test_description(test: Mapping[str, Any]) -> str:
    """Given a dbt test node, return what it asserts, from its generic test and arguments."""
    generic = test.get("test_metadata") or {}
    if not generic:
        path = test["original_file_path"]
        return f"dbt singular test `{test['name']}` ({path}): every row it returns fails it."
    arguments = {
        name: value
        for name, value in (generic.get("kwargs") or {}).items()
        if name not in ("model", "column_name")
    }
    column = f" on column `{test['column_name']}`" if test.get("column_name") else ""
    shown = f" with {json.dumps(arguments, ensure_ascii=False)}" if arguments else ""
    return f"dbt test `{generic['name']}`{column}{shown}."


def invocation_folders(target_dir: Path) -> list[Path]:
    """Given the dbt target folder, return its per-invocation folders, newest first."""
    folders = [path for path in Path(target_dir).iterdir() if _is_invocation(path)]
    return sorted(folders, key=lambda path: path.stat().st_mtime, reverse=True)


def _is_invocation(path: Path) -> bool:
    """Given a path in target/, return whether dagster-dbt made it (`<op>-<run7>-<id7>`)."""
    parts = path.name.rsplit("-", 2)
    return path.is_dir() and len(parts) == 3 and all(len(part) == 7 for part in parts[1:])


def prune_target(target_dir: Path, now: float | None = None) -> list[Path]:
    """Given the dbt target folder, delete old invocation folders; return those deleted."""
    if not Path(target_dir).is_dir():
        return []
    now = time.time() if now is None else now
    old = [
        path
        for path in invocation_folders(target_dir)[KEEP_NEWEST:]
        if now - path.stat().st_mtime > MIN_AGE_SECONDS
    ]
    for path in old:
        shutil.rmtree(path, ignore_errors=True)  # a racing prune may have removed it already
    return old
