// The multimodal view's Qwen2.5-VL seconds (index.js): the time ids of one video at four lengths of a
// grid step, which the code rounds down to whole seconds. The chart is the same for every prompt; the
// note adds the prompt's own video where it is rounded too.
import { legend, lineChart } from '../common.js';

const STEPS = [0.5, 1, 1.5, 2];
const FRAMES = 8;

/** Frame f's time id (its single merged token's, less the first frame's) at each step length: the
 *  engine's ids, read once per view. */
function timeIds(view) {
  view.secondsIds ??= STEPS.map((seconds) => {
    const got = view.pe.mropePositionIds([{ video: [FRAMES, 2, 2], secondPerGridT: seconds }], {
      model: 'qwen2.5-vl',
    });
    return Array.from({ length: FRAMES }, (_, f) => got.positionIds[1 + f] - got.positionIds[1]);
  });
  return view.secondsIds;
}

/** Qwen2.5-VL's time ids against the frames' time in seconds, for a video of 8 grid steps at
 *  0.5, 1, 1.5 and 2 s per step (tokens_per_second 2). */
export function drawSeconds(view, c) {
  const canvas = view.root.querySelector('canvas.mm-seconds');
  const ids = timeIds(view);
  const series = STEPS.map((seconds, k) => ({
    x: Array.from({ length: FRAMES }, (_, f) => f * seconds),
    y: ids[k],
    color: c.series[k],
    // 1 s and 2 s lie on the same line (2 ids a second): 1 s drawn wider, under it.
    width: seconds === 1 ? 6 : 2,
    label: `${seconds} s`,
  }));
  const ideal = {
    x: [0, 14],
    y: [0, 28],
    color: c.muted,
    dash: [4, 3],
    width: 1,
    label: view.t('perSecond'),
  };
  lineChart(canvas, [ideal, ...series], {
    height: 200,
    xLabel: view.t('secondsAxis'),
    yLabel: view.t('timeIdAxis'),
  });
  legend(view.root.querySelector('.mm-seconds-legend'), [...series, ideal]);
}

/** The chart's note: the ids at 0.5 and 1.5 s, and the prompt's own Qwen2.5-VL video if its step
 *  has a fraction of a second. */
export function secondsNote(view, p) {
  const [half, , onehalf] = timeIds(view);
  const note = view.root.querySelector('.mm-seconds-note');
  note.textContent = view.t('secondsNote', { ids: half.join(', '), onehalf: onehalf.join(', ') });
  note.dataset.half = half.join(',');
  note.dataset.onehalf = onehalf.join(',');
  const own = p.model === 'qwen2.5-vl' ? p.segments.filter((s) => s.video && s.secondPerGridT % 1) : [];
  if (own.length)
    note.textContent +=
      ' ' + view.t('secondsYours', { seconds: own.map((s) => s.secondPerGridT).join(', ') });
}
