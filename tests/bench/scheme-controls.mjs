// The scheme views' main controls and the values a benchmark steps each through, and the stepping
// (scheme-frames.mjs, scheme-profile.mjs).
import { PRESETS } from '../../web/app/schemes/context/presets.js';

// [view, control name, values it steps through]
export const CONTROLS = [
  ['rope', 'rope-position', Array.from({ length: 60 }, (_, k) => String(k * 1000))],
  ['rope', 'rope-table-positions', ['4096', '65536', '1000000', '65536', '4096', '1000000']],
  ['alibi', 'alibi-query', Array.from({ length: 60 }, (_, k) => String(k % 32))],
  ['alibi', 'alibi-length', ['16', '256', '1024', '4096', '1024', '64']],
  ['grid2d', 'grid2d-gridHeight', ['7', '14', '16', '32', '14']],
  ['precision', 'precision-pair', Array.from({ length: 60 }, (_, k) => String(k))],
  ['precision', 'precision-stage', ['positions', 'frequencies', 'angles', 'outputs', 'positions']],
  ['context', 'context-preset', Object.values(PRESETS).map((p) => p.model)],
  ['multimodal', 'multimodal-token', Array.from({ length: 60 }, (_, k) => String(k * 2))],
  [
    'multimodal',
    'multimodal-model',
    ['qwen2-vl', 'qwen2.5-vl', 'qwen3-vl', 'qwen2-vl', 'qwen2.5-vl', 'qwen3-vl'],
  ],
  [
    'multimodal',
    'multimodal-segments',
    [
      'text:4,image:1x28x28,text:3',
      'text:2,video:8x28x28:0.5:3,text:4',
      'text:4,image:1x12x16,text:3,video:4x8x8:1:2,text:3',
    ],
  ],
];

/** Until no view is still drawing (data-state "drawing"). */
export const drawn = (page) =>
  page.waitForFunction(() => !document.querySelector('[data-state="drawing"]'), null, { polling: 'raf' });

/** Sets control `name` to each of `values` as a reader does (an input event), each time waiting for
 *  the next frame and until every view has drawn what it asked for. */
export async function stepThrough(page, name, values) {
  for (const value of values) {
    await page.evaluate(
      ({ name, value }) =>
        new Promise((resolve) => {
          const control = document.querySelector(`[name="${name}"]`);
          control.value = value;
          control.dispatchEvent(new Event('input', { bubbles: true }));
          requestAnimationFrame(() => resolve());
        }),
      { name, value },
    );
    await drawn(page);
  }
}
