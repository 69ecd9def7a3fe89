#!/usr/bin/env bash
# Benchmarks, printed as ratios against baselines run in the same process (these machines are shared and
# noisy): native (Google Benchmark) and in headless Chromium. Writes build/bench/*.json and the chart
# tests/bench/results/scaling.png. Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
./build-scripts/setup.sh >/dev/null
./build-scripts/build.sh >/dev/null
mkdir -p build/bench

echo "bench: native (Google Benchmark, 5 repetitions, medians)"
build/native/pe_native_bench --benchmark_format=json --benchmark_min_time=0.2 --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true > build/bench/native.json
echo "bench: headless Chromium"
node tests/bench/browser-bench.mjs > build/bench/browser.json
echo "bench: scheme views, redraw times while their main controls move"
node tests/bench/scheme-frames.mjs > build/bench/scheme-frames.json
echo "bench: the multimodal view at CPU 4x (a phone): script work per frame after each of its events"
node tests/bench/scheme-frames.mjs --cpu=4 --only=multimodal > build/bench/scheme-frames-4x.json
node -e "for (const f of ['scheme-frames', 'scheme-frames-4x']) for (const r of require('./build/bench/' + f + '.json')) console.log('  ' + (r.view + (r.cpuThrottle > 1 ? ' ' + r.cpuThrottle + 'x' : '')).padEnd(14) + r.control.padEnd(22) + 'median ' + r.medianMs + ' ms, p95 ' + r.p95Ms + ' ms, max ' + r.maxMs + ' ms' + (r.withinFrame ? '' : '  (over a frame: ' + r.over.length + ' frames, ' + r.over.slice(0, 5).join('; ') + (r.over.length > 5 ? '; ...' : '') + ')'))"
echo "bench: the model atlas at CPU 4x, 360 px: the redraw as each gallery model is picked"
node tests/bench/model-frames.mjs > build/bench/model-frames.json
node -e "const { summary: s, models } = require('./build/bench/model-frames.json'); for (const r of models) console.log('  ' + r.model.padEnd(44) + 'work per frame (ms) ' + [...r.firstMs, ...r.figureMs].join(' ')); for (const k of ['workPerFrame', 'frameInterval']) console.log('  ' + k.padEnd(16) + 'median ' + s[k].median + ' ms, p95 ' + s[k].p95 + ' ms, max ' + s[k].max + ' ms, ' + s[k].over + ' of ' + s[k].n + ' over ' + s.budgetMs + ' ms')"
echo "bench: a mid-range phone (360 x 740, CPU 4x): frames while the clocks play and while the main controls move"
node tests/bench/phone-frames.mjs > build/bench/phone-frames.json
node -e "for (const r of require('./build/bench/phone-frames.json')) console.log('  ' + r.what.padEnd(48) + 'median ' + r.medianMs + ' ms, p95 ' + r.p95Ms + ' ms, ' + r.late + ' of ' + r.samples + ' late' + (r.withinBudget ? '' : '  (over its budget)'))"
echo "bench: first drawn frame (median of 5 cold loads; unthrottled, and CPU 4x at 360 x 740)"
node tests/bench/first-frame.mjs > build/bench/first-frame.json
node -e "for (const [k, v] of Object.entries(require('./build/bench/first-frame.json'))) console.log('  ' + k.padEnd(26) + v.medianMs + ' ms, ' + v.gzippedKB + ' KB gzipped requested by then')"
echo "bench: identifyTable on a 131072 x 128 float32 table (CPU 1x and 4x)"
node tests/bench/identify.mjs > build/bench/identify.json
node -e "const r = require('./build/bench/identify.json'); for (const k of ['CPU 1x', 'CPU 4x']) console.log('  ' + k.padEnd(8) + 'median ' + r[k].medianMs + ' ms' + (r[k].underOneSecond ? '' : '  (over 1 s)'))"
node tests/bench/chart.mjs build/bench/native.json build/bench/browser.json tests/bench/results/scaling.png
python3 tests/bench/summarize.py build/bench/native.json build/bench/browser.json
