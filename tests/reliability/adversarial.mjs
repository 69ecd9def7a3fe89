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
import { npyBytes } from '../../web/app/schemes/identify/npy.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WASM_DIR = process.env.PE_WASM_DIR || path.resolve(here, '../../build/wasm');

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

// Every public function of the engine and its arity, as the engine marks them (api.post.js, peApi):
// a function added to the API is fuzzed without an edit here.
export function apiFunctions(pe) {
  const out = {};
  for (const name of Object.keys(pe)) {
    if (typeof pe[name] === 'function' && typeof pe[name].peApi === 'number') out[name] = pe[name].peApi;
  }
  return out;
}

// The names a PEError's `parameter` may take: the API's own options and arguments.
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
  'stage',
  'how',
  'headDim',
  'theta',
  'rotaryDim',
  'pairing',
  'vectors',
  'q',
  'k',
  'maxDistance',
  'heads',
  'causal',
  'form',
  'head',
  'query',
  'gridHeight',
  'gridWidth',
  'clsToken',
  'row',
  'col',
  'part',
  'pair0',
  'pairs',
  'samples',
  // ropeFrequencies' scaling and ropeFromConfig: the config's own key names
  'scaling',
  'maxPositions',
  'originalMaxPositions',
  'sequenceLength',
  'rope_type',
  'rope_theta',
  'factor',
  'original_max_position_embeddings',
  'beta_fast',
  'beta_slow',
  'mscale',
  'mscale_all_dim',
  'attention_factor',
  'truncate',
  'low_freq_factor',
  'high_freq_factor',
  'short_factor',
  'long_factor',
  'type',
  'jsonText',
  'rope_scaling',
  'rope_parameters',
  'head_dim',
  'qk_rope_head_dim',
  'hidden_size',
  'num_attention_heads',
  'partial_rotary_factor',
  'rotary_pct',
  'max_position_embeddings',
  'head_dim (or hidden_size and num_attention_heads)',
  'part',
  // ropeFromConfig's per-layer reading: the config keys it names
  'num_hidden_layers',
  'layer_types',
  'no_rope_layers',
  'no_rope_layer_interval',
  'sliding_window',
  'sliding_window_pattern',
  'attention_chunk_size',
  'local_attention',
  'global_head_dim',
  'qk_nope_head_dim',
  'rope_local_base_freq',
  'local_rope_theta',
  'global_rope_theta',
  'floor_scale',
  'full_attention_interval',
  'global_attn_every_n_layers',
  'max_window_layers',
  ...['rope_parameters', 'rope_scaling'].flatMap((key) =>
    ['full_attention', 'sliding_attention', 'chunked_attention', 'linear_attention'].map(
      (kind) => key + '.' + kind,
    ),
  ),
  // queryScale (Llama 4's attention temperature)
  'result',
  'queryScaling',
  'floorScale',
  'attnScale',
  // T5's buckets
  'bidirectional',
  'numBuckets',
  'queries',
  'keys',
  'relativePositions',
  // multimodal and axial RoPE (ropeFromConfig: the config's mrope keys)
  'segments',
  'model',
  'spatialMergeSize',
  'tokensPerSecond',
  'revision',
  'mropeSection',
  'interleaved',
  'grid',
  'axesDim',
  'ids',
  'mrope_section',
  'mrope_interleaved',
  // identifyTable: its options, the fields of a file's header, the keys of `against`
  'bytes',
  'tensor',
  'bfloat16',
  'against',
  'magic',
  'version',
  'header_len',
  'header',
  'descr',
  'fortran_order',
  'shape',
  'dtype',
  'data_offsets',
  'data',
  '__metadata__',
  'invFreq',
  'theta',
  'attentionScaling',
  'rotaryDim',
  'pairing',
  'odd',
  // identifySample: the sample's name
  'name',
]);

// (the .npy writer the identify view's samples use, for the tests that import it from here)
export { npyBytes };

/** One round of `calls` random calls; every outcome is classified, nothing escapes. */
export async function adversarialRound(pe, { calls = 10000, seed = 1 } = {}) {
  const random = random32(seed);
  const values = hostileValues();
  const pick = () => values[Math.floor(random() * values.length)];
  // Some arguments are "nearly right" so that calls get past the type checks into the engine.
  const nearly = (name) => {
    const o = { dModel: [1, 2, 7, 64, 8192, 0, 9000][Math.floor(random() * 7)] };
    const one = (list) => list[Math.floor(random() * list.length)];
    const types = ['default', 'linear', 'ntk', 'dynamic', 'yarn', 'llama3', 'longrope', 'su', 'yarm', ''];
    const numbers = [0, -1, 0.5, 1, 2, 4, 8, 32, 1e9, 1e300, 4096, 32768, 2.5];
    const scaling = () => {
      const out = { [one(['rope_type', 'type'])]: one(types) };
      for (const key of [
        'factor',
        'original_max_position_embeddings',
        'beta_fast',
        'beta_slow',
        'mscale',
        'low_freq_factor',
        'high_freq_factor',
        'attention_factor',
      ]) {
        if (random() < 0.4) out[key] = one(numbers);
      }
      if (random() < 0.3) out.short_factor = Array.from({ length: one([0, 1, 32, 64]) }, () => one(numbers));
      if (random() < 0.3) out.long_factor = Array.from({ length: one([0, 1, 32, 64]) }, () => one(numbers));
      return out;
    };
    if (name === 'ropeFromConfig') {
      const config = {
        model_type: one([
          'llama',
          'bert',
          'phi3',
          '',
          'gemma3_text',
          'llama4_text',
          'deepseek_v3',
          'cohere2',
          'modernbert',
        ]),
        rope_scaling: scaling(),
      };
      if (random() < 0.3) config.num_hidden_layers = one([1, 4, 26, 4096, 4097, 0, 2.5]);
      if (random() < 0.2) config.layer_types = one([['full_attention'], ['mamba'], 'x', []]);
      if (random() < 0.2) config.no_rope_layers = one([[1, 0, 1, 1], [], 'x']);
      for (const key of [
        'hidden_size',
        'num_attention_heads',
        'head_dim',
        'rope_theta',
        'max_position_embeddings',
        'partial_rotary_factor',
        'original_max_position_embeddings',
      ]) {
        if (random() < 0.5) config[key] = one(numbers);
      }
      return random() < 0.9 ? JSON.stringify(config) : JSON.stringify(config).slice(0, 20);
    }
    if (name === 'identifyTable') {
      // a RoPE cos table, whole or with its bytes changed: header digits, lengths, truncation
      const rows = one([1, 2, 16, 64]);
      const cols = one([2, 8, 64]);
      const values = Array.from({ length: rows * cols }, (_, k) =>
        Math.cos(Math.floor(k / cols) * 10000 ** (-(k % (cols / 2)) / (cols / 2))),
      );
      const bytes = npyBytes(values, rows, cols);
      const changes = one([0, 1, 2, 3]);
      for (let k = 0; k < changes; k++)
        bytes[Math.floor(random() * Math.min(bytes.length, 80))] = one([0, 0x30, 0x39, 255]);
      return random() < 0.2 ? bytes.subarray(0, Math.floor(random() * bytes.length)) : bytes;
    }
    if (name === 'queryScale') {
      return { queryScaling: random() < 0.2 ? null : { floorScale: one(numbers), attnScale: one(numbers) } };
    }
    if (name === 'ropeFrequencies' && random() < 0.7) {
      return {
        headDim: one([2, 4, 64, 128]),
        maxPositions: one(numbers),
        sequenceLength: one(numbers),
        scaling: scaling(),
      };
    }
    if (name.startsWith('rope') || name === 'renderRopeTable') {
      return { headDim: [2, 7, 64, 96, 128, 4096, 5000][Math.floor(random() * 7)] };
    }
    if (name.startsWith('alibi') || name === 'renderAlibi')
      return { heads: [1, 12, 64, 2000][Math.floor(random() * 4)], positions: pick() };
    if (name.startsWith('t5')) {
      const t5 = {
        bidirectional: one([true, false, undefined, 1]),
        numBuckets: one([2, 3, 4, 7, 32, 33, 4096, 4097, 0, 2.5]),
        maxDistance: one([1, 2, 8, 9, 128, 1e9, 1e9 + 1, NaN]),
      };
      if (name === 't5BucketMatrix') {
        t5.queries = one([1, 64, 4096, 4097, 2 ** 24, 0]);
        t5.keys = one([1, 300, 4096, 2 ** 24, 2.5]);
      }
      return t5;
    }
    if (name === 'mropePositionIds') {
      const side = () => one([1, 2, 4, 5, 28, 8192, 8193, 0, 2.5, NaN]);
      const segment = () =>
        one([
          { text: one([0, 1, 5, -1, 2 ** 20, 2.5]) },
          { image: [side(), side(), side()] },
          {
            video: [side(), side(), side()],
            secondPerGridT: one([0, 0.5, 1, 2, 3600, -1, NaN]),
            timestampTokens: one([0, 3, 1025]),
          },
          { text: 1, image: [1, 2, 2] },
          {},
        ]);
      return Array.from({ length: one([0, 1, 3, 8]) }, segment);
    }
    if (name === 'mropeAxes') {
      return {
        headDim: one([2, 8, 127, 128, 4096, 5000]),
        mropeSection: one([
          [16, 24, 24],
          [24, 20, 20],
          [1, 1],
          [-1, 33, 32],
        ]),
        interleaved: one([true, false, 1]),
      };
    }
    if (name === 'visionRopeAngles') {
      return {
        headDim: one([4, 72, 78, 80, 4096]),
        grid: [one([1, 2, 0]), one([2, 4, 5, 8192]), one([2, 4, 28, 8192])],
        spatialMergeSize: one([1, 2, 3, 0]),
      };
    }
    if (name === 'axialRopeAngles') {
      return {
        axesDim: one([[16, 56, 56], [8, 8], [2], [16, 55, 57], []]),
        theta: one([10000, 0, -1, 1e13, NaN]),
      };
    }
    if (name.startsWith('sincos') || name.startsWith('grid')) {
      return { dModel: o.dModel, gridHeight: [1, 14, 1024][Math.floor(random() * 3)], gridWidth: 14 };
    }
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
    ropeApply: () =>
      pe.ropeApply(new Float32Array(L.maxRopeValues), {
        headDim: 4096,
        start: L.maxPosition - L.maxRopeValues / 4096,
      }),
    ropeScores: () =>
      pe.ropeScores(new Float32Array(4096).fill(1), new Float32Array(4096).fill(1), {
        headDim: 4096,
        maxDistance: L.maxDotWork / 2048 - 1,
      }),
    ropeTables: () => pe.ropeTables({ headDim: 128, positions: L.maxElements / 256 }),
    alibiBias: () => pe.alibiBias({ heads: 1, positions: 4096 }),
    sincos2d: () => pe.sincos2d({ dModel: 8192, gridHeight: 45, gridWidth: 45 }),
    grid2dSimilarity: () => pe.grid2dSimilarity({ dModel: 8192, gridHeight: 45, gridWidth: 45 }, 3, 3),
    grid2dSimilarities: () => pe.grid2dSimilarities({ dModel: 8192, gridHeight: 45, gridWidth: 45 }, 3, 3),
    roundTo: () =>
      pe.roundTo(
        new Float64Array(L.maxPositions).map((_, k) => k * 1.37),
        'bfloat16',
      ),
    precisionError: () =>
      pe.precisionError(
        { dModel: 128, positions: L.maxPrecisionValues / 64 },
        { format: 'bfloat16', stage: 'outputs' },
      ),
    // The bench's table (131,072 x 128 float32, 64 MiB): the cap is 2^26 values, 512 MiB as float64.
    identifyTable: () => {
      const rows = 131072;
      const values = new Float32Array(rows * 128);
      for (let r = 0; r < rows; r++)
        for (let j = 0; j < 128; j++) values[r * 128 + j] = Math.cos(r * 500000 ** (-(j % 64) / 64));
      return pe.identifyTable(npyBytes(values, rows, 128));
    },
    ropeFromConfig: () =>
      pe.ropeFromConfig(
        JSON.stringify({
          model_type: 'phi3',
          head_dim: 4096,
          max_position_embeddings: 131072,
          original_max_position_embeddings: 4096,
          rope_scaling: {
            type: 'longrope',
            short_factor: Array(2048).fill(1.5),
            long_factor: Array(2048).fill(2.5),
          },
          padding: 'x'.repeat(1000000),
        }),
        { sequenceLength: 100000 },
      ),
    renderRopeTable: () =>
      pe.renderRopeTable(
        { headDim: 4096, start: 0, positions: L.maxPosition },
        { width: 4096, height: L.maxRopeRenderWork / 2048 },
      ),
    // Every distance in the logarithmic range (4096 buckets, max_distance 10^9): a log each.
    t5Buckets: () =>
      pe.t5Buckets(
        { numBuckets: L.maxT5Buckets, maxDistance: L.maxT5RelativePosition },
        new Float64Array(L.maxT5RelativePositions).map((_, k) => (k % 2 ? 1 : -1) * (2048 + k * 238)),
      ),
    t5BucketMatrix: () =>
      pe.t5BucketMatrix({
        numBuckets: L.maxT5Buckets,
        maxDistance: L.maxT5RelativePosition,
        queries: 1,
        keys: L.maxT5MatrixEntries,
      }),
    // The token cap: one text segment, then a video at 256 x 32 x 32 merged tokens (2 s per step).
    mropePositionIds: () =>
      pe.mropePositionIds(
        [{ text: L.maxMropeTokens - 2 - 256 * 1024 }, { video: [256, 64, 64], secondPerGridT: 2 }],
        { model: 'qwen2.5-vl' },
      ),
    mropeAxes: () =>
      pe.mropeAxes({ headDim: L.maxMropeHeadDim, mropeSection: [683, 683, 682], interleaved: true }),
    visionRopeAngles: () => pe.visionRopeAngles({ headDim: 4096, grid: [1, 64, 64] }),
    axialRopeAngles: () =>
      pe.axialRopeAngles(
        { axesDim: [16, 56, 56] },
        new Float64Array((L.maxAxialAngles / 64) * 3).map((_, k) => k % 4096),
      ),
    renderAlibi: () =>
      pe.renderAlibi({ heads: 1024, positions: L.maxPositions }, 1023, { width: 4096, height: 4096 }),
    renderPrecision: () =>
      pe.renderPrecision(
        { headDim: 128, start: 0, positions: L.maxPosition },
        { format: 'bfloat16', stage: 'angles' },
        {
          width: L.maxPrecisionRenderWork / (64 * L.maxPrecisionSamples),
          height: 64,
          samples: L.maxPrecisionSamples,
        },
      ),
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
