// 图像块的二维正弦余弦编码：图的中文文字（只有中文的图才加载）。
export default {
  view: '二维 sin-cos',
  title: '图像块的二维正弦余弦编码（ViT、MAE、DiT）',
  bodyHtml:
    '<p>视觉 Transformer 把图像切成小块（ViT-B/16 在 224 像素时为 14 × 14），每个块都需要知道自己在二维中的位置。MAE 的固定编码把 d_model 的一半用于列 x，一半用于行 y，每一半都是 d/4 个频率的一维正弦余弦编码。</p><p><strong>前一半编码的是 x，也就是列</strong>，尽管 MAE 的代码把它叫作 <code>emb_h</code>：它的网格来自 <code>meshgrid(grid_w, grid_h)</code>，所以 <code>grid[0]</code> 存的是列号。表的行按网格逐行排列；有类别词元时最前面多一行全零。</p>',
  gridHeight: '块的行数',
  gridWidth: '块的列数',
  dModel: 'd_model',
  row: '选中的块：行',
  col: '列',
  pick: '点击或轻触一个块（或用方向键），把它与其他所有块比较。',
  all: '整个向量',
  x: '前一半：x（列）',
  y: '后一半：y（行）',
  readout:
    '块（第 {row} 行，第 {col} 列）是表中的第 {index} 行。颜色：与它的余弦相似度，从黄色（1，它自己）到深蓝（{min}）。',
  panel: '与块（第 {row} 行，第 {col} 列）的余弦相似度：{part}',
};
