#!/usr/bin/env bash
# Browser tests: Debian's Chromium and ChromeDriver (/usr/bin/chromium, /usr/bin/chromedriver).
# Idempotent and non-interactive; runs as root (or through sudo when not root).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "== browser: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
    exit 0
fi
. "$(dirname "$0")/apt.sh"
apt_install chromium chromium-driver fonts-dejavu-core
echo "== browser: $(/usr/bin/chromium --version)"
