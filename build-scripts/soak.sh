#!/usr/bin/env bash
# Runs the browser suites RUNS times in a row (default 10) on a deliberately loaded machine: a CPU
# burner per core runs beside them the whole time. Stops at the first failing run and says which.
# Use after ./build-scripts/build.sh. This is how the suite's "no flaky test" claim is checked.
#   ./build-scripts/soak.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source build-scripts/env.sh
runs=${1:-10}
burners=()
for _ in $(seq "$(nproc)"); do
  node -e 'for (;;) {}' &
  burners+=($!)
done
trap 'kill "${burners[@]}" 2>/dev/null || true' EXIT
echo "soak: $runs runs of the browser suites beside ${#burners[@]} CPU burners (load: $(cut -d' ' -f1 /proc/loadavg))"
for run in $(seq "$runs"); do
  start=$(date +%s)
  if ! ctest --preset native -R '^web\.' --timeout 900 > "build/soak-run-$run.log" 2>&1; then
    echo "soak: run $run FAILED (build/soak-run-$run.log)"
    grep -E "^not ok|Failed" "build/soak-run-$run.log" | head -20
    exit 1
  fi
  echo "soak: run $run passed in $(( $(date +%s) - start )) s (load: $(cut -d' ' -f1 /proc/loadavg))"
done
echo "soak: $runs passed, 0 failed"
