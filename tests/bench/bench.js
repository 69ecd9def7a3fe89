// Generation benchmarks in the browser, one process, interleaved rounds: the engine into a reused buffer
// vs. a plain JavaScript Math.sin/Math.cos loop into the same buffer vs. target.fill (the memory floor),
// and the allocating pe.sinusoidal vs. new Float32Array(n).fill. Reports medians, ranges and ratios.
import createPE from './pe.mjs';

const pe = await createPE();
const params = new URLSearchParams(location.search);
const positions = Number(params.get('positions') || 4096);
const dModel = Number(params.get('d') || 1024);
const rounds = Number(params.get('rounds') || 15);
const options = { dModel, positions };
const n = positions * dModel;
const target = new Float32Array(n);

function jsLoop(out) {
  const h = dModel / 2;
  const omega = new Float64Array(h);
  for (let i = 0; i < h; i++) omega[i] = Math.pow(10000, (-2 * i) / dModel);
  for (let p = 0; p < positions; p++) {
    const row = p * dModel;
    for (let i = 0; i < h; i++) {
      const a = p * omega[i];
      out[row + 2 * i] = Math.sin(a);
      out[row + 2 * i + 1] = Math.cos(a);
    }
  }
}

const full = pe.validate(options);
const wasmView = () => pe._sinusoidalView(full); // raw binding: generation only, the result stays in wasm memory
const cases = {
  engineGenerateOnly: wasmView,
  copyOutOnly: () => target.set(wasmView.last || (wasmView.last = wasmView())),
  engineInto: () => pe.sinusoidalInto(target, options),
  jsLoop: () => jsLoop(target),
  fillFloor: () => target.fill(0.5),
  engineAllocating: () => pe.sinusoidal(options),
  allocateAndFill: () => new Float32Array(n).fill(0.5),
};
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
// Warm up (JIT, wasm memory growth) and pick repetitions so each sample lasts >= 20 ms: the browser's
// clock ticks in 0.1 ms steps.
const reps = {};
for (const [name, run] of Object.entries(cases)) {
  const t0 = performance.now();
  run();
  reps[name] = Math.max(1, Math.ceil(20 / Math.max(performance.now() - t0, 0.1)));
}
for (let r = 0; r < rounds; r++) {
  for (const [name, run] of Object.entries(cases)) {
    if (name === 'jsLoop' && r >= Math.min(rounds, 5)) continue; // slow: 5 rounds are plenty
    const t0 = performance.now();
    for (let k = 0; k < reps[name]; k++) run();
    times[name].push((performance.now() - t0) / reps[name]);
  }
}

// Accuracy of the engine against float64 (Math.sin of the same formula, in double, not rounded).
pe.sinusoidalInto(target, options);
let maxError = 0;
for (let p = 0; p < positions; p++) {
  for (let i = 0; i < dModel / 2; i++) {
    const a = p / Math.pow(10000, (2 * i) / dModel);
    maxError = Math.max(
      maxError,
      Math.abs(target[p * dModel + 2 * i] - Math.sin(a)),
      Math.abs(target[p * dModel + 2 * i + 1] - Math.cos(a)),
    );
  }
}

const stats = (list) => {
  const s = [...list].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1], runs: s.length };
};
const summary = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stats(v)]));
window.results = {
  positions,
  dModel,
  summary,
  maxError,
  ratios: {
    engineIntoOverFill: summary.engineInto.median / summary.fillFloor.median,
    jsLoopOverEngineInto: summary.jsLoop.median / summary.engineInto.median,
    engineAllocatingOverAllocateAndFill: summary.engineAllocating.median / summary.allocateAndFill.median,
  },
};
document.body.dataset.done = 'true';
