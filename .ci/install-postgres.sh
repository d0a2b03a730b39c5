#!/usr/bin/env bash
# Shared user-database tests on PostgreSQL: Debian's `postgresql` (initdb, pg_ctl, createdb
# under /usr/lib/postgresql/<version>/bin). The tests start their own throwaway server on
# 127.0.0.1, in a temporary folder, as the `postgres` user when run as root (see
# tests/postgres_support.py); the package's system service is neither needed nor started.
# Idempotent and non-interactive; runs as root (or through sudo when not root).
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && getent passwd postgres >/dev/null; then
    echo "== postgresql: $(ls -d /usr/lib/postgresql/*/ | xargs -n1 basename | tail -1) already installed"
    exit 0
fi
. "$(dirname "$0")/apt.sh"
apt_install postgresql
echo "== postgresql: $(ls -d /usr/lib/postgresql/*/ | xargs -n1 basename | tail -1)"
