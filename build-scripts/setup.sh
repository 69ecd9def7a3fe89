#!/usr/bin/env bash
# Installs what the build and the tests need: Debian packages (apt-get) and the pinned npm packages
# (npm ci from package-lock.json). Idempotent: a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Tools are checked by command (npm, for one, is often newer than Debian's and not a Debian package);
# libraries by package. Each entry: "command-or-empty:package".
needs=(cmake:cmake make:make g++:g++ python3:python3 node:nodejs npm:npm em++:emscripten
       clang-format:clang-format chromium:chromium :doctest-dev :libbenchmark-dev :python3-numpy :fonts-dejavu-core
       :fonts-wqy-microhei  # a CJK font: the Chinese pages in screenshots and tests
       zopfli:zopfli  # the inlined wasm's deflate: 3.4 KB smaller gzipped than zlib's (build-scripts/inline-wasm.mjs)
       hugo:hugo jekyll:jekyll mkdocs:mkdocs)  # the blog engines whose sample sites the tests build
missing=()
for need in "${needs[@]}"; do
  cmd=${need%%:*}
  pkg=${need#*:}
  if [ -n "$cmd" ]; then
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  else
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
else
  echo "setup: Debian packages present"
fi

# npm ci wipes node_modules; skip it when node_modules was installed from this very lockfile.
stamp=node_modules/.package-lock.stamp
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  echo "setup: npm packages present"
else
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
