#!/usr/bin/env bash
# The replicas' load test behind a reverse proxy: Debian's `nginx` (/usr/sbin/nginx). The test
# starts its own nginx on 127.0.0.1 free ports with a configuration, pid file, logs and
# temporary folders in a temporary folder (`nginx -p <tmp> -c <conf>`, see
# tests/test_replicas_nginx.py); the package's system service is neither needed nor started.
# Idempotent and non-interactive; runs as root (or through sudo when not root).
set -euo pipefail
if [ -x /usr/sbin/nginx ]; then
    echo "== nginx: $(/usr/sbin/nginx -v 2>&1 | sed 's/^nginx version: //') already installed"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# policy-rc.d keeps the package from starting its system service where no init system runs it.
POLICY=/usr/sbin/policy-rc.d
CREATED=""
if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
    $SUDO chmod +x "$POLICY"
    CREATED=1
fi
$SUDO apt-get install -y -q --no-install-recommends nginx
if [ -n "$CREATED" ]; then $SUDO rm -f "$POLICY"; fi
echo "== nginx: $(/usr/sbin/nginx -v 2>&1 | sed 's/^nginx version: //')"
