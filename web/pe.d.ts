// Types of the position-encoding engine: `pe.mjs` (default export) and `pe.js` (global createPE).
// Every function checks its arguments and throws a PEError with a readable message; the module keeps
// working afterwards. Every returned array is a fresh copy owned by the caller.

export type Layout = 'interleaved' | 'split' | 'split_cos_first';
export type Frequencies = 'paper' | 'tensor2tensor';
export type ColorMapName = 'viridis' | 'diverging';

/** Parameters of a sinusoidal encoding.
 *  @scheme sinusoidal */
export interface EncodingOptions {
  /** Model width, an integer from 1 to 8192. Odd: floor(d/2) pairs and a final zero column. */
  dModel: number;
  /** Number of rows (positions), 1 to 1,048,576; positions x dModel <= 16,777,216. Required by the
   *  functions that make a matrix (sinusoidal, validate, columns, gram, renderEncoding, ...); the
   *  per-position ones (dimensions, vectorAt, dotByOffset, rotationBlocks, ...) ignore it. */
  positions?: number;
  /** First position (row 0), 0 to 1e9. Default 0. */
  start?: number;
  /** Default 10000; finite and > 1. */
  base?: number;
  /** 'interleaved' (the paper: sin, cos, sin, ...), 'split' (sin half then cos half: tensor2tensor,
   *  fairseq, Marian, the TensorFlow tutorial) or 'split_cos_first' (DiT). Default 'interleaved'. */
  layout?: Layout;
  /** 'paper': omega_i = base^(-2i/d). 'tensor2tensor' (also fairseq): omega_i = base^(-i/(d/2-1)). */
  frequencies?: Frequencies;
  /** Odd dModel: 'extra_sine' (the formula on every column: DistilBERT, Marian), 'zero_column'
   *  (DiT, diffusers, fairseq), or 'auto' (extra_sine for paper frequencies, else zero_column). */
  odd?: 'auto' | 'zero_column' | 'extra_sine';
}

/** What to draw and how: an RGBA8 image of `width` x `height` pixels of `region` of a matrix. */
export interface RenderOptions {
  width: number;
  height: number;
  /** Default 'diverging' (ColorBrewer RdBu, blue < 0 < red); 'viridis' is sequential. */
  map?: ColorMapName;
  /** Value range of the colour map; defaults -1 and 1. */
  low?: number;
  high?: number;
  /** Rows [row0, row0 + rows) and columns [col0, col0 + cols); default the whole matrix. */
  region?: { row0?: number; rows?: number; col0?: number; cols?: number };
}

export interface Dimensions {
  /** Pair index i of each column, -1 for the zero column of an odd dModel. */
  pair: Int32Array;
  wave: Array<'sin' | 'cos' | 'zero'>;
  /** Angular speed in radians per position. */
  omega: Float64Array;
  /** 2*pi / omega, in positions (Infinity for the zero column). */
  wavelength: Float64Array;
}

/** RoPE: which dimensions rotate together (README: "The schemes"). */
export type Pairing = 'half' | 'interleaved';

export interface RopeOptions {
  /** Width of one attention head, even, 2 to 4096. */
  headDim: number;
  /** rope_theta, > 1. Default 10000. */
  theta?: number;
  /** Rotated dimensions, even, <= headDim (partial rotary). Default headDim. */
  rotaryDim?: number;
  /** 'half': (i, i + r/2), GPT-NeoX / Llama / Hugging Face. 'interleaved': (2i, 2i + 1), GPT-J. Default 'half'. */
  pairing?: Pairing;
}

/** RoPE's options with the rows of a table (ropeTables, renderRopeTable; pe-export --scheme rope).
 *  @scheme rope */
export interface RopeTableOptions extends RopeOptions {
  /** Rows (positions), 1 to 1,048,576. Default 1. */
  positions?: number;
  /** First position (row 0), 0 to 1e9. Default 0. */
  start?: number;
}

/** @scheme alibi */
export interface AlibiOptions {
  /** Attention heads, 1 to 1024. */
  heads: number;
  /** Sequence length; heads x positions^2 <= 16,777,216. */
  positions: number;
  /** -Infinity above the diagonal. Default true. */
  causal?: boolean;
  /** 'distance': -slope * (i - j) (the paper). 'key_position': slope * j (BLOOM). Default 'distance'. */
  form?: 'distance' | 'key_position';
}

/** T5's relative position buckets (README: "The schemes"); the defaults are T5's, Flan-T5's and mT5's. */
export interface T5Options {
  /** true: the encoder (each direction gets half the buckets). false: the decoder (keys after the query
   *  share its bucket 0). Default true. */
  bidirectional?: boolean;
  /** relative_attention_num_buckets, 2 to 4096 (at least 4 when bidirectional). Default 32. */
  numBuckets?: number;
  /** relative_attention_max_distance: from this distance on, one bucket. An integer greater than the
   *  exact buckets (numBuckets / 4 bidirectional, numBuckets / 2 not; floors), up to 10^9. Default 128. */
  maxDistance?: number;
}

/** @scheme t5 */
export interface T5MatrixOptions extends T5Options {
  /** Query positions (rows), from 1; queries x keys <= limits.maxT5MatrixEntries (2^24). */
  queries: number;
  /** Key positions (columns), from 1. */
  keys: number;
}

/** One piece of a prompt for mropePositionIds: text tokens, or an image or a video by its patch grid
 *  before merging ([t, h, w], as image_grid_thw / video_grid_thw; h and w multiples of the merge size). */
export type MropeSegment =
  | { text: number }
  | { image: [number, number, number] }
  | {
      video: [number, number, number];
      /** Seconds per temporal grid step, read by Qwen2.5-VL only (truncated to a whole number as the
       *  model's code does, so 0.5 gives every frame the same time id). 0 to 3600; default 1. */
      secondPerGridT?: number;
      /** Each frame's timestamp text, in tokens, read by Qwen3-VL only. 0 to 1024; default 0. */
      timestampTokens?: number;
    };

export interface MropeOptions {
  /** Whose get_rope_index (transformers, as served through 2025). Default 'qwen2-vl'. */
  model?: 'qwen2-vl' | 'qwen2.5-vl' | 'qwen3-vl';
  /** vision_config.spatial_merge_size, 1 to 16. Default 2. */
  spatialMergeSize?: number;
  /** vision_config.tokens_per_second (Qwen2.5-VL's time ids), 1 to 1000. Default 2 (the released
   *  checkpoints' config.json). */
  tokensPerSecond?: number;
  /** Whose get_rope_index: '2025', as the released checkpoints were served through 2025 (a7f29523),
   *  or '2026', as rewritten ("Unify 3D position ids", as of c9de1097): past a vision block the
   *  position moves on by its largest merged side only, so text after a video reuses positions
   *  its later frames hold. Default '2025'. */
  revision?: '2025' | '2026';
}

export interface MropeIds {
  /** 3 x tokens, row-major: rows t, h, w. */
  positionIds: Int32Array;
  /** The largest id + 1 - tokens: what a decoder adds to each new token's index after the prompt. */
  ropeDelta: number;
}

export interface MropeAxesOptions {
  /** Rotary head size, even, 2 to 4096. */
  headDim: number;
  /** Pairs per axis [t, h, w], summing to headDim / 2 (Qwen2/2.5-VL [16, 24, 24], Qwen3-VL [24, 20, 20]). */
  mropeSection: number[];
  /** Qwen3-VL's interleaved layout (t h w t h w ...) instead of contiguous chunks. Default false. */
  interleaved?: boolean;
}

export interface VisionRopeOptions {
  /** The vision tower's per-head size, a multiple of 4 (Qwen2-VL 80, Qwen3-VL 72). */
  headDim: number;
  /** Default 10000. */
  theta?: number;
  /** [t, h, w] patches (image_grid_thw); h and w multiples of spatialMergeSize; up to 8192 each. */
  grid: [number, number, number];
  /** Default 2. */
  spatialMergeSize?: number;
}

export interface AxialRopeOptions {
  /** Rotary dimensions per axis, each even; 1 to 8 axes, summing to at most 4096. Default FLUX.1's
   *  [16, 56, 56]. */
  axesDim?: number[];
  /** Default 10000. */
  theta?: number;
}

/** pe-export --scheme mrope's parameters (the scheme table): the options of mropePositionIds, with the
 *  segments spelled as text (`text:4,image:1x28x28,video:4x28x28:0.5:3`).
 *  @scheme mrope */
export interface MropeExportOptions extends MropeOptions {
  /** Default 'text:4'. */
  segments?: string;
}

/** pe-export --scheme axial's parameters (the scheme table): the options of axialRopeAngles, and the
 *  ids FLUX makes for `textTokens` text tokens (0) then a gridHeight x gridWidth image.
 *  @scheme axial */
export interface AxialExportOptions extends AxialRopeOptions {
  /** Latent rows, 1 to 65536. Default 2. */
  gridHeight?: number;
  /** Latent columns, 1 to 65536. Default 2. */
  gridWidth?: number;
  /** Text tokens first, 0 to 65536. Default 0. */
  textTokens?: number;
}

/** @scheme sincos2d */
export interface Sincos2dOptions {
  /** Model width, a multiple of 4, 4 to 8192. */
  dModel: number;
  gridHeight: number;
  gridWidth: number;
  /** Default 10000. */
  base?: number;
  /** A zero row first (the class token). Default false. */
  clsToken?: boolean;
}

/** One parameter of a scheme, from the engine's table. */
export interface SchemeParameter {
  name: string;
  core: string;
  /** list: numbers (an array here, comma-separated on pe-export's command line); text: pe-export's
   *  spelling of a structured argument (mrope's segments). */
  type: 'integer' | 'number' | 'choice' | 'boolean' | 'list' | 'text';
  required: boolean;
  default?: number | string | boolean | readonly number[];
  min?: number;
  max?: number;
  choices: string[];
  help: string;
}

export declare class PEError extends Error {
  name: 'PEError';
  /** The offending parameter as you spelled it (e.g. 'dModel', 'firstOffset', 'values'). */
  parameter: string;
  /** 'internal': a defect of the engine caught at the API's edge (the engine keeps working). */
  code: 'invalid_argument' | 'size_limit' | 'out_of_memory' | 'internal';
  /** Which message: a key of PE.messageTemplates (e.g. 'integer_range'). */
  kind: string;
  /** The message's values: `name` (the parameter as the text spells it), and min, max, got, ... */
  args: { name: string; [value: string]: string | number };
}

/** Every cap, from the engine (README: Reliability). */
export interface Limits {
  maxDModel: number;
  maxPositions: number;
  maxElements: number;
  maxPosition: number;
  maxGramPositions: number;
  maxGramWork: number;
  maxColumns: number;
  maxColumnValues: number;
  maxOffsets: number;
  maxDotWork: number;
  /** RoPE's caps (cpp/schemes/rope/limits.hpp): in the engines with RoPE or a folder built on it
   *  (the page's; an embedded figure's engine has its own scheme's). */
  maxRopeValues: number;
  maxHeadDim: number;
  /** ALiBi's heads and 2-D sin-cos's grid side (cpp/schemes/alibi, grid2d): only in the engines with
   *  those folders (the page's; an embedded figure's engine has its own scheme's). */
  maxHeads: number;
  maxGridSide: number;
  /** Precision's caps (cpp/schemes/precision/limits.hpp): positions x pairs of one call. */
  maxPrecisionValues: number;
  /** renderPrecision: pixel columns x samples x pairs. */
  maxPrecisionRenderWork: number;
  maxPrecisionSamples: number;
  /** renderRopeTable: pixel rows x the pairs its columns show (RoPE's). */
  maxRopeRenderWork: number;
  maxImageSide: number;
  maxImagePixels: number;
  maxLearnedRows: number;
  maxLearnedValues: number;
  maxTokens: number;
  maxEmbeddingScale: number;
  maxTextBytes: number;
  maxProjectedRows: number;
  maxProjectWork: number;
  /** T5: numBuckets, |relative position|, relative positions in one t5Buckets call (2^22), queries x
   *  keys of t5BucketMatrix (2^24). Not in the embed's engines, which have no T5. */
  maxT5Buckets: number;
  maxT5RelativePosition: number;
  maxT5RelativePositions: number;
  maxT5MatrixEntries: number;
  /** Multimodal RoPE: tokens in one prompt (2^20), segments, a grid's side, the largest position id
   *  (int32), mropeAxes' headDim. Not in the embed's engines. */
  maxMropeTokens: number;
  maxMropeSegments: number;
  maxMropeGridSide: number;
  maxMropePositionId: number;
  maxMropeHeadDim: number;
  /** Axial RoPE: axes, sum(axesDim) (and the vision headDim), |id|, tokens x pairs of one call (2^23, 64 MiB of float64),
   *  a vision grid's side. */
  maxAxialAxes: number;
  maxAxialDim: number;
  maxAxialId: number;
  maxAxialAngles: number;
  maxVisionGridSide: number;
  /** exportTable: values in a CSV or JSON file (NPY goes to maxElements). */
  maxTextExport: number;
  /** ropeFromConfig: UTF-8 bytes of a config.json (2^20). */
  maxConfigBytes: number;
  /** identifyTable: values of the tensor read (2^26), bytes of a header (2^22), bytes of a file (what
   *  the two allow in float64), dimensions before size-1 ones are dropped (8). */
  maxTableValues: number;
  maxTableHeaderBytes: number;
  maxTableFileBytes: number;
  maxTableDims: number;
}

/** identifyTable's file options (the table `identify` of pe.schemes).
 *  @scheme identify */
export interface IdentifyFileOptions {
  /** The safetensors tensor to read; without it, the file must hold exactly one. */
  tensor?: string;
  /** Read an .npy of uint16 ('<u2' or '>u2') as bfloat16 bits (NumPy has no bfloat16). */
  bfloat16?: boolean;
}

export interface IdentifyTableOptions extends IdentifyFileOptions {
  /** The reference to compare with: a layer type of ropeFromConfig (its theta, invFreq, pairing,
   *  attentionScaling, rotaryDim) or sinusoidal options (layout, frequencies, base, start, odd). */
  against?: LayerTypeReading | Partial<EncodingOptions> | null;
}

/** One reading of a table: the scheme and the engine's own options that rebuild it. */
export interface IdentifyReading {
  scheme: 'sinusoidal' | 'rope';
  /** sinusoidal: dModel, positions, start, base, layout, frequencies, odd. rope: theta, pairing ('half',
   *  'interleaved', or null for one column per frequency: Meta's freqs_cis), rotaryDim, headDim,
   *  positions, start, and scaling ({ rope_type, factor, ... }, as a config's rope_scaling) when the
   *  frequencies match linear, llama3 or YaRN. */
  options: Record<string, unknown>;
  /** The largest |table - reading| over every row (the best) or over up to 512 sampled rows (the
   *  candidates). */
  maxError: number;
}

/** A finding of identifyTable, as data: its kind (web/app/i18n has its text per language), values and
 *  English. */
export interface IdentifyFinding {
  kind: string;
  args: Record<string, string | number>;
  message: string;
}

export interface IdentifyResult {
  format: 'npy' | 'safetensors';
  dtype: 'float16' | 'bfloat16' | 'float32' | 'float64';
  /** The tensor's shape as stored. */
  shape: number[];
  kind: 'sinusoidal' | 'rope_cos' | 'rope_sin' | 'rope_angles' | 'unknown';
  /** null when no convention of the engine fits (kind 'unknown'; the candidates are the nearest). */
  best: IdentifyReading | null;
  /** The next readings, best first: other layouts, the other exponent rule, scalings. */
  candidates: IdentifyReading[];
  /** What departs from `against` (id_pairing, id_theta, id_scaling_missing, id_scaling_extra,
   *  id_scaling_differs, id_offset, id_layout, id_frequencies, id_base, id_odd,
   *  id_attention_scaling, id_inv_freq_rounded), and what the table itself shows (id_precision,
   *  id_rows_stop, id_zero_rows, id_few_rows, id_same_table, id_no_match, id_undetermined). */
  diagnosis: IdentifyFinding[];
  /** The first cell (row-major; the sin rows of a stacked table follow the cos rows) that differs from
   *  `against` (or, without it, from the best reading) by more than the tolerance
   *  2 u max(amplitude, 10^-3) + 2^-22 |angle|, u the table's precision (2^-8 bfloat16, 2^-11 float16,
   *  10^-7 otherwise); null if none. */
  firstDifference: { row: number; col: number; got: number; want: number } | null;
  /** A grid for a figure (the identify view's heatmaps): up to 192 rows and 256 columns of the table
   *  spread evenly (firstDifference's row and column among them; a stacked table's cos half), and the
   *  same cells of what it is compared with (`against` if given, else the best reading; null when no
   *  reading fits), row-major, to 7 significant digits. */
  preview: { rows: number[]; cols: number[]; table: number[]; reference: number[] | null };
}

/** One kind of layer of a model, as its config reads (ropeFromConfig's layerTypes). */
export interface LayerTypeReading {
  /** false on NoPE layers (no rotation): ropeType and theta null, invFreq empty. */
  rope: boolean;
  ropeType: RopeScaling['rope_type'] | 'proportional' | null;
  theta: number | null;
  /** What the library's function returns for this layer type, its length included (rotaryDim / 2, or
   *  headDim / 2 for proportional, whose pairs past the rotated ones have frequency 0). */
  invFreq: Float64Array;
  attentionScaling: number;
  headDim: number;
  rotaryDim: number;
  /** Which dimensions of the head rotate: the first rotaryDim, or the last (DeepSeek's MLA). */
  rotatedSlice: 'first' | 'last';
  pairing: 'half' | 'interleaved';
  attention: 'full' | 'sliding' | 'chunked' | 'linear';
  /** The sliding window or the chunk size, or null. */
  window: number | null;
  /** This layer type's scaling block as the reader passed it (rope_type and its keys), or null. */
  scaling: RopeScaling | null;
  /** This layer type's YaRN ramp (pairs below low kept, above high interpolated), or null. */
  ramp: { low: number; high: number } | null;
  /** This layer type's Llama 3 bands (wavelengths below low kept, above high interpolated), or null. */
  wavelengths: { low: number; high: number } | null;
}

/** A config warning, as data: its kind (web/app/i18n has its text per language), values and English. */
export interface ConfigWarning {
  kind: string;
  args: Record<string, string | number>;
  message: string;
}

export interface PE {
  PEError: typeof PEError;
  /** Checks options (throws PEError) and returns them with the defaults filled in; computes nothing. */
  validate(options: EncodingOptions): Required<EncodingOptions>;
  /** The positions x dModel matrix, row-major: value [r * dModel + j] is PE(start + r)[j]. */
  sinusoidal(options: EncodingOptions): Float32Array;
  /** The same, written into `target` (length must be positions x dModel); returns target. */
  sinusoidalInto(target: Float32Array, options: EncodingOptions): Float32Array;
  /** Pair, wave, omega and wavelength of every column. */
  dimensions(options: EncodingOptions): Dimensions;
  /** Columns `dims` (1 to 64 of them) over all positions, column-major: [c * positions + r]. */
  columns(options: EncodingOptions, dims: number[]): Float32Array;
  /** PE(position) in float64. */
  vectorAt(options: EncodingOptions, position: number): Float64Array;
  /** PE(p) . PE(p + k) for k = firstOffset ... firstOffset + count - 1 (the same for every p). */
  dotByOffset(options: EncodingOptions, firstOffset: number, count: number): Float64Array;
  /** positions x positions Gram matrix PE(start + a) . PE(start + b), from the float32 matrix. */
  gram(options: EncodingOptions): Float32Array;
  /** The 2x2 blocks of R_k, one [cos(k w_i), sin(k w_i)] per pair: PE(p + k) = R_k PE(p). */
  rotationBlocks(options: EncodingOptions, offset: number): Float64Array;
  /** max |R_k PE(p) - PE(p + k)| in float64. */
  rotationResidual(options: EncodingOptions, position: number, offset: number): number;
  /** RGBA8 pixels, one per value, for ImageData. Defaults: viridis on [-1, 1]. */
  colorize(
    values: ArrayLike<number>,
    options?: { map?: ColorMapName; low?: number; high?: number },
  ): Uint8ClampedArray;
  /** Draws (a region of) any row-major matrix at canvas resolution, box-filtered. */
  renderMatrix(values: ArrayLike<number>, rows: number, cols: number, view: RenderOptions): Uint8ClampedArray;
  /** Draws (a region of) the encoding matrix; the matrix is kept between calls with the same options. */
  renderEncoding(options: EncodingOptions, view: RenderOptions): Uint8ClampedArray;
  /** A seeded random table (maxLen x dModel) standing in for a trained position embedding. */
  learnedTable(options: { dModel: number; maxLen: number; seed?: number }): Float32Array;
  /** One row of it; past the last row it throws, as a real model's lookup would. */
  learnedRow(options: { dModel: number; maxLen: number; seed?: number }, position: number): Float32Array;
  /** The documented toy tokenizer (words, single CJK characters, single punctuation; at most 64). */
  tokenize(text: string): { tokens: string[]; truncated: boolean };
  /** Deterministic toy word embeddings, scale * N(0, 1) seeded by each token's text: tokens x dModel. */
  embedTokens(tokens: string[], options: { dModel: number; scale?: number }): Float32Array;
  /** Embedding + PE (or the embedding alone, withPe false) for tokens at positions start, start + 1, …. */
  inputVectors(tokens: string[], options: EncodingOptions, scale?: number, withPe?: boolean): Float32Array;
  /** 2-D projection of a row-major matrix: principal components ('pca') or dimensions 0 and 1. */
  project(
    values: ArrayLike<number>,
    rows: number,
    cols: number,
    method?: 'pca' | 'first_two',
  ): { xy: Float64Array; explained: [number, number] };
  /** The two closest position vectors among the positions: their distance and offset. */
  closestPositions(options: EncodingOptions): { distance: number; offset: number };
  /** Wavelengths with the common doubled exponent (base^(2j/d) with j over every dimension). */
  wrongExponentWavelengths(options: EncodingOptions): Float64Array;
  /** Columns computed with that mistake, column-major like columns(). */
  wrongExponentColumns(options: EncodingOptions, dims: number[]): Float32Array;
  /** The file pe-export writes for these options: 'npy' (default), 'csv' or 'json' (text formats up
   *  to limits.maxTextExport = 2^21 values). Not in an engine of parts (pe-explorer-engine-<parts>.js),
   *  whose figures have no downloads: there it throws not_in_build. */
  exportTable(options: EncodingOptions, format?: 'npy' | 'csv' | 'json'): Uint8Array;
  /** RoPE's inverse frequencies 1 / theta^(2i / rotaryDim) (float64) and the attention scaling (1). */
  ropeFrequencies(options: RopeOptions & RopeScalingOptions): RopeFrequencies;
  /** Reads a model's config.json as transformers does (rope_theta / rope_parameters, rope_scaling with
   *  rope_type or the legacy type, head_dim or hidden_size / num_attention_heads, partial_rotary_factor,
   *  max_position_embeddings, layer_types) and warns about the known traps it sees. At most
   *  limits.maxConfigBytes of text. The reading is the core's (pe-export --config gives the same); its
   *  first fields describe the first layer type that uses RoPE. */
  ropeFromConfig(
    jsonText: string,
    options?: { sequenceLength?: number },
  ): RopeFrequencies & {
    headDim: number;
    rotaryDim: number;
    theta: number;
    ropeType: RopeScaling['rope_type'];
    maxPositions: number | null;
    /** The config's top-level original_max_position_embeddings (Phi-3 keeps it there), or null. */
    originalMaxPositions: number | null;
    scaling: RopeScaling | null;
    /** Multimodal RoPE (Qwen2-VL to Qwen3-VL): rope_scaling's mrope_section (pairs for t, h, w) and
     *  mrope_interleaved, for mropeAxes; null and false when the config has none. rope_type "mrope"
     *  reads as "default", as Qwen2VLConfig does. */
    mropeSection: number[] | null;
    mropeInterleaved: boolean;
    warnings: ConfigWarning[];
    /** One layer-type name per hidden layer (num_hidden_layers of them): full_attention,
     *  sliding_attention, chunked_attention, linear_attention, or <kind>_nope for NoPE layers. */
    layers: string[];
    layerTypes: Record<string, LayerTypeReading>;
    /** Llama 4's attention temperature on its NoPE layers, or null. */
    queryScaling: { floorScale: number; attnScale: number } | null;
  };
  /** Llama 4's query scale at a position, log(floor((position + 1) / floorScale) + 1) * attnScale + 1;
   *  1 where result.queryScaling is null. */
  queryScale(
    result: { queryScaling: { floorScale: number; attnScale: number } | null },
    position: number,
  ): number;
  /** Rows of headDim values rotated for their positions (`positions`, one per row, or `start` + row). */
  ropeApply(
    vectors: Float32Array | number[],
    options: RopeOptions & RopeScalingOptions & { positions?: number[]; start?: number },
  ): Float32Array;
  /** q·k after rotation for distances 0 … maxDistance, and the check that only the distance matters. */
  ropeScores(
    q: Float32Array | number[],
    k: Float32Array | number[],
    options: RopeOptions & RopeScalingOptions & { maxDistance?: number },
  ): { scores: Float64Array; invarianceError: number };
  /** Hugging Face's cos and sin tables, positions x rotaryDim each (times attentionScaling, as the
   *  library multiplies them, when `scaling` has one). */
  ropeTables(options: RopeTableOptions & RopeScalingOptions): {
    cos: Float32Array;
    sin: Float32Array;
  };
  /** The cos or sin table at canvas resolution (RGBA8) for positions start … start + positions − 1, up
   *  to maxPosition (no table is made): each pixel the exact mean of the cells it covers. */
  renderRopeTable(
    options: RopeTableOptions & RopeScalingOptions,
    view: { width: number; height: number; part?: 'cos' | 'sin' },
  ): Uint8ClampedArray;
  /** One head's bias at canvas resolution (RGBA8), for up to maxPositions positions (no tensor). */
  renderAlibi(
    options: AlibiOptions,
    head: number,
    view: { width: number; height: number; low?: number; high?: number },
  ): Uint8ClampedArray;
  /** ALiBi slopes per head, as the reference code's get_slopes. */
  alibiSlopes(heads: number): Float64Array;
  /** heads x positions x positions biases, [h][i][j] for query i and key j. */
  alibiBias(options: AlibiOptions): Float32Array;
  /** One query's softmax weights over the keys in one head, content scores all equal. */
  alibiAttention(options: AlibiOptions, head: number, query: number): Float64Array;
  /** Which convention made a position-encoding or cos/sin table: `bytes` is a whole .npy (versions 1
   *  to 3, either byte order, float16/32/64, bfloat16 as uint16 with `bfloat16: true`, C or Fortran
   *  order) or .safetensors file (F16, BF16, F32, F64; one tensor, by `tensor`). Size-1 dimensions
   *  are dropped; (2, positions, d) is cos and sin stacked (pe-export --config writes that). The
   *  frequencies are fitted from the data (the angle's step per position over many rows), then named.
   *  Accuracy: theta is told apart to about u / (rows x m) relative (u the values' precision, m =
   *  max_i (i/n) omega_i, 0.04 at theta 10^4): float32 tables tell it to 10^-3 from 4 rows, bfloat16
   *  ones need about 100 rows (diagnosis id_few_rows says so when a table is too short). The
   *  paper's and tensor2tensor's exponents give the same table with different bases: the reading with
   *  the base nearer 10^4 comes first, the other is a candidate (id_same_table). Malformed files get
   *  a PEError naming the header field. Not in the embed's engines. */
  identifyTable(bytes: Uint8Array, options?: IdentifyTableOptions): IdentifyResult;
  /** One of the identify view's samples, written by the engine: 'rope' (RoPE cos, headDim 128, theta
   *  500000, half pairing, 512 positions), 'sinusoidal' (the paper's, dModel 64, 256 positions) or
   *  'fairseq' (split layout, tensor2tensor's exponent, positions 2 to 257): the same cells as
   *  pe.ropeTables / pe.sinusoidal with `options` write (computed in double, stored as float32), so
   *  the figure shows a table without the engines of those functions. */
  identifySample(name: 'rope' | 'sinusoidal' | 'fairseq'): {
    name: string;
    options: Record<string, unknown>;
    shape: [number, number];
    values: Float32Array;
  };
  /** T5's bucket of each relative position (key position - query position), exactly as Hugging Face's
   *  T5Attention._relative_position_bucket computes it (its float32 arithmetic included). Integers up
   *  to +-10^9, at most limits.maxT5RelativePositions of them. Not in the embed's engines (their
   *  budget): there it throws a not_in_build PEError. */
  t5Buckets(options: T5Options | undefined, relativePositions: ArrayLike<number>): Int32Array;
  /** queries x keys, row-major: [q][k] = the bucket of k - q (compute_bias's layout). */
  t5BucketMatrix(options: T5MatrixOptions): Int32Array;
  /** Each token's (t, h, w) position ids and the rope delta, as get_rope_index of Qwen2-VL, Qwen2.5-VL or
   *  Qwen3-VL computes them (transformers as served through 2025, before the February 2026 rewrite) for
   *  the prompt the processor lays out from `segments`. At most limits.maxMropeTokens tokens. Not in the
   *  embed's engines. */
  mropePositionIds(segments: MropeSegment[], options?: MropeOptions): MropeIds;
  /** The axis (0 t, 1 h, 2 w) each of headDim rotary dimensions reads, as the model's apply function
   *  picks it (contiguous chunks, or Qwen3-VL's interleaving). */
  mropeAxes(options: MropeAxesOptions): Uint8Array;
  /** The vision tower's 2-D RoPE angles (rot_pos_emb): patches x headDim/2, [row angles | column
   *  angles], patches in merge-block order. */
  visionRopeAngles(options: VisionRopeOptions): Float64Array;
  /** FLUX's axial RoPE angles (EmbedND): tokens x sum(axesDim)/2 for ids given as tokens x axes
   *  (row-major). */
  axialRopeAngles(options: AxialRopeOptions | undefined, ids: ArrayLike<number>): Float64Array;
  /** MAE's 2-D sin-cos table: rows are patches row by row (a zero row first with clsToken); x first. */
  sincos2d(options: Sincos2dOptions): Float32Array;
  /** Cosine similarity of patch (row, col) with every patch, gridHeight x gridWidth, over 'all', 'x' or 'y'. */
  grid2dSimilarity(
    options: Sincos2dOptions,
    row: number,
    col: number,
    part?: 'all' | 'x' | 'y',
  ): Float64Array;
  /** The three at once ('all', 'x' and 'y'; one table of sines and cosines instead of three). */
  grid2dSimilarities(
    options: Sincos2dOptions,
    row: number,
    col: number,
  ): { all: Float64Array; x: Float64Array; y: Float64Array };
  /** Each value rounded to float32, float16 or bfloat16 (nearest, ties to even, overflow to
   *  Infinity; NaN and -0 kept), returned as float64. At most 2^20 values. Not in the embed engine. */
  roundTo(values: ArrayLike<number>, format: NumberFormat): Float64Array;
  /** One quantity held in the low format, all else float64: per (position, pair) the larger of the
   *  sin and cos errors (positions x pairs), the largest, the first position above 1e-3 (-1 if none),
   *  and how many different vectors are left. options: sinusoidal ({ dModel, ... }) or RoPE ({ headDim, ... }). */
  precisionError(
    options: PrecisionOptions,
    how: PrecisionHow,
  ): {
    errors: Float32Array;
    pairs: number;
    maxError: number;
    firstBadPosition: number;
    distinctVectors: number;
    /** How many vectors two or more positions share, and the first 8 such groups by position
     *  (each: its first 4 positions and its size). */
    collapsedGroups: number;
    groups: Array<{ positions: number[]; size: number }>;
  };
  /** The precisionError heatmap drawn at canvas resolution (RGBA8, width x height), for ranges of up
   *  to maxPosition positions (options.start, options.positions): positions across, pairs down; each
   *  pixel the largest error among up to `samples` evenly spaced positions of its column (all of them
   *  when a column covers no more), on a log viridis scale from `low` (1e-8) to `high` (2). */
  renderPrecision(
    options: PrecisionOptions,
    how: PrecisionHow,
    view: {
      width: number;
      height: number;
      pair0?: number;
      pairs?: number;
      samples?: number;
      low?: number;
      high?: number;
    },
  ): Uint8ClampedArray;
  /** What each format holds, from the bit layouts roundTo uses. */
  readonly numberFormats: Readonly<
    Record<
      NumberFormat,
      {
        precision: number;
        minExponent: number;
        maxExponent: number;
        largest: number;
        maxExactInteger: number;
      }
    >
  >;
  /** Every scheme's parameters, from the engine's table. */
  readonly schemes: Readonly<Record<string, { summary: string; parameters: SchemeParameter[] }>>;
  readonly limits: Readonly<Limits>;
  /** { kind: English template } for every message the engine can give ({name}-style placeholders). */
  readonly messageTemplates: Readonly<Record<string, string>>;
}

/** A model config's rope_scaling (or rope_parameters), with the reference library's key names. */
export interface RopeScaling {
  rope_type?: 'default' | 'linear' | 'ntk' | 'dynamic' | 'yarn' | 'llama3' | 'longrope';
  /** The legacy name of rope_type (rope_type wins when both are given). */
  type?: RopeScaling['rope_type'];
  rope_theta?: number;
  factor?: number;
  original_max_position_embeddings?: number;
  beta_fast?: number;
  beta_slow?: number;
  mscale?: number;
  mscale_all_dim?: number;
  attention_factor?: number;
  truncate?: boolean;
  low_freq_factor?: number;
  high_freq_factor?: number;
  short_factor?: number[];
  long_factor?: number[];
}
export interface RopeScalingOptions {
  scaling?: RopeScaling | null;
  /** The config's max_position_embeddings (dynamic, yarn and longrope read it). */
  maxPositions?: number;
  /** The config's top-level original_max_position_embeddings (LongRoPE, as Phi-3 stores it). */
  originalMaxPositions?: number;
  /** The current sequence length (dynamic and longrope depend on it). */
  sequenceLength?: number;
}
export interface RopeFrequencies {
  invFreq: Float64Array;
  /** Multiplies cos and sin (YaRN's mscale, LongRoPE's factor); 1 for the others. */
  attentionScaling: number;
  /** The factor the method used (YaRN and LongRoPE may take it from the lengths), or null. */
  factor: number | null;
  /** YaRN: the pairs between which the ramp blends (below low: interpolated; above high: kept). */
  ramp: { low: number; high: number } | null;
  /** Llama 3: wavelengths below low are kept, above high divided by factor, blended between. */
  wavelengths: { low: number; high: number } | null;
}

export type NumberFormat = 'float32' | 'float16' | 'bfloat16';
/** Sinusoidal ({ dModel, ... }) or RoPE ({ headDim, ... }) options, with the positions to examine. */
export type PrecisionOptions = (EncodingOptions | RopeOptions) & { positions?: number; start?: number };
export interface PrecisionHow {
  format: NumberFormat;
  /** Which quantity is held in the low format; everything else is float64. */
  stage: 'positions' | 'frequencies' | 'angles' | 'outputs';
}

/** Loads the module (once per call; share the result). */
export default function createPE(moduleOverrides?: object): Promise<PE>;
