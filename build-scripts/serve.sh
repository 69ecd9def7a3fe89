#!/usr/bin/env bash
# Builds, then serves dist/ at http://127.0.0.1:${PORT:-8000}/ (Ctrl-C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."
./build-scripts/setup.sh
./build-scripts/build.sh
exec python3 build-scripts/serve.py dist "${PORT:-8000}"
