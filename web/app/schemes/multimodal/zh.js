// 多模态 RoPE（Qwen2-VL 到 Qwen3-VL 的 M-RoPE、视觉塔的二维 RoPE、FLUX 的轴向 RoPE）：图的中文文字（只有中文的图才加载）。
export default {
  view: '多模态 RoPE',
  title: '多模态 RoPE：每个词元三个位置编号',
  bodyHtml:
    '<p>视觉语言模型把文字、图像和视频放在同一个序列里读。Qwen2-VL、Qwen2.5-VL 和 Qwen3-VL 给每个词元<strong>三个位置编号</strong>：时间、高度和宽度（t, h, w），并把每个注意力头的旋转维度对分给这三个轴（M-RoPE）。文字词元的三个编号相同；图像的词元（每个对应 14 或 16 像素小块组成的一个 2 × 2 合并块）共用时间编号，高度和宽度编号取所在合并块的行与列。图像之后的文字从图像起点加上<em>合并后较长的一边</em>处接着编号，而不是加上图像的词元数，所以解码时每个新词元的下标都要加上一个<em>差值</em>（delta）。</p><p>这里的每个数都按模型自己的代码计算：Hugging Face transformers 中 <code>get_rope_index</code> 在 2025 年发布的权重所用的版本、各个 apply 函数对维度对的分配、视觉塔的 <code>rot_pos_emb</code>，以及 FLUX 的 <code>EmbedND</code>。提示的写法与 <code>pe-export</code> 相同：<code>text:N</code>、<code>image:TxHxW</code>、<code>video:TxHxW:每个时间格的秒数:时间戳词元数</code>，网格是合并前的小块网格（<code>image_grid_thw</code>）。</p>',
  model: '模型',
  prompt: '提示',
  token: '词元',
  idsTitle: '每个词元的 (t, h, w) 编号',
  tokenAxis: '词元',
  idAxis: '位置编号',
  axis_t: 't（时间）',
  axis_h: 'h（高度）',
  axis_w: 'w（宽度）',
  rewriteKey: '2026 年的代码',
  kindText: '文字',
  kindStart: '视觉起始符',
  kindImage: '图像',
  kindVideo: '视频',
  kindEnd: '视觉结束符',
  kindStamp: '时间戳文字',
  readout:
    '第 {token} 个词元（共 {tokens} 个）：{kind}（第 {segment} 段），编号 (t, h, w) = ({t}, {h}, {w})。',
  readoutCell: '第 {frame} 帧，合并后第 {row} 行、第 {col} 列。',
  empty: '提示为空。',
  delta:
    'ropeDelta = {delta}：提示之后，下标为 n 的词元在三个轴上的位置都是 n + ({delta})（下一个词元下标 {tokens}，位置 {next}）。',
  rewriteSame:
    '2026 年 2 月重写的 get_rope_index（“Unify 3D position ids”，截至 2026 年 5 月的版本）给这个提示的编号与此相同。',
  rewriteDiffers:
    '注意：2026 年 2 月重写的 get_rope_index（“Unify 3D position ids”，截至 2026 年 5 月的版本；灰色虚线，横轴下方标红）给其中 {count} 个词元的编号不同，从第 {first} 个词元起：这里是 ({served})，那里是 ({rewritten})；ropeDelta 为 {delta}，而不是 {servedDelta}。新代码越过一段视频时只前进合并后较长的一边，于是视频之后的文字会重用后面几帧已经占用的位置。本图按 2025 年发布的权重实际使用的代码计算。',
  rewriteImageFrames: '对于多帧的 Qwen2.5-VL 图像，新代码还让各帧的时间编号每帧加 1（2025 年的代码加 0）。',
  gridTitle: '图像的小块网格与合并块',
  gridNone: '提示里没有图像或视频。',
  gridNote:
    '第 {segment} 段，第 {frame} 帧：{h} × {w} 个小块，按 {merge} × {merge} 合并成 {mh} × {mw} = {tokens} 个词元（粗线），时间编号都是 {t}。每个合并块的 h 编号标在左边，w 编号标在上方。所选词元的合并块已填色；视觉塔给它的小块编号为 {first} 到 {last}：同一个合并词元的小块是连续的。',
  secondsTitle: 'Qwen2.5-VL 的时间编号只数整秒',
  secondsAxis: '视频中的时间（秒）',
  timeIdAxis: '时间编号',
  secondsNote:
    '八个时间格，每格 0.5、1、1.5 和 2 秒，tokens_per_second 为 2（虚线：每秒 2 个编号）。代码先把 second_per_grid_t 转成整数再相乘：每格 0.5 秒时所有帧的时间编号都一样（{ids}），1.5 秒按 1 秒算（{onehalf}）。',
  perSecond: '每秒 2 个编号',
  fluxFlat: '一维 RoPE，128 维',
  fluxAxis0: '轴 0（{d} 维：FLUX.1 的文字和图像都为 0）',
  fluxAxis1: '轴 1（{d} 维：潜空间行）',
  fluxAxis2: '轴 2（{d} 维：潜空间列）',
  secondsYours: '你的提示里每格 {seconds} 秒的视频也同样向下取整。',
  pairsTitle: '哪些维度对承载 t、h、w，以及它们的波长',
  chunks: 'Qwen2/2.5-VL：连续分段 [16, 24, 24]，θ 10⁶',
  interleaved: 'Qwen3-VL：交错排列 [24, 20, 20]，θ 5·10⁶',
  wavelengthAxis: '波长（位置数）',
  pairsNote:
    '128 维注意力头的 64 个维度对，转得最快的在前，按转动它的轴着色（第 d 维读第 d mod 64 个维度对的轴）；下面按对数刻度画出每个轴各维度对的波长。连续分段只给 t 转得最快的维度对（{ct}），h 居中（{ch}），w 只有最慢的（{cw}）：宽度上差几个小块，w 的维度对几乎不转。交错排列让每个轴都覆盖整个范围（t {it}，h {ih}，w {iw}）。',
  scoresTitle: '沿各个轴的 q·k',
  offsetAxis: '沿一个轴的偏移 Δ',
  scoreAxis: 'q·k（cos 的平均）',
  scoresChunks:
    '{model}：查询和键只在一个轴上相差 Δ 时的分数，取 q = k = 全 1（即该轴各维度对 cos(Δ·f) 的平均）。t 几步之内就大幅摆动；w 用的是最慢的维度对，跨 96 个小块也几乎不变（Δ = {d} 时：t {t}，h {h}，w {w}）。',
  scoresInterleaved:
    '{model}：查询和键只在一个轴上相差 Δ 时的分数，取 q = k = 全 1（即该轴各维度对 cos(Δ·f) 的平均）。交错排列时三个轴看到的频谱几乎相同，下降得也一样（Δ = {d} 时：t {t}，h {h}，w {w}）。',
  visionTitle: '视觉塔中每个小块、每个维度对的角度',
  visionRows: '行 × f_k',
  visionCols: '列 × f_k',
  visionTooMany: '这张图像有 {patches} 个小块，太多，无法每块画一行。',
  visionNote:
    '{model} 的视觉塔（每头 {head} 维，{pairs} 个维度对，θ 10⁴）在合并之前按每个小块自己的二维位置旋转：前 {quarter} 个维度对按小块的行，后 {quarter} 个按列（颜色为角度的 cos：蓝色 +1，橙色 −1）。每一行是 {h} × {w} 一帧中的一个小块，共 {patches} 个，顺序与 rot_pos_emb 相同，一个合并块接一个合并块。小块 {patch}：第 1 个维度对 {row} 弧度（行），第 {quarter} + 1 个 {col} 弧度（列）。',
  fluxTitle: 'FLUX 的轴向频谱与一维频谱对照',
  pairAxis: '维度对',
  fluxNote:
    'FLUX.1 把 128 个旋转维度分成 [{axes}] 三个轴（EmbedND）：每个轴有自己的几何频谱，都从波长 2π 重新开始，所以 8 个维度对的轴最长只到 {first} 个位置，每个 28 对的轴到 {other}。同样 128 维的一维 RoPE（虚线）可达 {flat}。',
};
