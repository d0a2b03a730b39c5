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
. "$(dirname "$0")/apt.sh"
apt_install nginx
echo "== nginx: $(/usr/sbin/nginx -v 2>&1 | sed 's/^nginx version: //')"
