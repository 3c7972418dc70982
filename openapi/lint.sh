#!/usr/bin/env bash
# Lints one service's OpenAPI description with Redocly CLI (ruleset in redocly.yaml); Maven runs
# it in `verify` after the service's security test wrote the description to
# target/openapi/<service>.json. An error fails the build. Only this check needs Node and npm;
# without them it is skipped, saying why.
set -euo pipefail
description="$1"
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[openapi-lint] SKIPPED: node and npm are not on the PATH, so $(basename "$description") is"
  echo "[openapi-lint] not linted. Install them (Debian: apt-get install nodejs npm) to run the check."
  exit 0
fi
if [ ! -f "$description" ]; then
  echo "[openapi-lint] SKIPPED: $description was not written; the service's security test"
  echo "[openapi-lint] (OpenApiContract) writes it, and it did not run in this build."
  exit 0
fi

# No usage data leaves the machine, and no update check runs during a build.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

# npm ci installs exactly the lockfile's versions; it runs again only when the lockfile changed.
if ! cmp -s package-lock.json node_modules/.amicus-package-lock.json; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.amicus-package-lock.json
fi

if ! npx --no-install redocly lint --config redocly.yaml --format stylish "$description"; then
  echo "[openapi-lint] FAILED: $(basename "$description") breaks a rule of openapi/redocly.yaml."
  exit 1
fi
echo "[openapi-lint] $(basename "$description"): OK"
