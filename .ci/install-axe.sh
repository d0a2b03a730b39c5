#!/usr/bin/env bash
# axe-core (npm), injected by the accessibility tests (tests/test_browser_a11y.py) into the pages
# headless Chromium shows. Installed from tests/axe/package-lock.json. Idempotent, non-interactive.
set -euo pipefail
cd "$(dirname "$0")/../tests/axe"
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "== axe-core $(node -p "require('./node_modules/axe-core/package.json').version")"
