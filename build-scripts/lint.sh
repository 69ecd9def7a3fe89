#!/usr/bin/env bash
# Formatting and lint checks: clang-format (C++), prettier and eslint (JavaScript), tsc over the published
# types (web/pe.d.ts) and over the tests' use of them (tests/tsconfig.json). Fails on any finding.
# ./build-scripts/lint.sh --fix rewrites the files instead.
set -euo pipefail
cd "$(dirname "$0")/.."
# Tracked files and new ones not yet added (but not ignored): a new file is checked before its commit.
cpp_files=$(git ls-files --cached --others --exclude-standard 'cpp/*.cpp' 'cpp/*.hpp' 'tests/cpp/*.cpp' \
  'tests/cpp/*.hpp')
# Every JS folder: the front end, the browser tests, the adversarial round, the benchmarks, the build
# scripts and the embind glue with each scheme folder's JS (cpp/). eslint.config.js says where each runs.
js_paths=(web tests/web tests/reliability tests/bench build-scripts cpp eslint.config.js)
prettier_paths=(web tests/web tests/reliability tests/bench tests/types tests/tsconfig.json build-scripts
  'cpp/**/*.{js,mjs}' eslint.config.js)
if [ "${1:-}" = "--fix" ]; then
  clang-format -i $cpp_files
  npx --no-install prettier --log-level warn --write "${prettier_paths[@]}"
  npx --no-install eslint --fix "${js_paths[@]}"
  exit 0
fi
clang-format --dry-run --Werror $cpp_files
npx --no-install prettier --log-level warn --check "${prettier_paths[@]}"
npx --no-install eslint "${js_paths[@]}"
npx --no-install tsc --noEmit --strict web/pe.d.ts  # the published types compile
npx --no-install tsc -p tests  # the tests' use of the API (files marked // @ts-check) against pe.d.ts
echo "lint: clean"
