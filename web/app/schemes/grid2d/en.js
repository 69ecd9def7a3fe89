// 2-D sin-cos of image patches: the figure's English text (loaded only for an English figure).
export default {
  view: '2-D sin-cos',
  title: '2-D sin-cos for image patches (ViT, MAE, DiT)',
  bodyHtml:
    '<p>A vision transformer cuts the image into patches (14 × 14 for ViT-B/16 at 224 px) and needs each patch’s place in two dimensions. MAE’s fixed encoding spends half of d_model on the column x and half on the row y, each half a 1-D sin-cos of d/4 frequencies.</p><p><strong>The first half encodes x, the column</strong>, although MAE’s code calls it <code>emb_h</code>: its grid comes from <code>meshgrid(grid_w, grid_h)</code>, so <code>grid[0]</code> holds column indices. Rows run over the grid row by row, with a zero row first when there is a class token.</p>',
  gridHeight: 'patch rows',
  gridWidth: 'patch columns',
  dModel: 'd_model',
  row: 'picked patch: row',
  col: 'column',
  pick: 'Click or tap a patch (or use the arrow keys) to compare it with every other patch.',
  all: 'whole vector',
  x: 'first half: x (column)',
  y: 'second half: y (row)',
  readout:
    'Patch (row {row}, column {col}) is row {index} of the table. Colour: cosine similarity with it, from yellow (1, itself) down to dark blue ({min}).',
  panel: 'Cosine similarity to patch (row {row}, column {col}): {part}',
};
