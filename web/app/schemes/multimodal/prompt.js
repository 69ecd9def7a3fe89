// The multimodal view's prompt (index.js): the models' facts, pe-export's spelling of a prompt
// (parseSegments), the token layout the processor makes of it (layout), and the prompt as the engine
// reads it (readPrompt: pe.mropePositionIds in the served and the 2026 code, read once per model and
// prompt, with what every figure of it needs: its largest id, the tokens where the two codes differ).

// The models' published config.json (Qwen/Qwen2-VL-7B-Instruct, Qwen/Qwen2.5-VL-7B-Instruct,
// Qwen/Qwen3-VL-8B-Instruct): the language model's head (hidden_size / num_attention_heads, or
// head_dim), rope_theta and mrope_section (Qwen3-VL: mrope_interleaved), and the vision tower's head
// (vision_config.hidden_size / num_heads; its VisionRotaryEmbedding uses θ 10000).
export const MODELS = {
  'qwen2-vl': {
    label: 'Qwen2-VL',
    headDim: 128,
    theta: 1e6,
    section: [16, 24, 24],
    interleaved: false,
    visionHead: 80,
  },
  'qwen2.5-vl': {
    label: 'Qwen2.5-VL',
    headDim: 128,
    theta: 1e6,
    section: [16, 24, 24],
    interleaved: false,
    visionHead: 80,
  },
  'qwen3-vl': {
    label: 'Qwen3-VL',
    headDim: 128,
    theta: 5e6,
    section: [24, 20, 20],
    interleaved: true,
    visionHead: 72,
  },
};
export const VISION_THETA = 10000;
// FLUX.1's EmbedND (black-forest-labs/flux, src/flux/model.py: axes_dim [16, 56, 56], theta 10000).
export const FLUX = { axesDim: [16, 56, 56], theta: 10000 };
// Prompts to start from, in pe-export's spelling (the `segments` setting).
export const PROMPTS = [
  'text:4,image:1x12x16,text:3,video:4x8x8:1:2,text:3',
  'text:3,image:1x4x6,text:4',
  'text:2,image:1x4x6,text:3,image:1x8x2,text:2',
  'image:1x6x4,text:3',
  'text:1,image:1x6x10,text:2',
  'text:2,video:4x4x4:0.5:3,text:3',
  'text:2,video:6x4x4:1:2,text:6',
];
export const AXES = ['t', 'h', 'w'];
const SPELLING =
  'text:N, image:TxHxW or video:TxHxW[:seconds per grid step[:timestamp tokens]], comma-separated';

/** The setting's text as the API's segments ([{ text }, { image }, { video, secondPerGridT,
 *  timestampTokens }]); a misspelt item is refused naming `segments`. The engine checks the values. */
export function parseSegments(text) {
  return text
    .split(',')
    .filter((item, i, all) => item.trim() !== '' || all.length === 1)
    .map((item) => {
      const m = /^\s*(text|image|video):([^:]+)(?::([^:]+))?(?::([^:]+))?\s*$/.exec(item);
      const grid = m && m[1] !== 'text' ? m[2].split('x').map(Number) : null;
      const numbers = m && [m[3], m[4]].filter((v) => v !== undefined).map(Number);
      const bad =
        !m ||
        (m[1] === 'text' && (m[3] !== undefined || !/^\s*-?[\d.]+\s*$/.test(m[2]))) ||
        (m[1] === 'image' && m[3] !== undefined) ||
        (grid && (grid.length !== 3 || grid.some(isNaN))) ||
        numbers.some(isNaN);
      if (bad) {
        throw Object.assign(new Error(`segments must be ${SPELLING}; got "${item}"`), {
          kind: 'not_array',
          parameter: 'segments',
          args: { expected: SPELLING, got: `"${item}"` },
        });
      }
      if (m[1] === 'text') return { text: Number(m[2]) };
      if (m[1] === 'image') return { image: grid };
      const video = { video: grid };
      if (m[3] !== undefined) video.secondPerGridT = Number(m[3]);
      if (m[4] !== undefined) video.timestampTokens = Number(m[4]);
      return video;
    });
}

/** Which token is which, as the processor lays the prompt out (the engine's ids say where each goes):
 *  kind[i] 0 text, 1 <|vision_start|>, 2 image pad, 3 video pad, 4 <|vision_end|>, 5 timestamp text;
 *  segment[i] its segment; for a pad its frame and merged row and column. */
export function layout(segments, model, merge) {
  const kind = [];
  const segment = [];
  const cell = []; // [frame, row, column] of a pad, else null
  const push = (k, s, c = null) => {
    kind.push(k);
    segment.push(s);
    cell.push(c);
  };
  const frame = (s, pad, f, h, w) => {
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) push(pad, s, [f, r, c]);
  };
  segments.forEach((seg, s) => {
    if (seg.text !== undefined) {
      for (let i = 0; i < seg.text; i++) push(0, s);
      return;
    }
    const [t, h, w] = seg.image || seg.video;
    const pad = seg.image ? 2 : 3;
    if (seg.video && model === 'qwen3-vl') {
      for (let f = 0; f < t; f++) {
        for (let i = 0; i < (seg.timestampTokens || 0); i++) push(5, s);
        push(1, s);
        frame(s, pad, f, h / merge, w / merge);
        push(4, s);
      }
      return;
    }
    push(1, s);
    for (let f = 0; f < t; f++) frame(s, pad, f, h / merge, w / merge);
    push(4, s);
  });
  return { kind, segment, cell };
}

/** The prompt `text` for `model` as the engine reads it: its ids in the code the checkpoints were
 *  served with and in the 2026 rewrite (the engine refuses a bad prompt here, naming the segment),
 *  the layout, the largest id of either (the ids chart's scale) and the tokens whose ids differ. */
export function readPrompt(pe, model, text) {
  const segments = parseSegments(text);
  const ids = pe.mropePositionIds(segments, { model });
  const rewrite = pe.mropePositionIds(segments, { model, revision: '2026' });
  const merge = pe.schemes.mrope.parameters.find((p) => p.name === 'spatialMergeSize').default;
  const tokens = ids.positionIds.length / 3;
  let top = 0;
  for (let i = 0; i < ids.positionIds.length; i++) top = Math.max(top, ids.positionIds[i]);
  for (let i = 0; i < rewrite.positionIds.length; i++) top = Math.max(top, rewrite.positionIds[i]);
  const differs = [];
  for (let i = 0; i < tokens; i++) {
    if (AXES.some((_, a) => ids.positionIds[a * tokens + i] !== rewrite.positionIds[a * tokens + i]))
      differs.push(i);
  }
  return {
    key: `${model}|${text}`,
    model,
    segments,
    ids,
    rewrite,
    merge,
    tokens,
    top,
    differs,
    layout: layout(segments, model, merge),
  };
}
