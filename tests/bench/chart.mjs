// Draws time against matrix size (log-log) from the benchmark results as an SVG, and has Chromium save
// it as a PNG. Usage: node chart.mjs native.json browser.json out.png
import fs from 'node:fs';
import { launch } from '../web/harness.mjs';

const [nativePath, browserPath, outPath] = process.argv.slice(2);
const native = JSON.parse(fs.readFileSync(nativePath, 'utf8'));
const browser = JSON.parse(fs.readFileSync(browserPath, 'utf8'));
const unit = { ns: 1e-6, us: 1e-3, ms: 1, s: 1e3 };

const series = [];
// Native: one line per d_model (positions vary along it), so shapes with equal value counts but
// different row counts (the fixed per-call setup weighs more on short matrices) are not joined.
const nativePoints = (prefix) =>
  native.benchmarks
    .filter((b) => b.name.startsWith(prefix) && b.name.endsWith('_median'))
    .map((b) => {
      const [positions, d] = b.name
        .split('/')
        .slice(2, 4)
        .map((x) => parseInt(x, 10));
      return { positions, d, values: positions * d, ms: b.real_time * unit[b.time_unit] };
    });
for (const [d, colour] of [
  [64, '#9ecae1'],
  [256, '#4292c6'],
  [1024, '#08519c'],
]) {
  const points = nativePoints('Scaling/Fast/')
    .filter((p) => p.d === d)
    .map((p) => [p.values, p.ms]);
  series.push({
    label: `native engine, d_model ${d}`,
    colour,
    points: points.sort((a, b) => a[0] - b[0]),
    dash: '',
  });
}
const floor = new Map(nativePoints('Scaling/FillFloor/').map((p) => [p.values, p.ms]));
series.push({
  label: 'native std::fill floor',
  colour: '#08519c',
  dash: '6 4',
  points: [...floor].sort((a, b) => a[0] - b[0]),
});
const browserSeries = (key, label, colour, dash = '') =>
  series.push({
    label,
    colour,
    dash,
    points: browser.generation
      .map((g) => [g.positions * g.dModel, g.summary[key].median])
      .sort((a, b) => a[0] - b[0]),
  });
browserSeries('engineInto', 'Chromium pe.sinusoidalInto', '#d55e00');
browserSeries('engineGenerateOnly', 'Chromium generation in wasm', '#cc79a7');
browserSeries('jsLoop', 'Chromium plain JS Math.sin loop', '#009e73');
browserSeries('fillFloor', 'Chromium target.fill floor', '#d55e00', '6 4');

const W = 900;
const H = 560;
const m = { l: 80, r: 270, t: 40, b: 60 };
const all = series.flatMap((s) => s.points);
const [x0, x1] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))].map(Math.log10);
const [y0, y1] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))].map(Math.log10);
const X = (v) => m.l + ((Math.log10(v) - x0) / (x1 - x0)) * (W - m.l - m.r);
const Y = (v) =>
  H - m.b - ((Math.log10(v) - Math.floor(y0)) / (Math.ceil(y1) - Math.floor(y0))) * (H - m.t - m.b);
let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="13">`;
svg += `<rect width="${W}" height="${H}" fill="white"/>`;
svg += `<text x="${m.l}" y="24" font-size="16" font-weight="bold">Time to generate a float32 position-encoding matrix</text>`;
for (let e = Math.floor(y0); e <= Math.ceil(y1); e++) {
  svg += `<line x1="${m.l}" x2="${W - m.r}" y1="${Y(10 ** e)}" y2="${Y(10 ** e)}" stroke="#ddd"/>`;
  svg += `<text x="${m.l - 8}" y="${Y(10 ** e) + 4}" text-anchor="end">${10 ** e >= 1 ? 10 ** e : (10 ** e).toPrecision(1)} ms</text>`;
}
for (let e = Math.ceil(x0); e <= Math.floor(x1); e++) {
  svg += `<line y1="${m.t}" y2="${H - m.b}" x1="${X(10 ** e)}" x2="${X(10 ** e)}" stroke="#ddd"/>`;
  svg += `<text y="${H - m.b + 20}" x="${X(10 ** e)}" text-anchor="middle">10<tspan dy="-6" font-size="10">${e}</tspan></text>`;
}
svg += `<text x="${(m.l + W - m.r) / 2}" y="${H - 15}" text-anchor="middle">values (positions × d_model), log scale</text>`;
series.forEach((s, n) => {
  const path = s.points
    .map((p, i) => `${i ? 'L' : 'M'}${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`)
    .join(' ');
  svg += `<path d="${path}" fill="none" stroke="${s.colour}" stroke-width="2.5" stroke-dasharray="${s.dash}"/>`;
  for (const p of s.points) svg += `<circle cx="${X(p[0])}" cy="${Y(p[1])}" r="3" fill="${s.colour}"/>`;
  const y = m.t + 20 + n * 24;
  svg += `<line x1="${W - m.r + 15}" x2="${W - m.r + 45}" y1="${y}" y2="${y}" stroke="${s.colour}" stroke-width="2.5" stroke-dasharray="${s.dash}"/>`;
  svg += `<text x="${W - m.r + 52}" y="${y + 4}">${s.label}</text>`;
});
svg += '</svg>';

const chromium = await launch();
const page = await chromium.newPage({ viewport: { width: W, height: H } });
await page.setContent(`<body style="margin:0">${svg}</body>`);
await page.screenshot({ path: outPath });
await chromium.close();
console.log(`chart: ${outPath}`);
