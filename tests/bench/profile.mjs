// Shared by the step profilers (model-profile.mjs, scheme-profile.mjs): a V8 sampling profile of what a
// page does in `run`, each sample charged to the drawing step it falls in (the view's performance
// entries, given as { step, start, end } in performance.now() time) and, within it, to a kind of work
// by the sample's innermost frame:
//   engine    wasm code and its embind glue (the engine chunk): pe.* calls;
//   canvas    2-D context calls (fillText, stroke, drawImage, ...; native, so the innermost frame);
//   dom       other native calls: elements, text and attributes written, style or layout read;
//   gc        the garbage collector;
//   js        the view's own script.
// The profile's clock is tied to performance.now() by a busy loop run first (peProfileSync).

const sessions = new WeakMap(); // page -> its DevTools session (one: a second one's profiles came back empty)

/** Samples `run()` (the CPU already throttled as wanted) every 100 µs: { profile, syncAt }. */
export async function sample(page, run) {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page));
  const cdp = sessions.get(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const syncAt = await page.evaluate(
    '(function peProfileSync() { const at = performance.now(); while (performance.now() < at + 30); return at; })()',
  );
  await run();
  const { profile } = await cdp.send('Profiler.stop');
  return { profile, syncAt };
}

const CANVAS = new Set(
  (
    'fillText strokeText measureText stroke fill lineTo moveTo arc rect fillRect strokeRect clearRect ' +
    'beginPath closePath save restore setLineDash setTransform reset getContext translate scale rotate ' +
    'drawImage putImageData getImageData createImageData'
  ).split(' '),
);

/** The sampled milliseconds per step and kind (the step's name up to a colon), and the `worst` longest
 *  steps with their kinds. */
export function charge({ profile, syncAt }, measures, worst = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const stackOf = (id) => {
    const out = [];
    for (let k = id; k !== undefined; k = parent.get(k)) out.push(byId.get(k).callFrame);
    return out; // innermost first
  };
  // Sample times (µs, the profile's clock) and the offset to performance.now() (ms).
  const times = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) times.push((t += profile.timeDeltas[i]));
  const sync = profile.samples.findIndex((id) => stackOf(id).some((f) => f.functionName === 'peProfileSync'));
  const offset = times[sync] / 1000 - syncAt;
  const kindOf = (f) => {
    if (f.functionName === '(garbage collector)') return 'gc';
    if (
      /engine|^wasm/.test(f.url) ||
      /^wasm-|-to-wasm$|^js-to-/.test(f.functionName) ||
      /^[0-9a-f]{8}$/.test(f.url)
    )
      return 'engine';
    if (!f.url) return CANVAS.has(f.functionName) ? 'canvas' : 'dom';
    return 'js';
  };
  const table = {};
  const steps = {};
  for (let i = 0; i < profile.samples.length; i++) {
    const at = times[i] / 1000 - offset;
    const m = measures.find((x) => at >= x.start && at < x.end);
    if (!m) continue;
    const ms = (times[i + 1] - times[i]) / 1000 || 0;
    const step = m.step.split(':')[0];
    const kind = kindOf(stackOf(profile.samples[i])[0]);
    table[step] ??= { total: 0 };
    table[step].total += ms;
    table[step][kind] = (table[step][kind] || 0) + ms;
    const key = `${m.start}`;
    steps[key] ??= { step: m.step, ms: m.end - m.start, kinds: {} };
    steps[key].kinds[kind] = (steps[key].kinds[kind] || 0) + ms;
  }
  const round = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, +v.toFixed(1)]));
  return {
    msByStepAndKind: Object.fromEntries(Object.entries(table).map(([k, v]) => [k, round(v)])),
    worstSteps: Object.values(steps)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, worst)
      .map((x) => `${x.ms.toFixed(1)} ${x.step} ${JSON.stringify(round(x.kinds))}`),
  };
}
