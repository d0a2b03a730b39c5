#!/usr/bin/env bash
# Browser tests: Debian's Chromium and ChromeDriver (/usr/bin/chromium, /usr/bin/chromedriver).
# Idempotent and non-interactive; runs as root (or through sudo when not root).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "== browser: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-dejavu-core
echo "== browser: $(/usr/bin/chromium --version)"
