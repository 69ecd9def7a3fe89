#!/usr/bin/env bash
# Formatting and lint checks: clang-format (C++), prettier and eslint (JavaScript), tsc over the published
# types (web/pe.d.ts). Fails on any finding.
# ./build-scripts/lint.sh --fix rewrites the files instead.
set -euo pipefail
cd "$(dirname "$0")/.."
# Tracked files and new ones not yet added (but not ignored): a new file is checked before its commit.
cpp_files=$(git ls-files --cached --others --exclude-standard 'cpp/*.cpp' 'cpp/*.hpp' 'tests/cpp/*.cpp' \
  'tests/cpp/*.hpp')
shopt -s nullglob
scheme_js=(cpp/schemes/*/api.post.js cpp/schemes/*/*.test.mjs)  # each scheme folder's JS API and its test
js_files=(web tests/web cpp/bindings/api.post.js cpp/bindings/api-schemes.post.js "${scheme_js[@]}"
  eslint.config.js build-scripts)
if [ "${1:-}" = "--fix" ]; then
  clang-format -i $cpp_files
  npx --no-install prettier --log-level warn --write "${js_files[@]}"
  exit 0
fi
clang-format --dry-run --Werror $cpp_files
npx --no-install prettier --log-level warn --check "${js_files[@]}"
npx --no-install eslint web tests/web cpp/bindings/api.post.js cpp/bindings/api-schemes.post.js \
  "${scheme_js[@]}"
npx --no-install tsc --noEmit --strict web/pe.d.ts  # the published types compile
echo "lint: clean"
