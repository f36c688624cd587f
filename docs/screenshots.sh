#!/usr/bin/env bash
# Reproduce the Dagster UI screenshots in docs/images/ (by hand; CI does not run this).
#
# Needs Debian's chromium (`apt-get install -y chromium`) and the project venv.
# Builds the shipped sample reports once into a temporary Dagster instance, so
# the graph shows materializations (`kommunlager build` uses an ephemeral
# instance the UI cannot see), then serves the code location on 127.0.0.1 and
# takes headless screenshots. Nothing outside a temporary folder is written
# except docs/images/*.png.
#
# Usage: docs/screenshots.sh [PORT]   (run from anywhere; default port 3917)
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${1:-3917}"
URL="http://127.0.0.1:${PORT}"
OUT="$REPO/docs/images"
WORK="$(mktemp -d)"
STARTUP_SECONDS=120
MAX_BYTES=400000

export DO_NOT_TRACK=1 GX_ANALYTICS_ENABLED=false
export DAGSTER_HOME="$WORK/dagster_home"
export KOMMUNLAGER_RAW_DIR="$REPO/data/raw"
export KOMMUNLAGER_EXTRACTED_DIR="$WORK/extracted"
export KOMMUNLAGER_WAREHOUSE="$WORK/warehouse.duckdb"
export KOMMUNLAGER_QUALITY_DIR="$WORK/quality"
cd "$REPO"

SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill -- "-$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The project's dagster.yaml (telemetry and the community dialog off).
.venv/bin/python -m orchestration.dagster_home

echo "building the sample reports into $DAGSTER_HOME (a minute or two)"
.venv/bin/python - <<'EOF'
import dagster as dg

from extract.pipeline import discover_reports
from orchestration.defs.assemble import definitions
from orchestration.defs.resources import KommunlagerPaths

paths = KommunlagerPaths()  # from the KOMMUNLAGER_* variables above
names = [path.name for path in discover_reports(paths.raw())]
with dg.DagsterInstance.get() as instance:
    instance.add_dynamic_partitions("reports", names)
    result = definitions(paths).resolve_job_def("build_warehouse").execute_in_process(
        instance=instance,
        raise_on_error=False,
        tags={
            "dagster/asset_partition_range_start": names[0],
            "dagster/asset_partition_range_end": names[-1],
        },
    )
print(f"build {'succeeded' if result.success else 'FAILED'} over {len(names)} reports")
raise SystemExit(0 if result.success else 1)  # no pictures of a broken build
EOF

setsid .venv/bin/dagster-webserver -m orchestration.definitions -h 127.0.0.1 -p "$PORT" \
  >"$WORK/webserver.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq "$STARTUP_SECONDS"); do
  curl -sf -m 2 "$URL/server_info" >/dev/null && break
  sleep 1
done
curl -sf -m 2 "$URL/server_info" >/dev/null || { cat "$WORK/webserver.log"; exit 1; }

shot() {  # shot NAME PATH: one 1600x1000 screenshot of the page, after 20 s of virtual time
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$(mktemp -d -p "$WORK")" --window-size=1600,1000 \
    --virtual-time-budget=20000 --screenshot="$OUT/$1" "$URL$2" 2>/dev/null
}

mkdir -p "$OUT"
shot asset-graph.png "/asset-groups"
shot extract-to-dbt-lineage.png \
  "/assets/extracted/cells?view=lineage&lineageScope=downstream&lineageDepth=2"
shot fct-operating-budget-upstream.png \
  "/assets/fct_operating_budget?view=lineage&lineageScope=upstream&lineageDepth=1"
shot asset-check-reconciliation.png "/assets/quality_reconciliation?view=checks"
shot automation.png "/automation"

# Keep each image under MAX_BYTES: quantize to a palette, then halve until it fits.
.venv/bin/python - "$OUT" "$MAX_BYTES" <<'EOF'
import sys
from pathlib import Path

from PIL import Image

out, max_bytes = Path(sys.argv[1]), int(sys.argv[2])
for name in ("asset-graph", "extract-to-dbt-lineage", "fct-operating-budget-upstream",
             "asset-check-reconciliation", "automation"):
    path = out / f"{name}.png"
    image = Image.open(path).convert("RGB")
    while True:
        image.quantize(colors=256).save(path, optimize=True)
        if path.stat().st_size <= max_bytes:
            break
        image = image.resize((image.width // 2, image.height // 2), Image.LANCZOS)
    print(f"{path} {image.width}x{image.height} {path.stat().st_size} bytes")
EOF
