// The multimodal view's first figure (index.js): every token's kind as a strip and its (t, h, w) ids
// against the token index, the 2026 rewrite's ids where they differ; the readout of the chosen token
// and the note on the rewrite. The chart without the token's mark is drawn once per prompt, width and
// theme into a canvas of its own; moving the token copies it and draws the mark.
import { grouped } from '../../canvas.js';
import { legend } from '../common.js';
import { fitFigure, fitLayer } from './layers.js';
import { AXES } from './prompt.js';

const HEIGHT = 260;
const KINDS = ['kindText', 'kindStart', 'kindImage', 'kindVideo', 'kindEnd', 'kindStamp'];

/** The chart's frame and scales for `tokens` tokens up to id `top`. */
function scales(width, tokens, top) {
  const plot = { left: 52, right: width - 12, top: 30, bottom: HEIGHT - 46 };
  const n = Math.max(1, tokens);
  return {
    plot,
    n,
    columns: Math.max(1, Math.floor(plot.right - plot.left)),
    sx: (i) => plot.left + ((i + 0.5) / n) * (plot.right - plot.left),
    sy: (v) => plot.bottom - (v / Math.max(1, top)) * (plot.bottom - plot.top),
  };
}

/** The chart of `p` without the token's mark, on the page's canvas (its mark's layer cleared: the
 *  next step draws it). */
export function drawIdsChart(view, p, c, width) {
  const ctx = fitFigure(view.root.querySelector('canvas.mm-ids'), width, HEIGHT);
  const { tokens, ids, rewrite, top, differs, layout: lay } = p;
  const { plot, n, columns, sx, sy } = scales(width, tokens, top);
  const kindColour = [c.muted, c.fg, c.series[0], c.series[3], c.fg, c.series[5]];
  // The strip: one colour per kind, a pixel column at least per token, a run of one kind one rectangle.
  const kindAt = (x) => lay.kind[Math.min(n - 1, Math.floor((x / columns) * n))];
  for (let x = 0; x < columns && tokens;) {
    const kind = kindAt(x);
    let end = x + 1;
    while (end < columns && kindAt(end) === kind) end++;
    ctx.fillStyle = kindColour[kind];
    ctx.fillRect(plot.left + x, 8, end - x, 14);
    x = end;
  }
  // Axes: ids on the left, token index below.
  ctx.strokeStyle = c.grid;
  ctx.fillStyle = c.muted;
  ctx.font = c.font;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of [0, Math.round(top / 2), top]) {
    ctx.beginPath();
    ctx.moveTo(plot.left, sy(v));
    ctx.lineTo(plot.right, sy(v));
    ctx.stroke();
    ctx.fillText(grouped(v), plot.left - 4, sy(v));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of [0, Math.floor((n - 1) / 2), n - 1]) ctx.fillText(grouped(v), sx(v), plot.bottom + 4);
  ctx.textAlign = 'right';
  ctx.fillText(view.t('tokenAxis'), plot.right, plot.bottom + 18);
  ctx.textAlign = 'left';
  ctx.fillText(view.t('idAxis'), plot.left + 4, plot.top + 2);
  // The 2026 rewrite's ids where they differ, red under the axis and dashed grey; then the three rows.
  ctx.globalAlpha = 0.25;
  ctx.fillStyle = c.error;
  for (const i of differs)
    ctx.fillRect(sx(i - 0.5), plot.bottom + 1, Math.max(1, sx(i + 0.5) - sx(i - 0.5)), 3);
  ctx.globalAlpha = 1;
  // The rewrite's dashed rows only over the runs where they differ (and a step either side, where
  // they join the served rows): elsewhere the served rows, drawn wider over them, hide them.
  const perColumn = n > columns;
  const at = (i) => (perColumn ? Math.floor((i / n) * columns) : i);
  const runs = [];
  for (const i of differs) {
    const from = Math.max(0, at(i) - 1);
    const to = Math.min(perColumn ? columns : n, at(i) + 2);
    if (runs.length && from <= runs[runs.length - 1][1]) runs[runs.length - 1][1] = to;
    else runs.push([from, to]);
  }
  const rows = [
    { data: rewrite.positionIds, dash: [3, 3], colours: [c.muted, c.muted, c.muted], width: 1, runs },
    {
      data: ids.positionIds,
      dash: [],
      colours: [c.series[0], c.series[1], c.series[2]],
      width: 1.5,
      runs: [[0, perColumn ? columns : n]],
    },
  ];
  for (const row of differs.length ? rows : rows.slice(1)) {
    for (let a = 2; a >= 0; a--) {
      ctx.save();
      ctx.strokeStyle = row.colours[a];
      ctx.lineWidth = row.width;
      ctx.setLineDash(row.dash);
      ctx.beginPath();
      for (const run of row.runs)
        idPath(ctx, row.data.subarray(a * tokens, (a + 1) * tokens), sx, sy, columns, plot.left, run);
      ctx.stroke();
      ctx.restore();
    }
  }
}

/** One path through a row of ids over `run` (tokens, or pixel columns when the tokens outnumber
 *  them): a step per token, or per pixel column its smallest and largest. */
function idPath(ctx, row, sx, sy, columns, left, [start, end]) {
  const n = row.length;
  if (n <= columns) {
    for (let i = start; i < end; i++) {
      if (i > start) ctx.lineTo(sx(i - 0.5), sy(row[i]));
      else ctx.moveTo(sx(i - 0.5), sy(row[i]));
      ctx.lineTo(sx(i + 0.5), sy(row[i]));
    }
    return;
  }
  for (let x = start; x < end; x++) {
    const from = Math.floor((x / columns) * n);
    const to = Math.max(from + 1, Math.floor(((x + 1) / columns) * n));
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = from; i < to; i++) {
      lo = Math.min(lo, row[i]);
      hi = Math.max(hi, row[i]);
    }
    if (x > start) ctx.lineTo(left + x, sy(lo));
    else ctx.moveTo(left + x, sy(lo));
    ctx.lineTo(left + x + 0.5, sy(hi));
  }
}

/** The chosen token's mark over the chart: a dashed line down from the strip, on the chart's layer. */
export function drawIdsMark(view, p, token, c, width) {
  const ctx = fitLayer(view.root.querySelector('canvas.mm-ids'));
  const { plot, sx } = scales(width, p.tokens, p.top);
  ctx.strokeStyle = c.fg;
  ctx.setLineDash([2, 2]);
  ctx.beginPath();
  ctx.moveTo(sx(token), 4);
  ctx.lineTo(sx(token), plot.bottom);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** What the prompt shows whatever the token: the chart's legend, and where the 2026 rewrite differs. */
export function describePrompt(view, p, c) {
  const { tokens, ids, rewrite, differs, layout: lay } = p;
  legend(view.root.querySelector('.mm-legend'), [
    ...AXES.map((a, k) => ({ color: c.series[k], label: view.t(`axis_${a}`) })),
    ...(differs.length ? [{ color: c.muted, label: view.t('rewriteKey'), dash: true }] : []),
    { color: c.muted, label: view.t('kindText') },
    { color: c.fg, label: `${view.t('kindStart')} ${view.t('kindEnd')}` },
    { color: c.series[0], label: view.t('kindImage') },
    { color: c.series[3], label: view.t('kindVideo') },
    ...(lay.kind.includes(5) ? [{ color: c.series[5], label: view.t('kindStamp') }] : []),
  ]);
  const note = view.root.querySelector('.mm-rewrite');
  note.classList.toggle('warning', differs.length > 0);
  note.dataset.differs = String(differs.length);
  if (!differs.length) {
    note.textContent = view.t('rewriteSame');
    return;
  }
  const first = differs[0];
  const ids3 = (data) => AXES.map((_, a) => data[a * tokens + first]).join(', ');
  note.textContent = view.t('rewriteDiffers', {
    count: grouped(differs.length),
    first: grouped(first),
    served: ids3(ids.positionIds),
    rewritten: ids3(rewrite.positionIds),
    delta: grouped(rewrite.ropeDelta),
    servedDelta: grouped(ids.ropeDelta),
  });
  if (p.model === 'qwen2.5-vl' && p.segments.some((s) => s.image && s.image[0] > 1))
    note.textContent += ' ' + view.t('rewriteImageFrames');
}

/** The chosen token in words: its kind, segment, ids (and merged cell), and the decoder's delta. */
export function readout(view, p, token) {
  const { tokens, ids, layout: lay } = p;
  const out = view.root.querySelector('.mm-readout');
  const at = (data, a) => data[a * tokens + token];
  const values = {
    token: grouped(token),
    tokens: grouped(tokens),
    kind: tokens ? view.t(KINDS[lay.kind[token]]) : '',
    segment: tokens ? lay.segment[token] + 1 : 0,
    t: tokens ? at(ids.positionIds, 0) : 0,
    h: tokens ? at(ids.positionIds, 1) : 0,
    w: tokens ? at(ids.positionIds, 2) : 0,
    delta: grouped(ids.ropeDelta),
    next: grouped(tokens + ids.ropeDelta),
  };
  const cell = tokens ? lay.cell[token] : null;
  let text = tokens ? view.t('readout', values) : view.t('empty');
  if (cell) text += view.t('readoutCell', { frame: cell[0] + 1, row: cell[1], col: cell[2] });
  out.textContent = text + ' ' + view.t('delta', values);
  Object.assign(out.dataset, {
    token: String(token),
    t: String(values.t),
    h: String(values.h),
    w: String(values.w),
    delta: String(ids.ropeDelta),
    tokens: String(tokens),
  });
}
