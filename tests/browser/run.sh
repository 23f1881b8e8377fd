#!/usr/bin/env bash
# Builds the sample site (from its git repository, so it has history) into a
# temporary directory and runs the browser tests against it in headless
# Chromium. Usage: run.sh PATH/TO/congbo SOURCE_DIR
set -euo pipefail
congbo=$1
src=$2
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -d "$here/node_modules/playwright-core" ] || (cd "$here" && npm ci --no-audit --no-fund --silent)
"$congbo" build --site "$src" --out "$out/site" --quiet 2>/dev/null
cd "$here"
CONGBO_BIN="$congbo" CONGBO_SITE_OUT="$out/site" node --test --test-reporter=spec *.test.js
