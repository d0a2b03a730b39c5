#!/usr/bin/env bash
# Remote-store tests on Virtuoso: Debian's Virtuoso Open Source 7 (/usr/bin/virtuoso-t and the
# SQL client /usr/bin/isql-vt). The tests start their own throwaway server on 127.0.0.1 (see
# tests/virtuoso_support.py); the package's system service is neither needed nor started.
# Idempotent and non-interactive; runs as root (or through sudo when not root).
set -euo pipefail
if [ -x /usr/bin/virtuoso-t ] && [ -x /usr/bin/isql-vt ]; then
    echo "== virtuoso: $(/usr/bin/virtuoso-t -? 2>&1 | sed -n 's/^Version \(.*\)/\1/p' | head -1) already installed"
    exit 0
fi
. "$(dirname "$0")/apt.sh"
# The package asks for a DBA password through debconf: pre-answer it (the system database is
# not used by the tests, which make their own with the default dba/dba).
echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba" | $SUDO debconf-set-selections
echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba" | $SUDO debconf-set-selections
apt_install virtuoso-opensource
echo "== virtuoso: $(/usr/bin/virtuoso-t -? 2>&1 | sed -n 's/^Version \(.*\)/\1/p' | head -1)"
