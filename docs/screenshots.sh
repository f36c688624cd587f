#!/usr/bin/env bash
# Reproduce the Dagster UI screenshots in docs/images/ (by hand; CI does not run this).
#
# Needs Debian's chromium (`apt-get install -y chromium`) and the project venv.
# Builds the shipped sample reports and one file that is not a PDF (an HTML
# page saved as .pdf) with `kommunlager build` into a temporary Dagster
# instance ($DAGSTER_HOME), so the graph shows materializations and the report
# partitions each report's fate, then serves the code location on 127.0.0.1
# and takes headless screenshots. Nothing outside a temporary folder is
# written except docs/images/*.png.
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
export KOMMUNLAGER_RAW_DIR="$WORK/raw"
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

echo "building the sample reports into $DAGSTER_HOME (a few minutes)"
mkdir -p "$KOMMUNLAGER_RAW_DIR"
cp "$REPO"/data/raw/* "$REPO/tests/fixtures/hostile/saved_web_page.pdf" "$KOMMUNLAGER_RAW_DIR/"
.venv/bin/kommunlager build --raw-dir "$KOMMUNLAGER_RAW_DIR" --warehouse "$KOMMUNLAGER_WAREHOUSE" \
  >"$WORK/build.log" || { cat "$WORK/build.log"; exit 1; }  # no pictures of a broken build

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
shot report-partitions.png "/assets/extracted/reports?view=partitions&partition=saved_web_page.pdf"

# The report_read check's Partitions tab opens on a click, not a URL: Playwright clicks it;
# and the report card of a table printed over three pages, at its second page.
.venv/bin/python -m orchestration.report_cards "$KOMMUNLAGER_WAREHOUSE" "$KOMMUNLAGER_RAW_DIR"
.venv/bin/python - "$URL" "$OUT" "$WORK/cards/001_84cd8bd0666b2bbe.pdf.html" <<'EOF'
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

url, out, card = sys.argv[1], sys.argv[2], Path(sys.argv[3])
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(
        executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
    )
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(f"{url}/assets/extracted/reports?view=checks&checkDetail=report_read", timeout=120_000)
    page.locator("button[role=tab]", has_text="Partitions").click(timeout=120_000)
    partial = page.get_by_text("003_29ca0d4d1c8890ca.pdf", exact=True).locator("visible=true")
    partial.first.click(timeout=120_000)
    page.wait_for_timeout(5_000)  # the selected partition's latest execution loads
    page.screenshot(path=f"{out}/report-read-partitions.png")
    page.goto(card.as_uri())
    page.get_by_text("Table 8, page 14", exact=False).scroll_into_view_if_needed()
    page.screenshot(path=f"{out}/report-card.png")
    browser.close()
EOF

# Keep each image under MAX_BYTES: quantize to a palette, then halve until it fits.
.venv/bin/python - "$OUT" "$MAX_BYTES" <<'EOF'
import sys
from pathlib import Path

from PIL import Image

out, max_bytes = Path(sys.argv[1]), int(sys.argv[2])
for name in ("asset-graph", "extract-to-dbt-lineage", "fct-operating-budget-upstream",
             "asset-check-reconciliation", "automation", "report-partitions",
             "report-read-partitions", "report-card"):
    path = out / f"{name}.png"
    image = Image.open(path).convert("RGB")
    while True:
        image.quantize(colors=256).save(path, optimize=True)
        if path.stat().st_size <= max_bytes:
            break
        image = image.resize((image.width // 2, image.height // 2), Image.LANCZOS)
    print(f"{path} {image.width}x{image.height} {path.stat().st_size} bytes")
EOF
