#!/usr/bin/env bash
# Checks the web UI's formatting (Prettier) and lint rules (ESLint); Maven runs it in `verify`.
# The UI itself needs no Node: the gateway serves the files under src/main/resources/static as
# they are. Only this check needs Node and npm, and without them it is skipped, saying why.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[ui-check] SKIPPED: node and npm are not on the PATH, so the web UI's formatting and lint"
  echo "[ui-check] are not checked. Install them (Debian: apt-get install nodejs npm) to run the check."
  exit 0
fi

# npm ci installs exactly the lockfile's versions; it runs again only when the lockfile changed.
if ! cmp -s package-lock.json node_modules/.amicus-package-lock.json; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.amicus-package-lock.json
fi

if ! npm run --silent check; then
  echo "[ui-check] FAILED: run 'npm run format' in gateway/ to format and fix what can be fixed."
  exit 1
fi
echo "[ui-check] web UI formatting and lint: OK"
