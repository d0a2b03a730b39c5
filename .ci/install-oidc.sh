#!/usr/bin/env bash
# The OpenID Provider of the sign-in tests (tests/test_accounts_oidc.py): panva/oidc-provider
# from npm, installed from tests/oidc/package-lock.json. Idempotent, non-interactive, as root.
set -euo pipefail
cd "$(dirname "$0")/../tests/oidc"
if ! command -v node >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d node_modules/oidc-provider ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
