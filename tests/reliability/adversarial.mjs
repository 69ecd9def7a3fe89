// @ts-check
// Adversarial run against the engine's public JS API (the node build of the same module the page
// loads): thousands of random and hostile calls to every function, then every function at its caps.
//
//   node tests/reliability/adversarial.mjs [calls] [seed]     # prints the README's Reliability figures
//
// Reports: calls tried, outcomes by kind (returned / PEError by code / anything else), the slowest
// call, embind handles and wasm memory before and after. tests/web/reliability.test.mjs runs a
// smaller round and asserts: nothing but PEErrors, every PEError well formed, no handle left behind.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const WASM_DIR = process.env.PE_WASM_DIR || path.resolve(here, '../../build/wasm');
const SCHEMES_DIR = path.resolve(here, '../../cpp/schemes');

/** @returns {Promise<import('../../web/pe.js').PE>} the node build of the page's engine */
export async function loadEngine() {
  const require = createRequire(import.meta.url);
  const createPE = require(path.join(WASM_DIR, 'node/pe.cjs'));
  return createPE({ wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'node/pe.wasm')) });
}

/** The size of the engine's wasm memory (emscripten's heap view: not part of pe.d.ts). */
const wasmBytes = (pe) => /** @type {any} */ (pe).HEAP8.length;

// What f throws (the API tests under node compare it field by field); fails the test if nothing.
export function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('no error thrown');
}

// Deterministic random numbers (mulberry32), so a failing round can be replayed from its seed.
function random32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Values a hostile caller might pass anywhere.
function hostileValues() {
  const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays -- the hole is the point
  const nullProto = Object.create(null);
  nullProto.dModel = 8;
  const throwsOnRead = {};
  const tricky = { valueOf: () => 7, toString: () => '7' };
  return [
    undefined,
    null,
    true,
    0,
    -1,
    1,
    2,
    3.5,
    NaN,
    Infinity,
    -Infinity,
    -0,
    1e9,
    1e300,
    2 ** 31,
    2 ** 53,
    '',
    '64',
    'abc',
    '\ud800',
    '\udc00\ud800',
    'x'.repeat(5000),
    5n,
    Symbol('s'),
    () => 1,
    [],
    [1, 2],
    sparse,
    ['x', 'y'],
    [Symbol('a')],
    [5n],
    [nullProto],
    [NaN, Infinity],
    new Float32Array(4),
    new Float64Array([1, NaN]),
    new BigInt64Array(2),
    new BigUint64Array(2),
    new Uint8Array(3),
    new DataView(new ArrayBuffer(4)),
    {},
    nullProto,
    throwsOnRead,
    tricky,
    new Date(0),
    /re/,
    new Map(),
    { dModel: 8 },
    { dModel: 8, positions: 4 },
    { width: 8, height: 8 },
    { dModel: 8, positions: 4, layout: 'split', frequencies: 'tensor2tensor' },
    // hostile view sizes (issue 19: NaN reached a cast to int in renderRopeTable and renderAlibi)
    { width: NaN, height: 240 },
    { width: -Infinity, height: 240 },
    { width: 320, height: Infinity },
    { width: 0, height: 16 },
    { width: 1.5, height: 16 },
    { width: -5, height: 240 },
    { width: 16385, height: 1 },
    // an own __proto__ key, as JSON.parse makes it: refused everywhere
    JSON.parse('{"__proto__": {"dModel": 8}, "dModel": 8, "positions": 4}'),
    JSON.parse('{"__proto__": {"theta": 5}, "headDim": 64}'),
  ];
}

/**
 * What a folder's "nearly right" options are made with: the round's random numbers (in the order the
 * round draws them, so a seed replays), a pick from a list, a hostile value, the d_model drawn for this
 * call, and npyBytes.
 * @typedef {{ random: () => number, one: (list: any[]) => any, pick: () => unknown, dModel: number,
 *   npyBytes: typeof npyBytes }} Fuzz
 */

/**
 * Every scheme folder's part of the round, `cpp/schemes/<part>/adversarial.mjs` (found, not listed):
 * `callerNames` (the names its PEErrors may give), `nearly` ({ function: (fuzz) => its first argument,
 * nearly right }) and `atCaps(pe, limits, npyBytes)` ({ function: () => the worst valid call }).
 * @type {{ part: string, callerNames: string[], nearly: Record<string, (r: Fuzz) => unknown>,
 *   atCaps: (pe: any, limits: any, npy: typeof npyBytes) => Record<string, () => unknown> }[]}
 */
export const FOLDERS = await Promise.all(
  fs
    .readdirSync(SCHEMES_DIR)
    .filter((part) => fs.existsSync(path.join(SCHEMES_DIR, part, 'adversarial.mjs')))
    .sort()
    .map(async (part) => ({
      part,
      ...(await import(pathToFileURL(path.join(SCHEMES_DIR, part, 'adversarial.mjs')).href)),
    })),
);

// Every public function of the engine and its arity, as the engine marks them (api.post.js, peApi):
// a function added to the API is fuzzed without an edit here.
export function apiFunctions(pe) {
  const out = {};
  for (const name of Object.keys(pe)) {
    if (typeof pe[name] === 'function' && typeof pe[name].peApi === 'number') out[name] = pe[name].peApi;
  }
  return out;
}

// The names a PEError's `parameter` may take: the API's own options and arguments (the functions of
// cpp/bindings/api.post.js), and every scheme folder's (its adversarial.mjs's callerNames).
export const CALLER_NAMES = new Set([
  'options',
  'dModel',
  'positions',
  'start',
  'base',
  'layout',
  'frequencies',
  'target',
  'dims',
  'position',
  'offset',
  'firstOffset',
  'count',
  'values',
  'map',
  'low',
  'high',
  'rows',
  'cols',
  'view',
  'width',
  'height',
  'region',
  'row0',
  'col0',
  'maxLen',
  'seed',
  'text',
  'tokens',
  'scale',
  'method',
  'memory',
  'format',
  ...FOLDERS.flatMap((folder) => folder.callerNames),
]);

/** A small .npy (float32, rows x cols, C order) of values, as numpy.save writes it. */
export function npyBytes(values, rows, cols) {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  while ((10 + header.length + 1) % 64) header += ' ';
  header += '\n';
  const out = new Uint8Array(10 + header.length + 4 * values.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 255, header.length >> 8]);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(new Uint8Array(Float32Array.from(values).buffer), 10 + header.length);
  return out;
}

/** One round of `calls` random calls; every outcome is classified, nothing escapes. */
export async function adversarialRound(pe, { calls = 10000, seed = 1 } = {}) {
  const random = random32(seed);
  const values = hostileValues();
  const pick = () => values[Math.floor(random() * values.length)];
  /** @type {Record<string, (r: Fuzz) => unknown>} */
  const NEARLY = Object.assign({}, ...FOLDERS.map((folder) => folder.nearly));
  // Some arguments are "nearly right" so that calls get past the type checks into the engine.
  const nearly = (name) => {
    const o = { dModel: [1, 2, 7, 64, 8192, 0, 9000][Math.floor(random() * 7)] };
    const one = (list) => list[Math.floor(random() * list.length)];
    const folder = NEARLY[name];
    if (folder) return folder({ random, one, pick, dModel: o.dModel, npyBytes });
    if (random() < 0.8) o.positions = [1, 4, 100, 4096, 0, 2 ** 20, 2 ** 21][Math.floor(random() * 7)];
    if (random() < 0.2) o.start = pick();
    if (random() < 0.1) o[pick() === undefined ? 'nonsense' : 'base'] = pick();
    return o;
  };
  const FUNCTIONS = apiFunctions(pe);
  const names = Object.keys(FUNCTIONS);
  const report = { calls: 0, returned: 0, byCode: {}, byKind: {}, other: [], malformed: [], slowest: null };
  const handles0 = pe.count_emval_handles();
  const memory0 = wasmBytes(pe);
  for (let n = 0; n < calls; n++) {
    const name = names[n % names.length];
    const args = Array.from({ length: FUNCTIONS[name] }, (_, i) =>
      i === 0 &&
      random() < 0.6 &&
      ![
        'tokenize',
        'colorize',
        'renderMatrix',
        'project',
        'embedTokens',
        'inputVectors',
        'sinusoidalInto',
      ].includes(name)
        ? nearly(name)
        : pick(),
    );
    const start = performance.now();
    try {
      pe[name](...args);
      report.returned++;
    } catch (error) {
      if (error instanceof pe.PEError) {
        report.byCode[error.code] = (report.byCode[error.code] || 0) + 1;
        report.byKind[error.kind] = (report.byKind[error.kind] || 0) + 1;
        const ok =
          typeof error.message === 'string' &&
          error.message.length > 0 &&
          !/\{\w+\}/.test(error.message) &&
          error.kind in pe.messageTemplates &&
          // an unknown key is named as the caller spelled it
          (CALLER_NAMES.has(error.parameter) ||
            (error.kind === 'unknown_key' && error.parameter === error.args.got)) &&
          ['invalid_argument', 'size_limit', 'out_of_memory'].includes(error.code);
        if (!ok && report.malformed.length < 10)
          report.malformed.push(`${name}: ${error.parameter} ${error.message}`);
      } else if (report.other.length < 10) {
        report.other.push(`${name}: ${error && error.name}: ${error && error.message}`);
      } else {
        report.other.push('…');
      }
    }
    const ms = performance.now() - start;
    if (!report.slowest || ms > report.slowest.ms) report.slowest = { name, ms };
    report.calls++;
  }
  report.handles = { before: handles0, after: pe.count_emval_handles() };
  report.memory = { before: memory0, after: wasmBytes(pe) };
  return report;
}

/** Every function at (or near) its caps: the worst valid call each can be given. */
export function atCaps(pe) {
  const L = pe.limits;
  const big = new Float32Array(L.maxProjectedRows * Math.floor(L.maxProjectWork / L.maxProjectedRows ** 2));
  for (let k = 0; k < big.length; k++) big[k] = Math.sin(k * 0.37) + Math.cos(k * k * 1e-3);
  const pixelsSide = Math.floor(Math.sqrt(L.maxImagePixels));
  const dotCount = Math.floor(L.maxDotWork / (L.maxDModel / 2));
  const cases = {
    sinusoidal: () => pe.sinusoidal({ dModel: 1024, positions: L.maxElements / 1024 }),
    columns: () =>
      pe.columns(
        { dModel: 16, positions: L.maxPositions },
        Array.from({ length: L.maxColumnValues / L.maxPositions }, (_, j) => j % 16),
      ),
    dotByOffset: () => pe.dotByOffset({ dModel: L.maxDModel }, -L.maxPosition, dotCount),
    gram: () =>
      pe.gram({
        dModel: Math.floor(L.maxGramWork / L.maxGramPositions ** 2) || 64,
        positions: L.maxGramPositions,
      }),
    renderEncoding: () =>
      pe.renderEncoding(
        { dModel: 1024, positions: L.maxElements / 1024 },
        { width: pixelsSide, height: pixelsSide },
      ),
    renderMatrix: () =>
      pe.renderMatrix(big, L.maxProjectedRows, big.length / L.maxProjectedRows, {
        width: pixelsSide,
        height: pixelsSide,
      }),
    colorize: () => pe.colorize(new Float32Array(L.maxElements)),
    learnedTable: () =>
      pe.learnedTable({ dModel: L.maxLearnedValues / L.maxLearnedRows, maxLen: L.maxLearnedRows }),
    project: () => pe.project(big, L.maxProjectedRows, big.length / L.maxProjectedRows, 'pca'),
    closestPositions: () => pe.closestPositions({ dModel: 16, positions: L.maxPositions }),
    wrongExponentColumns: () =>
      pe.wrongExponentColumns(
        { dModel: 16, positions: L.maxPositions },
        Array.from({ length: L.maxColumnValues / L.maxPositions }, (_, j) => j % 16),
      ),
    inputVectors: () =>
      pe.inputVectors(
        Array.from({ length: L.maxTokens }, (_, n) => 'w' + n),
        { dModel: L.maxDModel },
      ),
    tokenize: () => pe.tokenize('a '.repeat(L.maxTextBytes / 2)),
    ...Object.assign({}, ...FOLDERS.map((folder) => folder.atCaps(pe, L, npyBytes))),
  };
  cases.exportTableCsv = () => pe.exportTable({ dModel: 1024, positions: L.maxTextExport / 1024 }, 'csv');
  cases.exportTableJson = () => pe.exportTable({ dModel: 1024, positions: L.maxTextExport / 1024 }, 'json');
  cases.exportTableNpy = () => pe.exportTable({ dModel: 1024, positions: L.maxElements / 1024 }, 'npy');
  const out = {};
  for (const [name, run] of Object.entries(cases)) {
    const start = performance.now();
    run();
    out[name] = performance.now() - start;
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pe = await loadEngine();
  const calls = Number(process.argv[2] || 110000);
  const seed = Number(process.argv[3] || 1);
  const t0 = performance.now();
  const round = await adversarialRound(pe, { calls, seed });
  console.log(
    `adversarial round: ${round.calls} calls (seed ${seed}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(`  returned normally: ${round.returned}`);
  console.log(`  PEError by code: ${JSON.stringify(round.byCode)}`);
  console.log(`  PEError by kind: ${JSON.stringify(round.byKind)}`);
  console.log(`  anything else thrown: ${round.other.length} ${round.other.slice(0, 5).join(' | ')}`);
  console.log(`  malformed PEErrors: ${round.malformed.length} ${round.malformed.slice(0, 5).join(' | ')}`);
  console.log(`  slowest call: ${round.slowest.name} ${round.slowest.ms.toFixed(1)} ms`);
  console.log(`  embind handles: ${round.handles.before} -> ${round.handles.after}`);
  console.log(
    `  wasm memory: ${(round.memory.before / 2 ** 20).toFixed(0)} MiB -> ${(round.memory.after / 2 ** 20).toFixed(0)} MiB`,
  );
  const caps = atCaps(pe);
  console.log('every function at its caps (ms):');
  for (const [name, ms] of Object.entries(caps)) console.log(`  ${name.padEnd(22)} ${ms.toFixed(0)}`);
  const memoryAfterCaps = wasmBytes(pe);
  for (let n = 0; n < 5; n++) atCaps(pe);
  console.log(
    `wasm memory after one round at the caps: ${(memoryAfterCaps / 2 ** 20).toFixed(0)} MiB; after five more: ${(wasmBytes(pe) / 2 ** 20).toFixed(0)} MiB (freed buffers are reused; wasm memory never shrinks)`,
  );
}
