#!/usr/bin/env bash
# The one test command: installs what is needed, builds everything, lints, then runs every test through
# ctest (native doctest, ASan + UBSan doctest, the doctest suite compiled to wasm under node, the CLI, and
# the browser tests in headless Chromium). Ends with ctest's summary; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
./build-scripts/setup.sh
./build-scripts/build.sh
./build-scripts/lint.sh
source build-scripts/env.sh
ctest --preset native --timeout 900
