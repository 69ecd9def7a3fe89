#!/usr/bin/env bash
# Builds everything: the wasm module flavours, dist/ (the static site), then the native CLI and tests.
# Output: dist/ (pe.mjs, pe.wasm, pe.js, pe.d.ts, the page), build/package (the npm package) and
# build/{wasm,native}.
set -euo pipefail
cd "$(dirname "$0")/.."
source build-scripts/env.sh

echo "build: wasm"
cmake --preset wasm >/dev/null
cmake --build --preset wasm

echo "build: dist/"
rm -rf dist
mkdir -p dist
cp build/wasm/module/pe.mjs build/wasm/module/pe.wasm build/wasm/classic/pe.js dist/
cp -R web/. dist/
rm -rf dist/examples/hugo dist/examples/jekyll dist/examples/mkdocs  # generator sources, not site files
node build-scripts/bundle.mjs
node build-scripts/package.mjs  # build/package: the npm package (dist's files, the node engine, the manifest)

echo "build: native"
cmake --preset native >/dev/null
cmake --build --preset native

printf 'build: done. dist/ holds %s files, %s KiB (pe.wasm %s KiB)\n' \
  "$(find dist -type f | wc -l)" "$(du -sk dist | cut -f1)" "$(du -k dist/pe.wasm | cut -f1)"
