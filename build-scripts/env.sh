# Sourced by the other scripts: fixes for Debian's emscripten 3.1.6 under Node 20 (../shared/toolchain.md).
# Trap 1: em++ needs acorn, which Debian ships in /usr/share/nodejs where Node 20 does not look.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
# Emscripten keeps its cache under /usr/share/emscripten/cache; as root that is writable, otherwise use ours.
if [ ! -w /usr/share/emscripten/cache ] 2>/dev/null; then
  export EM_CACHE="${EM_CACHE:-$HOME/.cache/emscripten}"
fi
